#pragma once
/// @file Running `cadresim markov` in-process, through its entry point, with its exit code,
/// standard output and standard error captured (GoogleTest's capture).

#include <gtest/gtest.h>

#include <span>
#include <string>
#include <utility>  // std::move
#include <vector>

namespace cadresim::cli {
int markov_main(std::span<const std::string> args);
}

namespace cadresim::clitest {

/// What one call of markov_main gave.
struct MarkovRun {
  int rc;
  std::string out;
  std::string err;
};

/// markov_main(args), with stdout and stderr captured.
inline MarkovRun run_markov(std::vector<std::string> args) {
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  const int rc = cli::markov_main(args);
  std::string out = testing::internal::GetCapturedStdout();
  std::string err = testing::internal::GetCapturedStderr();
  return {rc, std::move(out), std::move(err)};
}

}  // namespace cadresim::clitest
