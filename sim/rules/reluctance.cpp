// Reluctance: how an income shortfall turns into refusals, early returns, exits and effort.
#include "sim/rules/reluctance.hpp"

#include <algorithm>  // std::max, std::min
#include <cmath>      // std::exp

namespace cadresim::rules {

double acceptance_probability(const model::ReluctanceParams& p, double s) {
  return 1.0 / (1.0 + std::exp(-(p.accept_intercept + p.accept_slope * s)));
}

double early_return_rate_per_year(const model::ReluctanceParams& p, double s) {
  return p.early_return_base_per_year + p.early_return_per_shortfall_per_year * std::max(s, 0.0);
}

double attrition_multiplier(const model::ReluctanceParams& p, double s) {
  return 1.0 + p.attrition_multiplier_per_shortfall * std::max(s, 0.0);
}

double effort_penalty(const model::ReluctanceParams& p, double s) {
  return std::min(0.9, p.effort_penalty_per_shortfall * std::max(s, 0.0));
}

}  // namespace cadresim::rules
