// Recruitment into entry posts from outside the service.
#include "sim/rules/recruitment.hpp"

#include <fmt/core.h>  // fmt::format for generated ids

#include "sim/rules/attrition.hpp"   // init_attrition
#include "sim/rules/non_native.hpp"  // is the recruit allowed
#include "sim/rules/retirement.hpp"  // schedule_retirement

namespace cadresim::rules {

void start_recruitment(RuleContext& ctx, PostId post) {
  const double u = ctx.rng.uniform(kRngRecruitDelay, post, ctx.vacancy_counter[post]);
  const double months = ctx.scenario.recruitment.delay_months.sample(u);
  auto& ps = ctx.world.posts[post];
  ps.fill_pending = true;
  ps.fill_day = ctx.now() + months_to_days(months);
  ctx.sim.schedule_with_payload(ps.fill_day, kRecruitArrival, post, kPriorityFill);
}

namespace {
// A newcomer from outside the service (a recruit or a transfer in) enters today: counted as
// recruited, with its own attrition threshold and retirement date.
CadreId admit(RuleContext& ctx, model::Cadre&& c) {
  auto& w = ctx.world;
  const CadreId id = static_cast<CadreId>(w.cadres.size());
  c.entered = ctx.now();
  c.post_since = ctx.now();
  w.cadres.push_back(std::move(c));
  w.plan_count.push_back(0);
  ++w.recruited;
  ctx.sim.reserve_subjects(w.cadres.size());
  init_attrition(ctx, id);
  schedule_retirement(ctx, id);
  return id;
}
}  // namespace

void start_transfer_in(RuleContext& ctx, PostId post) {
  auto& ps = ctx.world.posts[post];
  ps.fill_pending = true;
  ps.fill_day = ctx.now() + months_to_days(ctx.scenario.appointment.non_native_transfer_in_months);
  ctx.sim.schedule_with_payload(ps.fill_day, kRecruitArrival, post, kPriorityFill);
}

CadreId create_transfer(RuleContext& ctx, PostId post) {
  auto& w = ctx.world;
  const auto& pp = ctx.scenario.population;
  const auto& org = ctx.org;
  const model::Post& p = org.posts[post];
  const model::LevelId level = org.units[p.unit].level;
  const CadreId id = static_cast<CadreId>(w.cadres.size());
  kernel::RandomStream rs(ctx.rng, kRngRecruit, id);
  model::Cadre c;
  c.id = fmt::format("t{}", id);
  // Drawn like a holder of the post at the start (population section); from outside the
  // organisation, so a non-native of every unit.
  const auto it = pp.age_years_by_title.find(p.title);
  const double age_years =
      (it != pp.age_years_by_title.end() ? it->second : pp.age_years_by_level[level])
          .sample(rs.uniform());
  c.birth = ctx.now() - static_cast<Day>(age_years * 365.2425);
  c.sex = rs.uniform() < pp.female_share_by_level[level] ? model::Sex::kFemale : model::Sex::kMale;
  c.home_unit = model::kNoUnit;
  const int need = ctx.scenario.appointment.min_months_before_retirement;
  const Day by = kernel::add_months(ctx.now(), need);
  if (statutory_retirement_date(ctx.scenario.retirement, c.sex, c.birth) < by)
    c.birth = kernel::add_months(
        ctx.now(),
        need - statutory_age_months(ctx.scenario.retirement, c.sex, kernel::split(by).year));
  c.grade_coefficient = pp.grade_coefficient.sample(rs.uniform());
  c.competence = pp.competence.sample(rs.uniform());
  return admit(ctx, std::move(c));
}

CadreId create_recruit(RuleContext& ctx, PostId post) {
  auto& w = ctx.world;
  const auto& p = ctx.scenario.recruitment;
  const auto& org = ctx.org;
  const CadreId id = static_cast<CadreId>(w.cadres.size());
  kernel::RandomStream rs(ctx.rng, kRngRecruit, id);
  model::Cadre c;
  c.id = fmt::format("r{}", id);
  const double age_years = p.age_years.sample(rs.uniform());
  c.birth = ctx.now() - static_cast<Day>(age_years * 365.2425);
  c.sex = rs.uniform() < p.female_share ? model::Sex::kFemale : model::Sex::kMale;
  const model::UnitId unit = org.posts[post].unit;
  const bool native_draw = rs.uniform() < p.native_share;
  const double u_home = rs.uniform();
  const bool must_be_outsider = org.title_of(post).non_native == model::NonNativeRule::kRequired;
  // A non-native comes from a unit of the same level outside this unit's subtree, uniformly
  // (same-level units can nest, e.g. agencies under a province). If there is none, a required
  // non-native comes from the parent unit (also outside), or for the root from outside the
  // modelled organisation (home kNoUnit); others stay natives.
  const std::size_t outside = org.units_of_level_outside_count(unit);
  if ((native_draw && !must_be_outsider) || outside == 0) {
    c.home_unit = must_be_outsider && outside == 0 ? org.units[unit].parent : unit;
  } else {
    std::size_t k = static_cast<std::size_t>(u_home * static_cast<double>(outside));
    if (k >= outside) k = outside - 1;
    c.home_unit = org.unit_of_level_outside(unit, k);
  }
  c.grade_coefficient = p.grade_coefficient.sample(rs.uniform());
  c.competence = p.competence.sample(rs.uniform());
  return admit(ctx, std::move(c));
}

void recruit_arrives(RuleContext& ctx, PostId post) {
  auto& ps = ctx.world.posts[post];
  ps.fill_pending = false;
  if (ps.holder != model::kNoCadre) return;
  if (!ctx.org.title_of(post).entry) {  // a transfer in (start_transfer_in)
    take_post(ctx, create_transfer(ctx, post), post, events::EventType::kAppointed,
              events::kReasonTransfer);
    return;
  }
  const CadreId id = create_recruit(ctx, post);
  take_post(ctx, id, post, events::EventType::kRecruited, events::kReasonRecruitment);
}

}  // namespace cadresim::rules
