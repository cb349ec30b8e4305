#pragma once
/// @file Annual evaluation (docs/model.md § Evaluation). Once a year every post-holder is rated
/// from their effectiveness E (sim/rules/adaptation.hpp):
///   excellent if E ≥ e_x, good if E ≥ e_g, completed if E ≥ e_c, not completed otherwise
/// (the four grades of the annual review of cadres). The rating is what the rest of the model
/// reads: the end-of-rotation outcome probabilities (ND 170/2025 Art. 51, QĐ 65 Art. 10:
/// placement after rotation by results), the early-return hazard, readiness and the planning
/// score, and removal from the plan for failing it (QĐ 377: annual review removes cadres who
/// fail their tasks).

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// The rating for effectiveness `e`.
model::Rating rating_for(const model::EvaluationParams& p, double e);
/// End-of-rotation outcome probabilities for a rating (kNone: as "good").
const model::OutcomeProbabilities& outcome_probabilities(const model::EvaluationParams& p,
                                                         model::Rating r);
/// Event reason code of a rating (events::kReasonRating*).
std::uint16_t rating_reason(model::Rating r);
/// Rates every active post-holder (emits `evaluated`: from = the rotation's origin post for a
/// rotated cadre, none otherwise; reason = rating; value = effectiveness).
void evaluate_all(RuleContext& ctx);

}  // namespace cadresim::rules
