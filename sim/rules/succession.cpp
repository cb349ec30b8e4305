// Succession planning: the annual review of the plan (quy hoạch) and readiness.
#include "sim/rules/succession.hpp"

#include <algorithm>      // std::sort
#include <cstdint>        // group keys
#include <unordered_map>  // the candidates of each group of posts

#include "sim/rules/non_native.hpp"
#include "sim/rules/terms.hpp"  // term_limit_move_allowed

namespace cadresim::rules {

using model::Readiness;

model::UnitId managing_unit(const model::Organisation& org, PostId post) {
  return org.managing_scope[post];  // the scope of the title's managing tier (finalise())
}

Day next_term_start(const RuleContext& ctx, PostId post) {
  const model::Title& t = ctx.org.title_of(post);
  const model::LevelId level = ctx.org.level_of(post);
  const auto& cal = ctx.scenario.calendar;
  const std::vector<model::Election>* list = nullptr;
  if (t.tenure == model::TenureKind::kPartyTerm)
    list = &cal.party_congresses;
  else if (t.tenure == model::TenureKind::kStateTerm)
    list = &cal.state_elections;
  if (list != nullptr)
    for (const auto& e : *list)
      if (e.date > ctx.now() &&
          std::find(e.levels.begin(), e.levels.end(), level) != e.levels.end())
        return e.date;
  return ctx.now();
}

namespace {
int lower_level_months(const model::Cadre& c, model::LevelId level) {
  int months = 0;
  for (std::size_t l = level + 1; l < model::kMaxLevels; ++l) months += c.experience_months[l];
  return months;
}
}  // namespace

Readiness readiness(const RuleContext& ctx, CadreId cadre, PostId post) {
  return ReadinessCheck(ctx)(cadre, post);
}

ReadinessCheck::ReadinessCheck(const RuleContext& ctx)
    : ctx_(ctx),
      in_post_since_floor_(kernel::months_completed_by(
          ctx.now(), ctx.scenario.succession.ready_min_months_in_post)) {}

Readiness ReadinessCheck::operator()(CadreId cadre, PostId post) const {
  const auto& p = ctx_.scenario.succession;
  const auto& c = ctx_.world.cadres[cadre];
  const model::LevelId level = ctx_.org.level_of(post);
  const bool lowest = level + 1u >= ctx_.org.levels.size();
  // Time in the current or an equivalent post counts (a rotation does not reset it); the last
  // annual rating must be good enough; lower-level experience, which rotation provides, is
  // required for posts above the lowest level.
  const bool rated = c.rating == model::Rating::kNone || c.rating >= p.ready_min_rating;
  if (c.competence >= p.ready_min_competence && rated &&
      c.equivalent_since <= in_post_since_floor_ &&
      (lowest || lower_level_months(c, level) >= p.ready_min_months_lower_level))
    return Readiness::kReadyNow;
  if (c.competence >= p.later_min_competence) return Readiness::kReadyLater;
  return Readiness::kNotReady;
}

Day planning_retirement_floor(const RuleContext& ctx, Day term_start) {
  // whole_months_between(term_start, r) >= n  <=>  r >= add_months(term_start, n)
  return kernel::add_months(term_start,
                            ctx.scenario.succession.planning_min_months_before_retirement);
}

bool may_plan(const RuleContext& ctx, CadreId cadre, PostId post, Day term_start) {
  return may_plan_by_floor(ctx, cadre, post, planning_retirement_floor(ctx, term_start));
}

bool may_plan_by_floor(const RuleContext& ctx, CadreId cadre, PostId post, Day retire_floor) {
  const auto& c = ctx.world.cadres[cadre];
  // A cadre moved aside for a rotatee, or back from a rotation with nothing open, waits for a
  // placement at the rank of the last post: that post counts (being moved aside does not cost
  // a place in the plan).
  const PostId held = c.post != model::kNoPost ? c.post : c.last_post;
  if (c.status != model::CadreStatus::kActive || held == model::kNoPost) return false;
  const model::Title& target = ctx.org.title_of(post);
  // Only a higher post, or an equivalent one elsewhere for a head at the term limit
  // (term-limit rotation designated at preparation, rules/terms.cpp).
  if (ctx.org.title_of(held).rank >= target.rank && !term_limit_move_allowed(ctx, cadre, post))
    return false;
  if (c.retirement_date < retire_floor) return false;
  return non_native_allows(ctx.org, c, post);
}

double candidate_score_base(const RuleContext& ctx, const model::Cadre& c, model::LevelId level) {
  // Competence dominates; lower-level experience (capped at 5 years) and the last rating
  // (priority for strong results) break near-ties.
  const double rating_bonus = ctx.scenario.evaluation.planning_bonus[model::rating_index(c.rating)];
  return score_base_sum(
      c.competence, std::min(lower_level_months(c, level), kScoredLowerLevelMonths), rating_bonus);
}

model::CandidateSummary candidate_summary(const model::Cadre& c) {
  model::CandidateSummary s;
  s.competence = c.competence;
  s.rating = static_cast<std::uint8_t>(model::rating_index(c.rating));
  int below = 0;  // months at the levels below l: lower_level_months(c, l)
  for (std::size_t l = model::kMaxLevels - 1; l-- > 0;) {
    below += c.experience_months[l + 1];
    s.months_below[l] = static_cast<std::uint8_t>(std::min(below, kScoredLowerLevelMonths));
  }
  return s;
}

void refresh_candidate_summary(RuleContext& ctx, CadreId cadre, SlotCopy slot) {
  auto& summary = ctx.world.candidate_summary;
  if (cadre < summary.size()) {
    summary[cadre].rating =
        static_cast<std::uint8_t>(model::rating_index(ctx.world.cadres[cadre].rating));
    if (slot == SlotCopy::kNow) ctx.world.set_slot_summary(cadre);
  }
}

double candidate_score(const RuleContext& ctx, CadreId cadre, PostId post) {
  const auto& c = ctx.world.cadres[cadre];
  // The non-native preference breaks what remains of a tie.
  return candidate_score_base(ctx, c, ctx.org.level_of(post)) +
         0.1 * non_native_preference(ctx.org, c, post);
}

void feeder_candidates(const RuleContext& ctx, PostId post, std::vector<CadreId>& out) {
  out.clear();
  const model::Title& t = ctx.org.title_of(post);
  const model::UnitId scope = managing_unit(ctx.org, post);
  for (model::TitleId f : t.fed_by)
    for (PostId q : ctx.org.posts_of_title_within(f, scope))
      if (const CadreId h = ctx.world.posts[q].holder; h != model::kNoCadre) out.push_back(h);
}

void planning_review(RuleContext& ctx, int year) {
  auto& w = ctx.world;
  const auto& p = ctx.scenario.succession;
  if (w.plan_count.size() < w.cadres.size()) w.plan_count.resize(w.cadres.size(), 0);
  // The retirement floor of a post's next term start: posts share a few term starts (their
  // titles' next elections, or today), so the date conversion is redone only when the start
  // differs from the last one asked for.
  Day floor_start = 0, floor_of_start = 0;
  bool floor_known = false;
  auto retirement_floor_of = [&](PostId post) {
    const Day term_start = next_term_start(ctx, post);
    if (!floor_known || term_start != floor_start) {
      floor_of_start = planning_retirement_floor(ctx, term_start);
      floor_start = term_start;
      floor_known = true;
    }
    return floor_of_start;
  };
  // 1. Removals.
  for (auto& e : w.plan) {
    const auto& c = w.cadres[e.cadre];
    std::uint16_t reason = events::kReasonNone;
    if (c.status != model::CadreStatus::kActive)
      reason = events::kReasonGone;
    else if (const PostId held = c.post != model::kNoPost ? c.post : c.last_post;
             held != model::kNoPost && ctx.org.title_of(held).rank >= ctx.org.title_of(e.post).rank)
      reason = events::kReasonHeldAlready;  // promoted to it, or to an equal or higher post
    else if (!may_plan_by_floor(ctx, e.cadre, e.post, retirement_floor_of(e.post)))
      reason = events::kReasonAgedOut;
    else if (ctx.scenario.evaluation.remove_from_plan_if_not_completed &&
             c.rating == model::Rating::kNotCompleted)
      reason = events::kReasonFailed;  // failed the annual evaluation (QĐ 377 annual review)
    else if (ctx.rng.uniform(kRngPlanRemoval, e.cadre, static_cast<std::uint64_t>(year)) <
             p.removal_probability_per_year)
      reason = events::kReasonOtherCause;
    if (reason != events::kReasonNone) {
      ctx.emit(events::EventType::kUnplanned, e.cadre, model::kNoPost, e.post, reason);
      w.plan.remove(e);
    }
  }
  std::fill(w.plan_count.begin(), w.plan_count.end(), 0);
  std::vector<std::uint8_t> per_post(ctx.org.posts.size(), 0);
  std::size_t women = 0, young = 0;
  // Under the age in whole years: not yet `young_max_age_years` × 12 completed months.
  const Day young_born_after = kernel::months_completed_by(ctx.now(), 12 * p.young_max_age_years);
  auto is_young = [&](CadreId c) { return w.cadres[c].birth > young_born_after; };
  for (const auto& e : w.plan) {
    ++w.plan_count[e.cadre];
    ++per_post[e.post];
    women += w.cadres[e.cadre].sex == model::Sex::kFemale;
    young += is_young(e.cadre);
  }
  // 2. Additions, post by post in a fixed order (deterministic), appended after the kept
  // entries (without gaps between them) and merged into post order at the end.
  const std::size_t kept = w.plan.compact();
  // Posts of one title under one managing unit share their feeder candidates. Each such group's
  // candidates are listed once per review, with their score before the post's own term
  // (candidate_score_base), highest first: candidate_score adds at most 0.1 to it (the
  // non-native preference), so base + 0.1 bounds a candidate's score for every post of the
  // group. The entries are (-base, id), sorted ascending.
  std::unordered_map<std::uint64_t, std::size_t> group_of;  // (title, scope, level) -> index
  std::vector<std::vector<std::pair<double, CadreId>>> group_candidates;
  std::vector<CadreId> cands;
  auto candidates_of = [&](PostId post,
                           Day retire_floor) -> std::vector<std::pair<double, CadreId>>& {
    const model::LevelId level = ctx.org.level_of(post);
    const std::uint64_t key = (std::uint64_t{ctx.org.posts[post].title} << 40) |
                              (std::uint64_t{managing_unit(ctx.org, post)} << 8) | level;
    const auto [it, added] = group_of.try_emplace(key, group_candidates.size());
    if (!added) return group_candidates[it->second];
    auto& list = group_candidates.emplace_back();
    feeder_candidates(ctx, post, cands);
    list.reserve(cands.size());
    // Left out: who may_plan_by_floor turns away for every post of the group, and will for the
    // rest of the review (status, a post held or last held, retirement before the floor; the
    // floor depends on the title's tenure and level only).
    for (CadreId c : cands) {
      const auto& cadre = w.cadres[c];
      if (cadre.status != model::CadreStatus::kActive || cadre.retirement_date < retire_floor ||
          (cadre.post == model::kNoPost && cadre.last_post == model::kNoPost))
        continue;
      list.emplace_back(-candidate_score_base(ctx, cadre, level), c);
    }
    std::sort(list.begin(), list.end());
    return list;
  };
  std::vector<std::pair<double, CadreId>> ranked;
  const ReadinessCheck ready_check(ctx);
  // Binding structure targets: while a target is unmet, its group ranks first by this much.
  constexpr double kTargetBonus = 10;
  for (PostId post = 0; post < ctx.org.posts.size(); ++post) {
    if (!ctx.org.title_of(post).key || !ctx.org.in_force(post)) continue;
    if (per_post[post] >= p.max_candidates_per_post) continue;
    const Day retire_floor = retirement_floor_of(post);
    ranked.clear();
    // The post's kept entries (the first `kept` entries are still in post order).
    const auto& slots = w.plan.slots();
    const auto [pf_begin, pf_end] =
        std::equal_range(slots.begin(), slots.begin() + static_cast<std::ptrdiff_t>(kept), post,
                         model::PlanByPost{});
    // Only the best `room` candidates are added. `ranked` holds the best so far as a heap
    // whose front is the worst of them (pairs (-score, id) compare as the order of addition:
    // higher score, then lower id). Once it is full, a candidate whose bound (base + 0.1, plus
    // the target bonuses added as the score adds them) is below the front's score cannot
    // enter, and nor can any later one, whose bound is no higher: the scan stops. The pairs
    // are distinct, so the heap ends with the same entries as a full sort's first ones,
    // whatever the order of the scan.
    const std::size_t room = p.max_candidates_per_post - per_post[post];
    auto& candidates = candidates_of(post, retire_floor);
    bool maxed_seen = false;
    for (const auto& [neg_base, candidate] : candidates) {
      const CadreId c = candidate;  // a variable (not a binding) for the lambda below
      if (ranked.size() == room) {
        double bound = -neg_base + 0.1 * 1.0;
        if (p.targets_binding) {  // both bonuses, added as the score adds them
          bound += kTargetBonus;
          bound += kTargetBonus;
        }
        if (-bound > ranked.front().first) break;
      }
      if (w.plan_count[c] >= p.max_posts_per_candidate) {
        maxed_seen = true;
        continue;
      }
      if (!may_plan_by_floor(ctx, c, post, retire_floor)) continue;
      if (std::any_of(pf_begin, pf_end, [c](const model::PlanEntry& e) { return e.cadre == c; }))
        continue;
      double score = candidate_score(ctx, c, post);
      if (p.targets_binding) {
        // Binding structure targets: while a target is unmet, its group ranks first.
        const double total = static_cast<double>(w.plan.size()) + 1;
        if (w.cadres[c].sex == model::Sex::kFemale && women / total < p.women_target_share)
          score += kTargetBonus;
        if (is_young(c) && young / total < p.young_target_share) score += kTargetBonus;
      }
      const std::pair<double, CadreId> entry{-score, c};
      if (ranked.size() < room) {
        ranked.push_back(entry);
        std::push_heap(ranked.begin(), ranked.end());
      } else if (entry < ranked.front()) {
        std::pop_heap(ranked.begin(), ranked.end());
        ranked.back() = entry;
        std::push_heap(ranked.begin(), ranked.end());
      }
    }
    // A candidate planned for as many posts as allowed stays so for the rest of the review:
    // the group's list drops them (in order) rather than visit them at every later post.
    if (maxed_seen)
      candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                      [&](const std::pair<double, CadreId>& e) {
                                        return w.plan_count[e.second] >= p.max_posts_per_candidate;
                                      }),
                       candidates.end());
    std::sort_heap(ranked.begin(), ranked.end());
    for (const auto& [neg_score, c] : ranked) {
      append_plan_entry(w, {c, post, ready_check(c, post), ctx.now()});
      ++w.plan_count[c];
      ++per_post[post];
      women += w.cadres[c].sex == model::Sex::kFemale;
      young += is_young(c);
      ctx.emit(events::EventType::kPlanned, c, w.cadres[c].post, post);
    }
  }
  merge_plan_entries(w, kept);
  // 3. Readiness of every entry.
  for (auto& e : w.plan) e.readiness = ready_check(e.cadre, e.post);
}

CadreId best_ready_successor(const RuleContext& ctx, PostId post) {
  const auto& w = ctx.world;
  const CandidateScoreBound score_bound(ctx, post);
  CadreId best = model::kNoCadre;
  double best_score = -1e300;
  const Day retire_floor =
      kernel::add_months(ctx.now(), ctx.scenario.appointment.min_months_before_retirement);
  const ReadinessCheck ready_check(ctx);
  for (const auto& e : w.plan_of(post)) {
    const auto& c = w.cadres[e.cadre];
    if (c.status != model::CadreStatus::kActive) continue;
    if (ready_check(e.cadre, post) != Readiness::kReadyNow) continue;
    if (!non_native_allows(ctx.org, c, post)) continue;
    if (c.retirement_date < retire_floor) continue;
    if (c.post != model::kNoPost && ctx.org.title_of(c.post).rank >= ctx.org.title_of(post).rank)
      continue;
    if (score_bound(e.cadre) < best_score) continue;  // cannot win
    const double s = candidate_score(ctx, e.cadre, post);
    if (s > best_score || (s == best_score && e.cadre < best)) {
      best_score = s;
      best = e.cadre;
    }
  }
  return best;
}

}  // namespace cadresim::rules
