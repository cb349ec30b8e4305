#pragma once
/// @file Helpers shared by the analysis tests: paths in the source tree, the small test
/// scenario (loaded once per test program), and a run's results as the outputs take them.

#include <bit>         // std::bit_cast
#include <cstdint>     // std::uint64_t
#include <filesystem>  // std::filesystem::path
#include <vector>      // std::vector

#include "analysis/aggregation.hpp"  // aggregate
#include "analysis/report.hpp"       // ScenarioResults
#include "analysis/runner.hpp"       // run_replications
#include "sim/scenario/loader.hpp"

namespace cadresim::analysistest {

/// The source tree's root.
inline const std::filesystem::path kSource{CADRESIM_SOURCE_DIR};

/// Path of a file in the source tree (e.g. "tests/data/engine-small.json").
inline std::filesystem::path src(const char* relative) {
  return kSource / relative;
}

/// tests/data/engine-small.json, loaded (with its resolved document) once per test program.
inline const scenario::LoadedScenario& small() {
  static const auto s = scenario::load_scenario_file(src("tests/data/engine-small.json"));
  return s;
}

/// `l`'s replications as `run` hands them to the outputs: named after the scenario, source
/// "test", aggregated.
inline analysis::ScenarioResults results_for(const scenario::LoadedScenario& l,
                                             const std::vector<analysis::ReplicationResult>& reps) {
  analysis::ScenarioResults r;
  r.name = l.scenario.name;
  r.source = "test";
  r.resolved = l.resolved;
  r.scenario = &l.scenario;
  r.aggregate = analysis::aggregate(reps);
  return r;
}

/// `l` run `replications` times from `seed` on one thread, aggregated (results_for).
inline analysis::ScenarioResults run_results(const scenario::LoadedScenario& l, std::uint64_t seed,
                                             std::size_t replications) {
  analysis::RunOptions o;
  o.seed = seed;
  o.replications = replications;
  o.threads = 1;
  return results_for(l, analysis::run_replications(l.scenario, o));
}

/// The bit patterns of nested values (run_points' values[point][metric][replication]), in order:
/// equal vectors of them mean identical values, NaN included (a metric that does not apply in a
/// replication is NaN, analysis::kNotApplicable, and NaN == NaN is false).
inline void append_bits(std::vector<std::uint64_t>& out, double v) {
  out.push_back(std::bit_cast<std::uint64_t>(v));
}
template <class T>
void append_bits(std::vector<std::uint64_t>& out, const std::vector<T>& v) {
  out.push_back(v.size());
  for (const auto& x : v) append_bits(out, x);
}
template <class T>
std::vector<std::uint64_t> bits_of(const T& v) {
  std::vector<std::uint64_t> out;
  append_bits(out, v);
  return out;
}

}  // namespace cadresim::analysistest
