#pragma once
/// @file Staffing (docs/model.md § Staffing): each unit's non-leadership civil servants are an
/// aggregate stock, so that the unit's headcount, held posts + staff, can be short of or in
/// surplus over its establishment. Once a year, in this order: every staff member leaves with
/// probability `exit_rate_per_year`; a share of each unit's surplus is redeployed to short units
/// of the same level under the same parent; a share of each unit's remaining gap is recruited,
/// never above the establishment nor above the non-leadership quota (establishment − posts).
/// Off (World::staff empty) unless the scenario has a "staffing" section.

#include <cstdint>  // std::uint32_t, std::uint64_t
#include <vector>   // std::vector: counts by level

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// True when the staffing mechanism runs in this world.
inline bool staffing_on(const model::World& w) {
  return !w.staff.empty();
}

/// Posts of `unit` that have a substantive holder (the world's count when it keeps one for
/// this organisation).
inline int held_posts(const model::World& w, const model::Organisation& org, model::UnitId unit) {
  if (w.org == &org && w.held_in_unit.size() == org.units.size())
    return static_cast<int>(w.held_in_unit[unit]);
  int held = 0;
  for (PostId p : org.posts_of_unit[unit]) held += w.posts[p].holder != model::kNoCadre;
  return held;
}

/// Headcount of `unit`: held posts plus non-leadership staff (0 staff when staffing is off).
inline int unit_headcount(const model::World& w, const model::Organisation& org,
                          model::UnitId unit) {
  return held_posts(w, org, unit) + (staffing_on(w) ? w.staff[unit] : 0);
}

/// Non-leadership quota of `unit`: establishment − posts (≥ 0; the loader checks it); 0 for a
/// unit not in force (docs/model.md § Structural events).
inline int staff_quota(const model::Organisation& org, model::UnitId unit) {
  if (!org.unit_active[unit]) return 0;
  const int posts = static_cast<int>(org.posts_of_unit[unit].size());
  return org.units[unit].establishment > posts ? org.units[unit].establishment - posts : 0;
}

/// Phases of a staffing step, each with its own random indices.
enum StaffingPhase : std::uint64_t {
  kStaffingInitial = 0,   ///< step 0: k = 0 the ratio, k = 1 the rounding
  kStaffingExit = 1,      ///< k = the k-th staff member present before the step
  kStaffingRedeploy = 2,  ///< k = 0: rounding of the share of surplus offered
  kStaffingRecruit = 3,   ///< k = 0: rounding of the share of the gap recruited
};

/// Counter index of draw `k` of `phase` at step `step` (purpose kRngStaffing, entity = unit).
constexpr std::uint64_t staffing_draw_index(std::uint32_t step, StaffingPhase phase,
                                            std::uint64_t k) {
  return (static_cast<std::uint64_t>(step) << 32) | (static_cast<std::uint64_t>(phase) << 28) |
         (k & 0x0FFFFFFFu);
}

/// Room for recruitment or redeployment into `unit`:
/// min(establishment − headcount, quota − staff), at least 0.
int staff_room(const model::World& w, const model::Organisation& org, model::UnitId unit);

/// Sizes World::staff and draws each unit's initial stock, round(ratio × quota) with the ratio
/// from `initial_ratio_by_level` and a random rounding. Nothing when staffing is off.
void build_staff(RuleContext& ctx);

/// Yearly step number `step` (1 = the first step date after the start): exits, then
/// redeployment, then recruitment. Emits staff_exited / staff_redeployed / staff_recruited per
/// level with the number of persons as value.
void staffing_step(RuleContext& ctx, std::uint32_t step);

/// The three parts of the step, exposed for tests. Each adds the persons concerned, by level,
/// to `by_level` (sized to the number of levels) and returns the total.
int staff_exits(RuleContext& ctx, std::uint32_t step, std::vector<int>& by_level);
/// Redeployment within each parent (moves staff only between units of one level).
int staff_redeploy(RuleContext& ctx, std::uint32_t step, std::vector<int>& by_level);
/// Recruitment (none under a hiring freeze).
int staff_recruit(RuleContext& ctx, std::uint32_t step, std::vector<int>& by_level);

}  // namespace cadresim::rules
