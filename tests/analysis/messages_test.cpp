// The message catalog (analysis/messages.hpp): every key in both languages, with the same
// placeholders, real Vietnamese, each key used somewhere, and numbers in each language's format.
#include <fmt/format.h>  // the quoted id
#include <gtest/gtest.h>

#include <filesystem>  // walking the sources
#include <fstream>     // reading them
#include <iterator>    // std::istreambuf_iterator
#include <set>         // ids seen
#include <stdexcept>   // std::logic_error
#include <string>

#include "analysis/messages.hpp"
#include "analysis/report.hpp"      // format_interval
#include "analysis/text_width.hpp"  // format_grouped

namespace fs = std::filesystem;

namespace {

using cadresim::analysis::format_grouped;
using cadresim::analysis::Lang;
using cadresim::analysis::message_catalog;

std::size_t placeholders(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i + 1)) ++n;
  return n;
}

bool has_non_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

TEST(MessageCatalog, EveryKeyHasEnglishAndVietnameseText) {
  std::set<std::string_view> ids;
  ASSERT_GT(message_catalog().size(), 100u);
  for (const auto& e : message_catalog()) {
    EXPECT_TRUE(ids.insert(e.id).second) << "duplicate id " << e.id;
    EXPECT_FALSE(e.en.empty()) << e.id << " has no English text";
    EXPECT_FALSE(e.vi.empty()) << e.id << " has no Vietnamese text";
  }
}

TEST(MessageCatalog, BothLanguagesHaveTheSamePlaceholders) {
  for (const auto& e : message_catalog()) EXPECT_EQ(placeholders(e.en), placeholders(e.vi)) << e.id;
}

TEST(MessageCatalog, VietnameseTextsAreTranslatedWithDiacritics) {
  std::size_t with_diacritics = 0;
  for (const auto& e : message_catalog()) {
    EXPECT_NE(e.en, e.vi) << e.id << " is not translated";
    with_diacritics += has_non_ascii(e.vi);
  }
  // Nearly every Vietnamese text has a letter with a diacritic; a few are short ("{} - {}").
  EXPECT_GT(with_diacritics, message_catalog().size() * 9 / 10);
  EXPECT_EQ(cadresim::analysis::tr(Lang::kVi, "metric.vacancies_key_run_mean").substr(0, 24),
            "Chức danh chủ chốt");
}

TEST(MessageCatalog, EveryKeyIsUsedInTheSources) {
  // The sources that may use a key: the C++ of the directories that show texts and the
  // resources of report.html and the workspace page, except the catalog itself (sim/text). A key
  // is used when it appears there as a string literal.
  std::string sources;
  const fs::path root = CADRESIM_SOURCE_DIR;
  for (const char* dir : {"analysis", "cli", "workspace", "sim/scenario"})
    for (const auto& f : fs::recursive_directory_iterator(root / dir)) {
      const std::string ext = f.path().extension().string();
      if (!f.is_regular_file() || f.path().filename().string().starts_with("message_catalog"))
        continue;
      if (ext != ".cpp" && ext != ".hpp" && ext != ".in" && ext != ".js") continue;
      std::ifstream in(f.path(), std::ios::binary);
      sources.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  ASSERT_GT(sources.size(), 10000u);
  for (const auto& e : message_catalog())
    EXPECT_NE(sources.find(fmt::format("\"{}\"", e.id)), std::string::npos)
        << e.id << " is used nowhere: remove it from sim/text/message_catalog*.cpp";
}

TEST(MessageCatalog, AnUnknownIdIsABugNamed) {
  try {
    (void)cadresim::analysis::tr(Lang::kEn, "no.such.message");
    FAIL() << "no exception";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("no.such.message"), std::string::npos);
  }
}

TEST(MessageCatalog, LanguagesAreEnglishAndVietnameseOnly) {
  EXPECT_EQ(cadresim::analysis::parse_lang("en"), Lang::kEn);
  EXPECT_EQ(cadresim::analysis::parse_lang("vi"), Lang::kVi);
  EXPECT_FALSE(cadresim::analysis::parse_lang("xx"));
  EXPECT_FALSE(cadresim::analysis::parse_lang("VI"));
  EXPECT_FALSE(cadresim::analysis::parse_lang(""));
}

TEST(NumberFormat, EachLanguageGroupsThousandsItsWay) {
  EXPECT_EQ(format_grouped(41566.64, 1, Lang::kEn), "41,566.6");
  EXPECT_EQ(format_grouped(41566.64, 1, Lang::kVi), "41.566,6");
  EXPECT_EQ(format_grouped(-1234567, 0, Lang::kVi), "-1.234.567");
  EXPECT_EQ(format_grouped(0.04, 1, Lang::kVi), "0,0");
  cadresim::analysis::Summary s;
  s.n = 10, s.mean = 1234.5, s.ci_low = 1000.24, s.ci_high = 1500;
  EXPECT_EQ(cadresim::analysis::format_interval(s, 1, Lang::kEn), "1,234.5 [1,000.2, 1,500.0]");
  EXPECT_EQ(cadresim::analysis::format_interval(s, 1, Lang::kVi), "1.234,5 [1.000,2; 1.500,0]");
}

}  // namespace
