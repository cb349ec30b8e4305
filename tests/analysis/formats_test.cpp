// Dates and numbers in each language's convention (sim/text/formats.hpp).
#include <gtest/gtest.h>

#include <limits>     // infinity, NaN
#include <stdexcept>  // std::invalid_argument

#include "sim/text/formats.hpp"

namespace {

using cadresim::text::format_number;
using cadresim::text::Lang;
using cadresim::text::long_date;
using cadresim::text::short_date;

TEST(ShortDate, IsDayMonthYearOfOneWidthInEachLanguage) {
  EXPECT_EQ(short_date(Lang::kEn, 2020, 7, 1), "01 Jul 2020");
  EXPECT_EQ(short_date(Lang::kEn, 2030, 12, 31), "31 Dec 2030");
  EXPECT_EQ(short_date(Lang::kEn, 2025, 9, 15), "15 Sep 2025");
  EXPECT_EQ(short_date(Lang::kVi, 2020, 7, 1), "01/07/2020");
  EXPECT_EQ(short_date(Lang::kVi, 2030, 12, 31), "31/12/2030");
  // One width per language, whatever the date, so that story lines align.
  for (int m = 1; m <= 12; ++m) {
    EXPECT_EQ(short_date(Lang::kEn, 2021, m, 1).size(), 11u) << m;
    EXPECT_EQ(short_date(Lang::kVi, 2021, m, 1).size(), 10u) << m;
  }
}

TEST(LongDate, NamesTheMonthInEnglishAndNumbersItInVietnamese) {
  EXPECT_EQ(long_date(Lang::kEn, 2020, 7, 1), "1 July 2020");
  EXPECT_EQ(long_date(Lang::kEn, 2026, 11, 27), "27 November 2026");
  EXPECT_EQ(long_date(Lang::kVi, 2020, 7, 1), "1 tháng 7 năm 2020");
  EXPECT_EQ(long_date(Lang::kVi, 2026, 11, 27), "27 tháng 11 năm 2026");
}

TEST(Dates, AMonthOutsideTheYearIsABug) {
  EXPECT_THROW(short_date(Lang::kEn, 2020, 13, 1), std::invalid_argument);
  EXPECT_THROW(long_date(Lang::kVi, 2020, 0, 1), std::invalid_argument);
}

TEST(FormatNumber, GroupsThousandsWithEachLanguagesMarks) {
  EXPECT_EQ(format_number(Lang::kEn, 41566.64, 1), "41,566.6");
  EXPECT_EQ(format_number(Lang::kVi, 41566.64, 1), "41.566,6");
  EXPECT_EQ(format_number(Lang::kEn, 1500000, 0), "1,500,000");
  EXPECT_EQ(format_number(Lang::kVi, 1500000, 0), "1.500.000");
  EXPECT_EQ(format_number(Lang::kEn, 999.96, 1), "1,000.0");
  EXPECT_EQ(format_number(Lang::kEn, 0.375, 2), "0.38");
  EXPECT_EQ(format_number(Lang::kVi, 12, 2), "12,00");
}

TEST(FormatNumber, WritesTheMinusGivenAndNoSignOnZero) {
  EXPECT_EQ(format_number(Lang::kEn, -1234.5, 1), "-1,234.5");
  EXPECT_EQ(format_number(Lang::kVi, -1234.5, 1, "\u2212"), "\u22121.234,5");
  EXPECT_EQ(format_number(Lang::kEn, -0.04, 1), "0.0");
  EXPECT_EQ(format_number(Lang::kEn, -0.0, 0), "0");
  EXPECT_EQ(format_number(Lang::kEn, -0.4, 0, "\u2212"), "0");
}

TEST(FormatNumber, AnAbsentNumberIsADash) {
  EXPECT_EQ(format_number(Lang::kEn, std::numeric_limits<double>::quiet_NaN(), 1), "–");
  EXPECT_EQ(format_number(Lang::kVi, std::numeric_limits<double>::infinity(), 0), "–");
}

}  // namespace
