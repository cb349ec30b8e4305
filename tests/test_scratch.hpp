#pragma once
/// @file A scratch folder per test and process: CTest runs tests in parallel (-j), and two
/// builds' suites (Release and sanitizer) may run at once, so a fixed /tmp name collides.
/// The folder is removed when its test passes; a failing test keeps it and says where.

#include <gtest/gtest.h>
#include <unistd.h>  // getpid

#include <algorithm>   // std::find
#include <filesystem>  // std::filesystem::path
#include <iostream>    // std::cerr: where a failing test's scratch was kept
#include <string>
#include <system_error>  // std::error_code: removal never throws
#include <vector>

namespace cadresim::testing_support {

/// Removes, at the end of each test, the scratch folders the test asked for: all of them when
/// it passed, none when it failed (they are listed on stderr for inspection).
class ScratchCleanup : public ::testing::EmptyTestEventListener {
 public:
  void add(const std::filesystem::path& dir) {
    if (std::find(dirs_.begin(), dirs_.end(), dir) == dirs_.end()) dirs_.push_back(dir);
  }
  void OnTestEnd(const ::testing::TestInfo& info) override {
    const bool passed = info.result() == nullptr || !info.result()->Failed();
    for (const auto& dir : dirs_) {
      if (passed) {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
      } else {
        std::cerr << "scratch folder kept for inspection: " << dir.string() << '\n';
      }
    }
    dirs_.clear();
  }

 private:
  std::vector<std::filesystem::path> dirs_;
};

/// The one cleanup listener of this test program, appended to GoogleTest's listeners on first
/// use (GoogleTest owns and deletes it). Appending inside a test body is safe: the listeners are
/// only walked at events, and the new one still receives this test's OnTestEnd.
inline ScratchCleanup& scratch_cleanup() {
  static ScratchCleanup* const listener = [] {
    auto* l = new ScratchCleanup;
    ::testing::UnitTest::GetInstance()->listeners().Append(l);
    return l;
  }();
  return *listener;
}

/// <tmp>/cadresim-<stem>-<suite>.<test>-<pid> (the same path for every call within one test),
/// removed when the test passes. The caller creates it.
inline std::filesystem::path unique_temp_dir(const std::string& stem) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string test =
      info != nullptr ? std::string(info->test_suite_name()) + "." + info->name() : "none";
  const auto dir = std::filesystem::temp_directory_path() /
                   ("cadresim-" + stem + "-" + test + "-" + std::to_string(::getpid()));
  if (info != nullptr) scratch_cleanup().add(dir);
  return dir;
}

}  // namespace cadresim::testing_support
