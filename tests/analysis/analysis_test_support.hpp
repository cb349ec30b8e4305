#pragma once
/// @file Helpers shared by the analysis tests: paths in the source tree and the small test
/// scenario, loaded once per test program.

#include <bit>         // std::bit_cast
#include <cstdint>     // std::uint64_t
#include <filesystem>  // std::filesystem::path
#include <vector>      // std::vector

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
