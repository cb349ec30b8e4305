#pragma once
/// @file Push-model pools (docs/model.md § Pools): states with no fixed number of posts, such
/// as civil-servant grades (ngạch). Once a year every member moves to another state or leaves
/// with fixed per-cadre probabilities, then recruits arrive; a scenario made only of pools is a
/// Markov manpower chain n(t+1) = n(t) P + r. Plain data; the rule is sim/rules/pools.cpp.

#include <cstdint>  // std::uint16_t
#include <string>   // std::string
#include <vector>   // std::vector

#include "sim/model/ids.hpp"  // LevelId

namespace cadresim::model {

/// One entry of a row of the pool transition matrix.
struct PoolTransition {
  std::uint16_t to = 0;    ///< index of the destination state in PoolParams::states
  double probability = 0;  ///< P(in `to` one step later | in this state now)
};

/// A pool state (a grade): its stock, recruitment and yearly transitions.
struct PoolState {
  std::string id;                ///< unique identifier used in scenarios ("A1")
  std::string name;              ///< display name
  LevelId level = 0;             ///< level of the hierarchy the grade belongs to
  int initial_stock = 0;         ///< members at the start
  double recruits_per_year = 0;  ///< expected recruits per step (integer part always arrives)
  /// Row of P, sorted by destination, zero entries omitted; staying is the entry `to` = this
  /// state. The rest of the row, 1 − Σ probability, is the probability of leaving.
  std::vector<PoolTransition> transitions;
};

/// All pools of a scenario (empty when the scenario has none).
struct PoolParams {
  // The step date is stored as month and day because model::MonthDay is declared in
  // scenario.hpp, which includes this header.
  unsigned step_month = 1;  ///< month of the yearly step (default 1 January)
  unsigned step_day = 1;    ///< day of the yearly step (29 February falls back to 28 February)
  std::vector<PoolState> states;
};

}  // namespace cadresim::model
