// Pools: push-model grades, a Markov chain inside the DES (docs/model.md § Pools). Rule: at
// each yearly step date, every member present before the step moves to state j with probability
// P_ij or leaves with w_i = 1 − Σ_j P_ij, decided by one uniform per member and step through the
// inverse transform of its row (destinations in index order, leaving last); then each state j
// receives floor(r_j) recruits plus one more with probability r_j − floor(r_j). Members hold no
// post, so the post-based mechanisms never see them; they leave only through w_i.
#include "sim/rules/pools.hpp"

#include <fmt/core.h>  // fmt::format for generated ids

#include <cmath>  // std::floor, HUGE_VAL

namespace cadresim::rules {

namespace {

// Appends a member of `state` who enters today. Keeps the per-cadre vectors of the world sized
// to the population with neutral values (pool members have no attrition hazard).
CadreId add_member(RuleContext& ctx, std::uint16_t state) {
  auto& w = ctx.world;
  const auto& org = ctx.org;
  const model::PoolState& s = ctx.scenario.pools.states[state];
  const CadreId id = static_cast<CadreId>(w.cadres.size());
  model::Cadre c;
  c.id = fmt::format("{}#{}", s.id, id);
  c.pool_state = state;
  // Pool members carry no personal attributes beyond their state and entry date; the home unit
  // is set to a unit of the grade's level so that nothing indexes an invalid unit.
  c.home_unit = s.level < org.units_of_level.size() && !org.units_of_level[s.level].empty()
                    ? org.units_of_level[s.level].front()
                    : 0;
  c.entered = ctx.now();
  c.post_since = ctx.now();
  c.status = model::CadreStatus::kActive;
  w.cadres.push_back(std::move(c));
  const std::size_t size = w.cadres.size();
  if (w.plan_count.size() < size) w.plan_count.resize(size, 0);
  if (w.attrition.size() < size) w.attrition.resize(size, {0, HUGE_VAL, 1});
  return id;
}

// The member leaves the service from its current state.
void leave_pool(RuleContext& ctx, CadreId id) {
  auto& w = ctx.world;
  auto& c = w.cadres[id];
  c.status = model::CadreStatus::kLeft;
  c.exit_cause = model::ExitCause::kNone;  // the pool's leaving probability lumps every cause
  c.exited = ctx.now();
  ++w.exited;
  ctx.emit(events::EventType::kPoolLeave, id, model::kNoPost, model::kNoPost, c.pool_state,
           c.pool_state);
}

}  // namespace

void build_pool_stocks(RuleContext& ctx) {
  const auto& states = ctx.scenario.pools.states;
  for (std::uint16_t j = 0; j < states.size(); ++j)
    for (int k = 0; k < states[j].initial_stock; ++k) {
      add_member(ctx, j);
      ++ctx.world.initial_cadres;
    }
}

void pool_step(RuleContext& ctx, std::uint32_t step) {
  auto& w = ctx.world;
  const auto& states = ctx.scenario.pools.states;
  // 1. Moves and exits of the members present before the step (recruits of this step wait).
  const std::size_t n = w.cadres.size();
  for (CadreId id = 0; id < n; ++id) {
    auto& c = w.cadres[id];
    if (c.status != model::CadreStatus::kActive || !in_pool(c)) continue;
    const std::uint16_t from = c.pool_state;
    const double u = ctx.rng.uniform(kRngPoolMove, id, step);
    std::uint16_t to = model::kNoPoolState;
    double cumulative = 0;
    for (const auto& t : states[from].transitions) {
      cumulative += t.probability;
      if (u < cumulative) {
        to = t.to;
        break;
      }
    }
    if (to == model::kNoPoolState) {
      leave_pool(ctx, id);
    } else if (to != from) {
      c.pool_state = to;
      ctx.emit(events::EventType::kPoolMove, id, model::kNoPost, model::kNoPost, to, from);
    }
  }
  // 2. Recruitment: E[recruits into j] = r_j exactly.
  for (std::uint16_t j = 0; j < states.size(); ++j) {
    const double r = states[j].recruits_per_year;
    const double whole = std::floor(r);
    auto count = static_cast<long long>(whole);
    if (r > whole && ctx.rng.uniform(kRngPoolRecruit, j, step) < r - whole) ++count;
    for (long long k = 0; k < count; ++k) {
      const CadreId id = add_member(ctx, j);
      ++w.recruited;
      ctx.emit(events::EventType::kPoolRecruit, id, model::kNoPost, model::kNoPost, j);
    }
  }
}

}  // namespace cadresim::rules
