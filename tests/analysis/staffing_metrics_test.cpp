// Staffing metrics end to end (docs/model.md § Staffing, § Metrics): on the Điện Biên baseline
// the headcount of held posts + non-leadership staff puts some units in surplus and some short
// at the same month end — the article's "surplus in some places, shortage in others"; the
// series add up (surplus and shortage against the end-of-run staffing_gap per unit); yearly
// flows balance the stock; and without a "staffing" section none of these series exists.
#include <gtest/gtest.h>

#include <algorithm>   // std::max
#include <filesystem>  // std::filesystem::path
#include <string>
#include <vector>

#include "analysis/runner.hpp"
#include "analysis_test_support.hpp"  // paths in the source tree, the small scenario
#include "sim/scenario/loader.hpp"

namespace {

using cadresim::analysis::ReplicationResult;
using cadresim::analysis::RunOptions;
using cadresim::model::Scenario;

using cadresim::analysistest::kSource;

Scenario baseline() {
  return cadresim::scenario::load_scenario_file(kSource / "scenarios/dien-bien/baseline.json")
      .scenario;
}

std::vector<ReplicationResult> run(const Scenario& s, std::size_t n) {
  RunOptions o;
  o.seed = 20240613;
  o.replications = n;
  o.threads = 2;
  return cadresim::analysis::run_replications(s, o);
}

TEST(StaffingMetrics, OnTheBaselineSomeUnitsAreInSurplusWhileOthersAreShort) {
  const Scenario s = baseline();
  ASSERT_TRUE(s.staffing.enabled);
  const auto reps = run(s, 2);
  for (const auto& r : reps) {
    const auto& surplus = r.monthly.at({"units_in_surplus", "commune"});
    const auto& short_units = r.monthly.at({"units_short", "commune"});
    ASSERT_EQ(surplus.size(), r.months.size());
    int both = 0;
    for (std::size_t t = 0; t < r.months.size(); ++t) both += surplus[t] > 0 && short_units[t] > 0;
    EXPECT_GT(both, 0) << "no month with communes both in surplus and short";
    EXPECT_GT(r.totals.at({"units_ever_in_surplus", "all"}), 0);
    EXPECT_GT(r.totals.at({"units_ever_short", "all"}), 0);
    EXPECT_GT(r.totals.at({"units_short_mean", "all"}), 0);
  }
}

TEST(StaffingMetrics, SurplusAndShortageAtTheEndAgreeWithTheStaffingGapPerUnit) {
  const Scenario s = baseline();
  const auto reps = run(s, 1);
  const ReplicationResult& r = reps.front();
  double surplus = 0, shortage = 0, in_surplus = 0, short_units = 0;
  for (const auto& u : s.organisation.units) {
    const double gap = r.totals.at({"staffing_gap", u.id});
    surplus += std::max(0.0, gap);
    shortage += std::max(0.0, -gap);
    in_surplus += gap > 0;
    short_units += gap < 0;
  }
  EXPECT_EQ(r.monthly.at({"headcount_surplus", "all"}).back(), surplus);
  EXPECT_EQ(r.monthly.at({"headcount_shortage", "all"}).back(), shortage);
  EXPECT_EQ(r.monthly.at({"units_in_surplus", "all"}).back(), in_surplus);
  EXPECT_EQ(r.monthly.at({"units_short", "all"}).back(), short_units);
}

TEST(StaffingMetrics, YearlyFlowsBalanceTheStaffStock) {
  // Staff at the end = staff at the first month end + recruited − exited (redeployment moves
  // staff between units and changes no total). The first step is on 1 January 2021, after the
  // first month end (31 July 2020), so every flow falls between the two observations.
  const Scenario s = baseline();
  const auto reps = run(s, 1);
  const ReplicationResult& r = reps.front();
  const auto& staff = r.monthly.at({"staff", "all"});
  const double recruited = r.totals.at({"staff_recruited", "all"});
  const double exited = r.totals.at({"staff_exited", "all"});
  EXPECT_GT(recruited, 0);
  EXPECT_GT(exited, 0);
  EXPECT_GT(r.totals.at({"staff_redeployed", "all"}), 0);
  EXPECT_EQ(staff.back(), staff.front() + recruited - exited);
}

TEST(StaffingMetrics, WithoutAStaffingSectionThereAreNoStaffingSeries) {
  Scenario s = baseline();
  s.staffing.enabled = false;
  const auto reps = run(s, 1);
  const ReplicationResult& r = reps.front();
  EXPECT_EQ(r.monthly.count({"units_short", "all"}), 0u);
  EXPECT_EQ(r.yearly.count({"staff_recruited", "all"}), 0u);
  EXPECT_EQ(r.totals.count({"units_short_mean", "all"}), 0u);
  // The per-unit gap is the held posts only: never a surplus (posts never exceed establishment).
  for (const auto& u : s.organisation.units) EXPECT_LE(r.totals.at({"staffing_gap", u.id}), 0);
}

}  // namespace
