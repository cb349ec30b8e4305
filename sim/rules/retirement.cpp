// Retirement: statutory age by sex and calendar year, end-of-month retirement, early
// retirement after hardship service. See docs/model.md § Retirement.
#include "sim/rules/retirement.hpp"

#include <algorithm>  // std::upper_bound, std::max, std::min
#include <cmath>      // std::pow

namespace cadresim::rules {

namespace {
int age_of(const model::RetirementAgeRow& row, model::Sex sex) {
  return sex == model::Sex::kMale ? row.men_months : row.women_months;
}
// The row that applies in `year`: the last one of that year or before, or the first row for a
// year before the table. Rows are sorted by year, strictly increasing (the loader checks).
std::size_t row_of_year(const model::RetirementParams& p, int year) {
  const auto after =
      std::upper_bound(p.table.begin(), p.table.end(), year,
                       [](int y, const model::RetirementAgeRow& r) { return y < r.year; });
  return after == p.table.begin() ? 0 : static_cast<std::size_t>(after - p.table.begin()) - 1;
}
}  // namespace

int statutory_age_months(const model::RetirementParams& p, model::Sex sex, int year) {
  return age_of(p.table[row_of_year(p, year)], sex);
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
  // No year before `first` can meet the condition: the age is reached at the earliest in the
  // year birth year + ⌊min age / 12⌋ = first + 1.
  int min_age = 1 << 30;
  for (const auto& r : p.table) min_age = std::min(min_age, age_of(r, sex));
  const int first = b.year + min_age / 12 - 1;
  // The age is constant from one row's year to the year before the next row's, and within such
  // a span the condition holds from year_of(birth_month + age) on: so the first year that meets
  // it is found span by span (a row at a time, not a year at a time). The last row's span has no
  // end, so the search always ends there at the latest.
  const std::size_t first_row = row_of_year(p, first);
  for (std::size_t i = first_row; i + 1 < p.table.size(); ++i) {
    const int age = age_of(p.table[i], sex);
    const int span_start = i == first_row ? first : p.table[i].year;
    // The first year of the span that meets it, if any.
    if (std::max(span_start, year_of(birth_month + age)) < p.table[i + 1].year)
      return month_end_at(age);
  }
  return month_end_at(age_of(p.table.back(), sex));
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
  m.min_hardship_months = p.early_min_hardship_months;
  return m;
}

void draw_early_retirement(RuleContext& ctx, CadreId cadre, const EarlyRetirementMonth& month) {
  if (ctx.rng.uniform(kRngEarlyRetirement, cadre, month.month_index) < month.probability)
    leave_service(ctx, cadre, model::ExitCause::kEarlyRetirement);
}

}  // namespace cadresim::rules
