// The message catalog (analysis/messages.hpp): every key in both languages, with the same
// placeholders, real Vietnamese, each key used somewhere, and numbers in each language's format.
#include <fmt/format.h>  // the quoted id
#include <gtest/gtest.h>

#include <cctype>      // std::isdigit
#include <filesystem>  // walking the sources
#include <fstream>     // reading them
#include <iterator>    // std::istreambuf_iterator
#include <set>         // ids seen
#include <stdexcept>   // std::logic_error
#include <string>

#include "analysis/messages.hpp"
#include "analysis/report.hpp"    // format_interval
#include "sim/text/formats.hpp"   // format_number
#include "sim/text/messages.hpp"  // text::message, render

namespace fs = std::filesystem;

namespace {

using cadresim::analysis::Lang;
using cadresim::analysis::message_catalog;
using cadresim::text::format_number;

// The placeholders of a text, sorted: "{}" for fmt's, "{km}" for the page's named ones. A doubled
// brace ("{{}}": fmt's escape, printed "{}") is text, not a placeholder.
std::multiset<std::string> placeholders(std::string_view text) {
  std::multiset<std::string> found;
  for (std::size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i + 1)) {
    if (i + 1 < text.size() && text[i + 1] == '{') {
      ++i;
      continue;
    }
    const std::size_t end = text.find('}', i);
    found.insert(std::string(text.substr(i, end == std::string_view::npos ? 1 : end - i + 1)));
  }
  return found;
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
  std::size_t named = 0;
  for (const auto& e : message_catalog()) {
    EXPECT_EQ(placeholders(e.en), placeholders(e.vi)) << e.id;
    // The convention: the page's texts (page.*, filled by app.js) name their placeholders
    // ("{km}"); every other text is filled by fmt ("{}", or "{0}" to reorder).
    for (const auto& p : placeholders(e.en)) {
      const bool is_named = p.size() > 2 && !std::isdigit(static_cast<unsigned char>(p[1]));
      EXPECT_EQ(is_named, e.id.starts_with("page.")) << e.id << ": " << p;
      named += is_named;
    }
  }
  EXPECT_GT(named, 5u);
  EXPECT_NE(placeholders("from {km} km"), placeholders("từ {n} km"));  // names must match too
  EXPECT_TRUE(placeholders("[{{\"into\": unit}}] {}") == placeholders("[{{\"into\": đơn vị}}] {}"));
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
  // is used when it appears there as a string literal. The workspace page asks for page.* texts
  // by their id without "page." ("grant_band", data-i18n="grant_band"); the words it builds
  // from the scenario ("l_" + a lever's key, "u:" + a lever's unit, "m_" + a measure) are used
  // when that key, unit or measure is a literal of the sources.
  std::string sources;
  const fs::path root = CADRESIM_SOURCE_DIR;
  for (const char* dir : {"analysis", "cli", "workspace", "sim/scenario"})
    for (const auto& f : fs::recursive_directory_iterator(root / dir)) {
      const std::string ext = f.path().extension().string();
      if (!f.is_regular_file() || f.path().filename().string().starts_with("message_catalog"))
        continue;
      if (ext != ".cpp" && ext != ".hpp" && ext != ".in" && ext != ".js" && ext != ".html")
        continue;
      std::ifstream in(f.path(), std::ios::binary);
      sources.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  ASSERT_GT(sources.size(), 10000u);
  const auto used = [&](std::string_view literal) {
    return sources.find(fmt::format("\"{}\"", literal)) != std::string::npos;
  };
  std::size_t page_keys = 0;
  for (const auto& e : message_catalog()) {
    bool found = used(e.id);
    if (!found && e.id.starts_with("page.")) {
      const std::string_view key = e.id.substr(5);
      found =
          used(key) || ((key.starts_with("l_") || key.starts_with("u:") || key.starts_with("m_")) &&
                        used(key.substr(2)));
      page_keys += found;
    }
    EXPECT_TRUE(found) << e.id << " is used nowhere: remove it from sim/text/message_catalog*.cpp";
  }
  EXPECT_GT(page_keys, 80u);
}

// A problem wrapped in another ("from DATE: ..."): the inner message is rendered in the outer
// one's language, and a text without a catalog row passes through as it is.
TEST(MessageCatalog, AMessageAsAValueIsRenderedInTheSameLanguage) {
  namespace text = cadresim::text;
  const text::Message wrapped = text::message("problem.changes.from_date", "2030-01-01",
                                              text::message_arg(text::message("problem.required")));
  EXPECT_EQ(text::render(Lang::kEn, wrapped), "from 2030-01-01: is required but missing");
  EXPECT_EQ(text::render(Lang::kVi, wrapped), "từ 2030-01-01: là bắt buộc nhưng bị thiếu");
  const text::Message plain = text::message("problem.changes.from_date", "2030-01-01",
                                            text::message_arg(text::untranslated("as it is")));
  EXPECT_EQ(text::render(Lang::kVi, plain), "từ 2030-01-01: as it is");
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
  EXPECT_EQ(format_number(Lang::kEn, 41566.64, 1), "41,566.6");
  EXPECT_EQ(format_number(Lang::kVi, 41566.64, 1), "41.566,6");
  EXPECT_EQ(format_number(Lang::kVi, -1234567, 0), "-1.234.567");
  EXPECT_EQ(format_number(Lang::kVi, 0.04, 1), "0,0");
  cadresim::analysis::Summary s;
  s.n = 10, s.mean = 1234.5, s.ci_low = 1000.24, s.ci_high = 1500;
  EXPECT_EQ(cadresim::analysis::format_interval(s, 1, Lang::kEn), "1,234.5 [1,000.2, 1,500.0]");
  EXPECT_EQ(cadresim::analysis::format_interval(s, 1, Lang::kVi), "1.234,5 [1.000,2; 1.500,0]");
}

}  // namespace
