#include "sim/model/distribution.hpp"

#include <algorithm>  // std::clamp
#include <array>      // the memo of prepared normals
#include <bit>        // std::bit_cast
#include <cmath>      // std::log, std::sqrt
#include <cstdint>    // std::uintptr_t
#include <optional>   // a memo entry's normal

#include "sim/kernel/random.hpp"  // inverse-transform samplers

namespace cadresim::model {

namespace sample = kernel::sample;

namespace {

bool same_bits(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

/// The truncated normal of a normal or lognormal distribution (for a lognormal, that of its
/// logarithm), prepared once: the world's construction draws the same few distributions for
/// every post, and the range's CDF values (two erfc) and the lognormal's parameters (three logs
/// and a square root) would otherwise be recomputed for each draw. A small per-thread memo,
/// keyed by the distribution's address and checked against all its fields, so a distribution
/// changed or another one at the same address is prepared again; the draws are bit for bit
/// those of sample::truncated_normal.
const sample::TruncatedNormal& prepared_normal(const Distribution& d) {
  struct Entry {
    DistributionKind kind;
    double mean, sd, min, max;
    std::optional<sample::TruncatedNormal> normal;
  };
  thread_local std::array<Entry, 16> memo{};
  // Distributions lie 40 bytes apart inside a parameter block: consecutive ones get distinct
  // entries.
  Entry& e = memo[(reinterpret_cast<std::uintptr_t>(&d) >> 3) % memo.size()];
  if (e.normal && e.kind == d.kind && same_bits(e.mean, d.mean) && same_bits(e.sd, d.sd) &&
      same_bits(e.min, d.min) && same_bits(e.max, d.max))
    return *e.normal;
  e.normal.reset();
  if (d.kind == DistributionKind::kNormal) {
    e.normal.emplace(d.mean, d.sd, d.min, d.max);
  } else {
    // Parameters of the underlying normal from the mean and sd of the variable.
    const double s2 = std::log(1 + (d.sd * d.sd) / (d.mean * d.mean));
    const double mu = std::log(d.mean) - s2 / 2;
    const double lo = d.min > 0 ? std::log(d.min) : -1e300;
    const double hi = d.max < 1e300 ? std::log(d.max) : 1e300;
    e.normal.emplace(mu, std::sqrt(s2), lo, hi);
  }
  e.kind = d.kind;
  e.mean = d.mean;
  e.sd = d.sd;
  e.min = d.min;
  e.max = d.max;
  return *e.normal;
}

}  // namespace

double Distribution::sample(double u) const {
  switch (kind) {
    case DistributionKind::kFixed:
      return mean;
    case DistributionKind::kUniform:
      return sample::uniform(u, min, max);
    case DistributionKind::kNormal:
      if (sd <= 0) return std::clamp(mean, min, max);
      return prepared_normal(*this)(u);
    case DistributionKind::kLognormal:
      if (sd <= 0) return std::clamp(mean, min, max);
      return std::clamp(std::exp(prepared_normal(*this)(u)), min, max);
    case DistributionKind::kExponential: {
      const double lo = std::max(min, 0.0);
      if (max >= 1e300) return lo + sample::exponential(u, 1.0 / mean);
      return lo + sample::truncated_exponential(u, 1.0 / mean, max - lo);
    }
  }
  return mean;
}

}  // namespace cadresim::model
