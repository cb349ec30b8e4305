// "changes": dated rule changes (docs/scenarios.md § Dated changes). Each change is a JSON
// Merge Patch with a date; the scenario in force on a day is the base with every patch dated
// on or before that day applied, read by the same strict reader as the base. Problems inside a
// patch are reported at their pointer within the patch (/changes/N/patch/...). Keys that
// define the organisation, the calendar or the initial state cannot change on a date: the
// organisation changes through "structure" events.
#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::sort, std::unique
#include <set>        // distinct problems

#include "sim/scenario/changes.hpp"
#include "sim/scenario/sections.hpp"

namespace cadresim::scenario {

namespace {
// Keys a dated patch may not touch, and why.
const char* frozen_reason(const std::string& key) {
  if (key == "levels" || key == "units" || key == "generated_units" || key == "titles" ||
      key == "managing_tiers" || key == "pools" || key == "structure")
    return "the organisation cannot change through a dated patch: use a \"structure\" event "
           "(docs/scenarios.md § Structural events)";
  if (key == "calendar") return "the calendar is fixed for the whole run";
  if (key == "population" || key == "script")
    return "it describes the initial state and is read only at the start";
  if (key == "changes" || key == "extends" || key == "$schema" || key == "name")
    return "it cannot change on a date";
  return nullptr;
}
}  // namespace

std::vector<DatedChange> read_changes(FieldReader& top, SectionContext& ctx) {
  std::vector<DatedChange> out;
  if (!top.has("changes")) return out;
  const auto& cal = ctx.scenario.calendar;
  for_each_object(top, "changes", false, [&](FieldReader& r, std::size_t i) {
    DatedChange c;
    c.index = i;
    r.date("date", c.date, true);
    if (r.has("date") && (c.date <= cal.start || c.date > cal.end))
      ctx.problems.add(r.at("date"), fmt::format("must be after the start ({}) and not after the "
                                                 "end ({}) of the calendar",
                                                 kernel::format_iso_date(cal.start),
                                                 kernel::format_iso_date(cal.end)));
    if (!out.empty() && c.date < out.back().date)
      ctx.problems.add(r.at("date"), "dated changes must be in date order");
    const json* patch = r.raw("patch");
    if (patch == nullptr) {
      ctx.problems.add(r.at("patch"), "is required but missing (a JSON Merge Patch object)");
    } else if (!patch->is_object()) {
      ctx.problems.add(r.at("patch"),
                       "must be an object (a JSON Merge Patch), found " + type_name(*patch));
    } else {
      for (const auto& [key, value] : patch->items())
        if (const char* why = frozen_reason(key))
          ctx.problems.add(r.at("patch") + "/" + pointer_token(key),
                           fmt::format("\"{}\" cannot change on a date: {}", key, why));
      c.patch = *patch;
      r.out()["patch"] = *patch;
    }
    r.finish();
    out.push_back(std::move(c));
  });
  return out;
}

namespace {
// Where a problem of the scenario in force from change `k` lies: inside the latest patch (up
// to k) that contains its pointer, or nowhere in particular (a combination of patches).
std::string map_pointer(const std::string& where, const std::vector<DatedChange>& changes,
                        std::size_t upto) {
  if (where.empty() || where[0] != '/') return {};
  for (std::size_t j = upto + 1; j-- > 0;) {
    try {
      const json::json_pointer ptr(where);
      // The pointer itself or one of its parents is set by the patch.
      for (json::json_pointer p = ptr; !p.empty(); p = p.parent_pointer())
        if (changes[j].patch.contains(p))
          return fmt::format("/changes/{}/patch{}", changes[j].index, where);
    } catch (const json::exception&) {
      return {};
    }
  }
  return {};
}
}  // namespace

void build_epochs(const json& doc, LoadedScenario& out, const std::vector<DatedChange>& changes,
                  const std::string& display_name, const std::filesystem::path& base_dir) {
  model::Scenario& base = out.scenario;
  std::vector<kernel::Day> dates;
  for (const auto& ev : base.structure)
    if (ev.date > base.calendar.start) dates.push_back(ev.date);  // earlier: in the base
  for (const auto& c : changes) dates.push_back(c.date);
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  Problems problems;
  problems.set_file(display_name);
  std::set<std::pair<std::string, std::string>> seen;
  for (const kernel::Day day : dates) {
    model::Epoch epoch;
    epoch.date = day;
    for (std::size_t i = 0; i < base.structure.size(); ++i)
      if (base.structure[i].date == day) epoch.structure = static_cast<int>(i);
    std::size_t applied = 0;  // changes dated on or before `day`
    while (applied < changes.size() && changes[applied].date <= day) {
      if (changes[applied].date == day) epoch.changes.push_back(static_cast<int>(applied));
      ++applied;
    }
    epoch.own_parameters = applied > 0;
    std::shared_ptr<model::Scenario> s;
    json resolved;
    if (applied == 0) {
      s = std::make_shared<model::Scenario>(base);
      s->epochs.clear();
      resolved = out.resolved;
    } else {
      json patched = doc;
      patched.erase("changes");
      for (std::size_t j = 0; j < applied; ++j) patched.merge_patch(changes[j].patch);
      try {
        LoadedScenario loaded = build_single_scenario(patched, display_name, base_dir);
        s = std::make_shared<model::Scenario>(std::move(loaded.scenario));
        resolved = std::move(loaded.resolved);
        resolved["changes"] = out.resolved["changes"];
      } catch (const InvalidInput& e) {
        for (const auto& p : e.problems()) {
          std::string where = map_pointer(p.where, changes, applied - 1);
          std::string message = p.message;
          if (where.empty()) {
            where = fmt::format("/changes/{}", changes[applied - 1].index);
            message = fmt::format("in the scenario in force from {}: {}: {}",
                                  kernel::format_iso_date(day), p.where, p.message);
          }
          if (seen.insert({where, message}).second) problems.add(where, message);
        }
        continue;
      }
    }
    s->organisation.activate(day);
    if (epoch.structure >= 0) {  // every post in force has a managing scope on this date too
      Problems scope_problems;
      SectionContext sc{*s, scope_problems, base_dir};
      check_managing_tiers(sc);
      for (const auto& p : scope_problems.items())
        problems.add(p.where, fmt::format("from {}: {}", kernel::format_iso_date(day), p.message));
    }
    epoch.scenario = s;
    base.epochs.push_back(std::move(epoch));
    out.epoch_resolved.push_back({day, std::move(resolved)});
  }
  if (!problems.empty()) throw InvalidInput(problems.items());
}

const model::Scenario& scenario_at(const LoadedScenario& loaded, kernel::Day day) {
  const model::Scenario* s = &loaded.scenario;
  for (const auto& e : loaded.scenario.epochs)
    if (e.date <= day) s = e.scenario.get();
  return *s;
}

json resolved_at(const LoadedScenario& loaded, kernel::Day day) {
  json out = loaded.resolved;
  for (const auto& [date, resolved] : loaded.epoch_resolved)
    if (date <= day) out = resolved;
  model::Organisation org = scenario_at(loaded, day).organisation;
  org.activate(day);
  json units = json::array();
  for (model::UnitId u = 0; u < org.units.size(); ++u) {
    if (!org.unit_active[u]) continue;
    const model::Unit& unit = org.units[u];
    units.push_back({{"id", unit.id},
                     {"name", unit.name},
                     {"level", org.levels[unit.level].id},
                     {"parent", unit.parent == model::kNoUnit ? json(nullptr)
                                                              : json(org.units[unit.parent].id)},
                     {"sector", unit.sector},
                     {"regional_coefficient", unit.regional_coefficient},
                     {"especially_difficult", unit.especially_difficult},
                     {"distance_km", unit.distance_km},
                     {"establishment", unit.establishment}});
  }
  out["units"] = std::move(units);
  out.erase("generated_units");
  out["at"] = kernel::format_iso_date(day);
  return out;
}

}  // namespace cadresim::scenario
