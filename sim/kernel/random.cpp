#include "sim/kernel/random.hpp"

#include <boost/math/special_functions/erf.hpp>  // erfc for the Halley refinement
#include <algorithm>  // std::clamp
#include <cmath>      // std::sqrt, std::log
#include <numbers>    // std::numbers::pi

namespace cadresim::kernel::sample {

double standard_normal(double u) {
  // Acklam (2003) rational approximation, then one Halley step using erfc.
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double plow = 0.02425;
  double x;
  if (u < plow) {
    const double q = std::sqrt(-2 * std::log(u));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (u <= 1 - plow) {
    const double q = u - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double q = std::sqrt(-2 * std::log1p(-u));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const double e = 0.5 * boost::math::erfc(-x / std::numbers::sqrt2) - u;
  const double g = e * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
  return x - g / (1 + x * g / 2);
}

std::size_t categorical(double u, std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double target = u * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  // Rounding: return the last index with positive weight.
  for (std::size_t i = weights.size(); i-- > 0;)
    if (weights[i] > 0) return i;
  return 0;
}

namespace {
double normal_cdf(double x) { return 0.5 * boost::math::erfc(-x / std::numbers::sqrt2); }
}  // namespace

double truncated_normal(double u, double mean, double sd, double lo, double hi) {
  const double plo = normal_cdf((lo - mean) / sd);
  const double phi = normal_cdf((hi - mean) / sd);
  double p = plo + u * (phi - plo);
  p = std::clamp(p, 1e-300, 1 - 1e-16);
  return std::clamp(normal(p, mean, sd), lo, hi);
}

double truncated_exponential(double u, double rate, double hi) {
  const double fmax = -std::expm1(-rate * hi);
  return std::min(-std::log1p(-u * fmax) / rate, hi);
}

}  // namespace cadresim::kernel::sample
