// The `cadresim` entry point: finds the subcommand and hands it the remaining arguments.
#include <fmt/core.h>                 // fmt::print
#include <boost/program_options.hpp>  // top-level options and the subcommand positional

#include <exception>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/options.hpp"        // ui_lang, message
#include "cli/ranks.hpp"          // MpiSession
#include "sim/kernel/memory.hpp"  // keep_freed_memory_for_reuse

namespace po = boost::program_options;
using namespace cadresim::cli;

namespace {
void print_usage() {
  fmt::print(
      "cadresim — simulate cadre rotation and succession in a public-sector hierarchy\n\n"
      "Usage: cadresim [--help] [--version] <command> [options]\n\nCommands:\n");
  for (const auto& c : commands()) fmt::print("  {:<10} {}\n", c.name, c.summary);
  fmt::print(
      "\nRun 'cadresim help <command>' (or 'cadresim <command> --help') for a command's options. "
      "Exit codes: 0 ok, "
      "1 runtime failure, 2 usage error, 3 invalid input, 130 interrupted.\n");
}
}  // namespace

namespace {
int dispatch(int argc, char** argv, MpiSession& mpi) {
  try {
    // Global options stop at the first word that is not an option: the subcommand. Everything
    // after it belongs to the subcommand (so `cadresim run -h` is the subcommand's help).
    int first = 1;
    while (first < argc && argv[first][0] == '-') ++first;
    po::options_description global("Global options");
    global.add_options()("help,h", "show this help")("version", "show the version");
    po::variables_map vm;
    po::store(po::command_line_parser(first, argv).options(global).run(),
              vm);  // argv[0] is skipped
    if (first >= argc) {
      if (vm.count("version")) {
        fmt::print("{}\n", version_line());
        return kOk;
      }
      print_usage();
      return vm.count("help") ? kOk : kUsageError;
    }
    std::string name = argv[first];
    std::vector<std::string> rest(argv + first + 1, argv + argc);
    // `cadresim help COMMAND` is `cadresim COMMAND --help`; `cadresim help` is `--help`.
    if (name == "help") {
      if (rest.empty()) {
        print_usage();
        return kOk;
      }
      name = rest.front();
      rest = {"--help"};
    }
    // Only these share work among MPI ranks; any other command runs on rank 0 alone.
    const bool shared = name == "run" || name == "compare" || name == "sweep" || name == "optimise";
    if (process_ranks().distributed() && !process_ranks().is_root() && !shared) return kOk;
    if (shared) mpi.shares_work();
    for (const auto& c : commands())
      if (c.name == name) return c.main(rest);
    fmt::print(stderr, "{}\n", message("cli.unknown_command", name));
    return kUsageError;
  } catch (const po::error& e) {
    fmt::print(stderr, "cadresim: {}\n", e.what());
    return kUsageError;
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}\n", message("cli.internal_error", e.what()));
    return kRuntimeFailure;
  }
}
}  // namespace

int main(int argc, char** argv) {
  cadresim::kernel::keep_freed_memory_for_reuse();  // replications reuse each other's memory
  MpiSession mpi(argc, argv);                       // only when started by mpirun (cli/ranks.hpp)
  init_ui_lang_from_environment();
  const int code = dispatch(argc, argv, mpi);
  mpi.finish(code);  // a rank failing alone ends every rank (cli/ranks.hpp)
  return code;
}
