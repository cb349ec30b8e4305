#pragma once
/// @file What `sweep` and `optimise` share: levers checked against the resolved scenario, one
/// scenario per design point, metric names checked on one replication, and the output folder.

#include <cstddef>     // std::size_t
#include <cstdint>     // std::uint64_t
#include <filesystem>  // std::filesystem::path
#include <optional>    // std::optional
#include <span>        // std::span: the command line
#include <string>      // std::string
#include <vector>      // std::vector

#include "analysis/experiment.hpp"     // MakePointScenario
#include "analysis/sweep.hpp"          // Lever, SweepPoint, MetricSpec
#include "cli/run_support.hpp"         // OutputPlan, OutputFile, Provenance
#include "cli/scenario_options.hpp"    // CliScenario
#include "sim/scenario/loader.hpp"     // LoadedScenario
#include "sim/scenario/overrides.hpp"  // Override

namespace cadresim::cli {

/// Sets each lever's base value and integer flag from the resolved scenario. A pointer that does
/// not resolve to a number is printed as "file: /pointer: --vary: ..."; returns false (exit 3).
bool resolve_levers(const scenario::LoadedScenario& base, std::vector<analysis::Lever>& levers,
                    const char* command);

/// The overrides that put design point `point` into a scenario: each lever's value at its
/// pointer.
std::vector<scenario::Override> point_overrides(const std::vector<analysis::Lever>& levers,
                                                const analysis::SweepPoint& point);

/// Reads every point's scenario once (levers set by pointer, read again strictly), one at a
/// time and dropped at once, so that a point that breaks a rule is found before any work while
/// memory holds one scenario. Problems are printed with the point's values; false (exit 3).
bool check_point_scenarios(const scenario::LoadedScenario& base,
                           const std::vector<analysis::Lever>& levers,
                           const std::vector<analysis::SweepPoint>& points, const char* command);

/// True when every metric exists in a replication of `s` (one short replication is run);
/// otherwise prints "cadresim <command>: unknown metric ..." (exit 2).
bool check_metrics(const model::Scenario& s, const std::vector<analysis::MetricSpec>& metrics,
                   const char* command);

/// Runs `n` replications of each of `points` scenarios, made by `make` while they run
/// (analysis::run_points: about one scenario per worker in memory), with seed, threads and MPI
/// ranks shared; the terminal shows "<command>: P points" and Ctrl-C or SIGTERM cancels. The
/// values [point][metric][replication]. Throws analysis::RunCancelled.
std::vector<std::vector<std::vector<double>>> run_design_points(
    std::size_t points, const analysis::MakePointScenario& make,
    const std::vector<analysis::MetricSpec>& metrics, std::uint64_t seed, std::size_t n,
    unsigned threads, const char* command);

/// run_design_points over the points of a design: point p's scenario is `base` with each lever
/// at its value in points[p] (point_overrides), made while its replications run.
std::vector<std::vector<std::vector<double>>> run_design_points(
    const scenario::LoadedScenario& base, const std::vector<analysis::Lever>& levers,
    const std::vector<analysis::SweepPoint>& points,
    const std::vector<analysis::MetricSpec>& metrics, std::uint64_t seed, std::size_t n,
    unsigned threads, const char* command);

/// Where the outputs of `command` (sweep, optimise) go: plan_outputs with the run store
/// `results/<scenario name>-<command>/`, decided (an existing --out refused) before any work.
std::optional<OutputPlan> plan_experiment_outputs(const std::string& out, bool overwrite,
                                                  const model::Scenario& scenario,
                                                  const analysis::Provenance& prov,
                                                  const char* command, int& exit_code);

/// Writes `files` and the run record (run.json, the resolved scenario, its input files as given;
/// `scenario_path` "baseline" is the built-in one) as one output set (write_output_set).
void write_experiment_outputs(const OutputPlan& plan, std::vector<OutputFile> files,
                              const char* command, std::span<const std::string> args,
                              const analysis::Provenance& prov, const std::string& scenario_path,
                              const CliScenario& scenario);

/// Parses the --vary texts; prints the first problem ("cadresim <command>: --vary ...", also for
/// a parameter given twice, whose second grid would silently replace the first) and returns
/// nullopt (exit 2).
std::optional<std::vector<analysis::Lever>> parse_levers(const std::vector<std::string>& vary,
                                                         const char* command);

/// Checks, before the design is built, that its `points` (analysis::design_size) are at most
/// 100,000 (else exit 2) and that the values kept until the end, points × metrics ×
/// replications, are at most scenario::kMaxSweepValues (else exit 3); prints the problem and
/// returns the exit code, or 0.
int check_design_size(std::size_t points, std::size_t metrics, std::size_t replications,
                      const char* command);

/// Parses metric names; prints the problem and returns nullopt (exit 2).
std::optional<std::vector<analysis::MetricSpec>> parse_metrics(
    const std::vector<std::string>& names, const char* command);

}  // namespace cadresim::cli
