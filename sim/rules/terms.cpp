// Terms of office: elections at congresses in the order of docs/model.md § Terms of office,
// personnel preparation before them, appointment terms, per-title term limits.
#include "sim/rules/terms.hpp"

#include <algorithm>  // std::find, std::sort, std::lower_bound
#include <iterator>   // std::prev
#include <span>       // std::span

#include "sim/rules/non_native.hpp"  // non_native_allows
#include "sim/rules/succession.hpp"  // readiness, candidate_score, feeder_candidates

namespace cadresim::rules {

using events::EventType;

int term_limit(const model::Scenario& s, const model::Title& t) {
  if (t.max_consecutive_terms >= 0) return t.max_consecutive_terms;
  return t.head ? s.terms.max_consecutive_terms : 0;
}

namespace {
// The congress age cut-off rule for `post` at `day`, or null (state-term and appointed titles
// and dates without a rule use the months rules).
const model::AgeCutoffRule* cutoff_rule(const RuleContext& ctx, PostId post, Day day) {
  if (ctx.org.title_of(post).tenure != model::TenureKind::kPartyTerm) return nullptr;
  const model::LevelId level = ctx.org.level_of(post);
  for (const auto& r : ctx.scenario.terms.age_cutoffs)
    if (day >= r.from && day < r.until &&
        std::find(r.levels.begin(), r.levels.end(), level) != r.levels.end())
      return &r;
  return nullptr;
}
}  // namespace

AgeCheck::AgeCheck(const RuleContext& ctx, PostId post, Day day, bool reelection) {
  if (const auto* r = cutoff_rule(ctx, post, day)) {
    by_birth_ = true;
    women_born_from_ = reelection ? r->reelection_women_born_from : r->first_women_born_from;
    men_born_from_ = reelection ? r->reelection_men_born_from : r->first_men_born_from;
    return;
  }
  const int need = reelection ? ctx.scenario.terms.reelection_min_months_before_retirement
                              : ctx.scenario.appointment.min_months_before_retirement;
  retire_floor_ = kernel::add_months(day, need);
}

bool age_allows(const RuleContext& ctx, const model::Cadre& c, PostId post, Day day,
                bool reelection) {
  return AgeCheck(ctx, post, day, reelection).allows(c);
}

std::uint16_t not_standing_reason(const RuleContext& ctx, CadreId cadre, PostId post, Day day) {
  const auto& c = ctx.world.cadres[cadre];
  const int limit = term_limit(ctx.scenario, ctx.org.title_of(post));
  if (limit > 0 && c.consecutive_terms >= limit) return events::kReasonTermLimit;
  if (!age_allows(ctx, c, post, day, true)) return events::kReasonAgeRule;
  return events::kReasonNone;
}

bool head_at_term_limit(const RuleContext& ctx, CadreId cadre) {
  const auto& c = ctx.world.cadres[cadre];
  if (c.status != model::CadreStatus::kActive || c.rotation.active) return false;
  if (c.post == model::kNoPost) return false;
  const model::Title& from = ctx.org.title_of(c.post);
  const int limit = term_limit(ctx.scenario, from);
  return from.head && limit > 0 && c.consecutive_terms >= limit;
}

bool term_limit_move_allowed(const RuleContext& ctx, CadreId cadre, PostId post) {
  if (!head_at_term_limit(ctx, cadre)) return false;
  const PostId held = ctx.world.cadres[cadre].post;
  if (held == post) return false;
  const model::Title& from = ctx.org.title_of(held);
  const model::Title& to = ctx.org.title_of(post);
  return from.level == to.level && to.rank <= from.rank &&
         ctx.org.posts[held].unit != ctx.org.posts[post].unit;
}

namespace {
// A newcomer may take `post`: active, not in a rotation, a lower rank than the post if holding
// one, the non-native rule and the first-election age rule.
bool eligible_newcomer(const RuleContext& ctx, CadreId cadre, PostId post) {
  const auto& c = ctx.world.cadres[cadre];
  if (c.status != model::CadreStatus::kActive || c.rotation.active) return false;
  if (c.post == post) return false;
  if (c.post != model::kNoPost && ctx.org.title_of(c.post).rank >= ctx.org.title_of(post).rank)
    return false;
  if (!non_native_allows(ctx.org, c, post)) return false;
  return age_allows(ctx, c, post, ctx.now(), false);
}

// A cadre without a post (a term-limited head, a returning rotatee) may be placed at `post`:
// the same level, not above the rank last held, not back into the post left at a term end.
bool eligible_placement(const RuleContext& ctx, CadreId cadre, PostId post) {
  const auto& c = ctx.world.cadres[cadre];
  if (c.status != model::CadreStatus::kActive || c.post != model::kNoPost) return false;
  if (c.last_post == model::kNoPost || c.rotation.active) return false;
  if (c.last_post == post && c.consecutive_terms == 0) return false;
  // Designated elsewhere: not into another post of the unit just left (term-limit rotation).
  if (ctx.org.posts[c.last_post].unit == ctx.org.posts[post].unit) return false;
  const model::Title& last = ctx.org.title_of(c.last_post);
  const model::Title& t = ctx.org.title_of(post);
  if (last.level != t.level || t.rank > last.rank) return false;
  if (!non_native_allows(ctx.org, c, post)) return false;
  return age_allows(ctx, c, post, ctx.now(), false);
}

// A head at the term limit planned for an equivalent post in another unit (term-limit rotation
// designated at preparation): the move rule, the non-native rule and the first-election age rule.
bool eligible_rotation(const RuleContext& ctx, CadreId cadre, PostId post) {
  if (!term_limit_move_allowed(ctx, cadre, post)) return false;
  const auto& c = ctx.world.cadres[cadre];
  return non_native_allows(ctx.org, c, post) && age_allows(ctx, c, post, ctx.now(), false);
}

struct Best {
  CadreId cadre = model::kNoCadre;
  double score = -1e300;
  void offer(CadreId c, double s) {
    if (s > score || (s == score && c < cadre)) cadre = c, score = s;
  }
};
}  // namespace

CadreId election_candidate(const RuleContext& ctx, PostId post, std::uint16_t& outcome) {
  const CandidateScoreBound score_bound(ctx, post);
  const auto& w = ctx.world;
  const auto& org = ctx.org;
  // 1. A ready-now planned successor.
  Best ready, later;
  const ReadinessCheck ready_check(ctx);
  for (const auto& e : w.plan_of(post)) {
    // A head at the term limit designated at preparation for this equivalent post elsewhere
    // (term-limit rotation) is the managing tier's choice: first among planned successors of the
    // same readiness.
    const bool newcomer = eligible_newcomer(ctx, e.cadre, post);
    const bool rotation =
        eligible_rotation(ctx, e.cadre, post) ||
        (newcomer && w.cadres[e.cadre].post == model::kNoPost &&
         w.cadres[e.cadre].term_limit_rotation_candidate);  // left the post earlier today
    if (!rotation && !newcomer) continue;
    const double score = candidate_score(ctx, e.cadre, post) + (rotation ? 100.0 : 0.0);
    const model::Readiness r = ready_check(e.cadre, post);
    if (r == model::Readiness::kReadyNow)
      ready.offer(e.cadre, score);
    else if (r == model::Readiness::kReadyLater)
      later.offer(e.cadre, score);
  }
  if (ready.cadre != model::kNoCadre) {
    outcome = events::kReasonOutcomeReadySuccessor;
    return ready.cadre;
  }
  // 2. A ready-later planned successor, else an eligible deputy of the unit (a holder of a
  // feeding title in the same unit).
  if (later.cadre != model::kNoCadre) {
    outcome = events::kReasonOutcomeLaterSuccessor;
    return later.cadre;
  }
  const model::Title& t = org.title_of(post);
  Best deputy;
  for (PostId q : org.posts_of_unit[org.posts[post].unit]) {
    const CadreId h = w.posts[q].holder;
    if (h == model::kNoCadre) continue;
    if (std::find(t.fed_by.begin(), t.fed_by.end(), org.posts[q].title) == t.fed_by.end()) continue;
    if (score_bound(h) < deputy.score) continue;  // cannot win
    if (eligible_newcomer(ctx, h, post)) deputy.offer(h, candidate_score(ctx, h, post));
  }
  if (deputy.cadre != model::kNoCadre) {
    outcome = events::kReasonOutcomeUnitDeputy;
    return deputy.cadre;
  }
  // 3. Designated by the managing tier: a holder of a feeding title within its scope or a cadre
  // without a post; failing that, a holder of a feeding title anywhere (a higher body's choice).
  Best designated;
  const model::UnitId scope = managing_unit(org, post);
  // The scope's posts of a title are one range of the Euler tour; Best keeps the highest score
  // and breaks a tie by the lower id, so the order of the scan does not decide, and a cadre
  // whose score bound is below the best so far cannot win.
  for (model::TitleId f : t.fed_by)
    for (PostId q : org.posts_of_title_within(f, scope)) {
      const CadreId h = w.posts[q].holder;
      if (h == model::kNoCadre || score_bound(h) < designated.score) continue;
      if (eligible_newcomer(ctx, h, post)) designated.offer(h, candidate_score(ctx, h, post));
    }
  for (CadreId c : w.unplaced)
    if (score_bound(c) >= designated.score && eligible_placement(ctx, c, post))
      designated.offer(c, candidate_score(ctx, c, post));
  if (designated.cadre == model::kNoCadre)
    for (model::TitleId f : t.fed_by)
      for (PostId q : org.posts_of_title[f]) {
        const CadreId h = w.posts[q].holder;
        if (h != model::kNoCadre && score_bound(h) >= designated.score &&
            eligible_newcomer(ctx, h, post))
          designated.offer(h, candidate_score(ctx, h, post));
      }
  outcome = designated.cadre != model::kNoCadre ? std::uint16_t{events::kReasonOutcomeDesignated}
                                                : std::uint16_t{events::kReasonOutcomeVacant};
  return designated.cadre;
}

void end_tenure(RuleContext& ctx, CadreId cadre, bool at_term_limit, bool emit_limit) {
  auto& c = ctx.world.cadres[cadre];
  const PostId post = c.post;
  if (post == model::kNoPost) return;
  if (at_term_limit) {
    if (emit_limit) ctx.emit(EventType::kTermLimitReached, cadre, post, model::kNoPost);
    if (ctx.org.title_of(post).head) c.term_limit_rotation_candidate = true;
  }
  open_vacancy(ctx, post, events::kReasonTermEnd);
  c.consecutive_terms = 0;
  ctx.world.add_unplaced(cadre);
}

namespace {
bool at_limit(const RuleContext& ctx, CadreId h, PostId post) {
  const int limit = term_limit(ctx.scenario, ctx.org.title_of(post));
  return limit > 0 && ctx.world.cadres[h].consecutive_terms >= limit;
}

// Marks the holder of `post` as outgoing: they serve until a successor takes over; a fill
// attempt looks for one after the retry interval.
void hold_over(RuleContext& ctx, PostId post) {
  auto& ps = ctx.world.posts[post];
  ps.outgoing = true;
  schedule_fill(ctx, post, ctx.scenario.appointment.retry_months);
}

// The previous post of a newcomer (or the post last held, for a cadre without one).
PostId origin_of(const model::Cadre& c) {
  return c.post != model::kNoPost ? c.post : c.last_post;
}

std::uint16_t appointment_reason(std::uint16_t outcome) {
  switch (outcome) {
    case events::kReasonOutcomeReadySuccessor:
    case events::kReasonOutcomeLaterSuccessor:
      return events::kReasonSuccessor;
    default:
      return events::kReasonDeputy;
  }
}
}  // namespace

namespace {
// Puts newcomer `s` into `post`. A head at the term limit moving to an equivalent post elsewhere
// leaves at the limit (term_limit_reached; the old post opens with reason term_end); any other
// newcomer's post opens as a promotion. Returns the post `s` left (kNoPost if none).
PostId install(RuleContext& ctx, CadreId s, PostId post, EventType type, std::uint16_t reason) {
  const PostId from = ctx.world.cadres[s].post;
  if (from != model::kNoPost && term_limit_move_allowed(ctx, s, post)) {
    ctx.emit(EventType::kTermLimitReached, s, from, model::kNoPost);
    take_post(ctx, s, post, type, reason, events::kReasonTermEnd);
  } else {
    take_post(ctx, s, post, type, reason);
  }
  return from;
}

// The cascade of an election day: every post opened by a newcomer's move (`opened`, a work
// list that grows as it is read) is filled on the day in the same order as an elected post,
// down the chain, until a post has no eligible candidate or is an entry post (recruitment
// fills those). A post that was filled meanwhile is skipped.
void fill_cascade(RuleContext& ctx, std::vector<PostId>& opened) {
  auto& w = ctx.world;
  for (std::size_t i = 0; i < opened.size(); ++i) {
    const PostId q = opened[i];
    if (w.posts[q].holder != model::kNoCadre || ctx.org.title_of(q).entry) continue;
    std::uint16_t outcome = events::kReasonNone;
    const CadreId s = election_candidate(ctx, q, outcome);
    if (s == model::kNoCadre) continue;  // its fill attempts continue
    const bool unplaced = w.cadres[s].post == model::kNoPost;
    const PostId from =
        install(ctx, s, q, EventType::kAppointed,
                unplaced ? std::uint16_t{events::kReasonPlacement} : appointment_reason(outcome));
    if (from != model::kNoPost) opened.push_back(from);
  }
}
}  // namespace

bool replace_outgoing(RuleContext& ctx, PostId post) {
  const CadreId h = ctx.world.posts[post].holder;
  if (h == model::kNoCadre) return false;
  std::uint16_t outcome = events::kReasonNone;
  const CadreId s = election_candidate(ctx, post, outcome);
  if (s == model::kNoCadre) return false;
  const bool limit = at_limit(ctx, h, post);
  end_tenure(ctx, h, limit, false);
  const bool unplaced = ctx.world.cadres[s].post == model::kNoPost;
  install(ctx, s, post, EventType::kAppointed,
          unplaced ? std::uint16_t{events::kReasonPlacement} : appointment_reason(outcome));
  return true;
}

void hold_election(RuleContext& ctx, const model::Election& election, model::TenureKind tenure) {
  const auto& org = ctx.org;
  auto& w = ctx.world;
  // The election's posts, higher posts first (by level, then rank, then post id): a promotion
  // opens a lower post before it is filled, so the cascade is resolved on the day.
  std::vector<PostId> posts;
  for (model::LevelId level : election.levels)
    for (model::UnitId u : org.units_of_level[level])
      for (PostId post : org.posts_of_unit[u])
        if (org.title_of(post).tenure == tenure) posts.push_back(post);
  std::sort(posts.begin(), posts.end(), [&](PostId a, PostId b) {
    const auto la = org.level_of(a), lb = org.level_of(b);
    if (la != lb) return la < lb;
    const int ra = org.title_of(a).rank, rb = org.title_of(b).rank;
    if (ra != rb) return ra > rb;
    return a < b;
  });
  // The pipeline before the election: ready-now planned successors per post.
  std::vector<std::uint8_t> ready(org.posts.size(), 0);
  const ReadinessCheck ready_check(ctx);
  for (const auto& e : w.plan)
    if (ready[e.post] < 255 && w.cadres[e.cadre].status == model::CadreStatus::kActive &&
        ready_check(e.cadre, e.post) == model::Readiness::kReadyNow)
      ++ready[e.post];
  std::vector<PostId> opened;  // posts left by newcomers today (the cascade)
  auto elect = [&](CadreId s, PostId post, std::uint16_t outcome, double pipeline) {
    const PostId from = origin_of(w.cadres[s]);
    const PostId left = install(ctx, s, post, EventType::kElected, events::kReasonSuccessor);
    if (left != model::kNoPost) opened.push_back(left);
    ctx.emit(EventType::kElectionOutcome, s, from, post, outcome, pipeline);
  };
  for (PostId post : posts) {
    const CadreId h = w.posts[post].holder;
    const double pipeline = ready[post];
    if (h != model::kNoCadre) {
      const std::uint16_t why = not_standing_reason(ctx, h, post, ctx.now());
      if (why == events::kReasonNone) {
        auto& c = w.cadres[h];
        // Re-elected: a held-over holder who is eligible again (e.g. a rule changed) stays too.
        w.posts[post].outgoing = false;
        ++c.consecutive_terms;
        ctx.emit(EventType::kReelected, h, post, post);
        ctx.emit(EventType::kElectionOutcome, h, post, post, events::kReasonOutcomeReelected,
                 pipeline);
        continue;
      }
      std::uint16_t outcome = events::kReasonNone;
      const CadreId s = election_candidate(ctx, post, outcome);
      if (s == model::kNoCadre) {
        // Nobody eligible anywhere: the outgoing holder serves until a successor takes over.
        if (why == events::kReasonTermLimit && !w.posts[post].outgoing)
          ctx.emit(EventType::kTermLimitReached, h, post, model::kNoPost);
        hold_over(ctx, post);
        ctx.emit(EventType::kElectionOutcome, h, post, post, events::kReasonOutcomeHeldOver,
                 pipeline);
        continue;
      }
      const bool limit = why == events::kReasonTermLimit;
      end_tenure(ctx, h, limit, !w.posts[post].outgoing);
      elect(s, post, outcome, pipeline);
      continue;
    }
    std::uint16_t outcome = events::kReasonNone;
    const CadreId s = election_candidate(ctx, post, outcome);
    if (s == model::kNoCadre) {
      ctx.emit(EventType::kElectionOutcome, model::kNoCadre, model::kNoPost, post,
               events::kReasonOutcomeVacant, pipeline);
      continue;  // stays open: its fill attempts continue
    }
    elect(s, post, outcome, pipeline);
  }
  // Posts the newcomers left, outside the election (another tenure or level) or passed before
  // they opened, are filled on the day too: no cliff of posts waiting for appointments.
  fill_cascade(ctx, opened);
}

namespace {
// Term-limit rotation (docs/model.md § Terms of office): each head who will not stand because of
// the term limit is designated by the managing tier for an equivalent post of the same election
// in another unit (same level, rank not above; its scope first) that will open: its holder
// will not stand either, or it is vacant. Heads in post order, each post taken once; the best
// eligible post by rank, then score. The designation is a plan entry, so on the day the head
// competes with the post's ready-now successors.
void designate_term_limit_moves(RuleContext& ctx, const model::Election& election,
                                model::TenureKind tenure) {
  const auto& org = ctx.org;
  auto& w = ctx.world;
  std::vector<PostId> heads, opening;
  for (model::LevelId level : election.levels)
    for (model::UnitId u : org.units_of_level[level])
      for (PostId post : org.posts_of_unit[u]) {
        if (org.title_of(post).tenure != tenure || !org.title_of(post).key) continue;
        const CadreId h = w.posts[post].holder;
        if (h == model::kNoCadre) {
          opening.push_back(post);
          continue;
        }
        const std::uint16_t why = not_standing_reason(ctx, h, post, election.date);
        if (why == events::kReasonNone) continue;
        opening.push_back(post);
        if (why == events::kReasonTermLimit && org.title_of(post).head) heads.push_back(post);
      }
  if (heads.empty()) return;
  // Designated at an earlier preparation: the post is taken, and its head needs no other. Only
  // the plan entries of the heads' holders can be such designations (a cadre holds one post), so
  // the others are passed over without reading their records.
  enum : char { kNotAHead = 0, kHead = 1, kDesignated = 2 };
  std::vector<char> taken(org.posts.size(), 0), head_state(w.cadres.size(), kNotAHead);
  for (PostId from : heads) head_state[w.posts[from].holder] = kHead;
  for (const auto& e : w.plan)
    if (head_state[e.cadre] != kNotAHead && term_limit_move_allowed(ctx, e.cadre, e.post)) {
      head_state[e.cadre] = kDesignated;
      taken[e.post] = 1;
    }
  // The opening posts by (level, rank), each group in Euler-tour order of its units, so a
  // managing scope is one range of a group. Every candidate key below is 1000 × rank +
  // 100 × (inside the scope) + score, and a score lies within [-1, 3.2] (competence, 0.1 for
  // experience, a rating bonus in [-1, 1], 0.1 for the non-native preference): the best key
  // lies in the highest rank with an eligible post, inside the scope when one is there. The
  // groups are searched in that order, which finds the post the full scan in `opening` order
  // would (equal keys go to the first in that order) while reading one scope for most heads.
  struct Opening {
    std::uint32_t tour;   // tour entry of the post's unit
    std::uint32_t index;  // position in `opening`
  };
  // (level, rank) in one integer that sorts the same way: the rank's sign bit flipped maps
  // INT_MIN..INT_MAX onto 0..2^32-1 in order (in unsigned arithmetic, so no overflow).
  const auto group_key = [&](PostId p) {
    return (static_cast<std::uint64_t>(org.level_of(p)) << 32) |
           (static_cast<std::uint32_t>(org.title_of(p).rank) ^ 0x80000000u);
  };
  std::vector<std::pair<std::uint64_t, Opening>> sorted;
  sorted.reserve(opening.size());
  for (std::uint32_t i = 0; i < opening.size(); ++i)
    sorted.push_back({group_key(opening[i]), {org.preorder_in[org.posts[opening[i]].unit], i}});
  const std::size_t appended_from = w.plan.compact();  // the designations, merged at the end
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first
                              : (a.second.tour != b.second.tour ? a.second.tour < b.second.tour
                                                                : a.second.index < b.second.index);
  });
  for (PostId from : heads) {
    const CadreId h = w.posts[from].holder;
    if (head_state[h] == kDesignated) continue;
    const auto& c = w.cadres[h];
    // The searched posts are of the head's level and tenure, a rank not above its own: the move
    // rule (term_limit_move_allowed) leaves only "another unit" to check per post, and the age
    // rule and the score's base (candidate_score_base) are the same for every one of them (both
    // depend on the post only through its level and tenure).
    if (!head_at_term_limit(ctx, h) || !AgeCheck(ctx, from, election.date, false).allows(c))
      continue;
    const model::UnitId held_unit = org.posts[from].unit;
    const double base = candidate_score_base(ctx, c, org.level_of(from));
    const model::UnitId scope = managing_unit(org, from);
    PostId best = model::kNoPost;
    double best_key = -1e300;
    std::uint32_t best_index = 0;
    // Examines one range of a group; true when it holds an eligible post.
    const auto search = [&](auto first, auto last) {
      bool found = false;
      for (auto it = first; it != last; ++it) {
        const PostId to = opening[it->second.index];
        if (taken[to] || org.posts[to].unit == held_unit || !non_native_allows(org, c, to))
          continue;
        // candidate_score(ctx, h, to), term for term.
        const double score = base + 0.1 * non_native_preference(org, c, to);
        const double key = 1000.0 * org.title_of(to).rank +
                           (org.within(org.posts[to].unit, scope) ? 100.0 : 0.0) + score;
        if (key > best_key || (key == best_key && it->second.index < best_index))
          best = to, best_key = key, best_index = it->second.index;
        found = true;
      }
      return found;
    };
    // Groups of the head's level with a rank not above its own, highest rank first.
    const std::uint64_t own = group_key(from);
    const std::uint64_t level_floor = own & ~std::uint64_t{0xFFFFFFFFu};
    auto group_end = std::upper_bound(sorted.begin(), sorted.end(), own,
                                      [](std::uint64_t k, const auto& e) { return k < e.first; });
    while (best == model::kNoPost && group_end != sorted.begin() &&
           std::prev(group_end)->first >= level_floor) {
      const std::uint64_t g = std::prev(group_end)->first;
      const auto group_begin = std::lower_bound(
          sorted.begin(), group_end, g, [](const auto& e, std::uint64_t k) { return e.first < k; });
      const auto in_first =
          std::lower_bound(group_begin, group_end, org.preorder_in[scope],
                           [](const auto& e, std::uint32_t t) { return e.second.tour < t; });
      const auto in_last =
          std::upper_bound(in_first, group_end, org.preorder_out[scope],
                           [](std::uint32_t t, const auto& e) { return t < e.second.tour; });
      if (!search(in_first, in_last)) {
        search(group_begin, in_first);
        search(in_last, group_end);
      }
      group_end = group_begin;
    }
    if (best == model::kNoPost) continue;
    taken[best] = 1;
    append_plan_entry(w, {h, best, readiness(ctx, h, best), ctx.now()});
    ++w.plan_count[h];
    ctx.emit(EventType::kPlanned, h, from, best, events::kReasonTermLimitRotation);
  }
  merge_plan_entries(w, appended_from);
}
}  // namespace

void prepare_election(RuleContext& ctx, const model::Election& election, model::TenureKind tenure) {
  const auto& org = ctx.org;
  auto& w = ctx.world;
  const auto& sp = ctx.scenario.succession;
  if (w.plan_count.size() < w.cadres.size()) w.plan_count.resize(w.cadres.size(), 0);
  designate_term_limit_moves(ctx, election, tenure);
  // Designations are appended and merged into post order at the end: the loop looks up only
  // the current post's entries, which a designation for this post follows.
  const std::size_t appended_from = w.plan.compact();  // no gaps before the appended entries
  const ReadinessCheck ready_check(ctx);
  for (model::LevelId level : election.levels)
    for (model::UnitId u : org.units_of_level[level])
      for (PostId post : org.posts_of_unit[u]) {
        const model::Title& t = org.title_of(post);
        if (t.tenure != tenure) continue;
        // 1. Who will not stand on the election day.
        const CadreId h = w.posts[post].holder;
        if (h != model::kNoCadre) {
          const std::uint16_t why = not_standing_reason(ctx, h, post, election.date);
          if (why == events::kReasonNone) continue;
          ctx.emit(EventType::kNotStanding, h, post, model::kNoPost, why);
        }
        if (!t.key) continue;
        // 2. A ready-now planned successor who may stand? Otherwise the managing tier
        // designates the best ready-now cadre of a feeding title from any unit (its scope
        // first), rotating a non-native in where the title requires one.
        const AgeCheck age(ctx, post, election.date, false);
        bool covered = false;
        const auto& slots = w.plan.slots();
        const auto [first, last] = std::equal_range(
            slots.begin(), slots.begin() + static_cast<std::ptrdiff_t>(appended_from), post,
            model::PlanByPost{});  // the post-ordered part: w.plan_of(post)
        for (const auto& e : std::span(first, last))
          if (e.cadre != model::kNoCadre &&
              w.cadres[e.cadre].status == model::CadreStatus::kActive &&
              ready_check(e.cadre, post) == model::Readiness::kReadyNow &&
              age.allows(w.cadres[e.cadre])) {
            covered = true;
            break;
          }
        if (covered) continue;
        const model::UnitId scope = managing_unit(org, post);
        CadreId best = model::kNoCadre;
        double best_score = -1e300;
        for (int pass = 0; pass < 2 && best == model::kNoCadre; ++pass)
          for (model::TitleId f : t.fed_by)
            // Pass 0: the managing scope (one range of the title's posts); pass 1: anywhere
            // (ties go to the lower cadre id, so the order of the scan does not matter).
            for (PostId q : org.posts_of_title_within(f, pass == 0 ? scope : model::kNoUnit)) {
              const CadreId c = w.posts[q].holder;
              if (c == model::kNoCadre) continue;
              if (w.plan_count[c] >= sp.max_posts_per_candidate) continue;
              const auto& cd = w.cadres[c];
              if (cd.rotation.active || !non_native_allows(org, cd, post)) continue;
              if (org.title_of(q).rank >= t.rank) continue;
              if (!age.allows(cd)) continue;
              if (ready_check(c, post) != model::Readiness::kReadyNow) continue;
              const double s = candidate_score(ctx, c, post);
              if (s > best_score || (s == best_score && c < best)) best = c, best_score = s;
            }
        if (best == model::kNoCadre) continue;
        append_plan_entry(w, {best, post, model::Readiness::kReadyNow, ctx.now()});
        ++w.plan_count[best];
        ctx.emit(EventType::kPlanned, best, w.cadres[best].post, post,
                 events::kReasonDesignatedPlan);
      }
  merge_plan_entries(w, appended_from);
}

void appointment_term_end(RuleContext& ctx, CadreId cadre) {
  auto& c = ctx.world.cadres[cadre];
  if (c.status != model::CadreStatus::kActive || c.post == model::kNoPost) return;
  if (c.term_end != ctx.now()) return;  // superseded (moved since)
  const auto& tp = ctx.scenario.terms;
  const PostId post = c.post;
  const model::Title& t = ctx.org.title_of(post);
  if (t.tenure != model::TenureKind::kAppointed) return;
  if (at_limit(ctx, cadre, post)) {
    // The holder serves until a successor takes over.
    ctx.emit(EventType::kTermLimitReached, cadre, post, model::kNoPost);
    ctx.world.posts[post].outgoing = true;
    if (!replace_outgoing(ctx, post)) hold_over(ctx, post);
    return;
  }
  if (months_to_retirement(c, ctx.now()) < tp.extend_if_months_to_retirement_below) {
    c.term_end = c.retirement_date;  // extended to retirement; no new term
    return;
  }
  ++c.consecutive_terms;
  c.term_end = kernel::add_months(ctx.now(), tp.appointment_months);
  ctx.sim.schedule(c.term_end, kAppointmentTermEnd, cadre, kPriorityTerm);
}

}  // namespace cadresim::rules
