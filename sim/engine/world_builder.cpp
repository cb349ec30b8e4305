// Building the initial world: named and roster cadres first, then a synthesised holder for
// every other post (or a vacancy), each drawn from the post's own random stream so the same
// post gets the same person in every scenario that shares the organisation.
#include <fmt/core.h>  // fmt::format for generated ids

#include "sim/engine/engine.hpp"
#include "sim/rules/adaptation.hpp"
#include "sim/rules/attrition.hpp"
#include "sim/rules/evaluation.hpp"
#include "sim/rules/pools.hpp"
#include "sim/rules/retirement.hpp"
#include "sim/rules/staffing.hpp"
#include "sim/rules/succession.hpp"

namespace cadresim::engine {

using namespace cadresim::rules;

namespace {

// A unit of the same level outside `unit`'s subtree (same-level units can nest, e.g. agencies
// under a province), chosen by `u`; the parent when there is none, or `unit` at the root.
model::UnitId other_unit_same_level(const model::Organisation& org, model::UnitId unit, double u) {
  const std::size_t outside = org.units_of_level_outside_count(unit);
  // No peer outside the unit: the parent (outside the unit's subtree), or for the root a cadre
  // from outside the modelled organisation (home kNoUnit: a native of nowhere modelled).
  if (outside == 0) return org.units[unit].parent;
  std::size_t k = static_cast<std::size_t>(u * static_cast<double>(outside));
  if (k >= outside) k = outside - 1;
  return org.unit_of_level_outside(unit, k);
}

model::Cadre synthesise_holder(const model::Scenario& s, kernel::RandomStream& rs, PostId post) {
  const auto& org = s.organisation;
  const auto& pp = s.population;
  const model::Post& p = org.posts[post];
  const model::Title& t = org.titles[p.title];
  const model::LevelId level = org.units[p.unit].level;
  model::Cadre c;
  c.id = fmt::format("c{}", post);
  auto it = pp.age_years_by_title.find(p.title);
  const model::Distribution& age =
      it != pp.age_years_by_title.end() ? it->second : pp.age_years_by_level[level];
  const double age_years = age.sample(rs.uniform());
  c.birth = s.calendar.start - static_cast<Day>(age_years * 365.2425);
  c.sex = rs.uniform() < pp.female_share_by_level[level] ? model::Sex::kFemale : model::Sex::kMale;
  const bool native = rs.uniform() < pp.native_share_by_level[level];
  const double u_home = rs.uniform();
  const bool required = t.non_native == model::NonNativeRule::kRequired;
  c.home_unit = native && !required ? p.unit : other_unit_same_level(org, p.unit, u_home);
  c.grade_coefficient = pp.grade_coefficient.sample(rs.uniform());
  c.competence = pp.competence.sample(rs.uniform());
  const int tenure = static_cast<int>(pp.tenure_months.sample(rs.uniform()));
  c.post_since = kernel::add_months(s.calendar.start, -tenure);
  if (c.post_since < c.birth) c.post_since = s.calendar.start;
  c.consecutive_terms = 1 + tenure / std::max(1, s.terms.term_months);
  c.experience_months[level] = static_cast<std::uint16_t>(tenure);
  const double lower = pp.lower_level_experience_months_by_level[level].sample(rs.uniform());
  if (level + 1u < org.levels.size())
    c.experience_months[level + 1] = static_cast<std::uint16_t>(lower);
  // Months (at most 600 from the distribution, or the tenure): within the counters' 16 bits.
  int hardship = static_cast<int>(pp.hardship_months.sample(rs.uniform()));
  if (org.units[p.unit].regional_coefficient >= s.retirement.hardship_regional_coefficient)
    hardship = std::max(hardship, tenure);
  c.hardship_months = static_cast<std::uint16_t>(hardship);
  c.attraction_months_used = static_cast<std::uint16_t>(
      std::min(static_cast<int>(pp.attraction_months_used.sample(rs.uniform())),
               s.income.attraction_max_months));
  // Nobody in post is already past retirement (women's statutory age is lower than the age
  // ranges of many titles): someone drawn older retires 1 to 36 months after the start instead.
  // This draw comes last so that it does not shift the others.
  const double u_retire = rs.uniform();
  if (rules::statutory_retirement_date(s.retirement, c.sex, c.birth) <= s.calendar.start) {
    const int left = 1 + static_cast<int>(u_retire * 36);
    const int age_months =
        rules::statutory_age_months(s.retirement, c.sex, kernel::split(s.calendar.start).year);
    c.birth = kernel::add_months(s.calendar.start, left - age_months);
    if (c.post_since < c.birth) c.post_since = s.calendar.start;
  }
  return c;
}

}  // namespace

void Engine::build_world() {
  const auto& org = scenario_.organisation;
  world_.scenario = &scenario_;
  world_.org = &org;
  world_.posts.assign(org.posts.size(), {});
  world_.chains.assign(1, {});  // chain 0 means "none"
  vacancy_counter_.assign(org.posts.size(), 0);
  const Day start = scenario_.calendar.start;

  auto place = [&](model::Cadre c) {
    const CadreId id = static_cast<CadreId>(world_.cadres.size());
    c.entered = start;
    c.status = model::CadreStatus::kActive;
    if (c.post != model::kNoPost) world_.posts[c.post].holder = id;
    world_.cadres.push_back(std::move(c));
  };
  for (const auto& named : scenario_.named_cadres) {
    model::Cadre c = named.cadre;
    if (c.consecutive_terms == 0) c.consecutive_terms = 1;
    if (c.post != model::kNoPost) {
      const int tenure = kernel::whole_months_between(c.post_since, start);
      c.consecutive_terms = 1 + tenure / std::max(1, scenario_.terms.term_months);
      const model::LevelId level = org.level_of(c.post);
      if (c.experience_months[level] < tenure)
        c.experience_months[level] = static_cast<std::uint16_t>(tenure);
    }
    place(std::move(c));
  }
  std::vector<PostId> vacant;
  for (PostId p = 0; p < org.posts.size(); ++p) {
    if (!org.in_force(p)) continue;  // created by a later structural event
    if (world_.posts[p].holder != model::kNoCadre) continue;
    kernel::RandomStream rs(rng_, kRngPopulation, p);
    if (!scenario_.synthesise_rest || rs.uniform() < scenario_.population.vacant_share) {
      vacant.push_back(p);
      continue;
    }
    model::Cadre c = synthesise_holder(scenario_, rs, p);
    c.post = p;
    // Mid-cycle start: a share of holders is in a consecutive (second) term, one term longer
    // in post (own purpose, so the other draws of the post are unchanged).
    if (rng_.uniform(kRngInitialTerms, p, 0) < scenario_.population.second_term_share) {
      const int term = std::max(1, scenario_.terms.term_months);
      const Day earlier = kernel::add_months(c.post_since, -term);
      if (earlier > c.birth) {
        c.post_since = earlier;
        ++c.consecutive_terms;
        const model::LevelId level = org.level_of(p);
        c.experience_months[level] =
            static_cast<std::uint16_t>(std::min(0xFFFF, c.experience_months[level] + term));
      }
    }
    place(std::move(c));
  }
  world_.initial_cadres = world_.cadres.size();
  world_.plan_count.assign(world_.cadres.size(), 0);
  world_.rebuild_holder_indexes();  // from here on set_holder keeps it
  world_.recount_rotating();        // and set_rotation_active this one
  sim_.reserve_subjects(world_.cadres.size());
  RuleContext c = ctx();
  for (CadreId id = 0; id < world_.cadres.size(); ++id) {
    init_attrition(c, id);
    schedule_retirement(c, id);
    auto& cadre = world_.cadres[id];
    if (cadre.post == model::kNoPost) {
      world_.add_unplaced(id);
      continue;
    }
    // The clock of time in an equivalent post starts with the current post (what came before
    // is unknown), and the last year's rating is that of the effectiveness at the start.
    cadre.equivalent_since = cadre.post_since;
    cadre.equivalent_rank = org.title_of(cadre.post).rank;
    cadre.rating = rules::rating_for(scenario_.evaluation, rules::effectiveness(cadre, start));
    if (org.title_of(cadre.post).tenure == model::TenureKind::kAppointed) {
      Day end = kernel::add_months(cadre.post_since, scenario_.terms.appointment_months);
      while (end <= start) end = kernel::add_months(end, scenario_.terms.appointment_months);
      cadre.term_end = end;
      sim_.schedule(end, kAppointmentTermEnd, id, kPriorityTerm);
    }
  }
  build_pool_stocks(c);  // pools: members hold no post, so after the post holders' setup
  build_staff(c);        // staffing: non-leadership stocks (own random purpose)
  for (PostId p : vacant) open_vacancy(c, p, events::kReasonInitial);
  planning_review(c, kernel::split(start).year);
}

}  // namespace cadresim::engine
