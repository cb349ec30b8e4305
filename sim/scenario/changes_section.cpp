// "changes": dated rule changes (docs/scenarios.md § Dated changes). Each change is a JSON
// Merge Patch with a date; the scenario in force on a day is the base with every patch dated
// on or before that day applied, read by the same strict reader as the base. Problems inside a
// patch are reported at their pointer within the patch (/changes/N/patch/...). Keys that
// define the organisation, the calendar or the initial state cannot change on a date: the
// organisation changes through "structure" events.
#include <algorithm>  // std::sort, std::unique, std::any_of
#include <optional>   // std::optional
#include <set>        // distinct problems

#include "sim/scenario/changes.hpp"
#include "sim/scenario/sections.hpp"

namespace cadresim::scenario {

namespace {
// Keys a dated patch may not touch, and why (a catalog id).
const char* frozen_reason(const std::string& key) {
  if (key == "levels" || key == "units" || key == "generated_units" || key == "managing_tiers" ||
      key == "pools" || key == "structure")
    return "problem.changes.why_organisation";
  if (key == "calendar") return "problem.changes.why_calendar";
  if (key == "population" || key == "script") return "problem.changes.why_initial";
  if (key == "changes" || key == "extends" || key == "$schema" || key == "name" || key == "shocks")
    return "problem.changes.why_fixed";
  return nullptr;
}

// Fields of a title that may change on a date: its rules, not its place in the organisation
// (id, level, sectors, posts, rank, key, head, tenure and entry make the posts and the metrics).
bool dated_title_field(const std::string& key) {
  return key == "non_native" || key == "max_consecutive_terms" || key == "salary_coefficient" ||
         key == "position_allowance" || key == "feeds" || key == "$comment";
}

// "titles" in a dated patch: an object keyed by title id, each value the fields that change.
void check_title_patch(const json& titles, const std::string& at, SectionContext& ctx) {
  if (!titles.is_object()) {
    ctx.problems.add(at, text::message("problem.changes.titles_object", type_arg(titles)));
    return;
  }
  const auto& known = ctx.scenario.organisation.titles;
  for (const auto& item : titles.items()) {  // no structured binding: clang 14 cannot capture one
    const std::string id = item.key();
    const json& fields = item.value();
    const std::string where = at + "/" + pointer_token(id);
    const bool exists =
        std::any_of(known.begin(), known.end(), [&](const model::Title& t) { return t.id == id; });
    if (!exists) {
      ctx.problems.add(where, unknown_reference("problem.ref.title", id, ""));
      continue;
    }
    if (!fields.is_object()) {
      ctx.problems.add(where, text::message("problem.changes.title_fields", type_arg(fields)));
      continue;
    }
    for (const auto& [key, value] : fields.items())
      if (!dated_title_field(key))
        ctx.problems.add(where + "/" + pointer_token(key),
                         text::message("problem.changes.title_field_frozen", key));
  }
}
}  // namespace

void check_dated_patch(const json& patch, const std::string& pointer, SectionContext& ctx) {
  if (!patch.is_object()) {
    ctx.problems.add(pointer, text::message("problem.changes.patch_object", type_arg(patch)));
    return;
  }
  if (patch.contains("titles")) check_title_patch(patch["titles"], pointer + "/titles", ctx);
  for (const auto& [key, value] : patch.items())
    if (const char* why = frozen_reason(key))
      ctx.problems.add(pointer + "/" + pointer_token(key),
                       text::message("problem.changes.frozen", key, text::text_arg(why)));
}

json apply_dated_patch(json doc, const json& patch) {
  json rest = patch;
  if (rest.is_object() && rest.contains("titles") && rest["titles"].is_object() &&
      doc.contains("titles") && doc["titles"].is_array()) {
    for (const auto& [id, fields] : rest["titles"].items())
      for (auto& t : doc["titles"])
        if (t.is_object() && t.value("id", std::string()) == id) t.merge_patch(fields);
    rest.erase("titles");
  }
  doc.merge_patch(rest);
  return doc;
}

std::vector<DatedChange> read_changes(FieldReader& top, SectionContext& ctx) {
  std::vector<DatedChange> out;
  if (!top.has("changes")) return out;
  const auto& cal = ctx.scenario.calendar;
  for_each_object(top, "changes", false, [&](FieldReader& r, std::size_t i) {
    DatedChange c;
    c.index = i;
    r.date("date", c.date, true);
    // A change dated on or before the start is in force at the start (build_epochs).
    if (r.has("date") && c.date > cal.end)
      ctx.problems.add(r.at("date"), text::message("problem.changes.after_end",
                                                   kernel::format_iso_date(cal.end)));
    if (!out.empty() && c.date < out.back().date)
      ctx.problems.add(r.at("date"), text::message("problem.changes.date_order"));
    c.origin = r.at("patch");
    const json* patch = r.raw("patch");
    if (patch == nullptr) {
      ctx.problems.add(r.at("patch"), text::message("problem.changes.patch_required"));
    } else {
      check_dated_patch(*patch, r.at("patch"), ctx);
      if (patch->is_object()) {
        c.patch = *patch;
        r.out()["patch"] = *patch;
      }
    }
    r.finish();
    out.push_back(std::move(c));
  });
  return out;
}

namespace {
// Where a problem of the scenario in force from change `k` lies: inside the latest patch (up
// to k) that contains its pointer, or nowhere in particular (a combination of patches).
std::string map_pointer(std::string where, const std::vector<DatedChange>& changes,
                        std::size_t upto, const json& doc) {
  if (where.empty() || where[0] != '/') return {};
  // A title is patched by id, and reported by index: /titles/K/... -> /titles/<id>/...
  if (where.rfind("/titles/", 0) == 0 && doc.contains("titles") && doc["titles"].is_array()) {
    const std::size_t end = where.find('/', 8);
    const std::string index = where.substr(8, end == std::string::npos ? end : end - 8);
    if (!index.empty() && index.find_first_not_of("0123456789") == std::string::npos) {
      const std::size_t k = std::stoul(index);
      if (k < doc["titles"].size() && doc["titles"][k].is_object())
        where = "/titles/" + pointer_token(doc["titles"][k].value("id", index)) +
                (end == std::string::npos ? "" : where.substr(end));
    }
  }
  for (std::size_t j = upto + 1; j-- > 0;) {
    try {
      const json::json_pointer ptr(where);
      // The pointer itself or one of its parents is set by the patch.
      for (json::json_pointer p = ptr; !p.empty(); p = p.parent_pointer())
        if (changes[j].patch.contains(p))
          return changes[j].literal ? changes[j].origin + where : changes[j].origin;
    } catch (const json::exception&) {
      return {};
    }
  }
  return {};
}
}  // namespace

void build_epochs(const json& doc, LoadedScenario& out, const std::vector<DatedChange>& changes,
                  const std::string& display_name, const std::filesystem::path& base_dir) {
  Problems problems;
  problems.set_file(display_name);
  std::set<std::pair<std::string, std::string>> seen;
  // The scenario with the first `applied` changes in force (dated on or before `day`); problems
  // point into the patches. Empty on problems.
  auto build_at = [&](kernel::Day day, std::size_t applied) -> std::optional<LoadedScenario> {
    json patched = doc;
    patched.erase("changes");
    for (std::size_t j = 0; j < applied; ++j)
      patched = apply_dated_patch(std::move(patched), changes[j].patch);
    try {
      LoadedScenario loaded = build_single_scenario(patched, display_name, base_dir);
      // (No key when the base has none: the changes of shock cards are in "shocks".)
      if (out.resolved.contains("changes")) loaded.resolved["changes"] = out.resolved["changes"];
      return loaded;
    } catch (const InvalidInput& e) {
      for (const auto& p : e.problems()) {
        std::string where = map_pointer(p.where, changes, applied - 1, doc);
        text::Message message = problem_text(p);
        if (where.empty()) {
          where = changes[applied - 1].origin;
          if (changes[applied - 1].literal && where.ends_with("/patch"))
            where.resize(where.size() - 6);
          message = text::message("problem.changes.in_force_from", kernel::format_iso_date(day),
                                  p.where, text::message_arg(std::move(message)));
        }
        if (seen.insert({where, text::render(text::Lang::kEn, message)}).second)
          problems.add(where, std::move(message));
      }
      return std::nullopt;
    }
  };
  // Changes dated on or before the start are in force at the start, like structural events:
  // the base is the document with them applied (a scenario that starts today on a history).
  const kernel::Day start = out.scenario.calendar.start;
  std::size_t early = 0;
  while (early < changes.size() && changes[early].date <= start) ++early;
  if (early > 0) {
    auto loaded = build_at(start, early);
    if (!loaded) throw InvalidInput(problems.items());
    out.scenario = std::move(loaded->scenario);
    out.resolved = std::move(loaded->resolved);
    out.assumptions = std::move(loaded->assumptions);
  }
  model::Scenario& base = out.scenario;
  std::vector<kernel::Day> dates;
  for (const auto& ev : base.structure)
    if (ev.date > start) dates.push_back(ev.date);  // earlier: in the base
  for (const auto& c : changes)
    if (c.date > start) dates.push_back(c.date);
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
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
    // Parameters of their own only when a change takes effect after the start.
    epoch.own_parameters = applied > early;
    std::shared_ptr<model::Scenario> s;
    json resolved;
    if (!epoch.own_parameters) {
      s = std::make_shared<model::Scenario>(base);
      s->epochs.clear();
      resolved = out.resolved;
    } else {
      auto loaded = build_at(day, applied);
      if (!loaded) continue;
      s = std::make_shared<model::Scenario>(std::move(loaded->scenario));
      resolved = std::move(loaded->resolved);
    }
    s->organisation.activate(day);
    if (epoch.structure >= 0) {  // every post in force has a managing scope on this date too
      Problems scope_problems;
      SectionContext sc{*s, scope_problems, base_dir};
      check_managing_tiers(sc);
      for (const auto& p : scope_problems.items())
        problems.add(p.where,
                     text::message("problem.changes.from_date", kernel::format_iso_date(day),
                                   text::message_arg(problem_text(p))));
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
