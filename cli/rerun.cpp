// `cadresim rerun DIR`: repeats the run (or comparison) recorded in a run folder, from that
// folder alone (resolved scenarios, roster copies, seed, replications, creation time), into a
// new folder; the reports come out byte for byte the same.
#include <fmt/core.h>                 // fmt::print
#include <boost/program_options.hpp>  // options of the subcommand

#include <algorithm>  // std::find

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/run_store.hpp"

namespace po = boost::program_options;

namespace cadresim::cli {

int rerun_main(std::span<const std::string> args) {
  CommandLine line{po::options_description(
                       "Usage: cadresim rerun [options] DIR\n\n"
                       "Repeats the run recorded in the run folder DIR (its run.json, resolved "
                       "scenarios and\ninput copies) into a new folder of the run store, or "
                       "--out; the reports are byte for\nbyte those of DIR.\n\nOptions"),
                   {},
                   {}};
  std::string out;
  line.visible.add_options()("help,h", "show this help")(
      "out", po::value(&out), "output folder (default: a new folder of the run store)")(
      "overwrite", "with --out: replace an existing folder as a whole")(
      "quiet,q", "print only the path of report.html");
  line.hidden.add_options()("dir", po::value<std::string>(), "run folder");
  line.positional.add("dir", 1);
  int rc = kOk;
  const auto parsed = parse_command_line(args, line, "rerun", rc);
  if (!parsed) return rc;
  const po::variables_map& vm = *parsed;
  if (!vm.count("dir")) {
    fmt::print(stderr, "{}\n", message("cli.rerun.words"));
    return kUsageError;
  }
  std::string error;
  auto command = rerun_arguments(vm["dir"].as<std::string>(), error);
  if (!command) {
    fmt::print(stderr, "{}\n{}\n", error, message("cli.rerun.nothing_written"));
    return kInvalidInput;
  }
  auto& [name, rerun_args] = *command;
  if (!out.empty()) {
    rerun_args.push_back("--out");
    rerun_args.push_back(out);
  }
  if (vm.count("overwrite")) rerun_args.push_back("--overwrite");
  const bool quiet_recorded =
      std::find(rerun_args.begin(), rerun_args.end(), "-q") != rerun_args.end() ||
      std::find(rerun_args.begin(), rerun_args.end(), "--quiet") != rerun_args.end();
  if (vm.count("quiet") && !quiet_recorded) rerun_args.push_back("-q");
  return name == "run" ? run_main(rerun_args) : compare_main(rerun_args);
}

}  // namespace cadresim::cli
