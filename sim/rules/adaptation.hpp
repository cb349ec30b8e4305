#pragma once
/// @file Adaptation (docs/model.md § Adaptation). After any move, effectiveness ramps up:
///   E(t) = competence × (1 − D · exp(−t / τ)) × (1 − effort penalty)
/// with D the deficit (larger without prior experience at the destination's level) and τ the
/// time constant, multiplied by the mentoring and supervision factors when those supports are
/// on for the move (support targeting). Months at grassroots levels raise competence (in the
/// monthly process). The annual evaluation (sim/rules/evaluation.hpp) rates E.

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// Starts the adaptation ramp of `cadre` at `post` (call before experience is credited there).
void start_adaptation(RuleContext& ctx, CadreId cadre, PostId post);
/// Effectiveness of the cadre on `day` (0..1).
double effectiveness(const model::Cadre& c, Day day);
/// The adaptation deficit not yet made up on `day`: D · exp(−t / τ) (0..1), "still settling".
double unsettled(const model::Cadre& c, Day day);

}  // namespace cadresim::rules
