#pragma once
/// @file Summary statistics across replications: mean, standard deviation, Student-t 95 %
/// confidence interval of the mean (Boost.Math quantile), and empirical quantiles.

#include <limits>  // infinity: an unbounded range
#include <span>    // std::span
#include <vector>  // std::vector

namespace cadresim::analysis {

/// Summary of one quantity over replications.
struct Summary {
  std::size_t n = 0;   ///< number of observations (replications where the quantity applies)
  double mean = 0;     ///< sample mean
  double sd = 0;       ///< sample standard deviation (n-1 denominator); 0 when n < 2
  double ci_low = 0;   ///< lower end of the 95 % Student-t interval of the mean
  double ci_high = 0;  ///< upper end (equal to the mean when n < 2)
  double p05 = 0;      ///< 5th percentile (linear interpolation, type 7)
  double p50 = 0;      ///< median
  double p95 = 0;      ///< 95th percentile
  /// Replications where the quantity does not apply (a NaN value: a ratio with nothing to
  /// divide by, such as the income shortfall per move in a replication without moves). They
  /// are left out of every statistic above; when the quantity applies nowhere (n == 0 and this
  /// is positive) every statistic is NaN, shown as "not applicable".
  std::size_t not_applicable = 0;
};

/// Summarises `values` (any order); a NaN counts as not applicable (Summary::not_applicable).
/// An empty input gives a zero Summary.
Summary summarise(std::span<const double> values, double confidence = 0.95);

/// Empirical quantile of sorted values, type 7 (R's default): linear interpolation.
double quantile_sorted(std::span<const double> sorted, double q);

/// Two-sided Student-t critical value for `confidence` with `dof` degrees of freedom.
double t_critical(double confidence, double dof);

/// Smallest number of replications below which intervals are flagged as unstable.
inline constexpr std::size_t kMinStableReplications = 10;

/// The values a quantity can take: counts, sums and means of non-negative things are at least 0,
/// shares lie in [0, 1].
struct ValueRange {
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
};

/// `s` with its interval of the mean intersected with `range` (docs/model.md § Statistics): the
/// true mean lies in the range, so the intersection covers it whenever the interval does, and a
/// count no longer shows a negative lower bound. Left as it is when a value of `s` lies outside
/// the range (observed `min`/`max`): the range would then be wrong, and a wrong range must not
/// move an interval.
Summary within(Summary s, const ValueRange& range, double min, double max);

/// summarise(values) with its interval kept in `range` (within, with the values' extremes).
Summary summarise_within(std::span<const double> values, const ValueRange& range);

/// True when the quantity applies in no replication: every statistic is NaN.
inline bool not_applicable_anywhere(const Summary& s) {
  return s.n == 0 && s.not_applicable > 0;
}

}  // namespace cadresim::analysis
