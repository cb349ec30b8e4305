#pragma once
/// @file Attrition (docs/model.md § Attrition): exits other than retirement — resignation,
/// health, discipline — as a hazard per year by level (or title), times a multiplier that
/// reluctance drives. Each cadre has a personal Exp(1) threshold; the cumulative hazard grows
/// monthly and the cadre leaves at the month end when it passes the threshold. With a constant
/// hazard h this is an exponential exit time of rate h, discretised to month ends.

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// Draws the cadre's personal threshold (same draw in every scenario: common random numbers).
void init_attrition(RuleContext& ctx, CadreId cadre);
/// Yearly exit hazard of the cadre now (before the multiplier).
double attrition_rate_per_year(const RuleContext& ctx, const model::Cadre& c);
/// Adds one month of hazard; the cadre leaves if the threshold is passed. Returns true if so.
bool attrition_month(RuleContext& ctx, CadreId cadre);

}  // namespace cadresim::rules
