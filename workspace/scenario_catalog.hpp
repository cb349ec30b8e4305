#pragma once
/// @file The scenarios a browser may open (the files of the scenario folder), each loaded once,
/// the levers of a loaded scenario described from its own data (support section, rotation flows,
/// assumptions, cited sources), and a what-if built from lever settings: the base's resolved
/// scenario with the settings merged in, validated by the scenario loader like any variant.

#include <nlohmann/json.hpp>

#include <filesystem>  // std::filesystem::path
#include <map>         // std::map
#include <memory>      // std::shared_ptr
#include <mutex>       // std::mutex
#include <string>      // std::string
#include <vector>      // std::vector

#include "sim/scenario/loader.hpp"
#include "workspace/request.hpp"

namespace cadresim::workspace {

/// One scenario file of the folder.
struct ScenarioEntry {
  std::string path;         ///< relative to the scenario folder, '/' separated
  std::string name;         ///< its "name" (or the file name when unreadable)
  std::string description;  ///< its "description"
  bool exercise = false;    ///< under training/ (docs/training.md)
};

/// The .json scenario files below `folder` (schema/ and shock-card folders skipped), sorted by
/// path, at most `limit`.
std::vector<ScenarioEntry> list_scenarios(const std::filesystem::path& folder, std::size_t limit);

/// The shock files of the folder (docs/scenarios.md § Shock cards): .json files inside folders
/// named `shocks`, sorted by path, at most `limit`; `exercise` is unused.
std::vector<ScenarioEntry> list_shock_files(const std::filesystem::path& folder, std::size_t limit);

/// Loads scenarios of the folder on first use and keeps them (thread-safe).
class ScenarioCache {
 public:
  ScenarioCache(std::filesystem::path folder, Limits limits)
      : folder_(std::move(folder)), limits_(limits) {}
  /// The scenario at `relative` (checked by resolve_scenario_path). Throws RequestError: 404
  /// when missing, 422 with the loader's first problem when the file is invalid.
  std::shared_ptr<const scenario::LoadedScenario> get(const std::string& relative,
                                                      const std::string& pointer);
  /// The scenario at `relative` with the cards of each shock file in `shocks` (a JSON array of
  /// paths in the folder, at most 8; absent or empty: the scenario as it is). Throws
  /// RequestError at `shocks_pointer`/i for a bad path or a card the scenario refuses (422).
  std::shared_ptr<const scenario::LoadedScenario> get_with_shocks(
      const std::string& relative, const std::string& pointer, const nlohmann::json& shocks,
      const std::string& shocks_pointer);
  /// The scenario folder.
  const std::filesystem::path& folder() const { return folder_; }

 private:
  std::filesystem::path folder_;
  Limits limits_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const scenario::LoadedScenario>> loaded_;
};

/// What the page needs to draw the controls of `loaded`: {"scenario": {name, description, start,
/// end, elections}, "support": [lever...], "targets": {levers, levels, flows}, "flows": [flow...],
/// "cadres": [named cadre ids], "key_posts"}. Each lever has key, kind (money, share, switch,
/// grant_bands), unit, value, min, max, and its sources (ids cited in the section's comments) and
/// assumption range when the scenario lists one.
nlohmann::json lever_catalog(const scenario::LoadedScenario& loaded);

/// The what-if: `base` with `levers` ({"support": {key: value, "targets": {...}}, "flows": {id:
/// number}}) applied from the start, or from `branch_from` (ISO date) as a dated change, named
/// `label`. Throws RequestError 400 at /levers/... for an unknown lever or flow, and 422 with the
/// pointer translated into the request for a value the scenario loader refuses.
scenario::LoadedScenario apply_levers(const scenario::LoadedScenario& base,
                                      const nlohmann::json& levers, const std::string& label,
                                      const std::string& branch_from);

}  // namespace cadresim::workspace
