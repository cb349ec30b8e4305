// Where `extends` and `roster` may point (docs/scenarios.md § Referenced files): regular files
// only (a named pipe must not hang the loader), inside the top file's folder, a folder named
// `scenarios` or CADRESIM_SCENARIO_PATH; and never a line of a refused file in a message.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>  // writing scenario files

#include <sys/stat.h>  // mkfifo
#include <unistd.h>    // getpid

#include <cstdlib>     // setenv, unsetenv
#include <filesystem>  // temporary folders, symbolic links
#include <fstream>     // std::ofstream
#include <string>

#include "scenario_test_support.hpp"  // the training scenario, the loader's problems
#include "sim/scenario/loader.hpp"

namespace fs = std::filesystem;
using cadresim::scenario::InvalidInput;
using cadresim::scenario::load_scenario_file;
using nlohmann::json;

namespace {

using cadresim::scenariotest::kTraining;

/// A fresh folder tree for one test: `top/` holds the top scenario, `outside/` is a sibling.
class Tree {
 public:
  Tree() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            ("cadresim-paths-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "top");
    fs::create_directories(root_ / "outside");
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  Tree(const Tree&) = delete;
  Tree& operator=(const Tree&) = delete;
  fs::path top() const { return root_ / "top"; }
  fs::path outside() const { return root_ / "outside"; }
  fs::path write(const fs::path& path, const json& doc) const {
    std::ofstream(path) << doc.dump(2);
    return path;
  }

 private:
  fs::path root_;
};

/// The one problem at `where` of loading `file`, or a failure when it loads.
std::string problem_at(const fs::path& file, const std::string& where) {
  try {
    (void)load_scenario_file(file);
  } catch (const InvalidInput& e) {
    for (const auto& p : e.problems())
      if (p.where == where) return p.message;
    std::string all;
    for (const auto& p : e.problems()) all += "\n  " + cadresim::scenario::format_problem(p);
    ADD_FAILURE() << "no problem at " << where << ":" << all;
    return {};
  }
  ADD_FAILURE() << file << " was accepted";
  return {};
}

json roster_scenario(const std::string& roster) {
  return {{"extends", kTraining.string()}, {"population", {{"roster", roster}}}};
}

}  // namespace

TEST(ReferencedFiles, ABaseInTheTopFoldersTreeOrUnderScenariosIsAccepted) {
  Tree t;
  fs::create_directories(t.top() / "bases");
  t.write(t.top() / "bases" / "base.json", {{"extends", kTraining.string()}, {"name", "base"}});
  const auto top = t.write(t.top() / "v.json", {{"extends", "bases/base.json"}, {"name", "v"}});
  EXPECT_EQ(load_scenario_file(top).scenario.name, "v");
}

TEST(ReferencedFiles, ABaseThatIsANamedPipeIsRefusedWithoutHanging) {
  Tree t;
  ASSERT_EQ(::mkfifo((t.top() / "pipe.json").c_str(), 0600), 0);
  const auto top = t.write(t.top() / "v.json", {{"extends", "pipe.json"}});
  EXPECT_EQ(problem_at(top, "/extends"),
            "base scenario \"pipe.json\" is not a regular file (a folder, device or named pipe)");
}

TEST(ReferencedFiles, ABaseThatIsAFolderIsRefused) {
  Tree t;
  fs::create_directories(t.top() / "dir.json");
  const auto top = t.write(t.top() / "v.json", {{"extends", "dir.json"}});
  EXPECT_NE(problem_at(top, "/extends").find("is not a regular file"), std::string::npos);
}

TEST(ReferencedFiles, ABaseOutsideTheAllowedFoldersIsRefusedUnlessListed) {
  Tree t;
  t.write(t.outside() / "base.json", {{"extends", kTraining.string()}, {"name", "base"}});
  const auto top = t.write(t.top() / "v.json", {{"extends", "../outside/base.json"}});
  EXPECT_NE(problem_at(top, "/extends").find("is outside the folders a scenario may refer to"),
            std::string::npos);
  ASSERT_EQ(::setenv("CADRESIM_SCENARIO_PATH", t.outside().c_str(), 1), 0);
  EXPECT_EQ(load_scenario_file(top).scenario.name, "base");
  ::unsetenv("CADRESIM_SCENARIO_PATH");
}

TEST(ReferencedFiles, ASystemFileIsRefusedAndNoLineOfItIsShown) {
  Tree t;
  // By name: the extension is wrong.
  const auto direct = t.write(t.top() / "a.json", {{"extends", "/etc/passwd"}});
  EXPECT_EQ(problem_at(direct, "/extends"),
            "base scenario \"/etc/passwd\" must name a json file (its name must end in .json)");
  // Through a link with the right extension: outside the allowed folders.
  fs::create_symlink("/etc/passwd", t.top() / "passwd.json");
  const auto linked = t.write(t.top() / "b.json", {{"extends", "passwd.json"}});
  const std::string message = problem_at(linked, "/extends");
  EXPECT_NE(message.find("is outside the folders"), std::string::npos) << message;
  EXPECT_EQ(message.find("root"), std::string::npos) << message;
}

TEST(ReferencedFiles, ARosterMustBeARegularCsvFileInAnAllowedFolder) {
  Tree t;
  const auto passwd = t.write(t.top() / "a.json", roster_scenario("/etc/passwd"));
  EXPECT_EQ(problem_at(passwd, "/population/roster"),
            "roster \"/etc/passwd\" must name a csv file (its name must end in .csv)");

  fs::create_symlink("/etc/passwd", t.top() / "passwd.csv");
  const auto linked = t.write(t.top() / "b.json", roster_scenario("passwd.csv"));
  const std::string message = problem_at(linked, "/population/roster");
  EXPECT_NE(message.find("is outside the folders"), std::string::npos) << message;
  EXPECT_EQ(message.find("root"), std::string::npos) << message;

  ASSERT_EQ(::mkfifo((t.top() / "pipe.csv").c_str(), 0600), 0);
  const auto fifo = t.write(t.top() / "c.json", roster_scenario("pipe.csv"));
  EXPECT_EQ(problem_at(fifo, "/population/roster"),
            "roster \"pipe.csv\" is not a regular file (a folder, device or named pipe)");

  const auto missing = t.write(t.top() / "d.json", roster_scenario("none.csv"));
  EXPECT_EQ(problem_at(missing, "/population/roster"), "roster \"none.csv\" does not exist");
}
