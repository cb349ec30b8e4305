// `--shocks FILE` on run, compare, story and validate, as a trainer uses it (docs/cli.md,
// docs/scenarios.md § Shock cards): the cards show in the summary, the event log and the story;
// a bad card is exit code 3 with the shock file and the pointer, and nothing is written; a run
// with shocks reruns byte for byte from its folder alone.
#include <gtest/gtest.h>

#include "cli_test_support.hpp"

#include <filesystem>  // scratch folders
#include <fstream>     // a bad shock file
#include <string>

namespace fs = std::filesystem;

namespace {

using cadresim::clitest::CliRun;
using cadresim::clitest::run_cadresim;
using cadresim::clitest::slurp;

fs::path shocks_scratch(const std::string& what) {
  return cadresim::clitest::scratch_path("shocks", what);
}

// A file of the source tree, quoted for a command line.
std::string quoted_src(const char* rel) {
  return cadresim::clitest::q(cadresim::clitest::kSource / rel);
}

TEST(ShocksCli, RunShowsEveryCardInTheSummaryAndTheEventLog) {
  const fs::path dir = shocks_scratch("out"), events = shocks_scratch("events.csv");
  const CliRun r =
      run_cadresim("run " + quoted_src("scenarios/training/son-mai.json") + " -n 4 --shocks " +
                   quoted_src("scenarios/training/shocks/sudden-departure.json") + " --out \"" +
                   dir.string() + "\" --events \"" + events.string() + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Shock cards of son-mai"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("01 Mar 2027 nam-khe-secretary"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cadres who left:"), std::string::npos) << r.out;
  const std::string log = slurp(events);
  EXPECT_NE(log.find("2027-03-01,shock,lo-van-thang,,nam-khe/c25-party-secretary,,departure,0"),
            std::string::npos);
  EXPECT_NE(slurp(dir / "report.html").find("Shock: "), std::string::npos) << "the chart marker";
  fs::remove_all(dir);
  fs::remove(events);
}

TEST(ShocksCli, ABadCardIsRefusedWithTheShockFileAndThePointerAndNothingIsWritten) {
  const fs::path dir = shocks_scratch("out"), bad = shocks_scratch("bad.json");
  std::ofstream(bad)
      << R"({"cards": [{"kind": "departure", "date": "2027-03-01", "cadre": "lo-van-thag"}]})";
  const CliRun r =
      run_cadresim("run " + quoted_src("scenarios/training/son-mai.json") + " -n 2 --shocks \"" +
                   bad.string() + "\" --out \"" + dir.string() + "\"");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(bad.string() + ": /cards/0/cadre: unknown cadre \"lo-van-thag\""),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("did you mean \"lo-van-thang\""), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir));
  const CliRun v = run_cadresim("validate " + quoted_src("scenarios/training/son-mai.json") +
                                " --shocks \"" + bad.string() + "\"");
  EXPECT_EQ(v.exit_code, 3);
  EXPECT_NE(v.err.find("/cards/0/cadre"), std::string::npos) << v.err;
  fs::remove(bad);
}

TEST(ShocksCli, CompareAppliesTheCardsToEveryScenarioAndARunWithShocksReruns) {
  const fs::path a = shocks_scratch("a"), b = shocks_scratch("b");
  const CliRun r = run_cadresim("compare " + quoted_src("scenarios/training/son-mai.json") + " " +
                                quoted_src("scenarios/training/son-mai-extra-round.json") +
                                " -n 4 -q --shocks " +
                                quoted_src("scenarios/training/shocks/congress-18-months.json") +
                                " --out \"" + a.string() + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string summary = slurp(a / "summary.txt");
  EXPECT_NE(summary.find("Shock cards of son-mai\n"), std::string::npos) << summary;
  EXPECT_NE(summary.find("Shock cards of son-mai-extra-round"), std::string::npos) << summary;
  const CliRun again = run_cadresim("rerun \"" + a.string() + "\" -q --out \"" + b.string() + "\"");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(slurp(a / "summary.txt"), slurp(b / "summary.txt"));
  EXPECT_EQ(slurp(a / "report.json"), slurp(b / "report.json"));
  fs::remove_all(a);
  fs::remove_all(b);
}

TEST(ShocksCli, TheStoryTellsTheCard) {
  const CliRun r = run_cadresim("story " + quoted_src("scenarios/training/son-mai.json") +
                                " lo-van-thang --shocks " +
                                quoted_src("scenarios/training/shocks/sudden-departure.json"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("01 Mar 2027  Shock card: Bí thư Đảng ủy xã Nậm Khê"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Left the service (discipline)"), std::string::npos) << r.out;
}

}  // namespace
