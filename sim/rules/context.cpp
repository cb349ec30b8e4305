#include "sim/rules/context.hpp"

#include <algorithm>  // std::remove_if
#include <cmath>      // std::lround

#include "sim/rules/adaptation.hpp"  // start_adaptation

namespace cadresim::rules {

using events::EventType;

int months_to_retirement(const model::Cadre& c, Day now) {
  return kernel::whole_months_between(now, c.retirement_date);
}

Day months_to_days(double months) {
  return months <= 0 ? 0 : static_cast<Day>(std::lround(months * 30.436875));
}

void schedule_fill(RuleContext& ctx, PostId post, double delay_months) {
  auto& ps = ctx.world.posts[post];
  if (ps.fill_pending) return;
  ps.fill_pending = true;
  ps.fill_day = ctx.now() + months_to_days(delay_months);
  // Not cancellable: the handler re-checks the post's state when it fires.
  ctx.sim.schedule_with_payload(ps.fill_day, kFillPost, post, kPriorityFill);
}

void open_vacancy(RuleContext& ctx, PostId post, std::uint16_t reason, std::uint32_t chain) {
  auto& w = ctx.world;
  auto& ps = w.posts[post];
  const CadreId former = ps.holder;
  if (former != model::kNoCadre) {
    w.cadres[former].last_post = post;
    w.cadres[former].post = model::kNoPost;
    w.set_holder(post, model::kNoCadre);
  }
  ps.vacant_since = ctx.now();
  ps.unmet_reported = false;
  ps.outgoing = false;
  const model::LevelId level = ctx.org.level_of(post);
  if (chain == 0) {
    chain = static_cast<std::uint32_t>(w.chains.size());
    w.chains.push_back({ctx.now(), post, 0, level, level, false, kChainOpen});
  } else {
    auto& ch = w.chains[chain];
    ++ch.length;
    ch.top_level = std::min(ch.top_level, level);
    ch.bottom_level = std::max(ch.bottom_level, level);
  }
  ps.chain = chain;
  ++ctx.vacancy_counter[post];
  ctx.emit(EventType::kVacancyOpened, former, post, post, reason);
  const double u = ctx.rng.uniform(kRngFillDelay, post, ctx.vacancy_counter[post]);
  schedule_fill(ctx, post, ctx.scenario.appointment.delay_months.sample(u));
}

void take_post(RuleContext& ctx, CadreId cadre, PostId post, EventType type, std::uint16_t reason,
               std::uint16_t old_post_reason, double value) {
  auto& w = ctx.world;
  auto& ps = w.posts[post];
  auto& c = w.cadres[cadre];
  const PostId from = c.post;
  const std::uint32_t chain = ps.chain;
  // A rotated cadre appointed or elected to another post during the rotation: the rotation ends
  // there (QĐ 65 Art. 10: placed by results; the new post is permanent), as a promotion when
  // the post ranks above the one held, else as a stay. Early returns no longer apply.
  if (c.rotation.active && type != EventType::kMoved) {
    const bool higher =
        from != model::kNoPost && ctx.org.title_of(post).rank > ctx.org.title_of(from).rank;
    w.set_rotation_active(cadre, false);
    c.effort_penalty = 0;
    if (cadre < w.attrition.size()) w.attrition[cadre].multiplier = 1;
    ctx.emit(EventType::kRotationEnded, cadre, from, post,
             higher ? events::kReasonPromote : events::kReasonStay);
  }
  // Close the vacancy.
  const Day vacant_days = ctx.now() - ps.vacant_since;
  clear_acting(w, post);
  w.set_holder(post, cadre);
  ps.chain = 0;
  ps.fill_pending = false;  // a pending attempt for this vacancy is now stale
  ps.outgoing = false;
  c.last_post = from;
  c.post = post;
  c.post_since = ctx.now();
  c.consecutive_terms = 1;
  const model::Title& title = ctx.org.title_of(post);
  // Time in the current or an equivalent post: a rotation (to an equivalent post, QĐ 65
  // Art. 4.3) or a return from one keeps the clock; a post of higher rank restarts it.
  const bool rotation_move = type == EventType::kMoved || reason == events::kReasonReturn;
  if (c.equivalent_rank < 0 || (!rotation_move && title.rank > c.equivalent_rank)) {
    c.equivalent_since = ctx.now();
    c.equivalent_rank = title.rank;
  }
  c.term_end = 0;
  if (title.tenure == model::TenureKind::kAppointed) {
    c.term_end = kernel::add_months(ctx.now(), ctx.scenario.terms.appointment_months);
    ctx.sim.schedule(c.term_end, kAppointmentTermEnd, cadre, kPriorityTerm);
  }
  // Leave the unplaced list if there (only cadres without a post are on it).
  if (from == model::kNoPost) w.remove_unplaced(cadre);
  // Planned for this post: the entry is used up (other entries wait for the next review).
  if (cadre < w.plan_count.size() && w.plan_count[cadre] > 0) {
    int used = 0;
    for (auto& e : w.plan_of(post))
      if (e.cadre == cadre) {
        w.plan.remove(e);
        ++used;
      }
    w.plan_count[cadre] = static_cast<std::uint8_t>(w.plan_count[cadre] - used);
    w.plan.squeeze_if_sparse();
  }
  start_adaptation(ctx, cadre, post);
  ctx.emit(type, cadre, from, post, reason, value);
  // A rotation's reason is its flow index, not a reason code: the vacancy closes "rotation_in".
  ctx.emit(EventType::kVacancyClosed, cadre, from, post,
           type == EventType::kMoved ? std::uint16_t{events::kReasonRotationIn} : reason,
           vacant_days);
  // The filler's own post continues the chain; an outsider or an unplaced cadre ends it.
  if (from != model::kNoPost) {
    w.set_holder(from, model::kNoCadre);
    open_vacancy(ctx, from, old_post_reason, chain);
  } else if (chain != 0) {
    auto& ch = w.chains[chain];
    ch.ended = true;
    ch.end_reason = type == EventType::kRecruited ? kChainRecruitment : kChainPlacement;
  }
}

void add_plan_entry(model::World& w, const model::PlanEntry& entry) {
  w.note_planned(entry.cadre, entry.post);
  w.plan.insert(entry);
}

void append_plan_entry(model::World& w, const model::PlanEntry& entry) {
  w.note_planned(entry.cadre, entry.post);
  w.plan.push_back(entry);
}

void merge_plan_entries(model::World& w, std::size_t from) {
  w.plan.merge_appended(from);
}

void set_acting(model::World& w, PostId post, CadreId cadre) {
  w.posts[post].acting = cadre;
  ++w.cadres[cadre].acting_posts;
}

void clear_acting(model::World& w, PostId post) {
  CadreId& a = w.posts[post].acting;
  if (a == model::kNoCadre) return;
  --w.cadres[a].acting_posts;
  a = model::kNoCadre;
}

void unplan_cadre(RuleContext& ctx, CadreId cadre, std::uint16_t reason) {
  auto& w = ctx.world;
  if (cadre < w.plan_count.size() && w.plan_count[cadre] == 0) return;  // planned nowhere
  // The cadre's entries, in post order; the scan starts at the bound of their lowest post and
  // stops after the last of them (plan_count says how many there are). Each becomes a gap.
  std::size_t left = cadre < w.plan_count.size() ? w.plan_count[cadre] : w.plan.size();
  const auto start = cadre < w.plan_first_post.size() ? w.plan.from_post(w.plan_first_post[cadre])
                                                      : w.plan.begin();
  bool found = false;
  for (auto it = start; it != w.plan.end() && left > 0; ++it)
    if (it->cadre == cadre) {
      ctx.emit(EventType::kUnplanned, cadre, model::kNoPost, it->post, reason);
      w.plan.remove(*it);
      found = true;
      --left;
    }
  if (!found) return;
  w.plan.squeeze_if_sparse();
  w.plan_count[cadre] = 0;
}

void leave_service(RuleContext& ctx, CadreId cadre, model::ExitCause cause) {
  auto& w = ctx.world;
  auto& c = w.cadres[cadre];
  if (c.status != model::CadreStatus::kActive) return;
  const bool retired =
      cause == model::ExitCause::kRetirement || cause == model::ExitCause::kEarlyRetirement;
  c.status = retired ? model::CadreStatus::kRetired : model::CadreStatus::kLeft;
  c.exit_cause = cause;
  c.exited = ctx.now();
  ++w.exited;
  ctx.sim.cancel(cadre);
  unplan_cadre(ctx, cadre, events::kReasonGone);
  if (c.post == model::kNoPost) w.remove_unplaced(cadre);  // only those are on the list
  // Stop acting anywhere (the scan only for a cadre who acts somewhere).
  for (PostId p = 0; c.acting_posts > 0 && p < w.posts.size(); ++p)
    if (w.posts[p].acting == cadre) clear_acting(w, p);
  const PostId post = c.post;
  std::uint16_t reason = events::kReasonNone;
  switch (cause) {
    case model::ExitCause::kRetirement:
      reason = events::kReasonStatutory;
      break;
    case model::ExitCause::kEarlyRetirement:
      reason = events::kReasonEarly;
      break;
    case model::ExitCause::kResignation:
      reason = events::kReasonResignation;
      break;
    case model::ExitCause::kHealth:
      reason = events::kReasonHealth;
      break;
    case model::ExitCause::kDiscipline:
      reason = events::kReasonDiscipline;
      break;
    case model::ExitCause::kTransfer:
      reason = events::kReasonTransfer;
      break;
    case model::ExitCause::kNone:
      break;
  }
  ctx.emit(retired ? EventType::kRetired : EventType::kLeft, cadre, post, model::kNoPost, reason);
  if (post != model::kNoPost) open_vacancy(ctx, post, events::kReasonExit);
  c.post = model::kNoPost;
  w.set_rotation_active(cadre, false);
}

}  // namespace cadresim::rules
