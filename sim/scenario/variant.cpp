// Variants: merge patch + JSON Patch operations, the whole-array warning, and the diff of two
// resolved scenarios.
#include "sim/scenario/variant.hpp"

#include <fmt/core.h>  // fmt::format

#include "sim/scenario/json_fields.hpp"  // pointer_token, type_arg

namespace cadresim::scenario {

using json = nlohmann::json;

namespace {

// Walks the merge patch beside the base and warns where an array replaces a different array.
void warn_arrays(const json& base, const json& patch, const std::string& pointer,
                 const std::string& file, std::vector<Problem>& warnings) {
  if (!patch.is_object() || !base.is_object()) return;
  for (const auto& [key, value] : patch.items()) {
    if (pointer.empty() && (key == "json_patch" || key == "extends")) continue;
    const auto it = base.find(key);
    if (it == base.end()) continue;
    const std::string where = pointer + "/" + pointer_token(key);
    if (value.is_array() && it->is_array() && value != *it) {
      warnings.push_back(
          {file, where,
           text::message("problem.patch.whole_array", it->size(), value.size(), where)});
    } else if (value.is_object()) {
      warn_arrays(*it, value, where, file, warnings);
    }
  }
}

void diff_into(const json& a, const json& b, const std::string& pointer, std::vector<Change>& out) {
  if (a == b) return;
  if (a.is_object() && b.is_object()) {
    for (const auto& [k, v] : a.items()) {
      if (k == "$comment") continue;
      const std::string p = pointer + "/" + pointer_token(k);
      const auto it = b.find(k);
      if (it == b.end())
        out.push_back({p, v, json()});
      else
        diff_into(v, *it, p, out);
    }
    for (const auto& [k, v] : b.items())
      if (k != "$comment" && !a.contains(k))
        out.push_back({pointer + "/" + pointer_token(k), json(), v});
    return;
  }
  if (a.is_array() && b.is_array()) {
    const std::size_t common = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < common; ++i)
      diff_into(a[i], b[i], pointer + "/" + std::to_string(i), out);
    for (std::size_t i = common; i < a.size(); ++i)
      out.push_back({pointer + "/" + std::to_string(i), a[i], json()});
    for (std::size_t i = common; i < b.size(); ++i)
      out.push_back({pointer + "/" + std::to_string(i), json(), b[i]});
    return;
  }
  out.push_back({pointer, a, b});
}

}  // namespace

namespace {
void apply_patches(json& base, const json& variant, const std::string& file, Problems& problems,
                   std::vector<Problem>* warnings) {
  json patch = variant;
  json ops;
  if (patch.is_object()) {
    patch.erase("extends");
    if (const auto it = patch.find("json_patch"); it != patch.end()) {
      ops = *it;
      patch.erase(it);
    }
  }
  if (warnings) warn_arrays(base, patch, "", file, *warnings);
  base.merge_patch(patch);  // RFC 7386: objects merge, null deletes, arrays replace
  if (ops.is_null()) return;
  if (!ops.is_array()) {
    problems.add({file, "/json_patch", text::message("problem.patch.not_array", type_arg(ops))});
    return;
  }
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const json& op = ops[i];
    const std::string where = fmt::format("/json_patch/{}", i);
    if (!op.is_object() || !op.contains("op") || !op.contains("path")) {
      problems.add({file, where, text::message("problem.patch.op_form")});
      continue;
    }
    for (const auto& [k, v] : op.items())
      if (k != "op" && k != "path" && k != "value" && k != "from" && k != "$comment")
        problems.add(
            {file, where + "/" + pointer_token(k), text::message("problem.patch.unknown_key", k)});
    json one = op;
    one.erase("$comment");
    try {
      base = base.patch(json::array({one}));
    } catch (const json::exception& e) {
      // nlohmann's messages start with "[json.exception.<kind>.<id>] ": keep the sentence.
      std::string what = e.what();
      if (const auto close = what.find("] ");
          what.rfind("[json.exception", 0) == 0 && close != std::string::npos)
        what = what.substr(close + 2);
      problems.add(
          {file, where,
           text::message("problem.patch.cannot_apply",
                         op["op"].is_string() ? op["op"].get<std::string>() : op["op"].dump(),
                         op["path"].is_string() ? op["path"].get<std::string>() : op["path"].dump(),
                         what)});
    }
  }
}

// A value the variant changes that a dated change of the result sets again (with another
// value) holds only until that date: say so, with the pointer to patch to change it after too.
void warn_dated_overrides(const json& before, const json& after, const std::string& file,
                          std::vector<Problem>& warnings) {
  const auto changes = after.find("changes");
  if (changes == after.end() || !changes->is_array()) return;
  std::vector<Change> found;
  diff_into(before, after, "", found);
  // An object the variant adds whole counts leaf by leaf.
  std::vector<Change> diff;
  auto leaves = [&](auto&& self, const std::string& at, const json& v) -> void {
    if (!v.is_object() || v.empty()) {
      diff.push_back({at, json(), v});
      return;
    }
    for (const auto& [k, x] : v.items()) self(self, at + "/" + pointer_token(k), x);
  };
  for (const auto& c : found) {
    if (c.base.is_null())
      leaves(leaves, c.pointer, c.variant);
    else
      diff.push_back(c);
  }
  for (const auto& c : diff) {
    if (c.pointer.rfind("/changes", 0) == 0) continue;
    // Titles are patched by id in a dated change: /titles/K/... is /titles/<id>/... there.
    std::string in_patch = c.pointer;
    if (in_patch.rfind("/titles/", 0) == 0 && after.contains("titles") &&
        after["titles"].is_array()) {
      const std::size_t end = in_patch.find('/', 8);
      const std::string index = in_patch.substr(8, end == std::string::npos ? end : end - 8);
      if (!index.empty() && index.find_first_not_of("0123456789") == std::string::npos &&
          std::stoul(index) < after["titles"].size())
        in_patch = "/titles/" +
                   pointer_token(after["titles"][std::stoul(index)].value("id", index)) +
                   (end == std::string::npos ? "" : in_patch.substr(end));
    }
    for (std::size_t j = 0; j < changes->size(); ++j) {
      const json& ch = (*changes)[j];
      if (!ch.is_object() || !ch.contains("patch") || !ch["patch"].is_object()) continue;
      try {
        // The pointer itself or a parent that the merge patch replaces as a whole.
        for (json::json_pointer p(in_patch); !p.empty(); p = p.parent_pointer()) {
          if (!ch["patch"].contains(p)) continue;
          const json& set = ch["patch"][p];
          if (set.is_object() && p.to_string() != in_patch) break;   // merged key by key
          if (p.to_string() == in_patch && set == c.variant) break;  // the same value again
          // The variant patched the dated change itself: it knows.
          const json::json_pointer in_change("/changes/" + std::to_string(j) + "/patch" +
                                             p.to_string());
          if (!before.contains(in_change) || before[in_change] != after[in_change]) break;
          warnings.push_back(
              {file, c.pointer,
               text::message("problem.patch.dated_override",
                             ch.contains("date") ? text::MessageArg{ch.value("date", std::string())}
                                                 : text::text_arg("problem.patch.its_date"),
                             j, p.to_string(), j, p.to_string())});
          break;
        }
      } catch (const json::exception&) {
      }
    }
  }
}
}  // namespace

void apply_variant(json& base, const json& variant, const std::string& file, Problems& problems,
                   std::vector<Problem>* warnings) {
  const json before = warnings ? base : json();
  apply_patches(base, variant, file, problems, warnings);
  if (warnings) warn_dated_overrides(before, base, file, *warnings);
}

std::vector<Change> scenario_changes(const json& base, const json& variant) {
  std::vector<Change> out;
  diff_into(base, variant, "", out);
  return out;
}

json changes_json(const std::vector<Change>& changes) {
  json arr = json::array();
  for (const auto& c : changes)
    arr.push_back({{"pointer", c.pointer}, {"base", c.base}, {"variant", c.variant}});
  return arr;
}

}  // namespace cadresim::scenario
