#pragma once
/// @file A parametric distribution as scenario data, sampled by inverse transform from one
/// uniform (so draws stay aligned across scenarios).

#include <cstdint>

namespace cadresim::model {

/// Supported families. All are optionally truncated to [min, max].
enum class DistributionKind : std::uint8_t {
  kFixed,        ///< always `mean`
  kUniform,      ///< uniform on [min, max]
  kNormal,       ///< normal(mean, sd), truncated to [min, max]
  kLognormal,    ///< lognormal with the given mean and sd of the variable itself, truncated
  kExponential,  ///< exponential with the given mean, truncated to [min, max]
};

/// Scenario-level description of a random quantity.
struct Distribution {
  DistributionKind kind = DistributionKind::kFixed;
  double mean = 0;
  double sd = 0;
  double min = -1e300;
  double max = 1e300;

  /// A constant.
  static Distribution fixed(double v) { return {DistributionKind::kFixed, v, 0, v, v}; }
  /// Inverse-transform sample from u in (0, 1).
  double sample(double u) const;
};

}  // namespace cadresim::model
