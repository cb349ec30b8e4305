#pragma once
/// @file Rotation — luân chuyển (docs/model.md § Rotation). On each plan date, every flow of
/// the plan (origin level → destination level, same-level sector change, commune → commune
/// inside a district, ...) gets a quota (a count, its fractional part drawn as a Bernoulli, or a
/// rate of the eligible). Eligible: in the succession plan (if required), ≥ 10 years before
/// retirement (≥ 5 for non-native and term-limit rotations), minimum months in post, not
/// already rotated; term-limit flows take heads left without a post at the term limit.
/// Destination: a post of equivalent rank at the destination level (one step higher, with a
/// small probability, for outstanding cadres), vacant ones first, then units short of staff and
/// especially-difficult units; never breaking a required non-native rule. If no post is vacant,
/// the incumbent of the best equivalent post is moved aside (bố trí, sắp xếp) and placed later.
/// The cadre accepts with the reluctance probability; a refusal leaves or keeps them in the plan.
/// The offer is valued with support (sim/rules/support.hpp: move_terms).
/// The rotation lasts a drawn duration (≥ 36 months); at its end the cadre returns to the
/// origin unit, is promoted, or stays (the move becomes permanent), with probabilities set by
/// the last annual rating (sim/rules/evaluation.hpp). Cadres may ask to return early: the
/// reluctance hazard, raised while they are still settling and by a weak rating.

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// Yearly early-return hazard of a rotated cadre today: the reluctance rate for the move's
/// shortfall × (1 + w · unsettled) × the rating's multiplier.
double early_return_hazard_per_year(const RuleContext& ctx, CadreId cadre);
/// Runs the rotation plan; `plan_number` keys its random draws.
void rotation_plan(RuleContext& ctx, std::uint32_t plan_number);
/// Moves `cadre` (already accepted) to `dest` as a rotation of `flow`, displacing any holder.
void rotate_into(RuleContext& ctx, CadreId cadre, PostId dest, std::uint16_t flow,
                 int duration_months);
/// Handles the planned end of a rotation.
void rotation_end(RuleContext& ctx, CadreId cadre);
/// Monthly early-return hazard of a rotated cadre; returns true if they went back.
bool early_return_month(RuleContext& ctx, CadreId cadre);
/// Runs a scripted move (training exercises, the article's story).
void scripted_move(RuleContext& ctx, const model::ScriptedMove& move);

}  // namespace cadresim::rules
