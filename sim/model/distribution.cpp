#include "sim/model/distribution.hpp"

#include <algorithm>  // std::clamp
#include <cmath>      // std::log, std::sqrt

#include "sim/kernel/random.hpp"  // inverse-transform samplers

namespace cadresim::model {

namespace sample = kernel::sample;

double Distribution::sample(double u) const {
  switch (kind) {
    case DistributionKind::kFixed:
      return mean;
    case DistributionKind::kUniform:
      return sample::uniform(u, min, max);
    case DistributionKind::kNormal:
      if (sd <= 0) return std::clamp(mean, min, max);
      return sample::truncated_normal(u, mean, sd, min, max);
    case DistributionKind::kLognormal: {
      if (sd <= 0) return std::clamp(mean, min, max);
      // Parameters of the underlying normal from the mean and sd of the variable.
      const double s2 = std::log(1 + (sd * sd) / (mean * mean));
      const double mu = std::log(mean) - s2 / 2;
      const double lo = min > 0 ? std::log(min) : -1e300;
      const double hi = max < 1e300 ? std::log(max) : 1e300;
      return std::clamp(std::exp(sample::truncated_normal(u, mu, std::sqrt(s2), lo, hi)), min, max);
    }
    case DistributionKind::kExponential: {
      const double lo = std::max(min, 0.0);
      if (max >= 1e300) return lo + sample::exponential(u, 1.0 / mean);
      return lo + sample::truncated_exponential(u, 1.0 / mean, max - lo);
    }
  }
  return mean;
}

}  // namespace cadresim::model
