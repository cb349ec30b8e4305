// The exercise pack (docs/training.md, docs/training/ex*.md): each exercise runs, and what it
// measures falls in the range its sheet states.
//
// How the tolerance is derived. Each sheet states the mean m and the spread across replications
// (sd) measured with the sheet's command (-n 200, seed 1). Here each exercise runs the first
// kReps = 50 replications of the same seed, whose mean has a standard error of sd / sqrt(50). The
// test accepts |mean - m| <= 4 sd / sqrt(50): four standard errors, so an unchanged model fails
// with a probability below 1e-4 (and, the seed being fixed, never flakes), while a change of the
// model that moves the result by more than that is caught and the sheet must be measured again.
// Shares (exercise 5) use the binomial standard error sqrt(p (1 - p) / n) the same way. Exact
// counts (posts ended by the merge) are compared exactly.
#include <gtest/gtest.h>

#include <cmath>       // std::sqrt
#include <filesystem>  // paths in the source tree
#include <map>         // outcome counts
#include <string>      // metric names

#include "analysis/runner.hpp"
#include "sim/engine/engine.hpp"
#include "sim/engine/observer.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/shocks.hpp"

namespace cadresim::analysis {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kReps = 50;

fs::path training(const std::string& relative) {
  return fs::path(CADRESIM_SOURCE_DIR) / "scenarios" / "training" / relative;
}

// The scenario with the given shock files added, as `run SCENARIO --shocks FILE...` builds it.
scenario::LoadedScenario load(const std::string& file, std::vector<std::string> shocks = {}) {
  scenario::LoadedScenario s = scenario::load_scenario_file(training(file));
  for (const auto& f : shocks) s = scenario::with_shocks(s, training(f));
  return s;
}

std::vector<ReplicationResult> run(const model::Scenario& s) {
  RunOptions o;
  o.seed = 1;
  o.replications = kReps;
  o.threads = 1;
  return run_replications(s, o);
}

// Checks the total of `metric/group` against the sheet's mean and sd (n = 200, seed 1).
void expect_as_sheet(const Aggregate& a, const std::string& metric, const std::string& group,
                     double sheet_mean, double sheet_sd) {
  const Summary* s = a.total(metric, group);
  ASSERT_NE(s, nullptr) << metric << "/" << group;
  const double tolerance = 4 * sheet_sd / std::sqrt(static_cast<double>(kReps));
  EXPECT_NEAR(s->mean, sheet_mean, tolerance + 1e-9)
      << metric << "/" << group << ": the sheet says " << sheet_mean << " (sd " << sheet_sd
      << ", n = 200); re-measure the sheet if the model changed";
}

// Exercise 1, docs/training/ex1-sudden-departure.md.
TEST(TrainingExercises, TheSuddenDepartureTakesThreeKeyHoldersAndAddsVacancyMonths) {
  const auto s = load("son-mai.json", {"shocks/sudden-departure.json"});
  const Aggregate a = aggregate(run(s.scenario));
  expect_as_sheet(a, "shock_departures", "all", 2.970, 0.171);
  expect_as_sheet(a, "vacancy_months", "all", 273.465, 50.061);
  expect_as_sheet(a, "successor_coverage_1_run_mean", "all", 0.680, 0.077);
  const Aggregate plain = aggregate(run(load("son-mai.json").scenario));
  expect_as_sheet(plain, "vacancy_months", "all", 242.025, 47.803);
}

// Exercise 2, docs/training/ex2-congress-in-18-months.md (paired, as `compare` does).
TEST(TrainingExercises, TheCongressInEighteenMonthsAndTheExtraRound) {
  const auto base = load("son-mai.json", {"shocks/congress-18-months.json"});
  const auto extra = load("son-mai-extra-round.json", {"shocks/congress-18-months.json"});
  const auto rb = run(base.scenario), rv = run(extra.scenario);
  const Aggregate a = aggregate(rb);
  expect_as_sheet(a, "shock_departures", "all", 3.0, 0.0);
  expect_as_sheet(a, "election_pipeline", "2030-07-01/c25-party-secretary/ready_0", 0.380, 0.916);
  const Aggregate d = paired_difference(rb, rv);
  expect_as_sheet(d, "rotations", "all", 4.290, 0.692);
  expect_as_sheet(d, "election_pipeline", "2030-07-01/key/ready_0", 0.280, 1.308);
}

// Exercise 3, docs/training/ex3-support-budget.md.
TEST(TrainingExercises, ASupportBudgetAgainstTheAllowanceCut) {
  const auto base = load("son-mai.json", {"shocks/allowance-cut.json"});
  const auto top_up = load("son-mai-top-up.json", {"shocks/allowance-cut.json"});
  const auto rb = run(base.scenario), rv = run(top_up.scenario);
  expect_as_sheet(aggregate(rb), "refusals", "all", 7.705, 3.920);
  const Aggregate d = paired_difference(rb, rv);
  expect_as_sheet(d, "refusals", "all", -2.695, 2.651);
  expect_as_sheet(d, "support_cost_vnd", "all", 972778937.0, 172398769.0);
  expect_as_sheet(d, "early_returns", "all", -0.645, 0.907);
}

// Exercise 4, docs/training/ex4-merge-three-communes.md.
TEST(TrainingExercises, MergingThreeCommunesEndsFiftyOnePostsAndLeavesASurplus) {
  const Aggregate a =
      aggregate(run(load("son-mai.json", {"shocks/merge-three-communes.json"}).scenario));
  const Summary* ended = a.total("reform_posts_ended", "all");
  ASSERT_NE(ended, nullptr);
  EXPECT_EQ(ended->mean, 51);  // 3 communes x 17 posts, in every replication
  EXPECT_EQ(ended->sd, 0);
  expect_as_sheet(a, "reform_placed", "all", 17.0, 0.0);
  expect_as_sheet(a, "reform_surplus", "all", 32.830, 1.094);
  expect_as_sheet(a, "reform_surplus", "exited", 6.795, 2.167);
  expect_as_sheet(a, "without_post_run_mean", "all", 12.888, 1.868);
  expect_as_sheet(a, "staff_recruited", "all", 10.145, 3.492);
}

// Exercise 5, docs/training/ex5-follow-one-cadre.md: how Hoàng Thị Lan's rotation ends, over
// replications (the sheet counted `cadresim story ... --replication r` for r < 200).
class RotationEndObserver : public engine::Observer {
 public:
  explicit RotationEndObserver(std::string id) : id_(std::move(id)) {}
  void on_events(std::span<const events::DomainEvent> events, const model::World& w) override {
    for (const auto& e : events) {
      if (e.cadre == model::kNoCadre || e.cadre >= w.cadres.size() || w.cadres[e.cadre].id != id_)
        continue;
      if (!outcome.empty()) continue;  // the first rotation's end only
      if (e.type == events::EventType::kReturnedEarly) outcome = "early";
      if (e.type == events::EventType::kRotationEnded)
        outcome = e.reason == events::kReasonReturn    ? "return"
                  : e.reason == events::kReasonPromote ? "promote"
                                                       : "stay";
      if (e.type == events::EventType::kLeft || e.type == events::EventType::kRetired)
        outcome = "left";
    }
  }
  std::string outcome;

 private:
  std::string id_;
};

TEST(TrainingExercises, FollowingOneRotatedCadreEndsAsTheSheetSays) {
  const model::Scenario s = load("son-mai.json").scenario;
  constexpr std::size_t n = 100;
  std::map<std::string, int> count;
  for (std::size_t r = 0; r < n; ++r) {
    engine::Engine e(s, 1, r);
    RotationEndObserver obs("hoang-thi-lan");
    e.add_observer(obs);
    e.run();
    ++count[obs.outcome.empty() ? "none" : obs.outcome];
  }
  // The sheet's shares (n = 200, seed 1): returned early 28, returned at the end 54, promoted 26,
  // stayed 75, left the service first 17.
  for (const auto& [key, sheet] : std::map<std::string, double>{{"early", 0.14},
                                                                {"return", 0.27},
                                                                {"promote", 0.13},
                                                                {"stay", 0.375},
                                                                {"left", 0.085}}) {
    const double share = count[key] / static_cast<double>(n);
    EXPECT_NEAR(share, sheet, 4 * std::sqrt(sheet * (1 - sheet) / n)) << key;
  }
  EXPECT_EQ(count["none"], 0) << "every rotation ends inside the run (36 months from Feb 2026)";
}

}  // namespace
}  // namespace cadresim::analysis
