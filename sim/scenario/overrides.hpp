#pragma once
/// @file Overrides of single values of a loaded scenario, by JSON pointer (`--set
/// /pointer=value` on the command line, sweep points, sampled assumption sets): the resolved
/// scenario is edited and read again through the same strict reader, so an override is checked
/// exactly like a value written in the file.

#include <nlohmann/json.hpp>  // nlohmann::json

#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "sim/scenario/loader.hpp"  // LoadedScenario
#include "sim/text/messages.hpp"    // text::Message

namespace cadresim::scenario {

/// One value to set.
struct Override {
  std::string pointer;   ///< RFC 6901 pointer into the resolved scenario
  nlohmann::json value;  ///< the new value
};

/// Parses "/pointer=value". The value is JSON when it parses as JSON (`1500000`, `true`,
/// `[1,2]`, `"text"`), else it is taken as a string. Returns nullopt and sets `error` when the
/// text has no "=" or the pointer is not a valid RFC 6901 pointer (a catalog message,
/// problem.set.*, to print in the user's language).
std::optional<Override> parse_override(std::string_view text, text::Message& error);
/// As above, `error` in English.
std::optional<Override> parse_override(std::string_view text, std::string& error);

/// The scenario with `values` set in its resolved document and read again. Throws InvalidInput
/// naming the scenario's file and the pointer when a pointer resolves neither to a value nor to
/// a new key of an existing object, or when the changed scenario breaks a rule.
LoadedScenario with_overrides(const LoadedScenario& base, const std::vector<Override>& values);

/// A number set at `pointer`: written as a whole number when `integer` (a parameter the loader
/// reads as one), else as it is. Sweep levers and sampled assumption values are set this way.
Override number_override(const std::string& pointer, double value, bool integer);

/// "/a/b=1, /c=true" for messages and labels.
std::string describe(const std::vector<Override>& values);

}  // namespace cadresim::scenario
