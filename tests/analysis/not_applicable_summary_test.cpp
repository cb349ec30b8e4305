// Figures that apply in only some replications (docs/model.md § Statistics): the terminal
// summary gives the mean over those and says in how many; compare lists them under its table.
// engine-small has no rotations, so its per-move figures apply nowhere; one replication is given
// a move here, as a scenario with a small quota would have in some replications only.
#include <gtest/gtest.h>

#include <cmath>   // std::isnan
#include <string>  // the summary's text
#include <vector>  // replications

#include "analysis/aggregation.hpp"
#include "analysis/report.hpp"
#include "analysis/runner.hpp"
#include "analysis_test_support.hpp"  // small()

namespace cadresim::analysis {
namespace {

using analysistest::small;

constexpr const char* kLabel = "Average income shortfall of a rotated cadre, % of previous income";

std::vector<ReplicationResult> replications() {
  RunOptions o;
  o.seed = 4;
  o.replications = 3;
  o.threads = 1;
  return run_replications(small().scenario, o);
}

ScenarioResults results_of(const std::string& name, const std::vector<ReplicationResult>& reps) {
  ScenarioResults r;
  r.name = name;
  r.source = "test";
  r.resolved = small().resolved;
  r.scenario = &small().scenario;
  r.aggregate = aggregate(reps);
  return r;
}

TEST(NotApplicableSummary, APartlyApplicableFigureSaysInHowManyReplications) {
  auto reps = replications();
  for (const auto& r : reps) ASSERT_TRUE(std::isnan(r.totals.at({"shortfall_mean", "all"})));
  reps[1].totals[{"shortfall_mean", "all"}] = 0.1;  // one move, 10 % less income
  Provenance p;
  p.replications = 3;
  const std::string run = format_summary({results_of("partly", reps)}, p);
  const auto at = run.find(kLabel);
  ASSERT_NE(at, std::string::npos) << run;
  const std::string row = run.substr(at, run.find('\n', at) - at);
  EXPECT_TRUE(row.ends_with("10.0 (in 1 of 3 replications)")) << row;

  // Compare: the variant's figure applies nowhere ("n/a", "not applicable"); the base's in one
  // replication, said under the table.
  ScenarioResults base = results_of("partly", reps);
  ScenarioResults variant = results_of("nowhere", replications());
  variant.difference = paired_difference(reps, replications());
  variant.has_difference = true;
  const std::string cmp = format_summary({base, variant}, p);
  const auto row_at = cmp.find(std::string("  ") + kLabel);
  ASSERT_NE(row_at, std::string::npos) << cmp;
  const std::string cmp_row = cmp.substr(row_at, cmp.find('\n', row_at) - row_at);
  EXPECT_NE(cmp_row.find(" 10.0 "), std::string::npos) << cmp_row;
  EXPECT_NE(cmp_row.find(" n/a "), std::string::npos) << cmp_row;
  EXPECT_TRUE(cmp_row.ends_with(" not applicable")) << cmp_row;
  EXPECT_NE(cmp.find(std::string(kLabel) + ": in partly, applies in 1 of 3 replications"),
            std::string::npos)
      << cmp;
}

}  // namespace
}  // namespace cadresim::analysis
