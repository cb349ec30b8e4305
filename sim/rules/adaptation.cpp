// Adaptation after a move: the effectiveness ramp and how much of it is still to make up.
#include "sim/rules/adaptation.hpp"

#include <algorithm>  // std::max
#include <cmath>      // std::exp

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
  // Mentoring and supervision are support for rotated cadres (when targeted at this move).
  if (c.rotation.active) {
    if (sup.mentoring && (c.rotation.levers & model::kLeverMentoring)) tau *= p.mentoring_factor;
    if (sup.supervision && (c.rotation.levers & model::kLeverSupervision))
      tau *= p.supervision_factor;
  }
  c.adapt_tau_months = tau;
}

double effectiveness(const model::Cadre& c, Day day) {
  return c.competence * (1.0 - unsettled(c, day)) * (1.0 - c.effort_penalty);
}

double unsettled(const model::Cadre& c, Day day) {
  const double months = (day - c.adapt_start) / 30.436875;
  return c.adapt_deficit * std::exp(-std::max(months, 0.0) / c.adapt_tau_months);
}

}  // namespace cadresim::rules
