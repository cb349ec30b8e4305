#pragma once
/// @file Replications: runs N independent replications of a scenario (replication r uses the
/// random key (seed, r)) on T threads and keeps results in replication order, so merged
/// output is bit-identical whatever the thread count. Cancellation (Ctrl-C) stops cleanly.

#include <atomic>   // std::atomic
#include <cstdint>  // std::uint64_t
#include <vector>   // std::vector

#include "analysis/metrics.hpp"
#include "analysis/statistics.hpp"
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
};

/// Thrown when a run is cancelled before all replications finished.
struct RunCancelled {};

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
