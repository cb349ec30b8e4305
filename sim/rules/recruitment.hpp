#pragma once
/// @file Recruitment (docs/model.md § Recruitment): an entry post that no internal candidate
/// fills is filled from outside after a delay; the recruit's age, sex, origin (native or not),
/// grade and competence come from the scenario's distributions.

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// Schedules a recruit's arrival at `post` after the recruitment delay.
void start_recruitment(RuleContext& ctx, PostId post);
/// Handles the arrival: creates the cadre and gives them the post if it is still open.
void recruit_arrives(RuleContext& ctx, PostId post);
/// Creates a new active cadre (no post yet) drawn from the recruitment distributions.
CadreId create_recruit(RuleContext& ctx, PostId post);
/// Schedules the arrival of a cadre transferred in from outside the organisation to fill
/// `post` (a non-entry post that requires a non-native nobody inside can take), after
/// appointment.non_native_transfer_in_months; recruit_arrives places them.
void start_transfer_in(RuleContext& ctx, PostId post);
/// Creates that cadre: drawn like a holder of the post at the start (population section),
/// with home outside the organisation and at least the months before retirement that a first
/// or higher appointment needs.
CadreId create_transfer(RuleContext& ctx, PostId post);

}  // namespace cadresim::rules
