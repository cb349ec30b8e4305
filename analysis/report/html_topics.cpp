// The HTML report's topic sections: vacant posts, successors, rotations, costs and income,
// non-native leaders and effectiveness; and the election markers of the time charts.
#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::find, std::sort, std::min
#include <cmath>      // std::isfinite, std::abs
#include <cstdlib>    // std::atoi
#include <utility>    // std::pair

#include "analysis/report/html_parts.hpp"

namespace cadresim::analysis::html {

void vacancies(Page& p) {
  auto& h = p.html;
  h += "<section id=\"vacancies\"><h2>" + t("html.vacancies.title") + "</h2>\n<p>" +
       t("html.vacancies.intro") + "</p>\n";
  p.legend(true);
  h += "<div class=\"grid\">\n";
  if (p.has_series("vacancies", "all"))
    p.time_chart("vacancies", "all", t("html.chart.vacancies_all"), "vacancies",
                 t("html.axis.vacant_posts"), 1, 1, {0});
  if (p.has_series("vacancies_key", "all"))
    p.time_chart("vacancies", "key", t("html.chart.vacancies_key"), "vacancies_key",
                 t("html.axis.vacant_key_posts"), 1, 1, {0}, "all");
  for (const auto& level : p.names.level_ids)
    if (p.has_series("vacancies", level))
      p.time_chart("vacancies", level,
                   tf("html.chart.vacancies_level", lower(p.names.level_name(level))), "vacancies",
                   t("html.axis.vacant_posts"), 1, 1, {0});
  h += "</div>\n</section>\n";
}

void successors(Page& p) {
  auto& h = p.html;
  h += "<section id=\"successors\"><h2>" + t("html.successors.title") + "</h2>\n<p>" +
       t("html.successors.intro") + "</p>\n";
  p.legend(true);
  h += "<div class=\"grid\">\n";
  if (p.has_series("successor_coverage_1", "all"))
    p.time_chart("successor-coverage", "1", t("html.chart.coverage_1"), "successor_coverage_1",
                 t("html.axis.share_key_posts"), 100, 1, {0, 100}, "all");
  if (p.has_series("successor_coverage_2", "all"))
    p.time_chart("successor-coverage", "2", t("html.chart.coverage_2"), "successor_coverage_2",
                 t("html.axis.share_key_posts"), 100, 1, {0, 100}, "all");
  if (p.has_series("bench_strength", "all"))
    p.time_chart("bench-strength", "all", t("html.chart.bench"), "bench_strength",
                 t("html.axis.bench"), 1, 2, {0});
  // The plan's structure against the planning targets (QĐ 50: ≥ 25 % women, ≥ 15 % young).
  if (p.has_series("plan_women_share", "all"))
    p.time_chart("plan-structure", "women", t("html.chart.plan_women"), "plan_women_share",
                 t("html.axis.share_plan"), 100, 1, {0, 100}, "all");
  if (p.has_series("plan_young_share", "all"))
    p.time_chart("plan-structure", "young", t("html.chart.plan_young"), "plan_young_share",
                 t("html.axis.share_plan"), 100, 1, {0, 100}, "all");
  h += "</div>\n</section>\n";
}

void rotations(Page& p, const std::string& first_year_note) {
  auto& h = p.html;
  const auto& levels = p.names.level_ids;
  h += "<section id=\"rotations\"><h2>" + t("html.rotations.title") + "</h2>\n<p>" +
       t("html.rotations.intro") + "</p>\n";
  // Origin -> destination pairs of levels, one chart per scenario (the pairs with rotations).
  h += "<h3>" + t("html.rotations.matrix_title") + "</h3>\n<p>" + t("html.rotations.matrix_intro") +
       "</p>\n<div class=\"grid\">\n";
  for (std::size_t s = 0; s < p.scen.size(); ++s) {
    json all = json::array(), moved = json::array();
    for (const auto& a : levels)
      for (const auto& b : levels) {
        const Value v = total_of(p.scen[s].results, "rotations", a + ">" + b);
        if (!v.ok()) continue;
        json val = value_json(v);
        val["s"] = s;
        json cat{{"label", p.names.level_name(a) + " \u2192 " + p.names.level_name(b)},
                 {"vals", json::array({val})}};
        if (v.mean > 0) moved.push_back(cat);
        all.push_back(std::move(cat));
      }
    if (all.empty()) continue;
    p.figure("flow-matrix", std::to_string(s),
             p.comparison() ? tf("html.chart.matrix_of", p.scen[s].name) : t("html.chart.matrix"),
             {{"type", "bars"},
              {"y", t("html.axis.rotations_whole_period")},
              {"decimals", 1},
              {"cats", moved.empty() ? std::move(all) : std::move(moved)},
              {"values", true},
              {"floor", 0}});
  }
  if (p.has_series("rotated_now", "all"))
    p.time_chart("on-rotation", "all", t("html.chart.on_rotation"), "rotated_now",
                 t("html.axis.on_rotation"), 1, 1, {0});
  h += "</div>\n";
  // Rotations per year by flow of the plan, with the planned quota.
  std::vector<std::string> flows;
  for (const auto& s : p.scen)
    for (const auto& g : groups_of(s.results, "yearly", "rotations_flow"))
      if (std::find(flows.begin(), flows.end(), g) == flows.end()) flows.push_back(g);
  if (!flows.empty()) {
    h += "<h3>" + t("html.rotations.per_year_title") + "</h3>\n<p>" +
         t("html.rotations.per_year_intro") + first_year_note + "</p>\n";
    p.legend(false);
    h += "<div class=\"grid\">\n";
    for (const auto& f : flows) {
      if (!p.any_positive("rotations_flow", f) && !p.any_positive("rotation_quota_flow", f))
        continue;  // e.g. no scripted moves
      const auto it = p.names.flow.find(f);
      p.year_bars("rotations-per-year", f, it == p.names.flow.end() ? f : it->second,
                  "rotations_flow", t("html.axis.rotations_per_year"), 1, 1,
                  f == "scripted" ? "" : "rotation_quota_flow");
    }
    h += "</div>\n";
  }
  // Outcomes.
  h += "<h3>" + t("html.outcomes.title") + "</h3>\n<p>" + t("html.outcomes.intro") + "</p>\n";
  p.legend(false);
  h += "<div class=\"grid\">\n";
  p.total_bars("rotation-outcomes", t("html.chart.outcomes"),
               {{t("html.bar.returned"), "rotation_outcomes", "returned"},
                {t("html.bar.promoted"), "rotation_outcomes", "promoted"},
                {t("html.bar.stayed"), "rotation_outcomes", "stayed"},
                {t("html.bar.refused"), "refusals", "all"},
                {t("html.bar.early_returns"), "early_returns", "all"}},
               t("html.axis.cadres_whole_period"), 1, 1);
  p.total_bars("rotation-shares", t("html.chart.quality"),
               {{t("html.bar.plan_fulfilled"), "plan_fulfilment", "all"},
                {t("html.bar.refusal_share"), "refusal_share", "all"},
                {t("html.bar.completed_well"), "completed_well_share", "all"}},
               t("html.axis.per_cent"), 100, 1);
  h += "</div>\n</section>\n";
}

// Support levers: the metric group and the words for it.
constexpr std::pair<const char*, const char*> kLevers[] = {
    {"top_up", "html.lever.top_up"},
    {"grant", "html.lever.grant"},
    {"housing", "html.lever.housing"},
    {"travel", "html.lever.travel"},
    {"reserved_allowance", "html.lever.reserved_allowance"},
    {"mentoring", "html.lever.mentoring"},
    {"supervision", "html.lever.supervision"},
};

void costs(Page& p, const std::string& first_year_note) {
  auto& h = p.html;
  h += "<section id=\"costs\"><h2>" + t("html.costs.title") + "</h2>\n<h3>" +
       t("html.costs.support_title") + "</h3>\n<p>" + t("html.costs.support_intro") +
       first_year_note + "</p>\n";
  p.legend(false);
  h += "<div class=\"grid\">\n";
  if (p.has_series("support_cost_vnd", "all", "yearly"))
    p.year_bars("support-cost", "all", t("html.chart.support_all"), "support_cost_vnd",
                t("html.axis.million_vnd_year"), 1e-6, 1);
  for (const auto& [lever, label] : kLevers) {
    if (p.any_positive("support_cost_vnd", lever))
      p.year_bars("support-cost", lever, tf("html.chart.support_lever", t(label)),
                  "support_cost_vnd", t("html.axis.million_vnd_year"), 1e-6, 1);
  }
  p.total_bars("cost-per-rotation", t("html.chart.cost_per_rotation"),
               {{t("html.bar.cost_per_rotation"), "support_cost_per_rotation_vnd", "all"}},
               t("html.unit.million_vnd"), 1e-6, 1, t("html.note.cost_per_rotation"));
  h += "</div>\n";
  // Income shortfall: words first, then the distribution.
  h += "<h3>" + t("html.income.title") + "</h3>\n<p>" + t("html.income.intro") + "</p>\n<ul>\n";
  json items = json::array();
  for (std::size_t s = 0; s < p.scen.size(); ++s) {
    const Value pooled =
        value_of_summary(member(p.scen[s].pooled, "shortfall_per_move")).scaled(100);
    const Value mean = total_of(p.scen[s].results, "shortfall_mean").scaled(100);
    const Value losing = total_of(p.scen[s].results, "shortfall_positive_share").scaled(100);
    std::string who = p.comparison() ? "<strong>" + esc(p.scen[s].name) + "</strong>: " : "";
    if (!pooled.ok() || !(pooled.n > 0)) {
      h += "<li>" + who + t("html.income.none") + "</li>\n";
      continue;
    }
    h += "<li>" + who +
         tf(pooled.mean >= 0 ? "html.income.lost" : "html.income.gained", num(pooled.n, 0),
            num(std::abs(pooled.mean), 1), num(pooled.p50, 1), num(pooled.p05, 1),
            num(pooled.p95, 1));
    if (mean.ok())
      h += " " + tf("html.income.per_replication", num(mean.mean, 1), interval(mean, 1));
    if (losing.ok()) h += " " + tf("html.income.losing", num(losing.mean, 0));
    h += "</li>\n";
    items.push_back({{"s", s},
                     {"label", p.scen[s].name},
                     {"p05", pooled.p05},
                     {"p50", pooled.p50},
                     {"p95", pooled.p95},
                     {"mean", pooled.mean}});
  }
  h += "</ul>\n";
  if (!items.empty()) {
    h += "<div class=\"grid\">\n";
    p.figure("shortfall", "all", t("html.chart.shortfall"),
             {{"type", "range"},
              {"x", t("html.axis.shortfall")},
              {"unit", "%"},
              {"decimals", 1},
              {"zeroLabel", t("html.axis.no_change")},
              {"include", {0}},
              {"items", std::move(items)}},
             t("html.note.shortfall"), "wide");
    h += "</div>\n";
  }
  h += "</section>\n";
}

void leadership(Page& p) {
  auto& h = p.html;
  std::vector<std::string> titles;
  for (const auto& s : p.scen)
    for (const auto& g : groups_of(s.results, "monthly", "non_native_compliance"))
      if (std::find(titles.begin(), titles.end(), g) == titles.end()) titles.push_back(g);
  const bool eff = p.has_series("effectiveness_key", "all"),
             imb = p.has_series("imbalance_index", "all");
  if (titles.empty() && !eff && !imb) return;
  h += "<section id=\"leadership\"><h2>" + t("html.leadership.title") + "</h2>\n";
  p.legend(true);
  if (!titles.empty()) {
    h += "<h3>" + t("html.non_native.title") + "</h3>\n<p>" + t("html.non_native.intro") +
         "</p>\n<div class=\"grid\">\n";
    for (const auto& t : titles) {
      const auto name = p.names.title.find(t);
      const auto rule = p.names.title_rule.find(t);
      std::string title = (name == p.names.title.end() ? t : name->second);
      if (rule != p.names.title_rule.end() && !rule->second.empty() && rule->second != "none")
        title += " " + tf("html.non_native.rule", rule->second);
      p.time_chart("non-native", t, title, "non_native_compliance", html::t("html.axis.non_native"),
                   100, 1, {0, 100});
    }
    h += "</div>\n";
  }
  if (eff || imb) {
    h += "<h3>" + t("html.effectiveness.title") + "</h3>\n<p>" + t("html.effectiveness.intro") +
         "</p>\n<div class=\"grid\">\n";
    if (eff)
      p.time_chart("effectiveness", "all", t("html.chart.effectiveness"), "effectiveness_key",
                   t("html.axis.effectiveness"), 1, 3, json::array());
    if (imb)
      p.time_chart("imbalance", "all", t("html.chart.imbalance"), "imbalance_index",
                   t("html.axis.imbalance"), 100, 1, {0});
    h += "</div>\n";
  }
  h += "</section>\n";
}

// Party congresses and state elections (from the base scenario's calendar): dotted markers on
// the time charts, when many posts change hands at once.
json markers_of(const std::vector<Scenario>& scen) {
  std::map<std::string, std::string> dates;  // date -> kind, in date order
  if (scen.empty()) return json::array();
  const json* calendar = member(scen.front().resolved, "calendar");
  for (const auto& [key, label] :
       {std::pair<const char*, const char*>{"state_elections", "election"},
        std::pair<const char*, const char*>{"party_congresses", "congress"}}) {
    const json* list = member(calendar, key);
    if (!list || !list->is_array()) continue;
    for (const auto& c : *list)
      if (const std::string d = text_of(&c, "date"); !d.empty()) dates[d] = label;
  }
  // Structural events (docs/model.md § Structural events) are marked like elections.
  if (const json* structure = member(scen.front().resolved, "structure");
      structure && structure->is_array())
    for (const auto& e : *structure)
      if (const std::string d = text_of(&e, "date"); !d.empty()) dates[d] = "structure";
  // Shock cards (docs/scenarios.md § Shock cards): marked with their label.
  std::map<std::string, std::string> shock_labels;
  if (const json* shocks = member(scen.front().resolved, "shocks"); shocks && shocks->is_array())
    for (const auto& c : *shocks)
      if (const std::string d = text_of(&c, "date"); !d.empty()) {
        dates[d] = "shock";
        shock_labels[d] += (shock_labels[d].empty() ? t("html.marker.shock") : std::string("; ")) +
                           text_of(&c, "label");
      }
  json out = json::array();
  for (const auto& [d, kind] : dates)
    out.push_back({{"date", d},
                   {"kind", kind},
                   {"label", kind == "congress"    ? t("html.marker.congress")
                             : kind == "structure" ? t("html.marker.structure")
                             : kind == "shock"     ? shock_labels[d]
                                                   : t("html.marker.election")}});
  return out;
}

// " The first year, 2020, covers July to December only." when the period starts after January.
std::string first_year_note(const std::vector<Scenario>& scen) {
  if (scen.empty()) return {};
  const std::string start = text_of(member(scen.front().resolved, "calendar"), "start");
  if (start.size() < 10 || start.substr(5, 5) == "01-01") return {};
  // The month by its name in English ("1 July 2020" → "July"), by its number in Vietnamese.
  const std::string date = long_date(start);
  std::string month = std::to_string(std::atoi(start.substr(5, 2).c_str()));
  if (page_lang() == Lang::kEn) {
    const std::size_t a = date.find(' '), b = date.rfind(' ');
    if (a == std::string::npos || b <= a) return {};
    month = date.substr(a + 1, b - a - 1);
  }
  return " " + tf("html.first_year", start.substr(0, 4), month);
}

// Personnel actions by managing tier (docs/model.md § Managing tiers): one table per scenario,
// a row per tier (in the order of the scenario's managing_tiers, else of the series).
void managing_tiers(Page& p) {
  static constexpr const char* kActions[] = {"planned", "appointed", "mobilised", "rotated"};
  std::string tables;
  for (std::size_t s = 0; s < p.scen.size(); ++s) {
    const Scenario& sc = p.scen[s];
    std::vector<std::pair<std::string, std::string>> tiers;  // id, display name
    if (const json* list = member(sc.resolved, "managing_tiers"); list && list->is_array())
      for (const auto& t : *list) tiers.emplace_back(text_of(&t, "id"), text_of(&t, "name"));
    for (const auto& g : groups_of(sc.results, "totals", "personnel_actions")) {
      const std::string id = g.substr(0, g.rfind('/'));
      bool known = false;
      for (const auto& t : tiers) known = known || t.first == id;
      if (!known) tiers.emplace_back(id, id);
    }
    std::string rows;
    for (const auto& [id, name] : tiers) {
      std::string row = "<tr><td>" + esc(name.empty() ? id : name) + "</td>";
      bool any = false;
      for (const char* a : kActions) {
        const Value v = total_of(sc.results, "personnel_actions", id + "/" + a);
        any = any || v.ok();
        row +=
            fmt::format("<td>{}<span class=\"ci\">{}</span></td>", num(v.mean, 1), interval(v, 1));
      }
      if (any) rows += row + "</tr>\n";
    }
    if (rows.empty()) continue;
    if (p.comparison())
      tables += fmt::format("<h3><span class=\"chip s{}\"></span>{}</h3>\n", s % kPaletteSize,
                            esc(sc.name));
    tables += fmt::format(
        "<table class=\"figures\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</"
        "th></tr></thead><tbody>\n",
        t("html.tiers.tier"), t("html.tiers.planned"), t("html.tiers.appointed"),
        t("html.tiers.mobilised"), t("html.tiers.rotated"));
    tables += rows + "</tbody></table>\n";
  }
  if (tables.empty()) return;
  p.html += "<section id=\"managing-tiers\"><h2>" + t("html.tiers.title") + "</h2>\n<p>" +
            t("html.tiers.intro") + "</p>\n" + tables + "</section>\n";
}

// The congress pipeline (docs/model.md § Metrics, election_pipeline): for each election of the
// period, one table per scenario with a row per key title: the posts, how many had no ready
// successor before the election, and how they were filled.
void congresses(Page& p) {
  static constexpr const char* kCols[] = {"ready_0",     "ready_1",         "ready_2+",
                                          "reelected",   "ready_successor", "not_ready_successor",
                                          "unit_deputy", "designated",      "held_over",
                                          "left_vacant", "from_outside"};
  std::string tables;
  for (std::size_t s = 0; s < p.scen.size(); ++s) {
    const Scenario& sc = p.scen[s];
    // Groups are "<date>/<title or key or all>/<field>"; dates in order, titles in first-seen
    // order.
    std::vector<std::string> dates, whos;
    for (const auto& g : groups_of(sc.results, "totals", "election_pipeline")) {
      const auto a = g.find('/'), b = g.rfind('/');
      if (a == std::string::npos || b <= a) continue;
      const std::string d = g.substr(0, a), who = g.substr(a + 1, b - a - 1);
      if (std::find(dates.begin(), dates.end(), d) == dates.end()) dates.push_back(d);
      if (std::find(whos.begin(), whos.end(), who) == whos.end()) whos.push_back(who);
    }
    std::sort(dates.begin(), dates.end());
    for (const auto& d : dates) {
      std::string rows;
      for (const auto& who : whos) {
        const Value posts = total_of(sc.results, "election_pipeline", d + "/" + who + "/posts");
        if (!posts.ok() || posts.mean <= 0) continue;
        const std::string name = who == "key"   ? t("html.congress.all_key")
                                 : who == "all" ? t("html.congress.all_elected")
                                                : p.names.title_name(who);
        rows += fmt::format("<tr><td>{}</td><td>{}</td>", esc(name), num(posts.mean, 1));
        for (const char* c : kCols) {
          const Value v = total_of(sc.results, "election_pipeline", d + "/" + who + "/" + c);
          rows += fmt::format("<td>{}<span class=\"ci\">{}</span></td>", num(v.mean, 1),
                              interval(v, 1));
        }
        rows += "</tr>\n";
      }
      if (rows.empty()) continue;
      tables += fmt::format(
          "<h3>{}{}</h3>\n",
          p.comparison()
              ? fmt::format("<span class=\"chip s{}\"></span>{}: ", s % kPaletteSize, esc(sc.name))
              : std::string(),
          esc(d));
      static constexpr const char* kHeads[] = {
          "html.congress.title_column", "html.congress.posts",     "html.congress.ready_0",
          "html.congress.ready_1",      "html.congress.ready_2",   "html.congress.reelected",
          "html.congress.ready",        "html.congress.not_ready", "html.congress.deputy",
          "html.congress.designated",   "html.congress.held_over", "html.congress.vacant",
          "html.congress.outside"};
      tables += "<table class=\"figures congress\"><thead><tr>";
      for (const char* head : kHeads) tables += "<th>" + t(head) + "</th>";
      tables += "</tr></thead><tbody>\n" + rows + "</tbody></table>\n";
    }
  }
  if (tables.empty()) return;
  p.html += "<section id=\"congresses\"><h2>" + t("html.congress.section_title") + "</h2>\n<p>" +
            t("html.congress.intro") + "</p>\n" + tables + "</section>\n";
}

}  // namespace cadresim::analysis::html
