#include "cli/run_support.hpp"

#include "analysis/output_set.hpp"  // StagedFolder, replace_symlink
#include "analysis/story.hpp"       // fold_vietnamese for folder names
#include "cadresim/version.hpp"     // kVersion, kGitCommit
#include "cli/commands.hpp"         // exit codes
#include "cli/options.hpp"          // check_writable_dir, check_writable_file
#include "sim/scenario/limits.hpp"  // kMaxReplicationMonths

#include <fmt/core.h>  // fmt::print

#include <unistd.h>     // isatty
#include <algorithm>    // std::all_of
#include <csignal>      // sigaction, std::raise
#include <cstdlib>      // std::getenv
#include <ctime>        // std::time, gmtime_r
#include <string_view>  // the test hook's point

namespace cadresim::cli {

std::atomic<bool> g_interrupted{false};

namespace {
extern "C" void on_signal(int) {
  g_interrupted.store(true);
}
}  // namespace

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // an interrupted write() resumes; the flag is checked later
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

void interrupt_point(const char* point) {
  const char* at = std::getenv("CADRESIM_TEST_INTERRUPT_AT");
  if (at != nullptr && std::string_view(at) == point) std::raise(SIGINT);
}

namespace {
namespace fs = std::filesystem;

/// "2026-11-29T17:22:44Z" -> "20261129T172244Z".
std::string run_id_of(const std::string& created) {
  std::string id;
  for (const char c : created)
    if (c != '-' && c != ':') id += c;
  return id.empty() ? std::string("run") : id;
}

bool empty_or_missing(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return true;
  return fs::is_directory(dir, ec) && fs::is_empty(dir, ec);
}
}  // namespace

std::optional<OutputPlan> plan_outputs(const std::string& out, bool overwrite,
                                       const std::string& store_name, const std::string& created,
                                       const char* command, int& exit_code) {
  OutputPlan plan;
  if (!out.empty()) {
    plan.folder = out;
    plan.replace = overwrite;
    std::error_code ec;
    if (fs::exists(plan.folder, ec) && !fs::is_directory(plan.folder, ec)) {
      fmt::print(stderr, "{}\n", message("cli.out_not_folder", command, out));
      exit_code = kUsageError;
      return std::nullopt;
    }
    // An existing empty folder is taken as it is (swapped for the new set: nothing is lost).
    if (fs::exists(plan.folder, ec)) plan.replace = true;
    if (!overwrite && !empty_or_missing(plan.folder)) {
      fmt::print(stderr, "{}\n", message("cli.out_not_empty", command, out));
      exit_code = kUsageError;
      return std::nullopt;
    }
  } else {
    const fs::path store = fs::path("results") / store_name;
    const std::string id = run_id_of(created);
    plan.folder = store / id;
    std::error_code ec;
    for (int k = 2; fs::exists(fs::symlink_status(plan.folder, ec)) && k < 10000; ++k)
      plan.folder = store / fmt::format("{}-{}", id, k);
    plan.latest = store / "latest";
  }
  // The folder itself is created only when the outputs are moved into place; what must work
  // now is creating a staging folder beside it.
  const fs::path parent =
      plan.folder.parent_path().empty() ? fs::path(".") : plan.folder.parent_path();
  if (const std::string why = check_writable_dir(parent); !why.empty()) {
    fmt::print(stderr, "{}\n",
               message("cli.cannot_write_outputs", command, plan.folder.string(), why));
    exit_code = kRuntimeFailure;
    return std::nullopt;
  }
  return plan;
}

bool check_events_file(const std::string& file, const char* command) {
  if (file.empty()) return true;
  if (const std::string why = check_writable_file(file); !why.empty()) {
    fmt::print(stderr, "{}\n", message("cli.cannot_write_events", command, file, why));
    return false;
  }
  return true;
}

std::uint64_t horizon_months(const model::Scenario& scenario, kernel::Day until) {
  const auto a = kernel::split(scenario.calendar.start);
  const auto b = kernel::split(until ? until : scenario.calendar.end);
  return static_cast<std::uint64_t>(std::max(
      1, (b.year - a.year) * 12 + static_cast<int>(b.month) - static_cast<int>(a.month) + 1));
}

bool check_run_size(std::size_t replications, std::uint64_t months, const char* command) {
  const std::uint64_t size = replications * months;
  if (size <= scenario::kMaxReplicationMonths) return true;
  fmt::print(stderr, "{}\n",
             message("cli.run_too_large", command, replications, months, size,
                     scenario::kMaxReplicationMonths));
  return false;
}

std::optional<scenario::LoadedScenario> load_for_cli(const std::string& path, const char* command) {
  try {
    return scenario::load_scenario(path);
  } catch (const scenario::InvalidInput& e) {
    for (const auto& l : scenario::format_problems(e.problems(), e.total(),
                                                   scenario::kMaxListedProblems, ui_lang()))
      fmt::print(stderr, "{}\n", l);
    fmt::print(
        stderr, "{}\n",
        message("cli.invalid_scenario", command,
                path.empty() ? std::string(scenario::kBuiltinBaselineName) : path, e.total()));
    return std::nullopt;
  }
}

TerminalProgress::TerminalProgress(std::string label)
    : label_(std::move(label)), enabled_(::isatty(2) == 1) {}

TerminalProgress::~TerminalProgress() {
  if (enabled_ && drawn_) fmt::print(stderr, "\n");
}

void TerminalProgress::update(std::size_t done, std::size_t total) {
  if (!enabled_ || total == 0) return;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(kWidth * done / total);
  fmt::print(stderr, "\r{} [{}{}] {}/{}", label_,
             std::string(static_cast<std::size_t>(filled), '#'),
             std::string(static_cast<std::size_t>(kWidth - filled), '.'), done, total);
  drawn_ = true;
}

std::string utc_now() {
  // SOURCE_DATE_EPOCH (reproducible-builds convention) pins the date for byte-identical output.
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
    t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

analysis::Provenance make_provenance(std::uint64_t seed, std::size_t replications,
                                     const char* command, std::span<const std::string> args) {
  analysis::Provenance prov;
  prov.seed = seed;
  prov.replications = replications;
  prov.version = fmt::format("{} ({})", kVersion, kGitCommit);
  prov.created = utc_now();
  prov.command = std::string("cadresim ") + command;
  for (const auto& a : args) prov.command += " " + a;
  return prov;
}

int finish_run(const OutputPlan& plan, const std::vector<analysis::ScenarioResults>& results,
               const analysis::Provenance& prov, bool quiet, bool with_names,
               const std::vector<OutputFile>& extra) {
  const std::string summary = analysis::format_summary(results, prov, ui_lang());
  if (const std::string warning = analysis::replication_warning(prov, ui_lang()); !warning.empty())
    fmt::print(stderr, "{}", warning);
  const auto html = write_outputs(plan, results, prov, summary, with_names, extra);
  // -q: only the path, so that a script can use it as it is (docs/cli.md).
  if (quiet)
    fmt::print("{}\n", html.string());
  else
    fmt::print("{}\n{}\n", summary, message("summary.report_path", html.string()));
  return 0;
}

std::string safe_name(const std::string& name) {
  // A name with letters outside ASCII is transliterated first: "Hỗ trợ 3 triệu" → "ho tro 3
  // trieu" (analysis::fold_vietnamese: lower case, Vietnamese diacritics removed, đ → d), and
  // its spaces become '-'. ASCII names keep their case and their '_' for spaces.
  const bool ascii = std::all_of(name.begin(), name.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const std::string source = ascii ? name : analysis::fold_vietnamese(name);
  std::string s;
  for (char c : source)
    s += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c
         : (!ascii && c == ' ')                                                            ? '-'
                                                                                           : '_';
  return s.empty() ? std::string("scenario") : s;
}

namespace {
// Moves a staged set into place: the last moment to stop, the move, the run store's link.
void commit_output_set(analysis::StagedFolder& set, const OutputPlan& plan) {
  // Last moment to stop: after this the new set is in place, complete.
  interrupt_point("before-commit");
  if (g_interrupted.load()) throw analysis::RunCancelled{};
  set.commit(plan.replace);
  if (!plan.latest.empty()) analysis::replace_symlink(plan.latest, plan.folder.filename());
}
}  // namespace

void write_output_set(const OutputPlan& plan, const std::vector<OutputFile>& files,
                      mode_t folder_mode) {
  analysis::StagedFolder set(plan.folder, folder_mode);
  for (const auto& f : files) set.write(f.relative, f.content, f.mode);
  commit_output_set(set, plan);
}

std::filesystem::path write_outputs(const OutputPlan& plan,
                                    const std::vector<analysis::ScenarioResults>& results,
                                    const analysis::Provenance& prov, const std::string& summary,
                                    bool with_names, const std::vector<OutputFile>& extra) {
  const mode_t mode = with_names ? analysis::kPrivateFileMode : analysis::kPublicFileMode;
  const nlohmann::json report = analysis::report_json(results, prov);
  // Each report is made, written and freed in turn: the largest (report.json, report.html: some
  // MB for a national run) are never in memory together.
  analysis::StagedFolder set(plan.folder, with_names ? 0700 : 0755);
  set.write("summary.txt", summary, mode);
  set.write("report.json", report.dump(1), mode);
  set.write("series.csv", analysis::series_csv(results), mode);
  set.write("report.html", analysis::report_html(report, ui_lang()), mode);
  for (const auto& f : extra) set.write(f.relative, f.content, with_names ? mode : f.mode);
  commit_output_set(set, plan);
  return plan.folder / "report.html";
}

}  // namespace cadresim::cli
