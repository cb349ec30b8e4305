#pragma once
/// @file Reluctance (docs/model.md § Reluctance). A move's relative income shortfall
///   s = (I_before − (I_after − costs + support)) / I_before
/// sets: the probability of accepting, P = 1 / (1 + exp(−(a + b s))); the yearly hazard of
/// asking to return early, h = h0 + k · max(s, 0); the attrition multiplier, 1 + m · max(s, 0);
/// and an effort penalty e · max(s, 0) (capped at 0.9) while the rotation lasts.

#include "sim/model/scenario.hpp"

namespace cadresim::rules {

/// Probability of accepting a move with shortfall s.
double acceptance_probability(const model::ReluctanceParams& p, double s);
/// Yearly hazard of asking to return early.
double early_return_rate_per_year(const model::ReluctanceParams& p, double s);
/// Multiplier on the attrition hazard while rotated.
double attrition_multiplier(const model::ReluctanceParams& p, double s);
/// Effort penalty (share of effectiveness lost) while rotated.
double effort_penalty(const model::ReluctanceParams& p, double s);

}  // namespace cadresim::rules
