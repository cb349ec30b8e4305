// `cadresim`, `cadresim run` and `cadresim compare` as a user runs them: exit codes, output
// files, byte-identical outputs for 1 and 2 threads, and nothing written for bad input.
#include <gtest/gtest.h>

#include "cli_test_support.hpp"

#include <filesystem>  // output directories
#include <fstream>     // reading files
#include <sstream>     // lines of series.csv
#include <string>

#include <nlohmann/json.hpp>  // report.json

namespace fs = std::filesystem;

namespace {

using cadresim::clitest::CliRun;
using cadresim::clitest::run_cadresim;
using cadresim::clitest::slurp;
using cadresim::clitest::src;

fs::path run_scratch(const std::string& what) {
  return cadresim::clitest::scratch_path("run", what);
}

/// A copy of a source file beside the scratch files: a variant may extend only files in its own
/// folder tree or under a folder named "scenarios" (docs/scenarios.md § Referenced files).
std::string copy_beside(const char* rel, const std::string& what) {
  const fs::path copy = run_scratch(what);
  fs::copy_file(src(rel), copy, fs::copy_options::overwrite_existing);
  return copy.string();
}

TEST(Cli, VersionHelpAndUsageErrors) {
  const CliRun v = run_cadresim("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("cadresim ", 0), 0u) << v.out;
  EXPECT_NE(v.out.find("commit"), std::string::npos);
  EXPECT_EQ(run_cadresim("--help").exit_code, 0);
  EXPECT_EQ(run_cadresim("").exit_code, 2);
  EXPECT_EQ(run_cadresim("no-such-command").exit_code, 2);
  EXPECT_EQ(run_cadresim("--bogus").exit_code, 2);
  for (const char* c : {"run", "compare", "validate", "markov"}) {
    const CliRun h = run_cadresim(std::string(c) + " --help");
    EXPECT_EQ(h.exit_code, 0) << c;
    EXPECT_NE(h.out.find(std::string("cadresim ") + c), std::string::npos) << c;
  }
  EXPECT_EQ(run_cadresim("run -n 0").exit_code, 2);
  EXPECT_EQ(run_cadresim("run --until 1999-01-01 " + src("tests/data/engine-small.json")).exit_code,
            2);
  EXPECT_EQ(run_cadresim("compare " + src("tests/data/engine-small.json")).exit_code, 2);
}

TEST(Cli, RunWritesEveryOutputFileAndTheSummary) {
  const fs::path dir = run_scratch("out");
  const fs::path events = run_scratch("events.csv");
  const CliRun r =
      run_cadresim("run " + src("tests/data/engine-small.json") + " -n 4 --seed 3 --out \"" +
                   dir.string() + "\" --events \"" + events.string() + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Headlines are means over the run (docs/model.md § Metrics), not last-day snapshots.
  EXPECT_NE(r.out.find("Vacant posts (average over the period's month ends)"), std::string::npos);
  EXPECT_NE(r.out.find("Report: "), std::string::npos);
  // No progress bar when stderr is not a terminal; -n 4 is warned about there, and only there.
  EXPECT_EQ(r.err,
            "Warning: with fewer than 10 replications the intervals are unstable; use -n 20 or "
            "more.\n");
  for (const char* f : {"summary.txt", "report.json", "series.csv", "report.html"})
    EXPECT_TRUE(fs::exists(dir / f)) << f;
  EXPECT_EQ(slurp(dir / "summary.txt") + "\nReport: " + (dir / "report.html").string() + "\n",
            r.out);
  EXPECT_EQ(slurp(events).rfind("date,event,cadre,name,from,to,reason,value\n", 0), 0u);
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  fs::remove_all(dir);
  fs::remove(events);
}

TEST(Cli, OutputsAreByteIdenticalForOneAndTwoThreads) {
  const fs::path a = run_scratch("t1"), b = run_scratch("t2");
  const std::string env = "SOURCE_DATE_EPOCH=1764000000 ";
  const std::string scen = src("tests/data/engine-small.json");
  const std::string args_a = scen + " -n 6 --threads 1 -q --out " + a.string();
  const std::string args_b = scen + " -n 6 --threads 2 -q --out " + b.string();
  ASSERT_EQ(run_cadresim("run " + args_a, "", env).exit_code, 0);
  ASSERT_EQ(run_cadresim("run " + args_b, "", env).exit_code, 0);
  // report.json and report.html record the command line, which differs only in --threads and
  // --out; everything else must be the same bytes.
  auto without = [](std::string text, const std::string& args) {
    for (auto p = text.find(args); p != std::string::npos; p = text.find(args))
      text.erase(p, args.size());
    return text;
  };
  for (const char* f : {"summary.txt", "series.csv", "report.json", "report.html"})
    EXPECT_EQ(without(slurp(a / f), args_a), without(slurp(b / f), args_b)) << f;
  fs::remove_all(a);
  fs::remove_all(b);
}

TEST(Cli, AnInvalidScenarioWritesNothingAndExitsThree) {
  const fs::path dir = run_scratch("bad");
  const fs::path bad = run_scratch("bad.json");
  const std::string base = copy_beside("tests/data/engine-small.json", "base.json");
  std::ofstream(bad) << R"({"extends": ")" << base
                     << R"(", "attrition": {"rate_per_year_by_levle": {}}})";
  const CliRun r = run_cadresim("run \"" + bad.string() + "\" -n 2 --out \"" + dir.string() + "\"");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("/attrition/rate_per_year_by_levle"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean \"rate_per_year_by_level\""), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir));
  fs::remove(bad);
  fs::remove(base);
}

TEST(Cli, CompareReportsPairedDifferencesSideBySide) {
  const fs::path dir = run_scratch("cmp");
  const fs::path variant = run_scratch("variant.json");
  const std::string base = copy_beside("tests/data/engine-small.json", "base.json");
  std::ofstream(variant)
      << R"({"extends": ")" << base
      << R"(", "name": "more-exits", "attrition": {"rate_per_year_by_level": {"commune": 0.08}}})";
  const CliRun r = run_cadresim("compare \"" + base + "\" \"" + variant.string() +
                                "\" -n 8 --out \"" + dir.string() + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("more-exits versus engine-small"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("difference [95% CI]"), std::string::npos);
  const std::string csv = slurp(dir / "series.csv");
  EXPECT_NE(csv.find("\nmore-exits - engine-small,"), std::string::npos);
  fs::remove_all(dir);
  fs::remove(variant);
  fs::remove(base);
}

// A figure with nothing to divide by does not apply (docs/model.md § Statistics): without
// rotations, the income shortfall per move, the share of moves that lose income, the share
// rated "completed well" and plan fulfilment are not 0 (which compare used to judge "better" or
// "worse" than the baseline) but "n/a" everywhere a user reads them; the baseline's are numbers.
TEST(Cli, FiguresThatDoNotApplyReadNotApplicableNotZero) {
  const fs::path dir = run_scratch("na");
  const CliRun r = run_cadresim("compare " + src("scenarios/dien-bien/baseline.json") + " " +
                                src("scenarios/dien-bien/no-rotation.json") + " -n 3 --seed 5 " +
                                "--out \"" + dir.string() + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* label :
       {"Average income shortfall of a rotated cadre", "Rotated cadres rated \"completed well\"",
        "Rotation plan fulfilled", "Rotations that leave the cadre with less income"}) {
    const auto at = r.out.find(std::string("  ") + label);
    ASSERT_NE(at, std::string::npos) << label << "\n" << r.out;
    const std::string row = r.out.substr(at, r.out.find('\n', at) - at);
    EXPECT_NE(row.find(" n/a "), std::string::npos) << row;
    EXPECT_TRUE(row.ends_with("not applicable")) << row;
  }
  EXPECT_NE(r.out.find("(\"n/a\": the figure does not apply"), std::string::npos) << r.out;
  // report.json: null statistics and the count of replications where the figure does not apply.
  std::ifstream in(dir / "report.json");
  const nlohmann::json report = nlohmann::json::parse(in);
  auto total = [&](const nlohmann::json& aggregate, const std::string& metric) {
    for (const auto& t : aggregate.at("totals"))
      if (t.at("metric") == metric && t.at("group") == "all") return t;
    ADD_FAILURE() << metric;
    return nlohmann::json();
  };
  const auto& scenarios = report.at("scenarios");
  ASSERT_EQ(scenarios.size(), 2u);
  for (const char* metric : {"shortfall_mean", "shortfall_positive_share", "completed_well_share",
                             "plan_fulfilment", "support_cost_per_rotation_vnd"}) {
    const auto base = total(scenarios[0].at("results"), metric);
    EXPECT_TRUE(base.at("mean").is_number()) << metric;
    EXPECT_EQ(base.at("n"), 3) << metric;
    EXPECT_FALSE(base.contains("not_applicable")) << metric;
    for (const auto* aggregate :
         {&scenarios[1].at("results"), &scenarios[1].at("difference_from_base")}) {
      const auto none = total(*aggregate, metric);
      EXPECT_TRUE(none.at("mean").is_null()) << metric;
      EXPECT_TRUE(none.at("ci_low").is_null()) << metric;
      EXPECT_EQ(none.at("n"), 0) << metric;
      EXPECT_EQ(none.at("not_applicable"), 3) << metric;
    }
  }
  // series.csv: empty cells (NA for R and pandas), not zeros.
  const std::string csv = slurp(dir / "series.csv");
  for (const char* row :
       {"\nno-rotation,shortfall_mean_total,all,2030-12-31,,,,,,\n",
        "\nno-rotation - dien-bien-baseline,shortfall_mean_total,all,2030-12-31,,,,,,\n",
        "\nno-rotation,completed_well_share_per_year,all,2025-12-31,,,,,,\n"})
    EXPECT_NE(csv.find(row), std::string::npos) << row;
  EXPECT_EQ(csv.find("\ndien-bien-baseline,shortfall_mean_total,all,2030-12-31,,"),
            std::string::npos);
  EXPECT_EQ(csv.find("nan"), std::string::npos);
  // report.html: the cells say so too.
  const std::string html = slurp(dir / "report.html");
  EXPECT_NE(html.find("<td class=\"unclear\">not applicable</td>"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace

namespace cadresim::clitest {
namespace {

TEST(StoryCommand, TellsACareerInBothLanguagesAndRefusesAnUnknownName) {
  const CliRun en = run_cadresim("story \"Vang A Ky\" --until 2023-12-31");
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_NE(en.out.find("The story of Vàng A Kỷ"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("15 Jul 2020  Rotated from"), std::string::npos) << en.out;
  const fs::path html = scratch_path("story", "story.html");
  const CliRun vi = run_cadresim("story \"vàng a kỷ\" --lang vi --until 2023-12-31 --html \"" +
                                 html.string() + "\"");
  ASSERT_EQ(vi.exit_code, 0) << vi.err;
  EXPECT_NE(vi.out.find("Câu chuyện của Vàng A Kỷ"), std::string::npos) << vi.out;
  EXPECT_NE(vi.out.find("15/07/2020  Được luân chuyển từ"), std::string::npos) << vi.out;
  EXPECT_TRUE(fs::exists(html));
  // The page names the cadre: private, like every output written with --with-names.
  EXPECT_EQ(fs::status(html).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  fs::remove(html);
  const CliRun nobody = run_cadresim("story \"Nobody Here\"");
  EXPECT_EQ(nobody.exit_code, 2);
  EXPECT_NE(nobody.err.find("no cadre"), std::string::npos) << nobody.err;
  EXPECT_EQ(run_cadresim("story \"Vang A Ky\" --lang fr").exit_code, 2);
}

}  // namespace
}  // namespace cadresim::clitest
