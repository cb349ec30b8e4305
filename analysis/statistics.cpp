#include "analysis/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>  // quantile of Student's t

#include <algorithm>  // std::sort
#include <cmath>      // std::sqrt, std::floor, std::isnan
#include <limits>     // quiet_NaN

namespace cadresim::analysis {

double t_critical(double confidence, double dof) {
  // A run summarises thousands of series (every metric, group and month) with the same
  // replication count, so the quantile (Boost.Math's inverse of the incomplete beta, some
  // 20 µs) is asked for with the same arguments again and again: the last answer is kept, per
  // thread. Only equal arguments reuse it, so the value is the one computed afresh.
  thread_local double last_confidence = -1, last_dof = -1, last_value = 0;
  if (confidence == last_confidence && dof == last_dof) return last_value;
  const boost::math::students_t dist(dof);
  last_value = boost::math::quantile(boost::math::complement(dist, (1 - confidence) / 2));
  last_confidence = confidence;
  last_dof = dof;
  return last_value;
}

double quantile_sorted(std::span<const double> sorted, double q) {
  if (sorted.empty()) return 0;
  const double h = (static_cast<double>(sorted.size()) - 1) * q;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

Summary summarise(std::span<const double> all, double confidence) {
  Summary s;
  std::vector<double> values;  // the values that apply, in their order
  values.reserve(all.size());
  for (double v : all)
    if (std::isnan(v))
      ++s.not_applicable;
    else
      values.push_back(v);
  s.n = values.size();
  if (s.n == 0) {
    if (s.not_applicable > 0)
      s.mean = s.sd = s.ci_low = s.ci_high = s.p05 = s.p50 = s.p95 =
          std::numeric_limits<double>::quiet_NaN();
    return s;
  }
  // Two-pass mean and variance (numerically stable enough for replication counts).
  double sum = 0;
  for (double v : values) sum += v;
  s.mean = sum / static_cast<double>(s.n);
  double ss = 0;
  for (double v : values) ss += (v - s.mean) * (v - s.mean);
  s.sd = s.n > 1 ? std::sqrt(ss / static_cast<double>(s.n - 1)) : 0.0;
  if (s.n > 1) {
    const double half = t_critical(confidence, static_cast<double>(s.n - 1)) * s.sd /
                        std::sqrt(static_cast<double>(s.n));
    s.ci_low = s.mean - half;
    s.ci_high = s.mean + half;
  } else {
    s.ci_low = s.ci_high = s.mean;
  }
  std::vector<double> sorted = std::move(values);
  std::sort(sorted.begin(), sorted.end());
  s.p05 = quantile_sorted(sorted, 0.05);
  s.p50 = quantile_sorted(sorted, 0.50);
  s.p95 = quantile_sorted(sorted, 0.95);
  return s;
}

Summary within(Summary s, const ValueRange& range, double min, double max) {
  if (s.n == 0 || !(min >= range.low) || !(max <= range.high)) return s;
  s.ci_low = std::max(s.ci_low, range.low);
  s.ci_high = std::min(s.ci_high, range.high);
  return s;
}

Summary summarise_within(std::span<const double> values, const ValueRange& range) {
  double min = std::numeric_limits<double>::infinity(), max = -min;
  for (double v : values)
    if (!std::isnan(v)) min = std::min(min, v), max = std::max(max, v);
  return within(summarise(values), range, min, max);
}

}  // namespace cadresim::analysis
