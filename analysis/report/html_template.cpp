// The report's page template: placeholders, optional sections and comments (html_template.hpp).
#include "analysis/report/html_template.hpp"

#include <stdexcept>  // std::logic_error

namespace cadresim::analysis::html {
namespace {

constexpr std::string_view kOpen = "{{", kClose = "}}";
constexpr std::string_view kCommentClose = "!}}";

[[noreturn]] void broken(const std::string& what) {
  throw std::logic_error("report template: " + what);
}

void append_filled(std::string& out, std::string_view t, const TemplateValues& values,
                   const TemplateFlags& flags) {
  std::size_t pos = 0;
  for (;;) {
    const std::size_t open = t.find(kOpen, pos);
    if (open == std::string_view::npos) {
      out.append(t.substr(pos));
      return;
    }
    out.append(t.substr(pos, open - pos));
    const std::size_t inner = open + kOpen.size();
    if (t.substr(inner, 1) == "!") {
      const std::size_t end = t.find(kCommentClose, inner);
      if (end == std::string_view::npos) broken("unclosed comment");
      pos = end + kCommentClose.size();
      if (pos < t.size() && t[pos] == '\n') ++pos;
      continue;
    }
    const std::size_t close = t.find(kClose, inner);
    if (close == std::string_view::npos) broken("unclosed tag");
    const std::string_view tag = t.substr(inner, close - inner);
    pos = close + kClose.size();
    if (tag.starts_with('#')) {
      const std::string_view name = tag.substr(1);
      const std::string end_tag = "{{/" + std::string(name) + "}}";
      const std::size_t end = t.find(end_tag, pos);
      if (end == std::string_view::npos) broken("no " + end_tag);
      const auto flag = flags.find(name);
      if (flag == flags.end()) broken("unknown flag '" + std::string(name) + "'");
      if (flag->second) append_filled(out, t.substr(pos, end - pos), values, flags);
      pos = end + end_tag.size();
    } else if (tag.starts_with('/')) {
      broken("'{{" + std::string(tag) + "}}' closes nothing");
    } else {
      const auto value = values.find(tag);
      if (value == values.end()) broken("unknown value '" + std::string(tag) + "'");
      out.append(value->second);
    }
  }
}

}  // namespace

std::string fill_template(std::string_view tpl, const TemplateValues& values,
                          const TemplateFlags& flags) {
  std::size_t size = tpl.size();
  for (const auto& [name, value] : values) size += value.size();
  std::string out;
  out.reserve(size);
  append_filled(out, tpl, values, flags);
  return out;
}

}  // namespace cadresim::analysis::html
