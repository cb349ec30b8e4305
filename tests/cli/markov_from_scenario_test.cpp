// Tests of `cadresim markov --from-scenario` through its entry point markov_main: on the
// pool-only scenario tests/data/pools-grades.json (an exact Markov chain) the estimated matrix
// is within 4 standard errors of the true P, read independently from the scenario file; the
// table format; and the usage and input errors of docs/cli.md (exit codes 2 and 3).
#include <gmock/gmock.h>  // HasSubstr
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>  // parse the JSON output and the scenario

#include <cmath>    // std::abs
#include <fstream>  // std::ifstream
#include <span>
#include <string>
#include <vector>

#include "cli/commands.hpp"         // ExitCode
#include "markov_main_support.hpp"  // run_markov

using cadresim::clitest::MarkovRun;
using cadresim::clitest::run_markov;
using nlohmann::json;
using testing::HasSubstr;

namespace {

const std::string kPools = std::string(CADRESIM_SOURCE_DIR) + "/tests/data/pools-grades.json";

}  // namespace

TEST(MarkovFromScenario, PoolScenarioEstimateIsWithinFourStandardErrorsOfTheTrueMatrix) {
  const MarkovRun r =
      run_markov({"--from-scenario", kPools, "-n", "100", "--seed", "5", "--threads", "2"});
  ASSERT_EQ(r.rc, cadresim::cli::kOk) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["by"], "pool");  // auto: the scenario has pools
  EXPECT_EQ(j["replications"], 100);
  const std::vector<std::string> states = j["states"];
  ASSERT_EQ(states, (std::vector<std::string>{"A0", "A1", "A2", "A3"}));
  // The true P from the scenario file itself; leaving is the rest of each row.
  std::ifstream in(kPools);
  const json scenario = json::parse(in);
  for (std::size_t i = 0; i < states.size(); ++i) {
    const json& row = scenario["pools"]["states"][i]["transitions"];
    double stay_or_move = 0;
    for (std::size_t k = 0; k < states.size(); ++k) {
      const double truth = row.value(states[k], 0.0);
      stay_or_move += truth;
      const double p = j["transitions"][i][k], se = j["transitions_se"][i][k];
      EXPECT_LE(std::abs(p - truth), 4 * se + 1e-12)
          << states[i] << " -> " << states[k] << ": " << p << " ± " << se << ", true " << truth;
    }
    const double leaving = j["leaving"][i], se = j["leaving_se"][i];
    EXPECT_LE(std::abs(leaving - (1 - stay_or_move)), 4 * se + 1e-12) << states[i] << " leaving";
  }
  // One snapshot per 31 December 2020..2059; the projection starts from the first one.
  EXPECT_EQ(j["snapshot_dates"].size(), 40u);
  EXPECT_EQ(j["snapshot_dates"][0], "2020-12-31");
  EXPECT_EQ(j["projected_stocks"].size(), 40u);
  EXPECT_EQ(j["projected_stocks"][0], j["simulated_stocks"][0]);
  EXPECT_EQ(j["simulated_stocks"][0], json::parse("[200.0, 150.0, 80.0, 20.0]"));
  // For an exact chain the projection from the estimate stays close to the simulated means.
  EXPECT_LT(j["max_gap_in_standard_errors"].get<double>(), 4.5);
}

TEST(MarkovFromScenario, TableShowsMatrixStandardErrorsExposureAndStocks) {
  const MarkovRun r = run_markov({"--from-scenario", kPools, "-n", "5", "--format", "table"});
  ASSERT_EQ(r.rc, cadresim::cli::kOk) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Estimated yearly transition probabilities"));
  EXPECT_THAT(r.out, HasSubstr("Standard errors"));
  EXPECT_THAT(r.out, HasSubstr("cadre-years"));
  EXPECT_THAT(r.out, HasSubstr("A3 proj"));
  EXPECT_THAT(r.out, HasSubstr("31 Dec 2059"));  // dates of a table in the language's style
}

TEST(MarkovFromScenario, ByLevelGroupsPoolGradesByTheirLevel) {
  const MarkovRun r = run_markov({"--from-scenario", kPools, "-n", "3", "--by", "level"});
  ASSERT_EQ(r.rc, cadresim::cli::kOk) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["states"], json::parse(R"(["province"])"));
  EXPECT_EQ(j["simulated_stocks"][0][0], 450.0);
}

TEST(MarkovFromScenario, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run_markov({"--from-scenario", kPools, kPools}).rc, cadresim::cli::kUsageError);
  EXPECT_EQ(run_markov({"--from-scenario", kPools, "--by", "colour"}).rc,
            cadresim::cli::kUsageError);
  EXPECT_EQ(run_markov({"--from-scenario", kPools, "-n", "0"}).rc, cadresim::cli::kUsageError);
  const MarkovRun titles = run_markov({"--from-scenario", kPools, "--by", "title"});
  EXPECT_EQ(titles.rc, cadresim::cli::kUsageError);
  EXPECT_THAT(titles.err, HasSubstr("has no titles"));
  const MarkovRun seed = run_markov({kPools, "--seed", "3"});
  EXPECT_EQ(seed.rc, cadresim::cli::kUsageError);
  EXPECT_THAT(seed.err, HasSubstr("only applies with --from-scenario"));
}

TEST(MarkovFromScenario, InvalidScenarioExitsWithThreeAndPrintsNothing) {
  const MarkovRun r = run_markov(
      {"--from-scenario", std::string(CADRESIM_SOURCE_DIR) + "/tests/data/missing.json"});
  EXPECT_EQ(r.rc, cadresim::cli::kInvalidInput);
  EXPECT_TRUE(r.out.empty());
}
