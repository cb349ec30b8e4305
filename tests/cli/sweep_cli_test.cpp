// `cadresim sweep`, `optimise` and `--set` end to end on a small scenario.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>  // report.json, run.json

#include <algorithm>  // std::sort
#include <fstream>    // a file already in the --out folder

#include "../test_scratch.hpp"  // unique_temp_dir: scratch per test and process
#include "cli_test_support.hpp"

namespace {

using cadresim::clitest::run_cadresim;
using cadresim::clitest::slurp;
namespace fs = std::filesystem;

const std::string kSmallArg = cadresim::clitest::kSmall.string();

// An output folder that does not exist yet, under this test's scratch folder.
fs::path fresh(const std::string& name) {
  return cadresim::testing_support::unique_temp_dir("sweep-cli") / name;
}

TEST(SweepCli, TableIsIdenticalForOneAndTwoThreads) {
  const fs::path a = fresh("t1"), b = fresh("t2");
  const std::string common = kSmallArg +
                             " --vary /support/top_up_vnd_per_month=0:2000000:1000000 --vary "
                             "/reluctance/accept_slope=-10:-6 --oat -n 3 -q --out ";
  const auto quiet = run_cadresim("sweep " + common + a.string() + " --threads 1");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.out, (a / "sweep.html").string() + "\n") << "-q: only the path, as for run";
  ASSERT_EQ(run_cadresim("sweep " + common + b.string() + " --threads 2").exit_code, 0);
  const std::string csv = slurp(a / "sweep.csv");
  EXPECT_EQ(csv, slurp(b / "sweep.csv"));
  EXPECT_EQ(slurp(a / "summary.txt"), slurp(b / "summary.txt"));
  EXPECT_EQ(csv.rfind("point,/support/top_up_vnd_per_month,/reluctance/accept_slope,metric,", 0),
            0u);
  EXPECT_NE(slurp(a / "sweep.html").find("class='tornado'"), std::string::npos);
  // engine-small has no rotations: the shortfall per move applies in no replication, so its
  // cells are empty (n = 0), and the tables say n/a, never 0 (docs/model.md § Statistics).
  EXPECT_NE(csv.find("\n0,0,-10,shortfall_mean_total,0,,,,,,,,,\n"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("nan"), std::string::npos);
  const std::string text = slurp(a / "summary.txt");
  const auto at = text.find("\nshortfall_mean_total\n");
  ASSERT_NE(at, std::string::npos) << text;
  EXPECT_NE(text.find(" n/a ", at), std::string::npos) << text;
  EXPECT_EQ(text.find("nan"), std::string::npos) << text;
}

// A target on a figure that does not apply (the shortfall per move where nobody moves) is not
// met: before, its 0 met "shortfall <= 0.1" and a package without moves could be the answer.
TEST(OptimiseCli, ATargetOnAFigureThatDoesNotApplyIsNotMet) {
  const fs::path out = fresh("na");
  const auto r = run_cadresim("optimise " + kSmallArg +
                              " --vary /support/top_up_vnd_per_month=0:2000000:1000000"
                              " --target \"shortfall_mean_total<=0.1\" -n 3 -q --out " +
                              out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = slurp(out / "summary.txt");
  EXPECT_NE(text.find("No point in the searched space meets every target"), std::string::npos)
      << text;
  EXPECT_NE(text.find("shortfall_mean_total = n/a (target"), std::string::npos) << text;
  const std::string csv = slurp(out / "optimise.csv");
  EXPECT_NE(csv.find("\n1,0,0,0,0,0,false,0,\n"), std::string::npos) << csv;
}

TEST(SweepCli, BadLeversAreUsageOrInputErrors) {
  EXPECT_EQ(run_cadresim("sweep " + kSmallArg + " --vary /x=1:0").exit_code, 2);
  EXPECT_EQ(run_cadresim("sweep " + kSmallArg + " --vary /x=0:1 --lhs 3 --oat").exit_code, 2);
  const auto r = run_cadresim("sweep " + kSmallArg + " --vary /support/nope=0:1 -n 1");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("engine-small.json: /support/nope: --vary"), std::string::npos) << r.err;
  EXPECT_EQ(run_cadresim("sweep " + kSmallArg +
                         " --vary /support/top_up_vnd_per_month=0:1 "
                         "--metric nope_total -n 1")
                .exit_code,
            2);
}

TEST(OptimiseCli, SaysPlainlyWhenNothingMeetsTheTargets) {
  const fs::path d = fresh("opt");
  const auto r = run_cadresim("optimise " + kSmallArg +
                              " --vary /support/top_up_vnd_per_month=0:1000000:1000000 --target '"
                              "successor_coverage_1_end>=2' -n 2 --out " +
                              d.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("No point in the searched space meets every target"), std::string::npos);
  EXPECT_TRUE(fs::exists(d / "optimise.csv"));
  EXPECT_TRUE(nlohmann::json::parse(slurp(d / "optimise.json"))["answer"].is_null());
}

// --lang vi (or CADRESIM_LANG=vi): the summaries and sweep.html in Vietnamese, with its number
// marks (1.000.000; 0,5), while sweep.csv and optimise.csv stay language-neutral (the same bytes
// as in English). Metric names and pointers stay as the user types them.
TEST(SweepCli, SpeaksVietnameseWhenAskedAndKeepsTheDataFilesNeutral) {
  const fs::path en = fresh("lang-en"), vi = fresh("lang-vi");
  const std::string common = kSmallArg +
                             " --vary /support/top_up_vnd_per_month=0:2000000:1000000 --vary "
                             "/reluctance/accept_slope=-10:-6 --oat -n 2 -q --out ";
  ASSERT_EQ(run_cadresim("sweep " + common + en.string() + " --lang en").exit_code, 0);
  const auto r = run_cadresim("sweep " + common + vi.string() + " --lang vi");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(slurp(vi / "sweep.csv"), slurp(en / "sweep.csv"));
  const std::string text = slurp(vi / "summary.txt");
  EXPECT_NE(text.find("Quét tham số (từng tham số một): "), std::string::npos) << text;
  EXPECT_NE(text.find("bình quân [KTC 95%]"), std::string::npos) << text;
  EXPECT_NE(text.find(" 1.000.000 "), std::string::npos) << text;
  EXPECT_NE(text.find("shortfall_mean_total"), std::string::npos) << text;
  EXPECT_NE(text.find(" không áp dụng "), std::string::npos) << text;  // n/a
  EXPECT_EQ(text.find("mean [95% CI]"), std::string::npos) << text;
  const std::string html = slurp(vi / "sweep.html");
  EXPECT_NE(html.find("<html lang='vi'>"), std::string::npos);
  EXPECT_NE(html.find("Độ nhạy, từng tham số một"), std::string::npos);
  EXPECT_EQ(html.find("Each metric against"), std::string::npos);
  EXPECT_EQ(html.find("e+0"), std::string::npos) << "numbers without exponents";
  EXPECT_EQ(run_cadresim("sweep " + common + fresh("lang-xx").string() + " --lang xx").exit_code,
            2);

  const fs::path opt_en = fresh("opt-en"), opt_vi = fresh("opt-vi");
  const std::string opt = "optimise " + kSmallArg +
                          " --vary /support/top_up_vnd_per_month=0:1000000:1000000 --target "
                          "'successor_coverage_1_end>=0.5' -n 2 -q --out ";
  ASSERT_EQ(run_cadresim(opt + opt_en.string() + " --lang en").exit_code, 0);
  const auto o = run_cadresim(opt + opt_vi.string() + " --lang vi");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(slurp(opt_vi / "optimise.csv"), slurp(opt_en / "optimise.csv"));
  const std::string answer = slurp(opt_vi / "summary.txt");
  EXPECT_NE(answer.find("Kết quả: /support/top_up_vnd_per_month = 0 — điểm rẻ nhất"),
            std::string::npos)
      << answer;
  EXPECT_NE(answer.find("(mục tiêu ≥ 0,5)"), std::string::npos) << answer;
  EXPECT_NE(answer.find("chi phí bình quân [KTC 95%]"), std::string::npos) << answer;
}

// sweep and optimise write their outputs as run does: one set moved into place whole, a new
// folder of the run store (with `latest`) by default, an existing --out refused unless
// --overwrite, and the run record (run.json, the resolved scenario, the input as given).
// Before, they wrote file by file into results/<name>-sweep/, replacing the last sweep's files
// one at a time, and --out wrote into a folder that already held files.
TEST(SweepCli, OutputsAreOneSetInTheRunStoreAndAFullFolderIsRefused) {
  const std::string lever = " --vary /support/top_up_vnd_per_month=0:1000000:1000000 -n 2 -q";
  for (const std::string command : {"sweep", "optimise"}) {
    SCOPED_TRACE(command);
    const fs::path cwd = fresh(command + "-store");
    fs::create_directories(cwd);
    const std::string args =
        command + " " + kSmallArg + lever +
        (command == "optimise" ? " --target 'successor_coverage_1_end>=0'" : "");
    ASSERT_EQ(run_cadresim(args, cwd.string()).exit_code, 0);
    ASSERT_EQ(run_cadresim(args, cwd.string()).exit_code, 0);
    const fs::path store = cwd / "results" / ("engine-small-" + command);
    std::vector<std::string> runs;
    for (const auto& e : fs::directory_iterator(store))
      if (!e.is_symlink()) runs.push_back(e.path().filename().string());
    ASSERT_EQ(runs.size(), 2U) << "each run gets a folder of its own";
    std::sort(runs.begin(), runs.end());
    EXPECT_EQ(fs::read_symlink(store / "latest"), runs.back());
    const fs::path latest = store / "latest";
    EXPECT_TRUE(fs::exists(latest / (command + ".csv")));
    EXPECT_TRUE(fs::exists(latest / "summary.txt"));
    const auto record = nlohmann::json::parse(slurp(latest / "run.json"));
    EXPECT_EQ(record["command"], command);
    EXPECT_EQ(record["scenarios"][0]["inputs"].size(), 1U) << record.dump(1);
    EXPECT_TRUE(fs::exists(latest / "scenario-1.resolved.json"));
    // rerun says what the folder is and how to repeat it, and writes nothing.
    const auto rerun = run_cadresim("rerun " + latest.string(), cwd.string());
    EXPECT_EQ(rerun.exit_code, 3);
    EXPECT_NE(rerun.err.find("a folder of `cadresim " + command + "`"), std::string::npos)
        << rerun.err;

    const fs::path out = cwd / "out";
    fs::create_directories(out);
    { std::ofstream(out / "old.txt") << "old"; }
    const auto refused = run_cadresim(args + " --out " + out.string(), cwd.string());
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("already holds files"), std::string::npos) << refused.err;
    EXPECT_EQ(slurp(out / "old.txt"), "old");
    const auto replaced = run_cadresim(args + " --out " + out.string() + " --overwrite");
    ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
    EXPECT_FALSE(fs::exists(out / "old.txt")) << "the set is replaced as a whole";
    EXPECT_TRUE(fs::exists(out / (command + ".json")));
    const auto alone = run_cadresim(args + " --overwrite", cwd.string());
    EXPECT_EQ(alone.exit_code, 2);
    EXPECT_NE(alone.err.find("--overwrite only applies with --out"), std::string::npos)
        << alone.err;
  }
}

TEST(SetCli, TheReportListsWhatTheOverrideChanges) {
  const fs::path d = fresh("set");
  const auto r =
      run_cadresim("run " + kSmallArg +
                   " -n 2 -q --set /support/top_up_vnd_per_month=750000 --out " + d.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = nlohmann::json::parse(slurp(d / "report.json"));
  const auto& list = report["scenarios"][0]["changes"]["list"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["pointer"], "/support/top_up_vnd_per_month");
  EXPECT_EQ(list[0]["variant"], 750000);
  EXPECT_NE(slurp(d / "report.html").find("id=\"changes\""), std::string::npos);
  EXPECT_EQ(run_cadresim("run " + kSmallArg + " -n 1 --set nope").exit_code, 2);
  EXPECT_EQ(run_cadresim("run " + kSmallArg + " -n 1 --set /support/nope/x=1").exit_code, 3);
  EXPECT_EQ(run_cadresim("run " + kSmallArg + " -n 2 --assumptions 3").exit_code, 3);  // no ranges
}

}  // namespace
