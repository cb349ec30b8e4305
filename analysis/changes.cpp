// The terminal listing of what each scenario changes from its base (pointer, base, variant).
#include <fmt/core.h>  // fmt::format

#include "analysis/report.hpp"

namespace cadresim::analysis {

namespace {
std::string shown(const nlohmann::json& v) {
  if (v.is_null()) return "(absent)";
  std::string s = v.dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}
}  // namespace

std::string format_changes(const std::vector<ScenarioResults>& results) {
  std::string out;
  for (const auto& r : results) {
    if (r.changes.empty()) continue;
    out += fmt::format("\nWhat {} changes from {} ({} value(s)):\n", r.name, r.changed_from,
                       r.changes.size());
    out += fmt::format("  {:<58} {:>24} {:>24}\n", "pointer", "base", "this scenario");
    for (const auto& c : r.changes)
      out += fmt::format("  {:<58} {:>24} {:>24}\n", c.value("pointer", std::string()),
                         shown(c["base"]), shown(c["variant"]));
  }
  for (const auto& r : results) out += r.uncertainty_summary;
  return out;
}

}  // namespace cadresim::analysis
