// `cadresim validate` as a user runs it: the exit code and what goes to stdout and stderr.
#include <gtest/gtest.h>

#include "cli_test_support.hpp"

#include <filesystem>  // temporary output files
#include <fstream>     // reading captured output
#include <string>

namespace fs = std::filesystem;

namespace {

using namespace cadresim;

using clitest::CliRun;
using clitest::run_cadresim;
using clitest::slurp;

const std::string kSourceDir = clitest::kSource.string();

}  // namespace

TEST(ValidateCli, ABadScenarioExitsWithThreeAndWritesNothingToStdout) {
  const CliRun r =
      run_cadresim("validate \"" + kSourceDir + "/tests/data/bad/unknown-key-nested.json\"");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(
      r.err.find("/terms/term_month: unknown key \"term_month\" (did you mean \"term_months\"?)"),
      std::string::npos)
      << r.err;
}

TEST(ValidateCli, ResolvedOutputIsNotPrintedForABadScenario) {
  const CliRun r =
      run_cadresim("validate --resolved \"" + kSourceDir + "/tests/data/bad/nul-byte.json\"");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("NUL"), std::string::npos) << r.err;
}

TEST(ValidateCli, TheBaselineFileValidatesWithExitZero) {
  const CliRun r =
      run_cadresim("validate \"" + kSourceDir + "/scenarios/dien-bien/baseline.json\"");
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
      run_cadresim("validate \"" + kSourceDir + "/scenarios/training/small-district.json\" \"" +
                   kSourceDir + "/tests/data/bad/two-roots.json\"");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("2 roots"), std::string::npos) << r.err;
}
