// `cadresim validate FILE...`: checks scenario files and prints OK or every problem;
// `--resolved` prints the fully resolved scenario (extends applied, defaults filled).
#include <fmt/core.h>                 // fmt::print
#include <boost/program_options.hpp>  // options of the subcommand

#include <iostream>  // std::cout for options_description
#include <vector>

#include "cli/commands.hpp"
#include "sim/scenario/loader.hpp"

namespace po = boost::program_options;

namespace cadresim::cli {

int validate_main(std::span<const std::string> args) {
  po::options_description opts(
      "Usage: cadresim validate [options] [FILE...]\n\n"
      "Checks scenario files. With no FILE, checks the built-in Điện Biên "
      "baseline.\nExit code 0 if all are valid, 3 if any is not.\n\nOptions");
  opts.add_options()("help,h", "show this help")(
      "resolved", "print the fully resolved scenario as JSON (extends applied, defaults filled)")(
      "quiet,q", "print nothing on success");
  po::options_description hidden;
  hidden.add_options()("files", po::value<std::vector<std::string>>(), "scenario files");
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("files", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(std::vector<std::string>(args.begin(), args.end()))
                  .options(all)
                  .positional(pos)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    fmt::print(stderr, "cadresim validate: {}\n", e.what());
    return kUsageError;
  }
  if (vm.count("help")) {
    std::cout << opts << "\n";
    return kOk;
  }
  std::vector<std::string> files;
  if (vm.count("files")) files = vm["files"].as<std::vector<std::string>>();
  if (files.empty()) files.push_back("");
  if (vm.count("resolved") && files.size() > 1) {
    fmt::print(stderr, "cadresim validate: --resolved takes one file\n");
    return kUsageError;
  }
  int rc = kOk;
  for (const auto& f : files) {
    try {
      const scenario::LoadedScenario s = scenario::load_scenario(f);
      if (vm.count("resolved")) {
        fmt::print("{}\n", s.resolved.dump(2));
      } else if (!vm.count("quiet")) {
        const auto& org = s.scenario.organisation;
        std::string counts;
        for (std::size_t l = 0; l < org.levels.size(); ++l)
          counts +=
              fmt::format("{}{} {}", l ? ", " : "", org.units_of_level[l].size(), org.levels[l].id);
        fmt::print("{}: OK ({} units: {}; {} titles, {} posts)\n", s.source, org.units.size(),
                   counts, org.titles.size(), org.posts.size());
      }
    } catch (const scenario::InvalidInput& e) {
      for (const auto& p : e.problems()) fmt::print(stderr, "{}\n", scenario::format_problem(p));
      fmt::print(stderr, "{}: {} problem(s)\n",
                 f.empty() ? std::string(scenario::kBuiltinBaselineName) : f, e.problems().size());
      rc = kInvalidInput;
    }
  }
  return rc;
}

}  // namespace cadresim::cli
