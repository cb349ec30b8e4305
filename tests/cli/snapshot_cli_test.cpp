// `cadresim run --until D --save-state F` then `cadresim run --from-state F` as a user runs
// them: the continued run's files equal the uninterrupted run's, and a damaged snapshot or a
// wrong command line is refused with a message, a non-zero exit and nothing written.
#include <gtest/gtest.h>
#include <unistd.h>  // getpid: scratch names unique per process

#include "cli_test_support.hpp"

#include <filesystem>  // output directories
#include <fstream>     // damaging a snapshot
#include <string>

namespace fs = std::filesystem;

namespace {

using cadresim::clitest::CliRun;
using cadresim::clitest::slurp;
using cadresim::clitest::src;

fs::path snap_scratch(const std::string& what) {
  return cadresim::clitest::scratch_path("snap", what);
}

CliRun run_fixed_clock(const std::string& args) {
  return cadresim::clitest::run_cadresim(args, "", "SOURCE_DATE_EPOCH=1764000000 ");
}

// The text without every occurrence of `args` (report.json records the command line).
std::string without(std::string text, const std::string& args) {
  for (auto p = text.find(args); p != std::string::npos; p = text.find(args))
    text.erase(p, args.size());
  return text;
}

TEST(SnapshotCli, SaveAt2026ThenContinueGivesTheUninterruptedRun) {
  const fs::path whole = snap_scratch("whole"), part = snap_scratch("part"),
                 cont = snap_scratch("cont");
  const fs::path state = snap_scratch("baseline.state");
  const fs::path ev_whole = snap_scratch("whole.csv"), ev_cont = snap_scratch("cont.csv");
  const std::string scen = src("scenarios/dien-bien/baseline.json");
  const std::string args_whole = scen + " -n 3 --seed 4 -q --threads 1 --out " + whole.string() +
                                 " --events " + ev_whole.string();
  const std::string args_part = scen + " -n 3 --seed 4 -q --until 2026-01-01 --save-state " +
                                state.string() + " --out " + part.string();
  const std::string args_cont = "--from-state " + state.string() + " " + scen +
                                " -q --threads 2 --out " + cont.string() + " --events " +
                                ev_cont.string();
  const CliRun w = run_fixed_clock("run " + args_whole);
  ASSERT_EQ(w.exit_code, 0) << w.err;
  const CliRun p = run_fixed_clock("run " + args_part);
  ASSERT_EQ(p.exit_code, 0) << p.err;
  ASSERT_TRUE(fs::exists(state));
  EXPECT_EQ(fs::status(state).permissions() & fs::perms::others_read, fs::perms::none);
  EXPECT_TRUE(fs::exists(part / "report.json"));
  const CliRun c = run_fixed_clock("run " + args_cont);
  ASSERT_EQ(c.exit_code, 0) << c.err;
  // The same scenario: no variant note (only the warning for -n 3, docs/cli.md).
  EXPECT_EQ(c.err.find("(a variant)"), std::string::npos) << c.err;
  for (const char* f : {"summary.txt", "series.csv", "report.json"})
    EXPECT_EQ(without(slurp(whole / f), args_whole), without(slurp(cont / f), args_cont)) << f;
  EXPECT_EQ(slurp(ev_whole), slurp(ev_cont));
  // rerun repeats the saved run's reports (the snapshot is a side file, not rewritten) but
  // cannot repeat a continued run, whose snapshot the run folder does not hold.
  const fs::path again = snap_scratch("again");
  const CliRun rp = run_fixed_clock("rerun " + part.string() + " -q --out " + again.string());
  EXPECT_EQ(rp.exit_code, 0) << rp.err;
  EXPECT_EQ(slurp(again / "series.csv"), slurp(part / "series.csv"));
  const CliRun rc = run_fixed_clock("rerun " + cont.string() + " -q --out " + again.string() + "2");
  EXPECT_EQ(rc.exit_code, 3);
  EXPECT_NE(rc.err.find("continued a snapshot"), std::string::npos) << rc.err;
  fs::remove_all(again);
  // A variant continues with a note; -n with --from-state is a usage error.
  const fs::path var = snap_scratch("var");
  const CliRun v =
      run_fixed_clock("run --from-state " + state.string() + " " +
                      src("scenarios/dien-bien/full-compensation.json") + " --out " + var.string());
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_NE(v.err.find("(a variant)"), std::string::npos) << v.err;
  EXPECT_EQ(run_fixed_clock("run --from-state " + state.string() + " -n 5").exit_code, 2);
  for (const auto& d : {whole, part, cont, var}) fs::remove_all(d);
  for (const auto& f : {state, ev_whole, ev_cont}) fs::remove(f);
}

TEST(SnapshotCli, ADamagedSnapshotOrAWrongScenarioIsRefusedAndNothingIsWritten) {
  const fs::path state = snap_scratch("small.state"), out = snap_scratch("out");
  const std::string small = src("tests/data/engine-small.json");
  EXPECT_EQ(run_fixed_clock("run " + small + " -n 2 --save-state " + state.string()).exit_code, 2)
      << "--save-state needs --until";
  EXPECT_EQ(
      run_fixed_clock("run " + small + " -n 2 --until 2030-12-31 --save-state " + state.string())
          .exit_code,
      2)
      << "nothing left to continue at the end date";
  ASSERT_EQ(run_fixed_clock("run " + small + " -n 2 -q --until 2024-03-03 --save-state " +
                            state.string() + " --out " + snap_scratch("saved").string())
                .exit_code,
            0);
  fs::remove_all(snap_scratch("saved"));
  // Another organisation.
  const CliRun other =
      run_fixed_clock("run --from-state " + state.string() + " " +
                      src("tests/data/engine-nested.json") + " --out " + out.string());
  EXPECT_EQ(other.exit_code, 3);
  EXPECT_NE(other.err.find(state.string() + ": cannot continue with"), std::string::npos)
      << other.err;
  EXPECT_NE(other.err.find("organisation"), std::string::npos) << other.err;
  EXPECT_FALSE(fs::exists(out));
  // A flipped byte.
  std::string bytes = slurp(state);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
  std::ofstream(state, std::ios::binary | std::ios::trunc) << bytes;
  const CliRun bad = run_fixed_clock("run --from-state " + state.string() + " " + small +
                                     " --out " + out.string());
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.err.find(state.string() + ": corrupted"), std::string::npos) << bad.err;
  EXPECT_TRUE(bad.out.empty());
  EXPECT_FALSE(fs::exists(out));
  // Truncated.
  std::ofstream(state, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
  const CliRun cut = run_fixed_clock("run --from-state " + state.string() + " " + small);
  EXPECT_EQ(cut.exit_code, 3);
  EXPECT_NE(cut.err.find(state.string() + ": truncated"), std::string::npos) << cut.err;
  // Missing.
  fs::remove(state);
  const CliRun none = run_fixed_clock("run --from-state " + state.string() + " " + small);
  EXPECT_EQ(none.exit_code, 3);
  EXPECT_NE(none.err.find(state.string() + ": cannot be read"), std::string::npos) << none.err;
}

}  // namespace
