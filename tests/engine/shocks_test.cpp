// Shock cards (docs/scenarios.md § Shock cards, docs/model.md § Shock cards): each kind on the
// small test scenario tests/data/shocks-small.json, and shock files refused with the file's name
// and the JSON pointer of the problem.
#include <gtest/gtest.h>

#include <algorithm>   // std::count_if
#include <filesystem>  // temporary shock files
#include <fstream>     // std::ofstream
#include <set>         // distinct cadres

#include <nlohmann/json.hpp>

#include "../test_scratch.hpp"  // unique_temp_dir: scratch per test and process
#include "engine_test_support.hpp"
#include "sim/engine/engine.hpp"
#include "sim/scenario/shocks.hpp"

namespace cadresim::enginetest {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const char* kSmall = "tests/data/shocks-small.json";

// A shock file with `cards` in a fresh temporary folder (removed with the object).
class ShockFile {
 public:
  explicit ShockFile(const json& doc) {
    dir_ = fs::temp_directory_path() /
           ("cadresim-shocks-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    path_ = dir_ / "cards.json";
    std::ofstream(path_) << doc.dump(2);
  }
  ~ShockFile() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path dir_, path_;
};

scenario::LoadedScenario with_cards(const json& cards) {
  const ShockFile file(json{{"name", "test"}, {"cards", cards}});
  return scenario::with_shocks(scenario::load_scenario_file(source_path(kSmall)), file.path());
}

std::vector<DomainEvent> run_events(const model::Scenario& s, std::uint64_t seed) {
  engine::Engine e(s, seed, 0);
  CollectObserver all;
  e.add_observer(all);
  e.run();
  return all.events;
}

CadreId cadre_id(const engine::Engine& e, const std::string& id) {
  for (CadreId c = 0; c < e.world().cadres.size(); ++c)
    if (e.world().cadres[c].id == id) return c;
  return model::kNoCadre;
}

TEST(ShockCards, ANamedDepartureHappensOnItsDateAndNotBefore) {
  const auto loaded = with_cards(json::array({{{"kind", "departure"},
                                               {"date", "2024-03-01"},
                                               {"cadre", "hero"},
                                               {"cause", "discipline"}}}));
  const model::Scenario& s = loaded.scenario;
  ASSERT_EQ(s.shocks.size(), 1u);
  EXPECT_EQ(s.shocks[0].id, "departure-2024-03-01");
  EXPECT_EQ(s.shocks[0].label, "departure of hero");
  engine::Engine e(s, 1, 0);
  CollectObserver all;
  e.add_observer(all);
  const CadreId hero = cadre_id(e, "hero");
  ASSERT_NE(hero, model::kNoCadre);
  e.run_until(ymd(2024, 2, 29));
  ASSERT_EQ(e.world().cadres[hero].status, model::CadreStatus::kActive)
      << "the named cadre must still serve the day before the card";
  for (const auto& ev : all.events)
    EXPECT_NE(ev.type, EventType::kShock) << "no shock before its date";
  e.run_until(ymd(2024, 3, 1));
  EXPECT_EQ(e.world().cadres[hero].status, model::CadreStatus::kLeft);
  EXPECT_EQ(e.world().cadres[hero].exit_cause, model::ExitCause::kDiscipline);
  EXPECT_EQ(e.world().cadres[hero].exited, ymd(2024, 3, 1));
  e.run();
  int shocks = 0, left = 0;
  for (const auto& ev : all.events) {
    if (ev.type == EventType::kShock) {
      ++shocks;
      EXPECT_EQ(ev.day, ymd(2024, 3, 1));
      EXPECT_EQ(ev.cadre, hero);
      EXPECT_EQ(ev.reason, events::kReasonShockDeparture);
      EXPECT_EQ(ev.value, 0);
    }
    if (ev.type == EventType::kLeft && ev.cadre == hero) {
      ++left;
      EXPECT_EQ(ev.reason, events::kReasonDiscipline);
    }
  }
  EXPECT_EQ(shocks, 1);
  EXPECT_EQ(left, 1);
}

TEST(ShockCards, DrawnDeparturesTakeCountHoldersOfTheTitleOnTheDate) {
  const auto loaded = with_cards(json::array({{{"kind", "departure"},
                                               {"date", "2023-05-01"},
                                               {"count", 3},
                                               {"title", "c-sec"},
                                               {"cause", "transfer"}}}));
  const model::Scenario& s = loaded.scenario;
  const model::TitleId sec = s.organisation.find_title("c-sec");
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    std::set<CadreId> leavers;
    for (const auto& ev : run_events(s, seed)) {
      if (ev.type != EventType::kShock) continue;
      EXPECT_EQ(ev.day, ymd(2023, 5, 1));
      ASSERT_NE(ev.from, model::kNoPost);
      EXPECT_EQ(s.organisation.posts[ev.from].title, sec) << "drawn among the card's title only";
      leavers.insert(ev.cadre);
    }
    EXPECT_EQ(leavers.size(), 3u) << "seed " << seed;
  }
}

// The draws of a departure card come from their own random purpose: the run is the same event
// for event up to the shock date, and after it every other mechanism keeps its own draws.
TEST(ShockCards, DrawnDeparturesLeaveTheEventLogUnchangedBeforeTheirDate) {
  const model::Scenario plain = load_scenario(kSmall);
  const auto loaded = with_cards(json::array(
      {{{"kind", "departure"}, {"date", "2024-09-10"}, {"count", 4}, {"level", "commune"}}}));
  const Day date = ymd(2024, 9, 10);
  for (std::uint64_t seed : {1u, 7u}) {
    const auto a = run_events(plain, seed);
    const auto b = run_events(loaded.scenario, seed);
    auto before = [&](const std::vector<DomainEvent>& v) {
      std::vector<DomainEvent> out;
      for (const auto& e : v)
        if (e.day < date) out.push_back(e);
      return out;
    };
    const auto pa = before(a), pb = before(b);
    ASSERT_EQ(pa.size(), pb.size()) << "seed " << seed;
    for (std::size_t i = 0; i < pa.size(); ++i) {
      EXPECT_EQ(pa[i].day, pb[i].day);
      EXPECT_EQ(pa[i].type, pb[i].type);
      EXPECT_EQ(pa[i].cadre, pb[i].cadre);
      EXPECT_EQ(pa[i].from, pb[i].from);
      EXPECT_EQ(pa[i].to, pb[i].to);
      EXPECT_EQ(pa[i].value, pb[i].value);
    }
    const auto drawn = std::count_if(b.begin(), b.end(), [&](const DomainEvent& e) {
      return e.type == EventType::kShock && e.cadre != model::kNoCadre;
    });
    EXPECT_EQ(drawn, 4) << "four holders of commune key posts";
    EXPECT_NE(a.size(), b.size()) << "the departures change what follows";
  }
}

TEST(ShockCards, AnAllowanceCutIsADatedChangeOfTheParameter) {
  const auto loaded = with_cards(json::array({{{"kind", "allowance_cut"},
                                               {"date", "2025-01-01"},
                                               {"allowance", "attraction"},
                                               {"to", 0.35}}}));
  const model::Scenario& s = loaded.scenario;
  EXPECT_DOUBLE_EQ(model::parameters_on(s, ymd(2024, 12, 31)).income.attraction_share, 0.7);
  EXPECT_DOUBLE_EQ(model::parameters_on(s, ymd(2025, 1, 1)).income.attraction_share, 0.35);
  EXPECT_EQ(s.shocks[0].label, "attraction cut to 0.35");
  int marks = 0;
  for (const auto& e : run_events(s, 1))
    if (e.type == EventType::kShock) {
      ++marks;
      EXPECT_EQ(e.day, ymd(2025, 1, 1));
      EXPECT_EQ(e.reason, events::kReasonShockAllowanceCut);
    }
  EXPECT_EQ(marks, 1) << "the card shows in the event log on its date";
}

TEST(ShockCards, AChangeCardAppliesItsPatchFromItsDate) {
  const auto loaded =
      with_cards(json::array({{{"kind", "change"},
                               {"date", "2026-01-01"},
                               {"patch", {{"support", {{"top_up_vnd_per_month", 2000000}}}}}}}));
  const model::Scenario& s = loaded.scenario;
  EXPECT_DOUBLE_EQ(model::parameters_on(s, ymd(2025, 12, 31)).support.top_up_vnd_per_month, 0);
  EXPECT_DOUBLE_EQ(model::parameters_on(s, ymd(2026, 1, 1)).support.top_up_vnd_per_month, 2e6);
}

TEST(ShockCards, AHiringFreezeStopsStaffRecruitmentUntilItsEnd) {
  const auto loaded = with_cards(
      json::array({{{"kind", "hiring_freeze"}, {"date", "2022-06-01"}, {"until", "2025-06-01"}}}));
  const model::Scenario& s = loaded.scenario;
  EXPECT_FALSE(model::parameters_on(s, ymd(2022, 5, 31)).staffing.hiring_freeze);
  EXPECT_TRUE(model::parameters_on(s, ymd(2022, 6, 1)).staffing.hiring_freeze);
  EXPECT_FALSE(model::parameters_on(s, ymd(2025, 6, 1)).staffing.hiring_freeze);
  int during = 0, outside = 0;
  for (const auto& e : run_events(s, 1))
    if (e.type == EventType::kStaffRecruited)
      (e.day >= ymd(2022, 6, 1) && e.day < ymd(2025, 6, 1) ? during : outside) += 1;
  EXPECT_EQ(during, 0);
  EXPECT_GT(outside, 0) << "staff are recruited outside the freeze";
}

TEST(ShockCards, AHiringFreezeNeedsTheStaffingSection) {
  const ShockFile file(
      json{{"cards", json::array({{{"kind", "hiring_freeze"}, {"date", "2022-06-01"}}})}});
  try {
    (void)scenario::with_shocks(
        scenario::load_scenario_file(source_path("tests/data/engine-small.json")), file.path());
    FAIL() << "a hiring freeze without staffing must be refused";
  } catch (const scenario::InvalidInput& e) {
    ASSERT_FALSE(e.problems().empty());
    EXPECT_EQ(e.problems()[0].file, file.path().string());
    EXPECT_EQ(e.problems()[0].where, "/cards/0/kind");
    EXPECT_NE(e.problems()[0].message.find("staffing"), std::string::npos);
  }
}

TEST(ShockCards, AnExtraRotationRoundHoldsAPlanOnItsDate) {
  const Day date = ymd(2023, 8, 20);
  const auto loaded =
      with_cards(json::array({{{"kind", "extra_rotation_round"}, {"date", "2023-08-20"}}}));
  int planned_that_day = 0, marks = 0;
  for (const auto& e : run_events(loaded.scenario, 1)) {
    if (e.type == EventType::kRotationPlanned && e.day == date) ++planned_that_day;
    if (e.type == EventType::kShock) {
      ++marks;
      EXPECT_EQ(e.day, date);
    }
  }
  EXPECT_EQ(marks, 1);
  EXPECT_EQ(planned_that_day, 2) << "one quota per flow, as in the annual plan";
  int plain = 0;
  for (const auto& e : run_events(load_scenario(kSmall), 1))
    plain += e.type == EventType::kRotationPlanned && e.day == date;
  EXPECT_EQ(plain, 0);
}

TEST(ShockCards, AMergeIsAStructuralEventOnItsDate) {
  const auto loaded = with_cards(json::array(
      {{{"kind", "merge"},
        {"date", "2027-01-01"},
        {"merge", json::array({{{"into", "d1-c-01"}, {"from", {"d1-c-01", "d1-c-02"}}}})}}}));
  const model::Scenario& s = loaded.scenario;
  ASSERT_EQ(s.structure.size(), 1u);
  EXPECT_EQ(s.structure[0].shock, 0);
  EXPECT_EQ(s.shocks[0].structure, 0);
  const auto& org = s.organisation;
  const model::UnitId gone = [&] {
    for (model::UnitId u = 0; u < org.units.size(); ++u)
      if (org.units[u].id == "d1-c-02") return u;
    return model::kNoUnit;
  }();
  ASSERT_NE(gone, model::kNoUnit);
  EXPECT_EQ(org.units[gone].until, ymd(2027, 1, 1));
  int ended = 0, marks = 0;
  for (const auto& e : run_events(s, 1)) {
    if (e.type == EventType::kPostEnded) {
      ++ended;
      EXPECT_EQ(e.day, ymd(2027, 1, 1));
    }
    if (e.type == EventType::kShock) {
      ++marks;
      EXPECT_EQ(e.reason, events::kReasonShockMerge);
    }
  }
  EXPECT_EQ(ended, 7) << "the seven posts of the merged commune end";
  EXPECT_EQ(marks, 1);
}

// The resolved scenario holds the cards: a rerun rebuilds the same scenario from it alone.
TEST(ShockCards, TheResolvedScenarioKeepsTheCardsAndReloadsToTheSameDocument) {
  const auto loaded = with_cards(json::array(
      {{{"kind", "allowance_cut"}, {"date", "2025-01-01"}, {"allowance", "travel"}, {"to", 0}},
       {{"kind", "departure"}, {"date", "2024-03-01"}, {"cadre", "hero"}}}));
  ASSERT_TRUE(loaded.resolved.contains("shocks"));
  EXPECT_EQ(loaded.resolved["shocks"].size(), 2u);
  const auto again = scenario::build_scenario(loaded.resolved, "again", loaded.base_dir);
  EXPECT_EQ(again.resolved, loaded.resolved);
  EXPECT_EQ(again.scenario.shocks.size(), 2u);
}

// Bad shock files: every problem names the shock file and the JSON pointer inside it.
struct BadCase {
  const char* name;
  json file;
  const char* where;
  const char* says;
};

TEST(ShockFiles, BadFilesAreRefusedWithTheFileAndThePointer) {
  const json ok_card = {{"kind", "departure"}, {"date", "2024-03-01"}, {"cadre", "hero"}};
  auto with_card = [&](json card) { return json{{"cards", json::array({ok_card, card})}}; };
  const std::vector<BadCase> cases = {
      {"unknown top-level key", json{{"cards", json::array({ok_card})}, {"card", 1}}, "/card",
       "unknown key"},
      {"no cards", json{{"name", "x"}}, "/cards", "required"},
      {"unknown card key",
       with_card({{"kind", "departure"}, {"date", "2024-03-01"}, {"cadre", "hero"}, {"cadres", 1}}),
       "/cards/1/cadres", "unknown key"},
      {"unknown kind", with_card({{"kind", "earthquake"}, {"date", "2024-03-01"}}), "/cards/1/kind",
       "earthquake"},
      {"unknown cadre",
       with_card({{"kind", "departure"}, {"date", "2024-03-01"}, {"cadre", "heroo"}}),
       "/cards/1/cadre", "did you mean \"hero\""},
      {"date before the start",
       with_card({{"kind", "extra_rotation_round"}, {"date", "2019-01-01"}}), "/cards/1/date",
       "after the start"},
      {"frozen key in a patch",
       with_card({{"kind", "change"},
                  {"date", "2024-03-01"},
                  {"patch", {{"calendar", {{"end", "2031-01-01"}}}}}}),
       "/cards/1/patch/calendar", "cannot change on a date"},
      {"bad value in a patch",
       with_card({{"kind", "change"},
                  {"date", "2024-03-01"},
                  {"patch", {{"attrition", {{"cause_shares", {{"health", 7}}}}}}}}),
       "/cards/1/patch/attrition/cause_shares/health", ""},
      {"allowance out of range",
       with_card({{"kind", "allowance_cut"},
                  {"date", "2024-03-01"},
                  {"allowance", "attraction"},
                  {"to", 3}}),
       "/cards/1/to", ""},
      {"unknown unit in a merge",
       with_card({{"kind", "merge"},
                  {"date", "2027-01-01"},
                  {"merge", json::array({{{"into", "d1-c-01"}, {"from", {"d1-c-99"}}}})}}),
       "/cards/1/merge/0/from/0", "unknown unit"},
      {"both a cadre and a count",
       with_card({{"kind", "departure"}, {"date", "2024-03-01"}, {"cadre", "hero"}, {"count", 2}}),
       "/cards/1", "not both"},
  };
  const auto base = scenario::load_scenario_file(source_path(kSmall));
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const ShockFile file(c.file);
    try {
      (void)scenario::with_shocks(base, file.path());
      ADD_FAILURE() << "accepted";
    } catch (const scenario::InvalidInput& e) {
      bool found = false;
      std::string all;
      for (const auto& p : e.problems()) {
        all += "\n  " + scenario::format_problem(p);
        if (p.file == file.path().string() && p.where == c.where &&
            p.message.find(c.says) != std::string::npos)
          found = true;
      }
      EXPECT_TRUE(found) << "expected " << c.where << " (" << c.says << ") in" << all;
    }
  }
}

TEST(ShockFiles, StrictJsonProblemsNameTheFile) {
  const fs::path dir = cadresim::testing_support::unique_temp_dir("shocks-strict");
  fs::create_directories(dir);
  const fs::path path = dir / "dup.json";
  std::ofstream(path) << R"({"cards": [], "cards": []})";
  try {
    (void)scenario::with_shocks(scenario::load_scenario_file(source_path(kSmall)), path);
    ADD_FAILURE() << "a duplicate key must be refused";
  } catch (const scenario::InvalidInput& e) {
    ASSERT_FALSE(e.problems().empty());
    EXPECT_EQ(e.problems()[0].file, path.string());
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cadresim::enginetest
