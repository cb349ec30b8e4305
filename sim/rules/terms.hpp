#pragma once
/// @file Terms of office (docs/model.md § Terms). At each party congress (party-term titles)
/// and state election (state-term titles), on the levels it covers, every elected post is
/// re-filled: the incumbent stays if under the consecutive-term limit (default 2) and with
/// enough months before retirement (re-election age rule); otherwise the best ready-now planned
/// successor is elected, or the post opens for the appointment rule. A head leaving at the
/// term limit becomes a rotation candidate. Appointed titles run fixed appointments (60
/// months): a head at the limit leaves the post, a cadre close to retirement is extended to
/// retirement, the others are re-appointed.

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// Holds an election of `tenure` titles on the levels of `election`.
void hold_election(RuleContext& ctx, const model::Election& election, model::TenureKind tenure);
/// Handles the end of a cadre's appointment.
void appointment_term_end(RuleContext& ctx, CadreId cadre);
/// Removes an incumbent who may not continue: the post opens (reason term end), the cadre is
/// left without a post (and flagged as a rotation candidate if a head at the term limit).
void end_tenure(RuleContext& ctx, CadreId cadre, bool at_term_limit);

}  // namespace cadresim::rules
