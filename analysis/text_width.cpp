// Displayed width of UTF-8 text for the terminal tables.
#include "analysis/text_width.hpp"

#include <fmt/core.h>  // fmt::format: the exponent form of very small numbers

#include <algorithm>  // std::max, std::replace
#include <cmath>      // std::floor, std::log10, std::pow, std::round

#include "sim/text/formats.hpp"  // text::format_number: thousands grouped

namespace cadresim::analysis {

namespace {

bool is_combining(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

}  // namespace

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  int extra = (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : 0;
  if (extra == 0) return b;
  char32_t cp = extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
  while (extra-- > 0 && i < s.size()) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) width += is_combining(next_code_point(utf8, i)) ? 0 : 1;
  return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
  const std::size_t w = display_width(text);
  return std::string(text) + std::string(w < width ? width - w : 0, ' ');
}

std::string pad_left(std::string_view text, std::size_t width) {
  const std::size_t w = display_width(text);
  return std::string(w < width ? width - w : 0, ' ') + std::string(text);
}

std::string plain_number(double value, int significant, bool plus, text::Lang lang) {
  const std::string sign = plus && value > 0 ? "+" : "";
  const char mark = text::decimal_mark(lang);
  if (!std::isfinite(value) || value == 0 || std::abs(value) < 1e-4) {
    std::string g = fmt::format("{:.{}g}", value, significant);
    std::replace(g.begin(), g.end(), '.', mark);
    return sign + g;
  }
  const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
  const int decimals = std::max(0, significant - 1 - magnitude);
  // Rounded to the significant digits first: 4,144,237,118 to 4 digits is 4,144,000,000.
  const double unit = std::pow(10.0, magnitude - significant + 1);
  const double rounded = decimals > 0 ? value : std::round(value / unit) * unit;
  std::string text = text::format_number(lang, rounded, decimals);
  if (decimals > 0) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == mark) text.pop_back();
  }
  return sign + text;
}

std::string plain_interval(double mean, double low, double high, int significant, bool plus,
                           text::Lang lang) {
  return plain_number(mean, significant, plus, lang) + " [" +
         plain_number(low, significant, plus, lang) + std::string(text::list_separator(lang)) +
         plain_number(high, significant, plus, lang) + "]";
}

std::string format_table(const std::vector<std::vector<std::string>>& rows, std::size_t text_from) {
  std::vector<std::size_t> width;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max(width[c], display_width(row[c]));
    }
  std::string out;
  for (const auto& row : rows) {
    std::string line = " ";
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += c == 0 ? " " : "  ";
      line += c == 0 || c >= text_from ? pad_right(row[c], width[c]) : pad_left(row[c], width[c]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace cadresim::analysis
