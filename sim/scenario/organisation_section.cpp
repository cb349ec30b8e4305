// Levels, calendar, units and titles: the parts of a scenario that define the organisation.
#include <fmt/core.h>  // fmt::format

#include <algorithm>      // std::sort, std::max
#include <deque>          // breadth-first search over the career ladder
#include <unordered_map>  // id lookups

#include "sim/scenario/limits.hpp"  // kMaxUnits
#include "sim/scenario/sections.hpp"

namespace cadresim::scenario {

using model::LevelId;
using model::TitleId;
using model::UnitId;

namespace {
std::vector<std::string> level_ids(const SectionContext& ctx) {
  std::vector<std::string> ids;
  for (const auto& l : ctx.scenario.organisation.levels) ids.push_back(l.id);
  return ids;
}
}  // namespace

int resolve_level(const std::string& id, const std::string& pointer, const SectionContext& ctx) {
  const int l = ctx.scenario.organisation.find_level(id);
  if (l < 0) {
    const std::string near = closest_match(id, level_ids(ctx));
    const text::Message msg = unknown_reference("problem.ref.level", id, near);
    ctx.problems.add(pointer, msg);
  }
  return l;
}

std::vector<double> read_level_map(FieldReader& r, const std::string& key, double fallback,
                                   double lo, double hi, const SectionContext& ctx) {
  const auto& levels = ctx.scenario.organisation.levels;
  std::vector<double> values(levels.size(), fallback);
  FieldReader m = r.object(key);
  for (std::size_t l = 0; l < levels.size(); ++l) {
    if (m.has(levels[l].id))
      m.number(levels[l].id, values[l], lo, hi);
    else
      m.out()[levels[l].id] = values[l];
  }
  m.finish();
  return values;
}

void read_levels(FieldReader& top, SectionContext& ctx) {
  auto& levels = ctx.scenario.organisation.levels;
  const json* arr = top.array("levels");
  json& out = top.out()["levels"];
  out = json::array();
  if (arr == nullptr) {
    levels = {{"central", "Central"},
              {"province", "Province"},
              {"district", "District"},
              {"commune", "Commune"}};
    for (const auto& l : levels) out.push_back({{"id", l.id}, {"name", l.name}});
    return;
  }
  if (arr->empty() || arr->size() > model::kMaxLevels)
    ctx.problems.add("/levels",
                     text::message("problem.org.levels_count", model::kMaxLevels, arr->size()));
  for (std::size_t i = 0; i < arr->size() && i < model::kMaxLevels; ++i)
    out.push_back(json::object());
  for (std::size_t i = 0; i < arr->size() && i < model::kMaxLevels; ++i) {
    FieldReader r(&(*arr)[i], out[i], fmt::format("/levels/{}", i), ctx.problems);
    model::Level l;
    r.string("id", l.id, true);
    r.string("name", l.name);
    if (l.name.empty()) l.name = l.id;
    r.finish();
    for (const auto& prev : levels)
      if (!l.id.empty() && prev.id == l.id)
        ctx.problems.add(r.at("id"), text::message("problem.org.duplicate_level", l.id));
    levels.push_back(std::move(l));
  }
}

namespace {
std::vector<model::Election> read_elections(FieldReader& cal, const std::string& key,
                                            SectionContext& ctx) {
  std::vector<model::Election> result;
  const json* arr = cal.array(key);
  json& out = cal.out()[key];
  out = json::array();
  if (arr == nullptr) return result;
  for (std::size_t i = 0; i < arr->size(); ++i) out.push_back(json::object());
  for (std::size_t i = 0; i < arr->size(); ++i) {
    FieldReader r(&(*arr)[i], out[i], cal.at(key) + "/" + std::to_string(i), ctx.problems);
    model::Election e;
    r.date("date", e.date, true);
    if (const json* lv = r.array("levels", true)) {
      out[i]["levels"] = *lv;
      for (std::size_t k = 0; k < lv->size(); ++k) {
        const std::string ptr = r.at("levels") + "/" + std::to_string(k);
        if (!(*lv)[k].is_string()) {
          ctx.problems.add(ptr, text::message("problem.org.level_id"));
          continue;
        }
        const int l = resolve_level((*lv)[k].get<std::string>(), ptr, ctx);
        if (l >= 0) e.levels.push_back(static_cast<LevelId>(l));
      }
    }
    r.finish();
    if (!result.empty() && e.date < result.back().date)
      ctx.problems.add(r.at("date"), text::message("problem.org.dates_increasing"));
    result.push_back(std::move(e));
  }
  return result;
}
}  // namespace

void read_calendar(FieldReader& top, SectionContext& ctx) {
  auto& c = ctx.scenario.calendar;
  FieldReader r = top.object("calendar");
  if (!top.has("calendar")) ctx.problems.add("/calendar", text::message("problem.required"));
  r.date("start", c.start, true);
  r.date("end", c.end, true);
  if (c.end <= c.start && r.has("start") && r.has("end"))
    ctx.problems.add(r.at("end"), text::message("problem.org.end_after_start",
                                                kernel::format_iso_date(c.start)));
  else if (c.end - c.start > 366 * 100)
    ctx.problems.add(r.at("end"), text::message("problem.org.horizon"));
  c.party_congresses = read_elections(r, "party_congresses", ctx);
  c.state_elections = read_elections(r, "state_elections", ctx);
  r.finish();
}

void read_units(FieldReader& top, SectionContext& ctx) {
  auto& org = ctx.scenario.organisation;
  std::vector<std::string> parent_ids;  // resolved after all units are read
  std::vector<std::string> parent_ptrs;
  std::vector<std::string> unit_ptrs;
  const json* arr = top.array("units", !top.has("generated_units"));
  json& out = top.out()["units"];
  out = json::array();
  const std::size_t n = arr ? arr->size() : 0;
  for (std::size_t i = 0; i < n; ++i) out.push_back(json::object());
  for (std::size_t i = 0; i < n; ++i) {
    FieldReader r(&(*arr)[i], out[i], fmt::format("/units/{}", i), ctx.problems);
    model::Unit u;
    std::string level, parent;
    r.string("id", u.id, true);
    r.string("name", u.name);
    if (u.name.empty()) u.name = u.id;
    r.string("level", level, true);
    if (r.has("parent") && !r.raw("parent")->is_null())
      r.string("parent", parent, true);
    else
      out[i]["parent"] = nullptr;
    u.sector = "territorial";
    r.string("sector", u.sector);
    r.number("regional_coefficient", u.regional_coefficient, 0, 1);
    r.boolean("especially_difficult", u.especially_difficult);
    r.number("distance_km", u.distance_km, 0, 5000);
    r.integer("establishment", u.establishment, 0, 1000000);
    r.finish();
    if (!level.empty()) {
      const int l = resolve_level(level, r.at("level"), ctx);
      u.level = static_cast<LevelId>(l < 0 ? 0 : l);
    }
    parent_ids.push_back(parent);
    parent_ptrs.push_back(r.at("parent"));
    unit_ptrs.push_back(r.at("id"));
    org.units.push_back(std::move(u));
  }
  // Generated units: counts under a parent, with clearly generated names.
  if (const json* gen = top.array("generated_units")) {
    json& gout = top.out()["generated_units"];
    gout = json::array();
    for (std::size_t i = 0; i < gen->size(); ++i) gout.push_back(json::object());
    for (std::size_t i = 0; i < gen->size(); ++i) {
      FieldReader r(&(*gen)[i], gout[i], fmt::format("/generated_units/{}", i), ctx.problems);
      std::string parent, level, prefix, name_prefix, sector = "territorial";
      int count = 0, difficult = 0, establishment = 0;
      double regional = 0, distance = 0;
      r.string("parent", parent, true);
      r.string("level", level, true);
      if (!r.has("count"))
        ctx.problems.add(r.at("count"), text::message("problem.org.count_required"));
      r.integer("count", count, 1, 100000);
      r.string("id_prefix", prefix, true);
      r.string("name_prefix", name_prefix);
      if (name_prefix.empty()) name_prefix = prefix;
      r.string("sector", sector);
      r.number("regional_coefficient", regional, 0, 1);
      r.integer("especially_difficult_count", difficult, 0, 100000);
      r.number("distance_km", distance, 0, 5000);
      r.integer("establishment", establishment, 0, 1000000);
      r.finish();
      if (difficult > count)
        ctx.problems.add(r.at("especially_difficult_count"),
                         text::message("problem.org.difficult_over_count", difficult, count));
      const int l = level.empty() ? -1 : resolve_level(level, r.at("level"), ctx);
      if (org.units.size() + static_cast<std::size_t>(std::max(0, count)) > kMaxUnits) {
        ctx.problems.add(
            r.at("count"),
            text::message("problem.org.units_over_limit",
                          org.units.size() + static_cast<std::size_t>(count), kMaxUnits));
        count = 0;  // nothing is generated: the limit holds memory before any work
      }
      for (int k = 0; k < count; ++k) {
        model::Unit u;
        u.id = fmt::format("{}-{:02}", prefix, k + 1);
        u.name = fmt::format("{} {:02} (generated)", name_prefix, k + 1);
        u.level = static_cast<LevelId>(l < 0 ? 0 : l);
        u.sector = sector;
        u.regional_coefficient = regional;
        u.especially_difficult = k < difficult;
        u.distance_km = distance;
        u.establishment = establishment;
        parent_ids.push_back(parent);
        parent_ptrs.push_back(r.at("parent"));
        unit_ptrs.push_back(r.at("id_prefix"));
        org.units.push_back(std::move(u));
      }
    }
  }
  // Ids unique; parents known; exactly one root; no cycles.
  std::unordered_map<std::string, UnitId> index;
  for (UnitId u = 0; u < org.units.size(); ++u) {
    if (org.units[u].id.empty()) continue;
    if (!index.emplace(org.units[u].id, u).second)
      ctx.problems.add(unit_ptrs[u], text::message("problem.org.duplicate_unit", org.units[u].id));
  }
  std::vector<std::string> all_ids;
  for (const auto& u : org.units) all_ids.push_back(u.id);
  std::vector<UnitId> roots;
  for (UnitId u = 0; u < org.units.size(); ++u) {
    if (parent_ids[u].empty()) {
      roots.push_back(u);
      continue;
    }
    auto it = index.find(parent_ids[u]);
    if (it == index.end()) {
      const std::string near = closest_match(parent_ids[u], all_ids);
      const text::Message msg = unknown_reference("problem.ref.parent_unit", parent_ids[u], near);
      ctx.problems.add(parent_ptrs[u], msg);
      roots.push_back(u);  // treat as detached so later checks do not cascade
      continue;
    }
    org.units[u].parent = it->second;
  }
  if (org.units.empty()) {
    ctx.problems.add("/units", text::message("problem.org.no_units"));
    return;
  }
  if (roots.empty()) {
    ctx.problems.add("/units", text::message("problem.org.no_root"));
  } else if (roots.size() > 1) {
    ctx.problems.add(parent_ptrs[roots[1]],
                     text::message("problem.org.several_roots", roots.size(),
                                   org.units[roots[0]].id, org.units[roots[1]].id));
  }
  // Cycle detection: walk up at most |units| steps.
  std::vector<std::uint8_t> state(org.units.size(), 0);  // 0 unknown, 1 reaches root, 2 cycle
  for (UnitId u = 0; u < org.units.size(); ++u) {
    UnitId v = u;
    std::size_t steps = 0;
    while (v != model::kNoUnit && state[v] == 0 && steps <= org.units.size()) {
      v = org.units[v].parent;
      ++steps;
    }
    const bool cycle = v != model::kNoUnit && (state[v] == 2 || steps > org.units.size());
    if (cycle && state[u] == 0) {
      ctx.problems.add(parent_ptrs[u], text::message("problem.org.parent_cycle", org.units[u].id));
      for (UnitId w = u, k = 0; k <= org.units.size() && w != model::kNoUnit && state[w] == 0;
           ++k) {
        state[w] = 2;
        w = org.units[w].parent;
      }
      // Break the cycle so later passes terminate.
      org.units[u].parent = model::kNoUnit;
    } else if (state[u] == 0) {
      state[u] = 1;
    }
  }
  for (UnitId u = 0; u < org.units.size(); ++u) {
    const UnitId p = org.units[u].parent;
    if (p != model::kNoUnit && org.units[p].level > org.units[u].level)
      ctx.problems.add(parent_ptrs[u], text::message("problem.org.parent_below", org.units[p].id,
                                                     org.levels[org.units[p].level].id,
                                                     org.levels[org.units[u].level].id));
  }
}

void read_titles(FieldReader& top, SectionContext& ctx) {
  auto& org = ctx.scenario.organisation;
  // A scenario made only of pools needs no titles (read_pools runs first).
  const json* arr = top.array("titles", ctx.scenario.pools.states.empty());
  json& out = top.out()["titles"];
  out = json::array();
  if (arr == nullptr) return;
  std::vector<std::vector<std::string>> feeds(arr->size());
  std::vector<std::string> ptrs;
  for (std::size_t i = 0; i < arr->size(); ++i) out.push_back(json::object());
  for (std::size_t i = 0; i < arr->size(); ++i) {
    FieldReader r(&(*arr)[i], out[i], fmt::format("/titles/{}", i), ctx.problems);
    model::Title t;
    std::string level, tenure = "appointed", non_native = "none";
    r.string("id", t.id, true);
    r.string("name", t.name);
    if (t.name.empty()) t.name = t.id;
    r.string("level", level, true);
    if (const json* s = r.array("sectors")) {
      out[i]["sectors"] = *s;
      for (std::size_t k = 0; k < s->size(); ++k) {
        if ((*s)[k].is_string())
          t.sectors.push_back((*s)[k].get<std::string>());
        else
          ctx.problems.add(r.at("sectors") + "/" + std::to_string(k),
                           text::message("problem.org.sector_name"));
      }
    }
    r.integer("posts_per_unit", t.posts_per_unit, 1, 1000);
    r.integer("rank", t.rank, 0, 1000);
    r.boolean("key", t.key);
    r.boolean("head", t.head);
    // Own term limit (0 = none); absent: the terms limit for heads, none for others.
    if (r.has("max_consecutive_terms"))
      r.integer("max_consecutive_terms", t.max_consecutive_terms, 0, 10);
    r.boolean("entry", t.entry);
    r.choice("tenure", tenure, {"party_term", "state_term", "appointed"});
    t.tenure = tenure == "party_term"   ? model::TenureKind::kPartyTerm
               : tenure == "state_term" ? model::TenureKind::kStateTerm
                                        : model::TenureKind::kAppointed;
    r.choice("non_native", non_native, {"none", "preferred", "required"});
    t.non_native = non_native == "required"    ? model::NonNativeRule::kRequired
                   : non_native == "preferred" ? model::NonNativeRule::kPreferred
                                               : model::NonNativeRule::kNone;
    r.number("salary_coefficient", t.salary_coefficient, 0, 20);
    r.number("position_allowance", t.position_allowance, 0, 3);
    if (const json* f = r.array("feeds")) {
      out[i]["feeds"] = *f;
      for (std::size_t k = 0; k < f->size(); ++k) {
        if ((*f)[k].is_string())
          feeds[i].push_back((*f)[k].get<std::string>());
        else
          ctx.problems.add(r.at("feeds") + "/" + std::to_string(k),
                           text::message("problem.org.title_id"));
      }
    } else {
      out[i]["feeds"] = json::array();
    }
    r.finish();
    if (!level.empty()) {
      const int l = resolve_level(level, r.at("level"), ctx);
      t.level = static_cast<LevelId>(l < 0 ? 0 : l);
    }
    for (const auto& prev : org.titles)
      if (!t.id.empty() && prev.id == t.id)
        ctx.problems.add(r.at("id"), text::message("problem.org.duplicate_title", t.id));
    ptrs.push_back(r.at("feeds"));
    org.titles.push_back(std::move(t));
  }
  if (org.titles.size() >= model::kNoTitle) {
    ctx.problems.add("/titles", text::message("problem.org.too_many_titles"));
    return;
  }
  std::vector<std::string> ids;
  for (const auto& t : org.titles) ids.push_back(t.id);
  for (std::size_t i = 0; i < org.titles.size(); ++i) {
    for (std::size_t k = 0; k < feeds[i].size(); ++k) {
      const TitleId f = org.find_title(feeds[i][k]);
      const std::string ptr = ptrs[i] + "/" + std::to_string(k);
      if (f == model::kNoTitle) {
        const std::string near = closest_match(feeds[i][k], ids);
        const text::Message msg = unknown_reference("problem.ref.title", feeds[i][k], near);
        ctx.problems.add(ptr, msg);
      } else if (org.titles[f].rank <= org.titles[i].rank) {
        ctx.problems.add(ptr,
                         text::message("problem.org.feeds_lower", feeds[i][k], org.titles[f].rank,
                                       org.titles[i].id, org.titles[i].rank));
      } else {
        org.titles[i].feeds.push_back(f);
      }
    }
  }
}

void check_organisation(SectionContext& ctx) {
  auto& org = ctx.scenario.organisation;
  // Titles with no posts (at any date: units created by structural events count).
  std::vector<bool> has_posts(org.titles.size(), false);
  for (const auto& p : org.posts) has_posts[p.title] = true;
  for (TitleId t = 0; t < org.titles.size(); ++t)
    if (!has_posts[t])
      ctx.problems.add(fmt::format("/titles/{}", t),
                       org.titles[t].sectors.empty()
                           ? text::message("problem.org.title_no_posts", org.titles[t].id,
                                           org.levels[org.titles[t].level].id)
                           : text::message("problem.org.title_no_posts_sectors", org.titles[t].id,
                                           org.levels[org.titles[t].level].id));
  // Titles no one can ever fill: not reachable from an entry title along "feeds".
  std::vector<bool> reach(org.titles.size(), false);
  std::deque<TitleId> queue;
  for (TitleId t = 0; t < org.titles.size(); ++t)
    if (org.titles[t].entry) {
      reach[t] = true;
      queue.push_back(t);
    }
  // Without titles, a scenario with pools recruits into its pools only.
  if (queue.empty() && (!org.titles.empty() || ctx.scenario.pools.states.empty()))
    ctx.problems.add("/titles", text::message("problem.org.no_entry"));
  while (!queue.empty()) {
    const TitleId t = queue.front();
    queue.pop_front();
    for (TitleId f : org.titles[t].feeds)
      if (!reach[f]) {
        reach[f] = true;
        queue.push_back(f);
      }
  }
  bool any_entry = false;
  for (const auto& t : org.titles) any_entry = any_entry || t.entry;
  if (any_entry)
    for (TitleId t = 0; t < org.titles.size(); ++t)
      if (!reach[t])
        ctx.problems.add(fmt::format("/titles/{}", t),
                         text::message("problem.org.unreachable", org.titles[t].id));
  // Establishment below the number of posts is a contradiction.
  for (UnitId u = 0; u < org.units.size(); ++u) {
    auto& unit = org.units[u];
    const int posts = static_cast<int>(org.all_posts_of_unit[u].size());
    if (unit.establishment == 0)
      unit.establishment = posts;
    else if (unit.establishment < posts)
      ctx.problems.add(
          "/units", text::message("problem.org.establishment", unit.id, unit.establishment, posts));
  }
}

}  // namespace cadresim::scenario
