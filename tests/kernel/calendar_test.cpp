#include "sim/kernel/calendar.hpp"

#include <gtest/gtest.h>

#include <optional>   // std::optional
#include <stdexcept>  // std::invalid_argument
#include <string>     // std::string

using namespace cadresim::kernel;

namespace {

/// Day from an ISO string, failing the test on a parse error.
Day d(const char* iso) {
  const std::optional<Day> day = parse_iso_date(iso);
  EXPECT_TRUE(day.has_value()) << iso;
  return day.value_or(0);
}

}  // namespace

TEST(Calendar, ThirtyFirstPlusOneMonthClampsToMonthEnd) {
  EXPECT_EQ(format_iso_date(add_months(make_day(2023, 1, 31), 1)), "2023-02-28");
  EXPECT_EQ(format_iso_date(add_months(make_day(2024, 1, 31), 1)), "2024-02-29");
  EXPECT_EQ(format_iso_date(add_months(d("2023-03-31"), 1)), "2023-04-30");
  EXPECT_EQ(format_iso_date(add_months(d("2023-08-31"), 1)), "2023-09-30");
  EXPECT_EQ(format_iso_date(add_months(d("2023-01-31"), 2)), "2023-03-31");  // no drift
}

TEST(Calendar, EpochIsDayZero) {
  EXPECT_EQ(make_day(1970, 1, 1), 0);
  EXPECT_EQ(make_day(1969, 12, 31), -1);
  EXPECT_EQ(format_iso_date(0), "1970-01-01");
}

TEST(Calendar, LeapYearsFollowTheGregorianRule) {
  EXPECT_EQ(format_iso_date(make_day(2024, 2, 29)), "2024-02-29");  // divisible by 4
  EXPECT_EQ(format_iso_date(make_day(2000, 2, 29)), "2000-02-29");  // divisible by 400
  EXPECT_THROW(make_day(2100, 2, 29), std::invalid_argument);       // by 100, not 400
  EXPECT_THROW(make_day(2023, 2, 29), std::invalid_argument);
  EXPECT_EQ(month_end(d("2100-02-10")), d("2100-02-28"));
  EXPECT_EQ(month_end(d("2000-02-10")), d("2000-02-29"));
  EXPECT_EQ(d("2024-03-01") - d("2024-02-28"), 2);
  EXPECT_EQ(d("2100-03-01") - d("2100-02-28"), 1);
  EXPECT_EQ(d("2025-01-01") - d("2024-01-01"), 366);
  EXPECT_EQ(d("2101-01-01") - d("2100-01-01"), 365);
}

TEST(Calendar, MakeDayRejectsDatesThatDoNotExist) {
  EXPECT_THROW(make_day(2023, 13, 1), std::invalid_argument);
  EXPECT_THROW(make_day(2023, 0, 1), std::invalid_argument);
  EXPECT_THROW(make_day(2023, 4, 31), std::invalid_argument);
  EXPECT_THROW(make_day(2023, 1, 0), std::invalid_argument);
  EXPECT_THROW(make_day(40000, 1, 1), std::invalid_argument);
}

TEST(Calendar, SplitInvertsMakeDay) {
  for (Day day = make_day(1899, 12, 25); day < make_day(2101, 1, 10); day += 13) {
    const Ymd p = split(day);
    EXPECT_EQ(make_day(p.year, p.month, p.day), day);
  }
  const Ymd p = split(make_day(2024, 2, 29));
  EXPECT_EQ(p.year, 2024);
  EXPECT_EQ(p.month, 2u);
  EXPECT_EQ(p.day, 29u);
}

TEST(Calendar, EndOfFebruaryPlusMonthsKeepsTheDayOfMonthNotTheMonthEnd) {
  EXPECT_EQ(add_months(d("2023-02-28"), 1), d("2023-03-28"));
  EXPECT_EQ(add_months(d("2024-02-29"), 1), d("2024-03-29"));
  EXPECT_EQ(add_months(d("2024-02-29"), 12), d("2025-02-28"));
  EXPECT_EQ(add_months(d("2024-02-29"), 48), d("2028-02-29"));
}

TEST(Calendar, AddMonthsAcceptsNegativeCountsAndCrossesYears) {
  EXPECT_EQ(add_months(d("2024-03-31"), -1), d("2024-02-29"));
  EXPECT_EQ(add_months(d("2023-03-31"), -1), d("2023-02-28"));
  EXPECT_EQ(add_months(d("2024-01-15"), -1), d("2023-12-15"));
  EXPECT_EQ(add_months(d("2024-01-15"), -13), d("2022-12-15"));
  EXPECT_EQ(add_months(d("2024-01-15"), -24), d("2022-01-15"));
  EXPECT_EQ(add_months(d("2023-12-15"), 1), d("2024-01-15"));
  EXPECT_EQ(add_months(d("2023-11-30"), 3), d("2024-02-29"));
  EXPECT_EQ(add_months(d("2024-05-17"), 0), d("2024-05-17"));
  EXPECT_EQ(add_months(d("1960-07-01"), 60 * 12), d("2020-07-01"));
}

TEST(Calendar, MonthStartAndEndBracketEveryDayOfTheMonth) {
  EXPECT_EQ(month_start(d("2024-02-15")), d("2024-02-01"));
  EXPECT_EQ(month_end(d("2024-02-15")), d("2024-02-29"));
  EXPECT_EQ(month_end(d("2023-02-01")), d("2023-02-28"));
  EXPECT_EQ(month_end(d("2023-12-31")), d("2023-12-31"));
  EXPECT_EQ(month_start(d("2023-12-31")), d("2023-12-01"));
  EXPECT_EQ(month_end(d("2023-04-01")), d("2023-04-30"));
  EXPECT_EQ(month_start(d("2023-01-01")), d("2023-01-01"));
  EXPECT_EQ(month_end(d("1969-12-31")), d("1969-12-31"));  // before the epoch
  EXPECT_EQ(month_start(d("1969-12-31")), d("1969-12-01"));
  for (Day day = d("2023-01-01"); day < d("2025-01-01"); ++day) {
    EXPECT_LE(month_start(day), day);
    EXPECT_GE(month_end(day), day);
    EXPECT_EQ(month_start(month_end(day) + 1), month_end(day) + 1);  // next month starts
    EXPECT_EQ(split(month_start(day)).day, 1u);
  }
}

TEST(Calendar, SameDayNextYearMapsTwentyNinthFebruaryToTwentyEighth) {
  EXPECT_EQ(same_day_next_year(d("2024-02-29")), d("2025-02-28"));
  EXPECT_EQ(same_day_next_year(d("2023-02-28")), d("2024-02-28"));
  EXPECT_EQ(same_day_next_year(d("2023-03-01")), d("2024-03-01"));
  EXPECT_EQ(same_day_next_year(d("2023-12-31")), d("2024-12-31"));
}

// months_completed_by is the exact threshold of whole_months_between: checked for every start
// in 2022-2024 against every end in 2023-2024 (leap and common Februaries, every month end) and
// the month counts the rules use.
TEST(Calendar, MonthsCompletedByIsTheExactThresholdOfWholeMonthsBetween) {
  for (const int n : {-1, 0, 1, 2, 11, 12, 23, 24, 36}) {
    for (Day to = d("2023-01-01"); to <= d("2024-12-31"); ++to) {
      const Day t = months_completed_by(to, n);
      for (Day from = d("2022-01-01"); from <= d("2024-12-31"); from += 1) {
        if ((whole_months_between(from, to) >= n) != (from <= t)) {
          ADD_FAILURE() << "n=" << n << " from=" << format_iso_date(from)
                        << " to=" << format_iso_date(to) << " threshold=" << format_iso_date(t);
          return;
        }
      }
    }
  }
}

TEST(Calendar, WholeMonthsBetweenCountsAMonthWhenTheDayOfMonthIsReached) {
  EXPECT_EQ(whole_months_between(d("2023-01-15"), d("2023-01-15")), 0);
  EXPECT_EQ(whole_months_between(d("2023-01-15"), d("2023-02-14")), 0);
  EXPECT_EQ(whole_months_between(d("2023-01-15"), d("2023-02-15")), 1);
  EXPECT_EQ(whole_months_between(d("2023-01-15"), d("2024-01-14")), 11);
  EXPECT_EQ(whole_months_between(d("2023-01-15"), d("2024-01-15")), 12);
  // The day of month is clamped at month ends: 31 Jan reaches one month on 28 Feb ...
  EXPECT_EQ(whole_months_between(d("2023-01-31"), d("2023-02-27")), 0);
  EXPECT_EQ(whole_months_between(d("2023-01-31"), d("2023-02-28")), 1);
  // ... but two months only on 31 Mar, not on 28 or 30 Mar.
  EXPECT_EQ(whole_months_between(d("2023-01-31"), d("2023-03-30")), 1);
  EXPECT_EQ(whole_months_between(d("2023-01-31"), d("2023-03-31")), 2);
  EXPECT_EQ(whole_months_between(d("2023-03-31"), d("2023-04-30")), 1);
  EXPECT_EQ(whole_months_between(d("2023-12-31"), d("2024-01-30")), 0);  // across a year
  EXPECT_EQ(whole_months_between(d("2023-12-31"), d("2024-01-31")), 1);
  // Backwards is zero.
  EXPECT_EQ(whole_months_between(d("2023-02-15"), d("2023-01-15")), 0);
  EXPECT_EQ(whole_months_between(d("2023-02-15"), d("2023-02-14")), 0);
  // Agrees with add_months everywhere over two years of start and end days.
  for (Day from = d("2023-01-01"); from < d("2023-12-31"); from += 7) {
    for (int m = 0; m < 30; ++m) {
      const Day reached = add_months(from, m);
      EXPECT_EQ(whole_months_between(from, reached), m);
      EXPECT_EQ(whole_months_between(from, reached - 1), m == 0 ? 0 : m - 1);
    }
  }
}

TEST(Calendar, AgeAtCountsTheBirthdayItself) {
  const Day birth = d("1970-06-15");
  const Age on_birthday = age_at(birth, d("2030-06-15"));
  EXPECT_EQ(on_birthday.years, 60);
  EXPECT_EQ(on_birthday.months, 0);
  const Age day_before = age_at(birth, d("2030-06-14"));
  EXPECT_EQ(day_before.years, 59);
  EXPECT_EQ(day_before.months, 11);
  EXPECT_EQ(day_before.total_months(), 60 * 12 - 1);
  const Age mid = age_at(birth, d("2030-09-20"));
  EXPECT_EQ(mid.years, 60);
  EXPECT_EQ(mid.months, 3);
  EXPECT_EQ(age_at(birth, birth).total_months(), 0);
  EXPECT_EQ(age_at(birth, birth - 1).total_months(), 0);  // before birth
  // Born on 29 Feb: one year old on 28 Feb of a common year, four on 29 Feb.
  EXPECT_EQ(age_at(d("2024-02-29"), d("2025-02-27")).years, 0);
  EXPECT_EQ(age_at(d("2024-02-29"), d("2025-02-28")).years, 1);
  EXPECT_EQ(age_at(d("2024-02-29"), d("2028-02-28")).years, 3);
  EXPECT_EQ(age_at(d("2024-02-29"), d("2028-02-29")).years, 4);
}

TEST(Calendar, ReachesAgeIsTheFirstDayAtThatAge) {
  const Day birth = d("1965-08-31");
  EXPECT_EQ(reaches_age(birth, 60 * 12), d("2025-08-31"));
  EXPECT_EQ(reaches_age(birth, 60 * 12 + 3), d("2025-11-30"));  // clamped month end
  EXPECT_EQ(reaches_age(d("1964-02-29"), 61 * 12), d("2025-02-28"));
  EXPECT_EQ(reaches_age(birth, 0), birth);
  for (int months : {1, 6, 12, 60 * 12 + 3, 62 * 12}) {
    const Day day = reaches_age(birth, months);
    EXPECT_EQ(age_at(birth, day).total_months(), months);
    EXPECT_EQ(age_at(birth, day - 1).total_months(), months - 1);
  }
}

TEST(Calendar, ParseIsoDateRejectsAnythingButAnExistingYyyyMmDd) {
  for (const char* bad :
       {"2023-02-30",  "2023-02-29",  "2023-13-01",   "2023-00-10", "2023-04-31", "2023-01-00",
        "2023-1-01",   "2023-01-1",   "23-01-01",     "",           "abcd-ef-gh", "2023-01-01x",
        "2023-01-01 ", " 2023-01-01", "2023/01/01",   "2023-01-0a", "+023-01-01", "-023-01-01",
        "2023-+1-01",  "20230101",    "2023-01-01T00"}) {
    EXPECT_FALSE(parse_iso_date(bad).has_value()) << '"' << bad << '"';
  }
  EXPECT_FALSE(parse_iso_date(std::string_view("2023-01-01\0", 11)).has_value());
  EXPECT_EQ(parse_iso_date("2024-02-29"), make_day(2024, 2, 29));
  EXPECT_EQ(parse_iso_date("1970-01-01"), 0);
  EXPECT_EQ(parse_iso_date("0001-01-01"), make_day(1, 1, 1));
  EXPECT_EQ(parse_iso_date("9999-12-31"), make_day(9999, 12, 31));
}

TEST(Calendar, FormatAndParseRoundTripEveryDay) {
  char buf[11];
  for (Day day = d("1899-12-01"); day <= d("2101-03-01"); ++day) {
    const std::string text = format_iso_date(day);
    ASSERT_EQ(text.size(), 10u);
    ASSERT_EQ(parse_iso_date(text), day) << text;
    format_iso_date(day, buf);
    ASSERT_EQ(std::string(buf), text);
  }
  EXPECT_EQ(format_iso_date(make_day(2023, 7, 4)), "2023-07-04");  // zero padding
  EXPECT_EQ(format_iso_date(make_day(987, 1, 9)), "0987-01-09");
}
