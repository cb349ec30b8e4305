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
  // year y such that the birthday at age(y) falls in y or earlier. The birthday at an age of
  // m months falls in the month m after the birth month (add_months keeps the month and clamps
  // the day), and the date is that month's end, so the search needs months, not days.
  const kernel::Ymd b = kernel::split(birth);
  const int birth_month = b.year * 12 + static_cast<int>(b.month) - 1;  // months since year 0
  auto year_of = [](int month) { return month >= 0 ? month / 12 : -((-month + 11) / 12); };
  auto month_end_at = [&](int age_months) {
    const int m = birth_month + age_months;
    const int y = year_of(m);
    return kernel::month_end_of(y, static_cast<unsigned>(m - y * 12) + 1);
  };
  int min_age = 1 << 30;
  for (const auto& r : p.table)
    min_age = std::min(min_age, sex == model::Sex::kMale ? r.men_months : r.women_months);
  const int first = b.year + min_age / 12 - 1;
  for (int y = first; y < first + 40; ++y) {
    const int age = statutory_age_months(p, sex, y);
    if (year_of(birth_month + age) <= y) return month_end_at(age);
  }
  return month_end_at(statutory_age_months(p, sex, first + 40));
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
