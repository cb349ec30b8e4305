#pragma once
/// @file Running the `cadresim` binary from a test (CADRESIM_BINARY) with its exit code,
/// standard output and standard error captured.

#include <gtest/gtest.h>
#include <unistd.h>  // getpid: scratch names unique per process

#include <sys/wait.h>  // WIFEXITED, WEXITSTATUS for std::system's result

#include <cstdlib>     // std::system
#include <filesystem>  // temporary capture files
#include <fstream>     // reading captured output
#include <iterator>    // std::istreambuf_iterator
#include <string>

#include "../test_scratch.hpp"  // scratch_cleanup

namespace cadresim::clitest {

namespace fs = std::filesystem;

/// The source tree's root, and the small test scenario in it.
inline const fs::path kSource{CADRESIM_SOURCE_DIR};
inline const fs::path kSmall = kSource / "tests" / "data" / "engine-small.json";

/// Path of a file in the source tree, as text for a command line (unquoted).
inline std::string src(const char* relative) {
  return (kSource / relative).string();
}

/// What a run of the binary produced.
struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// `p` in double quotes, for a command line (built step by step: GCC 12 warns (-Wrestrict) on
/// "\"" + s).
inline std::string q(const fs::path& p) {
  std::string quoted(1, '"');
  quoted += p.string();
  quoted += '"';
  return quoted;
}

/// Whole contents of a file ("" if missing).
inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A fresh scratch path for the current test: <tmp>/cadresim-<prefix>-<test>-<pid>-<what>
/// (removed first, and when the test passes; the process id keeps two builds' suites running at
/// once apart, and `what` comes last so that a file name keeps its extension).
inline fs::path scratch_path(const std::string& prefix, const std::string& what) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const fs::path p = fs::temp_directory_path() / ("cadresim-" + prefix + "-" + info->name() + "-" +
                                                  std::to_string(::getpid()) + "-" + what);
  fs::remove_all(p);
  testing_support::scratch_cleanup().add(p);  // removed again when the test passes
  return p;
}

/// Runs `cadresim <args>` with no standard input, from `cwd` when given, with `env` (e.g.
/// "X=1 ") before the command; stdout and stderr are captured.
inline CliRun run_cadresim(const std::string& args, const std::string& cwd = "",
                           const std::string& env = "") {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  // The process id keeps two builds' test runs (Release and sanitizer at once) apart.
  const fs::path base =
      fs::temp_directory_path() / (std::string("cadresim-cli-") + info->test_suite_name() + "-" +
                                   info->name() + "-" + std::to_string(::getpid()));
  const fs::path out = base.string() + ".out", err = base.string() + ".err";
  const std::string cd = cwd.empty() ? "" : "cd \"" + cwd + "\" && ";
  // English unless the test asks (its `env` comes later and wins), whatever the locale.
  const std::string cmd = cd + "LC_ALL=C.UTF-8 " + env + "\"" + CADRESIM_BINARY + "\" " + args +
                          " >\"" + out.string() + "\" 2>\"" + err.string() + "\" </dev/null";
  const int status = std::system(cmd.c_str());
  CliRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

}  // namespace cadresim::clitest
