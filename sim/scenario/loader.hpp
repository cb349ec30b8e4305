#pragma once
/// @file Loading a scenario: read JSON strictly, apply "extends" chains (JSON Merge Patch,
/// RFC 7386), validate every section, and build a model::Scenario. All problems are
/// collected and thrown together as InvalidInput; nothing is half-loaded.

#include <nlohmann/json.hpp>  // nlohmann::json

#include <filesystem>   // std::filesystem::path
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include "sim/model/scenario.hpp"        // model::Scenario
#include "sim/scenario/assumptions.hpp"  // Assumption
#include "sim/scenario/problems.hpp"     // InvalidInput

namespace cadresim::scenario {

/// A loaded scenario: the model data and the fully resolved JSON (extends applied, defaults
/// filled) that reproduces it.
struct LoadedScenario {
  model::Scenario scenario;
  nlohmann::json resolved;
  std::string source;              ///< path, or "(built-in Điện Biên baseline)"
  std::filesystem::path base_dir;  ///< directory that relative paths (roster) resolve from
  /// Resolved JSON of the scenario in force from each epoch's date (scenario.epochs order).
  std::vector<std::pair<kernel::Day, nlohmann::json>> epoch_resolved;
  std::vector<Assumption> assumptions;  ///< the "assumptions" section (plausible ranges)
  std::vector<Problem> warnings;        ///< not errors: e.g. a merge patch replacing an array
};

/// Name used for the embedded baseline in messages and provenance.
inline constexpr std::string_view kBuiltinBaselineName = "built-in dien-bien/baseline.json";
/// The value of `extends` that names the embedded baseline instead of a file
/// (docs/scenarios.md § extends).
inline constexpr std::string_view kBuiltinBaselineExtends = "builtin:dien-bien";

/// Loads a scenario file (extends resolved relative to each file). Throws InvalidInput.
LoadedScenario load_scenario_file(const std::filesystem::path& path);
/// Loads the baseline embedded in the binary. Throws InvalidInput (only if the build is broken).
LoadedScenario load_builtin_baseline();
/// Loads the file, or the embedded baseline when `path` is empty.
LoadedScenario load_scenario(const std::filesystem::path& path);

/// Reads a JSON document strictly (limits on depth, duplicates, NUL, number range); problems
/// name the file and line/column. Throws InvalidInput.
nlohmann::json read_json_document(const std::filesystem::path& path);
/// Same, from text (for embedded files and tests).
nlohmann::json parse_json_document(std::string_view text, const std::string& display_name);

/// Applies the "extends" chain of `doc` (read from `path`), returning the merged document
/// without "extends". Each variant is applied as a merge patch and then its "json_patch"
/// operations (sim/scenario/variant.hpp). Cycles and missing bases are problems; whole-array
/// replacements are added to `warnings` when given.
nlohmann::json resolve_extends(const nlohmann::json& doc, const std::filesystem::path& path,
                               Problems& problems, std::vector<Problem>* warnings = nullptr);

/// The resolved scenario in force on `day` (docs/scenarios.md § `structure`): the resolved JSON
/// of the epoch in force, with "units" replaced by the units in force on that day (their
/// parents then, "generated_units" expanded) and "at" set to the day.
nlohmann::json resolved_at(const LoadedScenario& loaded, kernel::Day day);
/// The scenario (base or epoch) in force on `day`.
const model::Scenario& scenario_at(const LoadedScenario& loaded, kernel::Day day);

/// Validates a merged document and builds the scenario. `base_dir` resolves the roster path.
/// Throws InvalidInput with every problem.
LoadedScenario build_scenario(const nlohmann::json& doc, const std::string& display_name,
                              const std::filesystem::path& base_dir);

}  // namespace cadresim::scenario
