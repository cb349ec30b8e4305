// Staffing: non-leadership civil servants as an aggregate stock per unit (docs/model.md
// § Staffing). Rule: headcount(u) = held posts(u) + staff(u) is compared with the unit's
// establishment E(u); the non-leadership quota is Q(u) = E(u) − posts(u). At the start
// staff(u) = round(ratio × Q(u)), ratio drawn per unit from the level's distribution. Each
// yearly step: (1) each staff member leaves with probability x (a Bernoulli draw per person:
// exits ~ Binomial(staff, x)); (2) each unit in surplus offers round(r × (headcount − E)) of its
// staff (at most its staff), and units of the same level under the same parent with room take
// them one by one, the one with the most room first; (3) unless hiring is frozen, each unit
// recruits round(s × room), room = min(E − headcount, Q − staff) ≥ 0, so recruitment never
// takes a unit above its establishment. round(·) is the random rounding floor(y) + Bernoulli(y −
// floor(y)), whose mean is y. Draws: purpose kRngStaffing, entity = unit, index =
// staffing_draw_index(step, phase, k), so existing streams are untouched.
#include "sim/rules/staffing.hpp"

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::floor
#include <queue>      // std::priority_queue: receivers by room
#include <utility>    // std::pair
#include <vector>     // std::vector

namespace cadresim::rules {

using model::UnitId;

namespace {

// floor(y) + 1 with probability y − floor(y): an integer with mean y.
int random_round(double y, double u) {
  const double whole = std::floor(y);
  return static_cast<int>(whole) + (u < y - whole ? 1 : 0);
}

void emit_by_level(RuleContext& ctx, events::EventType type, const std::vector<int>& by_level) {
  for (std::size_t l = 0; l < by_level.size(); ++l)
    if (by_level[l] > 0)
      ctx.emit(type, model::kNoCadre, model::kNoPost, model::kNoPost, static_cast<std::uint16_t>(l),
               by_level[l]);
}

}  // namespace

int staff_room(const model::World& w, const model::Organisation& org, UnitId unit) {
  const int to_establishment = org.units[unit].establishment - unit_headcount(w, org, unit);
  const int to_quota = staff_quota(org, unit) - w.staff[unit];
  return std::max(0, std::min(to_establishment, to_quota));
}

void build_staff(RuleContext& ctx) {
  const auto& p = ctx.scenario.staffing;
  if (!p.enabled) return;
  const auto& org = ctx.org;
  auto& staff = ctx.world.staff;
  staff.assign(org.units.size(), 0);
  for (UnitId u = 0; u < org.units.size(); ++u) {
    const int quota = staff_quota(org, u);
    if (quota == 0) continue;
    const double ratio = p.initial_ratio_by_level[org.units[u].level].sample(
        ctx.rng.uniform(kRngStaffing, u, staffing_draw_index(0, kStaffingInitial, 0)));
    const double u_round =
        ctx.rng.uniform(kRngStaffing, u, staffing_draw_index(0, kStaffingInitial, 1));
    staff[u] = std::max(0, random_round(std::max(0.0, ratio) * quota, u_round));
  }
}

int staff_exits(RuleContext& ctx, std::uint32_t step, std::vector<int>& by_level) {
  const double x = ctx.scenario.staffing.exit_rate_per_year;
  auto& staff = ctx.world.staff;
  int total = 0;
  for (UnitId u = 0; u < staff.size(); ++u) {
    int left = 0;
    for (int k = 0; k < staff[u]; ++k)
      left +=
          ctx.rng.uniform(kRngStaffing, u,
                          staffing_draw_index(step, kStaffingExit, static_cast<unsigned>(k))) < x;
    staff[u] -= left;
    by_level[ctx.org.units[u].level] += left;
    total += left;
  }
  return total;
}

int staff_redeploy(RuleContext& ctx, std::uint32_t step, std::vector<int>& by_level) {
  const double r = ctx.scenario.staffing.redeployment_share_of_surplus_per_year;
  if (r <= 0) return 0;
  const auto& org = ctx.org;
  auto& w = ctx.world;
  int total = 0;
  // Receivers of one (parent, level) group: (room, −unit), most room first, then lowest id.
  std::priority_queue<std::pair<int, long long>> receivers;
  for (UnitId parent = 0; parent < org.units.size(); ++parent) {
    const auto& kids = org.children[parent];
    if (kids.size() < 2) continue;
    for (model::LevelId level = 0; level < org.levels.size(); ++level) {
      receivers = {};
      for (UnitId k : kids)
        if (org.units[k].level == level)
          if (const int room = staff_room(w, org, k); room > 0)
            receivers.emplace(room, -static_cast<long long>(k));
      if (receivers.empty()) continue;
      for (UnitId donor : kids) {
        if (org.units[donor].level != level) continue;
        const int surplus = unit_headcount(w, org, donor) - org.units[donor].establishment;
        if (surplus <= 0) continue;
        const double u =
            ctx.rng.uniform(kRngStaffing, donor, staffing_draw_index(step, kStaffingRedeploy, 0));
        int offer = std::min(w.staff[donor], random_round(r * surplus, u));
        while (offer > 0 && !receivers.empty()) {
          auto [room, neg_unit] = receivers.top();
          receivers.pop();
          ++w.staff[static_cast<UnitId>(-neg_unit)];
          --w.staff[donor];
          --offer;
          ++by_level[level];
          ++total;
          if (room > 1) receivers.emplace(room - 1, neg_unit);
        }
        if (receivers.empty()) break;
      }
    }
  }
  return total;
}

int staff_recruit(RuleContext& ctx, std::uint32_t step, std::vector<int>& by_level) {
  const auto& p = ctx.scenario.staffing;
  if (p.hiring_freeze) return 0;
  auto& w = ctx.world;
  int total = 0;
  for (UnitId u = 0; u < w.staff.size(); ++u) {
    const int room = staff_room(w, ctx.org, u);
    if (room == 0) continue;
    const double draw =
        ctx.rng.uniform(kRngStaffing, u, staffing_draw_index(step, kStaffingRecruit, 0));
    const int hires =
        std::min(room, random_round(p.recruitment_share_of_gap_per_year * room, draw));
    w.staff[u] += hires;
    by_level[ctx.org.units[u].level] += hires;
    total += hires;
  }
  return total;
}

void staffing_step(RuleContext& ctx, std::uint32_t step) {
  if (!staffing_on(ctx.world)) return;
  const std::size_t levels = ctx.org.levels.size();
  std::vector<int> exited(levels, 0), moved(levels, 0), hired(levels, 0);
  staff_exits(ctx, step, exited);
  staff_redeploy(ctx, step, moved);
  staff_recruit(ctx, step, hired);
  emit_by_level(ctx, events::EventType::kStaffExited, exited);
  emit_by_level(ctx, events::EventType::kStaffRedeployed, moved);
  emit_by_level(ctx, events::EventType::kStaffRecruited, hired);
}

}  // namespace cadresim::rules
