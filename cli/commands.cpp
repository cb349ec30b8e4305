#include "cli/commands.hpp"

#include <fmt/core.h>  // fmt::format

#include <array>

#include "cadresim/version.hpp"  // kVersion, kGitCommit

namespace cadresim::cli {

std::span<const Command> commands() {
  static const std::array<Command, 9> table{{
      {"run", "run replications of a scenario and write the summary and reports", &run_main},
      {"compare", "compare policy variants with a base scenario (paired, common random numbers)",
       &compare_main},
      {"validate", "check scenario files and print every problem, or the resolved scenario",
       &validate_main},
      {"markov", "analytic manpower (Markov) model: projections, flows, vacancy chains",
       &markov_main},
      {"sweep",
       "vary parameters over a grid, a Latin hypercube or one at a time (common random "
       "numbers)",
       &sweep_main},
      {"optimise", "the cheapest lever settings that meet targets on metrics, and how sure",
       &optimise_main},
      {"rerun", "repeat a recorded run from its output folder (byte-identical reports)",
       &rerun_main},
      {"story",
       "the career of one cadre, or the history of a post or unit, in English or Vietnamese",
       &story_main},
      {"serve", "the browser workspace: levers, runs, stories and rooms of teams (localhost)",
       &serve_main},
  }};
  return table;
}

std::string version_line() {
  return fmt::format("cadresim {} (commit {})", kVersion, kGitCommit);
}

}  // namespace cadresim::cli
