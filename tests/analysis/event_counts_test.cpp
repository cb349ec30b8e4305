// The yearly counts and sums that MetricsCollector::on_events adds up (analysis/metrics.cpp,
// docs/model.md § Metrics) agree, over the whole run, with the event log of the same run counted
// here from the events' types and reasons. on_events adds to accumulators it found once by
// position in its tables of names (AllCounter, ReasonCounter), so a name out of step with its
// position would move counts between series: every series below is checked against the log.
#include <gtest/gtest.h>

#include <cmath>       // std::abs
#include <filesystem>  // std::filesystem::path
#include <map>         // expected counts
#include <span>        // std::span
#include <string>      // std::string
#include <vector>      // the log

#include "analysis/metrics.hpp"
#include "analysis_test_support.hpp"  // paths in the source tree, the small scenario
#include "sim/engine/engine.hpp"
#include "sim/scenario/loader.hpp"

namespace cadresim::analysis {
namespace {

using events::EventType;

using analysistest::src;

class EventLog : public engine::Observer {
 public:
  void on_events(std::span<const events::DomainEvent> batch, const model::World&) override {
    log.insert(log.end(), batch.begin(), batch.end());
  }
  std::vector<events::DomainEvent> log;
};

// Every (metric, group) on_events counts from the event's type and reason alone, with the count
// or the sum of values the log gives it.
std::map<SeriesKey, double> expected_from(const model::Scenario& s,
                                          const std::vector<events::DomainEvent>& log) {
  std::map<SeriesKey, double> x;
  auto add = [&](const std::string& m, const std::string& g, double v = 1.0) { x[{m, g}] += v; };
  auto reason = [](const events::DomainEvent& e) {
    return std::string(events::reason_name(e.reason));
  };
  for (const auto& e : log) {
    switch (e.type) {
      case EventType::kMoved:
        add("rotations", "all");
        add("shortfall_sum", "all", e.value);
        break;
      case EventType::kRotationPlanned:
        add("rotation_quota", "all", e.value);
        break;
      case EventType::kOffered:
        add("rotation_offers", "all");
        break;
      case EventType::kRefused:
        add("refusals", "all");
        break;
      case EventType::kReturnedEarly:
        add("early_returns", "all");
        break;
      case EventType::kRotationEnded:
        add("rotation_outcomes", reason(e));
        break;
      case EventType::kEvaluated:
        add("ratings", reason(e));
        if (e.from != model::kNoPost) {
          add("evaluations", "all");
          if (e.reason == events::kReasonRatingGood || e.reason == events::kReasonRatingExcellent)
            add("completed_well", "all");
          add("ratings_rotated", reason(e));
        }
        break;
      case EventType::kSupportPaid:
        add("support_cost_vnd", "all", e.value);
        add("support_cost_vnd", reason(e), e.value);
        break;
      case EventType::kAppointed:
        add("appointments", "all");
        add("appointments", reason(e));
        break;
      case EventType::kElected:
        add("elections", "all");
        break;
      case EventType::kReelected:
        add("reelections", "all");
        break;
      case EventType::kRecruited:
        add("recruitments", "all");
        break;
      case EventType::kRetired:
        add("retirements", "all");
        add("retirements", reason(e));
        break;
      case EventType::kLeft:
        add("exits", "all");
        add("exits", reason(e));
        break;
      case EventType::kVacancyOpened:
        add("vacancies_opened", e.to == model::kNoPost
                                    ? std::string("none")
                                    : s.organisation.levels[s.organisation.level_of(e.to)].id);
        break;
      case EventType::kVacancyClosed:
        add("vacancies_filled", "all");
        add("time_to_fill_days", "all", e.value);
        break;
      case EventType::kTermLimitReached:
        add("term_limits", "all");
        break;
      case EventType::kNonNativeUnmet:
        add("non_native_unmet", "all");
        break;
      case EventType::kPlanned:
        add("planned", "all");
        break;
      case EventType::kUnplanned:
        add("unplanned", "all");
        add("unplanned", reason(e));
        break;
      case EventType::kRestructured:
        add("reform_placed", reason(e));
        break;
      case EventType::kSurplus:
        add("reform_surplus", reason(e));
        break;
      default:
        break;
    }
  }
  return x;
}

void expect_totals_match_log(const char* path) {
  SCOPED_TRACE(path);
  const auto loaded = scenario::load_scenario_file(src(path));
  const model::Scenario& s = loaded.scenario;
  engine::Engine e(s, 7, 0);
  MetricsCollector m(s);
  EventLog c;
  e.add_observer(m);
  e.add_observer(c);
  e.run();
  const auto expected = expected_from(s, c.log);
  // Every type the table above counts occurs in these runs (a series that never moves would
  // not show a count landing in the wrong place).
  std::map<std::string, int> metrics_seen;
  for (const auto& [key, v] : expected) metrics_seen[key.metric] += v != 0;
  for (const char* metric :
       {"rotations",         "shortfall_sum",     "rotation_quota", "rotation_offers",
        "rotation_outcomes", "ratings",           "evaluations",    "completed_well",
        "ratings_rotated",   "appointments",      "elections",      "reelections",
        "recruitments",      "retirements",       "exits",          "vacancies_opened",
        "vacancies_filled",  "time_to_fill_days", "planned",        "unplanned"})
    EXPECT_GT(metrics_seen[metric], 0) << metric << " never occurs: choose a richer scenario";
  const auto& totals = m.result().totals;
  for (const auto& [key, want] : expected) {
    const auto it = totals.find(key);
    ASSERT_NE(it, totals.end()) << key.metric << "/" << key.group;
    // Counts are whole numbers, exact in doubles; a sum of values is added up in another order
    // here (event by event) than in the totals (year by year), so it may differ by rounding:
    // a few units in the last place of the sum (relative 1e-12 is far above that).
    EXPECT_NEAR(it->second, want, 1e-12 * std::abs(want)) << key.metric << "/" << key.group;
  }
  // And no series counted here holds more than the log gave it: every group of these metrics
  // in the totals is one the log has, or zero.
  for (const auto& [key, v] : totals) {
    if (!metrics_seen.count(key.metric) || expected.count(key)) continue;
    if (key.metric == "rotations" || key.metric == "vacancy_months") continue;  // flows, states
    EXPECT_EQ(v, 0) << key.metric << "/" << key.group << " has counts the log does not";
  }
}

TEST(EventCounts, WholeRunTotalsAgreeWithTheEventLog) {
  expect_totals_match_log("scenarios/dien-bien/two-tier-full-compensation.json");
  expect_totals_match_log("scenarios/training/son-mai-top-up.json");
}

}  // namespace
}  // namespace cadresim::analysis
