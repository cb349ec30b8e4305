// `cadresim validate FILE...`: checks scenario files and prints OK or every problem;
// `--resolved` prints the fully resolved scenario (extends applied, defaults filled).
#include <fmt/core.h>                 // fmt::print
#include <boost/program_options.hpp>  // options of the subcommand

#include <optional>  // the --at date
#include <vector>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/scenario_options.hpp"  // print_warnings
#include "sim/scenario/loader.hpp"
#include "sim/scenario/shocks.hpp"  // --shocks

namespace po = boost::program_options;

namespace cadresim::cli {

int validate_main(std::span<const std::string> args) {
  CommandLine line{po::options_description(
                       "Usage: cadresim validate [options] [FILE...]\n\n"
                       "Checks scenario files. With no FILE, checks the built-in Điện Biên "
                       "baseline.\nExit code 0 if all are valid, 3 if any is not.\n\n"
                       "Examples:\n"
                       "  cadresim validate\n"
                       "  cadresim validate scenarios/dien-bien/*.json -q\n"
                       "  cadresim validate scenarios/dien-bien/housing.json --resolved --at "
                       "2027-01-01\n\n"
                       "Options"),
                   {},
                   {}};
  line.visible.add_options()("help,h", "show this help")(
      "resolved", "print the fully resolved scenario as JSON (extends applied, defaults filled)")(
      "quiet,q", "print nothing on success")(
      "at", po::value<std::string>(),
      "with --resolved, or for the counts: the structure and rules in force on this date "
      "(YYYY-MM-DD)")("shocks", po::value<std::vector<std::string>>()->composing(),
                      "also check the cards of this shock file on each scenario (repeatable)");
  std::string lang;
  add_lang_option(line.visible, &lang);
  line.hidden.add_options()("files", po::value<std::vector<std::string>>(), "scenario files");
  line.positional.add("files", -1);
  int rc = kOk;
  const auto parsed = parse_command_line(args, line, "validate", rc);
  if (!parsed) return rc;
  const po::variables_map& vm = *parsed;
  if (!apply_lang_option(lang, "validate")) return kUsageError;
  std::vector<std::string> files;
  if (vm.count("files")) files = vm["files"].as<std::vector<std::string>>();
  if (files.empty()) files.push_back("");
  if (vm.count("resolved") && files.size() > 1) {
    fmt::print(stderr, "{}\n", message("cli.validate.resolved_one_file"));
    return kUsageError;
  }
  std::optional<kernel::Day> at;
  if (vm.count("at")) {
    at = kernel::parse_iso_date(vm["at"].as<std::string>());
    if (!at) {
      fmt::print(stderr, "{}\n", message("cli.validate.at_date"));
      return kUsageError;
    }
  }
  rc = kOk;
  for (const auto& f : files) {
    try {
      scenario::LoadedScenario s = scenario::load_scenario(f);
      if (vm.count("shocks"))
        for (const auto& file : vm["shocks"].as<std::vector<std::string>>())
          s = scenario::with_shocks(s, file);
      print_warnings(s);  // on standard error: --resolved output stays clean JSON
      if (vm.count("resolved")) {
        fmt::print("{}\n", at ? scenario::resolved_at(s, *at).dump(2) : s.resolved.dump(2));
      } else if (!vm.count("quiet")) {
        model::Organisation org = s.scenario.organisation;
        if (at) {
          org = scenario::scenario_at(s, *at).organisation;
          org.activate(*at);
        }
        std::string counts;
        for (std::size_t l = 0; l < org.levels.size(); ++l)
          counts +=
              fmt::format("{}{} {}", l ? ", " : "", org.units_of_level[l].size(), org.levels[l].id);
        std::size_t units = 0, posts = 0;
        for (auto a : org.unit_active) units += a;
        for (auto a : org.post_active) posts += a;
        fmt::print("{}\n",
                   message("cli.validate.ok", s.source,
                           at ? message("cli.validate.on_date", kernel::format_iso_date(*at))
                              : std::string(),
                           units, counts, org.titles.size(), posts));
      }
    } catch (const scenario::InvalidInput& e) {
      for (const auto& l : scenario::format_problems(e.problems(), e.total(),
                                                     scenario::kMaxListedProblems, ui_lang()))
        fmt::print(stderr, "{}\n", l);
      fmt::print(stderr, "{}\n",
                 message("cli.validate.problems",
                         f.empty() ? std::string(scenario::kBuiltinBaselineName) : f, e.total()));
      rc = kInvalidInput;
    }
  }
  return rc;
}

}  // namespace cadresim::cli
