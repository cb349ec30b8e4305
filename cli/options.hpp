#pragma once
/// @file Command-line parsing shared by the subcommands (Boost.Program_options): visible
/// options, hidden positional arguments, `--help`, and usage errors reported the same way.

#include <boost/program_options.hpp>  // options_description, variables_map

#include <cstdint>     // std::uint64_t
#include <filesystem>  // std::filesystem::path
#include <optional>    // std::optional
#include <span>        // std::span
#include <string>      // std::string

#include "analysis/messages.hpp"  // Lang

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

/// The language of the command's messages, its summary and report.html: --lang where the
/// command has it, else the environment variable CADRESIM_LANG, else the locale (locale_lang).
analysis::Lang ui_lang();
/// The locale's language for messages: the first of LC_ALL, LC_MESSAGES, LANG that is set;
/// Vietnamese when it starts with "vi" (vi_VN.UTF-8), else English.
analysis::Lang locale_lang();
/// Sets ui_lang() from CADRESIM_LANG when it holds "en" or "vi", or from the locale when the
/// variable is not set (main, before any message).
void init_ui_lang_from_environment();
/// Adds `--lang en|vi` to `options`, its text stored in `text`.
void add_lang_option(boost::program_options::options_description& options, std::string* text);
/// Sets ui_lang() from --lang's `text` (CADRESIM_LANG when it is empty). A value other than
/// "en" or "vi" prints "cadresim <command>: --lang must be en or vi, got '<text>'" (or names
/// CADRESIM_LANG) and returns false: the caller exits with code 2.
bool apply_lang_option(const std::string& text, const char* command);

/// Message `id` of the catalog (analysis/message_catalog.cpp) in ui_lang(), filled.
template <class... Args>
std::string message(std::string_view id, Args&&... args) {
  return analysis::trf(ui_lang(), id, std::forward<Args>(args)...);
}

/// Reads a whole number option given as text (`--name VALUE`): decimal digits only (no sign,
/// no spaces), between `min` and `max`. On failure prints "cadresim <command>: --<name> must
/// be a whole number from <min> to <max>, got '<text>'" to stderr and returns nullopt (the
/// caller exits with code 2). Boost's own conversion would turn "-5" into 2^64 - 5.
std::optional<std::uint64_t> parse_whole_number(const std::string& text, const char* name,
                                                std::uint64_t min, std::uint64_t max,
                                                const char* command);

/// The numeric options of a run: -n, --seed, --threads.
struct RunNumbers {
  std::size_t replications = 100;
  std::uint64_t seed = 1;
  unsigned threads = 0;
};

/// Parses -n (1 to scenario::kMaxReplications), --seed (0 to 2^64 - 1) and --threads (0 to
/// scenario::kMaxThreads) with parse_whole_number; nullopt after printing the first error.
std::optional<RunNumbers> parse_run_numbers(const std::string& replications,
                                            const std::string& seed, const std::string& threads,
                                            const char* command);

/// Checks, before a run, that `file` can be created or replaced: its folder exists and a probe
/// file can be written there and removed. Returns "" or the reason
/// (with the system's words, e.g. "Permission denied").
std::string check_writable_file(const std::filesystem::path& file);

/// Checks, before a run, that `dir` can be created (or already is a writable folder). Creates
/// nothing that stays. Returns "" or the reason.
std::string check_writable_dir(const std::filesystem::path& dir);

}  // namespace cadresim::cli
