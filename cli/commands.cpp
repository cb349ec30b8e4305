#include "cli/commands.hpp"

#include <fmt/core.h>  // fmt::format

#include <array>

#include "cadresim/version.hpp"  // kVersion, kGitCommit

namespace cadresim::cli {

// Entry points, one per file.
int validate_main(std::span<const std::string> args);
int run_main(std::span<const std::string> args);
int compare_main(std::span<const std::string> args);
int markov_main(std::span<const std::string> args);

std::span<const Command> commands() {
  static const std::array<Command, 3> table{{
      {"run", "run replications of a scenario and write the summary and reports", &run_main},
      {"validate", "check scenario files and print every problem, or the resolved scenario",
       &validate_main},
      {"markov", "analytic manpower (Markov) model: projections, flows, vacancy chains",
       &markov_main},
  }};
  return table;
}

std::string version_line() {
  return fmt::format("cadresim {} (commit {})", kVersion, kGitCommit);
}

}  // namespace cadresim::cli
