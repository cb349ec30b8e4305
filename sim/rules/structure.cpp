// Structural events (docs/model.md § Structural events). On the event's date the engine
// switches to the organisation in force from then on; this rule then, in order:
//   1. logs every unit mapping (merged into, abolished, created, moved);
//   2. ends the posts of ended units: their holders are displaced, their vacancies, acting
//      holders and pending fills end, and rotations from or to them stop;
//   3. removes plan entries for ended posts (plans for posts that continue carry over);
//   4. places displaced holders by priority: the holder of the highest-ranked post first
//      (so district standing-committee members before other district posts, before commune
//      posts), each into the highest-ranked vacant post ranked at most placement_rank_step
//      above the post that ended, first in the unit
//      their old unit merged into (for an abolished unit: the units its merged descendants
//      went into), then in any post created on the date under the same surviving ancestor;
//   5. applies the surplus policy to those left: reassignment (unplaced, first in line for
//      vacancies), secondment (then reassignment), or early exit with its cost;
//   6. moves non-leadership staff of ended units to their successors, and redoes the
//      succession plan for the new posts.
// Every new post opens as a vacancy (reason new_post) before placement, so a placement closes
// it the same day and the posts nobody was placed in wait for the usual fill.
#include "sim/rules/structure.hpp"

#include <algorithm>  // std::sort, std::min, std::find, std::remove_if

#include "sim/rules/income.hpp"      // base_salary
#include "sim/rules/succession.hpp"  // planning_review

namespace cadresim::rules {

using events::EventType;
using model::UnitId;

namespace {

// Exit cost (Decrees 178/2024 and 67/2025, simplified): months of salary, a lump sum plus an
// amount per year before statutory retirement, capped.
double exit_cost(const RuleContext& ctx, const model::Cadre& c, PostId old_post,
                 const model::SurplusParams& sp) {
  const double years_early =
      std::min<double>(sp.exit_max_years_early, months_to_retirement(c, ctx.now()) / 12.0);
  const double months = sp.exit_months_of_salary + sp.exit_months_per_year_early * years_early;
  const double allowance =
      old_post != model::kNoPost ? ctx.org.title_of(old_post).position_allowance : 0.0;
  return months * (c.grade_coefficient + allowance) * base_salary(ctx.scenario.income, ctx.now());
}

}  // namespace

void restructure(RuleContext& ctx, const model::Organisation& before,
                 const model::StructuralEvent& ev, std::uint32_t event_index) {
  auto& w = ctx.world;
  const auto& org = ctx.org;
  // 1. Unit mappings.
  for (const auto& m : ev.merges)
    for (UnitId u : m.from)
      ctx.emit(EventType::kUnitMapped, u, model::kNoPost, model::kNoPost, events::kReasonUnitMerged,
               static_cast<double>(m.into));
  for (UnitId u : ev.ended)
    if (org.units[u].successor == model::kNoUnit)
      ctx.emit(EventType::kUnitMapped, u, model::kNoPost, model::kNoPost,
               events::kReasonUnitAbolished, -1.0);
  for (UnitId u : ev.created)
    ctx.emit(EventType::kUnitMapped, u, model::kNoPost, model::kNoPost, events::kReasonUnitCreated,
             static_cast<double>(org.units[u].parent));
  for (const auto& [u, p] : ev.moves)
    ctx.emit(EventType::kUnitMapped, u, model::kNoPost, model::kNoPost, events::kReasonUnitMoved,
             static_cast<double>(p));

  // 2. Ended posts.
  std::vector<CadreId> displaced;
  std::vector<PostId> old_post(w.cadres.size(), model::kNoPost);
  for (PostId p = 0; p < org.posts.size(); ++p) {
    if (!before.in_force(p) || org.in_force(p)) continue;
    auto& ps = w.posts[p];
    const CadreId h = ps.holder;
    ctx.emit(EventType::kPostEnded, h, p, model::kNoPost, events::kReasonPostEnded);
    if (ps.chain != 0 && !w.chains[ps.chain].ended) {
      w.chains[ps.chain].ended = true;
      w.chains[ps.chain].end_reason = kChainUnfilled;
    }
    ps.chain = 0;
    ps.fill_pending = false;  // a pending attempt is now stale
    clear_acting(w, p);
    if (h == model::kNoCadre) continue;
    auto& c = w.cadres[h];
    c.last_post = p;
    c.post = model::kNoPost;
    w.set_holder(p, model::kNoCadre);
    old_post[h] = p;
    displaced.push_back(h);
  }
  for (CadreId id = 0; id < w.cadres.size(); ++id) {
    auto& c = w.cadres[id];
    if (c.status != model::CadreStatus::kActive || !c.rotation.active) continue;
    if (old_post[id] != model::kNoPost) {  // the rotation post ended: the rotation ends too
      w.set_rotation_active(id, false);
      c.effort_penalty = 0;
      w.attrition[id].multiplier = 1;
    } else if (c.rotation.origin_post != model::kNoPost && !org.in_force(c.rotation.origin_post)) {
      c.rotation.origin_post = model::kNoPost;  // no post to return to: the outcome decides
    }
  }
  for (PostId p = 0; p < w.posts.size(); ++p)
    if (w.posts[p].acting != model::kNoCadre && old_post[w.posts[p].acting] != model::kNoPost)
      clear_acting(w, p);

  // 3. Plans: entries for ended posts go; the others carry over.
  bool any_removed = false;
  for (auto& e : w.plan) {
    if (org.in_force(e.post)) continue;
    ctx.emit(EventType::kUnplanned, e.cadre, model::kNoPost, e.post, events::kReasonPostEnded);
    if (w.plan_count[e.cadre] > 0) --w.plan_count[e.cadre];
    w.plan.remove(e);
    any_removed = true;
  }
  if (any_removed) w.plan.squeeze_if_sparse();

  // 4. Placement. Targets of an ended unit: its successor; for one abolished without a
  // successor, the successors of its ended descendants. Fallback scope: the nearest ancestor
  // still in force.
  std::vector<PostId> new_posts;
  for (PostId p = 0; p < org.posts.size(); ++p)
    if (org.in_force(p) && !before.in_force(p)) {
      new_posts.push_back(p);
      open_vacancy(ctx, p, events::kReasonNewPost);  // placement below closes it at once
    }
  std::vector<std::vector<UnitId>> targets(org.units.size());
  for (UnitId u : ev.ended) {
    const UnitId s = org.units[u].successor;
    if (s == model::kNoUnit) continue;
    targets[u].push_back(s);
    for (UnitId a = before.units[u].parent; a != model::kNoUnit; a = before.units[a].parent) {
      if (org.unit_active[a] || org.units[a].successor != model::kNoUnit) break;
      if (std::find(targets[a].begin(), targets[a].end(), s) == targets[a].end())
        targets[a].push_back(s);
    }
  }
  auto surviving_ancestor = [&](UnitId u) {
    while (u != model::kNoUnit && !org.unit_active[u]) u = before.units[u].parent;
    return u;
  };
  auto rank_of = [&](CadreId id) { return before.title_of(old_post[id]).rank; };
  std::sort(displaced.begin(), displaced.end(), [&](CadreId a, CadreId b) {
    if (rank_of(a) != rank_of(b)) return rank_of(a) > rank_of(b);
    if (w.cadres[a].competence != w.cadres[b].competence)
      return w.cadres[a].competence > w.cadres[b].competence;
    return a < b;
  });
  auto may_hold = [&](CadreId id, PostId q) {
    if (w.posts[q].holder != model::kNoCadre) return false;
    if (org.title_of(q).rank > rank_of(id) + ev.placement_rank_step) return false;
    return org.title_of(q).non_native != model::NonNativeRule::kRequired ||
           !org.within(w.cadres[id].home_unit, org.posts[q].unit);
  };
  // Each pass takes, among the posts a cadre may hold, one of the highest rank, the first in
  // the pass's order on a tie. The lists below hold the posts by rank, highest first, in that
  // order within a rank (a stable sort), so the first post that fits is the one the pass
  // takes, and the posts above the cadre's reach are skipped by a binary search.
  auto by_rank = [&](std::vector<PostId>& list) {
    std::stable_sort(list.begin(), list.end(), [&](PostId a, PostId b) {
      return org.title_of(a).rank > org.title_of(b).rank;
    });
  };
  auto within_reach = [&](auto& list, CadreId id) {
    const int limit = rank_of(id) + ev.placement_rank_step;
    return std::partition_point(list.begin(), list.end(),
                                [&](PostId q) { return org.title_of(q).rank > limit; });
  };
  // Merge targets: each target unit's posts by rank (the pass's order: targets in turn, each
  // unit's posts in order). A later target wins only with a higher rank.
  std::vector<std::vector<PostId>> target_posts(org.units.size());
  for (UnitId u : ev.ended)
    for (UnitId t : targets[u])
      if (target_posts[t].empty() && !org.posts_of_unit[t].empty()) {
        target_posts[t].assign(org.posts_of_unit[t].begin(), org.posts_of_unit[t].end());
        by_rank(target_posts[t]);
      }
  // The same area: the new posts by rank (the pass's order is new_posts').
  by_rank(new_posts);
  std::vector<CadreId> surplus;
  for (CadreId id : displaced) {
    const UnitId from_unit = before.posts[old_post[id]].unit;
    PostId best = model::kNoPost;
    std::uint16_t pass = events::kReasonMergeTarget;
    for (UnitId t : targets[from_unit]) {
      const auto& list = target_posts[t];
      for (auto it = within_reach(list, id); it != list.end(); ++it)
        if (may_hold(id, *it)) {
          if (best == model::kNoPost || org.title_of(*it).rank > org.title_of(best).rank)
            best = *it;
          break;
        }
    }
    if (best == model::kNoPost) {
      pass = events::kReasonSameArea;
      const UnitId scope = surviving_ancestor(from_unit);
      // A new post once filled stays held during the placement (the displaced hold nothing to
      // leave), and may_hold rejects it: the posts found filled on the way are dropped from
      // the list, so the scans do not grow with displaced × new posts. The order of the rest
      // is kept.
      const auto from = within_reach(new_posts, id);
      auto it = from;
      bool filled_seen = false;
      for (; it != new_posts.end(); ++it) {
        const PostId q = *it;
        if (w.posts[q].holder != model::kNoCadre) {
          filled_seen = true;
          continue;
        }
        if (may_hold(id, q) && (scope == model::kNoUnit || org.within(org.posts[q].unit, scope))) {
          best = q;
          break;
        }
      }
      if (filled_seen)
        new_posts.erase(
            std::remove_if(from, it,
                           [&](PostId q) { return w.posts[q].holder != model::kNoCadre; }),
            it);
    }
    if (best == model::kNoPost) {
      surplus.push_back(id);
      continue;
    }
    const std::size_t at = ctx.log.size();
    take_post(ctx, id, best, EventType::kRestructured, pass);
    w.cadres[id].last_post = old_post[id];
    for (std::size_t k = at; k < ctx.log.size(); ++k)
      if (ctx.log[k].type == EventType::kRestructured) {
        ctx.log[k].from = old_post[id];  // the mapping: ended post → new post
        break;
      }
  }

  // 5. Surplus policy.
  const auto& sp = ev.surplus;
  for (CadreId id : surplus) {
    const double u = ctx.rng.uniform(kRngSurplus, id, event_index);
    auto& c = w.cadres[id];
    if (sp.policy == model::SurplusPolicy::kExit || u < sp.exit_share) {
      const double cost = exit_cost(ctx, c, old_post[id], sp);
      ctx.emit(EventType::kSurplus, id, old_post[id], model::kNoPost, events::kReasonSurplusExited,
               cost);
      const bool retire = months_to_retirement(c, ctx.now()) <= 12 * sp.exit_max_years_early;
      leave_service(ctx, id,
                    retire ? model::ExitCause::kEarlyRetirement : model::ExitCause::kResignation);
    } else if (sp.policy == model::SurplusPolicy::kSecond) {
      ctx.emit(EventType::kSurplus, id, old_post[id], model::kNoPost,
               events::kReasonSurplusSeconded);
      ctx.sim.schedule(kernel::add_months(ctx.now(), sp.secondment_months), kSecondmentEnd, id,
                       kPriorityTerm);
    } else {
      ctx.emit(EventType::kSurplus, id, old_post[id], model::kNoPost,
               events::kReasonSurplusReassigned);
      w.add_unplaced(id);
    }
  }

  // 6. Staff of ended units go to their successors.
  if (!w.staff.empty()) {
    for (UnitId u : ev.ended) {
      const int n = w.staff[u];
      if (n == 0) continue;
      w.staff[u] = 0;
      const auto& to = targets[u];
      if (to.empty()) {
        ctx.emit(EventType::kStaffExited, model::kNoCadre, model::kNoPost, model::kNoPost,
                 before.units[u].level, n);
        continue;
      }
      for (std::size_t k = 0; k < to.size(); ++k)
        w.staff[to[k]] +=
            n / static_cast<int>(to.size()) + (k < static_cast<std::size_t>(n) % to.size() ? 1 : 0);
      ctx.emit(EventType::kStaffRedeployed, model::kNoCadre, model::kNoPost, model::kNoPost,
               before.units[u].level, n);
    }
  }
  planning_review(ctx, kernel::split(ctx.now()).year);
}

void secondment_end(RuleContext& ctx, CadreId cadre) {
  auto& c = ctx.world.cadres[cadre];
  if (c.status != model::CadreStatus::kActive || c.post != model::kNoPost) return;
  ctx.emit(EventType::kSecondmentEnded, cadre, model::kNoPost, model::kNoPost);
  ctx.world.add_unplaced(cadre);
}

}  // namespace cadresim::rules
