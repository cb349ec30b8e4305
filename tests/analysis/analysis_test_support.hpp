#pragma once
/// @file Helpers shared by the analysis tests: paths in the source tree and the small test
/// scenario, loaded once per test program.

#include <filesystem>  // std::filesystem::path

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

}  // namespace cadresim::analysistest
