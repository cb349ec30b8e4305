// The text summary as people read it (issue #18 item 2): whole Vietnamese names in aligned
// columns, one vocabulary with report.html, the compare table, warnings on standard error, -q,
// help, "extends": "builtin:dien-bien" and transliterated folder names.
#include <gtest/gtest.h>

#include "cli_test_support.hpp"

#include "analysis/messages.hpp"  // the label of the elections, in each language

#include <filesystem>  // scratch folders
#include <fstream>     // scenario files
#include <sstream>     // lines of the summary
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using cadresim::clitest::CliRun;
using cadresim::clitest::q;
using cadresim::clitest::slurp;

using cadresim::clitest::kSmall;

/// A fresh scratch folder for the running test (removed when it passes).
fs::path fresh_folder() {
  const fs::path p = cadresim::testing_support::unique_temp_dir("readable");
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

/// A variant of engine-small named `name` (extends reach the tests' data folder by a copy).
fs::path named_variant(const fs::path& dir, const std::string& name,
                       const std::string& extra = "") {
  fs::copy_file(kSmall, dir / "base.json", fs::copy_options::overwrite_existing);
  const fs::path v = dir / "variant.json";
  std::ofstream(v) << R"({"extends": "base.json", "name": ")" << name << "\"" << extra << "}";
  return v;
}

/// Displayed columns of UTF-8 text: code points, combining marks excluded.
std::size_t columns(const std::string& s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) == 0x80) continue;  // continuation byte
    if (b == 0xCC ||
        (b == 0xCD && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0xAF))
      continue;  // U+0300–U+036F, combining marks
    ++n;
  }
  return n;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

/// The table starting at the line containing `header`: its lines up to the first blank or
/// non-indented one.
std::vector<std::string> table_at(const std::string& text, const std::string& header) {
  std::vector<std::string> all = lines_of(text), out;
  bool in = false;
  for (const auto& l : all) {
    if (!in && l.find(header) != std::string::npos) in = true;
    if (!in) continue;
    if (l.empty() || l.rfind("  ", 0) != 0 || l.rfind("  (", 0) == 0) break;
    out.push_back(l);
  }
  return out;
}

TEST(ReadableSummary, CompareTableAlignsWholeVietnameseNames) {
  const fs::path dir = fresh_folder();
  // Precomposed and decomposed (e + U+0302 + U+0301) diacritics: both are 1 column each.
  const std::string name = "Hỗ trợ 3 triệu cho cán bộ luân chuyển (bi\xC3\xAA\xCC\x81n)";
  const fs::path v =
      named_variant(dir, name, R"(, "attrition": {"rate_per_year_by_level": {"commune": 0.08}})");
  const CliRun r = cadresim::clitest::run_cadresim("compare " + q(dir / "base.json") + " " + q(v) +
                                                   " -n 10 --out " + q(dir / "out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(name + " versus engine-small"), std::string::npos) << r.out;
  const auto table = table_at(r.out, "  metric");
  ASSERT_GT(table.size(), 5u) << r.out;
  EXPECT_NE(table[0].find(name), std::string::npos) << "the name is whole: " << table[0];
  // The variant's column is right-aligned under its header, the name: on every row the
  // displayed column where the name ends holds the last digit of the variant's mean (or the end
  // of "n/a" where it does not apply: this scenario has no rotation plan), followed by a space
  // (rows below the header are ASCII).
  const std::size_t name_end = columns(table[0].substr(0, table[0].find(name) + name.size()));
  for (std::size_t i = 1; i < table.size(); ++i) {
    const std::string& row = table[i];
    std::size_t c = 0, byte = 0;
    for (; byte < row.size() && c < name_end; ++byte)
      if ((static_cast<unsigned char>(row[byte]) & 0xC0) != 0x80) ++c;
    ASSERT_LT(byte, row.size()) << row;
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(row[byte - 1])) ||
                (byte >= 3 && row.compare(byte - 3, 3, "n/a") == 0))
        << row;
    EXPECT_EQ(row[byte], ' ') << row;
  }
  EXPECT_NE(r.out.find("no clear difference"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(" ~0"), std::string::npos) << "one verdict column, as in report.html";
  fs::remove_all(dir);
}

TEST(ReadableSummary, CountsHaveOneNumberOfDecimals) {
  const fs::path dir = fresh_folder();
  const CliRun r =
      cadresim::clitest::run_cadresim("run " + q(kSmall) + " -n 10 --out " + q(dir / "out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // (Thousands separators: TextWidth.GroupsThousands and SummaryNumbers in test_analysis.)
  // Every count of events is printed with the same decimals for mean and interval bounds.
  for (const char* label :
       {"Retirements", "Recruitments", "Appointments", "Rotation offers refused"}) {
    const auto pos = r.out.find(std::string("\n  ") + label + " ");
    if (pos == std::string::npos) continue;
    const std::string line = r.out.substr(pos + 1, r.out.find('\n', pos + 1) - pos - 1);
    const bool decimal = line.find('.') != std::string::npos;
    if (decimal) {
      // "m.d [l.d, h.d]": three decimal points.
      std::size_t dots = 0;
      for (char c : line) dots += c == '.';
      EXPECT_EQ(dots, 3u) << line;
    }
  }
  const std::string json = slurp(dir / "out" / "report.json");
  EXPECT_EQ(json.find("\"mean\": \""), std::string::npos) << "report.json keeps raw numbers";
  fs::remove_all(dir);
}

// The labels of the summary's headline block are those of report.html, in language `lang`: both
// come from one message catalog.
void headline_labels_are_those_of_report_html(const std::string& lang) {
  const fs::path dir = fresh_folder();
  const CliRun r = cadresim::clitest::run_cadresim("run " + q(kSmall) + " -n 10 --lang " + lang +
                                                   " --out " + q(dir / "out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto language = *cadresim::analysis::parse_lang(lang);
  const std::string html = slurp(dir / "out" / "report.html");
  const auto escaped = [](std::string s) {
    std::string out;
    for (char c : s)
      out += c == '"'    ? std::string("&quot;")
             : c == '\'' ? std::string("&#39;")
             : c == '&'  ? std::string("&amp;")
                         : std::string(1, c);
    return out;
  };
  // The headline block: from the first blank line after the header to the next blank line.
  const auto start = r.out.find("\n\n") + 2;
  const std::string block = r.out.substr(start, r.out.find("\n\n", start) - start);
  std::size_t checked = 0;
  for (const auto& l : lines_of(block)) {
    const std::string label = l.substr(2, l.find("  ", 2) - 2);
    // Labels of the staffing and structure sections only appear in scenarios that have them.
    const bool in_html =
        html.find(label) != std::string::npos || html.find(escaped(label)) != std::string::npos;
    // The election tables of the HTML say it in their own words.
    if (label == cadresim::analysis::tr(language, "metric.elections")) continue;
    EXPECT_TRUE(in_html) << "\"" << label << "\" is not in report.html";
    ++checked;
  }
  EXPECT_GT(checked, 10u) << block;
  EXPECT_EQ(r.out.find("income loss"), std::string::npos);
  EXPECT_EQ(html.find("income loss"), std::string::npos);
  fs::remove_all(dir);
}

TEST(ReadableSummary, HeadlineLabelsAreThoseOfReportHtmlInBothLanguages) {
  for (const std::string lang : {"en", "vi"}) {
    SCOPED_TRACE(lang);
    headline_labels_are_those_of_report_html(lang);
  }
}

TEST(ReadableSummary, FewReplicationsAreWarnedOnStandardErrorOnly) {
  const fs::path dir = fresh_folder();
  const CliRun r =
      cadresim::clitest::run_cadresim("run " + q(kSmall) + " -n 3 --out " + q(dir / "out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("fewer than 10 replications"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("Warning"), std::string::npos);
  EXPECT_EQ(slurp(dir / "out" / "summary.txt").find("Warning"), std::string::npos);
  fs::remove_all(dir);
}

TEST(ReadableSummary, QuietPrintsOnlyTheReportPath) {
  const fs::path dir = fresh_folder();
  const CliRun r =
      cadresim::clitest::run_cadresim("run " + q(kSmall) + " -n 10 -q --out " + q(dir / "out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, (dir / "out" / "report.html").string() + "\n");
  fs::remove_all(dir);
}

TEST(ReadableSummary, HelpCommandIsTheCommandsHelpWithExamples) {
  for (const char* c : {"run", "compare", "validate", "story"}) {
    const CliRun a = cadresim::clitest::run_cadresim(std::string("help ") + c);
    const CliRun b = cadresim::clitest::run_cadresim(std::string(c) + " --help");
    EXPECT_EQ(a.exit_code, 0) << c;
    EXPECT_EQ(a.out, b.out) << c;
    EXPECT_NE(a.out.find("Examples:\n  cadresim " + std::string(c)), std::string::npos) << a.out;
  }
  EXPECT_EQ(cadresim::clitest::run_cadresim("help").exit_code, 0);
  EXPECT_EQ(cadresim::clitest::run_cadresim("help nosuch").exit_code, 2);
}

TEST(ReadableSummary, AVariantExtendsTheBuiltinBaselineByName) {
  const fs::path dir = fresh_folder();
  const fs::path v = dir / "v.json";
  std::ofstream(v) << R"({"extends": "builtin:dien-bien", "name": "top-up-anywhere",
                          "support": {"top_up_vnd_per_month": 1500000}})";
  const CliRun r = cadresim::clitest::run_cadresim("validate " + q(v) + " --resolved");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const CliRun base = cadresim::clitest::run_cadresim("validate --resolved");
  ASSERT_EQ(base.exit_code, 0) << base.err;
  EXPECT_NE(r.out.find("\"top-up-anywhere\""), std::string::npos);
  EXPECT_NE(r.out.find("1500000"), std::string::npos);
  // Everything else is the baseline's: the same size of resolved document, give or take.
  EXPECT_GT(r.out.size(), base.out.size() * 9 / 10);
  // A misspelt builtin is a missing file at /extends.
  std::ofstream(dir / "bad.json") << R"({"extends": "builtin:dien-bienn", "name": "x"})";
  const CliRun bad = cadresim::clitest::run_cadresim("validate " + q(dir / "bad.json"));
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.err.find("/extends"), std::string::npos) << bad.err;
  fs::remove_all(dir);
}

TEST(ReadableSummary, OutputFoldersOfVietnameseNamesAreTransliterated) {
  const fs::path dir = fresh_folder();
  named_variant(dir, "Hỗ trợ 3 triệu, Điện Biên");
  const CliRun r = cadresim::clitest::run_cadresim("run variant.json -n 10 -q", dir.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_directory(dir / "results" / "ho-tro-3-trieu_-dien-bien")) << r.out;
  EXPECT_NE(r.out.find("results/ho-tro-3-trieu_-dien-bien/"), std::string::npos) << r.out;
  fs::remove_all(dir);
}

}  // namespace
