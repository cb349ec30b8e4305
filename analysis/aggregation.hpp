#pragma once
/// @file Streaming aggregation of replications: every monthly, yearly and whole-run series of a
/// ReplicationResult folded into Accumulators as soon as the replication finishes, so memory
/// does not grow with the number of replications, and the result does not depend on the order
/// replications are added or partial aggregations merged (threads, MPI ranks).

#include <map>      // std::map
#include <string>   // std::string
#include <utility>  // std::pair
#include <vector>   // std::vector

#include "analysis/accumulator.hpp"
#include "analysis/metrics.hpp"  // ReplicationResult, SeriesKey

namespace cadresim::analysis {

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

/// Folds replications (or paired differences of replications) one at a time.
class AggregateAccumulator {
 public:
  /// Adds replication number `replication`. A replication that lacks a series (or a date of
  /// it) counts as 0 there. The result has the series, lengths and dates of replication 0.
  void add(std::size_t replication, const ReplicationResult& r);
  /// Adds variant − base for one replication number (common random numbers), series by
  /// series (the series of the variant's replication 0); the pooled per-move statistics are
  /// left empty.
  void add_difference(std::size_t replication, const ReplicationResult& base,
                      const ReplicationResult& variant);
  /// Adds everything `other` has folded (same scenario).
  void merge(const AggregateAccumulator& other);
  /// Moves every cell's buffered values into its table (Accumulator::settle): what result()
  /// and save() read then needs no copy. The statistics are the same either way.
  void settle();
  /// Number of replications folded.
  std::size_t replications() const { return replications_; }
  /// The summaries. Those of one scenario (add) have their intervals of the mean kept in the
  /// metric's range of values (value_range, within): a count's lower bound is never negative.
  Aggregate result() const;

  /// Writes the state, to be merged in another process.
  void save(kernel::ByteWriter& w) const;
  /// Reads a state written by save(); throws kernel::FormatError on malformed bytes.
  void load(kernel::ByteReader& r);

 private:
  using Cells = std::vector<Accumulator>;  ///< one per date (one for a total)
  using Section = std::map<SeriesKey, Cells>;
  /// Replication 0's series (key and number of dates) and dates: what the result shows.
  struct Layout {
    std::vector<Day> months, years;
    std::vector<std::pair<SeriesKey, std::size_t>> monthly, yearly, totals;
  };
  void fold(std::size_t replication, const ReplicationResult& r);
  static void fold_section(Section& into, std::size_t before,
                           const std::map<SeriesKey, std::vector<double>>& values);
  static void merge_section(Section& into, std::size_t mine, const Section& from,
                            std::size_t theirs);

  std::size_t replications_ = 0;
  bool has_layout_ = false;
  /// Folds paired differences (add_difference): their intervals are not kept in a metric's
  /// range of values (value_range), a difference having another.
  bool differences_ = false;
  Layout layout_;
  Section monthly_, yearly_, totals_;  ///< the union of every replication's series
  Accumulator shortfall_;
  Accumulator fill_days_{1 << 16};  ///< whole days: exact quantiles over any horizon
};
/// Summarises replications (values at each date across replications).
Aggregate aggregate(const std::vector<ReplicationResult>& reps);
/// Paired differences variant − base, replication by replication (common random numbers).
Aggregate paired_difference(const std::vector<ReplicationResult>& base,
                            const std::vector<ReplicationResult>& variant);

}  // namespace cadresim::analysis
