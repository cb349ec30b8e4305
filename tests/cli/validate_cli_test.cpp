// `cadresim validate` as a user runs it: the exit code and what goes to stdout and stderr.
#include <gtest/gtest.h>

#include <sys/wait.h>  // WIFEXITED, WEXITSTATUS for std::system's result

#include <cstdlib>     // std::system
#include <filesystem>  // temporary output files
#include <fstream>     // reading captured output
#include <iterator>    // std::istreambuf_iterator
#include <string>

namespace fs = std::filesystem;

namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Runs `cadresim <args>` (from directory `cwd` when given) with stdout and stderr captured.
CliRun run_cadresim(const std::string& args, const std::string& cwd = "") {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const fs::path base = fs::temp_directory_path() / (std::string("cadresim-cli-") + info->name());
  const fs::path out = base.string() + ".out", err = base.string() + ".err";
  const std::string cd = cwd.empty() ? "" : "cd \"" + cwd + "\" && ";
  const std::string cmd = cd + "\"" + CADRESIM_BINARY + "\" " + args + " >\"" + out.string() +
                          "\" 2>\"" + err.string() + "\"";
  const int status = std::system(cmd.c_str());
  CliRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

const std::string kSource = CADRESIM_SOURCE_DIR;

}  // namespace

TEST(ValidateCli, ABadScenarioExitsWithThreeAndWritesNothingToStdout) {
  const CliRun r =
      run_cadresim("validate \"" + kSource + "/tests/data/bad/unknown-key-nested.json\"");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(
      r.err.find("/terms/term_month: unknown key \"term_month\" (did you mean \"term_months\"?)"),
      std::string::npos)
      << r.err;
}

TEST(ValidateCli, ResolvedOutputIsNotPrintedForABadScenario) {
  const CliRun r =
      run_cadresim("validate --resolved \"" + kSource + "/tests/data/bad/nul-byte.json\"");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("NUL"), std::string::npos) << r.err;
}

TEST(ValidateCli, TheBaselineFileValidatesWithExitZero) {
  const CliRun r = run_cadresim("validate \"" + kSource + "/scenarios/dien-bien/baseline.json\"");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("OK"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("10 district, 129 commune"), std::string::npos) << r.out;
}

TEST(ValidateCli, TheBuiltInBaselineValidatesFromAnyDirectory) {
  const CliRun r = run_cadresim("validate --quiet", fs::temp_directory_path().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(ValidateCli, OneBadFileAmongGoodOnesMakesTheExitCodeThree) {
  const CliRun r =
      run_cadresim("validate \"" + kSource + "/scenarios/training/small-district.json\" \"" +
                   kSource + "/tests/data/bad/two-roots.json\"");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("2 roots"), std::string::npos) << r.err;
}
