#pragma once
/// @file Command-line parsing shared by the subcommands (Boost.Program_options): visible
/// options, hidden positional arguments, `--help`, and usage errors reported the same way.

#include <boost/program_options.hpp>  // options_description, variables_map

#include <optional>  // std::optional
#include <span>      // std::span
#include <string>    // std::string

namespace cadresim::cli {

/// What a subcommand accepts: its visible options (printed by --help, which it must define)
/// and its positional arguments, each a hidden option named in `positional` in order (the
/// last one may take the rest: count -1).
struct CommandLine {
  boost::program_options::options_description visible;
  boost::program_options::options_description hidden;
  boost::program_options::positional_options_description positional;
};

/// Parses `args`. On success returns the variables; on `--help` prints the help and returns
/// nullopt with `exit_code` 0; on a usage error prints "cadresim <command>: <what>" to stderr and
/// returns nullopt with `exit_code` 2.
std::optional<boost::program_options::variables_map> parse_command_line(
    std::span<const std::string> args, const CommandLine& line, const char* command,
    int& exit_code);

}  // namespace cadresim::cli
