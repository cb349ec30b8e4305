#pragma once
/// @file Attrition (docs/model.md § Attrition): exits other than retirement — resignation,
/// health, discipline — as a hazard per year by level (or title), times a multiplier that
/// reluctance drives. Each cadre has a personal Exp(1) threshold; the cumulative hazard grows
/// monthly and the cadre leaves at the month end when it passes the threshold. With a constant
/// hazard h this is an exponential exit time of rate h, discretised to month ends.

#include <vector>  // AttritionRates

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// Draws the cadre's personal threshold (same draw in every scenario: common random numbers).
void init_attrition(RuleContext& ctx, CadreId cadre);
/// Yearly exit hazard of the cadre now (before the multiplier).
double attrition_rate_per_year(const RuleContext& ctx, const model::Cadre& c);
/// Each post's monthly hazard (attrition_rate_per_year of its holder / 12). It depends only on
/// the scenario and organisation in force, so the engine builds it when they change instead of
/// looking the rate up for every cadre every month.
struct AttritionRates {
  std::vector<double> monthly_by_post;
};
/// Fills `out` for ctx's scenario and organisation.
void prepare_attrition_rates(const RuleContext& ctx, AttritionRates& out);
/// The cadre leaves for a cause drawn from the scenario's shares (attrition_month's exit).
void attrition_exit(RuleContext& ctx, CadreId cadre);
/// One month of hazard (`monthly`, before the multiplier) added to a cadre's attrition state:
/// true when the threshold is passed, and the cadre is to leave (attrition_exit). The state
/// alone, so the month-end pass can call it on the state it holds without a look-up.
inline bool add_attrition_month(model::AttritionState& a, double monthly) {
  a.hazard += monthly * a.multiplier;
  return a.hazard >= a.threshold;
}
/// Adds one month of hazard (`monthly`, before the multiplier); the cadre leaves if the
/// threshold is passed. Returns true if so. Inline: the month-end pass calls it for every
/// active cadre, and almost every call ends at the threshold test. The pass gives each holder's
/// hazard from the table of its post (prepare_attrition_rates), which it keeps per cadre.
inline bool attrition_month_at(RuleContext& ctx, CadreId cadre, double monthly) {
  if (!add_attrition_month(ctx.world.attrition[cadre], monthly)) return false;
  attrition_exit(ctx, cadre);
  return true;
}
/// The same with the hazard looked up: `rates` comes from prepare_attrition_rates for the
/// scenario and organisation in force.
inline bool attrition_month(RuleContext& ctx, CadreId cadre, const AttritionRates& rates) {
  const auto& c = ctx.world.cadres[cadre];
  return attrition_month_at(ctx, cadre,
                            c.post != model::kNoPost ? rates.monthly_by_post[c.post]
                                                     : attrition_rate_per_year(ctx, c) / 12.0);
}

}  // namespace cadresim::rules
