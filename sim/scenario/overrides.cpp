// Overrides by JSON pointer: edit the resolved scenario and read it again strictly.
#include "sim/scenario/overrides.hpp"

namespace cadresim::scenario {

using json = nlohmann::json;

std::optional<Override> parse_override(std::string_view text, text::Message& error) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos) {
    error = text::message("problem.set.form", text);
    return std::nullopt;
  }
  Override o;
  o.pointer = std::string(text.substr(0, eq));
  if (o.pointer.empty() || o.pointer.front() != '/') {
    error = text::message("problem.set.pointer_start", o.pointer);
    return std::nullopt;
  }
  try {
    (void)json::json_pointer(o.pointer);
  } catch (const json::exception&) {
    error = text::message("problem.set.bad_pointer", o.pointer);
    return std::nullopt;
  }
  const std::string value(text.substr(eq + 1));
  // Strictness of the value itself is left to the scenario reader; invalid JSON is a string.
  o.value = json::parse(value, nullptr, /*allow_exceptions=*/false);
  if (o.value.is_discarded()) o.value = value;
  return o;
}

std::optional<Override> parse_override(std::string_view text, std::string& error) {
  text::Message message;
  auto o = parse_override(text, message);
  if (!o) error = text::render(text::Lang::kEn, message);
  return o;
}

Override number_override(const std::string& pointer, double value, bool integer) {
  return {pointer, integer ? nlohmann::json(static_cast<long long>(value)) : nlohmann::json(value)};
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
      problems.add(o.pointer, text::message("problem.set.unresolved"));
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
