#include "cli/options.hpp"

#include <fmt/core.h>  // fmt::print

#include <fcntl.h>   // open (writability probe)
#include <unistd.h>  // getpid, unlink, access

#include <cerrno>       // errno
#include <charconv>     // std::from_chars
#include <cstdlib>      // std::getenv
#include <cstring>      // std::strerror
#include <iostream>     // std::cout for options_description
#include <string_view>  // std::string_view: the locale's language
#include <vector>       // std::vector

#include "cli/commands.hpp"              // exit codes
#include "sim/scenario/limits.hpp"       // kMaxReplications, kMaxThreads
#include "sim/scenario/strict_json.hpp"  // single_line

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

namespace {
analysis::Lang g_ui_lang = analysis::Lang::kEn;
}  // namespace

analysis::Lang ui_lang() {
  return g_ui_lang;
}

analysis::Lang locale_lang() {
  // POSIX order for messages: LC_ALL, then LC_MESSAGES, then LANG; the first one set decides.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* v = std::getenv(name); v != nullptr && *v != '\0')
      return std::string_view(v).substr(0, 2) == "vi" ? analysis::Lang::kVi : analysis::Lang::kEn;
  return analysis::Lang::kEn;
}

void init_ui_lang_from_environment() {
  const char* env = std::getenv("CADRESIM_LANG");
  if (env == nullptr) {
    g_ui_lang = locale_lang();
    return;
  }
  if (const auto lang = analysis::parse_lang(env)) g_ui_lang = *lang;
}

void add_lang_option(po::options_description& options, std::string* text) {
  options.add_options()("lang", po::value(text),
                        "language of the summary, report.html and messages: en (default) or vi; "
                        "without it, the environment variable CADRESIM_LANG, else the locale "
                        "(LC_ALL, LC_MESSAGES, LANG: vi_VN means vi)");
}

bool apply_lang_option(const std::string& text, const char* command) {
  const char* env = std::getenv("CADRESIM_LANG");
  const bool from_option = !text.empty();
  if (!from_option && env == nullptr) {  // neither: the locale
    g_ui_lang = locale_lang();
    return true;
  }
  const std::string value = from_option ? text : env ? std::string(env) : std::string("en");
  if (value.empty()) return true;  // CADRESIM_LANG= : the default
  if (const auto lang = analysis::parse_lang(value)) {
    g_ui_lang = *lang;
    return true;
  }
  fmt::print(stderr, "{}\n",
             message(from_option ? "cli.lang_invalid" : "cli.lang_env_invalid", command,
                     scenario::single_line(value)));
  return false;
}

std::optional<std::uint64_t> parse_whole_number(const std::string& text, const char* name,
                                                std::uint64_t min, std::uint64_t max,
                                                const char* command) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (digits && ec == std::errc{} && ptr == end && value >= min && value <= max) return value;
  fmt::print(stderr, "{}\n",
             message("cli.whole_number", command, name, min, max, scenario::single_line(text)));
  return std::nullopt;
}

std::optional<RunNumbers> parse_run_numbers(const std::string& replications,
                                            const std::string& seed, const std::string& threads,
                                            const char* command) {
  const auto n =
      parse_whole_number(replications, "replications", 1, scenario::kMaxReplications, command);
  if (!n) return std::nullopt;
  const auto s = parse_whole_number(seed, "seed", 0, UINT64_MAX, command);
  if (!s) return std::nullopt;
  const auto t = parse_whole_number(threads, "threads", 0, scenario::kMaxThreads, command);
  if (!t) return std::nullopt;
  return RunNumbers{static_cast<std::size_t>(*n), *s, static_cast<unsigned>(*t)};
}

namespace {
namespace fs = std::filesystem;

/// The deepest existing ancestor of `path` (itself included), or "" when none is found.
fs::path existing_ancestor(fs::path path) {
  std::error_code ec;
  if (path.is_relative()) path = fs::current_path(ec) / path;
  while (!path.empty()) {
    if (fs::exists(path, ec)) return path;
    if (path == path.parent_path()) break;
    path = path.parent_path();
  }
  return {};
}

/// "" when a file can be created in the existing folder `dir`, else the reason.
std::string probe_folder(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return fmt::format("{} is not a folder", dir.string());
  const fs::path probe = dir / fmt::format(".cadresim-probe-{}", ::getpid());
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return fmt::format("cannot create files in {}: {}", dir.string(), std::strerror(errno));
  ::close(fd);
  ::unlink(probe.c_str());
  return {};
}
}  // namespace

std::string check_writable_dir(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    return fmt::format("{} exists and is not a folder", dir.string());
  const fs::path existing = existing_ancestor(dir);
  if (existing.empty()) return fmt::format("no folder of {} exists", dir.string());
  return probe_folder(existing);
}

std::string check_writable_file(const fs::path& file) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) return fmt::format("{} is a folder, not a file", file.string());
  if (fs::exists(file, ec) && ::access(file.c_str(), W_OK) != 0)
    return fmt::format("cannot replace {}: {}", file.string(), std::strerror(errno));
  fs::path parent = file.parent_path();
  if (parent.empty()) parent = ".";
  if (!fs::exists(parent, ec)) return fmt::format("the folder {} does not exist", parent.string());
  return probe_folder(parent);
}

}  // namespace cadresim::cli
