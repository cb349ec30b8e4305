// Appointment: filling open posts from successors, placements, deputies and recruitment.
#include "sim/rules/appointment.hpp"

#include "sim/rules/non_native.hpp"
#include "sim/rules/recruitment.hpp"
#include "sim/rules/succession.hpp"
#include "sim/rules/terms.hpp"  // replace_outgoing

namespace cadresim::rules {

CadreId best_placement(const RuleContext& ctx, PostId post) {
  const auto& org = ctx.org;
  const model::Title& t = org.title_of(post);
  CadreId best = model::kNoCadre;
  double best_score = -1e300;
  const auto& w = ctx.world;
  // The list is national and long (it keeps the surplus of a restructuring that found no
  // post), so it is read by the title of the last post (World::unplaced_by_title): only the
  // equivalent titles (the same level, a rank not above the one last held), each from its most
  // competent cadre down. The score is competence minus a term fixed by the title, so once it
  // falls below the best so far nobody further in that title can win or tie.
  for (model::TitleId o = 0; o < w.unplaced_by_title.size() && o < org.titles.size(); ++o) {
    const model::Title& last = org.titles[o];
    if (last.level != t.level || t.rank > last.rank) continue;
    const double rank_gap = 0.01 * (last.rank - t.rank);  // the title's term of the score
    for (const auto& [neg_competence, c] : w.unplaced_by_title[o]) {
      if (-neg_competence - rank_gap < best_score) break;
      const auto& cadre = w.cadres[c];
      if (cadre.status != model::CadreStatus::kActive || cadre.post != model::kNoPost) continue;
      // Not back into the post left at a term end (end_tenure zeroes the term count; taking any
      // post sets it to 1): that would dodge the term limit or the re-election age rule.
      if (cadre.last_post == post && cadre.consecutive_terms == 0) continue;
      if (!non_native_allows(org, cadre, post)) continue;
      const double s = cadre.competence - rank_gap;
      if (s > best_score || (s == best_score && c < best)) {
        best_score = s;
        best = c;
      }
    }
  }
  return best;
}

CadreId best_deputy(const RuleContext& ctx, PostId post) {
  const auto& p = ctx.scenario.appointment;
  const CandidateScoreBound score_bound(ctx, post);
  CadreId best = model::kNoCadre;
  double best_score = -1e300;
  // "At least n whole months from now to retirement" <=> retirement >= now + n months (once).
  const Day retire_floor = kernel::add_months(ctx.now(), p.min_months_before_retirement);
  // ≥ 24 months in the current or an equivalent post before a higher one (HD 06, QĐ 377):
  // in it since this day or earlier.
  const Day since_floor = kernel::months_completed_by(ctx.now(), p.promotion_min_months_in_post);
  // The holders of the feeding titles' posts in the managing scope (feeder_candidates, without
  // collecting them: the best is kept as they come, ties to the lower id).
  const model::UnitId scope = managing_unit(ctx.org, post);
  const model::LevelId level = ctx.org.level_of(post);
  const auto& w = ctx.world;
  // Each holder's exact score base from its compact summary while World::candidate_summary
  // holds the cadre, read from the copy kept in tour order beside the holders
  // (World::summary_by_tour_slot: one contiguous run per range, where the summaries by cadre
  // are scattered): the record is read only for a holder who can still win or tie, a few per
  // search instead of a third of the holders (docs/performance.md).
  const std::size_t summarised = w.candidate_summary.size();
  const double nn_term = score_bound.non_native_term();
  // The tour slots come in blocks with a bound of their holders' summaries
  // (World::summary_bound_by_block): a block whose bound cannot win is skipped unread. Most are,
  // once a good candidate is found, so a search reads a few blocks' summaries, not the run.
  const SummaryBoundScore block_bound(ctx, level);
  constexpr std::size_t kBlock = model::World::kSummaryBlock;
  const CadreId* const holders = w.holder_by_tour_slot.data();
  const model::CandidateSummary* const summaries = w.summary_by_tour_slot.data();
  for (model::TitleId f : ctx.org.title_of(post).fed_by) {
    const auto posts = ctx.org.posts_of_title_within(f, scope);
    // The holders of the range and their summaries, one contiguous run each.
    const std::size_t first_slot = ctx.org.tour_slot_of(f, posts);
    const std::size_t last_slot = first_slot + posts.size();
    for (std::size_t slot = first_slot; slot < last_slot;) {
      const std::size_t block = slot / kBlock;
      const std::size_t block_end = std::min(last_slot, (block + 1) * kBlock);
      // As for one holder below, but only "cannot win or tie": a tie may still win by id.
      if (block_bound(w.summary_bound_by_block[block]) + nn_term < best_score) {
        slot = block_end;
        continue;
      }
      for (; slot < block_end; ++slot) {
        const CadreId c = holders[slot];
        if (c == model::kNoCadre) continue;
        // The score without its last term, plus that term's largest value for this post (0
        // unless the title prefers non-natives), bounds the score: a cadre who cannot win even
        // so, or can only tie and loses the tie by id, is skipped unread. The checks are
        // filters, so their order does not change the result.
        const double base = c < summarised ? candidate_score_base(ctx, summaries[slot], level)
                                           : candidate_score_base(ctx, w.cadres[c], level);
        if (base + nn_term < best_score || (base + nn_term == best_score && c > best)) continue;
        const auto& cadre = w.cadres[c];
        if (cadre.rotation.active) continue;  // rotated cadres finish their rotation first
        if (cadre.equivalent_since > since_floor) continue;
        if (cadre.retirement_date < retire_floor) continue;
        if (!non_native_allows(ctx.org, cadre, post)) continue;
        const double s = base + 0.1 * non_native_preference(ctx.org, cadre, post);
        if (s > best_score || (s == best_score && c < best)) {
          best_score = s;
          best = c;
        }
      }
    }
  }
  return best;
}

namespace {
// A deputy of the same unit (a lower-ranked title there) who can act while the post is open.
CadreId acting_candidate(const RuleContext& ctx, PostId post) {
  const auto& org = ctx.org;
  const int rank = org.title_of(post).rank;
  CadreId best = model::kNoCadre;
  int best_rank = -1;
  for (PostId q : org.posts_of_unit[org.posts[post].unit]) {
    const CadreId h = ctx.world.posts[q].holder;
    if (h == model::kNoCadre || q == post) continue;
    const int r = org.title_of(q).rank;
    if (r < rank && r > best_rank) {
      best_rank = r;
      best = h;
    }
  }
  return best;
}
}  // namespace

void fill_post(RuleContext& ctx, PostId post) {
  auto& ps = ctx.world.posts[post];
  ps.fill_pending = false;
  if (ps.holder != model::kNoCadre) {
    // An outgoing holder (term limit or age) serves until a successor takes over.
    if (ps.outgoing && !replace_outgoing(ctx, post))
      schedule_fill(ctx, post, ctx.scenario.appointment.retry_months);
    return;
  }
  using events::EventType;
  if (CadreId c = best_ready_successor(ctx, post); c != model::kNoCadre) {
    take_post(ctx, c, post, EventType::kAppointed, events::kReasonSuccessor);
    return;
  }
  if (CadreId c = best_placement(ctx, post); c != model::kNoCadre) {
    take_post(ctx, c, post, EventType::kAppointed, events::kReasonPlacement);
    return;
  }
  if (CadreId c = best_deputy(ctx, post); c != model::kNoCadre) {
    take_post(ctx, c, post, EventType::kAppointed, events::kReasonDeputy);
    return;
  }
  const model::Title& t = ctx.org.title_of(post);
  if (t.entry) {
    start_recruitment(ctx, post);
    return;
  }
  if (t.non_native == model::NonNativeRule::kRequired && !ps.unmet_reported) {
    // Once per vacancy: the metric counts vacancies the rule could not fill at first attempt.
    ctx.emit(EventType::kNonNativeUnmet, model::kNoCadre, model::kNoPost, post);
    ps.unmet_reported = true;
  }
  if (t.non_native == model::NonNativeRule::kRequired &&
      ctx.scenario.appointment.non_native_transfer_in_months > 0) {
    start_transfer_in(ctx, post);  // a non-native from outside the organisation
    return;
  }
  if (ps.acting == model::kNoCadre && ctx.rng.uniform(kRngActing, post, ctx.vacancy_counter[post]) <
                                          ctx.scenario.appointment.acting_probability) {
    const CadreId a = acting_candidate(ctx, post);
    if (a != model::kNoCadre) {
      set_acting(ctx.world, post, a);
      ctx.emit(EventType::kActingAssigned, a, ctx.world.cadres[a].post, post);
    }
  }
  schedule_fill(ctx, post, ctx.scenario.appointment.retry_months);
}

}  // namespace cadresim::rules
