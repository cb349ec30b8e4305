#pragma once
/// @file Shock cards on their dates (docs/model.md § Shock cards): a named cadre or holders
/// drawn among matching posts leave the service suddenly; every card is recorded in the event
/// log. Parameter changes and merges of cards take effect through the dated changes and
/// structural events they were turned into when the scenario was read.

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// Runs shock card `index` of the scenario on its date: records it (event `shock`, value =
/// `index`, reason = its kind) and, for a departure card, makes the named cadre (if still in
/// service) or `count` holders drawn among the matching posts in force leave the service with
/// the card's cause; each leaver is recorded by a `shock` event (cadre, post) before the
/// `left` event. The draws use their own random purpose (kRngShock, entity = a hash of the
/// card's id), so no other draw shifts and the same card draws the same holders wherever it
/// stands in the list. An extra rotation round is run by the engine after this.
void apply_shock(RuleContext& ctx, const model::Shock& card, std::uint32_t index);

}  // namespace cadresim::rules
