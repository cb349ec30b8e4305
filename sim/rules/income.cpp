// Income at a post: salary scale, allowances, and the costs a move adds.
#include "sim/rules/income.hpp"

#include <algorithm>  // std::max

namespace cadresim::rules {

double base_salary(const model::IncomeParams& p, kernel::Day day) {
  double b = p.base_salary.empty() ? 0.0 : p.base_salary.front().vnd_per_month;
  for (const auto& step : p.base_salary)
    if (step.from <= day) b = step.vnd_per_month;
  return b;
}

double salary_coefficient_at(const model::Organisation& org, const model::Cadre& cadre,
                             model::PostId post) {
  const model::Title& t = org.title_of(post);
  return t.salary_coefficient > 0 ? t.salary_coefficient : cadre.grade_coefficient;
}

IncomeBreakdown monthly_income(const model::Scenario& s, const model::Cadre& cadre,
                               model::PostId post, kernel::Day day, int attraction_months_left,
                               ReservedRegime reserved) {
  const auto& org = s.organisation;
  const auto& p = s.income;
  const model::Title& t = org.title_of(post);
  const model::Unit& u = org.units[org.posts[post].unit];
  const double base = base_salary(p, day);
  IncomeBreakdown r;
  r.salary = base * std::max(salary_coefficient_at(org, cadre, post), reserved.salary_coefficient);
  r.position = base * std::max(t.position_allowance, reserved.position_allowance);
  r.public_service = p.public_service_share * (r.salary + r.position);
  r.regional = u.regional_coefficient * base;
  if (u.especially_difficult && attraction_months_left > 0)
    r.attraction = p.attraction_share * (r.salary + r.position);
  if (u.level < p.level_extra_vnd_per_month.size())
    r.level_extra = p.level_extra_vnd_per_month[u.level];
  return r;
}

double distance_km(const model::Organisation& org, model::UnitId a, model::UnitId b) {
  double d = 0;
  // Climb the deeper (or either) side until both meet at the lowest common ancestor.
  while (a != b) {
    if (a != model::kNoUnit && (b == model::kNoUnit || !org.within(b, a))) {
      d += org.units[a].distance_km;
      a = org.units[a].parent;
    } else {
      d += org.units[b].distance_km;
      b = org.units[b].parent;
    }
    if (a == model::kNoUnit && b == model::kNoUnit) break;
  }
  return d;
}

bool needs_second_household(const model::Scenario& s, model::UnitId home, model::UnitId from,
                            model::UnitId to) {
  if (from == to) return false;
  const double limit = s.income.commute_max_km;
  if (limit <= 0) return true;
  return distance_km(s.organisation, home != model::kNoUnit ? home : from, to) > limit;
}

double move_costs(const model::Scenario& s, model::UnitId from, model::UnitId to,
                  bool second_household) {
  if (from == to) return 0;
  const auto& p = s.income;
  const double household = second_household ? p.second_household_vnd_per_month : 0.0;
  return household + p.travel_vnd_per_km_month * distance_km(s.organisation, from, to);
}

}  // namespace cadresim::rules
