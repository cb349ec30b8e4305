#include "workspace/scenario_catalog.hpp"

#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::sort
#include <regex>      // std::regex: source ids in comments
#include <set>        // std::set

#include "sim/kernel/calendar.hpp"       // parse_iso_date
#include "sim/scenario/problems.hpp"     // InvalidInput, problem_text
#include "sim/scenario/shocks.hpp"       // with_shocks
#include "sim/scenario/strict_json.hpp"  // read_json_file, single_line

namespace cadresim::workspace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<ScenarioEntry> list_scenarios(const fs::path& folder, std::size_t limit) {
  std::vector<ScenarioEntry> out;
  std::error_code ec;
  const fs::path root = fs::canonical(folder, ec);
  if (ec) return out;
  auto it = fs::recursive_directory_iterator(root, fs::directory_options::none, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string leaf = p.filename().string();
    if (it->is_directory(ec)) {
      // Schemas and shock cards are not scenarios; hidden folders are never shown.
      if (leaf == "schema" || leaf == "shocks" || leaf == "rosters" || leaf.front() == '.')
        it.disable_recursion_pending();
      continue;
    }
    if (p.extension() != ".json" || !it->is_regular_file(ec) || leaf.front() == '.') continue;
    if (out.size() >= limit) break;
    ScenarioEntry e;
    e.path = fs::relative(p, root, ec).generic_string();
    e.name = p.stem().string();
    e.exercise = e.path.rfind("training/", 0) == 0;
    const auto doc = scenario::read_json_file(p);
    if (!doc.ok() || !doc.value.is_object() || !doc.value.contains("name") ||
        doc.value.contains("kind"))  // Markov inputs and other documents are not scenarios
      continue;
    if (doc.value["name"].is_string()) e.name = doc.value["name"].get<std::string>();
    if (doc.value.contains("description") && doc.value["description"].is_string())
      e.description = doc.value["description"].get<std::string>();
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(),
            [](const ScenarioEntry& a, const ScenarioEntry& b) { return a.path < b.path; });
  return out;
}

std::vector<ScenarioEntry> list_shock_files(const fs::path& folder, std::size_t limit) {
  std::vector<ScenarioEntry> out;
  std::error_code ec;
  const fs::path root = fs::canonical(folder, ec);
  if (ec) return out;
  auto it = fs::recursive_directory_iterator(root, fs::directory_options::none, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string leaf = p.filename().string();
    if (leaf.front() == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (p.extension() != ".json" || p.parent_path().filename() != "shocks" ||
        !it->is_regular_file(ec))
      continue;
    if (out.size() >= limit) break;
    ScenarioEntry e;
    e.path = fs::relative(p, root, ec).generic_string();
    e.name = p.stem().string();
    const auto doc = scenario::read_json_file(p);
    if (doc.ok() && doc.value.is_object()) {
      if (doc.value.contains("name") && doc.value["name"].is_string())
        e.name = doc.value["name"].get<std::string>();
      if (doc.value.contains("description") && doc.value["description"].is_string())
        e.description = doc.value["description"].get<std::string>();
    }
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(),
            [](const ScenarioEntry& a, const ScenarioEntry& b) { return a.path < b.path; });
  return out;
}

std::shared_ptr<const scenario::LoadedScenario> ScenarioCache::get_with_shocks(
    const std::string& relative, const std::string& pointer, const json& shocks,
    const std::string& shocks_pointer) {
  auto loaded = get(relative, pointer);
  if (shocks.is_null()) return loaded;
  if (!shocks.is_array()) throw RequestError(400, shocks_pointer, "must be an array of paths");
  if (shocks.size() > 8) throw RequestError(400, shocks_pointer, "at most 8 shock files");
  for (std::size_t i = 0; i < shocks.size(); ++i) {
    const std::string at = shocks_pointer + "/" + std::to_string(i);
    if (!shocks[i].is_string())
      throw RequestError(400, at, "must be a path in the scenario folder");
    const fs::path file = resolve_scenario_path(folder_, shocks[i].get<std::string>(), at);
    try {
      auto next = std::make_shared<scenario::LoadedScenario>(scenario::with_shocks(*loaded, file));
      next->source = loaded->source;
      loaded = next;
    } catch (const scenario::InvalidInput& e) {
      const auto& p = e.problems().front();
      throw RequestError(422, at,
                         text::message("workspace.shocks_do_not_fit", shocks[i].get<std::string>(),
                                       p.where, text::message_arg(scenario::problem_text(p))));
    }
  }
  return loaded;
}

std::shared_ptr<const scenario::LoadedScenario> ScenarioCache::get(const std::string& relative,
                                                                   const std::string& pointer) {
  const fs::path file = resolve_scenario_path(folder_, relative, pointer);
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = loaded_.find(file.string());
  if (found != loaded_.end()) return found->second;
  try {
    auto loaded = std::make_shared<scenario::LoadedScenario>(scenario::load_scenario_file(file));
    loaded->source = relative;  // never the server's absolute path in what the page shows
    if (loaded_.size() >= limits_.max_scenarios_listed) loaded_.clear();
    loaded_[file.string()] = loaded;
    return loaded;
  } catch (const scenario::InvalidInput& e) {
    const auto& p = e.problems().front();
    throw RequestError(422, pointer,
                       text::message("workspace.scenario_invalid", relative, p.where,
                                     text::message_arg(scenario::problem_text(p))));
  }
}

namespace {

// The source ids (docs/sources.md, "S-SUP-1") cited in the comments of a JSON value.
void collect_sources(const json& v, std::set<std::string>& out) {
  static const std::regex kSourceId("S-[A-Z0-9]+(?:-[A-Z0-9]+)*");
  auto scan = [&](const std::string& text) {
    for (auto m = std::sregex_iterator(text.begin(), text.end(), kSourceId);
         m != std::sregex_iterator(); ++m)
      out.insert(m->str());
  };
  if (!v.is_object() || !v.contains("$comment")) return;
  const json& c = v["$comment"];
  if (c.is_string()) scan(c.get<std::string>());
  if (c.is_array())
    for (const auto& line : c)
      if (line.is_string()) scan(line.get<std::string>());
}

// The target name of a support key (docs/scenarios.md § support: targets.<lever>).
std::string target_of(const std::string& key) {
  if (key.rfind("top_up", 0) == 0) return "top_up";
  if (key == "one_off_grant") return "grant";
  if (key.rfind("housing", 0) == 0) return "housing";
  if (key.rfind("travel", 0) == 0) return "travel";
  if (key == "reserve_position_allowance") return "reserved_allowance";
  if (key.rfind("mentoring", 0) == 0) return "mentoring";
  if (key.rfind("supervision", 0) == 0) return "supervision";
  return "";
}

// A flow's quota is a rate when it has a non-zero rate and no count (the resolved scenario
// carries both keys, the unused one at 0).
bool uses_rate(const json& flow) {
  const double rate = flow.value("rate_per_year", 0.0), count = flow.value("count_per_year", 0.0);
  return rate > 0 && count == 0;
}

json lever_json(const std::string& key, const json& value) {
  json l{{"key", key}, {"value", value}, {"target", target_of(key)}};
  if (value.is_boolean()) {
    l["kind"] = "switch";
    l["unit"] = "on/off";
  } else if (value.is_array()) {
    l["kind"] = "grant_bands";
    l["unit"] = "VND once, by distance band (km)";
  } else if (key.find("_vnd") != std::string::npos) {
    l["kind"] = "money";
    l["unit"] = "VND/month";
    l["min"] = 0, l["max"] = 20'000'000, l["step"] = 100'000;
  } else if (key.find("share") != std::string::npos) {
    l["kind"] = "share";
    l["unit"] = "share 0–1";
    l["min"] = 0, l["max"] = 1, l["step"] = 0.05;
  } else {
    return nullptr;  // nested settings (valuation, targets) are not levers
  }
  return l;
}

}  // namespace

json lever_catalog(const scenario::LoadedScenario& loaded) {
  const json& r = loaded.resolved;
  json out;
  json elections = json::array();
  for (const char* kind : {"party_congresses", "state_elections"})
    if (r["calendar"].contains(kind))
      for (const auto& e : r["calendar"][kind])
        elections.push_back({{"date", e["date"]}, {"kind", kind}, {"levels", e["levels"]}});
  out["scenario"] = {{"name", loaded.scenario.name},
                     {"description", r.value("description", "")},
                     {"start", r["calendar"]["start"]},
                     {"end", r["calendar"]["end"]},
                     {"elections", elections}};
  std::set<std::string> section_sources;
  const json support = r.value("support", json::object());
  collect_sources(support, section_sources);
  json levers = json::array();
  std::set<std::string> target_levers;
  for (const auto& item : support.items()) {
    if (item.key().front() == '$') continue;
    json l = lever_json(item.key(), item.value());
    if (l.is_null()) continue;
    l["sources"] = section_sources;
    for (const auto& a : loaded.assumptions)
      if (a.pointer == "/support/" + item.key())
        l["assumption"] = {{"min", a.min}, {"max", a.max}, {"note", a.note}};
    if (!l["target"].get<std::string>().empty()) target_levers.insert(l["target"]);
    levers.push_back(std::move(l));
  }
  out["support"] = levers;
  json flows = json::array(), flow_ids = json::array();
  const json rotation = r.value("rotation", json::object());
  for (const auto& f : rotation.value("flows", json::array())) {
    std::set<std::string> sources;
    collect_sources(f, sources);
    const bool by_rate = uses_rate(f);
    json flow{{"id", f["id"]},
              {"from_level", f["from_level"]},
              {"to_level", f["to_level"]},
              {"purpose", f.value("purpose", "training")},
              {"field", by_rate ? "rate_per_year" : "count_per_year"},
              {"value", by_rate ? f["rate_per_year"] : f.value("count_per_year", json(0))},
              {"unit", by_rate ? "share of eligible cadres/year" : "moves/year"},
              {"min", 0},
              {"max", by_rate ? 1 : 50},
              {"step", by_rate ? 0.05 : 1},
              {"sources", sources}};
    for (const auto& a : loaded.assumptions)
      if (a.pointer.rfind("/rotation/flows/", 0) == 0 &&
          a.pointer.find(flow["field"].get<std::string>()) != std::string::npos &&
          a.pointer == "/rotation/flows/" + std::to_string(flows.size()) + "/" +
                           flow["field"].get<std::string>())
        flow["assumption"] = {{"min", a.min}, {"max", a.max}, {"note", a.note}};
    flow_ids.push_back(f["id"]);
    flows.push_back(std::move(flow));
  }
  out["flows"] = flows;
  json levels = json::array();
  for (const auto& l : r["levels"]) levels.push_back(l["id"]);
  out["targets"] = {{"levers", target_levers},
                    {"levels", levels},
                    {"flows", flow_ids},
                    {"current", support.value("targets", json::object())}};
  json cadres = json::array();
  for (const auto& c : r["population"].value("named_cadres", json::array()))
    if (c.contains("id")) cadres.push_back(c["id"]);
  out["cadres"] = cadres;
  std::size_t keys = 0;
  const auto& org = loaded.scenario.organisation;
  for (model::PostId p = 0; p < org.posts.size(); ++p) keys += org.title_of(p).key;
  out["key_posts"] = keys;
  return out;
}

namespace {

// The request pointer of a problem the loader found in the what-if document.
std::string request_pointer(const std::string& where, const json& flows) {
  std::string w = where;
  const std::string changes = "/changes/";
  if (w.rfind(changes, 0) == 0) {  // a dated change: /changes/<k>/patch/...
    const auto patch = w.find("/patch");
    if (patch != std::string::npos) w = w.substr(patch + 6);
  }
  if (w.rfind("/support", 0) == 0) return "/levers" + w;
  const std::string flow_prefix = "/rotation/flows/";
  if (w.rfind(flow_prefix, 0) == 0) {
    const std::size_t i = std::strtoul(w.c_str() + flow_prefix.size(), nullptr, 10);
    if (i < flows.size()) return "/levers/flows/" + flows[i]["id"].get<std::string>();
  }
  return "/levers";
}

}  // namespace

scenario::LoadedScenario apply_levers(const scenario::LoadedScenario& base, const json& levers,
                                      const std::string& label, const std::string& branch_from) {
  json doc = base.resolved;
  json patch = json::object();
  if (levers.contains("support")) {
    const json& s = levers["support"];
    if (!s.is_object()) throw RequestError(400, "/levers/support", "must be a JSON object");
    for (const auto& item : s.items()) {
      const std::string at = "/levers/support/" + pointer_token(item.key());
      if (item.key() == "$comment") continue;
      if (!doc["support"].contains(item.key()) || item.key().front() == '$')
        throw RequestError(400, at,
                           fmt::format("the scenario has no support lever \"{}\"",
                                       scenario::single_line(item.key())));
      if (item.value().is_null()) throw RequestError(400, at, "must be a value, not null");
      patch["support"][item.key()] = item.value();
    }
  }
  if (levers.contains("flows")) {
    const json& f = levers["flows"];
    if (!f.is_object()) throw RequestError(400, "/levers/flows", "must be a JSON object");
    json list = doc["rotation"].value("flows", json::array());
    for (const auto& item : f.items()) {
      const std::string at = "/levers/flows/" + pointer_token(item.key());
      if (item.key() == "$comment") continue;
      auto flow = std::find_if(list.begin(), list.end(),
                               [&](const json& x) { return x["id"] == item.key(); });
      if (flow == list.end())
        throw RequestError(400, at,
                           fmt::format("the scenario has no rotation flow \"{}\"",
                                       scenario::single_line(item.key())));
      if (!item.value().is_number()) throw RequestError(400, at, "must be a number");
      (*flow)[uses_rate(*flow) ? "rate_per_year" : "count_per_year"] = item.value();
    }
    patch["rotation"]["flows"] = list;
  }
  doc["name"] = label;
  if (branch_from.empty()) {
    doc.merge_patch(patch);
  } else if (!patch.empty()) {
    const auto day = kernel::parse_iso_date(branch_from);
    const auto start = kernel::parse_iso_date(doc["calendar"]["start"].get<std::string>());
    const auto end = kernel::parse_iso_date(doc["calendar"]["end"].get<std::string>());
    if (!day || *day <= *start || *day > *end)
      throw RequestError(400, "/branch_from",
                         fmt::format("must be a date after {} and not after {}",
                                     doc["calendar"]["start"].get<std::string>(),
                                     doc["calendar"]["end"].get<std::string>()));
    json changes = doc.value("changes", json::array());
    auto pos = changes.begin();
    while (pos != changes.end() && (*pos)["date"].get<std::string>() <= branch_from) ++pos;
    changes.insert(pos, json{{"date", branch_from}, {"patch", patch}});
    doc["changes"] = changes;
  }
  try {
    return scenario::build_scenario(doc, label, base.base_dir);
  } catch (const scenario::InvalidInput& e) {
    const auto& p = e.problems().front();
    throw RequestError(422, request_pointer(p.where, doc["rotation"].value("flows", json::array())),
                       scenario::problem_text(p));
  }
}

}  // namespace cadresim::workspace
