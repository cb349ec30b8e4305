#pragma once
/// @file Dated rule changes and the epochs of a scenario (internal to sim/scenario): the
/// "changes" section and the building of one validated scenario per change or structural
/// event date (docs/scenarios.md § Dated changes).

#include <filesystem>  // std::filesystem::path
#include <string>      // std::string
#include <vector>      // std::vector

#include "sim/scenario/loader.hpp"
#include "sim/scenario/sections.hpp"

namespace cadresim::scenario {

/// One dated change: a JSON Merge Patch in force from `date`.
struct DatedChange {
  kernel::Day date = 0;
  json patch;
  std::size_t index = 0;  ///< position in the "changes" array (for pointers)
};

/// "changes": checks dates and patches (frozen keys are problems) and returns them in order.
/// Absent: empty, and no key in the resolved scenario.
std::vector<DatedChange> read_changes(FieldReader& top, SectionContext& ctx);

/// `doc` with a dated patch applied: a JSON Merge Patch, except that "titles" is an object
/// keyed by title id whose values are merged into those titles of the array.
json apply_dated_patch(json doc, const json& patch);

/// Builds the epochs of `out.scenario` (one per date of a structural event or a dated change):
/// each a validated scenario with the patches up to its date applied and its organisation
/// activated on that date. Problems of patched scenarios point into the patches. Throws
/// InvalidInput.
void build_epochs(const json& doc, LoadedScenario& out, const std::vector<DatedChange>& changes,
                  const std::string& display_name, const std::filesystem::path& base_dir);

/// Validates one document and builds its scenario without epochs (the base, or the scenario
/// in force after a dated change). Throws InvalidInput.
LoadedScenario build_single_scenario(const json& doc, const std::string& display_name,
                                     const std::filesystem::path& base_dir);
/// Same, also reading "changes" into `changes` when not null (the base document).
LoadedScenario build_single_scenario(const json& doc, const std::string& display_name,
                                     const std::filesystem::path& base_dir,
                                     std::vector<DatedChange>* changes);

}  // namespace cadresim::scenario
