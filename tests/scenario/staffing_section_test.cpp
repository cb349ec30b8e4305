// The "staffing" section (sim/scenario/staffing_section.cpp): absent, the mechanism is off and
// nothing appears in the resolved scenario; present (even empty), it is on with every default
// written out; a variant deletes it with null; bad values are reported together, each at its
// JSON pointer (more cases in tests/data/bad/staffing-*.json).
#include <gmock/gmock.h>  // HasSubstr
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>  // editing scenario documents

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../test_scratch.hpp"        // unique_temp_dir: scratch per test and process
#include "scenario_test_support.hpp"  // the training scenario, the loader's problems
#include "sim/scenario/loader.hpp"

namespace {

using cadresim::scenario::InvalidInput;
using cadresim::scenario::Problem;
using nlohmann::json;
using testing::HasSubstr;

using cadresim::scenariotest::kTraining;
using cadresim::scenariotest::problem_at;
using cadresim::scenariotest::problems_of;

json training() {
  std::ifstream in(kTraining);
  return json::parse(in);
}

cadresim::scenario::LoadedScenario build(const json& doc) {
  return cadresim::scenario::build_scenario(doc, "test.json", kTraining.parent_path());
}

TEST(StaffingSection, AbsentMeansOffAndNothingInTheResolvedScenario) {
  const auto s = build(training());
  EXPECT_FALSE(s.scenario.staffing.enabled);
  EXPECT_FALSE(s.resolved.contains("staffing"));
}

TEST(StaffingSection, AnEmptySectionTurnsItOnWithEveryDefaultWrittenOut) {
  json doc = training();
  doc["staffing"] = json::object();
  const auto s = build(doc);
  const auto& p = s.scenario.staffing;
  EXPECT_TRUE(p.enabled);
  ASSERT_EQ(p.initial_ratio_by_level.size(), s.scenario.organisation.levels.size());
  EXPECT_DOUBLE_EQ(p.initial_ratio_by_level.back().mean, 0.97);
  EXPECT_DOUBLE_EQ(p.initial_ratio_by_level.back().sd, 0.08);
  EXPECT_DOUBLE_EQ(p.exit_rate_per_year, 0.04);
  EXPECT_DOUBLE_EQ(p.recruitment_share_of_gap_per_year, 0.5);
  EXPECT_FALSE(p.hiring_freeze);
  EXPECT_DOUBLE_EQ(p.redeployment_share_of_surplus_per_year, 0.25);
  const json& r = s.resolved.at("staffing");
  EXPECT_EQ(r.at("step_date"), "01-01");
  EXPECT_EQ(r.at("initial_ratio_by_level").at("commune").at("distribution"), "normal");
  EXPECT_EQ(r.at("exit_rate_per_year"), 0.04);
  // The resolved document reloads to itself.
  EXPECT_EQ(build(s.resolved).resolved, s.resolved);
}

TEST(StaffingSection, BadValuesAreAllReportedAtTheirPointers) {
  json doc = training();
  doc["staffing"] = {{"step_date", "13-01"},
                     {"exit_rate_per_year", -0.1},
                     {"recruitment_share_of_gap_per_year", 2},
                     {"redeployment_share_of_surplus_per_year", "a lot"},
                     {"initial_ratio_by_level", {{"commune", -1}}}};
  const auto problems = problems_of(doc, kTraining.parent_path());
  EXPECT_THAT(problem_at(problems, "/staffing/step_date"), HasSubstr("must be an annual date"));
  EXPECT_THAT(problem_at(problems, "/staffing/exit_rate_per_year"),
              HasSubstr("must be between 0 and 1, found -0.1"));
  EXPECT_THAT(problem_at(problems, "/staffing/recruitment_share_of_gap_per_year"),
              HasSubstr("must be between 0 and 1, found 2"));
  EXPECT_THAT(problem_at(problems, "/staffing/redeployment_share_of_surplus_per_year"),
              HasSubstr("must be a number"));
  EXPECT_THAT(problem_at(problems, "/staffing/initial_ratio_by_level/commune"),
              HasSubstr("must be between 0 and 2, found -1"));
}

TEST(StaffingSection, AVariantTurnsItOffWithNull) {
  // Merge patch: null deletes the key, so the base's staffing is gone.
  const auto dir = cadresim::testing_support::unique_temp_dir("staffing-section-test");
  std::filesystem::create_directories(dir);
  json base = training();
  base["staffing"] = {{"exit_rate_per_year", 0.05}};
  std::ofstream(dir / "base.json") << base.dump();
  std::ofstream(dir / "variant.json") << R"({"extends": "base.json", "staffing": null})";
  EXPECT_TRUE(cadresim::scenario::load_scenario_file(dir / "base.json").scenario.staffing.enabled);
  EXPECT_FALSE(
      cadresim::scenario::load_scenario_file(dir / "variant.json").scenario.staffing.enabled);
}

}  // namespace
