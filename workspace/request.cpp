#include "workspace/request.hpp"

#include <fmt/core.h>  // fmt::format

#include <cmath>  // std::isfinite

#include "sim/kernel/calendar.hpp"       // kernel::parse_iso_date
#include "sim/scenario/strict_json.hpp"  // parse_strict_json, find_invalid_utf8

namespace cadresim::workspace {

namespace fs = std::filesystem;
using nlohmann::json;

RequestError::RequestError(int status, std::string pointer, text::Message message)
    : std::runtime_error(scenario::single_line(text::render(text::Lang::kEn, message))),
      status_(status),
      pointer_(std::move(pointer)),
      text_(std::move(message)) {}

std::string RequestError::message_in(text::Lang lang) const {
  return text_ ? scenario::single_line(text::render(lang, *text_)) : std::string(what());
}

json error_json(int status, const std::string& pointer, const std::string& message) {
  return {{"error", {{"status", status}, {"pointer", pointer}, {"message", message}}}};
}

json parse_request_body(std::string_view body, const Limits& limits) {
  if (body.size() > limits.max_body_bytes)
    throw RequestError(413, "",
                       fmt::format("the request body has {} bytes; at most {} are accepted",
                                   body.size(), limits.max_body_bytes));
  scenario::StrictJsonLimits strict;
  strict.max_depth = limits.max_depth;
  strict.max_input_bytes = limits.max_body_bytes;
  strict.max_string_bytes = 64 * 1024;
  strict.max_elements = 10'000;
  strict.max_issues = 1;
  auto parsed = scenario::parse_strict_json(body, strict);
  if (!parsed.ok()) {
    const auto& issue = parsed.issues.front();
    const std::string where =
        issue.line ? fmt::format(" (line {}, column {})", issue.line, issue.column) : "";
    throw RequestError(400, issue.pointer.value_or(""),
                       "the request body is not valid JSON: " + issue.message + where);
  }
  if (!parsed.value.is_object())
    throw RequestError(400, "", "the request body must be a JSON object");
  return std::move(parsed.value);
}

std::string pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

void refuse_unknown_keys(const json& object, const std::string& pointer,
                         const std::vector<std::string_view>& allowed) {
  if (!object.is_object()) throw RequestError(400, pointer, "must be a JSON object");
  for (const auto& item : object.items()) {
    if (item.key() == "$comment") continue;
    bool known = false;
    for (auto a : allowed) known = known || item.key() == a;
    if (!known) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw RequestError(400, pointer + "/" + pointer_token(item.key()),
                         fmt::format("unknown key \"{}\"; the keys here are: {}",
                                     scenario::single_line(item.key()), list));
    }
  }
}

std::string read_text(const json& object, const std::string& pointer, const std::string& key,
                      std::size_t max_bytes, const char* fallback) {
  const std::string at = pointer + "/" + key;
  if (!object.contains(key)) {
    if (fallback) return fallback;
    throw RequestError(400, at, "is required");
  }
  const json& v = object.at(key);
  if (!v.is_string()) throw RequestError(400, at, "must be a string");
  const auto& s = v.get_ref<const std::string&>();
  if (s.empty()) throw RequestError(400, at, "must not be empty");
  if (s.size() > max_bytes)
    throw RequestError(400, at, fmt::format("is {} bytes long; at most {}", s.size(), max_bytes));
  if (scenario::find_invalid_utf8(s) != std::string_view::npos)
    throw RequestError(400, at, "is not valid UTF-8");
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) throw RequestError(400, at, "must not hold control characters");
  return s;
}

std::uint64_t read_count(const json& object, const std::string& pointer, const std::string& key,
                         std::uint64_t min, std::uint64_t max, std::uint64_t fallback) {
  if (!object.contains(key)) return fallback;
  const json& v = object.at(key);
  const std::string at = pointer + "/" + key;
  if (!v.is_number_integer() ||
      (v.is_number_integer() && !v.is_number_unsigned() && v.get<std::int64_t>() < 0))
    throw RequestError(400, at, fmt::format("must be a whole number from {} to {}", min, max));
  const auto n = v.get<std::uint64_t>();
  if (n < min || n > max)
    throw RequestError(400, at, fmt::format("is {}; it must be from {} to {}", n, min, max));
  return n;
}

double read_number(const json& object, const std::string& pointer, const std::string& key,
                   double min, double max, double fallback) {
  if (!object.contains(key)) return fallback;
  const json& v = object.at(key);
  const std::string at = pointer + "/" + key;
  if (!v.is_number()) throw RequestError(400, at, "must be a number");
  const double x = v.get<double>();
  if (!std::isfinite(x) || x < min || x > max)
    throw RequestError(400, at, fmt::format("is {}; it must be from {} to {}", x, min, max));
  return x;
}

fs::path resolve_scenario_path(const fs::path& folder, const std::string& relative,
                               const std::string& pointer) {
  const fs::path rel(relative);
  if (rel.is_absolute() || relative.find('\\') != std::string::npos)
    throw RequestError(400, pointer, "must be a path relative to the scenario folder");
  for (const auto& part : rel)
    if (part.empty() || part.string().front() == '.')
      throw RequestError(400, pointer,
                         "must not contain \"..\", \".\" or hidden parts: only files below the "
                         "scenario folder can be opened");
  if (rel.extension() != ".json") throw RequestError(400, pointer, "must name a .json file");
  std::error_code ec;
  const fs::path root = fs::canonical(folder, ec);
  if (ec) throw RequestError(500, pointer, "the scenario folder cannot be read");
  const fs::path file = fs::canonical(root / rel, ec);
  if (ec || !fs::is_regular_file(file, ec))
    throw RequestError(
        404, pointer,
        fmt::format("no scenario \"{}\" in the scenario folder", scenario::single_line(relative)));
  const auto [end, _] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  if (end != root.end())
    throw RequestError(400, pointer, "leads outside the scenario folder (a symbolic link)");
  return file;
}

RunRequest read_run_request(const json& body, const Limits& limits) {
  refuse_unknown_keys(
      body, "", {"scenario", "levers", "replications", "seed", "label", "branch_from", "shocks"});
  RunRequest r;
  r.scenario = read_text(body, "", "scenario", 400, nullptr);
  if (body.contains("levers")) {
    r.levers = body.at("levers");
    refuse_unknown_keys(r.levers, "/levers", {"support", "flows"});
  } else {
    r.levers = json::object();
  }
  r.replications = read_count(body, "", "replications", 2, limits.max_replications, 20);
  r.seed = read_count(body, "", "seed", 0, UINT64_MAX, 1);
  r.label = read_text(body, "", "label", limits.max_text_bytes, "what-if");
  if (body.contains("branch_from")) {
    r.branch_from = read_text(body, "", "branch_from", 10, nullptr);
    if (!kernel::parse_iso_date(r.branch_from))
      throw RequestError(400, "/branch_from", "must be a date YYYY-MM-DD");
  }
  if (body.contains("shocks")) r.shocks = body.at("shocks");
  return r;
}

}  // namespace cadresim::workspace
