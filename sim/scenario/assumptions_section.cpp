// The "assumptions" section: plausible ranges of assumed parameters keyed by JSON pointer.

#include <algorithm>  // std::clamp
#include <cmath>      // std::sqrt, std::round

#include "sim/scenario/assumptions.hpp"
#include "sim/scenario/json_fields.hpp"  // FieldReader, pointer_token

namespace cadresim::scenario {

double Assumption::quantile(double u) const {
  u = std::clamp(u, 0.0, 1.0);
  double x = min + u * (max - min);
  if (distribution == "triangular") {
    const double c = (mode - min) / (max - min);
    x = u < c ? min + std::sqrt(u * (max - min) * (mode - min))
              : max - std::sqrt((1 - u) * (max - min) * (max - mode));
  }
  if (integer) x = std::clamp(std::round(x), std::ceil(min), std::floor(max));
  return x;
}

std::vector<Assumption> read_assumptions(const json& doc, json& resolved, Problems& problems) {
  std::vector<Assumption> out;
  if (!doc.is_object() || !doc.contains("assumptions")) return out;
  const json& section = doc["assumptions"];
  json resolved_section = json::object();
  if (!section.is_object()) {
    problems.add("/assumptions",
                 text::message("problem.assumptions.not_object", type_arg(section)));
    return out;
  }
  for (const auto& [key, spec] : section.items()) {
    if (key == "$comment") {
      resolved_section[key] = spec;
      continue;
    }
    const std::string where = "/assumptions/" + pointer_token(key);
    Assumption a;
    a.pointer = key;
    json& res = resolved_section[key];
    res = json::object();
    FieldReader r(&spec, res, where, problems);
    const std::size_t before = problems.items().size();
    r.number("min", a.min, -1e300, 1e300);
    r.number("max", a.max, -1e300, 1e300);
    if (!r.has("min")) problems.add(r.at("min"), text::message("problem.assumptions.min"));
    if (!r.has("max")) problems.add(r.at("max"), text::message("problem.assumptions.max"));
    r.choice("distribution", a.distribution, {"uniform", "triangular"});
    r.string("note", a.note, true);
    const bool has_mode = r.has("mode");
    double mode = 0;
    r.number("mode", mode, -1e300, 1e300);
    r.finish();
    if (problems.items().size() != before) continue;
    if (!(a.min < a.max)) {
      problems.add(where, text::message("problem.assumptions.min_below_max", a.min, a.max));
      continue;
    }
    // The pointer must name a number of the resolved scenario (defaults included).
    const json* target = nullptr;
    try {
      const json::json_pointer ptr(key);
      if (key.empty() || key.rfind("/assumptions", 0) == 0)
        problems.add(where, text::message("problem.assumptions.pointer_target"));
      else if (!resolved.contains(ptr))
        problems.add(where, text::message("problem.assumptions.unresolved", key));
      else
        target = &resolved.at(ptr);
    } catch (const json::exception&) {
      problems.add(where, text::message("problem.assumptions.not_pointer", key));
    }
    if (target == nullptr) continue;
    if (!target->is_number()) {
      problems.add(where, text::message("problem.assumptions.not_number", key, type_arg(*target)));
      continue;
    }
    a.value = target->get<double>();
    a.integer = target->is_number_integer() || target->is_number_unsigned();
    if (a.distribution == "triangular") {
      a.mode = has_mode ? mode : std::clamp(a.value, a.min, a.max);
      if (a.mode < a.min || a.mode > a.max) {
        problems.add(r.at("mode"), text::message("problem.assumptions.mode_range", a.min, a.max));
        continue;
      }
      res["mode"] = a.mode;
    } else if (has_mode) {
      problems.add(r.at("mode"), text::message("problem.assumptions.mode_triangular"));
      continue;
    } else {
      res.erase("mode");
    }
    out.push_back(std::move(a));
  }
  resolved["assumptions"] = resolved_section;
  return out;
}

}  // namespace cadresim::scenario
