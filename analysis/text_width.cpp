// Displayed width of UTF-8 text and grouped numbers for the terminal tables.
#include "analysis/text_width.hpp"

#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::min
#include <cmath>      // std::abs, std::pow

namespace cadresim::analysis {

namespace {

// Decodes one UTF-8 code point at s[i], advancing i; an invalid byte comes back as itself.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  int extra = (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : 0;
  if (extra == 0) return b;
  char32_t cp = extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
  while (extra-- > 0 && i < s.size()) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

bool is_combining(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

}  // namespace

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

std::string format_grouped(double value, int decimals, Lang lang) {
  // Adding 0.0 turns -0 into 0; values that round to zero lose their sign.
  if (std::abs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0.0;
  const std::string plain = fmt::format("{:.{}f}", std::abs(value + 0.0), decimals);
  const std::size_t dot = plain.find('.');
  const std::size_t int_len = dot == std::string::npos ? plain.size() : dot;
  std::string out = value < 0 ? "-" : "";
  for (std::size_t i = 0; i < int_len; ++i) {
    if (i > 0 && (int_len - i) % 3 == 0) out += thousands_separator(lang);
    out += plain[i];
  }
  if (int_len < plain.size()) out += decimal_mark(lang);
  return out + plain.substr(std::min(plain.size(), int_len + 1));
}

}  // namespace cadresim::analysis
