#pragma once
/// @file Push-model pools (docs/model.md § Pools): grades with no fixed number of posts. At
/// the start each state holds its initial stock. At each yearly step every member independently
/// moves to state j with probability P_ij or leaves with w_i = 1 − Σ_j P_ij (one uniform per
/// member and step, inverse transform over the row); then r_j recruits arrive in each state j
/// (the integer part always, one more with probability equal to the fraction, so E = r_j).
/// Pool members hold no post and no other mechanism touches them (no retirement, attrition,
/// succession, rotation or appointment), so a scenario made only of pools is exactly the Markov
/// chain n(t+1) = n(t) P + r of analysis/markov.

#include <cstdint>  // std::uint32_t

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// True if the cadre is a pool member (active or not).
inline bool in_pool(const model::Cadre& c) {
  return c.pool_state != model::kNoPoolState;
}

/// Creates the initial stock of every pool state (counted in World::initial_cadres).
void build_pool_stocks(RuleContext& ctx);

/// The yearly step number `step` (1 = the first step date after the start): moves and exits
/// of the members present before the step, then recruitment.
void pool_step(RuleContext& ctx, std::uint32_t step);

}  // namespace cadresim::rules
