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
  /// Where a problem inside the patch is reported: "/changes/N/patch" for a change of the file,
  /// "/shocks/N/patch" for a shock card's patch, "/shocks/N" for a patch a card is turned into.
  std::string origin;
  bool literal = true;  ///< the patch is written in the input (else built from a card)
};

/// Checks a dated patch (an object; no frozen key; "titles" keyed by title id with only the
/// fields that may change on a date). Problems at `pointer` (the patch) and below.
void check_dated_patch(const json& patch, const std::string& pointer, SectionContext& ctx);

/// "shocks": the shock cards (docs/scenarios.md § Shock cards) into `ctx.scenario.shocks`,
/// after every other section it names is read (levels, titles, named cadres, staffing,
/// structure). Returns the dated changes the cards are turned into, in card order.
std::vector<DatedChange> read_shocks(FieldReader& top, SectionContext& ctx);

/// The merge cards of a "shocks" array as structural events for read_structure: each the card
/// without its shock keys, with its pointer ("/shocks/N") and card index.
struct ShockStructure {
  json event;
  std::string pointer;
  int card = -1;
};
std::vector<ShockStructure> shock_structure_events(const json& shocks);

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
