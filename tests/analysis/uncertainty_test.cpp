// Latin hypercube, the variance split and sensitivity ranking on toy models with known answers,
// sweep designs, the optimiser's choice, and thread-count independence of the point runner.
#include <gtest/gtest.h>

#include <atomic>  // counting the scenarios alive
#include <cmath>   // std::sqrt, std::log, std::cos
#include <memory>  // std::shared_ptr

#include "analysis/assumptions.hpp"
#include "analysis/experiment.hpp"
#include "analysis/lhs.hpp"
#include "analysis/sweep.hpp"
#include "analysis_test_support.hpp"  // bits_of: values compared NaN included
#include "sim/kernel/random.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/overrides.hpp"

namespace {

using namespace cadresim::analysis;

TEST(LatinHypercube, OneSamplePerStratumInEveryDimension) {
  for (std::size_t n : {1u, 7u, 50u}) {
    const auto x = latin_hypercube(n, 5, 42);
    ASSERT_EQ(x.size(), n);
    for (std::size_t j = 0; j < 5; ++j) {
      std::vector<int> hits(n, 0);
      for (const auto& p : x) {
        ASSERT_GT(p[j], 0.0);
        ASSERT_LT(p[j], 1.0);
        ++hits[static_cast<std::size_t>(p[j] * static_cast<double>(n))];
      }
      for (int h : hits) EXPECT_EQ(h, 1);
    }
  }
}

TEST(LatinHypercube, ReproducibleBySeedAndDifferentAcrossSeeds) {
  EXPECT_EQ(latin_hypercube(20, 3, 7), latin_hypercube(20, 3, 7));
  EXPECT_NE(latin_hypercube(20, 3, 7), latin_hypercube(20, 3, 8));
}

// Toy model: y = a·x + ε with x ~ U(0, 1) across sets (LHS) and ε ~ N(0, s²) within a set.
// The assumptions' variance is a²/12, so their share of a replication's variance is
// (a²/12) / (a²/12 + s²).
TEST(VarianceSplit, RecoversTheShareOfAToyModel) {
  const double a = 6.0, s = 1.0;
  const std::size_t sets = 400, reps = 40;
  const auto x = latin_hypercube(sets, 1, 3);
  const cadresim::kernel::RandomKey key(99, 0);
  std::vector<std::vector<double>> values(sets, std::vector<double>(reps));
  for (std::size_t i = 0; i < sets; ++i)
    for (std::size_t r = 0; r < reps; ++r) {
      const double u1 = key.uniform(i, r, 0), u2 = key.uniform(i, r, 1);
      const double z = std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
      values[i][r] = a * x[i][0] + s * z;
    }
  const VarianceSplit split = split_variance(values);
  const double expected = (a * a / 12) / (a * a / 12 + s * s);  // 0.75
  EXPECT_NEAR(split.share, expected, 0.03);
  EXPECT_NEAR(split.within, s * s, 0.05);
  EXPECT_NEAR(split.assumptions, a * a / 12, 0.2);
}

TEST(VarianceSplit, NoAssumptionEffectGivesAShareNearZero) {
  const cadresim::kernel::RandomKey key(5, 0);
  std::vector<std::vector<double>> values(100, std::vector<double>(20));
  for (std::size_t i = 0; i < 100; ++i)
    for (std::size_t r = 0; r < 20; ++r) values[i][r] = key.uniform(i, r, 0);
  EXPECT_LT(split_variance(values).share, 0.03);
}

// y = 3·x1 + 1·x2 + 0·x3 with independent uniform x: SRC = b·sd(x)/sd(y) = 3/√10, 1/√10, 0.
TEST(StandardizedRegression, RanksAToyModel) {
  const auto u = latin_hypercube(200, 3, 11);
  std::vector<double> y;
  for (const auto& p : u) y.push_back(3 * p[0] + 1 * p[1]);
  double r2 = 0;
  const auto src = standardized_regression(u, y, &r2);
  // Exact in the sample: SRC_j · sd(y) / sd(x_j) is the slope b_j.
  auto sd = [](const std::vector<double>& v) {
    double m = 0, ss = 0;
    for (double x : v) m += x / static_cast<double>(v.size());
    for (double x : v) ss += (x - m) * (x - m);
    return std::sqrt(ss / static_cast<double>(v.size() - 1));
  };
  std::vector<double> x0, x1;
  for (const auto& p : u) x0.push_back(p[0]), x1.push_back(p[1]);
  EXPECT_NEAR(src[0] * sd(y) / sd(x0), 3.0, 1e-9);
  EXPECT_NEAR(src[1] * sd(y) / sd(x1), 1.0, 1e-9);
  EXPECT_NEAR(src[2], 0.0, 1e-9);
  EXPECT_NEAR(r2, 1.0, 1e-9);
  // Near the population values 3/√10 and 1/√10 (sampling correlation of the inputs aside).
  EXPECT_NEAR(src[0], 3 / std::sqrt(10.0), 0.04);
  EXPECT_NEAR(src[1], 1 / std::sqrt(10.0), 0.04);
}

TEST(Sweep, ParsesLeversMetricsAndTargets) {
  std::string error;
  const auto l = parse_lever("/support/top_up_vnd_per_month=0:3000000:500000", error);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->grid().size(), 7u);
  EXPECT_DOUBLE_EQ(l->grid().back(), 3000000);
  EXPECT_FALSE(parse_lever("/x=1:0", error));
  EXPECT_FALSE(parse_lever("/x=0:1:0", error));
  EXPECT_FALSE(parse_lever("/x=a:1", error));
  EXPECT_FALSE(parse_lever("x=0:1", error));
  const auto m = parse_metric("vacancies_end@district", error);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->metric, "vacancies");
  EXPECT_EQ(m->group, "district");
  EXPECT_EQ(m->kind, MetricSpec::Kind::kEnd);
  EXPECT_FALSE(parse_metric("refusals", error));
  const auto t = parse_target("successor_coverage_1_end>=0.8", error);
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->at_most);
  EXPECT_TRUE(t->met_by(0.8));
  EXPECT_FALSE(t->met_by(0.79));
  EXPECT_FALSE(parse_target("refusals_per_year=5", error));
}

TEST(Sweep, GridAndOneAtATimeDesigns) {
  Lever a, b;
  a.pointer = "/a", a.from = 0, a.to = 2, a.step = 1, a.base = 1;
  b.pointer = "/b", b.from = 10, b.to = 20, b.step = 0, b.base = 15;
  const auto grid = design_points({a, b}, Design::kGrid, 0, 1);
  ASSERT_EQ(grid.size(), 6u);
  EXPECT_EQ(grid[1].values, (std::vector<double>{0, 20}));
  const auto oat = design_points({a, b}, Design::kOneAtATime, 0, 1);
  ASSERT_EQ(oat.size(), 1u + 2u + 2u);  // a = 1 is the base value: not run twice
  EXPECT_TRUE(oat[0].is_base);
  EXPECT_EQ(oat[2].values, (std::vector<double>{2, 15}));
  EXPECT_EQ(oat[3].oat_lever, 1);
  const auto lhs = design_points({a, b}, Design::kLhs, 10, 1);
  EXPECT_EQ(lhs.size(), 10u);
}

// Toy optimisation: cost = x, coverage = x / 4 per replication (± a little), refusals = 10 − x.
// Targets refusals ≤ 7 and coverage ≥ 0.8 → x ≥ 3.2: the cheapest feasible grid point is x = 4.
TEST(Optimise, FindsTheKnownCheapestFeasiblePoint) {
  std::vector<std::vector<std::vector<double>>> values;
  for (int x = 0; x <= 6; ++x) {
    std::vector<std::vector<double>> m(3, std::vector<double>(10));
    for (int r = 0; r < 10; ++r) {
      const double wiggle = (r % 2 ? 0.01 : -0.01);
      m[0][static_cast<std::size_t>(r)] = x;
      m[1][static_cast<std::size_t>(r)] = x / 4.0 + wiggle;
      m[2][static_cast<std::size_t>(r)] = 10 - x;
    }
    values.push_back(m);
  }
  std::string error;
  const auto t1 = *parse_target("coverage_end>=0.8", error);
  const auto t2 = *parse_target("refusals_per_year<=7", error);
  const auto o = choose_cheapest(values, 0, {t1, t2}, {1, 2});
  ASSERT_TRUE(o.best);
  EXPECT_EQ(*o.best, 4u);
  EXPECT_DOUBLE_EQ(o.replication_share[4], 1.0);
  EXPECT_FALSE(o.feasible[3]);
  // Unreachable target: nothing feasible, and the closest point is the largest x.
  const auto t3 = *parse_target("coverage_end>=5", error);
  const auto none = choose_cheapest(values, 0, {t3}, {1});
  EXPECT_FALSE(none.best);
  EXPECT_EQ(none.closest, 6u);
}

TEST(RunPoints, IdenticalWhateverTheThreadCount) {
  const auto base = cadresim::scenario::load_scenario_file(
      std::filesystem::path(CADRESIM_SOURCE_DIR) / "tests/data/engine-small.json");
  std::string error;
  const auto top = cadresim::scenario::with_overrides(
      base, {*cadresim::scenario::parse_override("/support/top_up_vnd_per_month=2000000", error)});
  const std::vector<const cadresim::model::Scenario*> pts{&base.scenario, &top.scenario};
  RunOptions o;
  o.seed = 3;
  o.replications = 4;
  o.threads = 1;
  const auto one = run_points(pts, default_metrics(), o);
  o.threads = 2;
  const auto two = run_points(pts, default_metrics(), o);
  EXPECT_EQ(cadresim::analysistest::bits_of(one), cadresim::analysistest::bits_of(two));
  // The nominal point equals the ordinary runner's replications (same keys).
  const auto reps = run_replications(base.scenario, o);
  EXPECT_EQ(one[0][0][2], metric_value(reps[2], default_metrics()[0], run_years(base.scenario)));
}

// Points whose scenarios are made while they run: the same values as scenarios made up front,
// and never more scenarios alive at once than workers (+1 while one is handed over). Before,
// every point's scenario was made first: 9 MB a point of the national scenario, so a design of
// 1,000 points took 9 GB before its first replication.
TEST(RunPoints, ScenariosMadeWhileTheyRunGiveTheSameValuesAndAreFreed) {
  const auto base = cadresim::scenario::load_scenario_file(
      std::filesystem::path(CADRESIM_SOURCE_DIR) / "tests/data/engine-small.json");
  constexpr std::size_t kPoints = 6;
  std::vector<cadresim::scenario::LoadedScenario> up_front;
  for (std::size_t p = 0; p < kPoints; ++p)
    up_front.push_back(cadresim::scenario::with_overrides(
        base, {cadresim::scenario::number_override("/support/top_up_vnd_per_month",
                                                   500000.0 * static_cast<double>(p), true)}));
  std::vector<const cadresim::model::Scenario*> pointers;
  for (const auto& l : up_front) pointers.push_back(&l.scenario);
  RunOptions o;
  o.seed = 5;
  o.replications = 3;
  for (const unsigned threads : {1u, 2u}) {
    SCOPED_TRACE(threads);
    o.threads = threads;
    std::atomic<int> alive{0}, most{0}, made{0};
    const auto lazily = run_points(
        kPoints,
        [&](std::size_t p) {
          ++made;
          const int now = ++alive;
          for (int m = most.load(); now > m && !most.compare_exchange_weak(m, now);) {
          }
          // Counted out when the scenario is freed.
          auto owner = std::shared_ptr<const cadresim::scenario::LoadedScenario>(
              new cadresim::scenario::LoadedScenario(up_front[p]),
              [&](const cadresim::scenario::LoadedScenario* l) {
                --alive;
                delete l;
              });
          return PointScenario(owner, &owner->scenario);
        },
        default_metrics(), o);
    EXPECT_EQ(cadresim::analysistest::bits_of(lazily),
              cadresim::analysistest::bits_of(run_points(pointers, default_metrics(), o)));
    EXPECT_EQ(alive.load(), 0) << "every scenario is freed by the end";
    EXPECT_LE(most.load(), static_cast<int>(threads) + 1);
    // Each point is made once, or again only when every worker had moved past it just as a
    // late task of it started (tasks come point by point): at most once more per worker.
    EXPECT_GE(made.load(), static_cast<int>(kPoints));
    EXPECT_LE(made.load(), static_cast<int>(kPoints + threads));
  }
}

// The --assumptions table in both languages: the same rows and numbers, the English texts as they
// were, the Vietnamese with the catalog's headings and decimal commas.
TEST(AssumptionTable, IsWrittenInEnglishOrVietnamese) {
  AssumptionStudy s;
  s.assumptions.push_back({});
  s.assumptions[0].pointer = "/mechanisms/refusal/base";
  s.sets = {{0.1}, {0.2}};
  s.replications = 4;
  HeadlineUncertainty h;
  h.metric.name = "vacancies_key_run_mean";
  h.monte_carlo.mean = 12.5, h.monte_carlo.ci_low = 11.25, h.monte_carlo.ci_high = 13.75;
  h.set_means.mean = 12.5, h.total_low = 10.5, h.total_high = 14.5;
  h.split.share = 0.25;
  h.src = {0.5};
  h.ranking = {0};
  s.headlines.push_back(h);
  const std::string en = format_assumption_study(s, Lang::kEn);
  const std::string vi = format_assumption_study(s, Lang::kVi);
  EXPECT_EQ(en.rfind("\nUncertainty from assumptions: 2 parameter sets (Latin hypercube over 1", 0),
            0u)
      << en;
  EXPECT_NE(en.find("12.5 [11.25, 13.75]"), std::string::npos) << en;
  EXPECT_NE(en.find("most influential"), std::string::npos);
  EXPECT_NE(en.find("/mechanisms/refusal/base (+0.50)"), std::string::npos) << en;
  EXPECT_NE(vi.find("Bất định do các giả định: 2 bộ tham số"), std::string::npos) << vi;
  EXPECT_NE(vi.find("12,5 [11,25; 13,75]"), std::string::npos) << vi;
  EXPECT_NE(vi.find("ảnh hưởng nhiều nhất"), std::string::npos);
  EXPECT_NE(vi.find("/mechanisms/refusal/base (+0,50)"), std::string::npos) << vi;
  EXPECT_EQ(vi.find("Uncertainty"), std::string::npos);
}

}  // namespace
