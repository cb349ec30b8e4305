// Personnel actions by managing tier (analysis/metrics.cpp, docs/model.md § Managing tiers):
// the yearly series `personnel_actions` ("<tier>/planned|appointed|mobilised|rotated") agree
// with the event log of the same run, classified here from the scenario file's own tier lists;
// they add up to the existing totals; every tier has its groups in every replication; and the
// text summary, series.csv and report.json carry them.
#include <gtest/gtest.h>

#include <filesystem>  // std::filesystem::path
#include <fstream>     // std::ifstream
#include <map>         // expected counts
#include <span>        // std::span
#include <string>      // std::string

#include "analysis/metrics.hpp"
#include "analysis/report.hpp"
#include "analysis/runner.hpp"
#include "analysis_test_support.hpp"  // paths in the source tree, the small scenario
#include "sim/engine/engine.hpp"
#include "sim/scenario/loader.hpp"

namespace cadresim::analysis {
namespace {

using events::EventType;

using analysistest::src;

const scenario::LoadedScenario& tiered() {
  static const auto s = scenario::load_scenario_file(src("tests/data/tiers-small.json"));
  return s;
}

// Keeps every event of a run; a move from no post (a term-limited head) gets the cadre's
// rotation origin, the post last held, in place of `from`.
class ActionLog : public engine::Observer {
 public:
  void on_events(std::span<const events::DomainEvent> batch, const model::World& w) override {
    for (auto e : batch) {
      if (e.type == EventType::kMoved && e.from == model::kNoPost)
        e.from = w.cadres[e.cadre].rotation.origin_post;
      log.push_back(e);
    }
  }
  std::vector<events::DomainEvent> log;
};

struct Outcome {
  ReplicationResult result;
  std::vector<events::DomainEvent> log;
};

Outcome run(const model::Scenario& s, std::uint64_t seed) {
  engine::Engine e(s, seed, 0);
  MetricsCollector m(s);
  ActionLog c;
  e.add_observer(m);
  e.add_observer(c);
  e.run();
  return {m.result(), std::move(c.log)};
}

double total(const ReplicationResult& r, const std::string& metric, const std::string& group) {
  const auto it = r.totals.find({metric, group});
  return it == r.totals.end() ? -1 : it->second;
}

TEST(PersonnelActions, CountsByTierAgreeWithTheEventLog) {
  const auto& l = tiered();
  const auto& org = l.scenario.organisation;
  // Title id -> tier id, straight from the scenario file.
  std::map<std::string, std::string> tier_of_title;
  for (const auto& t : l.resolved.at("managing_tiers"))
    for (const auto& title : t.at("titles")) tier_of_title[title] = t.at("id");
  ASSERT_EQ(tier_of_title.size(), org.titles.size());
  auto tier = [&](model::PostId p) { return tier_of_title.at(org.title_of(p).id); };
  for (std::uint64_t seed : {1u, 2u}) {
    SCOPED_TRACE(seed);
    const Outcome r = run(l.scenario, seed);
    std::map<std::string, double> want;
    for (const auto& t : {"province-sc", "district-sc"})
      for (const auto& a : {"planned", "appointed", "mobilised", "rotated"})
        want[std::string(t) + "/" + a] = 0;
    for (const auto& e : r.log) {
      if (e.type == EventType::kPlanned) ++want[tier(e.to) + "/planned"];
      if (e.type == EventType::kAppointed || e.type == EventType::kElected) {
        ++want[tier(e.to) + "/appointed"];
        if (e.from != model::kNoPost && org.posts[e.from].unit != org.posts[e.to].unit &&
            e.reason != events::kReasonReturn && e.reason != events::kReasonPromote)
          ++want[tier(e.to) + "/mobilised"];
      }
      if (e.type == EventType::kMoved) ++want[tier(e.from) + "/rotated"];
    }
    double planned = 0, appointed = 0, rotated = 0, mobilised = 0;
    for (const auto& [group, n] : want) {
      EXPECT_EQ(total(r.result, "personnel_actions", group), n) << group;
      // Yearly values add up to the total.
      double sum = 0;
      for (double v : r.result.yearly.at({"personnel_actions", group})) sum += v;
      EXPECT_EQ(sum, n) << group;
      const std::string action = group.substr(group.find('/') + 1);
      (action == "planned"     ? planned
       : action == "appointed" ? appointed
       : action == "rotated"   ? rotated
                               : mobilised) += n;
    }
    // Every tier's actions together are the run's plan additions, new holders and moves.
    EXPECT_EQ(planned, total(r.result, "planned", "all"));
    EXPECT_EQ(appointed,
              total(r.result, "appointments", "all") + total(r.result, "elections", "all"));
    EXPECT_EQ(rotated, total(r.result, "rotations", "all"));
    EXPECT_GT(planned, 0);
    EXPECT_GT(appointed, 0);
    EXPECT_GT(mobilised, 0);
    EXPECT_GT(rotated, 0);
    EXPECT_LE(mobilised, appointed);
    // Commune chairs belong to the province here: some of its plan additions are for them.
    EXPECT_GT(want["district-sc/planned"], 0);
    EXPECT_GT(want["province-sc/planned"], 0);
  }
}

TEST(PersonnelActions, DefaultTiersAreDeclaredInEveryReplicationWithoutTiers) {
  const auto l = scenario::load_scenario_file(src("scenarios/training/small-district.json"));
  const Outcome r = run(l.scenario, 1);
  double rotated = 0;
  for (const char* level : {"province", "district", "commune"})
    for (const char* a : {"planned", "appointed", "mobilised", "rotated"}) {
      const std::string group = std::string("parent-of-") + level + "/" + a;
      EXPECT_GE(total(r.result, "personnel_actions", group), 0) << group;  // -1: absent
      if (std::string(a) == "rotated") rotated += total(r.result, "personnel_actions", group);
    }
  EXPECT_EQ(rotated, total(r.result, "rotations", "all"));
}

TEST(PersonnelActions, TheSummarySeriesAndReportCarryTheTable) {
  const std::vector<ScenarioResults> rs{analysistest::run_results(tiered(), 3, 3)};
  Provenance p;
  p.replications = 3;
  const std::string text = format_summary(rs, p);
  EXPECT_NE(text.find("Personnel actions by managing tier (whole run)"), std::string::npos) << text;
  EXPECT_NE(text.find("Provincial standing committee"), std::string::npos) << text;
  EXPECT_NE(text.find("District standing committee"), std::string::npos) << text;
  const std::string csv = series_csv(rs);
  EXPECT_NE(csv.find(",personnel_actions_per_year,province-sc/rotated,"), std::string::npos);
  EXPECT_NE(csv.find(",personnel_actions_total,district-sc/mobilised,"), std::string::npos);
  const auto json = report_json(rs, p);
  bool found = false;
  for (const auto& y : json.at("scenarios")[0].at("results").at("yearly"))
    found =
        found || (y.at("metric") == "personnel_actions" && y.at("group") == "district-sc/planned");
  EXPECT_TRUE(found);
  const std::string html = report_html(json);
  const std::size_t section = html.find("<section id=\"managing-tiers\">");
  ASSERT_NE(section, std::string::npos);
  EXPECT_NE(html.find("<td>Provincial standing committee<", section), std::string::npos);
  EXPECT_NE(html.find("<td>District standing committee<", section), std::string::npos);
  EXPECT_NE(html.find("href=\"#managing-tiers\""), std::string::npos);
}

}  // namespace
}  // namespace cadresim::analysis
