#pragma once
/// @file What `run` and `compare` share: loading scenarios with user-facing errors, the
/// progress bar, Ctrl-C handling, and writing the output directory.

#include <atomic>      // std::atomic
#include <filesystem>  // std::filesystem::path
#include <optional>    // std::optional
#include <span>        // std::span
#include <string>      // std::string
#include <vector>      // std::vector

#include "analysis/report.hpp"
#include "sim/scenario/loader.hpp"

namespace cadresim::cli {

/// Set by SIGINT/SIGTERM once install_interrupt_handler() was called.
extern std::atomic<bool> g_interrupted;
/// Exit code for an interrupted run (128 + SIGINT).
inline constexpr int kInterrupted = 130;

/// Installs handlers so Ctrl-C asks running replications to stop.
void install_interrupt_handler();

/// Loads a scenario (empty path = built-in baseline), printing every problem to stderr.
std::optional<scenario::LoadedScenario> load_for_cli(const std::string& path, const char* command);

/// Progress bar on stderr when it is a terminal; silent otherwise.
class TerminalProgress : public analysis::ProgressSink {
 public:
  explicit TerminalProgress(std::string label);
  ~TerminalProgress() override;
  void update(std::size_t done, std::size_t total) override;

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
};

/// Writes summary.txt, report.json, series.csv and report.html into `dir` (created if needed),
/// each through a temporary file. Returns the path of report.html.
std::filesystem::path write_outputs(const std::filesystem::path& dir,
                                    const std::vector<analysis::ScenarioResults>& results,
                                    const analysis::Provenance& prov, const std::string& summary);

/// Provenance of a run started as `cadresim <command> <args...>`.
analysis::Provenance make_provenance(std::uint64_t seed, std::size_t replications,
                                     const char* command, std::span<const std::string> args);

/// Writes the outputs, prints the summary (unless `quiet`) and the report path; returns 0.
int finish_run(const std::filesystem::path& dir,
               const std::vector<analysis::ScenarioResults>& results,
               const analysis::Provenance& prov, bool quiet);

/// Current UTC time as ISO 8601.
std::string utc_now();
/// A file-system-safe version of a scenario name.
std::string safe_name(const std::string& name);

}  // namespace cadresim::cli
