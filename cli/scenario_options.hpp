#pragma once
/// @file What `run`, `compare`, `sweep` and `optimise` share to load a scenario with `--set
/// /pointer=value` overrides: parsing the overrides (usage errors, exit code 2), loading (problems
/// as `file: /pointer: message`, exit code 3), printing warnings (whole-array merge patches), and
/// what the loaded scenario changes from its base (the file it extends, before the overrides).

#include <boost/program_options.hpp>  // options_description

#include <nlohmann/json.hpp>  // the list of changes

#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "sim/scenario/loader.hpp"     // LoadedScenario
#include "sim/scenario/overrides.hpp"  // Override

namespace cadresim::cli {

/// Adds `--set /pointer=value` (repeatable) to `options`, storing the raw texts in `sets`.
void add_set_option(boost::program_options::options_description& options,
                    std::vector<std::string>* sets);

/// Parses every `--set`; on a malformed one prints "cadresim <command>: --set ..." and returns
/// nullopt (exit code 2).
std::optional<std::vector<scenario::Override>> parse_sets(const std::vector<std::string>& sets,
                                                          const char* command);

/// A scenario loaded for a command, with what it changes from its base.
struct CliScenario {
  scenario::LoadedScenario loaded;
  /// [{pointer, base, variant}]: differences from the scenario it extends (none: against the
  /// file itself) after the overrides; empty when it is neither a variant nor overridden.
  nlohmann::json changes = nlohmann::json::array();
  std::string changed_from;  ///< the base the changes are measured from
};

/// Adds `--shocks FILE` (a shock file, docs/scenarios.md § Shock cards; repeatable) to
/// `options`; `what` says which scenarios the cards go to.
void add_shocks_option(boost::program_options::options_description& options,
                       std::vector<std::string>* shock_files, const char* what);

/// Loads `path` (empty or "baseline" = built-in), prints its warnings, applies `overrides`,
/// then adds the cards of each of `shock_files` in turn. Returns nullopt after printing every
/// problem (exit code 3).
std::optional<CliScenario> load_scenario_for(const std::string& path,
                                             const std::vector<scenario::Override>& overrides,
                                             const char* command,
                                             const std::vector<std::string>& shock_files = {});

/// Prints the warnings of a loaded scenario as "file: /pointer: warning: message".
void print_warnings(const scenario::LoadedScenario& loaded);

}  // namespace cadresim::cli
