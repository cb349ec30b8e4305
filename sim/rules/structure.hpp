#pragma once
/// @file Structural events on a date (docs/model.md § Structural events): posts of units that
/// end are closed, their holders placed into posts by priority, the rest handled by the surplus
/// policy (reassignment, secondment or early exit with its cost), plans for ended posts
/// removed and redone, and every mapping recorded in the event log.

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// Applies structural event `ev` (number `event_index` of the scenario's list). `ctx.org` is
/// the organisation in force from the event's date; `before` the one in force until then.
void restructure(RuleContext& ctx, const model::Organisation& before,
                 const model::StructuralEvent& ev, std::uint32_t event_index);

/// End of a secondment: the cadre, still without a post, joins the unplaced cadres who are
/// first in line for vacancies.
void secondment_end(RuleContext& ctx, CadreId cadre);

}  // namespace cadresim::rules
