// Output files and sets (analysis/output_set.hpp): a set appears whole or not at all, an old
// set is replaced in one step, staging left by a killed process is cleaned, permissions are
// those asked for, and a failing write says why (the system's words).
#include "analysis/output_set.hpp"

#include <gtest/gtest.h>

#include <sys/resource.h>  // setrlimit (a file size limit stands in for a full disk)
#include <sys/stat.h>      // stat: permissions
#include <sys/wait.h>      // waitpid
#include <unistd.h>        // getpid, fork

#include <csignal>     // SIGXFSZ
#include <filesystem>  // folders
#include <fstream>     // reading files back
#include <iterator>    // std::istreambuf_iterator
#include <string>

namespace fs = std::filesystem;
using namespace cadresim::analysis;

namespace {

fs::path scratch() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const fs::path p = fs::temp_directory_path() / ("cadresim-outset-" + std::string(info->name()) +
                                                  "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

unsigned permissions(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 0777U;
}

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST(StagedFolder, NothingIsAtTheTargetUntilCommitAndEverythingIsAfter) {
  const fs::path root = scratch();
  const fs::path target = root / "run";
  {
    StagedFolder set(target);
    set.write("a.txt", "A");
    set.write("sub/b.txt", "B");
    EXPECT_FALSE(fs::exists(target));
    set.commit(false);
  }
  EXPECT_EQ(slurp(target / "a.txt"), "A");
  EXPECT_EQ(slurp(target / "sub" / "b.txt"), "B");
  EXPECT_EQ(entries(root), 1U) << "no staging folder is left";
  fs::remove_all(root);
}

TEST(StagedFolder, AnAbandonedSetLeavesNothing) {
  const fs::path root = scratch();
  {
    StagedFolder set(root / "run");
    set.write("a.txt", "A");
  }  // an exception (or an interrupt) before commit
  EXPECT_EQ(entries(root), 0U);
  fs::remove_all(root);
}

TEST(StagedFolder, ReplacesAnOldSetAsAWholeOnlyWhenAsked) {
  const fs::path root = scratch();
  const fs::path target = root / "run";
  {
    StagedFolder old(target);
    old.write("a.txt", "old");
    old.write("only-old.txt", "x");
    old.commit(false);
  }
  {
    StagedFolder again(target);
    again.write("a.txt", "new");
    EXPECT_THROW(again.commit(false), std::runtime_error);  // never silently overwritten
  }
  EXPECT_EQ(slurp(target / "a.txt"), "old");
  {
    StagedFolder replacing(target);
    replacing.write("a.txt", "new");
    replacing.commit(true);
  }
  EXPECT_EQ(slurp(target / "a.txt"), "new");
  EXPECT_FALSE(fs::exists(target / "only-old.txt")) << "no mix of old and new";
  EXPECT_EQ(entries(root), 1U);
  fs::remove_all(root);
}

TEST(StagedFolder, RemovesStagingLeftByAProcessThatIsGone) {
  const fs::path root = scratch();
  // A child process stands for a run killed while writing: its staging folder stays behind.
  const pid_t child = ::fork();
  if (child == 0) {
    try {
      StagedFolder set(root / "run");
      set.write("a.txt", "half");
      ::_exit(0);  // before the destructor runs: as if killed
    } catch (...) {
      ::_exit(1);
    }
  }
  ASSERT_GT(child, 0);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_EQ(entries(root), 1U);  // the dead process's staging folder
  {
    StagedFolder set(root / "run");
    set.write("a.txt", "whole");
    set.commit(false);
  }
  EXPECT_EQ(entries(root), 1U) << "the stale staging folder was removed";
  EXPECT_EQ(slurp(root / "run" / "a.txt"), "whole");
  fs::remove_all(root);
}

TEST(StagedFolder, FilesGetThePermissionsAsked) {
  const fs::path root = scratch();
  const mode_t old_mask = ::umask(022);
  {
    StagedFolder set(root / "run", 0700);
    set.write("private.json", "{}", kPrivateFileMode);
    set.write("public.csv", "a\n", kPublicFileMode);
    set.commit(false);
  }
  ::umask(old_mask);
  EXPECT_EQ(permissions(root / "run"), 0700U);
  EXPECT_EQ(permissions(root / "run" / "private.json"), 0600U);
  EXPECT_EQ(permissions(root / "run" / "public.csv"), 0644U);
  fs::remove_all(root);
}

TEST(ReplaceSymlink, PointsTheLinkAtTheNewTarget) {
  const fs::path root = scratch();
  replace_symlink(root / "latest", "one");
  EXPECT_EQ(fs::read_symlink(root / "latest"), "one");
  replace_symlink(root / "latest", "two");
  EXPECT_EQ(fs::read_symlink(root / "latest"), "two");
  EXPECT_EQ(entries(root), 1U);
  fs::remove_all(root);
}

// A full disk cannot be made in a test; a file size limit fails write() the same way, and the
// message must carry the system's reason, not only "error while writing".
TEST(WriteFileAtomically, AFailingWriteSaysWhyAndLeavesNoTemporaryFile) {
  const fs::path root = scratch();
  const pid_t child = ::fork();
  if (child == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{1000, 1000};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    try {
      write_file_atomically(root / "big.txt", std::string(100'000, 'x'));
      ::_exit(1);
    } catch (const std::runtime_error& e) {
      const std::string what = e.what();
      ::_exit(what.find("File too large") != std::string::npos &&
                      what.find("big.txt") != std::string::npos
                  ? 0
                  : 2);
    }
  }
  ASSERT_GT(child, 0);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: the write succeeded; 2: the message lacks the reason";
  EXPECT_EQ(entries(root), 0U) << "no temporary file is left";
  fs::remove_all(root);
}

TEST(WriteFileAtomically, AnUnwritableFolderSaysPermissionDenied) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  const fs::path root = scratch();
  fs::permissions(root, fs::perms::owner_read | fs::perms::owner_exec);
  try {
    write_file_atomically(root / "x.txt", "x");
    ADD_FAILURE() << "written into a read-only folder";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("Permission denied"), std::string::npos) << e.what();
  }
  fs::permissions(root, fs::perms::owner_all);
  fs::remove_all(root);
}
