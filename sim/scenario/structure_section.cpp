// "structure": dated structural events (docs/scenarios.md § Structural events). Each event
// creates units, merges old units into one, abolishes units or a whole level, and moves units
// to another parent, on its date. The reader turns them into validity intervals, successors
// and later parents of model::Unit, so the organisation holds every unit that ever exists and
// Organisation::activate(day) gives the structure in force on any day.
#include <fmt/core.h>  // fmt::format

#include <algorithm>      // std::find
#include <unordered_map>  // id lookups

#include "sim/scenario/changes.hpp"  // shock_structure_events
#include "sim/scenario/sections.hpp"

namespace cadresim::scenario {

using model::UnitId;

namespace {

// Reads one created unit (the keys of "units", with a required parent).
model::Unit read_created_unit(FieldReader& r, std::string& parent, const SectionContext& ctx) {
  model::Unit u;
  std::string level;
  r.string("id", u.id, true);
  r.string("name", u.name);
  if (u.name.empty()) u.name = u.id;
  r.string("level", level, true);
  r.string("parent", parent, true);
  u.sector = "territorial";
  r.string("sector", u.sector);
  r.number("regional_coefficient", u.regional_coefficient, 0, 1);
  r.boolean("especially_difficult", u.especially_difficult);
  r.number("distance_km", u.distance_km, 0, 5000);
  r.integer("establishment", u.establishment, 0, 1000000);
  r.finish();
  if (!level.empty()) {
    const int l = resolve_level(level, r.at("level"), ctx);
    u.level = static_cast<model::LevelId>(l < 0 ? 0 : l);
  }
  return u;
}

// The parent of `u` in force on `day` (original parent, then moves up to that day).
UnitId parent_on(const model::Unit& u, kernel::Day day) {
  UnitId p = u.parent;
  for (const auto& [when, parent] : u.moves)
    if (when <= day) p = parent;
  return p;
}

}  // namespace

void read_structure(FieldReader& top, SectionContext& ctx) {
  // The merge cards of "shocks" are structural events too (docs/scenarios.md § Shock cards).
  const json* shocks = top.has("shocks") ? top.raw("shocks") : nullptr;
  std::vector<ShockStructure> cards;
  if (shocks != nullptr) cards = shock_structure_events(*shocks);
  if (!top.has("structure") && cards.empty()) return;  // absent: no key in the resolved either
  auto& org = ctx.scenario.organisation;
  auto& events = ctx.scenario.structure;
  const auto& cal = ctx.scenario.calendar;
  std::unordered_map<std::string, UnitId> index;
  for (UnitId u = 0; u < org.units.size(); ++u) index.emplace(org.units[u].id, u);
  auto find = [&](const std::string& id, const std::string& pointer) -> UnitId {
    auto it = index.find(id);
    if (it != index.end()) return it->second;
    std::vector<std::string> ids;
    for (const auto& u : org.units) ids.push_back(u.id);
    const std::string near = closest_match(id, ids);
    const text::Message msg = unknown_reference("problem.ref.unit", id, near);
    ctx.problems.add(pointer, msg);
    return model::kNoUnit;
  };
  // A unit must be in force on the date to be merged, abolished or moved.
  auto require_in_force = [&](UnitId u, kernel::Day day, const std::string& pointer) {
    if (u == model::kNoUnit) return false;
    if (org.units[u].in_force(day)) return true;
    ctx.problems.add(pointer, text::message("problem.structure.not_in_force", org.units[u].id,
                                            kernel::format_iso_date(day)));
    return false;
  };
  auto end_unit = [&](model::StructuralEvent& ev, UnitId u, UnitId successor) {
    org.units[u].until = ev.date;
    org.units[u].successor = successor;
    ev.ended.push_back(u);
  };
  // The events to read: the file's, then the cards', read in date order (a card falls between
  // the file's events); the resolved output of a card is its own (read_shocks).
  struct Source {
    const json* in;
    json* out;
    std::string pointer;
    int card;
    kernel::Day date;
  };
  auto peek_date = [](const json& e) {
    kernel::Day d = 0;
    if (e.is_object() && e.contains("date") && e["date"].is_string())
      if (auto parsed = kernel::parse_iso_date(e["date"].get<std::string>())) d = *parsed;
    return d;
  };
  std::vector<Source> sources;
  if (const json* arr = top.has("structure") ? top.array("structure") : nullptr) {
    json& out = top.out()["structure"];
    out = json::array();
    for (std::size_t i = 0; i < arr->size(); ++i) out.push_back(json::object());
    for (std::size_t i = 0; i < arr->size(); ++i) {
      sources.push_back(
          {&(*arr)[i], &out[i], fmt::format("/structure/{}", i), -1, peek_date((*arr)[i])});
      if (i > 0 && sources[i].date <= sources[i - 1].date && sources[i].date != 0)
        ctx.problems.add(sources[i].pointer + "/date",
                         text::message("problem.structure.date_order"));
    }
  } else if (top.has("structure")) {
    top.out()["structure"] = json::array();
  }
  std::vector<json> card_out(cards.size(), json::object());
  for (std::size_t k = 0; k < cards.size(); ++k)
    sources.push_back({&cards[k].event, &card_out[k], cards[k].pointer, cards[k].card,
                       peek_date(cards[k].event)});
  std::stable_sort(sources.begin(), sources.end(),
                   [](const Source& a, const Source& b) { return a.date < b.date; });
  std::vector<std::string> pointers;  // of each event read, for the checks below
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const Source& src = sources[i];
    FieldReader r(src.in, *src.out, src.pointer, ctx.problems);
    model::StructuralEvent ev;
    ev.shock = src.card;
    r.date("date", ev.date, true);
    // An event on or before the start is already in force at the start (a scenario that starts
    // on today's structure keeps the history that made it).
    if (r.has("date") && ev.date > cal.end)
      ctx.problems.add(r.at("date"), text::message("problem.structure.after_end",
                                                   kernel::format_iso_date(cal.end)));
    if (i > 0 && ev.date == events.back().date && (src.card >= 0 || events.back().shock >= 0))
      ctx.problems.add(r.at("date"), text::message("problem.structure.same_date"));
    // 1. Created units (parents may be units created earlier in the list).
    for_each_object(r, "create", false, [&](FieldReader& c, std::size_t) {
      std::string parent;
      model::Unit u = read_created_unit(c, parent, ctx);
      u.from = ev.date;
      if (u.id.empty()) return;
      if (index.count(u.id)) {
        ctx.problems.add(c.at("id"), text::message("problem.org.duplicate_unit", u.id));
        return;
      }
      const UnitId p = parent.empty() ? model::kNoUnit : find(parent, c.at("parent"));
      if (p != model::kNoUnit && !org.units[p].in_force(ev.date) && org.units[p].from != ev.date)
        require_in_force(p, ev.date, c.at("parent"));
      u.parent = p;
      const UnitId id = static_cast<UnitId>(org.units.size());
      index.emplace(u.id, id);
      org.units.push_back(std::move(u));
      ev.created.push_back(id);
    });
    // 2. Merges: the old units end; their successor is the unit they merged into.
    for_each_object(r, "merge", false, [&](FieldReader& m, std::size_t) {
      model::UnitMerge merge;
      std::string into;
      m.string("into", into, true);
      if (!into.empty()) merge.into = find(into, m.at("into"));
      if (merge.into != model::kNoUnit && !org.units[merge.into].in_force(ev.date))
        require_in_force(merge.into, ev.date, m.at("into"));
      if (const json* from = m.array("from", true)) {
        m.out()["from"] = *from;
        if (from->empty())
          m.problems().add(m.at("from"), text::message("problem.structure.at_least_one_unit"));
        for (std::size_t k = 0; k < from->size(); ++k) {
          const std::string ptr = m.at("from") + "/" + std::to_string(k);
          if (!(*from)[k].is_string()) {
            ctx.problems.add(ptr, text::message("problem.structure.unit_id"));
            continue;
          }
          const UnitId u = find((*from)[k].get<std::string>(), ptr);
          if (!require_in_force(u, ev.date, ptr)) continue;
          if (u == merge.into) continue;  // an absorbing merge: the target continues
          merge.from.push_back(u);
          end_unit(ev, u, merge.into);
        }
      }
      m.finish();
      ev.merges.push_back(std::move(merge));
    });
    // 3. Abolished units and levels: they end without a successor.
    FieldReader ab = r.object("abolish");
    if (const json* levels = ab.array("levels")) {
      ab.out()["levels"] = *levels;
      for (std::size_t k = 0; k < levels->size(); ++k) {
        const std::string ptr = ab.at("levels") + "/" + std::to_string(k);
        if (!(*levels)[k].is_string()) {
          ctx.problems.add(ptr, text::message("problem.org.level_id"));
          continue;
        }
        const int l = resolve_level((*levels)[k].get<std::string>(), ptr, ctx);
        if (l < 0) continue;
        ev.abolished_levels.push_back(static_cast<model::LevelId>(l));
        for (UnitId u = 0; u < org.units.size(); ++u)
          if (org.units[u].level == l && org.units[u].in_force(ev.date))
            end_unit(ev, u, model::kNoUnit);
      }
    }
    if (const json* units = ab.array("units")) {
      ab.out()["units"] = *units;
      for (std::size_t k = 0; k < units->size(); ++k) {
        const std::string ptr = ab.at("units") + "/" + std::to_string(k);
        if (!(*units)[k].is_string()) {
          ctx.problems.add(ptr, text::message("problem.structure.unit_id"));
          continue;
        }
        const UnitId u = find((*units)[k].get<std::string>(), ptr);
        if (require_in_force(u, ev.date, ptr)) end_unit(ev, u, model::kNoUnit);
      }
    }
    ab.finish();
    // 4. Moves to another parent.
    for_each_object(r, "move", false, [&](FieldReader& m, std::size_t) {
      std::string unit, parent;
      m.string("unit", unit, true);
      m.string("parent", parent, true);
      m.finish();
      const UnitId u = unit.empty() ? model::kNoUnit : find(unit, m.at("unit"));
      const UnitId p = parent.empty() ? model::kNoUnit : find(parent, m.at("parent"));
      if (u == model::kNoUnit || p == model::kNoUnit) return;
      if (!require_in_force(u, ev.date, m.at("unit")) ||
          !require_in_force(p, ev.date, m.at("parent")))
        return;
      org.units[u].moves.push_back({ev.date, p});
      ev.moves.push_back({u, p});
    });
    // 5. Placement and the surplus policy.
    r.integer("placement_rank_step", ev.placement_rank_step, 0, 1000);
    FieldReader sp = r.object("surplus");
    std::string policy = "reassign";
    sp.choice("policy", policy, {"reassign", "second", "exit"});
    ev.surplus.policy = policy == "exit"     ? model::SurplusPolicy::kExit
                        : policy == "second" ? model::SurplusPolicy::kSecond
                                             : model::SurplusPolicy::kReassign;
    sp.probability("exit_share", ev.surplus.exit_share);
    sp.integer("secondment_months", ev.surplus.secondment_months, 1, 120);
    sp.number("exit_months_of_salary", ev.surplus.exit_months_of_salary, 0, 600);
    sp.number("exit_months_per_year_early", ev.surplus.exit_months_per_year_early, 0, 120);
    sp.integer("exit_max_years_early", ev.surplus.exit_max_years_early, 0, 20);
    sp.finish();
    r.finish();
    events.push_back(std::move(ev));
    pointers.push_back(src.pointer);
  }
  // The structure in force after each event must be a tree: every unit in force has a parent
  // in force (or is the root), and moves make no cycle.
  for (std::size_t i = 0; i < events.size(); ++i) {
    const kernel::Day day = events[i].date;
    for (UnitId u = 0; u < org.units.size(); ++u) {
      if (!org.units[u].in_force(day)) continue;
      const UnitId p = parent_on(org.units[u], day);
      if (p == model::kNoUnit) continue;
      if (!org.units[p].in_force(day)) {
        ctx.problems.add(pointers[i],
                         text::message("problem.structure.parent_ends", org.units[u].id,
                                       kernel::format_iso_date(day), org.units[p].id));
        continue;
      }
      UnitId v = p;
      std::size_t steps = 0;
      while (v != model::kNoUnit && v != u && steps++ <= org.units.size())
        v = parent_on(org.units[v], day);
      if (v == u)
        ctx.problems.add(pointers[i],
                         text::message("problem.structure.own_ancestor", org.units[u].id));
    }
  }
}

}  // namespace cadresim::scenario
