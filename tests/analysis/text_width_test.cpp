// Displayed widths and grouped numbers for the terminal tables (analysis/text_width.hpp).
#include "analysis/text_width.hpp"

#include "analysis/report.hpp"  // format_interval

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

TEST(TextWidth, PadsByDisplayedColumnsAndNeverCuts) {
  EXPECT_EQ(pad_right("Điện", 6), "Điện  ");
  EXPECT_EQ(pad_left("Điện", 6), "  Điện");
  EXPECT_EQ(pad_right("dien-bien-baseline", 4), "dien-bien-baseline");
}

TEST(TextWidth, GroupsThousandsAndDropsTheSignOfZero) {
  EXPECT_EQ(format_grouped(41566.64, 1), "41,566.6");
  EXPECT_EQ(format_grouped(-1234567.0, 0), "-1,234,567");
  EXPECT_EQ(format_grouped(999.96, 1), "1,000.0");
  EXPECT_EQ(format_grouped(123.0, 0), "123");
  EXPECT_EQ(format_grouped(-0.01, 1), "0.0");
}

TEST(SummaryNumbers, IntervalsAreGroupedAndReportJsonIsNot) {
  Summary s;
  s.n = 10, s.mean = 41566.64, s.ci_low = 40999.96, s.ci_high = 42133.3;
  EXPECT_EQ(format_interval(s, 1), "41,566.6 [41,000.0, 42,133.3]");
  s.n = 1;
  EXPECT_EQ(format_interval(s, 0), "41,567");
}

}  // namespace
}  // namespace cadresim::analysis
