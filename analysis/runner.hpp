#pragma once
/// @file Replications: runs N independent replications of a scenario (replication r uses the
/// random key (seed, r)) on T threads and keeps results in replication order, so merged
/// output is bit-identical whatever the thread count. Cancellation (Ctrl-C) stops cleanly.

#include <algorithm>  // std::min, std::max
#include <atomic>     // std::atomic
#include <cstdint>    // std::uint64_t
#include <exception>  // std::exception_ptr
#include <mutex>      // std::mutex for progress reports
#include <thread>     // std::thread
#include <vector>     // std::vector

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
};

/// The units named in `list` (comma-separated unit ids, or level ids for every unit of that
/// level in force at some time of the run), in organisation order without repeats. Throws
/// std::invalid_argument naming an unknown id (with the nearest one).
std::vector<model::UnitId> resolve_pipeline_units(const model::Scenario& s,
                                                  const std::string& list);

/// Thrown when a run is cancelled before all replications finished.
struct RunCancelled {};

/// Runs `body(r)` for r = 0 .. n−1 on `threads` worker threads (0 = all cores), each
/// replication exactly once, reporting progress. Returns false if `cancel` stopped it before
/// all finished; rethrows the exception of the lowest-numbered failing replication. The body
/// must write only to state owned by replication r, so results never depend on scheduling.
template <class Body>
bool for_each_replication(std::size_t n, unsigned threads, ProgressSink* progress,
                          const std::atomic<bool>* cancel, Body&& body) {
  std::vector<std::exception_ptr> errors(n);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::mutex progress_mutex;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n)));
  auto worker = [&] {
    while (!(cancel && cancel->load())) {
      const std::size_t r = next.fetch_add(1);
      if (r >= n) return;
      try {
        body(r);
      } catch (...) {
        errors[r] = std::current_exception();
      }
      const std::size_t d = ++done;
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        progress->update(d, n);
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (cancel && cancel->load() && done.load() < n) return false;
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  return true;
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

/// Summary statistics of one series across replications.
struct AggregateSeries {
  SeriesKey key;
  std::vector<Day> dates;
  std::vector<Summary> stats;
};

/// A run (or a paired difference of two runs) summarised across replications.
struct Aggregate {
  std::size_t replications = 0;
  std::vector<AggregateSeries> monthly;
  std::vector<AggregateSeries> yearly;
  std::vector<std::pair<SeriesKey, Summary>> totals;
  Summary shortfall_per_move;     ///< pooled over all moves of all replications
  Summary fill_days_per_vacancy;  ///< pooled over all filled vacancies
  /// The total of a metric/group (zero Summary if absent).
  const Summary* total(const std::string& metric, const std::string& group = "all") const;
};

/// Summarises replications (values at each date across replications).
Aggregate aggregate(const std::vector<ReplicationResult>& reps);
/// Paired differences variant − base, replication by replication (common random numbers).
Aggregate paired_difference(const std::vector<ReplicationResult>& base,
                            const std::vector<ReplicationResult>& variant);

}  // namespace cadresim::analysis
