// Overrides by JSON pointer: edit the resolved scenario and read it again strictly.
#include "sim/scenario/overrides.hpp"

#include <fmt/core.h>  // fmt::format

namespace cadresim::scenario {

using json = nlohmann::json;

std::optional<Override> parse_override(std::string_view text, std::string& error) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos) {
    error = fmt::format("\"{}\" is not of the form /pointer=value", text);
    return std::nullopt;
  }
  Override o;
  o.pointer = std::string(text.substr(0, eq));
  if (o.pointer.empty() || o.pointer.front() != '/') {
    error = fmt::format(
        "\"{}\": the pointer must start with '/' (RFC 6901, e.g. "
        "/support/top_up_vnd_per_month)",
        o.pointer);
    return std::nullopt;
  }
  try {
    (void)json::json_pointer(o.pointer);
  } catch (const json::exception&) {
    error = fmt::format("\"{}\" is not a valid JSON pointer (RFC 6901)", o.pointer);
    return std::nullopt;
  }
  const std::string value(text.substr(eq + 1));
  // Strictness of the value itself is left to the scenario reader; invalid JSON is a string.
  o.value = json::parse(value, nullptr, /*allow_exceptions=*/false);
  if (o.value.is_discarded()) o.value = value;
  return o;
}

LoadedScenario with_overrides(const LoadedScenario& base, const std::vector<Override>& values) {
  json doc = base.resolved;
  Problems problems;
  problems.set_file(base.source);
  for (const auto& o : values) {
    const json::json_pointer ptr(o.pointer);
    bool ok = false;
    try {
      ok = doc.contains(ptr) || (!ptr.empty() && doc.contains(ptr.parent_pointer()) &&
                                 doc.at(ptr.parent_pointer()).is_object());
    } catch (const json::exception&) {
      ok = false;
    }
    if (!ok) {
      problems.add(o.pointer,
                   "--set: this pointer does not resolve in the resolved scenario (see 'cadresim "
                   "validate --resolved')");
      continue;
    }
    doc[ptr] = o.value;
  }
  if (!problems.empty()) throw InvalidInput(problems.items());
  LoadedScenario out = build_scenario(doc, base.source, base.base_dir);
  out.warnings = base.warnings;
  return out;
}

std::string describe(const std::vector<Override>& values) {
  std::string s;
  for (const auto& o : values) s += (s.empty() ? "" : ", ") + o.pointer + "=" + o.value.dump();
  return s;
}

}  // namespace cadresim::scenario
