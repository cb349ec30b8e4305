#include "cli/options.hpp"

#include <fmt/core.h>  // fmt::print

#include <iostream>  // std::cout for options_description
#include <vector>    // std::vector

#include "cli/commands.hpp"  // exit codes

namespace po = boost::program_options;

namespace cadresim::cli {

std::optional<po::variables_map> parse_command_line(std::span<const std::string> args,
                                                    const CommandLine& line, const char* command,
                                                    int& exit_code) {
  po::options_description all;
  all.add(line.visible).add(line.hidden);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(std::vector<std::string>(args.begin(), args.end()))
                  .options(all)
                  .positional(line.positional)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    fmt::print(stderr, "cadresim {}: {}\n", command, e.what());
    exit_code = kUsageError;
    return std::nullopt;
  }
  if (vm.count("help")) {
    std::cout << line.visible << "\n";
    exit_code = kOk;
    return std::nullopt;
  }
  return vm;
}

}  // namespace cadresim::cli
