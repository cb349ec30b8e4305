#pragma once
/// @file Applying a variant to its base: the variant's keys as a JSON Merge Patch (RFC 7386), then
/// its "json_patch" operations (RFC 6902), which can change one element of an array. A merge
/// patch that replaces a whole array with a different one gets a warning naming the pointer and
/// the element counts. Also: what a variant changes from its base, pointer by pointer.

#include <nlohmann/json.hpp>  // nlohmann::json

#include <string>  // std::string
#include <vector>  // std::vector

#include "sim/scenario/problems.hpp"  // Problems, Problem

namespace cadresim::scenario {

/// Applies `variant` (a document without "extends") to `base` in place: merge patch first, then
/// each operation of `variant["json_patch"]` in order. Problems (a malformed operation, a path
/// that does not resolve, a failed "test") are reported at "/json_patch/<i>" in `file`;
/// warnings (whole-array replacements) are appended to `warnings` when it is not null.
void apply_variant(nlohmann::json& base, const nlohmann::json& variant, const std::string& file,
                   Problems& problems, std::vector<Problem>* warnings);

/// One difference between two resolved scenarios.
struct Change {
  std::string pointer;     ///< where (RFC 6901)
  nlohmann::json base;     ///< value in the base (null when the variant adds it)
  nlohmann::json variant;  ///< value in the variant (null when the variant removes it)
};

/// Every leaf that differs between two resolved scenarios (RFC 6902 diff, one entry per
/// changed value; array elements are compared one by one), in document order. "$comment"
/// strings are skipped.
std::vector<Change> scenario_changes(const nlohmann::json& base, const nlohmann::json& variant);

/// The changes as a JSON array of {"pointer", "base", "variant"} objects.
nlohmann::json changes_json(const std::vector<Change>& changes);

}  // namespace cadresim::scenario
