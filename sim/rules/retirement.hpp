#pragma once
/// @file Retirement (docs/model.md § Retirement). The statutory age depends on sex and on the
/// calendar year in which it is reached (Decree 135/2020 roadmap, a table in the scenario);
/// the cadre retires on the last day of the month in which it is reached. Optionally, a cadre
/// with ≥ 15 years in units with a regional coefficient ≥ 0.7 may retire up to 5 years early.

#include "sim/model/scenario.hpp"
#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// Statutory age in months for someone reaching it in `year`.
int statutory_age_months(const model::RetirementParams& p, model::Sex sex, int year);
/// Statutory retirement date: the end of the month in which the age for that year is reached.
Day statutory_retirement_date(const model::RetirementParams& p, model::Sex sex, Day birth);
/// Schedules the cadre's statutory retirement (sets Cadre::retirement_date).
void schedule_retirement(RuleContext& ctx, CadreId cadre);
/// Handles the retirement event.
void retire(RuleContext& ctx, CadreId cadre);
/// What the monthly early-retirement check needs that is the same for every cadre in a month.
struct EarlyRetirementMonth {
  bool on = false;                ///< enabled with a positive probability
  Day too_far_from = 0;           ///< retirement on or after this day: too far away to retire early
  double probability = 0;         ///< monthly: 1 - (1 - p)^(1/12)
  std::uint64_t month_index = 0;  ///< keys the draw
  int min_hardship_months = 0;    ///< RetirementParams::early_min_hardship_months
};
/// The month's terms for ctx's scenario now (month number `month_index`).
EarlyRetirementMonth early_retirement_month(const RuleContext& ctx, std::uint64_t month_index);
/// The draw of the monthly early-retirement check, for a cadre who may retire early.
void draw_early_retirement(RuleContext& ctx, CadreId cadre, const EarlyRetirementMonth& month);
/// Whether the cadre qualifies this month for the early-retirement draw (enough hardship
/// months, retirement near enough), when the month's check is on. The record alone, so the
/// month-end pass can ask it of the record it holds.
inline bool may_retire_early(const model::Cadre& c, const EarlyRetirementMonth& month) {
  // One branch on both conditions (`&`, not `&&`): each alone varies from cadre to cadre, and
  // together they are almost always false.
  return (c.hardship_months >= month.min_hardship_months) &
         (c.retirement_date < month.too_far_from);
}
/// Monthly early-retirement check for one cadre. Inline: the month-end pass calls it for every
/// active cadre, and most are too far from retirement or have too few hardship months.
inline void consider_early_retirement(RuleContext& ctx, CadreId cadre,
                                      const EarlyRetirementMonth& month) {
  if (month.on && may_retire_early(ctx.world.cadres[cadre], month))
    draw_early_retirement(ctx, cadre, month);
}

}  // namespace cadresim::rules
