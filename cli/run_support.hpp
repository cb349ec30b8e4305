#pragma once
/// @file What `run` and `compare` share: loading scenarios with user-facing errors, the
/// progress bar, Ctrl-C handling, and writing the output directory.

#include <sys/types.h>  // mode_t

#include <atomic>      // std::atomic
#include <cstdint>     // std::uint64_t
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

/// Installs handlers so Ctrl-C (SIGINT) and SIGTERM ask running replications to stop; the
/// flag is also checked inside long replications and just before outputs are moved into place.
void install_interrupt_handler();
/// A test hook: when the environment variable CADRESIM_TEST_INTERRUPT_AT equals `point`, the
/// process sends itself SIGINT here, so tests can interrupt at moments a real Ctrl-C cannot hit
/// reliably ("after-replications", "before-commit"; docs/reliability.md).
void interrupt_point(const char* point);

/// Where the outputs of a run go (decided and checked before any work).
struct OutputPlan {
  std::filesystem::path folder;  ///< this run's output folder
  bool replace = false;          ///< --overwrite: an existing folder is replaced as a whole
  std::filesystem::path latest;  ///< run store: the `latest` link to update; empty with --out
};

/// With `out` (--out DIR): DIR, refused when it exists and is not empty unless `overwrite`
/// (exit code 2). Without: a new folder `results/<store_name>/<run-id>` of the run store, the
/// run id made of `created` (ISO UTC time) and a counter when that name is taken. Checks that
/// the folder can be written (exit code 1 with the reason). Prints any problem to stderr.
std::optional<OutputPlan> plan_outputs(const std::string& out, bool overwrite,
                                       const std::string& store_name, const std::string& created,
                                       const char* command, int& exit_code);

/// Checks that the --events FILE can be written, before the run; prints the reason and returns
/// false when it cannot.
bool check_events_file(const std::string& file, const char* command);

/// Prints the problem when `replications` runs of the scenarios (`months` of horizon in all)
/// would be over scenario::kMaxReplicationMonths; false then (exit code 3).
bool check_run_size(std::size_t replications, std::uint64_t months, const char* command);

/// Months between the start and the end (or `until`) of a scenario.
std::uint64_t horizon_months(const model::Scenario& scenario, kernel::Day until = 0);

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

/// One file of an output set (path relative to the set's folder, content, permissions).
struct OutputFile {
  std::filesystem::path relative;
  std::string content;
  mode_t mode = 0644;
};

/// Writes `files` into a staging folder beside `plan.folder`, then moves the whole set into
/// place (see analysis/output_set.hpp) and updates the run store's `latest` link; the folder is
/// made `folder_mode`. Throws analysis::RunCancelled when an interrupt arrived before the move
/// (nothing is left), and std::runtime_error with the system's reason when a file cannot be
/// written. `run`, `compare`, `sweep` and `optimise` write their outputs through it.
void write_output_set(const OutputPlan& plan, const std::vector<OutputFile>& files,
                      mode_t folder_mode = 0755);

/// Writes summary.txt, report.json, series.csv, report.html and `extra` as one output set
/// (write_output_set). Files are created 0600 when `with_names`. Throws
/// analysis::RunCancelled when an interrupt arrived before the move (nothing is left), and
/// std::runtime_error with the system's reason when a file cannot be written.
std::filesystem::path write_outputs(const OutputPlan& plan,
                                    const std::vector<analysis::ScenarioResults>& results,
                                    const analysis::Provenance& prov, const std::string& summary,
                                    bool with_names, const std::vector<OutputFile>& extra = {});

/// Provenance of a run started as `cadresim <command> <args...>`.
analysis::Provenance make_provenance(std::uint64_t seed, std::size_t replications,
                                     const char* command, std::span<const std::string> args);

/// Writes the outputs, prints the summary (unless `quiet`) and the report path; returns 0.
int finish_run(const OutputPlan& plan, const std::vector<analysis::ScenarioResults>& results,
               const analysis::Provenance& prov, bool quiet, bool with_names,
               const std::vector<OutputFile>& extra = {});

/// Current UTC time as ISO 8601.
std::string utc_now();
/// A file-system-safe version of a scenario name.
std::string safe_name(const std::string& name);

}  // namespace cadresim::cli
