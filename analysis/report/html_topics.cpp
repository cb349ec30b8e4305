// The HTML report's topic sections: vacant posts, successors, rotations, costs and income,
// non-native leaders and effectiveness; and the election markers of the time charts.
#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::find, std::sort, std::min
#include <cmath>      // std::isfinite, std::abs
#include <utility>    // std::pair

#include "analysis/report/html_parts.hpp"

namespace cadresim::analysis::html {

void vacancies(Page& p) {
  auto& h = p.html;
  h += "<section id=\"vacancies\"><h2>Vacant posts over time</h2>\n<p>A post is counted as vacant "
       "at the end of a month when it has no holder; a post covered by an acting cadre still "
       "counts as vacant. Vacancies rise when many terms end at once (congresses, elections) and "
       "with retirements, and fall as posts are filled by successors, rotations, promotions and "
       "recruitment.</p>\n";
  p.legend(true);
  h += "<div class=\"grid\">\n";
  if (p.has_series("vacancies", "all"))
    p.time_chart("vacancies", "all", "Vacant posts, all levels", "vacancies", "Vacant posts", 1, 1,
                 {0});
  if (p.has_series("vacancies_key", "all"))
    p.time_chart("vacancies", "key", "Vacant key posts (leadership), all levels", "vacancies_key",
                 "Vacant key posts", 1, 1, {0}, "all");
  for (const auto& level : p.names.level_ids)
    if (p.has_series("vacancies", level))
      p.time_chart("vacancies", level,
                   "Vacant posts at " + lower(p.names.level_name(level)) + " level", "vacancies",
                   "Vacant posts", 1, 1, {0});
  h += "</div>\n</section>\n";
}

void successors(Page& p) {
  auto& h = p.html;
  h += "<section id=\"successors\"><h2>Key posts with a ready successor</h2>\n<p>The share of key "
       "(leadership) posts for which the succession plan holds at least one, or at least two, "
       "cadres rated <em>ready now</em>. A post without a ready successor must be filled from "
       "further away or stay vacant longer. The bench counts every cadre in the plan, split "
       "between the posts they are planned for (a candidate planned for two posts counts half for "
       "each).</p>\n";
  p.legend(true);
  h += "<div class=\"grid\">\n";
  if (p.has_series("successor_coverage_1", "all"))
    p.time_chart("successor-coverage", "1", "Key posts with at least one ready successor",
                 "successor_coverage_1", "Share of key posts, %", 100, 1, {0, 100}, "all");
  if (p.has_series("successor_coverage_2", "all"))
    p.time_chart("successor-coverage", "2", "Key posts with at least two ready successors",
                 "successor_coverage_2", "Share of key posts, %", 100, 1, {0, 100}, "all");
  if (p.has_series("bench_strength", "all"))
    p.time_chart("bench-strength", "all", "Planned successors per key post (bench)",
                 "bench_strength", "Successors per key post", 1, 2, {0});
  // The plan's structure against the planning targets (QĐ 50: ≥ 25 % women, ≥ 15 % young).
  if (p.has_series("plan_women_share", "all"))
    p.time_chart("plan-structure", "women",
                 "Women among planned successors (target: at least 25 %)", "plan_women_share",
                 "Share of the plan, %", 100, 1, {0, 100}, "all");
  if (p.has_series("plan_young_share", "all"))
    p.time_chart(
        "plan-structure", "young",
        "Young cadres (under the plan's age limit, 40 by default) among planned successors "
        "(target: at least 15 %)",
        "plan_young_share", "Share of the plan, %", 100, 1, {0, 100}, "all");
  h += "</div>\n</section>\n";
}

void rotations(Page& p, const std::string& first_year_note) {
  auto& h = p.html;
  const auto& levels = p.names.level_ids;
  h += "<section id=\"rotations\"><h2>Rotations</h2>\n<p>Rotation moves a cadre from one unit to "
       "another for a fixed time, to train future leaders at the grassroots and to place leaders "
       "outside their home area.</p>\n";
  // Origin -> destination pairs of levels, one chart per scenario (the pairs with rotations).
  h += "<h3>Where rotated cadres came from and went to</h3>\n<p>Number of rotations over the whole "
       "period, by the level of the cadre's post (origin) and the level of the destination post: "
       "the average, with its 95&nbsp;% interval. Only pairs of levels with rotations are "
       "shown.</p>\n<div class=\"grid\">\n";
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
             p.comparison() ? "Rotations by origin and destination level: " + p.scen[s].name
                            : "Rotations by origin and destination level",
             {{"type", "bars"},
              {"y", "Rotations (whole period)"},
              {"decimals", 1},
              {"cats", moved.empty() ? std::move(all) : std::move(moved)},
              {"values", true},
              {"floor", 0}});
  }
  if (p.has_series("rotated_now", "all"))
    p.time_chart("on-rotation", "all", "Cadres away on rotation at the end of each month",
                 "rotated_now", "Cadres on rotation", 1, 1, {0});
  h += "</div>\n";
  // Rotations per year by flow of the plan, with the planned quota.
  std::vector<std::string> flows;
  for (const auto& s : p.scen)
    for (const auto& g : groups_of(s.results, "yearly", "rotations_flow"))
      if (std::find(flows.begin(), flows.end(), g) == flows.end()) flows.push_back(g);
  if (!flows.empty()) {
    h += "<h3>Rotations per year, by flow of the rotation plan</h3>\n<p>Bars: rotations carried "
         "out in each calendar year, with the 95&nbsp;% interval of the average. Dashed marks: the "
         "quota of the annual plan for that flow. A bar below its mark means the plan was not "
         "fulfilled (no eligible cadre, no suitable post, or the offer was refused)." +
         first_year_note + "</p>\n";
    p.legend(false);
    h += "<div class=\"grid\">\n";
    for (const auto& f : flows) {
      if (!p.any_positive("rotations_flow", f) && !p.any_positive("rotation_quota_flow", f))
        continue;  // e.g. no scripted moves
      const auto it = p.names.flow.find(f);
      p.year_bars("rotations-per-year", f, it == p.names.flow.end() ? f : it->second,
                  "rotations_flow", "Rotations per year", 1, 1,
                  f == "scripted" ? "" : "rotation_quota_flow");
    }
    h += "</div>\n";
  }
  // Outcomes.
  h += "<h3>How rotations turned out</h3>\n<p>At the planned end of a rotation the cadre "
       "<em>returns</em> to the home unit, is <em>promoted</em>, or <em>stays</em> at the "
       "destination. Some cadres <em>refuse</em> an offered rotation, mostly when it costs them "
       "income; some <em>return early</em> before the planned end. Counts over the whole period, "
       "with the 95&nbsp;% interval of the average.</p>\n";
  p.legend(false);
  h += "<div class=\"grid\">\n";
  p.total_bars("rotation-outcomes", "Outcomes of rotations (whole period)",
               {{"Returned home at the end", "rotation_outcomes", "returned"},
                {"Promoted at the end", "rotation_outcomes", "promoted"},
                {"Stayed at the destination", "rotation_outcomes", "stayed"},
                {"Offers refused", "refusals", "all"},
                {"Early returns", "early_returns", "all"}},
               "Number of cadres (whole period)", 1, 1);
  p.total_bars(
      "rotation-shares", "Quality of the rotation programme (whole period)",
      {{"Plan fulfilled (rotations / planned quota)", "plan_fulfilment", "all"},
       {"Offers refused (share of offers)", "refusal_share", "all"},
       {"Rated \"completed well\" at the annual evaluation", "completed_well_share", "all"}},
      "Per cent", 100, 1);
  h += "</div>\n</section>\n";
}

// Support levers: the metric group and the words for it.
constexpr std::pair<const char*, const char*> kLevers[] = {
    {"top_up", "Monthly income top-up"},
    {"grant", "One-off relocation grant"},
    {"housing", "Housing"},
    {"travel", "Travel allowance"},
    {"reserved_allowance", "Keeping the old position allowance"},
    {"mentoring", "Mentoring"},
    {"supervision", "Supervision"},
};

void costs(Page& p, const std::string& first_year_note) {
  auto& h = p.html;
  h += "<section id=\"costs\"><h2>Costs and income</h2>\n<h3>Support paid to rotated "
       "cadres</h3>\n<p>What the support policies cost the budget, in million Vietnamese dong "
       "(VND) per calendar year: the total, then each lever that was used. Bars show the average "
       "with its 95&nbsp;% interval." +
       first_year_note + "</p>\n";
  p.legend(false);
  h += "<div class=\"grid\">\n";
  if (p.has_series("support_cost_vnd", "all", "yearly"))
    p.year_bars("support-cost", "all", "Support cost per year, all levers", "support_cost_vnd",
                "Million VND per year", 1e-6, 1);
  for (const auto& [lever, label] : kLevers) {
    if (p.any_positive("support_cost_vnd", lever))
      p.year_bars("support-cost", lever, std::string("Support cost per year: ") + label,
                  "support_cost_vnd", "Million VND per year", 1e-6, 1);
  }
  p.total_bars("cost-per-rotation", "Support cost per rotation",
               {{"Support cost per rotation (move)", "support_cost_per_rotation_vnd", "all"}},
               "Million VND", 1e-6, 1,
               "Total support cost of the period divided by the number of rotations.");
  h += "</div>\n";
  // Income shortfall: words first, then the distribution.
  h += "<h3>Income lost by moving</h3>\n<p>The <em>income shortfall</em> of a move is the monthly "
       "income at the origin post minus the income at the destination (after support payments, and "
       "after the extra costs of keeping a second household and travelling home), as a share of "
       "the income at the origin. A positive shortfall is a loss for the cadre; a negative one is "
       "a gain. Losses make cadres refuse rotations, ask to return early or leave, and lower their "
       "effort while they last.</p>\n<ul>\n";
  json items = json::array();
  for (std::size_t s = 0; s < p.scen.size(); ++s) {
    const Value pooled =
        value_of_summary(member(p.scen[s].pooled, "shortfall_per_move")).scaled(100);
    const Value mean = total_of(p.scen[s].results, "shortfall_mean").scaled(100);
    const Value losing = total_of(p.scen[s].results, "shortfall_positive_share").scaled(100);
    std::string who = p.comparison() ? "<strong>" + esc(p.scen[s].name) + "</strong>: " : "";
    if (!pooled.ok() || !(pooled.n > 0)) {
      h += "<li>" + who + "no rotations, so no income shortfall.</li>\n";
      continue;
    }
    h += "<li>" + who +
         fmt::format(
             "{}ver {} moves in all replications, a rotated cadre {} <strong>{}&nbsp;%</strong> of "
             "monthly income on average (median {}&nbsp;%); 90&nbsp;% of moves lay between "
             "{}&nbsp;% and {}&nbsp;%.",
             who.empty() ? "O" : "o", num(pooled.n, 0), pooled.mean >= 0 ? "lost" : "gained",
             num(std::abs(pooled.mean), 1), num(pooled.p50, 1), num(pooled.p05, 1),
             num(pooled.p95, 1));
    if (mean.ok())
      h += fmt::format(" Averaged per replication: {}&nbsp;% (95&nbsp;% interval {}).",
                       num(mean.mean, 1), interval(mean, 1));
    if (losing.ok()) h += fmt::format(" {}&nbsp;% of moves meant a loss.", num(losing.mean, 0));
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
    p.figure("shortfall", "all", "Income shortfall of a rotated cadre, % of previous income",
             {{"type", "range"},
              {"x", "Income shortfall, % of income before the move (negative: a gain)"},
              {"unit", "%"},
              {"decimals", 1},
              {"zeroLabel", "no change"},
              {"items", std::move(items)}},
             "Bar: the middle 90&nbsp;% of moves (5th to 95th percentile); thick tick: the median; "
             "circle: the mean.",
             "wide");
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
  h += "<section id=\"leadership\"><h2>Non-native leaders, effectiveness and staffing "
       "balance</h2>\n";
  p.legend(true);
  if (!titles.empty()) {
    h += "<h3>Leaders who are not natives of the area</h3>\n<p>For each title with a non-native "
         "rule, the share of its held posts whose holder does not come from the area the post "
         "serves. The rule is <em>required</em> (every holder should be non-native) or "
         "<em>preferred</em>.</p>\n<div class=\"grid\">\n";
    for (const auto& t : titles) {
      const auto name = p.names.title.find(t);
      const auto rule = p.names.title_rule.find(t);
      std::string title = (name == p.names.title.end() ? t : name->second);
      if (rule != p.names.title_rule.end() && !rule->second.empty() && rule->second != "none")
        title += " (non-native " + rule->second + ")";
      p.time_chart("non-native", t, title, "non_native_compliance", "Held by a non-native, %", 100,
                   1, {0, 100});
    }
    h += "</div>\n";
  }
  if (eff || imb) {
    h +=
        "<h3>Effectiveness and staffing balance</h3>\n<p><em>Effectiveness</em> is the average, "
        "over key posts with a holder, of how well the holder performs (1 = full effectiveness): "
        "it drops after a move while the cadre adapts, more so without experience at that level, "
        "and with the lost effort of a cadre who loses income. The <em>imbalance index</em> adds "
        "up, unit by unit, the gap between the posts held and the establishment, as a share of the "
        "establishment (0 = every unit exactly at its establishment).</p>\n<div class=\"grid\">\n";
    if (eff)
      p.time_chart("effectiveness", "all", "Effectiveness of key-post holders", "effectiveness_key",
                   "Effectiveness (1 = full)", 1, 3, json::array());
    if (imb)
      p.time_chart("imbalance", "all", "Staffing imbalance index", "imbalance_index",
                   "Gap, % of establishment", 100, 1, {0});
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
        shock_labels[d] += (shock_labels[d].empty() ? "Shock: " : "; ") + text_of(&c, "label");
      }
  json out = json::array();
  for (const auto& [d, kind] : dates)
    out.push_back({{"date", d},
                   {"kind", kind},
                   {"label", kind == "congress"    ? std::string("Party congress")
                             : kind == "structure" ? std::string("Structural change")
                             : kind == "shock"     ? shock_labels[d]
                                                   : std::string("State election")}});
  return out;
}

// " The first year, 2020, covers July to December only." when the period starts after January.
std::string first_year_note(const std::vector<Scenario>& scen) {
  if (scen.empty()) return {};
  const std::string start = text_of(member(scen.front().resolved, "calendar"), "start");
  if (start.size() < 10 || start.substr(5, 5) == "01-01") return {};
  const std::string month = long_date(start);  // "1 July 2020"
  const std::size_t a = month.find(' '), b = month.rfind(' ');
  if (a == std::string::npos || b <= a) return {};
  return fmt::format(" The first year, {}, covers {} to December only.", start.substr(0, 4),
                     month.substr(a + 1, b - a - 1));
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
    tables +=
        "<table class=\"figures\"><thead><tr><th>Managing tier</th><th>Planned</th><th>Appointed "
        "or elected</th><th>Mobilised</th><th>Rotated</th></tr></thead><tbody>\n" +
        rows + "</tbody></table>\n";
  }
  if (tables.empty()) return;
  p.html +=
      "<section id=\"managing-tiers\"><h2>Personnel actions by managing tier</h2>\n<p>Whole run, "
      "average over the replications with its 95&nbsp;% interval in small type. Planned: cadres "
      "added to a succession plan; appointed or elected: new holders of the posts the tier "
      "manages; mobilised: of those, cadres who came from a post in another unit (not the end of "
      "a rotation); rotated: rotation moves of cadres whose title the tier manages.</p>\n" +
      tables + "</section>\n";
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
        const std::string name = who == "key"   ? std::string("All key posts")
                                 : who == "all" ? std::string("All elected posts")
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
      tables +=
          "<table class=\"figures congress\"><thead><tr><th>Title</th><th>Posts</th><th>No ready "
          "successor</th><th>1 ready</th><th>2+ ready</th><th>Re-elected</th><th>Ready "
          "successor</th><th>Not-ready successor</th><th>Deputy of the unit</th><th>Designated "
          "from any unit</th><th>Held over</th><th>Left vacant</th><th>From outside the "
          "unit</th></tr></thead><tbody>\n" +
          rows + "</tbody></table>\n";
    }
  }
  if (tables.empty()) return;
  p.html +=
      "<section id=\"congresses\"><h2>The pipeline at each congress and state election</h2>\n"
      "<p>For each election in the period and each key title: the posts it elects, how many had "
      "0, 1 or 2+ planned successors rated <em>ready now</em> just before the election, and how "
      "each post was filled on the day: the incumbent re-elected, a ready successor, a successor "
      "not yet ready, an unplanned deputy of the same unit, a cadre designated by the managing "
      "tier from any unit, the outgoing holder held over (nobody eligible), or left vacant. "
      "<em>From outside the unit</em> counts new holders who came from another unit. Average "
      "over the replications, 95&nbsp;% interval in small type.</p>\n" +
      tables + "</section>\n";
}

}  // namespace cadresim::analysis::html
