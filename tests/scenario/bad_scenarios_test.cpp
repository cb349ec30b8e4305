// The bad-scenario corpus (tests/data/bad): every file is refused with the problem that
// tests/data/bad/expected.json names, and the loader survives any truncation of a good file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>  // reading expected.json

#include <filesystem>  // directory listing
#include <fstream>     // std::ifstream
#include <iterator>    // std::istreambuf_iterator
#include <set>         // file names
#include <stdexcept>   // std::runtime_error: a missing file fails
#include <string>

#include "sim/scenario/loader.hpp"

namespace fs = std::filesystem;
using cadresim::scenario::InvalidInput;
using cadresim::scenario::Problem;
using nlohmann::json;

namespace {

const fs::path kBadDir = fs::path(CADRESIM_SOURCE_DIR) / "tests" / "data" / "bad";

json read_expected() {
  std::ifstream in(kBadDir / "expected.json");
  if (!in) throw std::runtime_error("tests/data/bad/expected.json is missing");
  return json::parse(in);
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + " is missing");  // fail, never skip
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string describe(const std::vector<Problem>& problems) {
  std::string s;
  for (const auto& p : problems) s += "\n  " + cadresim::scenario::format_problem(p);
  return s;
}

}  // namespace

TEST(BadScenarios, CorpusHasAtLeastThirtyFilesAndEachIsListedInExpected) {
  const json expected = read_expected();
  std::set<std::string> listed;
  for (const auto& [name, value] : expected.items())
    if (name != "$comment") listed.insert(name);
  std::set<std::string> on_disk;
  for (const auto& entry : fs::directory_iterator(kBadDir))
    if (entry.path().extension() == ".json" && entry.path().filename() != "expected.json")
      on_disk.insert(entry.path().filename().string());
  EXPECT_GE(listed.size(), 30u);
  EXPECT_EQ(listed, on_disk);
}

TEST(BadScenarios, EachFileIsRefusedWithItsExpectedPointerAndMessage) {
  const json expected = read_expected();
  for (const auto& [name, want] : expected.items()) {
    if (name == "$comment") continue;
    SCOPED_TRACE(name);
    const std::string where = want.at("where").get<std::string>();
    const std::string message = want.at("message").get<std::string>();
    try {
      (void)cadresim::scenario::load_scenario_file(kBadDir / name);
      ADD_FAILURE() << name << " was accepted";
    } catch (const InvalidInput& e) {
      // The location must be exactly the expected one ("line 1" must not match "line 12");
      // the message must contain the expected words.
      bool found = false;
      for (const auto& p : e.problems())
        found = found || (p.where == where && p.message.find(message) != std::string::npos);
      EXPECT_TRUE(found) << "no problem at exactly \"" << where << "\" saying \"" << message
                         << "\"; got:" << describe(e.problems());
    } catch (const std::exception& e) {
      ADD_FAILURE() << name << " threw something else than InvalidInput: " << e.what();
    }
  }
}

TEST(BadScenarios, EveryProblemNamesAFileAndSaysSomething) {
  const json expected = read_expected();
  for (const auto& [name, want] : expected.items()) {
    if (name == "$comment") continue;
    SCOPED_TRACE(name);
    try {
      (void)cadresim::scenario::load_scenario_file(kBadDir / name);
      ADD_FAILURE() << name << " was accepted";  // a bad file that loads fails this test too
    } catch (const InvalidInput& e) {
      ASSERT_FALSE(e.problems().empty());
      for (const auto& p : e.problems()) {
        EXPECT_FALSE(p.file.empty());
        EXPECT_FALSE(p.message.empty());
      }
    }
  }
}

// The corpus's problems in Vietnamese (docs/architecture.md § Messages and languages): a problem
// made from a catalog message renders in English as its `message` says, and in Vietnamese as
// another sentence; the generic readers' problems (strict JSON, fields, unknown keys, paths,
// limits) all have one. format_problem keeps the file and the location in both languages.
TEST(BadScenarios, CatalogProblemsReadInVietnameseWithTheSameFileAndLocation) {
  using cadresim::text::Lang;
  const json expected = read_expected();
  std::size_t translated = 0, all = 0;
  for (const auto& [name, want] : expected.items()) {
    if (name == "$comment") continue;
    SCOPED_TRACE(name);
    try {
      (void)cadresim::scenario::load_scenario_file(kBadDir / name);
    } catch (const InvalidInput& e) {
      for (const auto& p : e.problems()) {
        ++all;
        const std::string en = cadresim::scenario::format_problem(p, Lang::kEn);
        const std::string vi = cadresim::scenario::format_problem(p, Lang::kVi);
        const std::string place = p.file + (p.where.empty() ? "" : ": " + p.where) + ": ";
        EXPECT_EQ(en.rfind(place, 0), 0u) << en;
        EXPECT_EQ(vi.rfind(place, 0), 0u) << vi;
        if (p.text.id.empty()) continue;
        ++translated;
        EXPECT_EQ(cadresim::text::render(Lang::kEn, p.text), p.message);
        EXPECT_NE(vi, en);
      }
    }
  }
  // Every problem of the corpus comes from the catalog; one without means a reader added a
  // sentence in English only (docs/architecture.md § Messages and languages).
  EXPECT_GT(all, 50u);
  EXPECT_EQ(translated, all) << translated << " of " << all;
}

// Every prefix of a valid file is either a valid document or refused with InvalidInput:
// never a crash, a hang or another exception. The step keeps the test fast while still
// cutting inside keys, strings, numbers and nested objects.
TEST(BadScenarios, AnyTruncationOfAGoodFileIsRefusedCleanly) {
  const std::string text =
      read_text(fs::path(CADRESIM_SOURCE_DIR) / "scenarios" / "training" / "small-district.json");
  ASSERT_GT(text.size(), 1000u);
  const std::size_t last_brace = text.rfind('}');  // every shorter prefix is incomplete
  std::size_t refused = 0, tried = 0;
  for (std::size_t n = 0; n <= last_brace; n += 13, ++tried) {
    try {
      const json doc = cadresim::scenario::parse_json_document(text.substr(0, n), "prefix");
      (void)cadresim::scenario::build_scenario(doc, "prefix", kBadDir);
    } catch (const InvalidInput&) {
      ++refused;
    } catch (const std::exception& e) {
      ADD_FAILURE() << "prefix of " << n << " bytes threw " << e.what();
    }
  }
  EXPECT_EQ(refused, tried);
}

// Corrupting one byte at a time (a quote, a brace, a digit, a high byte) never crashes either.
TEST(BadScenarios, SingleByteCorruptionsAreRefusedOrAcceptedButNeverCrash) {
  const std::string text =
      read_text(fs::path(CADRESIM_SOURCE_DIR) / "scenarios" / "training" / "small-district.json");
  const char replacements[] = {'"', '{', ']', '9', '-', '\xff', '\0'};
  std::size_t k = 0;
  for (std::size_t i = 0; i < text.size(); i += 29, ++k) {
    std::string bad = text;
    bad[i] = replacements[k % sizeof replacements];
    try {
      const json doc = cadresim::scenario::parse_json_document(bad, "corrupt");
      (void)cadresim::scenario::build_scenario(doc, "corrupt", kBadDir);
    } catch (const InvalidInput&) {
    } catch (const std::exception& e) {
      ADD_FAILURE() << "corruption at byte " << i << " threw " << e.what();
    }
  }
}
