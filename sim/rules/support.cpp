// Support levers for rotated cadres and their costs.
#include "sim/rules/support.hpp"

#include <algorithm>  // std::max

#include "sim/rules/income.hpp"

namespace cadresim::rules {

double income_support_vnd(const model::SupportParams& p, double shortfall_vnd) {
  return p.top_up_vnd_per_month + p.top_up_share_of_shortfall * std::max(shortfall_vnd, 0.0) +
         p.travel_allowance_vnd_per_month;
}

double one_off_grant_vnd(const model::SupportParams& p, double distance_km) {
  double grant = 0;
  for (const auto& band : p.one_off_grant)
    if (distance_km >= band.min_km) grant = band.vnd;
  return grant;
}

ReservedRegime reserved_regime(const model::Scenario& s, const model::Cadre& cadre, PostId origin) {
  if (!s.support.reserve_position_allowance || origin == model::kNoPost) return {};
  return {salary_coefficient_at(s.organisation, cadre, origin),
          s.organisation.title_of(origin).position_allowance};
}

double pay_monthly_support(RuleContext& ctx, CadreId cadre) {
  const auto& c = ctx.world.cadres[cadre];
  const auto& p = ctx.scenario.support;
  double total = 0;
  auto pay = [&](std::uint16_t lever, double vnd) {
    if (vnd <= 0) return;
    ctx.emit(events::EventType::kSupportPaid, cadre, c.rotation.origin_post, c.post, lever, vnd);
    total += vnd;
  };
  pay(events::kReasonTopUp, p.top_up_vnd_per_month + p.top_up_share_of_shortfall *
                                                         std::max(c.rotation.shortfall_vnd, 0.0));
  pay(events::kReasonTravel, p.travel_allowance_vnd_per_month);
  if (p.housing) pay(events::kReasonHousing, p.housing_cost_vnd_per_month);
  // The reserved regime's cost: what the kept coefficients add over the post's own.
  const ReservedRegime kept = reserved_regime(ctx.scenario, c, c.rotation.origin_post);
  const double own_salary = salary_coefficient_at(ctx.org, c, c.post);
  const double own_position = ctx.org.title_of(c.post).position_allowance;
  const double extra_coefficient = std::max(kept.salary_coefficient - own_salary, 0.0) +
                                   std::max(kept.position_allowance - own_position, 0.0);
  if (extra_coefficient > 0)
    pay(events::kReasonReservedAllowance, extra_coefficient *
                                              base_salary(ctx.scenario.income, ctx.now()) *
                                              (1 + ctx.scenario.income.public_service_share));
  if (p.mentoring) pay(events::kReasonMentoring, p.mentoring_cost_vnd_per_month);
  if (p.supervision) pay(events::kReasonSupervision, p.supervision_cost_vnd_per_month);
  return total;
}

double pay_one_off_grant(RuleContext& ctx, CadreId cadre, double distance_km) {
  const double g = one_off_grant_vnd(ctx.scenario.support, distance_km);
  if (g > 0) {
    const auto& c = ctx.world.cadres[cadre];
    ctx.emit(events::EventType::kSupportPaid, cadre, c.rotation.origin_post, c.post,
             events::kReasonGrant, g);
  }
  return g;
}

}  // namespace cadresim::rules
