#pragma once
/// @file A scratch folder per test and process: CTest runs tests in parallel (-j), and two
/// builds' suites (Release and sanitizer) may run at once, so a fixed /tmp name collides.

#include <gtest/gtest.h>
#include <unistd.h>  // getpid

#include <filesystem>  // std::filesystem::path
#include <string>

namespace cadresim::testing_support {

/// <tmp>/cadresim-<stem>-<suite>.<test>-<pid> (the same path for every call within one test).
inline std::filesystem::path unique_temp_dir(const std::string& stem) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string test =
      info != nullptr ? std::string(info->test_suite_name()) + "." + info->name() : "none";
  return std::filesystem::temp_directory_path() /
         ("cadresim-" + stem + "-" + test + "-" + std::to_string(::getpid()));
}

}  // namespace cadresim::testing_support
