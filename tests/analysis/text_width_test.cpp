// Displayed widths and grouped numbers for the terminal tables (analysis/text_width.hpp).
#include "analysis/text_width.hpp"

#include "analysis/messages.hpp"  // format_number, Lang
#include "analysis/report.hpp"    // format_interval

#include <gtest/gtest.h>

namespace cadresim::analysis {
namespace {

TEST(TextWidth, CountsCodePointsAndNotCombiningMarks) {
  EXPECT_EQ(display_width("dien-bien-baseline"), 18u);
  EXPECT_EQ(display_width("Hỗ trợ 3 triệu"), 14u);
  // "ế" as e + U+0302 + U+0301 takes one column, as the precomposed letter does.
  EXPECT_EQ(display_width("bi\xC3\xAA\xCC\x81n"), display_width("biến"));
  EXPECT_EQ(display_width("≥1"), 2u);
}

TEST(TextWidth, DecodesCodePointsAndConsumesInvalidBytesOneByOne) {
  const std::string_view text = "a\xC4\x90\xE1\xBB\x87\xF0\x9F\x99\x82\xFF";  // a Đ ệ 🙂 0xFF
  std::size_t i = 0;
  EXPECT_EQ(next_code_point(text, i), U'a');
  EXPECT_EQ(next_code_point(text, i), U'\u0110');
  EXPECT_EQ(i, 3u);
  EXPECT_EQ(next_code_point(text, i), U'\u1EC7');
  EXPECT_EQ(next_code_point(text, i), U'\U0001F642');
  EXPECT_EQ(next_code_point(text, i), char32_t{0xFF}) << "an invalid byte comes back as itself";
  EXPECT_EQ(i, text.size());
  const std::string_view cut = "\xE1\xBB";  // a sequence cut short ends at the text's end
  i = 0;
  (void)next_code_point(cut, i);
  EXPECT_EQ(i, cut.size());
}

TEST(TextWidth, PadsByDisplayedColumnsAndNeverCuts) {
  EXPECT_EQ(pad_right("Điện", 6), "Điện  ");
  EXPECT_EQ(pad_left("Điện", 6), "  Điện");
  EXPECT_EQ(pad_right("dien-bien-baseline", 4), "dien-bien-baseline");
}

TEST(TextWidth, GroupsThousandsAndDropsTheSignOfZero) {
  EXPECT_EQ(format_number(Lang::kEn, 41566.64, 1), "41,566.6");
  EXPECT_EQ(format_number(Lang::kEn, -1234567.0, 0), "-1,234,567");
  EXPECT_EQ(format_number(Lang::kEn, 999.96, 1), "1,000.0");
  EXPECT_EQ(format_number(Lang::kEn, 123.0, 0), "123");
  EXPECT_EQ(format_number(Lang::kEn, -0.01, 1), "0.0");
}

// Sweep and optimise write lever values and costs in VND: 1,000,000 rather than 1e+06.
TEST(TextWidth, PlainNumbersHaveNoExponent) {
  EXPECT_EQ(plain_number(1e6, 6), "1,000,000");
  EXPECT_EQ(plain_number(4144237118.0, 4), "4,144,000,000");
  EXPECT_EQ(plain_number(4290.7, 5), "4,290.7");
  EXPECT_EQ(plain_number(4383.0, 5), "4,383");  // trailing zeros dropped, as {:g} does
  EXPECT_EQ(plain_number(0.666666, 5), "0.66667");
  EXPECT_EQ(plain_number(99999.6, 5), "100,000");
  EXPECT_EQ(plain_number(-96.666, 4), "-96.67");
  EXPECT_EQ(plain_number(45.81, 4, true), "+45.81");
  EXPECT_EQ(plain_number(-5992000000.0, 4, true), "-5,992,000,000");
  EXPECT_EQ(plain_number(0, 4), "0");
  EXPECT_EQ(plain_number(2.5e-6, 4), "2.5e-06");  // tiny values keep {:g}'s form
}

TEST(TextWidth, PlainIntervalsPartTheirBoundsAsTheLanguageDoes) {
  EXPECT_EQ(plain_interval(4144237118.0, 883800000.0, 7405000000.0, 4),
            "4,144,000,000 [883,800,000, 7,405,000,000]");
  EXPECT_EQ(plain_interval(1.5, 1.2, 1.8, 4, false, text::Lang::kVi), "1,5 [1,2; 1,8]");
  EXPECT_EQ(plain_interval(-2.25, -3.5, 0.5, 4, true), "-2.25 [-3.5, +0.5]");
}

TEST(SummaryNumbers, IntervalsAreGroupedWithThousandsSeparators) {
  Summary s;
  s.n = 10, s.mean = 41566.64, s.ci_low = 40999.96, s.ci_high = 42133.3;
  EXPECT_EQ(format_interval(s, 1), "41,566.6 [41,000.0, 42,133.3]");
  s.n = 1;
  EXPECT_EQ(format_interval(s, 0), "41,567");
}

TEST(SummaryNumbers, ALongVietnameseChangeIsCutOnACharacterBoundary) {
  ScenarioResults r;
  r.name = "Hỗ trợ";
  r.changed_from = "base";
  std::string long_name;
  for (int i = 0; i < 10; ++i) long_name += "Điện Biên ";
  r.changes =
      nlohmann::json::array({{{"pointer", "/name"}, {"base", "x"}, {"variant", long_name}}});
  const std::string text = format_changes({r});
  const auto row = text.find("  /name");
  ASSERT_NE(row, std::string::npos) << text;
  const std::string line = text.substr(row, text.find('\n', row) - row);
  // "pointer" and "base" (the headers) are the widest of their columns; the value is cut to 57
  // characters and "...".
  EXPECT_EQ(display_width(line), 2u + 7 + 2 + 4 + 2 + 60) << line;
  EXPECT_EQ(line.substr(line.size() - 3), "...") << line;
}

}  // namespace
}  // namespace cadresim::analysis
