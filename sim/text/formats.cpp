// Dates and numbers in each language's convention (sim/text/formats.hpp).
#include "sim/text/formats.hpp"

#include <fmt/format.h>  // fmt::format

#include <algorithm>  // std::min
#include <cmath>      // std::abs, std::isfinite, std::pow
#include <stdexcept>  // std::invalid_argument

namespace cadresim::text {

namespace {

constexpr std::string_view kEnglishMonths[] = {"January",   "February", "March",    "April",
                                               "May",       "June",     "July",     "August",
                                               "September", "October",  "November", "December"};

int checked_month(int month) {
  if (month < 1 || month > 12)
    throw std::invalid_argument(fmt::format("no month {} in a date", month));
  return month;
}

}  // namespace

std::string short_date(Lang lang, int year, int month, int day) {
  checked_month(month);
  // Vietnamese writes day/month/year with numbers; English names the month in three letters.
  if (lang == Lang::kVi) return fmt::format("{:02}/{:02}/{:04}", day, month, year);
  return fmt::format("{:02} {} {:04}", day, kEnglishMonths[month - 1].substr(0, 3), year);
}

std::string long_date(Lang lang, int year, int month, int day) {
  checked_month(month);
  // Vietnamese names the month by its number: "ngày" is left out, as in "1 tháng 7 năm 2020".
  if (lang == Lang::kVi) return fmt::format("{} tháng {} năm {}", day, month, year);
  return fmt::format("{} {} {}", day, kEnglishMonths[month - 1], year);
}

std::string format_number(Lang lang, double value, int decimals, std::string_view minus) {
  if (!std::isfinite(value)) return "–";
  // A value that rounds to zero loses its sign (no "-0.0"); adding 0.0 turns -0 into 0.
  if (std::abs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0.0;
  const std::string plain = fmt::format("{:.{}f}", std::abs(value + 0.0), decimals);
  if (plain.find_first_not_of("0.") == std::string::npos) value = 0.0;
  const std::size_t dot = plain.find('.');
  const std::size_t int_len = dot == std::string::npos ? plain.size() : dot;
  std::string out = value < 0 ? std::string(minus) : std::string();
  for (std::size_t i = 0; i < int_len; ++i) {
    if (i > 0 && (int_len - i) % 3 == 0) out += thousands_separator(lang);
    out += plain[i];
  }
  if (int_len < plain.size()) out += decimal_mark(lang);
  return out + plain.substr(std::min(plain.size(), int_len + 1));
}

}  // namespace cadresim::text
