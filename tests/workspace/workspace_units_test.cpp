// The workspace's units without sockets: request reading, scenario paths, rooms, league table.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "analysis/statistics.hpp"
#include "workspace/request.hpp"
#include "workspace/results.hpp"
#include "workspace/rooms.hpp"

namespace cadresim::workspace {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

int status_of(const std::function<void()>& f, std::string* pointer = nullptr) {
  try {
    f();
  } catch (const RequestError& e) {
    if (pointer) *pointer = e.pointer();
    return e.status();
  }
  return 0;
}

TEST(WorkspaceRequest, DuplicateKeysAndTrailingGarbageAreRefusedWithAPointer) {
  Limits limits;
  std::string pointer;
  EXPECT_EQ(status_of([&] { parse_request_body(R"({"seed": 1, "seed": 2})", limits); }, &pointer),
            400);
  EXPECT_EQ(pointer, "/seed");
  EXPECT_EQ(status_of([&] { parse_request_body("{} x", limits); }), 400);
  EXPECT_EQ(status_of([&] { parse_request_body("[1]", limits); }), 400);
  EXPECT_EQ(
      status_of([&] { parse_request_body(std::string(limits.max_body_bytes + 1, ' '), limits); }),
      413);
  EXPECT_EQ(
      status_of([&] { parse_request_body(std::string(40, '[') + std::string(40, ']'), limits); }),
      400);
}

TEST(WorkspaceRequest, ARunRequestRefusesUnknownKeysAndReplicationsOverTheLimit) {
  Limits limits;
  std::string pointer;
  EXPECT_EQ(status_of(
                [&] {
                  read_run_request(json{{"scenario", "a.json"}, {"sede", 1}}, limits);
                },
                &pointer),
            400);
  EXPECT_EQ(pointer, "/sede");
  EXPECT_EQ(status_of(
                [&] {
                  read_run_request(json{{"scenario", "a.json"}, {"replications", 1000000}}, limits);
                },
                &pointer),
            400);
  EXPECT_EQ(pointer, "/replications");
  EXPECT_EQ(status_of(
                [&] {
                  read_run_request(json{{"scenario", "a.json"}, {"seed", -1}}, limits);
                },
                &pointer),
            400);
  EXPECT_EQ(status_of([&] { read_run_request(json{{"replications", 5}}, limits); }, &pointer), 400);
  EXPECT_EQ(pointer, "/scenario");
  const auto ok = read_run_request(json{{"scenario", "a.json"}, {"replications", 5}}, limits);
  EXPECT_EQ(ok.replications, 5u);
  EXPECT_EQ(ok.seed, 1u);
}

TEST(WorkspaceRequest, ScenarioPathsCannotLeaveTheScenarioFolder) {
  const fs::path root = fs::temp_directory_path() / ("cadresim-ws-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "scenarios" / "sub");
  std::ofstream(root / "scenarios" / "sub" / "a.json") << "{}";
  std::ofstream(root / "secret.json") << "{}";
  fs::create_symlink(root / "secret.json", root / "scenarios" / "link.json");
  const fs::path folder = root / "scenarios";
  EXPECT_EQ(resolve_scenario_path(folder, "sub/a.json", "/scenario"),
            fs::canonical(folder / "sub" / "a.json"));
  for (const char* bad : {"../secret.json", "/etc/passwd", "sub/../../secret.json", "link.json",
                          ".hidden.json", "sub/a.txt", "missing.json"})
    EXPECT_NE(status_of([&] { resolve_scenario_path(folder, bad, "/scenario"); }), 0) << bad;
  EXPECT_EQ(status_of([&] { resolve_scenario_path(folder, "missing.json", "/scenario"); }), 404);
  fs::remove_all(root);
}

TEST(Rooms, ATeamThatSubmitsAgainReplacesItsSettingsAndOnlyTheKeyRunsTheRound) {
  Rooms rooms(Limits{});
  const Room r = rooms.open("training/son-mai.json", json(), 500, 10, 3);
  EXPECT_EQ(r.code.size(), 6u);
  rooms.submit(r.code, {"Team A", json{{"support", {{"top_up_vnd_per_month", 1}}}}});
  rooms.submit(r.code, {"Team B", json::object()});
  rooms.submit(r.code, {"Team A", json{{"support", {{"top_up_vnd_per_month", 2}}}}});
  const auto room = rooms.find(r.code);
  ASSERT_TRUE(room);
  ASSERT_EQ(room->submissions.size(), 2u);
  EXPECT_EQ(room->submissions[0].levers["support"]["top_up_vnd_per_month"], 2);
  EXPECT_EQ(status_of([&] { rooms.start_round(r.code, "wrong", "run-1"); }), 403);
  EXPECT_EQ(status_of([&] { rooms.start_round("NOSUCH", r.facilitator_key, "run-1"); }), 404);
  rooms.start_round(r.code, r.facilitator_key, "run-1");
  EXPECT_EQ(status_of([&] { rooms.submit(r.code, {"Team C", json::object()}); }), 409);
  rooms.next_round(r.code, r.facilitator_key);
  EXPECT_EQ(status_of([&] { rooms.submit(r.code, {"Team C", json::object()}); }), 0);
}

TEST(Rooms, JoinCodesAvoidLookAlikeCharacters) {
  for (int i = 0; i < 200; ++i)
    for (char c : random_code(6)) EXPECT_EQ(std::string("0O1IL").find(c), std::string::npos);
}

// An outcome whose totals are given directly (cost in VND, vacant key posts on average).
ScenarioOutcome outcome(const std::string& label, double cost_vnd, double vacant_keys) {
  ScenarioOutcome o;
  o.label = label;
  analysis::Summary cost{10, cost_vnd, 0, cost_vnd * 0.9, cost_vnd * 1.1, 0, 0, 0};
  analysis::Summary vac{10, vacant_keys, 0, vacant_keys - 0.5, vacant_keys + 0.5, 0, 0, 0};
  o.values.totals = {{{"support_cost_vnd", "all"}, cost}, {{"vacancies_key_run_mean", "all"}, vac}};
  o.has_difference = label != "baseline";
  o.difference.totals = {{{"vacancies_key_run_mean", "all"}, vac}};
  return o;
}

TEST(LeagueTable, TeamsAreRankedByKeyPostsCoveredThenByCost) {
  const std::vector<ScenarioOutcome> o{outcome("baseline", 0, 5), outcome("cheap", 100e6, 3),
                                       outcome("best", 400e6, 1), outcome("same-dearer", 200e6, 3)};
  const auto rows = league_table(o, 20, 1000);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].team, "best");
  EXPECT_EQ(rows[1].team, "cheap");
  EXPECT_EQ(rows[2].team, "same-dearer");
  EXPECT_DOUBLE_EQ(rows[0].covered.mean, 1 - 1.0 / 20);
  EXPECT_DOUBLE_EQ(rows[0].covered.ci_low, 1 - 1.5 / 20);
  EXPECT_DOUBLE_EQ(rows[0].cost.mean, 400);
  EXPECT_EQ(rows[2].rank, 3u);
}

TEST(LeagueTable, TeamsOverBudgetAreFlaggedAndRankedBelowTeamsWithinIt) {
  const std::vector<ScenarioOutcome> o{outcome("baseline", 0, 5), outcome("lavish", 900e6, 0),
                                       outcome("thrifty", 100e6, 4)};
  const auto rows = league_table(o, 20, 500);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].team, "thrifty");
  EXPECT_FALSE(rows[0].over_budget);
  EXPECT_EQ(rows[1].team, "lavish");
  EXPECT_TRUE(rows[1].over_budget);
}

}  // namespace
}  // namespace cadresim::workspace
