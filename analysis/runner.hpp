#pragma once
/// @file Replications: runs N independent replications of a scenario (replication r uses the
/// random key (seed, r)) on T threads, and on several processes (Ranks), either kept in
/// replication order (run_replications) or summarised as they finish (run_streamed); output is
/// bit-identical whatever the thread or process count. Cancellation (Ctrl-C) stops cleanly.

#include <algorithm>   // std::min, std::max
#include <atomic>      // std::atomic
#include <cstdint>     // std::uint64_t
#include <exception>   // std::exception_ptr
#include <functional>  // std::function
#include <memory>      // std::unique_ptr (TaskSource)
#include <mutex>       // std::mutex for progress reports
#include <stdexcept>   // std::runtime_error
#include <string>      // std::string
#include <thread>      // std::thread
#include <vector>      // std::vector

#include "analysis/aggregation.hpp"  // AggregateAccumulator, Aggregate
#include "analysis/metrics.hpp"
#include "analysis/statistics.hpp"
#include "sim/engine/engine.hpp"  // engine::Engine (run_cancellably)
#include "sim/model/scenario.hpp"

namespace cadresim::analysis {

/// Receives progress reports (called from worker threads, serialised by the runner).
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  /// `done` of `total` replications have finished.
  virtual void update(std::size_t done, std::size_t total) = 0;
};

/// Hands out the task numbers 0 .. n − 1 of one phase of work (replications, or points ×
/// replications), each to exactly one process, to whichever process asks first: a process on a
/// faster or less busy core takes more tasks, instead of every process taking a fixed share and
/// all waiting for the slowest (docs/architecture.md § Several processes). Results do not depend
/// on who ran what: every task writes only its own slots, and accumulators merge in any order.
class TaskSource {
 public:
  virtual ~TaskSource() = default;
  /// The next task for this process, or n when none is left (then n for every later call).
  /// Called by this process's worker threads, one at a time.
  virtual std::size_t next() = 0;
  /// Tasks handed out so far over all processes (what progress shows on rank 0).
  virtual std::size_t handed_out() const = 0;
  /// Ends the phase for this process; the first process returns once every process has ended
  /// it. Called once, after the worker threads stop, on every path (the destructor calls it if
  /// the owner did not).
  virtual void close() = 0;
};

/// How the work is shared among cooperating processes (MPI ranks; cli/ranks.hpp provides the
/// functions). The default is one process; analysis knows nothing of MPI.
struct Ranks {
  std::size_t rank = 0;  ///< this process, 0 .. size − 1; rank 0 writes the outputs
  std::size_t size = 1;
  /// Sums `values` element-wise over all processes, the result on every process.
  std::function<void(std::vector<double>& values)> sum_all;
  /// Every process's `bytes`, in rank order, on rank 0 (other ranks get an empty list).
  std::function<std::vector<std::string>(const std::string& bytes)> gather;
  /// Tells every process how every process fared: each passes its status (0 ok, 1 cancelled,
  /// 2 failed) and message; returns the highest status, and sets `rank_of`/`message` to
  /// those of the lowest rank with it.
  std::function<int(int status, std::string& message, std::size_t& rank_of)> agree;
  /// Starts a phase of `n` tasks shared on demand (TaskSource); every process calls it with the
  /// same n. `cancel` (optional) is this process's stop flag: once set, the first process hands
  /// out nothing more. Unset: a fixed share, task t to process t mod size (SharedTasks).
  std::function<std::unique_ptr<TaskSource>(std::size_t n, const std::atomic<bool>* cancel)>
      share_on_demand;
  /// True for several processes.
  bool distributed() const { return size > 1; }
  /// True for the process that reports and writes (rank 0).
  bool is_root() const { return rank == 0; }
};

/// This process's part of `n` tasks for a loop (for_each_replication_in_worker): on demand when
/// the processes offer it (Ranks::share_on_demand; the loop then runs over the task numbers
/// themselves), otherwise the fixed share rank, rank + size, ...
class SharedTasks {
 public:
  SharedTasks(const Ranks& ranks, std::size_t n, const std::atomic<bool>* cancel)
      : ranks_(ranks), n_(n) {
    if (ranks.distributed() && ranks.share_on_demand) source_ = ranks.share_on_demand(n, cancel);
  }
  /// The loop's count: n on demand, the fixed share otherwise.
  std::size_t local_count() const {
    return source_ ? n_ : n_ / ranks_.size + (ranks_.rank < n_ % ranks_.size ? 1 : 0);
  }
  /// The task of the loop's index i.
  std::size_t task(std::size_t i) const { return source_ ? i : ranks_.rank + i * ranks_.size; }
  /// The source for the loop (null for a fixed share).
  TaskSource* source() const { return source_.get(); }
  /// Ends the phase (TaskSource::close); the destructor does it too.
  void close() const {
    if (source_) source_->close();
  }

 private:
  const Ranks& ranks_;
  std::size_t n_;
  std::unique_ptr<TaskSource> source_;
};

/// Another process failed (its rank and message); this one did not.
struct RankFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Exchanges how every process fared after a phase of work (Ranks::agree). With one process it
/// rethrows `local` if set. Otherwise every process learns the outcome: a process rethrows its
/// own failure; a process that did not fail throws RunCancelled or RankFailed (naming the
/// lowest failing rank and its message) when another did.
void settle_ranks(const Ranks& ranks, std::exception_ptr local);

/// How to run.
struct RunOptions {
  std::uint64_t seed = 1;
  std::size_t replications = 100;
  unsigned threads = 0;                       ///< 0 = all hardware threads
  Day until = 0;                              ///< 0 = the scenario's end date
  ProgressSink* progress = nullptr;           ///< optional
  const std::atomic<bool>* cancel = nullptr;  ///< optional; set to stop early
  /// Units that also get the successor pipeline per unit (resolve_pipeline_units).
  std::vector<model::UnitId> pipeline_units;
  /// The processes sharing the replications (run_streamed, run_points); one by default.
  Ranks ranks;
};

/// The units named in `list` (comma-separated unit ids, or level ids for every unit of that
/// level in force at some time of the run), in organisation order without repeats. Throws
/// std::invalid_argument naming an unknown id (with the nearest one).
std::vector<model::UnitId> resolve_pipeline_units(const model::Scenario& s,
                                                  const std::string& list);

/// Thrown when a run is cancelled before all replications finished.
struct RunCancelled {};

/// Number of worker threads for_each_replication uses for `n` tasks and `threads` asked.
inline unsigned worker_count(std::size_t n, unsigned threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n)));
}

/// Runs `body(r, worker)` for r = 0 .. n−1 on `threads` worker threads (0 = all cores;
/// worker = 0 .. worker_count(n, threads) − 1 says which thread runs it), each
/// replication exactly once, reporting progress. Returns false if `cancel` stopped it before
/// all finished; rethrows the exception of the lowest-numbered failing replication. The body
/// must write only to state owned by replication r (or by its worker, if what it writes does
/// not depend on the order), so results never depend on scheduling.
/// With `source` (several processes sharing the n tasks on demand), this process runs the tasks
/// the source gives it, and progress counts the tasks handed out over all processes; "all
/// finished" then means all of this process's. `source` is not closed here.
template <class Body>
bool for_each_replication_in_worker(std::size_t n, unsigned threads, ProgressSink* progress,
                                    const std::atomic<bool>* cancel, Body&& body,
                                    TaskSource* source = nullptr) {
  std::vector<std::exception_ptr> errors(n);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::atomic<bool> stopped{false};  // cancelled with a task of this process left undone
  std::mutex source_mutex, progress_mutex;
  threads = worker_count(n, threads);
  auto worker = [&](unsigned worker_index) {
    while (true) {
      if (cancel && cancel->load()) {
        stopped = true;
        return;
      }
      std::size_t r;
      if (source) {
        std::lock_guard<std::mutex> lock(source_mutex);
        r = source->next();
      } else {
        r = next.fetch_add(1);
      }
      if (r >= n) return;
      try {
        body(r, worker_index);
      } catch (...) {
        errors[r] = std::current_exception();
      }
      const std::size_t d = ++done;
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        progress->update(source ? std::max(d, source->handed_out()) : d, n);
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, t);
  worker(0);
  for (auto& t : pool) t.join();
  if (stopped.load() && (source || done.load() < n)) return false;
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  return true;
}

/// for_each_replication_in_worker with a body that takes only the replication number.
template <class Body>
bool for_each_replication(std::size_t n, unsigned threads, ProgressSink* progress,
                          const std::atomic<bool>* cancel, Body&& body) {
  return for_each_replication_in_worker(n, threads, progress, cancel,
                                        [&](std::size_t r, unsigned) { body(r); });
}

/// An observer that throws RunCancelled at the end of a simulated month once `cancel` is set,
/// so one long replication stops too (Ctrl-C, SIGTERM). It only reads the flag: the
/// simulation is the same with or without it (tests/analysis/runner_test.cpp).
class CancelCheck : public engine::Observer {
 public:
  /// `cancel` may be null (never cancels).
  explicit CancelCheck(const std::atomic<bool>* cancel) : cancel_(cancel) {}
  void on_month_end(Day /*day*/, const model::World& /*world*/) override {
    if (cancel_ && cancel_->load()) throw RunCancelled{};
  }

 private:
  const std::atomic<bool>* cancel_;
};

/// Runs the replications; throws RunCancelled if `cancel` was set, and rethrows the first
/// (lowest-replication) exception of a failing replication.
std::vector<ReplicationResult> run_replications(const model::Scenario& scenario,
                                                const RunOptions& options);

/// Replications of one or more scenarios with common random numbers, aggregated as they finish
/// (analysis/aggregation.hpp): memory does not grow with the number of replications.
struct StreamedRun {
  std::vector<AggregateAccumulator> scenarios;    ///< one per scenario, in the order given
  std::vector<AggregateAccumulator> differences;  ///< [k − 1]: scenario k − scenario 0
};

/// Runs replication r of every scenario in one task (so the paired differences against the
/// first scenario are folded at once), on `o.threads` threads, each thread folding into
/// accumulators of its own, merged at the end. With `o.ranks` of several processes this process
/// runs the replications it is given (on demand, or a fixed share) and the parts are merged on
/// the first process (the others return empty accumulators); a failure or cancellation anywhere
/// is reported on every process (RunCancelled, or the failing process's exception or a
/// RankFailed). Throws RunCancelled when cancelled.
StreamedRun run_streamed(const std::vector<const model::Scenario*>& scenarios, const RunOptions& o);

}  // namespace cadresim::analysis
