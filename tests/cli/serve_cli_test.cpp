// `cadresim serve` as a command: its options, the address it prints (with a token only when it
// listens beyond localhost) and a clean stop on Ctrl-C. The API itself is tested in
// tests/workspace.
#include <gtest/gtest.h>

#include "cli_test_support.hpp"

namespace cadresim::clitest {
namespace {

const std::string kScenarios = std::string(CADRESIM_SOURCE_DIR) + "/scenarios";

TEST(ServeCli, BadOptionsAndAMissingScenarioFolderAreUsageErrors) {
  EXPECT_EQ(run_cadresim("serve --port 70000").exit_code, 2);
  EXPECT_EQ(run_cadresim("serve --port -1").exit_code, 2);
  EXPECT_EQ(run_cadresim("serve --threads many").exit_code, 2);
  const auto missing = run_cadresim("serve --port 0 --scenarios /nonexistent-cadresim-folder");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("--scenarios"), std::string::npos) << missing.err;
}

TEST(ServeCli, OnLocalhostTheAddressHasNoTokenAndCtrlCStopsIt) {
  const auto r = run_cadresim("serve --port 0 --scenarios \"" + kScenarios + "\"", "",
                              "timeout --preserve-status -s INT 2 ");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("open http://127.0.0.1:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("token="), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("stopped"), std::string::npos) << r.out;
}

TEST(ServeCli, BeyondLocalhostTheAddressCarriesANewTokenEachStart) {
  auto start = [&] {
    return run_cadresim("serve --host 127.0.0.2 --port 0 --scenarios \"" + kScenarios + "\"", "",
                        "timeout --preserve-status -s INT 2 ");
  };
  const auto a = start(), b = start();
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const auto token = [](const std::string& out) {
    const auto at = out.find("?token=");
    return at == std::string::npos ? std::string() : out.substr(at + 7, 24);
  };
  EXPECT_EQ(token(a.out).size(), 24u) << a.out;
  EXPECT_NE(token(a.out), token(b.out));
}

}  // namespace
}  // namespace cadresim::clitest
