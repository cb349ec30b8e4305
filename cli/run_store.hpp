#pragma once
/// @file The run record kept in every output folder of `run` and `compare`, and `rerun`.
///
/// Beside the reports, a run folder holds `run.json` (the command, its arguments, seed,
/// replications, creation time and, per scenario, its source and files), the fully resolved
/// scenario(s) `scenario-K.resolved.json`, and `input/K/` with every input file as given (the
/// scenario file, the bases of its `extends` chain, its roster). `cadresim rerun DIR` runs the
/// same command again from that folder alone and writes byte-identical reports.

#include <filesystem>  // std::filesystem::path
#include <nlohmann/json.hpp>
#include <optional>  // std::optional
#include <span>      // std::span
#include <string>    // std::string
#include <vector>    // std::vector

#include "cli/run_support.hpp"  // OutputFile, Provenance, LoadedScenario

namespace cadresim::cli {

/// One scenario of a run as the user gave it.
struct GivenScenario {
  std::string path;  ///< as given ("" for the built-in baseline)
  const scenario::LoadedScenario* loaded = nullptr;
  /// What it changes from its base (run: the file it extends, --set included), kept so that a
  /// rerun reports the same; null when not recorded (compare recomputes it from the scenarios).
  const nlohmann::json* changes = nullptr;
  std::string changed_from;
};

/// The files of the run record (run.json, resolved scenarios, input copies) for the output set.
/// Files that may hold names (input copies, resolved scenarios) are 0600.
std::vector<OutputFile> run_record(const char* command, std::span<const std::string> args,
                                   const analysis::Provenance& prov,
                                   const std::vector<GivenScenario>& scenarios);

/// The run record of folder `dir` as it is (run.json, resolved scenarios, input copies), for
/// the output set of a rerun: a rerun's folder can be rerun in turn.
std::vector<OutputFile> copy_record(const std::filesystem::path& dir);

/// What `--rerun-of DIR` takes from a run folder: the scenarios (rebuilt from the resolved
/// copies and the roster copies), their sources, the command line and creation time.
struct Rerun {
  std::vector<scenario::LoadedScenario> scenarios;
  std::string command;                    ///< "cadresim run ..." as recorded
  std::string created;                    ///< ISO time as recorded
  std::vector<nlohmann::json> changes;    ///< per scenario, as recorded (empty array if none)
  std::vector<std::string> changed_from;  ///< per scenario, as recorded
};

/// Reads a run folder for `--rerun-of`. Throws scenario::InvalidInput when it is not a run
/// folder or its files are damaged.
Rerun load_rerun(const std::filesystem::path& dir);

/// load_rerun, printing the problems (or a wrong number of scenarios: `expected`) to stderr.
std::optional<Rerun> load_rerun_for_cli(const std::string& dir, std::size_t expected,
                                        const char* command);

/// The arguments to give `command` (run or compare) to repeat the run of folder `dir`: the
/// recorded ones without --out, --overwrite and --events, plus `--rerun-of DIR`.
std::optional<std::pair<std::string, std::vector<std::string>>> rerun_arguments(
    const std::filesystem::path& dir, std::string& error);

}  // namespace cadresim::cli
