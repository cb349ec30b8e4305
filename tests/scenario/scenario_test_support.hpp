#pragma once
/// @file Helpers shared by the scenario tests: the training scenario's path and the problems a
/// document gets from the loader.

#include <filesystem>  // std::filesystem::path
#include <string>
#include <vector>

#include "sim/scenario/loader.hpp"

namespace cadresim::scenariotest {

/// scenarios/training/small-district.json in the source tree.
inline const std::filesystem::path kTraining =
    std::filesystem::path(CADRESIM_SOURCE_DIR) / "scenarios" / "training" / "small-district.json";

/// The problems building `doc` reports (none when it builds); its relative paths are read from
/// `base`.
inline std::vector<scenario::Problem> problems_of(const nlohmann::json& doc,
                                                  const std::filesystem::path& base = ".") {
  try {
    (void)scenario::build_scenario(doc, "test.json", base);
  } catch (const scenario::InvalidInput& e) {
    return e.problems();
  }
  return {};
}

/// The message of the problem at `where`, or "" if there is none.
inline std::string problem_at(const std::vector<scenario::Problem>& problems,
                              const std::string& where) {
  for (const auto& p : problems)
    if (p.where == where) return p.message;
  return "";
}

/// Every problem on a line of its own, for a failure message.
inline std::string listed(const std::vector<scenario::Problem>& problems) {
  std::string s;
  for (const auto& p : problems) s += "\n  " + scenario::format_problem(p);
  return s;
}

}  // namespace cadresim::scenariotest
