// Terms of office: elections at congresses, appointment terms, the two-term limit.
#include "sim/rules/terms.hpp"

#include <algorithm>  // std::find

#include "sim/rules/succession.hpp"  // best_ready_successor

namespace cadresim::rules {

using events::EventType;

void end_tenure(RuleContext& ctx, CadreId cadre, bool at_term_limit) {
  auto& c = ctx.world.cadres[cadre];
  const PostId post = c.post;
  if (post == model::kNoPost) return;
  if (at_term_limit) {
    ctx.emit(EventType::kTermLimitReached, cadre, post, model::kNoPost);
    if (ctx.org.title_of(post).head) c.term_limit_rotation_candidate = true;
  }
  open_vacancy(ctx, post, events::kReasonTermEnd);
  c.consecutive_terms = 0;
  ctx.world.unplaced.push_back(cadre);
}

namespace {
void elect_into(RuleContext& ctx, PostId post) {
  if (ctx.world.posts[post].holder != model::kNoCadre) return;
  const CadreId s = best_ready_successor(ctx, post);
  if (s != model::kNoCadre) take_post(ctx, s, post, EventType::kElected, events::kReasonSuccessor);
}
}  // namespace

void hold_election(RuleContext& ctx, const model::Election& election, model::TenureKind tenure) {
  const auto& org = ctx.org;
  const auto& tp = ctx.scenario.terms;
  // Posts in a fixed order (by level, then post id) so results do not depend on containers.
  for (model::LevelId level : election.levels) {
    for (model::UnitId u : org.units_of_level[level]) {
      for (PostId post : org.posts_of_unit[u]) {
        if (org.title_of(post).tenure != tenure) continue;
        const CadreId h = ctx.world.posts[post].holder;
        if (h != model::kNoCadre) {
          auto& c = ctx.world.cadres[h];
          const bool under_limit = c.consecutive_terms < tp.max_consecutive_terms;
          const bool young_enough =
              months_to_retirement(c, ctx.now()) >= tp.reelection_min_months_before_retirement;
          if (under_limit && young_enough) {
            ++c.consecutive_terms;
            ctx.emit(EventType::kReelected, h, post, post);
            continue;
          }
          end_tenure(ctx, h, !under_limit);
        }
        elect_into(ctx, post);
      }
    }
  }
}

void appointment_term_end(RuleContext& ctx, CadreId cadre) {
  auto& c = ctx.world.cadres[cadre];
  if (c.status != model::CadreStatus::kActive || c.post == model::kNoPost) return;
  if (c.term_end != ctx.now()) return;  // superseded (moved since)
  const auto& tp = ctx.scenario.terms;
  const model::Title& t = ctx.org.title_of(c.post);
  if (t.tenure != model::TenureKind::kAppointed) return;
  if (t.head && c.consecutive_terms >= tp.max_consecutive_terms) {
    end_tenure(ctx, cadre, true);
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
