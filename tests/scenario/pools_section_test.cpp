// The "pools" section (sim/scenario/pools_section.cpp): a scenario made only of pools is valid
// without titles; every problem of a bad pools section is reported at once with its pointer
// (unknown keys, probabilities outside [0, 1], rows summing over 1, unknown state ids with a
// suggestion, duplicate ids, unknown levels); titles stay required when there are no pools.
#include <gmock/gmock.h>  // HasSubstr
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>  // building scenario documents

#include <filesystem>
#include <string>
#include <vector>

#include "scenario_test_support.hpp"  // the training scenario, the loader's problems
#include "sim/scenario/loader.hpp"

namespace {

using cadresim::scenario::InvalidInput;
using cadresim::scenario::Problem;
using cadresim::scenariotest::listed;
using cadresim::scenariotest::problem_at;
using cadresim::scenariotest::problems_of;
using nlohmann::json;
using testing::HasSubstr;

const std::filesystem::path kPoolsGrades =
    std::filesystem::path(CADRESIM_SOURCE_DIR) / "tests/data/pools-grades.json";

// A pool-only scenario with two grades; tests edit it.
json pool_only() {
  return json::parse(R"({
    "name": "two-grades",
    "calendar": {"start": "2020-01-01", "end": "2025-12-31"},
    "levels": [{"id": "province"}],
    "units": [{"id": "prov", "level": "province", "parent": null}],
    "retirement": {"table": [{"year": 2020, "men": [60, 0], "women": [55, 0]}]},
    "pools": {"states": [
      {"id": "junior", "level": "province", "initial_stock": 10, "recruits_per_year": 2.5,
       "transitions": {"junior": 0.7, "senior": 0.2}},
      {"id": "senior", "level": "province", "initial_stock": 5, "transitions": {"senior": 0.9}}
    ]}
  })");
}

}  // namespace

TEST(PoolsSection, PoolOnlyScenarioWithoutTitlesIsValid) {
  const auto loaded = cadresim::scenario::build_scenario(pool_only(), "test.json", ".");
  const auto& pools = loaded.scenario.pools;
  ASSERT_EQ(pools.states.size(), 2u);
  EXPECT_TRUE(loaded.scenario.organisation.titles.empty());
  EXPECT_EQ(pools.step_month, 1u);
  EXPECT_EQ(pools.step_day, 1u);
  EXPECT_EQ(pools.states[0].name, "junior");  // the id when no name is given
  EXPECT_EQ(pools.states[0].initial_stock, 10);
  EXPECT_DOUBLE_EQ(pools.states[0].recruits_per_year, 2.5);
  ASSERT_EQ(pools.states[0].transitions.size(), 2u);
  EXPECT_EQ(pools.states[0].transitions[1].to, 1u);
  EXPECT_DOUBLE_EQ(pools.states[0].transitions[1].probability, 0.2);
  // The resolved scenario shows the default step date.
  EXPECT_EQ(loaded.resolved["pools"]["step_date"], "01-01");
}

TEST(PoolsSection, TestScenarioFileLoadsWithFourGrades) {
  const auto loaded = cadresim::scenario::load_scenario_file(kPoolsGrades);
  ASSERT_EQ(loaded.scenario.pools.states.size(), 4u);
  EXPECT_EQ(loaded.scenario.pools.states[2].transitions.size(), 3u);
  EXPECT_TRUE(loaded.scenario.organisation.posts.empty());
}

TEST(PoolsSection, ScenarioWithoutPoolsStillNeedsTitlesAndAnEntryTitle) {
  json doc = pool_only();
  doc.erase("pools");
  EXPECT_THAT(problem_at(problems_of(doc), "/titles"), HasSubstr("required"));
  doc["titles"] = json::array();
  EXPECT_THAT(problem_at(problems_of(doc), "/titles"), HasSubstr("entry"));
}

TEST(PoolsSection, PoolsDoNotExcuseTitlesWithoutAnEntryTitle) {
  json doc = pool_only();
  doc["titles"] = json::parse(R"([{"id": "head", "level": "province"}])");
  EXPECT_THAT(problem_at(problems_of(doc), "/titles"), HasSubstr("entry"));
}

TEST(PoolsSection, EveryProblemIsReportedWithItsPointer) {
  json doc = pool_only();
  auto& s = doc["pools"]["states"];
  s[0]["transitions"] = {{"junior", 0.7}, {"senoir", 0.2}, {"junior2", 1.5}};
  s[0]["colour"] = "blue";
  s[1]["transitions"] = {{"senior", 0.9}, {"junior", 0.2}};
  s[1]["level"] = "provnce";
  s.push_back({{"id", "junior"}, {"level", "province"}, {"initial_stock", -1}});
  doc["pools"]["step_date"] = "13-01";
  const auto problems = problems_of(doc);
  SCOPED_TRACE(listed(problems));
  EXPECT_THAT(problem_at(problems, "/pools/states/0/transitions/senoir"),
              HasSubstr("unknown pool state \"senoir\" (did you mean \"senior\"?)"));
  EXPECT_THAT(problem_at(problems, "/pools/states/0/transitions/junior2"),
              HasSubstr("unknown pool state"));
  EXPECT_THAT(problem_at(problems, "/pools/states/0/colour"), HasSubstr("unknown"));
  EXPECT_THAT(problem_at(problems, "/pools/states/1/transitions"),
              HasSubstr("sum to 1.1, more than 1"));
  EXPECT_THAT(problem_at(problems, "/pools/states/1/level"),
              HasSubstr("did you mean \"province\""));
  EXPECT_THAT(problem_at(problems, "/pools/states/2/id"),
              HasSubstr("duplicate pool state id \"junior\""));
  EXPECT_THAT(problem_at(problems, "/pools/states/2/initial_stock"), HasSubstr("between 0 and"));
  EXPECT_THAT(problem_at(problems, "/pools/step_date"), HasSubstr("MM-DD"));
}

TEST(PoolsSection, ProbabilityOutsideZeroOneIsRefused) {
  json doc = pool_only();
  doc["pools"]["states"][1]["transitions"]["senior"] = -0.1;
  EXPECT_THAT(problem_at(problems_of(doc), "/pools/states/1/transitions/senior"),
              HasSubstr("between 0 and 1"));
  doc["pools"]["states"][1]["transitions"]["senior"] = 1.2;
  EXPECT_THAT(problem_at(problems_of(doc), "/pools/states/1/transitions/senior"),
              HasSubstr("between 0 and 1"));
}

TEST(PoolsSection, RowSummingToOneIsAcceptedAndMeansNobodyLeaves) {
  json doc = pool_only();
  doc["pools"]["states"][1]["transitions"] = {{"senior", 0.9}, {"junior", 0.1}};
  EXPECT_TRUE(problems_of(doc).empty()) << listed(problems_of(doc));
}

TEST(PoolsSection, EmptyOrMissingStateListIsAProblem) {
  json doc = pool_only();
  doc["pools"]["states"] = json::array();
  EXPECT_THAT(problem_at(problems_of(doc), "/pools/states"), HasSubstr("at least one pool state"));
  doc["pools"].erase("states");
  EXPECT_THAT(problem_at(problems_of(doc), "/pools/states"), HasSubstr("required"));
}

TEST(PoolsSection, PoolStateNeedsALevel) {
  json doc = pool_only();
  doc["pools"]["states"][0].erase("level");
  EXPECT_THAT(problem_at(problems_of(doc), "/pools/states/0/level"), HasSubstr("required"));
}

TEST(PoolsSection, ScenarioWithoutPoolsHasNoPoolsKeyInTheResolvedScenario) {
  json doc = pool_only();
  doc.erase("pools");
  doc["titles"] = json::parse(R"([{"id": "staff", "level": "province", "entry": true}])");
  const auto loaded = cadresim::scenario::build_scenario(doc, "test.json", ".");
  EXPECT_TRUE(loaded.scenario.pools.states.empty());
  EXPECT_FALSE(loaded.resolved.contains("pools"));
}
