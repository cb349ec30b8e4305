// Variants with JSON Patch operations, the whole-array warning, the diff of two scenarios, the
// "assumptions" section and --set overrides.
#include <gtest/gtest.h>

#include <algorithm>   // std::find_if
#include <filesystem>  // temporary scenario files
#include <fstream>     // writing them

#include "../test_scratch.hpp"  // unique_temp_dir: scratch per test and process
#include "sim/scenario/loader.hpp"
#include "sim/scenario/overrides.hpp"
#include "sim/scenario/variant.hpp"

namespace {

namespace fs = std::filesystem;
using cadresim::scenario::InvalidInput;
using cadresim::scenario::load_scenario_file;
using json = nlohmann::json;

const fs::path kSmall = fs::path(CADRESIM_SOURCE_DIR) / "tests/data/engine-small.json";

// Writes `doc` as <temp dir>/<name> beside a copy of engine-small.json named base.json.
fs::path write_variant(const std::string& name, const json& doc) {
  const fs::path dir = cadresim::testing_support::unique_temp_dir("variant-test");
  fs::create_directories(dir);
  fs::copy_file(kSmall, dir / "base.json", fs::copy_options::overwrite_existing);
  std::ofstream(dir / name) << doc.dump(1);
  return dir / name;
}

std::vector<std::string> wheres(const InvalidInput& e) {
  std::vector<std::string> w;
  for (const auto& p : e.problems()) w.push_back(p.where);
  return w;
}

TEST(JsonPatchVariant, ChangesOneArrayElementAndKeepsTheOthers) {
  const auto base = load_scenario_file(kSmall);
  const auto v = load_scenario_file(write_variant(
      "patch.json", {{"extends", "base.json"},
                     {"name", "patched"},
                     {"json_patch", json::array({{{"op", "replace"},
                                                  {"path", "/units/3/regional_coefficient"},
                                                  {"value", 0.2}}})}}));
  EXPECT_DOUBLE_EQ(v.resolved["units"][3]["regional_coefficient"].get<double>(), 0.2);
  EXPECT_EQ(v.resolved["units"].size(), base.resolved["units"].size());
  EXPECT_EQ(v.resolved["units"][1], base.resolved["units"][1]);
  EXPECT_TRUE(v.warnings.empty());
}

TEST(JsonPatchVariant, AFailingOperationIsAProblemAtItsIndex) {
  try {
    (void)load_scenario_file(write_variant(
        "bad-patch.json",
        {{"extends", "base.json"},
         {"json_patch",
          json::array({{{"op", "replace"}, {"path", "/units/1/level"}, {"value", "district"}},
                       {{"op", "replace"}, {"path", "/units/99/level"}, {"value", "x"}}})}}));
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].where, "/json_patch/1");
    EXPECT_NE(e.problems()[0].message.find("/units/99/level"), std::string::npos);
    EXPECT_NE(e.problems()[0].file.find("bad-patch.json"), std::string::npos);
  }
}

TEST(JsonPatchVariant, AMergePatchReplacingAnArrayIsAWarningWithCounts) {
  const auto base = load_scenario_file(kSmall);
  json units = json::array({base.resolved["units"][0], base.resolved["units"][1]});
  units[1]["regional_coefficient"] = 0.6;
  // Only two units: the variant drops d2 and d3 (their communes go with them).
  json doc = {{"extends", "base.json"}, {"units", units}, {"generated_units", json::array()}};
  const fs::path path = write_variant("arrays.json", doc);
  std::vector<cadresim::scenario::Problem> warnings;
  cadresim::scenario::Problems problems;
  (void)cadresim::scenario::resolve_extends(doc, path, problems, &warnings);
  const auto it = std::find_if(warnings.begin(), warnings.end(),
                               [](const auto& w) { return w.where == "/units"; });
  ASSERT_NE(it, warnings.end());
  EXPECT_NE(it->message.find("4 element(s) in the base, 2 in the variant"), std::string::npos)
      << it->message;
  EXPECT_NE(it->file.find("arrays.json"), std::string::npos);
}

// A variant's value that a dated change of the base sets again holds only until that date: a
// warning names the change and the pointer to patch; none when the variant patches the dated
// change too (as scenarios/dien-bien/no-rotation.json does).
TEST(JsonPatchVariant, AValueADatedChangeSetsAgainIsAWarning) {
  const fs::path dir = cadresim::testing_support::unique_temp_dir("variant-test");
  fs::create_directories(dir);
  json base = json::parse(std::ifstream(kSmall));
  base["changes"] = json::parse(
      R"([{"date": "2025-01-01", "patch": {"succession": {"max_candidates_per_post": 2}}}])");
  std::ofstream(dir / "dated-base.json") << base.dump(1);
  json doc = {{"extends", "dated-base.json"},
              {"name", "v"},
              {"succession", {{"max_candidates_per_post", 1}}}};
  std::ofstream(dir / "dated-variant.json") << doc.dump(1);
  const auto v = load_scenario_file(dir / "dated-variant.json");
  const auto it = std::find_if(v.warnings.begin(), v.warnings.end(), [](const auto& w) {
    return w.where == "/succession/max_candidates_per_post";
  });
  ASSERT_NE(it, v.warnings.end());
  EXPECT_NE(it->message.find("holds only until 2025-01-01"), std::string::npos) << it->message;
  EXPECT_NE(it->message.find("/changes/0/patch/succession/max_candidates_per_post"),
            std::string::npos);
  doc["json_patch"] = json::parse(
      R"([{"op": "replace", "path": "/changes/0/patch/succession/max_candidates_per_post",
           "value": 1}])");
  std::ofstream(dir / "dated-variant.json") << doc.dump(1);
  EXPECT_TRUE(load_scenario_file(dir / "dated-variant.json").warnings.empty());
}

TEST(VariantDiff, ListsPointerBaseAndVariantValues) {
  const json a = {{"name", "a"}, {"support", {{"top_up", 0}, {"list", {1, 2, 3}}}}};
  const json b = {{"name", "b"}, {"support", {{"top_up", 5}, {"list", {1, 9}}, {"new", true}}}};
  const auto changes = cadresim::scenario::scenario_changes(a, b);
  ASSERT_EQ(changes.size(), 5u);
  EXPECT_EQ(changes[0].pointer, "/name");
  EXPECT_EQ(changes[1].pointer, "/support/list/1");
  EXPECT_EQ(changes[1].base, 2);
  EXPECT_EQ(changes[1].variant, 9);
  EXPECT_EQ(changes[2].pointer, "/support/list/2");
  EXPECT_TRUE(changes[2].variant.is_null());
  EXPECT_EQ(changes[3].pointer, "/support/top_up");
  EXPECT_EQ(changes[4].pointer, "/support/new");
  EXPECT_TRUE(changes[4].base.is_null());
}

TEST(Assumptions, ARangeKeyedByPointerIsRead) {
  const auto l = load_scenario_file(write_variant(
      "ranges.json",
      {{"extends", "base.json"},
       {"assumptions",
        {{"/reluctance/accept_intercept",
          {{"min", 2}, {"max", 6}, {"note", "no published refusal rates"}}},
         {"/adaptation/time_constant_months",
          {{"min", 6}, {"max", 24}, {"distribution", "triangular"}, {"note", "guess"}}}}}}));
  ASSERT_EQ(l.assumptions.size(), 2u);
  EXPECT_EQ(l.assumptions[1].pointer, "/reluctance/accept_intercept");
  EXPECT_DOUBLE_EQ(l.assumptions[1].min, 2);
  EXPECT_EQ(l.assumptions[0].distribution, "triangular");
  EXPECT_DOUBLE_EQ(l.assumptions[0].quantile(0.0), 6);
  EXPECT_DOUBLE_EQ(l.assumptions[0].quantile(1.0), 24);
  EXPECT_TRUE(l.resolved.contains("assumptions"));
  // The resolved document reads again with the same ranges.
  const auto again = cadresim::scenario::build_scenario(l.resolved, "again", l.base_dir);
  EXPECT_EQ(again.assumptions.size(), 2u);
}

TEST(Assumptions, ProblemsNameTheFileAndThePointer) {
  try {
    (void)load_scenario_file(write_variant(
        "bad-ranges.json",
        {{"extends", "base.json"},
         {"assumptions",
          {{"/reluctance/no_such_key", {{"min", 0}, {"max", 1}, {"note", "x"}}},
           {"/name", {{"min", 0}, {"max", 1}, {"note", "x"}}},
           {"/reluctance/accept_slope", {{"min", 1}, {"max", 0}, {"note", "x"}}},
           {"/reluctance/accept_intercept", {{"min", 0}, {"max", 9}, {"note", "x"}, {"maxi", 1}}},
           {"/adaptation/time_constant_months", {{"min", 0}, {"max", 9}}}}}}));
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    const auto w = wheres(e);
    auto has = [&](const std::string& s) { return std::find(w.begin(), w.end(), s) != w.end(); };
    EXPECT_TRUE(has("/assumptions/~1reluctance~1no_such_key"));
    EXPECT_TRUE(has("/assumptions/~1name"));
    EXPECT_TRUE(has("/assumptions/~1reluctance~1accept_slope"));
    EXPECT_TRUE(has("/assumptions/~1reluctance~1accept_intercept/maxi"));
    EXPECT_TRUE(has("/assumptions/~1adaptation~1time_constant_months/note"));
    EXPECT_NE(e.problems()[0].file.find("bad-ranges.json"), std::string::npos);
  }
}

TEST(Overrides, SetOneValueAndReadAgainStrictly) {
  const auto base = load_scenario_file(kSmall);
  std::string error;
  const auto o = cadresim::scenario::parse_override("/support/top_up_vnd_per_month=1500000", error);
  ASSERT_TRUE(o);
  const auto l = cadresim::scenario::with_overrides(base, {*o});
  EXPECT_DOUBLE_EQ(l.scenario.support.top_up_vnd_per_month, 1500000);
  const auto bad = cadresim::scenario::parse_override("/support/top_up_vnd_per_month=-1", error);
  EXPECT_THROW((void)cadresim::scenario::with_overrides(base, {*bad}), InvalidInput);
  const auto missing = cadresim::scenario::parse_override("/nope/x=1", error);
  try {
    (void)cadresim::scenario::with_overrides(base, {*missing});
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.problems()[0].where, "/nope/x");
  }
  EXPECT_FALSE(cadresim::scenario::parse_override("support=1", error));
  EXPECT_FALSE(cadresim::scenario::parse_override("/support", error));
  EXPECT_EQ(cadresim::scenario::parse_override("/name=abc", error)->value, "abc");
}

}  // namespace
