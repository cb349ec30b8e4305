#pragma once
/// @file Calendar arithmetic on whole days. Simulation time is an integer day count
/// (`Day`, days since 1970-01-01, the epoch of std::chrono::sys_days), so event ordering is
/// exact and reproducible; dates at the edges of the program are `std::chrono::sys_days`.

#include <chrono>    // std::chrono::sys_days, year_month_day
#include <cstdint>   // std::int32_t
#include <optional>  // std::optional
#include <string>    // std::string
#include <string_view>

namespace cadresim::kernel {

/// Simulation time: whole days since 1970-01-01.
using Day = std::int32_t;

/// Converts a calendar date to simulation time.
inline Day to_day(std::chrono::sys_days d) {
  return static_cast<Day>(d.time_since_epoch().count());
}
/// Converts simulation time to a calendar date.
inline std::chrono::sys_days to_date(Day d) {
  return std::chrono::sys_days{std::chrono::days{d}};
}
/// Builds a day from year, month (1-12), day of month (1-31); throws std::invalid_argument if
/// the date does not exist (e.g. 2023-02-29).
Day make_day(int year, unsigned month, unsigned day);

/// Year, month (1-12) and day of month of a simulation day.
struct Ymd {
  int year;
  unsigned month;
  unsigned day;
};
/// Splits a simulation day into its calendar parts.
Ymd split(Day d);

/// Last day of the month containing `d`.
Day month_end(Day d);
/// Last day of `month` (1-12) of `year`.
Day month_end_of(int year, unsigned month);
/// First day of the month containing `d`.
Day month_start(Day d);
/// Adds `months` (may be negative) calendar months; the day of month is clamped to the end
/// of the target month (31 Jan + 1 month = 28/29 Feb).
Day add_months(Day d, int months);
/// Same day next year; 29 Feb maps to 28 Feb in a non-leap year.
Day same_day_next_year(Day d);
/// Completed months between `from` and `to` (0 when `to` < `from`); a month counts as completed
/// when the day of month is reached (clamped at month ends).
int whole_months_between(Day from, Day to);
/// The latest start that has completed `months` months by `to`: for every day `from`,
/// whole_months_between(from, to) >= months  <=>  from <= months_completed_by(to, months)
/// (months <= 0: every start, the largest Day). For hot loops that compare many starts with one
/// date: one comparison per start instead of a date conversion. The last few (to, months)
/// pairs are remembered per thread, so repeated calls on one day cost a few comparisons.
Day months_completed_by(Day to, int months);

/// Age in completed years and months on a date.
struct Age {
  int years;
  int months;
  /// Total completed months.
  int total_months() const { return years * 12 + months; }
};
/// Age of someone born on `birth` on date `at` (zero if `at` precedes `birth`); a year or
/// month is completed on the birthday itself, and someone born on 29 Feb turns a year older on
/// 28 Feb in common years.
Age age_at(Day birth, Day at);
/// The date on which someone born on `birth` reaches `months` months of age.
Day reaches_age(Day birth, int months);

/// Parses an ISO date "YYYY-MM-DD"; std::nullopt for anything else (including 2023-02-30).
std::optional<Day> parse_iso_date(std::string_view text);
/// Formats a day as "YYYY-MM-DD".
std::string format_iso_date(Day d);
/// Writes "YYYY-MM-DD" into `out` (11 bytes including the terminating NUL); no allocation.
void format_iso_date(Day d, char out[11]);

}  // namespace cadresim::kernel
