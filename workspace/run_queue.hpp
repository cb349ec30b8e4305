#pragma once
/// @file The server's runs: a bounded queue served by one worker thread, one run at a time, each
/// run being the base and its what-ifs with the same seed (common random numbers) through
/// analysis::run_replications with a cancel flag. Runs belong to the server, not to a
/// connection: a page that goes away leaves its run to finish (or to be cancelled) and nothing
/// leaks; finished runs are kept up to a limit, oldest dropped first.

#include <atomic>              // std::atomic
#include <condition_variable>  // std::condition_variable
#include <cstdint>             // std::uint64_t
#include <deque>               // std::deque
#include <memory>              // std::shared_ptr
#include <mutex>               // std::mutex
#include <optional>            // std::optional
#include <string>              // std::string
#include <thread>              // std::thread
#include <vector>              // std::vector

#include "sim/scenario/loader.hpp"
#include "workspace/results.hpp"

namespace cadresim::workspace {

/// What to run: scenarios[0] is the base; every other one is compared with it, pairwise.
struct RunSpec {
  std::vector<std::shared_ptr<const scenario::LoadedScenario>> scenarios;
  std::vector<std::string> labels;  ///< one per scenario
  std::uint64_t seed = 1;
  std::size_t replications = 20;
};

/// Support cost (million VND, mean and 95 % interval) of `replications` replications of
/// `scenario` run at once on this thread: the quick estimate a team sees when it submits.
analysis::Summary quick_cost_estimate(const model::Scenario& scenario, std::uint64_t seed,
                                      std::size_t replications);

/// Where a run is.
enum class RunState { kQueued, kRunning, kDone, kFailed, kCancelled };
/// "queued", "running", "done", "failed", "cancelled".
const char* state_name(RunState s);

/// A copy of a run's state for a reader.
struct RunView {
  std::string id;
  RunState state = RunState::kQueued;
  std::size_t done = 0;   ///< replications finished, all scenarios counted
  std::size_t total = 0;  ///< replications to run, all scenarios counted
  std::string error;      ///< when failed
  std::shared_ptr<const std::vector<ScenarioOutcome>> outcomes;  ///< when done
  std::size_t key_posts = 0;
};

/// The queue. Thread-safe; the destructor cancels every run and joins the worker.
class RunQueue {
 public:
  /// `threads`: worker threads of one run (0 = all cores).
  RunQueue(std::size_t max_queued, std::size_t max_kept, unsigned threads);
  ~RunQueue();
  RunQueue(const RunQueue&) = delete;
  RunQueue& operator=(const RunQueue&) = delete;

  /// Queues a run and returns its id. Throws RequestError 429 when `max_queued` runs are
  /// already waiting or running.
  std::string submit(RunSpec spec);
  /// The run's state, or nothing for an unknown (or dropped) id.
  std::optional<RunView> view(const std::string& id) const;
  /// Asks a queued or running run to stop; false for an unknown id. A finished run stays.
  bool cancel(const std::string& id);
  /// Blocks until the run has finished (any way) or is unknown; for tests and the CLI.
  void wait(const std::string& id) const;

 private:
  struct Run;
  void work();
  void execute(Run& run);

  std::size_t max_queued_, max_kept_;
  unsigned threads_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::deque<std::shared_ptr<Run>> runs_;  ///< in submission order
  std::uint64_t next_id_ = 1;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace cadresim::workspace
