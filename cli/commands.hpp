#pragma once
/// @file The subcommands of `cadresim`. Each lives in its own file (cli/<name>.cpp) and
/// receives the arguments after its name; it returns a process exit code (see ExitCode).

#include <span>    // std::span
#include <string>  // std::string
#include <string_view>

namespace cadresim::cli {

/// Process exit codes, documented in docs/cli.md.
enum ExitCode : int {
  kOk = 0,              ///< success
  kRuntimeFailure = 1,  ///< something failed while running (I/O error, internal error)
  kUsageError = 2,      ///< the command line is wrong
  kInvalidInput = 3,    ///< an input file (scenario, roster, markov input) is invalid
};

/// A subcommand: its name, one-line summary and entry point.
struct Command {
  std::string_view name;
  std::string_view summary;
  int (*main)(std::span<const std::string> args);
};

/// Entry points, one per file (cli/<name>.cpp).
int validate_main(std::span<const std::string> args);
int run_main(std::span<const std::string> args);
int compare_main(std::span<const std::string> args);
int markov_main(std::span<const std::string> args);
int sweep_main(std::span<const std::string> args);
int optimise_main(std::span<const std::string> args);
int rerun_main(std::span<const std::string> args);
int story_main(std::span<const std::string> args);
int serve_main(std::span<const std::string> args);

/// The table of subcommands, in the order `cadresim --help` lists them.
std::span<const Command> commands();

/// The version line printed by `cadresim --version`.
std::string version_line();

}  // namespace cadresim::cli
