// Support levers for rotated cadres: targeting, valuation in the acceptance decision, costs.
#include "sim/rules/support.hpp"

#include <algorithm>  // std::max, std::find
#include <cmath>      // std::pow

#include "sim/rules/income.hpp"

namespace cadresim::rules {

namespace {
int attraction_left(const model::Scenario& s, const model::Cadre& c) {
  return s.income.attraction_max_months - c.attraction_months_used;
}

// Expected rotation length, months (the midpoint of a uniform; the mean otherwise, ignoring
// truncation, which the valuation does not need to the day).
double expected_months(const model::Distribution& d) {
  return d.kind == model::DistributionKind::kUniform ? 0.5 * (d.min + d.max) : d.mean;
}
}  // namespace

bool target_reaches(const model::Scenario& s, const model::SupportTarget& t, PostId dest,
                    std::uint16_t flow, double gap_vnd) {
  const auto& org = s.organisation;
  const model::Unit& unit = org.units[org.posts[dest].unit];
  if (t.especially_difficult_only && !unit.especially_difficult) return false;
  if (!t.to_levels.empty() &&
      std::find(t.to_levels.begin(), t.to_levels.end(), unit.level) == t.to_levels.end())
    return false;
  if (!t.flows.empty()) {
    const std::string& id =
        flow < s.rotation.flows.size() ? s.rotation.flows[flow].id : std::string("scripted");
    if (std::find(t.flows.begin(), t.flows.end(), id) == t.flows.end()) return false;
  }
  if (t.key_posts_only && !org.title_of(dest).key) return false;
  return t.min_shortfall_vnd <= 0 || gap_vnd >= t.min_shortfall_vnd;
}

std::uint8_t levers_for(const model::Scenario& s, PostId dest, std::uint16_t flow, double gap_vnd) {
  const auto& p = s.support;
  std::uint8_t bits = 0;
  auto add = [&](bool on, const model::SupportTarget& t, model::SupportLever lever) {
    if (on && target_reaches(s, t, dest, flow, gap_vnd)) bits |= lever;
  };
  add(p.top_up_vnd_per_month > 0 || p.top_up_share_of_shortfall > 0, p.target_top_up,
      model::kLeverTopUp);
  add(!p.one_off_grant.empty(), p.target_grant, model::kLeverGrant);
  add(p.housing, p.target_housing, model::kLeverHousing);
  add(p.travel_allowance_vnd_per_month > 0, p.target_travel, model::kLeverTravel);
  add(p.reserve_position_allowance, p.target_reserved, model::kLeverReserved);
  add(p.mentoring, p.target_mentoring, model::kLeverMentoring);
  add(p.supervision, p.target_supervision, model::kLeverSupervision);
  return bits;
}

double cash_support_vnd(const model::SupportParams& p, double shortfall_vnd, std::uint8_t levers) {
  double v = 0;
  if (levers & model::kLeverTopUp)
    v += p.top_up_vnd_per_month + p.top_up_share_of_shortfall * std::max(shortfall_vnd, 0.0);
  if (levers & model::kLeverTravel) v += p.travel_allowance_vnd_per_month;
  return v;
}

double one_off_grant_vnd(const model::SupportParams& p, double distance_km) {
  double grant = 0;
  for (const auto& band : p.one_off_grant)
    if (distance_km >= band.min_km) grant = band.vnd;
  return grant;
}

double monthly_equivalent(const model::SupportValuation& v, double one_off_vnd, double months) {
  if (one_off_vnd <= 0 || months <= 0) return 0;
  const double r = v.monthly_discount_rate;
  if (r <= 0) return one_off_vnd / months;
  return one_off_vnd * r / (1.0 - std::pow(1.0 + r, -months));
}

ReservedRegime reserved_regime(const model::Scenario& s, const model::Cadre& cadre, PostId origin) {
  if (!s.support.reserve_position_allowance || origin == model::kNoPost) return {};
  return {salary_coefficient_at(s.organisation, cadre, origin),
          s.organisation.title_of(origin).position_allowance};
}

MoveTerms move_terms(const RuleContext& ctx, CadreId cadre, PostId from, PostId to,
                     std::uint16_t flow) {
  const auto& s = ctx.scenario;
  const auto& org = ctx.org;
  const auto& c = ctx.world.cadres[cadre];
  const model::UnitId from_unit = org.posts[from].unit, to_unit = org.posts[to].unit;
  MoveTerms t;
  t.distance_km = distance_km(org, from_unit, to_unit);
  t.second_household = needs_second_household(s, c.home_unit, from_unit, to_unit);
  const int left = attraction_left(s, c);
  const double before = monthly_income(s, c, from, ctx.now(), left).total();
  // The levers are decided on the gap without the reserved regime (a national rule: its own
  // target, if any, is checked on the same gap), then the regime is applied if it reaches.
  const double costs = move_costs(s, from_unit, to_unit, t.second_household);
  const double plain_after = monthly_income(s, c, to, ctx.now(), left).total();
  t.levers = levers_for(s, to, flow, before - (plain_after - costs));
  const double after =
      (t.levers & model::kLeverReserved)
          ? monthly_income(s, c, to, ctx.now(), left, reserved_regime(s, c, from)).total()
          : plain_after;
  t.gap_vnd = before - (after - costs);
  const auto& p = s.support;
  double value = cash_support_vnd(p, t.gap_vnd, t.levers);
  if ((t.levers & model::kLeverHousing) && t.second_household)
    value += p.valuation.in_kind_share * s.income.second_household_vnd_per_month;
  if (t.levers & model::kLeverGrant)
    value += monthly_equivalent(p.valuation, one_off_grant_vnd(p, t.distance_km),
                                expected_months(s.rotation.duration_months));
  t.support_value_vnd = value;
  t.shortfall = before > 0 ? (t.gap_vnd - value) / before : 0.0;
  return t;
}

double pay_monthly_support(RuleContext& ctx, CadreId cadre) {
  const auto& c = ctx.world.cadres[cadre];
  const auto& p = ctx.scenario.support;
  const std::uint8_t levers = c.rotation.levers;
  double total = 0;
  auto pay = [&](std::uint16_t lever, double vnd) {
    if (vnd <= 0) return;
    ctx.emit(events::EventType::kSupportPaid, cadre, c.rotation.origin_post, c.post, lever, vnd);
    total += vnd;
  };
  if (levers & model::kLeverTopUp)
    pay(events::kReasonTopUp, p.top_up_vnd_per_month + p.top_up_share_of_shortfall *
                                                           std::max(c.rotation.shortfall_vnd, 0.0));
  if (levers & model::kLeverTravel) pay(events::kReasonTravel, p.travel_allowance_vnd_per_month);
  // Housing is provided where the move needs a second household.
  if ((levers & model::kLeverHousing) && c.rotation.second_household)
    pay(events::kReasonHousing, p.housing_cost_vnd_per_month);
  // The reserved regime's cost: what the kept coefficients add over the post's own.
  if (levers & model::kLeverReserved) {
    const ReservedRegime kept = reserved_regime(ctx.scenario, c, c.rotation.origin_post);
    const double own_salary = salary_coefficient_at(ctx.org, c, c.post);
    const double own_position = ctx.org.title_of(c.post).position_allowance;
    const double extra_coefficient = std::max(kept.salary_coefficient - own_salary, 0.0) +
                                     std::max(kept.position_allowance - own_position, 0.0);
    if (extra_coefficient > 0)
      pay(events::kReasonReservedAllowance, extra_coefficient *
                                                base_salary(ctx.scenario.income, ctx.now()) *
                                                (1 + ctx.scenario.income.public_service_share));
  }
  if (levers & model::kLeverMentoring)
    pay(events::kReasonMentoring, p.mentoring_cost_vnd_per_month);
  if (levers & model::kLeverSupervision)
    pay(events::kReasonSupervision, p.supervision_cost_vnd_per_month);
  return total;
}

double pay_one_off_grant(RuleContext& ctx, CadreId cadre, double distance_km) {
  const auto& c = ctx.world.cadres[cadre];
  if (!(c.rotation.levers & model::kLeverGrant)) return 0;
  const double g = one_off_grant_vnd(ctx.scenario.support, distance_km);
  if (g > 0)
    ctx.emit(events::EventType::kSupportPaid, cadre, c.rotation.origin_post, c.post,
             events::kReasonGrant, g);
  return g;
}

}  // namespace cadresim::rules
