#pragma once
/// @file Plain-text layout for terminal tables: the displayed width of UTF-8 text (so columns
/// line up for Vietnamese names). Numbers: text::format_number (sim/text/formats.hpp).

#include <cstddef>      // std::size_t
#include <limits>       // std::numeric_limits
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // a table's rows

#include "sim/text/messages.hpp"  // text::Lang

namespace cadresim::analysis {

/// Decodes the UTF-8 code point that starts at utf8[i] and moves i past it; a byte that does not
/// start a valid sequence comes back as itself (so every byte is consumed). Requires i < size.
char32_t next_code_point(std::string_view utf8, std::size_t& i);

/// Columns UTF-8 text takes on a terminal: one per code point, zero for combining marks
/// (U+0300–U+036F and the other combining blocks), so "Hỗ trợ" is 6 whether its marks are
/// precomposed or not. Invalid bytes count one each.
std::size_t display_width(std::string_view utf8);

/// `text` followed (pad_right) or preceded (pad_left) by spaces up to `width` displayed
/// columns; text already wider is returned whole, never cut.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

/// `value` to `significant` significant digits, written out without an exponent: 1,000,000
/// rather than 1e+06, 4,144,000,000 rather than 4.144e+09, 0.66667 as it is (thousands and
/// decimals marked as `lang` marks them, 1.000.000 and 0,66667 in Vietnamese; trailing zeros of
/// the decimals dropped, as "{:g}" does). `plus` writes "+" before a positive value. Values
/// below 1e-4 in size keep the exponent ("{:g}", with the language's decimal mark); infinities
/// and NaN are fmt's.
std::string plain_number(double value, int significant, bool plus = false,
                         text::Lang lang = text::Lang::kEn);

/// "mean [low, high]" with each figure as plain_number writes it and the bounds parted by the
/// language's list separator: "4,144,000,000 [883,800,000, 7,405,000,000]", "1,5 [1,2; 1,8]".
std::string plain_interval(double mean, double low, double high, int significant, bool plus = false,
                           text::Lang lang = text::Lang::kEn);

/// A terminal table, indented by two spaces with two between columns, each column as wide as
/// its widest cell in displayed columns: the first column and those from `text_from` on
/// left-aligned, the others (figures) right-aligned; trailing spaces dropped.
std::string format_table(const std::vector<std::vector<std::string>>& rows,
                         std::size_t text_from = std::numeric_limits<std::size_t>::max());

}  // namespace cadresim::analysis
