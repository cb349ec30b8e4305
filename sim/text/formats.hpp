#pragma once
/// @file Dates and numbers in each language's convention (docs/architecture.md § Messages and
/// languages): "01 Jul 2020" / "01/07/2020", "1 July 2020" / "1 tháng 7 năm 2020",
/// "41,566.6" / "41.566,6". Part of the leaf library cadresim_text, so it takes a date as its
/// year, month and day rather than a kernel::Day. Machine-readable outputs stay ISO and plain.

#include <string>       // std::string
#include <string_view>  // std::string_view

#include "sim/text/messages.hpp"  // Lang

namespace cadresim::text {

/// A date of fixed width for tables and story lines: en "01 Jul 2020", vi "01/07/2020".
/// A month outside 1-12 is a bug: std::invalid_argument.
std::string short_date(Lang lang, int year, int month, int day);

/// A date for prose: en "1 July 2020", vi "1 tháng 7 năm 2020".
/// A month outside 1-12 is a bug: std::invalid_argument.
std::string long_date(Lang lang, int year, int month, int day);

/// `value` rounded to `decimals` places, its whole part grouped by thousands, in `lang`:
/// en "12,345.7", vi "12.345,7". A value that rounds to zero has no sign; a negative one starts
/// with `minus` ("-", or "\u2212" for the true minus sign of report.html). Not finite: "–".
std::string format_number(Lang lang, double value, int decimals, std::string_view minus = "-");

}  // namespace cadresim::text
