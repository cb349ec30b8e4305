// The terminal listing of what each scenario changes from its base (pointer, base, variant).
#include <fmt/core.h>  // fmt::format

#include <vector>  // the rows

#include "analysis/messages.hpp"  // tr, trf
#include "analysis/report.hpp"
#include "analysis/text_width.hpp"  // display_width, format_table: Vietnamese values align

namespace cadresim::analysis {

namespace {
std::string shown(const nlohmann::json& v, Lang lang) {
  if (v.is_null()) return std::string(tr(lang, "summary.changes.absent"));
  std::string s = v.dump();
  if (display_width(s) <= 60) return s;
  // Cut after 57 displayed characters, never inside a UTF-8 sequence.
  std::size_t end = 0;
  while (end < s.size() && display_width(std::string_view(s).substr(0, end)) < 57) {
    ++end;
    while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
  }
  s.resize(end);
  return s + "...";
}
}  // namespace

std::string format_changes(const std::vector<ScenarioResults>& results, Lang lang) {
  std::string out;
  for (const auto& r : results) {
    if (r.changes.empty()) continue;
    out += fmt::format(
        "\n{}\n", trf(lang, "summary.changes.title", r.name, r.changed_from, r.changes.size()));
    // Values are cut at 60 characters (shown()) and left-aligned, as the JSON text they are.
    std::vector<std::vector<std::string>> rows{{std::string(tr(lang, "summary.changes.pointer")),
                                                std::string(tr(lang, "summary.changes.base")),
                                                std::string(tr(lang, "summary.changes.variant"))}};
    for (const auto& c : r.changes)
      rows.push_back(
          {c.value("pointer", std::string()), shown(c["base"], lang), shown(c["variant"], lang)});
    out += format_table(rows, 1);
  }
  for (const auto& r : results) out += r.uncertainty_summary;
  return out;
}

}  // namespace cadresim::analysis
