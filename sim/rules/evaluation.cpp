// Annual evaluation: ratings from effectiveness, and the tables the ratings select.
#include "sim/rules/evaluation.hpp"

#include "sim/rules/adaptation.hpp"  // effectiveness
#include "sim/rules/succession.hpp"  // refresh_candidate_summary

namespace cadresim::rules {

model::Rating rating_for(const model::EvaluationParams& p, double e) {
  if (e >= p.excellent_min) return model::Rating::kExcellent;
  if (e >= p.good_min) return model::Rating::kGood;
  if (e >= p.completed_min) return model::Rating::kCompleted;
  return model::Rating::kNotCompleted;
}

const model::OutcomeProbabilities& outcome_probabilities(const model::EvaluationParams& p,
                                                         model::Rating r) {
  return p.end_outcomes[model::rating_index(r)];
}

std::uint16_t rating_reason(model::Rating r) {
  switch (r) {
    case model::Rating::kNotCompleted:
      return events::kReasonRatingNotCompleted;
    case model::Rating::kCompleted:
      return events::kReasonRatingCompleted;
    case model::Rating::kGood:
      return events::kReasonRatingGood;
    case model::Rating::kExcellent:
      return events::kReasonRatingExcellent;
    case model::Rating::kNone:
      break;
  }
  return events::kReasonNone;
}

void evaluate_all(RuleContext& ctx) {
  const auto& p = ctx.scenario.evaluation;
  for (CadreId id = 0; id < ctx.world.cadres.size(); ++id) {
    auto& c = ctx.world.cadres[id];
    if (c.status != model::CadreStatus::kActive || c.post == model::kNoPost) continue;
    const double e = effectiveness(c, ctx.now());
    c.rating = rating_for(p, e);
    // The rating bonus has changed; the copies in tour order are made after the loop.
    refresh_candidate_summary(ctx, id, SlotCopy::kCallerCopiesAll);
    ctx.emit(events::EventType::kEvaluated, id,
             c.rotation.active ? c.rotation.origin_post : model::kNoPost, c.post,
             rating_reason(c.rating), e);
  }
  ctx.world.copy_summaries_to_slots();
}

}  // namespace cadresim::rules
