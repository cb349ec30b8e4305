#pragma once
/// @file A streaming, mergeable summary of one quantity over replications (docs/model.md
/// § Statistics). Its result depends only on the multiset of values added, never on the order
/// of add() and merge() calls, so threads and MPI ranks may fold replications in any order and
/// still produce identical bytes. Memory does not grow with the number of values:
///  - sums are exact: integer values in 128-bit integers, other values on a fixed binary grid
///    (2^-64) in 512-bit integers, so the mean and the standard deviation are those of the exact
///    sums (a constant quantity has sd 0 exactly);
///  - a NaN value means "does not apply in this replication": counted apart, in no statistic;
///  - quantiles are exact (type 7, from a value → count table) while the quantity has at most
///    kExactDistinctValues distinct values; beyond, the table becomes a histogram of log-spaced
///    buckets (2^-10 relative width, ≤ 0.05 % relative error) built from all values, whatever
///    the order they came in. While every value is an integer, a bucket's value is the integer
///    nearest its middle: exact below 1024, where a bucket is narrower than 1.

#include <cstdint>  // std::uint64_t
#include <memory>   // std::unique_ptr
#include <utility>  // std::pair
#include <vector>   // std::vector

#include "analysis/statistics.hpp"   // Summary
#include "sim/kernel/binary_io.hpp"  // ByteWriter, ByteReader

namespace cadresim::analysis {

/// Distinct values above which quantiles come from the bucket histogram.
inline constexpr std::size_t kExactDistinctValues = 256;

/// Summary statistics of a stream of values (see the file comment).
class Accumulator {
 public:
  /// `exact_limit`: distinct values kept before quantiles come from the bucket histogram.
  explicit Accumulator(std::size_t exact_limit = kExactDistinctValues);
  ~Accumulator();
  Accumulator(const Accumulator& other);
  Accumulator& operator=(const Accumulator& other);
  Accumulator(Accumulator&&) noexcept;
  Accumulator& operator=(Accumulator&&) noexcept;

  /// Adds one value. A NaN is a replication where the quantity does not apply (a ratio with
  /// nothing to divide by): it is counted in Summary::not_applicable, not in the statistics. An
  /// infinite value makes every statistic NaN; a value of magnitude 2^150 or more throws
  /// std::invalid_argument. The sums, count and extremes take it at once;
  /// its place in the value table waits in a small buffer, moved in kPendingValues at a time
  /// (sorted, so one search per distinct value and each search near the last): a run adds one
  /// value to thousands of accumulators per replication, and a search of each table per value
  /// was most of the cost of summarising as replications finish.
  void add(double v);
  /// Moves the buffered values into the table. Reading a summary, saving or merging gives the
  /// same result with or without it; without it they work on a settled copy.
  void settle();
  /// Adds `count` times the value 0 (replications that lack a series).
  void add_zeros(std::uint64_t count);
  /// Adds every value `other` has seen.
  void merge(const Accumulator& other);
  /// Number of values that apply (NaN values left out).
  std::uint64_t count() const { return n_; }
  /// Number of NaN values: replications where the quantity does not apply.
  std::uint64_t not_applicable() const { return not_applicable_; }
  /// Smallest and largest value that applies (0 when there is none).
  double min() const { return min_; }
  double max() const { return max_; }
  /// Mean, sd, 95 % Student-t interval of the mean, and the 5th/50th/95th percentiles.
  Summary summary(double confidence = 0.95) const;
  /// True while quantiles are exact.
  bool exact_quantiles() const;

  /// Writes the state (for merging across processes).
  void save(kernel::ByteWriter& w) const;
  /// Reads a state written by save(); throws kernel::FormatError on malformed bytes.
  void load(kernel::ByteReader& r);

 private:
  struct Big;  // the 512-bit sums of non-integer values
  /// Values buffered by add() before settle() moves them into the table.
  static constexpr std::size_t kPendingValues = 32;
  /// A copy with the buffer moved into the table: what a const reading of an unsettled
  /// accumulator works on.
  Accumulator settled() const;
  /// Counts `count` more of the value `v` in the table (exact or bucketed).
  void count_value(double v, std::uint64_t count);
  void to_buckets();
  double quantile(double q) const;

  __extension__ typedef __int128 Int128;  // GCC/clang: exact integer sums

  std::size_t exact_limit_ = kExactDistinctValues;
  std::uint64_t n_ = 0;
  std::uint64_t not_applicable_ = 0;  ///< NaN values, not in n_ nor in any statistic
  Int128 int_sum_ = 0;                ///< sum of the integer values
  Int128 int_sumsq_ = 0;              ///< sum of their squares
  std::unique_ptr<Big> big_;          ///< null until a non-integer value (or a large one) comes
  bool not_finite_ = false;           ///< a NaN or infinity was added: the summary is NaN
  double min_ = 0, max_ = 0;
  bool bucketed_ = false;
  /// Exact: (value, count) sorted by value. Bucketed: (bucket key, count) sorted by key.
  std::vector<std::pair<double, std::uint64_t>> values_;
  std::vector<std::pair<std::int64_t, std::uint64_t>> buckets_;
  /// Finite values added (and counted in the sums) but not yet in values_ or buckets_.
  std::vector<double> pending_;
};

}  // namespace cadresim::analysis
