#include "sim/kernel/random.hpp"

#include <algorithm>  // std::clamp
#include <cmath>      // std::erfc, std::sqrt, std::log, std::expm1, std::isfinite
#include <limits>     // std::numeric_limits<double>::min
#include <numbers>    // std::numbers::sqrt2
#include <stdexcept>  // std::invalid_argument
#include <string>     // std::to_string (error messages)

namespace cadresim::kernel {

void RandomStream::fill(std::span<double> out) {
  std::size_t i = 0;
  const std::size_t n = out.size();
  // Up to the next block boundary through the cache, then whole blocks without it.
  while (i < n && (next_ & 3) != 0) out[i++] = uniform();
  for (; n - i >= 4; i += 4, next_ += 4) {
    const r123::Philox4x64::ctr_type blk = key_.block(purpose_, entity_, next_ >> 2);
    for (std::size_t j = 0; j < 4; ++j) out[i + j] = RandomKey::to_open_unit(blk.v[j]);
  }
  while (i < n) out[i++] = uniform();
}

namespace sample {

namespace {

/// c[0] + c[1] x + ... + c[7] x^7 (Horner).
inline double poly7(const double (&c)[8], double x) {
  return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x +
         c[0];
}

/// Standard normal CDF; erfc keeps full relative precision in the lower tail (z < 0).
double phi(double z) {
  return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

}  // namespace

double standard_normal(double u) {
  // Wichura, M. J. (1988). Algorithm AS 241: The percentage points of the normal distribution.
  // Applied Statistics 37(3), 477-484 — PPND16, three rational approximations of degree 7.
  static constexpr double a[8] = {3.3871328727963666080e0,  1.3314166789178437745e+2,
                                  1.9715909503065514427e+3, 1.3731693765509461125e+4,
                                  4.5921953931549871457e+4, 6.7265770927008700853e+4,
                                  3.3430575583588128105e+4, 2.5090809287301226727e+3};
  static constexpr double b[8] = {1.0,
                                  4.2313330701600911252e+1,
                                  6.8718700749205790830e+2,
                                  5.3941960214247511077e+3,
                                  2.1213794301586595867e+4,
                                  3.9307895800092710610e+4,
                                  2.8729085735721942674e+4,
                                  5.2264952788528545610e+3};
  static constexpr double c[8] = {1.42343711074968357734e0,  4.63033784615654529590e0,
                                  5.76949722146069140550e0,  3.64784832476320460504e0,
                                  1.27045825245236838258e0,  2.41780725177450611770e-1,
                                  2.27238449892691845833e-2, 7.74545014278341407640e-4};
  static constexpr double d[8] = {1.0,
                                  2.05319162663775882187e0,
                                  1.67638483018380384940e0,
                                  6.89767334985100004550e-1,
                                  1.48103976427480074590e-1,
                                  1.51986665636164571966e-2,
                                  5.47593808499534494600e-4,
                                  1.05075007164441684324e-9};
  static constexpr double e[8] = {6.65790464350110377720e0,  5.46378491116411436990e0,
                                  1.78482653991729133580e0,  2.96560571828504891230e-1,
                                  2.65321895265761230930e-2, 1.24266094738807843860e-3,
                                  2.71155556874348757815e-5, 2.01033439929228813265e-7};
  static constexpr double f[8] = {1.0,
                                  5.99832206555887937690e-1,
                                  1.36929880922735805310e-1,
                                  1.48753612908506148525e-2,
                                  7.86869131145613259100e-4,
                                  1.84631831751005468180e-5,
                                  1.42151175831644588870e-7,
                                  2.04426310338993978564e-15};
  // q is exact for u in [0.25, 1] and for every draw of RandomKey::to_open_unit; the tails use
  // min(u, 1 - u), exact too, so the result is antisymmetric about u = 0.5.
  const double q = u - 0.5;
  if (std::abs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * poly7(a, r) / poly7(b, r);
  }
  double r = std::sqrt(-std::log(q < 0 ? u : 1.0 - u));
  const double x =
      r <= 5.0 ? (r -= 1.6, poly7(c, r) / poly7(d, r)) : (r -= 5.0, poly7(e, r) / poly7(f, r));
  return q < 0 ? -x : x;
}

std::size_t categorical(double u, std::span<const double> weights) {
  double total = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (!(weights[i] >= 0) || !std::isfinite(weights[i]))
      throw std::invalid_argument("sample::categorical: weight " + std::to_string(i) + " is " +
                                  std::to_string(weights[i]) +
                                  "; weights must be finite and non-negative");
    total += weights[i];
  }
  if (!(total > 0) || !std::isfinite(total))
    throw std::invalid_argument(
        "sample::categorical: weights must have a positive, finite sum (got " +
        std::to_string(weights.size()) + " weights summing to " + std::to_string(total) + ")");
  double target = u * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  // Rounding: return the last index with positive weight.
  for (std::size_t i = weights.size(); i-- > 0;)
    if (weights[i] > 0) return i;
  return 0;  // unreachable: the sum is positive
}

double truncated_normal(double u, double mean, double sd, double lo, double hi) {
  return TruncatedNormal(mean, sd, lo, hi)(u);
}

TruncatedNormal::TruncatedNormal(double mean, double sd, double lo, double hi)
    : mean_(mean), sd_(sd), lo_(lo), hi_(hi) {
  if (!(sd > 0) || !(lo <= hi))
    throw std::invalid_argument("sample::truncated_normal: need sd > 0 and lo <= hi (got sd " +
                                std::to_string(sd) + ", range [" + std::to_string(lo) + ", " +
                                std::to_string(hi) + "])");
  if (lo == hi) return;
  const double a = (lo - mean) / sd;
  const double b = (hi - mean) / sd;
  // Work where the range's probabilities are small, hence precise: a range lying mostly above
  // the mean is mirrored (z -> -z) and inverted through its upper-tail probabilities.
  mirror_ = a > -b;
  zlo_ = mirror_ ? -b : a;
  zhi_ = mirror_ ? -a : b;
  plo_ = phi(zlo_);
  phi_hi_ = phi(zhi_);
}

double TruncatedNormal::operator()(double u) const {
  if (lo_ == hi_) return lo_;
  double z;
  if (phi_hi_ > plo_) {
    // Mirrored: w = -z must decrease as u grows, so walk down from the top.
    const double p = mirror_ ? phi_hi_ - u * (phi_hi_ - plo_) : plo_ + u * (phi_hi_ - plo_);
    // Rounding can reach 0 or 1 (where the quantile is infinite); the final clamp to [lo, hi]
    // absorbs the nudge.
    z = standard_normal(std::clamp(p, std::numeric_limits<double>::min(), 1 - 0x1.0p-53));
  } else if (zhi_ < 0) {
    // The range's probability underflows (beyond ~37 sd): the density there is proportional
    // to exp(-|zhi| (zhi - w)) to first order, an exponential below zhi truncated at zlo.
    const double rate = -zhi_;
    const double fmax = -std::expm1(-rate * (zhi_ - zlo_));
    const double v = mirror_ ? u : 1.0 - u;  // w increases with u unless mirrored
    z = zhi_ + std::log1p(-v * fmax) / rate;
  } else {
    // A range too narrow for the CDF to resolve: the density is flat across it.
    z = mirror_ ? zhi_ - u * (zhi_ - zlo_) : zlo_ + u * (zhi_ - zlo_);
  }
  if (mirror_) z = -z;
  return std::clamp(mean_ + sd_ * z, lo_, hi_);
}

double truncated_exponential(double u, double rate, double hi) {
  if (!(rate > 0) || !(hi > 0))
    throw std::invalid_argument(
        "sample::truncated_exponential: need rate > 0 and hi > 0 (got rate " +
        std::to_string(rate) + ", hi " + std::to_string(hi) + ")");
  const double fmax = -std::expm1(-rate * hi);
  return std::min(-std::log1p(-u * fmax) / rate, hi);
}

}  // namespace sample
}  // namespace cadresim::kernel
