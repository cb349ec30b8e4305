#pragma once
/// @file Support policies for rotated cadres (docs/model.md § Support): the levers a scenario
/// turns on, which moves each lever reaches (targeting), how the cadre values them in the
/// decision to accept, and what each costs the budget. Levers: monthly top-up (fixed VND and/or
/// a share of the income shortfall), one-off grant by distance band, housing (in kind: offsets
/// the second-household cost), travel allowance, reserved position allowance and salary scale
/// (QĐ 65 Art. 11), mentoring and supervision (shorten adaptation, sim/rules/adaptation.hpp).
///
/// One rule puts every lever on the scale of the monthly shortfall: the support value V is
///   V = cash (top-up + travel) + in-kind share × housing's value (the second-household cost it
///       avoids, when the move needs one) + grant × r / (1 − (1 + r)^−T)
/// with r the monthly discount rate and T the expected rotation length in months (the grant as
/// the annuity of equal value); the reserved regime enters the destination income itself.

#include "sim/rules/context.hpp"
#include "sim/rules/income.hpp"  // ReservedRegime

namespace cadresim::rules {

/// What a candidate move would mean for the cadre: the income gap before support, the levers
/// that reach it, and the relative shortfall s after the support's value.
struct MoveTerms {
  double gap_vnd = 0;             ///< monthly income lost by the move before support, VND
  double support_value_vnd = 0;   ///< monthly value of the support that reaches the move, VND
  double shortfall = 0;           ///< s = (gap − value) / income before the move
  std::uint8_t levers = 0;        ///< model::SupportLever bits
  bool second_household = false;  ///< the destination is beyond commuting distance from home
  double distance_km = 0;         ///< origin to destination
};

/// True if a lever limited by `target` reaches a move to `dest` under flow `flow` (a flow index
/// or model::kScriptedFlow) with gap `gap_vnd` before support.
bool target_reaches(const model::Scenario& s, const model::SupportTarget& target, PostId dest,
                    std::uint16_t flow, double gap_vnd);
/// The SupportLever bits a move receives (levers that are on and whose target it meets).
std::uint8_t levers_for(const model::Scenario& s, PostId dest, std::uint16_t flow, double gap_vnd);
/// Monthly cash support, VND, given the shortfall in VND before support and the lever bits.
double cash_support_vnd(const model::SupportParams& p, double shortfall_vnd, std::uint8_t levers);
/// One-off grant for a move over `distance_km`.
double one_off_grant_vnd(const model::SupportParams& p, double distance_km);
/// Monthly equivalent of a one-off amount over `months` at the valuation's discount rate.
double monthly_equivalent(const model::SupportValuation& v, double one_off_vnd, double months);
/// The regime a cadre keeps when moved from `origin` (QĐ 65 Art. 11: a lower salary scale or
/// position allowance at the destination does not apply); zeros when the lever is off.
ReservedRegime reserved_regime(const model::Scenario& s, const model::Cadre& cadre, PostId origin);
/// The terms of moving `cadre` from `from` to `to` under flow `flow`, today.
MoveTerms move_terms(const RuleContext& ctx, CadreId cadre, PostId from, PostId to,
                     std::uint16_t flow);
/// Pays (emits support_paid for) each lever's monthly cost for a rotated cadre; returns the total.
double pay_monthly_support(RuleContext& ctx, CadreId cadre);
/// Pays the one-off grant at the move (when the move receives it); returns it.
double pay_one_off_grant(RuleContext& ctx, CadreId cadre, double distance_km);

}  // namespace cadresim::rules
