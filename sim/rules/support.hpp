#pragma once
/// @file Support policies for rotated cadres (docs/model.md § Support): the levers a scenario
/// turns on and what each costs the budget. Monthly top-up (fixed VND and/or a share of the
/// income shortfall), one-off grant by distance band, housing (removes the second-household
/// cost, at its own cost), travel allowance, reserved position allowance (QĐ 65 Art. 11: the
/// old, higher allowance is kept), mentoring and supervision (shorten adaptation).

#include "sim/rules/context.hpp"
#include "sim/rules/income.hpp"  // ReservedRegime

namespace cadresim::rules {

/// Monthly support that adds to the rotated cadre's income, VND, given the shortfall in VND
/// before support.
double income_support_vnd(const model::SupportParams& p, double shortfall_vnd);
/// One-off grant for a move over `distance_km`.
double one_off_grant_vnd(const model::SupportParams& p, double distance_km);
/// The regime a cadre keeps when moved from `origin` (QĐ 65 Art. 11: a lower salary scale or
/// position allowance at the destination does not apply); zeros when the lever is off.
ReservedRegime reserved_regime(const model::Scenario& s, const model::Cadre& cadre, PostId origin);
/// Pays (emits support_paid for) each lever's monthly cost for a rotated cadre; returns the total.
double pay_monthly_support(RuleContext& ctx, CadreId cadre);
/// Pays the one-off grant at the move; returns it.
double pay_one_off_grant(RuleContext& ctx, CadreId cadre, double distance_km);

}  // namespace cadresim::rules
