#pragma once
/// @file The "assumptions" section of a scenario: a plausible range (and distribution) for each
/// assumed parameter, keyed by the JSON pointer of the parameter in the resolved scenario, with a
/// note saying why (docs/scenarios.md § assumptions). Read strictly at load time; sampled by
/// `cadresim run --assumptions` and `cadresim sweep --lhs` (analysis/assumptions.hpp).

#include <nlohmann/json.hpp>  // nlohmann::json

#include <string>  // std::string
#include <vector>  // std::vector

#include "sim/scenario/problems.hpp"  // Problems

namespace cadresim::scenario {

/// One assumed parameter and its plausible range.
struct Assumption {
  std::string pointer;                   ///< JSON pointer into the resolved scenario (a number)
  double min = 0;                        ///< lower end of the plausible range
  double max = 0;                        ///< upper end (> min)
  std::string distribution = "uniform";  ///< "uniform" or "triangular"
  double mode = 0;                       ///< triangular only: the most likely value
  double value = 0;                      ///< the scenario's own value
  bool integer = false;  ///< the parameter takes whole numbers (samples are rounded)
  std::string note;      ///< why this range (sources, reasoning)

  /// The value at quantile u in (0, 1) of the distribution (inverse transform), rounded for
  /// integer parameters.
  double quantile(double u) const;
};

/// Reads `doc["assumptions"]` (absent: none) against the resolved scenario `resolved` (every
/// other section already read), writes the resolved section into `resolved["assumptions"]`, and
/// reports problems at their pointers: unknown keys, min ≥ max, a pointer that is not valid
/// syntax, does not resolve in the resolved scenario, or does not point at a number.
std::vector<Assumption> read_assumptions(const nlohmann::json& doc, nlohmann::json& resolved,
                                         Problems& problems);

}  // namespace cadresim::scenario
