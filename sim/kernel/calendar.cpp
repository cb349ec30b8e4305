#include "sim/kernel/calendar.hpp"

#include <algorithm>  // std::min
#include <array>      // the memo of months_completed_by
#include <limits>     // std::numeric_limits

#include <stdexcept>  // std::invalid_argument

namespace cadresim::kernel {

namespace chr = std::chrono;

Day make_day(int year, unsigned month, unsigned day) {
  const chr::year_month_day ymd{chr::year{year}, chr::month{month}, chr::day{day}};
  if (!ymd.ok() || year < -32767 || year > 32767)
    throw std::invalid_argument("make_day: " + std::to_string(year) + "-" + std::to_string(month) +
                                "-" + std::to_string(day) + " is not a valid date");
  return to_day(chr::sys_days{ymd});
}

Ymd split(Day d) {
  const chr::year_month_day ymd{to_date(d)};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day())};
}

Day month_end(Day d) {
  const chr::year_month_day ymd{to_date(d)};
  return to_day(chr::sys_days{ymd.year() / ymd.month() / chr::last});
}

Day month_end_of(int year, unsigned month) {
  return to_day(chr::sys_days{chr::year{year} / chr::month{month} / chr::last});
}

Day month_start(Day d) {
  const chr::year_month_day ymd{to_date(d)};
  return to_day(chr::sys_days{ymd.year() / ymd.month() / 1});
}

Day add_months(Day d, int months) {
  const chr::year_month_day ymd{to_date(d)};
  const chr::year_month ym = chr::year_month{ymd.year(), ymd.month()} + chr::months{months};
  const chr::year_month_day_last last{ym.year(), chr::month_day_last{ym.month()}};
  const chr::day dd = ymd.day() > last.day() ? last.day() : ymd.day();
  return to_day(chr::sys_days{ym.year() / ym.month() / dd});
}

Day same_day_next_year(Day d) {
  return add_months(d, 12);
}

namespace {
// Howard Hinnant's civil_from_days (public domain), the algorithm behind std::chrono's
// year_month_day, written out so the hot path avoids the chrono conversions.
inline Ymd civil_from_days(Day z0) {
  const long z = static_cast<long>(z0) + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), m, d};
}
inline unsigned last_day_of_month(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29u : kDays[m - 1];
}
}  // namespace

int whole_months_between(Day from, Day to) {
  if (to < from) return 0;
  const Ymd a = civil_from_days(from);
  const Ymd b = civil_from_days(to);
  int months = (b.year - a.year) * 12 + static_cast<int>(b.month) - static_cast<int>(a.month);
  // Not yet reached the day of month (clamped to the final month's length) in the final month.
  const unsigned due = std::min(a.day, last_day_of_month(b.year, b.month));
  if (due > b.day) --months;
  return months < 0 ? 0 : months;
}

Day months_completed_by(Day to, int months) {
  if (months <= 0) return std::numeric_limits<Day>::max();
  // A tiny per-thread memo: rules ask for a handful of thresholds on the same day.
  struct Entry {
    Day to;
    int months;
    Day result;
    bool used;
  };
  thread_local std::array<Entry, 8> memo{};
  thread_local unsigned next = 0;
  for (const Entry& e : memo)
    if (e.used && e.to == to && e.months == months) return e.result;
  // The month `months` before `to`'s month. A start in that month has completed the months when
  // its day (clamped to the length of `to`'s month) is not after `to`'s day: any day if `to` is
  // the last of its month, else up to `to`'s day (clamped to the earlier month's length).
  const Ymd b = civil_from_days(to);
  const int index = b.year * 12 + static_cast<int>(b.month) - 1 - months;
  const int year = index >= 0 ? index / 12 : -((-index + 11) / 12);
  const unsigned month = static_cast<unsigned>(index - year * 12) + 1;
  const unsigned last = last_day_of_month(year, month);
  const unsigned day = b.day >= last_day_of_month(b.year, b.month) ? last : std::min(b.day, last);
  const Day result = make_day(year, month, day);
  memo[next] = {to, months, result, true};
  next = (next + 1) % memo.size();
  return result;
}

Age age_at(Day birth, Day at) {
  const int m = whole_months_between(birth, at);
  return {m / 12, m % 12};
}

Day reaches_age(Day birth, int months) {
  return add_months(birth, months);
}

std::optional<Day> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t pos, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      out = out * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, dd = 0;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, dd)) return std::nullopt;
  const chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)},
                                chr::day{static_cast<unsigned>(dd)}};
  if (!ymd.ok()) return std::nullopt;
  return to_day(chr::sys_days{ymd});
}

void format_iso_date(Day d, char out[11]) {
  const Ymd ymd = split(d);
  // Years outside 0..9999 are not representable in ISO basic form; they are clamped.
  const int y = ymd.year < 0 ? 0 : (ymd.year > 9999 ? 9999 : ymd.year);
  const auto put = [&](int pos, unsigned v, int n) {
    for (int i = n - 1; i >= 0; --i, v /= 10) out[pos + i] = static_cast<char>('0' + v % 10);
  };
  put(0, static_cast<unsigned>(y), 4);
  out[4] = '-';
  put(5, ymd.month, 2);
  out[7] = '-';
  put(8, ymd.day, 2);
  out[10] = '\0';
}

std::string format_iso_date(Day d) {
  char buf[11];
  format_iso_date(d, buf);
  return std::string(buf, 10);
}

}  // namespace cadresim::kernel
