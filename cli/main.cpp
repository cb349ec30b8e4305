// The `cadresim` entry point: finds the subcommand and hands it the remaining arguments.
#include <boost/program_options.hpp>  // top-level options and the subcommand positional
#include <fmt/core.h>                 // fmt::print

#include <exception>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace po = boost::program_options;
using namespace cadresim::cli;

namespace {
void print_usage() {
  fmt::print(
      "cadresim — simulate cadre rotation and succession in a public-sector hierarchy\n\n"
      "Usage: cadresim [--help] [--version] <command> [options]\n\nCommands:\n");
  for (const auto& c : commands()) fmt::print("  {:<10} {}\n", c.name, c.summary);
  fmt::print("\nRun 'cadresim <command> --help' for a command's options. Exit codes: 0 ok, "
             "1 runtime failure, 2 usage error, 3 invalid input.\n");
}
}  // namespace

int main(int argc, char** argv) {
  try {
    po::options_description global("Global options");
    global.add_options()("help,h", "show this help")("version", "show the version")(
        "command", po::value<std::string>(), "subcommand")(
        "args", po::value<std::vector<std::string>>(), "subcommand arguments");
    po::positional_options_description pos;
    pos.add("command", 1).add("args", -1);
    po::parsed_options parsed = po::command_line_parser(argc, argv)
                                    .options(global)
                                    .positional(pos)
                                    .allow_unregistered()
                                    .run();
    po::variables_map vm;
    po::store(parsed, vm);
    if (!vm.count("command")) {
      if (vm.count("version")) {
        fmt::print("{}\n", version_line());
        return kOk;
      }
      print_usage();
      return vm.count("help") ? kOk : kUsageError;
    }
    const std::string name = vm["command"].as<std::string>();
    // Everything after the command name goes to the subcommand untouched.
    std::vector<std::string> rest = po::collect_unrecognized(parsed.options, po::include_positional);
    if (!rest.empty() && rest.front() == name) rest.erase(rest.begin());
    for (const auto& c : commands())
      if (c.name == name) return c.main(rest);
    fmt::print(stderr, "cadresim: unknown command '{}' (see 'cadresim --help')\n", name);
    return kUsageError;
  } catch (const po::error& e) {
    fmt::print(stderr, "cadresim: {}\n", e.what());
    return kUsageError;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim: internal error: {}\n", e.what());
    return kRuntimeFailure;
  }
}
