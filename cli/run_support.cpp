#include "cli/run_support.hpp"

#include "cadresim/version.hpp"  // kVersion, kGitCommit

#include <fmt/core.h>  // fmt::print

#include <unistd.h>  // isatty
#include <csignal>   // std::signal
#include <cstdlib>   // std::getenv
#include <ctime>     // std::time, gmtime_r

namespace cadresim::cli {

std::atomic<bool> g_interrupted{false};

namespace {
extern "C" void on_signal(int) {
  g_interrupted.store(true);
}
}  // namespace

void install_interrupt_handler() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
}

std::optional<scenario::LoadedScenario> load_for_cli(const std::string& path, const char* command) {
  try {
    return scenario::load_scenario(path);
  } catch (const scenario::InvalidInput& e) {
    for (const auto& p : e.problems()) fmt::print(stderr, "{}\n", scenario::format_problem(p));
    fmt::print(stderr,
               "cadresim {}: {} is not a valid scenario ({} problem(s)); nothing was written\n",
               command, path.empty() ? std::string(scenario::kBuiltinBaselineName) : path,
               e.problems().size());
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

int finish_run(const std::filesystem::path& dir,
               const std::vector<analysis::ScenarioResults>& results,
               const analysis::Provenance& prov, bool quiet) {
  const std::string summary = analysis::format_summary(results, prov);
  const auto html = write_outputs(dir, results, prov, summary);
  if (!quiet) fmt::print("{}", summary);
  fmt::print("\nReport: {}\n", html.string());
  return 0;
}

std::string safe_name(const std::string& name) {
  std::string s;
  for (char c : name)
    s +=
        (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
  return s.empty() ? std::string("scenario") : s;
}

std::filesystem::path write_outputs(const std::filesystem::path& dir,
                                    const std::vector<analysis::ScenarioResults>& results,
                                    const analysis::Provenance& prov, const std::string& summary) {
  std::filesystem::create_directories(dir);
  const nlohmann::json report = analysis::report_json(results, prov);
  analysis::write_file_atomic(dir / "summary.txt", summary);
  analysis::write_file_atomic(dir / "report.json", report.dump(1));
  analysis::write_file_atomic(dir / "series.csv", analysis::series_csv(results));
  analysis::write_file_atomic(dir / "report.html", analysis::report_html(report));
  return dir / "report.html";
}

}  // namespace cadresim::cli
