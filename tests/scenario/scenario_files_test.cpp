// The shipped scenario files (every one validates; the Điện Biên baseline has the structure of
// docs/sources.md#S-DB), "extends" merge-patch semantics (RFC 7386), and roster import.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>  // inspecting resolved documents

#include <algorithm>   // std::count of units in force
#include <cmath>       // std::abs
#include <filesystem>  // scenario folders and temporary files
#include <fstream>     // std::ofstream
#include <map>         // counts by unit
#include <string>

#include "scenario_test_support.hpp"  // the training scenario, the loader's problems
#include "sim/scenario/loader.hpp"
#include "sim/scenario/shocks.hpp"  // with_shocks

namespace fs = std::filesystem;
using cadresim::scenario::InvalidInput;
using cadresim::scenario::load_scenario_file;
using cadresim::scenario::LoadedScenario;
using nlohmann::json;

namespace {

const fs::path kSource = fs::path(CADRESIM_SOURCE_DIR);
const fs::path kBaseline = kSource / "scenarios" / "dien-bien" / "baseline.json";
using cadresim::scenariotest::kTraining;
using cadresim::scenariotest::listed;

LoadedScenario load_or_fail(const fs::path& path) {
  try {
    return load_scenario_file(path);
  } catch (const InvalidInput& e) {
    ADD_FAILURE() << path << " is invalid:" << listed(e.problems());
    throw;
  }
}

/// A fresh folder for variant files, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() /
            (std::string("cadresim-") + info->test_suite_name() + "-" + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  /// Writes `doc` to `name` inside the folder and returns its path.
  fs::path write(const std::string& name, const json& doc) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << doc.dump(2);
    return p;
  }

 private:
  fs::path path_;
};

/// True for JSON files under scenarios/ that are Markov-chain inputs, not scenarios.
bool is_markov_input(const fs::path& path) {
  std::ifstream in(path);
  const json doc = json::parse(in, nullptr, false);
  return doc.is_object() && doc.contains("transitions") && doc.contains("states");
}

/// True for shock files (docs/scenarios.md § Shock cards): they have "cards".
bool is_shock_file(const fs::path& path) {
  std::ifstream in(path);
  const json doc = json::parse(in, nullptr, false);
  return doc.is_object() && doc.contains("cards");
}

}  // namespace

TEST(ShippedScenarios, EveryShockFileValidatesOnTheTrainingProvince) {
  const LoadedScenario son_mai = load_or_fail(kSource / "scenarios" / "training" / "son-mai.json");
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kSource / "scenarios")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    if (!is_shock_file(entry.path())) continue;
    SCOPED_TRACE(entry.path().string());
    try {
      (void)cadresim::scenario::with_shocks(son_mai, entry.path());
    } catch (const InvalidInput& e) {
      ADD_FAILURE() << entry.path() << " is invalid:" << listed(e.problems());
    }
    ++checked;
  }
  EXPECT_GE(checked, 4);
}

TEST(ShippedScenarios, EveryScenarioFileUnderScenariosValidates) {
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kSource / "scenarios")) {
    const fs::path& p = entry.path();
    if (!entry.is_regular_file() || p.extension() != ".json") continue;
    if (fs::relative(p, kSource / "scenarios").begin()->string() == "schema") continue;
    if (is_markov_input(p)) continue;
    if (is_shock_file(p)) continue;  // validated on the training province below
    SCOPED_TRACE(p.string());
    try {
      (void)load_scenario_file(p);
    } catch (const InvalidInput& e) {
      ADD_FAILURE() << p << " is invalid:" << listed(e.problems());
    }
    ++checked;
  }
  EXPECT_GE(checked, 2);  // at least the baseline and the training scenario
}

TEST(ShippedScenarios, TheResolvedBaselineReloadsToTheSameDocument) {
  const LoadedScenario s = load_or_fail(kBaseline);
  const LoadedScenario again =
      cadresim::scenario::build_scenario(s.resolved, "resolved", kBaseline.parent_path());
  EXPECT_EQ(again.resolved, s.resolved);
}

TEST(ShippedScenarios, TheEmbeddedBaselineIsTheBaselineFile) {
  const LoadedScenario file = load_or_fail(kBaseline);
  const LoadedScenario builtin = cadresim::scenario::load_builtin_baseline();
  EXPECT_EQ(builtin.resolved, file.resolved);
}

TEST(DienBienBaseline, HasTenDistrictsAndTheirCommunesAsInTheReference) {
  const LoadedScenario s = load_or_fail(kBaseline);
  std::map<std::string, int> by_level;
  std::map<std::string, int> communes_of;
  for (const auto& u : s.resolved.at("units")) {
    ++by_level[u.at("level").get<std::string>()];
    if (u.at("level") == "commune") ++communes_of[u.at("parent").get<std::string>()];
  }
  EXPECT_EQ(by_level["central"], 1);
  EXPECT_EQ(by_level["district"], 10);
  EXPECT_EQ(by_level["commune"], 129);
  // docs/sources.md#S-DB-2.
  const std::map<std::string, int> expected = {
      {"dien-bien-phu", 12}, {"muong-lay", 3},  {"huyen-dien-bien", 21}, {"dien-bien-dong", 14},
      {"muong-ang", 10},     {"muong-cha", 12}, {"muong-nhe", 11},       {"tua-chua", 12},
      {"tuan-giao", 19},     {"nam-po", 15}};
  EXPECT_EQ(communes_of, expected);
}

TEST(DienBienBaseline, NinetyFourCommunesAreEspeciallyDifficultAndNoWardIs) {
  const LoadedScenario s = load_or_fail(kBaseline);
  int difficult = 0, difficult_2025 = 0;
  const auto& org = s.scenario.organisation;
  for (const auto& u : org.units) {
    if (u.from != cadresim::model::kBeginningOfTime) {  // the 45 units of the 2025 reform
      difficult_2025 += u.especially_difficult;         // Region III, docs/sources.md#S-R25-5
      continue;
    }
    if (u.especially_difficult) {
      ++difficult;
      EXPECT_EQ(s.scenario.organisation.levels[u.level].id, "commune") << u.id;
      EXPECT_EQ(u.name.find("ward"), std::string::npos) << u.id;
    }
  }
  EXPECT_EQ(difficult, 94);  // QĐ 861/2021, docs/sources.md#S-AREA-3
  EXPECT_EQ(difficult_2025, 38);
}

TEST(DienBienBaseline, NamPoHasPhinHoAndSiPaPhinAndVangAKyMovesBetweenThem) {
  const LoadedScenario s = load_or_fail(kBaseline);
  const auto& org = s.scenario.organisation;
  const auto phin_ho = org.find_unit("phin-ho");
  const auto si_pa_phin = org.find_unit("si-pa-phin");
  ASSERT_NE(phin_ho, cadresim::model::kNoUnit);
  ASSERT_NE(si_pa_phin, cadresim::model::kNoUnit);
  EXPECT_EQ(org.units[phin_ho].name, "Phìn Hồ");
  EXPECT_EQ(org.units[si_pa_phin].name, "Si Pa Phìn");
  EXPECT_EQ(org.units[org.units[phin_ho].parent].id, "nam-po");
  EXPECT_EQ(org.units[org.units[si_pa_phin].parent].id, "nam-po");

  ASSERT_EQ(s.scenario.named_cadres.size(), 1u);
  const auto& ky = s.scenario.named_cadres[0].cadre;
  EXPECT_EQ(ky.id, "vang-a-ky");
  EXPECT_EQ(ky.name, "Vàng A Kỷ");
  EXPECT_EQ(ky.home_unit, phin_ho);
  ASSERT_NE(ky.post, cadresim::model::kNoPost);
  EXPECT_EQ(org.posts[ky.post].unit, phin_ho);
  EXPECT_EQ(org.title_of(ky.post).id, "commune-party-secretary");

  ASSERT_EQ(s.scenario.script.size(), 1u);
  const auto& move = s.scenario.script[0];
  EXPECT_EQ(move.cadre_id, "vang-a-ky");
  EXPECT_EQ(move.kind, "rotate");
  EXPECT_EQ(cadresim::kernel::format_iso_date(move.date), "2020-07-15");
  EXPECT_EQ(org.post_label(move.to_post), "si-pa-phin/commune-party-secretary");
  EXPECT_GE(move.duration_months, 36);
}

TEST(DienBienBaseline, DistrictSecretariesAndChairsMustBeNonNatives) {
  const LoadedScenario s = load_or_fail(kBaseline);
  const auto& org = s.scenario.organisation;
  for (const char* id : {"district-party-secretary", "district-pc-chair"}) {
    const auto t = org.find_title(id);
    ASSERT_NE(t, cadresim::model::kNoTitle) << id;
    EXPECT_EQ(org.titles[t].non_native, cadresim::model::NonNativeRule::kRequired) << id;
    EXPECT_TRUE(org.titles[t].key) << id;
    EXPECT_EQ(org.posts_of_title[t].size(), 10u) << id;
  }
}

// Three plans fall between the start of the term and the end of 2022 (2020-07-15, 2021-01-15,
// 2022-01-15), so each flow's expected count there is 3 × count_per_year; the article reports
// 86 rotations, one of which (Vàng A Kỷ) is scripted.
TEST(DienBienBaseline, RotationQuotasReproduceTheArticlesCountsOverThreePlans) {
  const LoadedScenario s = load_or_fail(kBaseline);
  const auto& r = s.scenario.rotation;
  EXPECT_EQ(r.plan_date.month, 1u);
  EXPECT_EQ(r.plan_date.day, 15u);
  ASSERT_EQ(r.extra_plan_dates.size(), 1u);
  EXPECT_EQ(cadresim::kernel::format_iso_date(r.extra_plan_dates[0]), "2020-07-15");
  const std::map<std::string, double> article = {
      {"central-province", 1}, {"province-district", 11},     {"district-province", 3},
      {"sector-sector", 1},    {"district-commune", 50},      {"commune-district", 5},
      {"commune-commune", 9},  {"other-district-district", 5}};
  double total = 0;
  for (const auto& f : r.flows) {
    ASSERT_TRUE(article.count(f.id)) << f.id;
    EXPECT_NEAR(3 * f.count_per_year, article.at(f.id), 0.01) << f.id;
    total += 3 * f.count_per_year;
  }
  EXPECT_NEAR(total + s.scenario.script.size(), 86, 0.02);
}

TEST(DienBienBaseline, HasBetweenFifteenHundredAndTwentyFiveHundredPosts) {
  const LoadedScenario s = load_or_fail(kBaseline);
  // In force at the start (the posts of the 2025 units come later).
  const auto& active = s.scenario.organisation.post_active;
  const auto n = static_cast<std::size_t>(std::count(active.begin(), active.end(), 1));
  EXPECT_GE(n, 1500u);
  EXPECT_LE(n, 2500u);
}

TEST(MergePatch, AVariantReplacesAScalarAndKeepsItsSiblings) {
  TempDir dir;
  const auto p = dir.write("v.json", {{"extends", kTraining.string()},
                                      {"income", {{"travel_vnd_per_km_month", 20000}}}});
  const LoadedScenario s = load_or_fail(p);
  EXPECT_EQ(s.scenario.income.travel_vnd_per_km_month, 20000);
  EXPECT_EQ(s.scenario.income.second_household_vnd_per_month, 2000000);  // from the base
  EXPECT_EQ(s.scenario.name, "training-small-district");                 // untouched section
}

TEST(MergePatch, NullDeletesTheBaseValueSoTheDefaultApplies) {
  TempDir dir;
  const auto p = dir.write("v.json", {{"extends", kTraining.string()},
                                      {"description", nullptr},
                                      {"income", {{"second_household_vnd_per_month", nullptr}}}});
  const LoadedScenario s = load_or_fail(p);
  EXPECT_EQ(s.scenario.description, "");
  EXPECT_EQ(s.scenario.income.second_household_vnd_per_month, 0);  // the loader's default
  EXPECT_EQ(s.scenario.income.travel_vnd_per_km_month, 12000);     // sibling kept
}

TEST(MergePatch, NestedObjectsMergeKeyByKey) {
  TempDir dir;
  const auto p =
      dir.write("v.json", {{"extends", kTraining.string()},
                           {"population", {{"native_share_by_level", {{"commune", 0.5}}}}}});
  const LoadedScenario s = load_or_fail(p);
  const auto& native = s.scenario.population.native_share_by_level;
  ASSERT_EQ(native.size(), 3u);
  EXPECT_DOUBLE_EQ(native[2], 0.5);               // changed
  EXPECT_DOUBLE_EQ(native[1], 0.7);               // from the base
  EXPECT_EQ(s.scenario.named_cadres.size(), 1u);  // another key of the same object, kept
}

TEST(MergePatch, ArraysAreReplacedWhole) {
  TempDir dir;
  const json flow = {
      {"id", "only"}, {"from_level", "district"}, {"to_level", "commune"}, {"count_per_year", 1}};
  const auto p = dir.write(
      "v.json", {{"extends", kTraining.string()}, {"rotation", {{"flows", json::array({flow})}}}});
  const LoadedScenario s = load_or_fail(p);
  ASSERT_EQ(s.scenario.rotation.flows.size(), 1u);  // the base has four
  EXPECT_EQ(s.scenario.rotation.flows[0].id, "only");
}

TEST(MergePatch, AChainOfTwoExtendsAppliesBothInOrder) {
  TempDir dir;
  // Under a folder named "scenarios", so "../" may leave the top file's folder
  // (docs/scenarios.md § Referenced files).
  dir.write("scenarios/middle.json",
            {{"extends", kTraining.string()},
             {"name", "middle"},
             {"terms", {{"term_months", 48}, {"max_consecutive_terms", 3}}}});
  const auto p = dir.write(
      "scenarios/variants/top.json",
      {{"extends", "../middle.json"}, {"name", "top"}, {"terms", {{"max_consecutive_terms", 1}}}});
  const LoadedScenario s = load_or_fail(p);
  EXPECT_EQ(s.scenario.name, "top");
  EXPECT_EQ(s.scenario.terms.term_months, 48);           // from the middle file
  EXPECT_EQ(s.scenario.terms.max_consecutive_terms, 1);  // the top file wins
  EXPECT_EQ(s.scenario.rotation.flows.size(), 4u);       // from the base
  EXPECT_FALSE(s.resolved.contains("extends"));
}

TEST(MergePatch, AVariantOfTheBaselineIsAFewLines) {
  TempDir dir;
  const auto p = dir.write("top-up.json", {{"extends", kBaseline.string()},
                                           {"name", "dien-bien-top-up"},
                                           {"support", {{"top_up_vnd_per_month", 1500000}}}});
  const LoadedScenario s = load_or_fail(p);
  EXPECT_EQ(s.scenario.support.top_up_vnd_per_month, 1500000);
  EXPECT_TRUE(s.scenario.support.reserve_position_allowance);
  const auto& active = s.scenario.organisation.unit_active;
  EXPECT_EQ(std::count(active.begin(), active.end(), 1), 144);  // in force at the start
}

TEST(RosterImport, AGoodRosterIsReadWithQuotedFieldsBomAndCrlf) {
  const LoadedScenario s = load_or_fail(kSource / "tests" / "data" / "roster-good.json");
  const auto& org = s.scenario.organisation;
  ASSERT_EQ(s.scenario.named_cadres.size(), 4u);  // the base's named cadre + 3 rows
  std::map<std::string, const cadresim::model::NamedCadre*> by_id;
  for (const auto& n : s.scenario.named_cadres) by_id[n.cadre.id] = &n;
  ASSERT_TRUE(by_id.count("r-001") && by_id.count("r-002") && by_id.count("r-003"));

  const auto& a = *by_id["r-001"];
  EXPECT_EQ(a.source_line, 2);
  EXPECT_EQ(a.cadre.name, "Lò Văn Hùng, the elder");
  EXPECT_EQ(a.cadre.sex, cadresim::model::Sex::kMale);
  EXPECT_EQ(cadresim::kernel::format_iso_date(a.cadre.birth), "1975-04-30");
  EXPECT_EQ(org.units[a.cadre.home_unit].id, "south-3");
  EXPECT_EQ(org.post_label(a.cadre.post), "south-3/commune-secretary");
  EXPECT_EQ(cadresim::kernel::format_iso_date(a.cadre.post_since), "2020-10-01");
  EXPECT_DOUBLE_EQ(a.cadre.grade_coefficient, 4.32);
  EXPECT_DOUBLE_EQ(a.cadre.competence, 0.72);
  EXPECT_EQ(a.cadre.hardship_months, 180);
  EXPECT_EQ(a.cadre.attraction_months_used, 60);
  EXPECT_EQ(a.cadre.experience_months[1], 24);   // district
  EXPECT_EQ(a.cadre.experience_months[2], 200);  // commune

  const auto& b = *by_id["r-002"];
  EXPECT_EQ(b.source_line, 3);
  EXPECT_EQ(b.cadre.name, "Quàng Thị \"Hoa\"");
  EXPECT_EQ(b.cadre.sex, cadresim::model::Sex::kFemale);
  EXPECT_EQ(org.post_label(b.cadre.post), "north-1/commune-official#1");

  const auto& c = *by_id["r-003"];
  EXPECT_EQ(c.source_line, 4);
  EXPECT_EQ(c.cadre.name, "Giàng A Páo\n(line break in a quoted name)");
  EXPECT_EQ(c.cadre.post, cadresim::model::kNoPost);
  EXPECT_DOUBLE_EQ(c.cadre.grade_coefficient, 3.66);  // empty cell: the documented default
}

TEST(RosterImport, ProblemsNameTheCsvFileAndItsLine) {
  const fs::path bad = kSource / "tests" / "data" / "bad" / "roster-duplicate-id.json";
  try {
    (void)load_scenario_file(bad);
    FAIL() << "accepted";
  } catch (const InvalidInput& e) {
    ASSERT_EQ(e.problems().size(), 1u) << listed(e.problems());
    const auto& p = e.problems()[0];
    EXPECT_EQ(fs::path(p.file).filename(), "roster-duplicate-id.csv");
    EXPECT_EQ(p.where, "line 4");
    EXPECT_NE(p.message.find("duplicate cadre id \"c1\""), std::string::npos);
  }
}
