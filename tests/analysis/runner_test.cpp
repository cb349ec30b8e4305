// Replications, statistics and outputs: interval coverage, thread-count independence, common
// random numbers, and outputs that parse.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../test_scratch.hpp"  // unique_temp_dir: scratch per test and process
#include "analysis/event_log_csv.hpp"
#include "analysis/report.hpp"
#include "analysis/runner.hpp"
#include "analysis/statistics.hpp"
#include "analysis_test_support.hpp"  // paths in the source tree, the small scenario
#include "sim/engine/engine.hpp"
#include "sim/kernel/random.hpp"
#include "sim/scenario/csv.hpp"
#include "sim/scenario/loader.hpp"

namespace cadresim::analysis {
namespace {

using analysistest::src;

// Coverage: for n = 20 normal observations the Student-t 95 % interval contains the true mean
// with probability exactly 0.95. Over 4000 independent samples the hit count is binomial:
// |coverage − 0.95| < 4·sqrt(0.95·0.05/4000) ≈ 0.014.
TEST(Statistics, TheConfidenceIntervalCoversTheMeanNinetyFivePercentOfTheTime) {
  const kernel::RandomKey key(99, 0);
  const int trials = 4000, n = 20;
  const double mu = 3.0, sigma = 2.0;
  int hits = 0;
  std::vector<double> x(n);
  for (int t = 0; t < trials; ++t) {
    for (int i = 0; i < n; ++i) x[i] = kernel::sample::normal(key.uniform(1, t, i), mu, sigma);
    const Summary s = summarise(x);
    hits += s.ci_low <= mu && mu <= s.ci_high;
  }
  const double coverage = static_cast<double>(hits) / trials;
  EXPECT_NEAR(coverage, 0.95, 4 * std::sqrt(0.95 * 0.05 / trials));
}

TEST(Statistics, QuantilesAndIntervalsOfKnownSamples) {
  const std::vector<double> v{1, 2, 3, 4, 5};
  const Summary s = summarise(v);
  EXPECT_DOUBLE_EQ(s.mean, 3);
  EXPECT_DOUBLE_EQ(s.sd, std::sqrt(2.5));
  EXPECT_DOUBLE_EQ(s.p50, 3);
  EXPECT_DOUBLE_EQ(s.p05, 1.2);
  EXPECT_NEAR(t_critical(0.95, 4), 2.776445, 1e-6);
  EXPECT_NEAR(s.ci_high - s.mean, 2.776445 * std::sqrt(2.5) / std::sqrt(5.0), 1e-6);
  const Summary one = summarise(std::vector<double>{7});
  EXPECT_EQ(one.ci_low, 7);
  EXPECT_EQ(one.ci_high, 7);
}

using analysistest::results_for;
using analysistest::small;

TEST(Runner, OutputsAreIdenticalBytesForOneAndTwoThreads) {
  RunOptions o;
  o.seed = 5;
  o.replications = 12;
  o.threads = 1;
  const auto one = run_replications(small().scenario, o);
  o.threads = 2;
  const auto two = run_replications(small().scenario, o);
  Provenance p;
  p.seed = 5;
  p.replications = 12;
  p.created = "fixed";
  const std::vector<ScenarioResults> a{results_for(small(), one)}, b{results_for(small(), two)};
  EXPECT_EQ(series_csv(a), series_csv(b));
  EXPECT_EQ(report_json(a, p).dump(), report_json(b, p).dump());
  EXPECT_EQ(format_summary(a, p), format_summary(b, p));
}

// Common random numbers: the same cadres with the same personal draws face both policies, so
// the paired difference varies much less than the difference of independent runs, whose
// variance is var(base) + var(variant).
TEST(Runner, CommonRandomNumbersShrinkTheVarianceOfDifferences) {
  const auto base = scenario::load_builtin_baseline();
  scenario::LoadedScenario variant = base;
  variant.scenario.support.top_up_vnd_per_month = 2'000'000;
  RunOptions o;
  o.seed = 11;
  o.replications = 30;
  o.until = kernel::make_day(2024, 12, 31);
  const auto rb = run_replications(base.scenario, o);
  const auto rv = run_replications(variant.scenario, o);
  const Aggregate ab = aggregate(rb), av = aggregate(rv), d = paired_difference(rb, rv);
  for (const char* metric : {"rotations", "exits", "vacancy_months"}) {
    const Summary *sb = ab.total(metric), *sv = av.total(metric), *sd = d.total(metric);
    ASSERT_TRUE(sb && sv && sd) << metric;
    const double unpaired = std::sqrt(sb->sd * sb->sd + sv->sd * sv->sd);
    EXPECT_LT(sd->sd, 0.7 * unpaired) << metric;
  }
}

TEST(Runner, EveryOutputFileParses) {
  RunOptions o;
  o.seed = 2;
  o.replications = 4;
  const auto reps = run_replications(small().scenario, o);
  Provenance p;
  p.replications = 4;
  p.created = "2026-01-01T00:00:00Z";
  const std::vector<ScenarioResults> rs{results_for(small(), reps)};
  const auto dir = cadresim::testing_support::unique_temp_dir("runner-test");
  std::filesystem::create_directories(dir);
  const nlohmann::json report = report_json(rs, p);
  write_file_atomic(dir / "report.json", report.dump(1));
  write_file_atomic(dir / "series.csv", series_csv(rs));
  write_file_atomic(dir / "report.html", report_html(report));
  std::ifstream in(dir / "report.json");
  const nlohmann::json back = nlohmann::json::parse(in);
  EXPECT_EQ(back["scenarios"][0]["name"], "engine-small");
  EXPECT_FALSE(back["scenarios"][0]["results"]["monthly"].empty());
  const auto csv = scenario::read_csv_file(dir / "series.csv");
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv.table.header,
            (std::vector<std::string>{"scenario", "metric", "group", "date", "mean", "ci_low",
                                      "ci_high", "p05", "p50", "p95"}));
  EXPECT_GT(csv.table.rows.size(), 1000u);
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos)
        << "temporary file left behind";
  std::filesystem::remove_all(dir);
}

// The article's story: Vàng A Kỷ, Party Secretary of Phìn Hồ, rotated to Si Pa Phìn in July 2020.
TEST(Story, ThePhinHoToSiPaPhinRotationAppearsInTheEventLogWithBothUnits) {
  const auto base = scenario::load_builtin_baseline();
  engine::Engine e(base.scenario, 1, 0);
  EventLogCsv log(base.scenario);
  e.add_observer(log);
  e.run_until(kernel::make_day(2020, 12, 31));
  std::istringstream lines(log.text());
  std::string line;
  bool found = false;
  while (std::getline(lines, line))
    if (line.rfind("2020-07-15,moved,vang-a-ky,", 0) == 0 &&
        line.find(",phin-ho/") != std::string::npos &&
        line.find(",si-pa-phin/") != std::string::npos)
      found = true;
  EXPECT_TRUE(found) << "no moved row for vang-a-ky from phin-ho to si-pa-phin on 2020-07-15";
}

}  // namespace
}  // namespace cadresim::analysis
