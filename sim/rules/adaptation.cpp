// Adaptation after a move and the annual evaluation of rotated cadres.
#include "sim/rules/adaptation.hpp"

#include <cmath>  // std::exp

namespace cadresim::rules {

void start_adaptation(RuleContext& ctx, CadreId cadre, PostId post) {
  auto& c = ctx.world.cadres[cadre];
  const auto& p = ctx.scenario.adaptation;
  const auto& sup = ctx.scenario.support;
  const model::LevelId level = ctx.org.level_of(post);
  c.adapt_start = ctx.now();
  c.adapt_deficit =
      c.experience_months[level] > 0 ? p.deficit_with_experience : p.deficit_without_experience;
  double tau = p.time_constant_months;
  // Mentoring and supervision are support for rotated cadres.
  if (c.rotation.active) {
    if (sup.mentoring) tau *= p.mentoring_factor;
    if (sup.supervision) tau *= p.supervision_factor;
  }
  c.adapt_tau_months = tau;
}

double effectiveness(const model::Cadre& c, Day day) {
  const double months = (day - c.adapt_start) / 30.436875;
  const double ramp = 1.0 - c.adapt_deficit * std::exp(-std::max(months, 0.0) / c.adapt_tau_months);
  return c.competence * ramp * (1.0 - c.effort_penalty);
}

void evaluate_rotated(RuleContext& ctx) {
  const double threshold = ctx.scenario.adaptation.completed_well_threshold;
  for (CadreId id = 0; id < ctx.world.cadres.size(); ++id) {
    const auto& c = ctx.world.cadres[id];
    if (c.status != model::CadreStatus::kActive || !c.rotation.active || c.post == model::kNoPost)
      continue;
    const double e = effectiveness(c, ctx.now());
    ctx.emit(events::EventType::kEvaluated, id, c.rotation.origin_post, c.post,
             e >= threshold ? events::kReasonCompletedWell : events::kReasonNotWell, e);
  }
}

}  // namespace cadresim::rules
