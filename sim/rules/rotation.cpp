// Rotation (luân chuyển): the annual plan, destination choice, acceptance, duration, outcomes.
#include "sim/rules/rotation.hpp"

#include <algorithm>  // std::sort
#include <array>      // cadres by origin level
#include <cmath>      // std::floor, std::isnan
#include <limits>     // quiet_NaN: a draw not made yet

#include "sim/rules/adaptation.hpp"
#include "sim/rules/attrition.hpp"
#include "sim/rules/evaluation.hpp"
#include "sim/rules/income.hpp"
#include "sim/rules/non_native.hpp"
#include "sim/rules/reluctance.hpp"
#include "sim/rules/staffing.hpp"  // staffing_on: full headcount in unit_shortage
#include "sim/rules/succession.hpp"
#include "sim/rules/support.hpp"

namespace cadresim::rules {

using events::EventType;
using model::TitleId;

namespace {

// A cheap deterministic value in [0, 1) from a draw and a post id (a destination's tie-breaker).
struct RandomKeyFree {
  static double mix(double u, PostId post) {
    std::uint64_t x =
        static_cast<std::uint64_t>(u * 9007199254740992.0) ^ (0x9E3779B97F4A7C15ull * (post + 1));
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 29;
    return static_cast<double>(x >> 11) * 0x1.0p-53;
  }
};

// Position of a title among the non-entry titles of its level with posts in force, 0
// (lowest) .. 1 (highest); entry titles count as 0. Used to find an "equivalent" post at
// another level. Titles of units not in force (docs/model.md § Structural events) do not count.
double rank_position(const model::Organisation& org, TitleId t) {
  const model::Title& title = org.titles[t];
  if (title.entry) return 0;
  int below = 0, total = 0;
  for (TitleId o = 0; o < org.titles.size(); ++o) {
    const model::Title& other = org.titles[o];
    if (other.level != title.level || other.entry || org.posts_of_title[o].empty()) continue;
    ++total;
    below += other.rank < title.rank;
  }
  return total <= 1 ? 1.0 : static_cast<double>(below) / (total - 1);
}

// 1 − headcount / establishment. Without staffing the headcount is the held posts and the
// shortage is floored at 0; with staffing (rules/staffing.hpp) it is held posts + staff and a
// unit in surplus gets a negative shortage, so the same weight makes it less preferred.
// `held` is the unit's held posts (held_posts), which the caller has already read.
double unit_shortage(const RuleContext& ctx, model::UnitId u, int held) {
  const auto& unit = ctx.org.units[u];
  if (staffing_on(ctx.world))
    return unit.establishment > 0
               ? 1.0 - static_cast<double>(held + ctx.world.staff[u]) / unit.establishment
               : 0.0;
  return unit.establishment > 0
             ? std::max(0.0, 1.0 - static_cast<double>(held) / unit.establishment)
             : 0.0;
}

// The post a rotation starts from: the one held, or the last one for a cadre without a post.
PostId origin_of(const model::Cadre& c) {
  return c.post != model::kNoPost ? c.post : c.last_post;
}

// Date thresholds of a plan, computed once per plan.
struct PlanDates {
  Day retire_floor;        ///< retirement not before (training flows)
  Day retire_floor_short;  ///< retirement not before (non-native and term-limit flows)
  Day in_post_since;       ///< in the post since this day or earlier (min_months_in_post)
};

PlanDates plan_dates(const RuleContext& ctx) {
  const auto& p = ctx.scenario.rotation;
  // "At least n whole months from now to retirement" <=> retirement >= now + n months.
  return {kernel::add_months(ctx.now(), p.min_months_before_retirement),
          kernel::add_months(ctx.now(), p.min_months_before_retirement_non_native),
          kernel::months_completed_by(ctx.now(), p.min_months_in_post)};
}

// A flow's purpose, read once per plan instead of comparing strings per cadre.
struct FlowKind {
  bool term_limit;  ///< purpose "term_limit": heads without a post at the term limit
  bool training;    ///< purpose "training": the longer retirement horizon
};

FlowKind flow_kind(const model::RotationFlow& f) {
  return {f.purpose == "term_limit", f.purpose == "training"};
}

bool eligible(const RuleContext& ctx, CadreId id, const model::RotationFlow& f, FlowKind kind,
              const PlanDates& dates) {
  const auto& p = ctx.scenario.rotation;
  // The plan first: most cadres of a large organisation are in no plan, and the count is a
  // compact array while the records are scattered (the checks are filters without effects, so
  // their order does not change the result).
  if (!kind.term_limit && p.require_in_plan && ctx.world.plan_count[id] == 0) return false;
  const auto& c = ctx.world.cadres[id];
  if (c.status != model::CadreStatus::kActive || c.rotation.active) return false;
  const PostId origin = origin_of(c);
  if (origin == model::kNoPost || ctx.org.level_of(origin) != f.from_level) return false;
  if (kind.term_limit) {
    if (c.post != model::kNoPost || !c.term_limit_rotation_candidate) return false;
  } else {
    if (c.post == model::kNoPost) return false;
    if (c.post_since > dates.in_post_since) return false;
  }
  return c.retirement_date >= (kind.training ? dates.retire_floor : dates.retire_floor_short);
}

// Best destination for `id` under flow `f`, or kNoPost. `u` is this slot's random draw.
PostId choose_destination(const RuleContext& ctx, CadreId id, const model::RotationFlow& f,
                          double u_jitter, bool higher, const std::vector<double>& position) {
  const auto& org = ctx.org;
  const auto& p = ctx.scenario.rotation;
  const auto& c = ctx.world.cadres[id];
  const PostId origin = origin_of(c);
  const model::UnitId from_unit = org.posts[origin].unit;
  const double q0 =
      std::min(1.0, position[org.posts[origin].title] + (higher ? p.equivalent_rank_band : 0.0));
  PostId best = model::kNoPost;
  model::UnitId best_unit = model::kNoUnit;
  double best_score = -1e300;
  // A holder may be displaced after this many months in post: in it since this day or earlier.
  const Day displace_floor = kernel::months_completed_by(ctx.now(), p.displace_min_months_in_post);
  // Decided by the tier that manages the cadre's title: with within_parent, only the units of
  // the destination level in its scope (one range of the Euler tour, not the whole level).
  const auto candidates = org.units_of_level_within(
      f.to_level, f.within_parent ? managing_unit(org, origin) : model::kNoUnit);
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const model::UnitId u = candidates[k];
    const auto& unit = org.units[u];
    if (u == from_unit) continue;
    if (f.sector_change && unit.sector == org.units[from_unit].sector) continue;
    const int held = held_posts(ctx.world, org, u);
    const double unit_score =
        p.shortage_weight * unit_shortage(ctx, u, held) +
        p.especially_difficult_weight * (unit.especially_difficult ? 1.0 : 0.0);
    // A score below is (10 if vacant, else 0) + unit_score - dq + jitter with dq >= 0 and
    // jitter <= 0.01, so (rounding being monotone) none exceeds this bound: a unit whose bound
    // is below the best so far cannot win or tie, and its posts are not read. Most units have
    // every post held, so once a vacant post is found the rest of a fully held scope is skipped.
    const bool any_vacant = static_cast<std::size_t>(held) < org.posts_of_unit[u].size();
    if ((any_vacant ? 10.0 + unit_score : unit_score) + 0.01 < best_score) continue;
    for (PostId post : org.posts_of_unit[u]) {
      const model::Title& t = org.title_of(post);
      if (t.entry) continue;
      const double dq = std::abs(position[org.posts[post].title] - q0);
      if (dq > p.equivalent_rank_band) continue;  // not an equivalent post
      if (!non_native_allows(org, c, post)) continue;
      const auto& ps = ctx.world.posts[post];
      const bool vacant = ps.holder == model::kNoCadre;
      // Vacant posts first; then shortage and hardship; then closeness of rank; a small
      // deterministic jitter (from the slot's draw and the post id) breaks ties. An exact tie
      // goes to the lower unit id, then the earlier post of the unit (the units come in tour
      // order, so the order of the scan must not decide).
      const double jitter = 0.01 * RandomKeyFree::mix(u_jitter, post);
      const double score = (vacant ? 10.0 : 0.0) + unit_score - dq + jitter;
      if (!(score > best_score || (score == best_score && u < best_unit))) continue;
      // Only a post that would win is checked for a holder who may be displaced: the holder's
      // record is a cache miss in a large organisation, and a post that cannot win changes
      // nothing whether its holder may move or not.
      if (!vacant) {
        const auto& h = ctx.world.cadres[ps.holder];
        if (h.rotation.active || h.post_since > displace_floor) continue;
      }
      best_score = score;
      best = post;
      best_unit = u;
    }
  }
  return best;
}

// Puts the cadre back at (or above) the origin unit, or leaves them for placement.
void return_to_origin(RuleContext& ctx, CadreId id, EventType event, std::uint16_t reason) {
  auto& w = ctx.world;
  auto& c = w.cadres[id];
  const PostId origin = c.rotation.origin_post;
  const PostId current = c.post;
  w.set_rotation_active(id, false);
  c.effort_penalty = 0;
  w.attrition[id].multiplier = 1;
  ctx.emit(event, id, current, origin, reason);
  if (origin == model::kNoPost) return;
  // The origin post, or the best vacant post of the same or higher rank in the origin unit.
  PostId target = model::kNoPost;
  if (w.posts[origin].holder == model::kNoCadre && non_native_allows(ctx.org, c, origin) &&
      origin != current) {
    target = origin;
  } else {
    int best_rank = -1;
    for (PostId q : ctx.org.posts_of_unit[ctx.org.posts[origin].unit]) {
      const int r = ctx.org.title_of(q).rank;
      if (w.posts[q].holder == model::kNoCadre && r >= ctx.org.title_of(origin).rank &&
          r > best_rank && non_native_allows(ctx.org, c, q)) {
        best_rank = r;
        target = q;
      }
    }
  }
  if (target != model::kNoPost) {
    take_post(ctx, id, target, EventType::kAppointed, events::kReasonReturn,
              events::kReasonRotation);
  } else {
    // Nothing open at home now: leave the post (if the cadre still holds one — an election
    // may have ended it) and wait for a placement at the origin's rank.
    if (current != model::kNoPost) open_vacancy(ctx, current, events::kReasonRotation);
    c.last_post = origin;
    w.add_unplaced(id);  // or, if already there, records the origin's title as its last
  }
}

}  // namespace

void rotate_into(RuleContext& ctx, CadreId id, PostId dest, std::uint16_t flow,
                 int duration_months) {
  auto& w = ctx.world;
  auto& c = w.cadres[id];
  const PostId origin = origin_of(c);
  const MoveTerms terms = move_terms(ctx, id, origin, dest, flow);
  const double s = terms.shortfall;
  // Move the incumbent aside if the post is held.
  if (const CadreId h = w.posts[dest].holder; h != model::kNoCadre) {
    open_vacancy(ctx, dest, events::kReasonRotation);
    w.add_unplaced(h);
  }
  w.set_rotation_active(id, true);
  auto& r = c.rotation;
  r.origin_post = origin;
  r.origin_unit = ctx.org.posts[origin].unit;
  r.start = ctx.now();
  r.planned_end = kernel::add_months(ctx.now(), duration_months);
  r.flow = flow;
  r.shortfall = s;
  r.shortfall_vnd = terms.gap_vnd;
  r.levers = terms.levers;
  r.second_household = terms.second_household;
  r.early_return_hazard = 0;
  r.early_return_threshold =
      kernel::sample::exponential(ctx.rng.uniform(kRngEarlyReturn, id, r.count), 1.0);
  ++r.count;
  c.term_limit_rotation_candidate = false;
  c.effort_penalty = effort_penalty(ctx.scenario.reluctance, s);
  w.attrition[id].multiplier = attrition_multiplier(ctx.scenario.reluctance, s);
  // For a term-limited head from the unplaced pool there is no old post to open.
  take_post(ctx, id, dest, EventType::kMoved, flow, events::kReasonRotation, s);
  pay_one_off_grant(ctx, id, terms.distance_km);
  ctx.sim.schedule(r.planned_end, kRotationEnd, id, kPriorityTerm);
}

void rotation_plan(RuleContext& ctx, std::uint32_t plan_number) {
  auto& w = ctx.world;
  const auto& p = ctx.scenario.rotation;
  if (w.plan_count.size() < w.cadres.size()) w.plan_count.resize(w.cadres.size(), 0);
  std::vector<std::pair<double, CadreId>> pool;
  const PlanDates dates = plan_dates(ctx);
  std::vector<double> position(ctx.org.titles.size());
  for (TitleId t = 0; t < ctx.org.titles.size(); ++t) position[t] = rank_position(ctx.org, t);
  // The cadres a flow may take, by the level of their origin, in id order, read once per plan
  // instead of every cadre for every flow. During the plan no one becomes active or ends a
  // rotation, and only a cadre who starts one (then ineligible) changes the level of their
  // origin (a displaced holder keeps the post as the last one), so each list holds everyone
  // `eligible` can accept for a flow from that level; `eligible` still decides.
  // With require_in_plan and no term-limit flow only a cadre in the succession plan can be
  // eligible, and nothing during a rotation plan adds to the plan (planning_review and the
  // election preparation do): the others are passed over on plan_count, without reading their
  // records.
  bool planned_only = p.require_in_plan;
  for (const auto& f : p.flows) planned_only = planned_only && !flow_kind(f).term_limit;
  std::array<std::vector<CadreId>, model::kMaxLevels> by_origin_level;
  for (CadreId id = 0; id < w.cadres.size(); ++id) {
    if (planned_only && w.plan_count[id] == 0) continue;
    const auto& c = w.cadres[id];
    if (c.status != model::CadreStatus::kActive || c.rotation.active) continue;
    if (const PostId origin = origin_of(c); origin != model::kNoPost)
      by_origin_level[ctx.org.level_of(origin)].push_back(id);
  }
  // The draw that orders a cadre in a flow's pool is keyed by the cadre and the plan, so it is
  // the same in every flow: drawn once, when the cadre is first eligible (NaN: not yet).
  std::vector<double> order_draw(w.cadres.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::uint16_t fi = 0; fi < p.flows.size(); ++fi) {
    const auto& f = p.flows[fi];
    const FlowKind kind = flow_kind(f);
    pool.clear();
    static const std::vector<CadreId> kNobody;
    const auto& from_level =
        f.from_level < by_origin_level.size() ? by_origin_level[f.from_level] : kNobody;
    // The cadres of a level are scattered over the records in a large organisation: the record
    // kAhead places on is asked for while this one is checked.
    constexpr std::size_t kAhead = 8;
    for (std::size_t i = 0; i < from_level.size(); ++i) {
      if (i + kAhead < from_level.size()) __builtin_prefetch(&w.cadres[from_level[i + kAhead]]);
      const CadreId id = from_level[i];
      if (!eligible(ctx, id, f, kind, dates)) continue;
      // Planned, competent cadres first; a per-plan draw orders near-equals.
      const auto& c = w.cadres[id];
      double& u = order_draw[id];
      if (std::isnan(u)) u = ctx.rng.uniform(kRngRotationChoice, id, plan_number);
      pool.push_back({-(c.competence + 0.5 * (w.plan_count[id] > 0) + 0.2 * u), id});
    }
    std::sort(pool.begin(), pool.end());
    const double qu = ctx.rng.uniform(kRngRotationQuota, fi, plan_number);
    double expected = f.count_per_year > 0 ? f.count_per_year
                                           : f.rate_per_year * static_cast<double>(pool.size());
    int quota = static_cast<int>(std::floor(expected));
    if (qu < expected - quota) ++quota;
    ctx.emit(EventType::kRotationPlanned, model::kNoCadre, model::kNoPost, model::kNoPost, fi,
             quota);
    int moved = 0, offers = 0;
    for (const auto& [neg, id] : pool) {
      if (moved >= quota || offers >= p.max_offers_per_quota * quota) break;
      auto& c = w.cadres[id];
      if (!eligible(ctx, id, f, kind, dates)) continue;  // an earlier move may have changed things
      const double u_slot = ctx.rng.uniform(kRngRotationChoice, id, 1000000ull + plan_number);
      const bool higher =
          c.competence >= p.outstanding_competence &&
          ctx.rng.uniform(kRngHigherPost, id, c.rotation.count) < p.higher_post_probability;
      PostId dest = choose_destination(ctx, id, f, u_slot, higher, position);
      if (dest == model::kNoPost && higher)
        dest = choose_destination(ctx, id, f, u_slot, false, position);
      if (dest == model::kNoPost) continue;
      ++offers;
      const double s = move_terms(ctx, id, origin_of(c), dest, fi).shortfall;
      ctx.emit(EventType::kOffered, id, origin_of(c), dest, fi, s);
      const double ua = ctx.rng.uniform(
          kRngAcceptance, id,
          static_cast<std::uint64_t>(c.rotation.offers_refused) + 1000ull * c.rotation.count);
      if (ua >= acceptance_probability(ctx.scenario.reluctance, s)) {
        ++c.rotation.offers_refused;
        ctx.emit(EventType::kRefused, id, origin_of(c), dest, fi, s);
        if (!p.refusal_keeps_in_plan) unplan_cadre(ctx, id, events::kReasonFailed);
        continue;
      }
      ctx.emit(EventType::kAccepted, id, origin_of(c), dest, fi, s);
      const double ud = ctx.rng.uniform(kRngRotationDuration, id, c.rotation.count);
      const int months = std::max(1, static_cast<int>(std::lround(p.duration_months.sample(ud))));
      rotate_into(ctx, id, dest, fi, months);
      ++moved;
    }
  }
}

void rotation_end(RuleContext& ctx, CadreId id) {
  auto& w = ctx.world;
  auto& c = w.cadres[id];
  if (c.status != model::CadreStatus::kActive || !c.rotation.active ||
      c.rotation.planned_end != ctx.now())
    return;
  // Placement after rotation follows the results (QĐ 65 Art. 10, ND 170 Art. 51): the last
  // annual rating selects the outcome probabilities.
  if (c.rating == model::Rating::kNone && c.post != model::kNoPost) {
    c.rating = rating_for(ctx.scenario.evaluation, effectiveness(c, ctx.now()));
    refresh_candidate_summary(ctx, id);
  }
  const auto& p = outcome_probabilities(ctx.scenario.evaluation, c.rating);
  const double u = ctx.rng.uniform(kRngRotationOutcome, id, c.rotation.count);
  if (u < p.return_home) {
    return_to_origin(ctx, id, EventType::kRotationEnded, events::kReasonReturn);
    return;
  }
  if (u < p.return_home + p.promote) {
    // Promotion: the best vacant higher post at the origin level the cadre may hold, in the
    // scope of the tier that manages the origin post (one range of the Euler tour). The lowest
    // such rank wins; a tie goes to the lower unit id, then the earlier post of the unit.
    const PostId origin = c.rotation.origin_post;
    const PostId from = origin != model::kNoPost ? origin : c.post;
    const int base_rank = ctx.org.title_of(from).rank;
    const model::LevelId level = ctx.org.level_of(from);
    PostId target = model::kNoPost;
    model::UnitId target_unit = model::kNoUnit;
    int best = 1 << 30;
    for (model::UnitId u2 : ctx.org.units_of_level_within(level, managing_unit(ctx.org, from)))
      for (PostId q : ctx.org.posts_of_unit[u2]) {
        const int r = ctx.org.title_of(q).rank;
        if (w.posts[q].holder == model::kNoCadre && r > base_rank &&
            (r < best || (r == best && u2 < target_unit)) && non_native_allows(ctx.org, c, q)) {
          best = r;
          target = q;
          target_unit = u2;
        }
      }
    if (target != model::kNoPost) {
      w.set_rotation_active(id, false);
      c.effort_penalty = 0;
      w.attrition[id].multiplier = 1;
      ctx.emit(EventType::kRotationEnded, id, c.post, target, events::kReasonPromote);
      take_post(ctx, id, target, EventType::kAppointed, events::kReasonPromote,
                events::kReasonRotation);
      return;
    }
  }
  // Stay: the move becomes permanent and the cadre stops being a rotated cadre (QĐ 65 Art. 10).
  w.set_rotation_active(id, false);
  c.effort_penalty = 0;
  w.attrition[id].multiplier = 1;
  ctx.emit(EventType::kRotationEnded, id, c.rotation.origin_post, c.post, events::kReasonStay);
}

double early_return_hazard_per_year(const RuleContext& ctx, CadreId id) {
  const auto& c = ctx.world.cadres[id];
  const auto& rel = ctx.scenario.reluctance;
  const double settling = 1.0 + rel.early_return_unsettled_weight * unsettled(c, ctx.now());
  const double by_rating =
      ctx.scenario.evaluation.early_return_multiplier[model::rating_index(c.rating)];
  return early_return_rate_per_year(rel, c.rotation.shortfall) * settling * by_rating;
}

bool early_return_month(RuleContext& ctx, CadreId id) {
  auto& c = ctx.world.cadres[id];
  if (!c.rotation.active || c.post == model::kNoPost) return false;
  c.rotation.early_return_hazard += early_return_hazard_per_year(ctx, id) / 12.0;
  if (c.rotation.early_return_hazard < c.rotation.early_return_threshold) return false;
  return_to_origin(ctx, id, EventType::kReturnedEarly, events::kReasonReturn);
  return true;
}

void scripted_move(RuleContext& ctx, const model::ScriptedMove& move) {
  auto& w = ctx.world;
  CadreId id = model::kNoCadre;
  for (CadreId k = 0; k < w.cadres.size(); ++k)
    if (w.cadres[k].id == move.cadre_id) id = k;
  if (id == model::kNoCadre || w.cadres[id].status != model::CadreStatus::kActive) return;
  auto& c = w.cadres[id];
  if (c.post == move.to_post) return;
  if (move.kind == "appoint") {
    if (const CadreId h = w.posts[move.to_post].holder; h != model::kNoCadre) {
      open_vacancy(ctx, move.to_post, events::kReasonRotation);
      w.add_unplaced(h);
    }
    take_post(ctx, id, move.to_post, EventType::kAppointed, events::kReasonScripted);
    return;
  }
  if (c.rotation.active || origin_of(c) == model::kNoPost) return;
  const double s = move_terms(ctx, id, origin_of(c), move.to_post, model::kScriptedFlow).shortfall;
  ctx.emit(EventType::kOffered, id, origin_of(c), move.to_post, model::kScriptedFlow, s);
  ctx.emit(EventType::kAccepted, id, origin_of(c), move.to_post, model::kScriptedFlow, s);
  rotate_into(ctx, id, move.to_post, model::kScriptedFlow, move.duration_months);
}

}  // namespace cadresim::rules
