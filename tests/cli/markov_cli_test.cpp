// Tests of `cadresim markov` through its entry point markov_main (stdout and stderr captured):
// the worked example, both output formats, --out, closed chains, and the exit codes of
// docs/cli.md (0 ok, 2 usage, 3 invalid input).
#include <gmock/gmock.h>  // HasSubstr
#include <gtest/gtest.h>
#include <unistd.h>           // getpid: a per-process temporary directory
#include <nlohmann/json.hpp>  // parse the JSON output

#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <vector>

#include "cli/commands.hpp"         // ExitCode
#include "markov_main_support.hpp"  // run_markov

using cadresim::clitest::MarkovRun;
using cadresim::clitest::run_markov;
using nlohmann::json;
using testing::HasSubstr;
using testing::Not;

namespace {

const std::string kExample =
    std::string(CADRESIM_SOURCE_DIR) + "/scenarios/examples/markov-grades.json";

// A scratch directory, removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("cadresim-markov-cli-" + std::to_string(::getpid()) + "-" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

}  // namespace

TEST(MarkovCommand, WorkedExamplePrintsEveryQuantityAsJson) {
  const MarkovRun r = run_markov({kExample});
  ASSERT_EQ(r.rc, cadresim::cli::kOk) << r.err;
  const json j = json::parse(r.out);
  for (const char* key : {"states", "leaving", "flows", "exits", "projection", "fundamental_matrix",
                          "expected_periods_in_system", "exit_distribution", "limiting_stocks",
                          "recruitment_for_target", "attainable", "attainability",
                          "vacancy_chain_length", "vacancy_chain_end_distribution", "notes"})
    EXPECT_TRUE(j.contains(key)) << key;
  // An open chain has no stationary distribution.
  EXPECT_FALSE(j.contains("stationary_distribution"));
  EXPECT_EQ(j["projection"].size(), 11u);  // t = 0..10
  EXPECT_EQ(j["flows"].size(), 10u);
  // Hand check: Cán sự keeps 86 %, so N_00 = 1 / 0.14, and 35 recruits a year into it give a
  // limiting stock of 35 / 0.14 = 250.
  EXPECT_NEAR(j["fundamental_matrix"][0][0].get<double>(), 1 / 0.14, 1e-9);
  EXPECT_NEAR(j["limiting_stocks"][0].get<double>(), 250, 1e-9);
  // The example's target needs forced exits from the two senior grades (see its $comment).
  EXPECT_FALSE(j["attainable"].get<bool>());
  EXPECT_THAT(j["attainability"].get<std::string>(), HasSubstr("Chuyên viên cao cấp (A3)"));
  // Vacancy at A3: 1 + 0.85 (1 + 0.9 (1 + 0.25)) = 2.80625 moves.
  EXPECT_NEAR(j["vacancy_chain_length"][3].get<double>(), 2.80625, 1e-12);
}

TEST(MarkovCommand, TableFormatShowsStateNamesAndTheStatement) {
  const MarkovRun r = run_markov({kExample, "--format", "table"});
  ASSERT_EQ(r.rc, cadresim::cli::kOk) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Chuyên viên chính (A2)"));
  EXPECT_THAT(r.out, HasSubstr("Fundamental matrix"));
  EXPECT_THAT(r.out, HasSubstr("Limiting stocks"));
  EXPECT_THAT(r.out, HasSubstr("Not attainable by recruitment alone"));
  EXPECT_THAT(r.out, HasSubstr("Vacancy chains"));
  // Initial stocks row: t = 0, then the four stocks and their total.
  EXPECT_THAT(r.out, testing::ContainsRegex("0 +300\\.0 +1800\\.0 +350\\.0 +25\\.0 +2475\\.0"));
}

TEST(MarkovCommand, OutWritesTheFileAndLeavesNoTemporary) {
  TempDir dir;
  const std::string out = (dir.path / "result.json").string();
  const MarkovRun r = run_markov({kExample, "--out", out});
  ASSERT_EQ(r.rc, cadresim::cli::kOk) << r.err;
  EXPECT_TRUE(r.out.empty());
  std::ifstream in(out);
  const json j = json::parse(in);
  EXPECT_EQ(j["states"].size(), 4u);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path)) ++files;
  EXPECT_EQ(files, 1u);
}

TEST(MarkovCommand, OutReplacesAnExistingFile) {
  TempDir dir;
  const std::string out = dir.write("result.txt", "old contents");
  ASSERT_EQ(run_markov({kExample, "--format", "table", "-o", out}).rc, cadresim::cli::kOk);
  std::ifstream in(out);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_THAT(text, HasSubstr("cadresim markov:"));
}

TEST(MarkovCommand, OutIntoMissingDirectoryIsARuntimeFailure) {
  TempDir dir;
  const MarkovRun r =
      run_markov({kExample, "--out", (dir.path / "no" / "such" / "x.json").string()});
  EXPECT_EQ(r.rc, cadresim::cli::kRuntimeFailure);
  EXPECT_THAT(r.err, HasSubstr("cannot"));
}

TEST(MarkovCommand, ClosedChainGivesStationaryDistributionAndANote) {
  TempDir dir;
  const std::string file = dir.write("closed.json", R"({
    "states": ["post A", "post B"],
    "transitions": [[0.9, 0.1], [0.2, 0.8]]
  })");
  const MarkovRun r = run_markov({file});
  ASSERT_EQ(r.rc, cadresim::cli::kOk) << r.err;
  const json j = json::parse(r.out);
  EXPECT_TRUE(j["closed"].get<bool>());
  EXPECT_NEAR(j["stationary_distribution"][0].get<double>(), 2.0 / 3, 1e-12);
  EXPECT_FALSE(j.contains("fundamental_matrix"));
  EXPECT_FALSE(j.contains("projection"));
  EXPECT_THAT(j["notes"].dump(), HasSubstr("closed chain"));
}

TEST(MarkovCommand, SeparateClosedGroupsAreExplainedByName) {
  TempDir dir;
  const std::string file = dir.write("split.json", R"({
    "states": ["north", "south"], "transitions": [[1, 0], [0, 1]], "stocks": [5, 7]
  })");
  const MarkovRun r = run_markov({file, "--format", "table"});
  ASSERT_EQ(r.rc, cadresim::cli::kOk) << r.err;
  EXPECT_THAT(r.out, HasSubstr("not unique"));
  EXPECT_THAT(r.out, HasSubstr("{'north'} and {'south'}"));
}

TEST(MarkovCommand, TheTableIsInTheChosenLanguageAndTheJsonIsNot) {
  TempDir dir;
  const std::string file = dir.write("split.json", R"({
    "states": ["bắc", "nam"], "transitions": [[1, 0], [0, 1]], "stocks": [5.5, 7]
  })");
  const MarkovRun vi = run_markov({file, "--format", "table", "--lang", "vi"});
  ASSERT_EQ(vi.rc, cadresim::cli::kOk) << vi.err;
  EXPECT_THAT(vi.out, HasSubstr("2 trạng thái; chuỗi đóng (không ai rời đi)"));
  EXPECT_THAT(vi.out, HasSubstr("Xác suất chuyển trạng thái mỗi kỳ"));
  EXPECT_THAT(vi.out, HasSubstr("Ghi chú: Phân phối dừng không duy nhất"));
  EXPECT_THAT(vi.out, HasSubstr("{'bắc'} và {'nam'}"));
  EXPECT_THAT(vi.out, HasSubstr("5,5"));  // the decimal comma
  EXPECT_THAT(vi.out, Not(HasSubstr("Note:")));
  const MarkovRun en = run_markov({file, "--format", "table", "--lang", "en"});
  EXPECT_THAT(en.out, HasSubstr("Note: The stationary distribution is not unique"));
  EXPECT_THAT(en.out, HasSubstr("5.5"));
  // JSON is language-neutral: its notes are the English ones whatever --lang says.
  EXPECT_EQ(run_markov({file, "--lang", "vi"}).out, run_markov({file, "--lang", "en"}).out);
  EXPECT_EQ(run_markov({file, "--lang", "xx"}).rc, cadresim::cli::kUsageError);
  // The attainability statement too, with the same states named.
  const std::string target = dir.write("target.json", R"({
    "states": ["junior", "senior"], "transitions": [[0.7, 0.1], [0, 0.9]],
    "target_stocks": [100, 5]
  })");
  const MarkovRun t_vi = run_markov({target, "--format", "table", "--lang", "vi"});
  EXPECT_THAT(t_vi.out, HasSubstr("Không đạt được chỉ bằng tuyển dụng"));
  EXPECT_THAT(t_vi.out, HasSubstr("'senior'"));
  EXPECT_THAT(run_markov({target, "--format", "table", "--lang", "en"}).out,
              HasSubstr("Not attainable by recruitment alone"));
}

TEST(MarkovCommand, InvalidInputExitsWithThreeAndPointers) {
  TempDir dir;
  const std::string file = dir.write("bad.json", R"({
    "states": ["A", "B"], "transitions": [[0.5, 0.6], [0.1, -0.2]], "extra": 1
  })");
  const MarkovRun r = run_markov({file});
  EXPECT_EQ(r.rc, cadresim::cli::kInvalidInput);
  EXPECT_TRUE(r.out.empty());
  EXPECT_THAT(r.err, HasSubstr(file + ": /transitions/0: the probabilities in this row sum"));
  EXPECT_THAT(r.err, HasSubstr(file + ": /transitions/1/1: must be ≥ 0"));
  EXPECT_THAT(r.err, HasSubstr(file + ": /extra: unknown key"));
}

TEST(MarkovCommand, MalformedJsonExitsWithThree) {
  TempDir dir;
  const MarkovRun r = run_markov({dir.write("broken.json", "{\"states\": [")});
  EXPECT_EQ(r.rc, cadresim::cli::kInvalidInput);
  EXPECT_THAT(r.err, HasSubstr("not valid JSON at byte offset"));
}

TEST(MarkovCommand, MissingInputFileExitsWithThree) {
  const MarkovRun r = run_markov({"/nonexistent/markov.json"});
  EXPECT_EQ(r.rc, cadresim::cli::kInvalidInput);
  EXPECT_THAT(r.err, HasSubstr("/nonexistent/markov.json: file not found"));
}

TEST(MarkovCommand, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run_markov({}).rc, cadresim::cli::kUsageError);
  EXPECT_EQ(run_markov({kExample, kExample}).rc, cadresim::cli::kUsageError);
  EXPECT_EQ(run_markov({kExample, "--format", "csv"}).rc, cadresim::cli::kUsageError);
  EXPECT_EQ(run_markov({kExample, "--colour"}).rc, cadresim::cli::kUsageError);
}

TEST(MarkovCommand, HelpListsTheOptions) {
  const MarkovRun r = run_markov({"--help"});
  EXPECT_EQ(r.rc, cadresim::cli::kOk);
  EXPECT_THAT(r.out, HasSubstr("--format"));
  EXPECT_THAT(r.out, HasSubstr("--out"));
}
