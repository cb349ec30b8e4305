// "staffing": non-leadership civil servants as an aggregate stock per unit (docs/model.md
// § Staffing; rule in sim/rules/staffing.cpp). The section's presence turns the mechanism on;
// without it nothing is read, nothing appears in the resolved scenario, and runs are unchanged.
#include "sim/scenario/sections.hpp"

namespace cadresim::scenario {

void read_staffing(FieldReader& top, SectionContext& ctx) {
  if (!top.has("staffing")) return;  // off: nothing in the resolved scenario either
  auto& p = ctx.scenario.staffing;
  p.enabled = true;
  FieldReader r = top.object("staffing");
  r.month_day("step_date", p.step_date);
  // Initial staff / quota by level [A]: normal 0.97 ± 0.08 in [0.7, 1.3] unless given.
  const auto& levels = ctx.scenario.organisation.levels;
  p.initial_ratio_by_level.assign(levels.size(),
                                  {model::DistributionKind::kNormal, 0.97, 0.08, 0.7, 1.3});
  FieldReader m = r.object("initial_ratio_by_level");
  for (std::size_t l = 0; l < levels.size(); ++l)
    m.distribution(levels[l].id, p.initial_ratio_by_level[l], 0, 2);
  m.finish();
  r.probability("exit_rate_per_year", p.exit_rate_per_year);
  r.probability("recruitment_share_of_gap_per_year", p.recruitment_share_of_gap_per_year);
  r.boolean("hiring_freeze", p.hiring_freeze);
  r.probability("redeployment_share_of_surplus_per_year", p.redeployment_share_of_surplus_per_year);
  r.finish();
}

}  // namespace cadresim::scenario
