// Issue #17 from the command line: numeric options are usage errors (exit 2), limits are checked
// before any work (exit 3), unwritable outputs fail before the run (exit 1, with the reason),
// SIGTERM stops a long replication (exit 130, nothing written), output sets are whole and never
// overwritten silently, names stay out of reports unless asked, and input can neither flood nor
// drive the terminal.
#include <gmock/gmock.h>  // HasSubstr
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>  // writing scenarios, reading report.json

#include <fcntl.h>     // open (redirecting a child's output)
#include <signal.h>    // kill, SIGTERM
#include <sys/stat.h>  // stat: permissions
#include <sys/wait.h>  // waitpid
#include <unistd.h>    // fork, execv, getpid

#include <algorithm>   // std::count, std::sort
#include <chrono>      // waiting for the child
#include <filesystem>  // scratch folders
#include <fstream>     // writing inputs
#include <string>
#include <thread>  // std::this_thread::sleep_for
#include <vector>

#include "cli_test_support.hpp"

namespace fs = std::filesystem;
using cadresim::clitest::CliRun;
using cadresim::clitest::q;
using cadresim::clitest::slurp;
using nlohmann::json;
using testing::HasSubstr;
using testing::Not;

namespace {

using cadresim::clitest::kSource;
const fs::path kTraining = kSource / "scenarios" / "training" / "small-district.json";
using cadresim::clitest::kSmall;

/// A fresh folder for one test, removed at the end.
class Scratch {
 public:
  Scratch() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path = fs::temp_directory_path() /
           ("cadresim-hard-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
  fs::path path;
};

CliRun exe(const std::string& args, const std::string& cwd = "") {
  return cadresim::clitest::run_cadresim(args, cwd);
}

unsigned permissions(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 0777U;
}

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

// -n -5 used to become 2^64 - 5 ("cannot create std::vector larger than max_size()", exit 1),
// -n 1000000000 ended in std::bad_alloc and --seed -1 silently became 2^64 - 1.
TEST(NumericOptions, AreUsageErrorsWithTheAllowedRange) {
  const std::string scen = q(kSmall);
  for (const char* bad :
       {"-n -5", "-n 1000000000", "-n 0", "-n abc", "-n 1.5", "--seed -1",
        "--seed 18446744073709551616", "--seed ' 1'", "--threads 5000", "--threads -1"}) {
    SCOPED_TRACE(bad);
    const CliRun r = exe("run " + scen + " " + std::string(bad));
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr("must be a whole number from"));
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(exe("compare " + scen + " " + scen + " " + bad).exit_code, 2);
    EXPECT_EQ(exe("markov --from-scenario " + scen + " " + bad).exit_code, 2);
    // sweep and optimise read them as run does: before, "-n -5" asked for a vector of 2^64 - 5
    // and "-n 1000000000" ended in std::bad_alloc (exit 1).
    const std::string lever = " --vary /support/top_up_vnd_per_month=0:1000000:1000000 ";
    const CliRun sw = exe("sweep " + scen + lever + bad);
    EXPECT_EQ(sw.exit_code, 2) << sw.err;
    EXPECT_THAT(sw.err, HasSubstr("cadresim sweep: --"));
    EXPECT_EQ(
        exe("optimise " + scen + lever + "--target 'successor_coverage_1_end>=0' " + bad).exit_code,
        2);
  }
  for (const char* bad : {"--lhs -3", "--lhs 100001"}) {
    const CliRun r = exe("sweep " + scen + " " + bad);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr("--lhs must be a whole number from 0 to 100000"));
  }
  const CliRun sets = exe("optimise " + scen +
                          " --vary /support/top_up_vnd_per_month=0:1 --target "
                          "'successor_coverage_1_end>=0' --assumptions -3");
  EXPECT_EQ(sets.exit_code, 2) << sets.err;
  EXPECT_THAT(sets.err, HasSubstr("--assumptions must be a whole number from 0 to 100000"));
  for (const char* bad : {"--seed -1", "--replication -2", "--seed x"}) {
    const CliRun r = exe("story " + scen + " c1 " + bad);
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("cadresim story: --"));
  }
  // run --assumptions too: "-3" asked for a vector of 2^64 - 3 sets.
  const CliRun run_sets = exe("run " + scen + " --assumptions -3");
  EXPECT_EQ(run_sets.exit_code, 2) << run_sets.err;
  EXPECT_THAT(run_sets.err, HasSubstr("cadresim run: --assumptions must be a whole number"));
  const CliRun r = exe("run " + scen + " -n -5");
  EXPECT_EQ(r.err,
            "cadresim run: --replications must be a whole number from 1 to 100000, got '-5'\n");
  const CliRun s = exe("run " + scen + " --seed -1");
  EXPECT_EQ(s.err,
            "cadresim run: --seed must be a whole number from 0 to 18446744073709551615, "
            "got '-1'\n");
}

// A design is counted before it is built: three levers of 10,000 values each made a grid of
// 10^12 points in memory before the 100,000-point limit was checked (std::bad_alloc, exit 1).
// The values a design keeps to the end (points × metrics × replications) are bounded too.
TEST(Limits, ASweepTooLargeIsRefusedBeforeItsDesignIsBuilt) {
  const std::string scen = q(kSmall);
  const CliRun grid = exe("sweep " + scen +
                          " --vary /support/top_up_vnd_per_month=0:9999:1"
                          " --vary /reluctance/accept_slope=0:9999:1"
                          " --vary /reluctance/accept_intercept=0:9999:1 -n 2");
  EXPECT_EQ(grid.exit_code, 2) << grid.err;
  EXPECT_THAT(grid.err, HasSubstr("1000000000000 points is too many (at most 100,000)"));
  const CliRun values = exe("optimise " + scen +
                            " --vary /support/top_up_vnd_per_month=0:9999:1"
                            " --target 'successor_coverage_1_end>=0' -n 10000");
  EXPECT_EQ(values.exit_code, 3) << values.err;
  EXPECT_THAT(values.err, HasSubstr("more values than the limit of 25000000"));
  const CliRun study = exe("run " + scen + " --assumptions 10000 -n 1000");
  EXPECT_EQ(study.exit_code, 3) << study.err;
  EXPECT_THAT(study.err, HasSubstr("more values than the limit of 25000000"));
  const CliRun twice = exe("sweep " + scen +
                           " --vary /support/top_up_vnd_per_month=0:1 "
                           "--vary /support/top_up_vnd_per_month=2:3 -n 2");
  EXPECT_EQ(twice.exit_code, 2) << twice.err;
  EXPECT_THAT(twice.err, HasSubstr("--vary /support/top_up_vnd_per_month is given twice"));
}

TEST(Limits, ASavedRunTooLargeForMemoryIsRefusedBeforeAnyWork) {
  // A run that saves its state keeps every replication; a plain run aggregates as it goes.
  Scratch dir;
  const CliRun r = exe("run -n 100000 --until 2030-01-01 --save-state " +
                       q(dir.path / "state.cadresim") + " --out " + q(dir.path / "out"));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("replication-months, over the limit of 1000000"));
  EXPECT_FALSE(fs::exists(dir.path / "out"));
}

// A valid scenario with 10 million posts used to validate and then grow memory without bound.
TEST(Limits, TenMillionPostsAreRefusedWithExitThree) {
  Scratch dir;
  std::ifstream in(kTraining);
  json doc = json::parse(in);
  doc.erase("$schema");
  for (auto& t : doc["titles"])
    if (t["level"] == "commune") t["posts_per_unit"] = 1000;
  doc["generated_units"] = json::array({{{"parent", doc["units"][1]["id"]},
                                         {"level", "commune"},
                                         {"count", 10000},
                                         {"id_prefix", "g"}}});
  const std::string file = dir.write("huge.json", doc.dump());
  const CliRun r = exe("validate " + q(file));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr(file + ": /titles: the titles create more than 500000 posts"));
  const CliRun run = exe("run " + q(file) + " -n 1 --out " + q(dir.path / "out"));
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_FALSE(fs::exists(dir.path / "out"));
}

TEST(Outputs, AnUnwritableOutFailsBeforeTheRunWithTheReason) {
  // /proc refuses new files even to root, so this holds whoever runs the tests.
  const CliRun r = exe("run " + q(kSmall) + " -n 2 --out /proc/cadresim-test/out");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("cannot write the outputs to /proc/cadresim-test/out"));
  EXPECT_TRUE(r.out.empty()) << "nothing ran";
  Scratch dir;
  const std::string file = dir.write("plain-file", "x");
  const CliRun e = exe("run " + q(kSmall) + " -n 2 --out " + q(dir.path / "o") + " --events " +
                       q(fs::path(file) / "events.csv"));
  EXPECT_EQ(e.exit_code, 1);
  EXPECT_THAT(e.err, HasSubstr("cannot write the event log to"));
  EXPECT_FALSE(fs::exists(dir.path / "o"));
  const CliRun m = exe("markov " + q(kSource / "scenarios/examples/markov-grades.json") +
                       " --out /proc/cadresim-test.json");
  EXPECT_EQ(m.exit_code, 1);
  EXPECT_THAT(m.err, HasSubstr("cannot write --out"));
}

TEST(Outputs, AnExistingOutFolderIsNeverOverwrittenSilently) {
  Scratch dir;
  const fs::path out = dir.path / "out";
  fs::create_directories(out);
  std::ofstream(out / "old.txt") << "old";
  const CliRun r = exe("run " + q(kSmall) + " -n 2 -q --out " + q(out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("already holds files"));
  EXPECT_EQ(slurp(out / "old.txt"), "old");
  const CliRun again = exe("run " + q(kSmall) + " -n 2 -q --overwrite --out " + q(out));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_FALSE(fs::exists(out / "old.txt")) << "the set is replaced as a whole";
  EXPECT_TRUE(fs::exists(out / "report.json"));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
  EXPECT_EQ(entries, 1U) << "no staging folder left beside the set";
}

TEST(Outputs, AnExistingEmptyOutFolderIsUsed) {
  Scratch dir;
  fs::create_directories(dir.path / "empty");
  const CliRun r = exe("run " + q(kSmall) + " -n 2 -q --out " + q(dir.path / "empty"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir.path / "empty" / "report.json"));
}

TEST(RunStore, EachRunGetsANewFolderAndLatestPointsAtIt) {
  Scratch dir;
  const std::string args = "run " + q(kSmall) + " -n 2 -q";
  ASSERT_EQ(exe(args, dir.path.string()).exit_code, 0);
  ASSERT_EQ(exe(args, dir.path.string()).exit_code, 0);
  const fs::path store = dir.path / "results" / "engine-small";
  std::vector<std::string> runs;
  for (const auto& e : fs::directory_iterator(store))
    if (!e.is_symlink()) runs.push_back(e.path().filename().string());
  ASSERT_EQ(runs.size(), 2U);
  std::sort(runs.begin(), runs.end());
  EXPECT_EQ(fs::read_symlink(store / "latest"), runs.back());
  for (const auto& run : runs) EXPECT_TRUE(fs::exists(store / run / "report.json")) << run;
}

// SIGINT after the replications used to be ignored. A test hook (CADRESIM_TEST_INTERRUPT_AT,
// docs/reliability.md) sends SIGINT at the two moments a real Ctrl-C cannot hit reliably: right
// after the replications, and just before the staged output set is moved into place. Either
// way, for each command that writes an output set: exit 130, the message, no output folder and
// no temporary file left.
TEST(Signals, SigintAfterTheReplicationsOrBeforeTheCommitWritesNothing) {
  for (const char* point : {"after-replications", "before-commit"}) {
    for (const std::string command : {"run", "compare", "sweep", "optimise"}) {
      SCOPED_TRACE(command + " " + point);
      Scratch dir;
      const fs::path out = dir.path / "out";
      const std::string lever = " --vary /support/top_up_vnd_per_month=0:1000000:1000000";
      const std::string args =
          command + " " + q(kSmall) + (command == "compare" ? " " + q(kSmall) : "") +
          (command == "sweep" ? lever : "") +
          (command == "optimise" ? lever + " --target 'successor_coverage_1_end>=0'" : "") +
          " -n 2 -q --out " + q(out);
      const CliRun r = cadresim::clitest::run_cadresim(
          args, dir.path.string(), std::string("CADRESIM_TEST_INTERRUPT_AT=") + point + " ");
      EXPECT_EQ(r.exit_code, 130) << r.err;
      EXPECT_NE(r.err.find("interrupted; nothing was written"), std::string::npos) << r.err;
      EXPECT_FALSE(fs::exists(out));
      for (const auto& e : fs::directory_iterator(dir.path))
        ADD_FAILURE() << "left behind: " << e.path();
    }
  }
}

// SIGTERM used to be ignored until the replication in progress ended.
TEST(Signals, SigtermStopsALongReplicationAndNothingIsWritten) {
  Scratch dir;
  // One replication of a large organisation: many seconds of work.
  std::ifstream in(kTraining);
  json doc = json::parse(in);
  doc.erase("$schema");
  doc["calendar"]["end"] = "2099-12-31";
  doc["generated_units"] = json::array({{{"parent", doc["units"][1]["id"]},
                                         {"level", "commune"},
                                         {"count", 3000},
                                         {"id_prefix", "g"}}});
  const std::string file = dir.write("long.json", doc.dump());
  const fs::path out = dir.path / "out";
  const pid_t child = ::fork();
  if (child == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execl(CADRESIM_BINARY, "cadresim", "run", file.c_str(), "-n", "1", "--threads", "1", "--out",
            out.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ASSERT_GT(child, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  ASSERT_EQ(::kill(child, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by the signal instead of stopping cleanly";
  EXPECT_EQ(WEXITSTATUS(status), 130);
  EXPECT_FALSE(fs::exists(out));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
  EXPECT_EQ(entries, 1U) << "only the scenario file: no staging folder";
}

TEST(Privacy, NamesStayOutOfReportsAndLogsUnlessAsked) {
  Scratch dir;
  const std::string name = "Trần Thị Mai (fictional)";  // a named cadre of the training scenario
  const fs::path plain = dir.path / "plain", named = dir.path / "named";
  const CliRun a = exe("run " + q(kTraining) + " -n 2 -q --out " + q(plain) + " --events " +
                       q(dir.path / "plain.csv"));
  ASSERT_EQ(a.exit_code, 0) << a.err;
  for (const char* f : {"report.json", "report.html", "summary.txt", "series.csv"})
    EXPECT_THAT(slurp(plain / f), Not(HasSubstr(name))) << f;
  EXPECT_THAT(slurp(dir.path / "plain.csv"), Not(HasSubstr("Trần Thị Mai")));
  EXPECT_THAT(slurp(dir.path / "plain.csv"), HasSubstr(",tran-thi-mai,,"));
  EXPECT_EQ(json::parse(slurp(plain / "report.json"))["cadre_names_included"], false);

  const CliRun b = exe("run " + q(kTraining) + " -n 2 -q --with-names --out " + q(named) +
                       " --events " + q(dir.path / "named.csv"));
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_THAT(slurp(named / "report.json"), HasSubstr(name));
  EXPECT_THAT(slurp(dir.path / "named.csv"), HasSubstr("Trần Thị Mai"));
  for (const char* f : {"report.json", "report.html", "summary.txt", "series.csv"})
    EXPECT_EQ(permissions(named / f), 0600U) << f;
  EXPECT_EQ(permissions(named), 0700U);
  EXPECT_EQ(permissions(dir.path / "named.csv"), 0600U);
}

TEST(CsvInjection, TextCellsAreQuotedAndFormulasNeutralised) {
  Scratch dir;
  std::ifstream in(kTraining);
  json doc = json::parse(in);
  doc.erase("$schema");
  doc["name"] = "=HYPERLINK(\"http://x\",\"a,b\")";
  doc["rotation"]["flows"][0]["id"] = "@flow,1";
  const std::string file = dir.write("inject.json", doc.dump());
  const CliRun r = exe("run " + q(file) + " -n 2 -q --out " + q(dir.path / "out") + " --events " +
                       q(dir.path / "events.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string series = slurp(dir.path / "out" / "series.csv");
  EXPECT_THAT(series, HasSubstr("\n\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\",acting,all,"));
  EXPECT_THAT(series, Not(HasSubstr("\n=")));
  const std::string events = slurp(dir.path / "events.csv");
  EXPECT_THAT(events, HasSubstr(",\"'@flow,1\","));
}

TEST(TerminalSafety, EscapeSequencesInKeysNeverReachTheTerminal) {
  Scratch dir;
  const std::string file =
      dir.write("esc.json", "{\"extends\": \"" + kTraining.string() +
                                "\", \"\\u001b[2J\\u001b]0;pwned\\u0007\": 1, \"\\u009b31m\": 2}");
  const CliRun r = exe("validate " + q(file));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err.find('\x1B'), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\x07'), std::string::npos);
  EXPECT_EQ(r.err.find("\xC2\x9B"), std::string::npos);
  EXPECT_THAT(r.err, HasSubstr("\\u001B[2J"));
}

TEST(BoundedMessages, AHundredThousandBadColumnsGiveTwentyLinesAndACount) {
  Scratch dir;
  std::string header = "id,sex,birth_date,home_unit";
  for (int i = 0; i < 100'000; ++i) header += ",x" + std::to_string(i);
  dir.write("roster.csv", header + "\n");
  const std::string file = dir.write(
      "s.json",
      json{{"extends", kTraining.string()}, {"population", {{"roster", "roster.csv"}}}}.dump());
  const CliRun r = exe("validate " + q(file));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_LE(count_lines(r.err), 22U) << r.err.substr(0, 2000);
  EXPECT_THAT(r.err, HasSubstr("... and 99980 more problem(s) not listed"));
  EXPECT_THAT(r.err, HasSubstr("100000 problem(s)"));
}

// `cadresim markov` now reads through the strict reader: located errors, exit code 3.
TEST(MarkovStrict, RefusesOverflowDuplicatesAndNulWithALocation) {
  Scratch dir;
  const std::string big = dir.write("big.json", R"({"states": ["a"], "transitions": [[1e400]]})");
  const CliRun r = exe("markov " + q(big));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr(big + ": not valid JSON at byte offset 35 (line 1, column 36): "
                                     "number 1e400 is too large for a double"));
  EXPECT_THAT(r.err, HasSubstr("(at /transitions/0/0)"));
  const std::string dup =
      dir.write("dup.json", R"({"states": ["a"], "states": ["b"], "transitions": [[1]]})");
  const CliRun d = exe("markov " + q(dup));
  EXPECT_EQ(d.exit_code, 3);
  EXPECT_THAT(d.err, HasSubstr("duplicate key \"states\""));
  const std::string nul = dir.write(
      "nul.json", std::string(R"({"states": ["a"], "transitions": [[1]]})") + '\0' + "garbage");
  const CliRun n = exe("markov " + q(nul));
  EXPECT_EQ(n.exit_code, 3);
  EXPECT_THAT(n.err, HasSubstr("raw NUL byte"));
  EXPECT_TRUE(n.out.empty());
}

TEST(RunStore, RerunReproducesTheReportsByteForByteFromTheFolderAlone) {
  Scratch dir;
  // A copy of a scenario with a roster, so the original files can be removed before the rerun.
  const fs::path data = dir.path / "data";
  fs::create_directories(data);
  fs::copy_file(kSource / "tests/data/roster-good.csv", data / "roster-good.csv");
  json doc = json::parse(slurp(kSource / "tests/data/roster-good.json"));
  doc["extends"] = kTraining.string();
  std::ofstream(data / "s.json") << doc.dump(2);
  const fs::path a = dir.path / "a", b = dir.path / "b", c = dir.path / "c";
  const CliRun first =
      exe("run " + q(data / "s.json") + " -n 3 --seed 4 --until 2027-06-30 -q --out " + q(a));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(fs::exists(a / "run.json"));
  EXPECT_TRUE(fs::exists(a / "scenario-1.resolved.json"));
  EXPECT_EQ(permissions(a / "scenario-1.resolved.json"), 0600U);
  std::size_t inputs = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(a / "input" / "1")) ++inputs;
  EXPECT_EQ(inputs, 3U) << "the scenario, its base and its roster";
  EXPECT_EQ(slurp(a / "input/1/3-roster-good.csv"), slurp(kSource / "tests/data/roster-good.csv"));
  fs::remove_all(data);

  const CliRun again = exe("rerun " + q(a) + " -q --out " + q(b));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const CliRun third = exe("rerun " + q(b) + " -q --out " + q(c));
  ASSERT_EQ(third.exit_code, 0) << third.err;
  for (const char* f : {"summary.txt", "report.json", "series.csv", "report.html", "run.json"}) {
    EXPECT_EQ(slurp(a / f), slurp(b / f)) << f;
    EXPECT_EQ(slurp(a / f), slurp(c / f)) << f;
  }
  EXPECT_EQ(exe("rerun " + q(dir.path)).exit_code, 3) << "not a run folder";
}

TEST(RunStore, ACompareCanBeRerunToo) {
  Scratch dir;
  const fs::path a = dir.path / "a", b = dir.path / "b";
  const std::string variant = dir.write(
      "v.json",
      json{{"extends", kTraining.string()}, {"name", "v"}, {"terms", {{"term_months", 48}}}}
          .dump());
  ASSERT_EQ(exe("compare " + q(kTraining) + " " + q(variant) + " -n 3 -q --out " + q(a)).exit_code,
            0);
  const CliRun r = exe("rerun " + q(a) + " -q --out " + q(b));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : {"summary.txt", "report.json", "series.csv", "report.html"})
    EXPECT_EQ(slurp(a / f), slurp(b / f)) << f;
}
