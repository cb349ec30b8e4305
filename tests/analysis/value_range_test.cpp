// The range of values each series can take (analysis::value_range, docs/model.md § Statistics)
// keeps a scenario's intervals of the mean inside it: a count's lower bound is never negative, a
// share's upper bound never above 1. A declared range that a value falls outside would be wrong,
// so within() leaves such an interval alone; checked here on every shipped Điện Biên and
// training scenario and the national generator's output, so that a new signed metric cannot
// slip under the default "at least 0" unnoticed.
#include <gtest/gtest.h>

#include <cmath>       // std::isnan
#include <filesystem>  // the scenario folders
#include <fstream>     // shock files are not scenarios
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/aggregation.hpp"
#include "analysis/metrics.hpp"
#include "analysis/runner.hpp"
#include "analysis_test_support.hpp"  // src()
#include "sim/scenario/loader.hpp"

namespace cadresim::analysis {
namespace {

namespace fs = std::filesystem;

TEST(ValueRange, IntervalsOfOneScenarioStayInTheRangeAndDifferencesDoNot) {
  // Three replications of a count: 0, 0, 1. The t interval of the mean reaches below 0.
  std::vector<ReplicationResult> reps(3);
  for (std::size_t r = 0; r < 3; ++r) {
    reps[r].totals[{"early_returns", "all"}] = r == 2 ? 1 : 0;
    reps[r].totals[{"completed_well_share", "all"}] = r == 2 ? 0.9 : 1.0;
    reps[r].totals[{"shortfall_mean", "all"}] = r == 2 ? 0.5 : 0.0;  // signed: no bound
  }
  const Aggregate a = aggregate(reps);
  const Summary& count = *a.total("early_returns");
  EXPECT_EQ(count.ci_low, 0.0);
  EXPECT_GT(count.ci_high, 1.0);  // the upper end is the t interval's
  const Summary& share = *a.total("completed_well_share");
  EXPECT_EQ(share.ci_high, 1.0);
  EXPECT_LT(share.ci_low, 0.9);
  EXPECT_LT(a.total("shortfall_mean")->ci_low, 0.0);
  // Paired differences keep their own interval (a difference of counts can be negative).
  std::vector<ReplicationResult> zero(3);
  for (auto& r : zero) r.totals[{"early_returns", "all"}] = 0;
  EXPECT_LT(paired_difference(zero, reps).total("early_returns")->ci_low, 0.0);
  // A value outside the declared range leaves the interval as it is.
  const Summary raw = summarise(std::vector<double>{-1, 0, 2});
  const Summary kept = within(raw, {0, 1}, -1, 2);
  EXPECT_EQ(kept.ci_low, raw.ci_low);
  EXPECT_EQ(kept.ci_high, raw.ci_high);
  // Ranges by metric.
  EXPECT_EQ(value_range({"successor_coverage_1_run_mean", "all"}).high, 1.0);
  EXPECT_EQ(value_range({"election_pipeline", "2025-07-01/key/renewal_share"}).high, 1.0);
  EXPECT_TRUE(std::isinf(value_range({"election_pipeline", "2025-07-01/key/posts"}).high));
  EXPECT_TRUE(std::isinf(value_range({"staffing_gap", "u1"}).low));
}

// An election's counts of posts (pipeline and outcome columns) are at most the title's posts:
// their interval stops at the largest number of posts over the replications. Before, three
// replications of 1, 1, 0 held-over posts out of 1 read "0.7 [-0.8, 2.1]", then "0.7 [0.0,
// 2.1]" of one post. The posts themselves and the renewal share keep their own ranges, and a
// paired difference is not cut.
TEST(ValueRange, AnElectionsCountsStopAtTheTitlesPosts) {
  std::vector<ReplicationResult> reps(3);
  for (std::size_t r = 0; r < 3; ++r) {
    reps[r].totals[{"election_pipeline", "2025-07-01/t/posts"}] = 1;
    reps[r].totals[{"election_pipeline", "2025-07-01/t/held_over"}] = r == 2 ? 0 : 1;
    reps[r].totals[{"election_pipeline", "2025-07-01/t/renewal_share"}] = r == 2 ? 1.0 : 0.0;
    reps[r].totals[{"election_pipeline", "2025-07-01/u/held_over"}] = r == 2 ? 0 : 1;  // no posts
  }
  const Aggregate a = aggregate(reps);
  const Summary& held = *a.total("election_pipeline", "2025-07-01/t/held_over");
  EXPECT_NEAR(held.mean, 2.0 / 3.0, 1e-12);
  EXPECT_EQ(held.ci_low, 0.0);
  EXPECT_EQ(held.ci_high, 1.0) << "at most the one post";
  EXPECT_EQ(a.total("election_pipeline", "2025-07-01/t/renewal_share")->ci_high, 1.0);
  EXPECT_EQ(a.total("election_pipeline", "2025-07-01/t/posts")->ci_high, 1.0);
  EXPECT_GT(a.total("election_pipeline", "2025-07-01/u/held_over")->ci_high, 1.0)
      << "without recorded posts there is no bound";
  std::vector<ReplicationResult> zero = reps;
  for (auto& r : zero) r.totals[{"election_pipeline", "2025-07-01/t/held_over"}] = 0;
  EXPECT_GT(
      paired_difference(zero, reps).total("election_pipeline", "2025-07-01/t/held_over")->ci_high,
      1.0);
}

std::vector<fs::path> scenarios() {
  std::vector<fs::path> out;
  for (const char* folder : {"scenarios/dien-bien", "scenarios/training"})
    for (const auto& e : fs::directory_iterator(analysistest::src(folder))) {
      if (e.path().extension() != ".json") continue;
      std::ifstream in(e.path());
      const auto doc = nlohmann::json::parse(in, nullptr, false);
      if (doc.is_object() && !doc.contains("cards")) out.push_back(e.path());
    }
  out.push_back(analysistest::src("tests/data/national-mini.json"));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ValueRange, EveryValueOfTheShippedScenariosLiesInItsSeriesRange) {
  const auto files = scenarios();
  ASSERT_GE(files.size(), 14u);
  for (const auto& file : files) {
    const auto loaded = scenario::load_scenario_file(file);
    RunOptions o;
    o.seed = 2;
    o.replications = 2;
    o.threads = 1;
    for (const ReplicationResult& r : run_replications(loaded.scenario, o)) {
      auto check = [&](const SeriesKey& key, double v) {
        if (std::isnan(v)) return;  // does not apply there
        const ValueRange range = value_range(key);
        EXPECT_TRUE(v >= range.low && v <= range.high)
            << file.filename() << ": " << key.metric << "/" << key.group << " = " << v;
      };
      for (const auto* section : {&r.monthly, &r.yearly})
        for (const auto& [key, values] : *section)
          for (double v : values) check(key, v);
      for (const auto& [key, v] : r.totals) check(key, v);
    }
  }
}

}  // namespace
}  // namespace cadresim::analysis
