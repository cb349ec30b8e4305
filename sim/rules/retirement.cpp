// Retirement: statutory age by sex and calendar year, end-of-month retirement, early
// retirement after hardship service. See docs/model.md § Retirement.
#include "sim/rules/retirement.hpp"

#include <cmath>  // std::pow

namespace cadresim::rules {

int statutory_age_months(const model::RetirementParams& p, model::Sex sex, int year) {
  const model::RetirementAgeRow* row = &p.table.front();
  for (const auto& r : p.table)
    if (r.year <= year) row = &r;
  return sex == model::Sex::kMale ? row->men_months : row->women_months;
}

Day statutory_retirement_date(const model::RetirementParams& p, model::Sex sex, Day birth) {
  // The age that applies is the one of the calendar year in which it is reached: the first
  // year y such that the birthday at age(y) falls in y or earlier.
  const int birth_year = kernel::split(birth).year;
  int min_age = 1 << 30;
  for (const auto& r : p.table)
    min_age = std::min(min_age, sex == model::Sex::kMale ? r.men_months : r.women_months);
  const int first = birth_year + min_age / 12 - 1;
  for (int y = first; y < first + 40; ++y) {
    const Day reached = kernel::add_months(birth, statutory_age_months(p, sex, y));
    if (kernel::split(reached).year <= y) return kernel::month_end(reached);
  }
  return kernel::month_end(kernel::add_months(birth, statutory_age_months(p, sex, first + 40)));
}

void schedule_retirement(RuleContext& ctx, CadreId cadre) {
  auto& c = ctx.world.cadres[cadre];
  c.retirement_date = statutory_retirement_date(ctx.scenario.retirement, c.sex, c.birth);
  // Someone already past the age at the start retires at once (end of the current month).
  const Day when = std::max(c.retirement_date, kernel::month_end(ctx.now()));
  ctx.sim.schedule(when, kRetire, cadre, kPriorityExit);
}

void retire(RuleContext& ctx, CadreId cadre) {
  leave_service(ctx, cadre, model::ExitCause::kRetirement);
}

EarlyRetirementMonth early_retirement_month(const RuleContext& ctx, std::uint64_t month_index) {
  const auto& p = ctx.scenario.retirement;
  EarlyRetirementMonth m;
  m.on = p.early_enabled && p.early_probability_per_year > 0;
  // "More than n whole months to retirement" <=> at least n + 1 <=> retirement on or after
  // now + (n + 1) months (add_months is the exact threshold of whole_months_between; n >= 0).
  m.too_far_from = kernel::add_months(ctx.now(), p.early_max_months + 1);
  // Yearly probability spread evenly over months: 1 - (1 - p)^(1/12) per month.
  m.probability = 1 - std::pow(1 - p.early_probability_per_year, 1.0 / 12);
  m.month_index = month_index;
  return m;
}

void draw_early_retirement(RuleContext& ctx, CadreId cadre, const EarlyRetirementMonth& month) {
  if (ctx.rng.uniform(kRngEarlyRetirement, cadre, month.month_index) < month.probability)
    leave_service(ctx, cadre, model::ExitCause::kEarlyRetirement);
}

}  // namespace cadresim::rules
