// The tests' scratch folders (tests/test_scratch.hpp): one path per test and process, removed
// when the test passes, so suites run in parallel neither collide nor leave files in /tmp.
#include <gtest/gtest.h>
#include <unistd.h>  // getpid

#include <filesystem>
#include <fstream>
#include <string>

#include "../test_scratch.hpp"

namespace {

namespace fs = std::filesystem;
using cadresim::testing_support::ScratchCleanup;
using cadresim::testing_support::unique_temp_dir;

TEST(TestScratch, OnePathPerTestAndProcess) {
  const fs::path a = unique_temp_dir("scratch");
  EXPECT_EQ(a, unique_temp_dir("scratch")) << "the same path for every call within one test";
  EXPECT_NE(a, unique_temp_dir("other"));
  const std::string name = a.filename().string();
  EXPECT_NE(name.find("TestScratch.OnePathPerTestAndProcess"), std::string::npos) << name;
  EXPECT_NE(name.find(std::to_string(::getpid())), std::string::npos) << name;
}

TEST(TestScratch, APassingTestsFoldersAreRemovedAtItsEnd) {
  // A listener of its own, given this (so far passing) test's end: it removes every folder it
  // was given, with what is inside, once each even when given twice.
  const fs::path dir =
      fs::temp_directory_path() / ("cadresim-scratch-listener-" + std::to_string(::getpid()));
  fs::create_directories(dir / "inner");
  std::ofstream(dir / "inner" / "file.txt") << "x";
  ScratchCleanup cleanup;
  cleanup.add(dir);
  cleanup.add(dir);
  cleanup.OnTestEnd(*::testing::UnitTest::GetInstance()->current_test_info());
  EXPECT_FALSE(fs::exists(dir));
  cleanup.OnTestEnd(*::testing::UnitTest::GetInstance()->current_test_info());  // nothing left
}

}  // namespace
