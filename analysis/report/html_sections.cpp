// The HTML report's opening sections: the header with provenance, how to read the page, the key
// figures and, for a comparison, the paired differences.
#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::find, std::sort, std::min
#include <cmath>      // std::isfinite, std::abs
#include <utility>    // std::pair

#include "analysis/report/html_parts.hpp"

namespace cadresim::analysis::html {

void header(Page& p, const json& report) {
  const auto& scen = p.scen;
  const Scenario* base = scen.empty() ? nullptr : &scen.front();
  const json* calendar = base ? member(base->resolved, "calendar") : nullptr;
  std::string start = text_of(calendar, "start"), end = text_of(calendar, "end");
  if (start.empty() && base) {  // fall back on the monthly dates
    const json* dates = member(entry(base->results, "monthly", "vacancies", "all"), "dates");
    if (dates && dates->is_array() && !dates->empty() && dates->front().is_string()) {
      start = dates->front().get<std::string>();
      end = dates->back().is_string() ? dates->back().get<std::string>() : std::string();
    }
  }
  std::string& h = p.html;
  h += "<header class=\"report\">\n";
  if (p.comparison()) {
    h += fmt::format("<h1>Policy comparison: {} and {} variant{}</h1>\n", esc(base->name),
                     scen.size() - 1, scen.size() > 2 ? "s" : "");
  } else {
    h += fmt::format("<h1>Cadre rotation and succession: {}</h1>\n",
                     esc(base ? base->name : "no scenario"));
  }
  h += "<p class=\"lede\">Simulated future of posts, successors and rotations";
  if (!start.empty()) h += " from " + esc(long_date(start)) + " to " + esc(long_date(end));
  h += fmt::format(
      ", {} replication{} of chance events (retirements, exits, who accepts a rotation) per "
      "scenario.</p>\n",
      text_of(&report, "replications", "?"), text_of(&report, "replications") == "1" ? "" : "s");
  h += "<dl class=\"facts\">\n";
  for (std::size_t s = 0; s < scen.size(); ++s) {
    const std::string role = !p.comparison() ? "Scenario" : s == 0 ? "Base scenario" : "Variant";
    h += fmt::format(
        "<dt>{}</dt><dd>{}<strong>{}</strong>{}{}</dd>\n", role,
        p.comparison() ? fmt::format("<span class=\"chip s{}\"></span>", s % kPaletteSize) : "",
        esc(scen[s].name), scen[s].description.empty() ? "" : " \u2014 " + esc(scen[s].description),
        scen[s].source.empty()
            ? ""
            : " <span class=\"note\">(" + esc(bare_source(scen[s].source)) + ")</span>");
  }
  if (!start.empty())
    h += fmt::format("<dt>Period</dt><dd>{} to {}</dd>\n", esc(long_date(start)),
                     esc(long_date(end)));
  h +=
      fmt::format("<dt>Replications</dt><dd>{}</dd>\n", esc(text_of(&report, "replications", "?")));
  h += fmt::format("<dt>Random seed</dt><dd>{}</dd>\n", esc(text_of(&report, "seed", "?")));
  h += fmt::format("<dt>cadresim version</dt><dd>{}</dd>\n",
                   esc(text_of(member(&report, "cadresim"), "version", "?")));
  h += fmt::format("<dt>Created</dt><dd>{}</dd>\n",
                   esc(long_time(text_of(&report, "created", "?"))));
  if (const std::string cmd = text_of(&report, "command"); !cmd.empty())
    h += fmt::format("<dt>Command</dt><dd><code>{}</code></dd>\n", esc(cmd));
  h += "</dl>\n";
  const json* warnings = member(&report, "warnings");
  if (warnings && warnings->is_array() && !warnings->empty()) {
    h += "<div class=\"warnings\" id=\"warnings\"><strong>Warnings</strong><ul>";
    for (const auto& w : *warnings)
      h += "<li>" + esc(w.is_string() ? w.get<std::string>() : w.dump()) + "</li>";
    h += "</ul></div>\n";
  }
  h += "<div class=\"errors\" id=\"render-errors\" data-lead=\"Some charts could not be drawn:\" "
       "hidden></div>\n";
  h += "<noscript><div class=\"errors\">The charts need JavaScript; the tables below do "
       "not.</div></noscript>\n";
  h += "</header>\n";
}

void how_to_read(Page& p, const json& report) {
  p.html += fmt::format(
      "<aside class=\"howto\" id=\"how-to-read\"><h2>How to read this report</h2>\n<p>The model "
      "follows every post and cadre month by month and replays the same period {} times, each time "
      "with different chance events. Charts show the <strong>average</strong> over these "
      "replications as a line. The band around it is the <strong>95&nbsp;% interval of the "
      "average</strong>: with more replications the average would very likely stay inside it. ",
      esc(text_of(&report, "replications", "several")));
  p.html += p.comparison()
                ? "Each scenario has its own colour. "
                : "The lighter, wider band shows where <strong>90&nbsp;% of the individual "
                  "replications</strong> fell (5th to 95th percentile): the spread of futures that "
                  "chance alone produces. ";
  p.html +=
      "Dotted vertical lines mark party congresses and state elections, when many posts change "
      "hands.";
  if (!p.scen.empty() && member(p.scen.front().resolved, "structure") != nullptr)
    p.html +=
        " A line marked <em>Structural change</em> is a date on which units were merged, created "
        "or "
        "abolished: posts of units that ended stop counting, their holders were placed in the new "
        "units' posts by rank or became surplus, and new posts opened.";
  p.html += "</p>\n";
  if (p.comparison())
    p.html +=
        "<p>In a comparison every scenario replays the <strong>same chance events</strong> for "
        "each cadre (common random numbers), so a difference comes from the policy and not from "
        "luck. Differences are measured replication by replication (<strong>paired</strong>); "
        "their 95&nbsp;% interval is usually much narrower than the overlap of the two bands "
        "suggests. When that interval contains zero the report says <em>no clear difference</em>: "
        "the policy may still have an effect, but this run cannot tell it apart from chance.</p>\n";
  p.html +=
      "<p>The results depend on the assumptions in the scenario file; use them to compare policies "
      "rather than as a forecast of exact numbers. Hover over a chart to read its "
      "values; under each chart, <em>The numbers behind this chart</em> lists them and a button "
      "downloads them as a CSV file.</p></aside>\n";
}

void key_figures(Page& p) {
  auto& h = p.html;
  h += "<section id=\"key-figures\"><h2>Key figures</h2>\n";
  if (!p.comparison()) {
    h += "<p>Average over the replications, the 95&nbsp;% interval of that average, and the range "
         "that 90&nbsp;% of single replications fell in.</p>\n";
    h += "<table class=\"figures\"><thead><tr><th>Indicator</th><th>Average</th><th>95&nbsp;% "
         "interval</th><th>90&nbsp;% of replications</th></tr></thead><tbody>\n";
    for (const auto& hl : kHeadlines) {
      const Value v = p.scen.empty() ? Value{} : headline_value(p.scen.front().results, hl);
      if (!v.ok()) continue;
      h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{} to {}</td></tr>\n",
                       esc(hl.label), num(v.mean, hl.decimals), interval(v, hl.decimals),
                       num(v.p05, hl.decimals), num(v.p95, hl.decimals));
    }
    h += "</tbody></table></section>\n";
    return;
  }
  h += "<p>Average of each scenario, with the 95&nbsp;% interval of the average in small type. The "
       "section above gives the paired differences.</p>\n";
  h += "<table class=\"figures\"><thead><tr><th>Indicator</th>";
  for (std::size_t s = 0; s < p.scen.size(); ++s)
    h += fmt::format("<th><span class=\"chip s{}\"></span>{}</th>", s % kPaletteSize,
                     esc(p.scen[s].name));
  h += "</tr></thead><tbody>\n";
  for (const auto& hl : kHeadlines) {
    std::string row = "<tr><td>" + esc(hl.label) + "</td>";
    bool any = false;
    for (const auto& s : p.scen) {
      const Value v = headline_value(s.results, hl);
      any = any || v.ok();
      row += fmt::format("<td>{}<span class=\"ci\">{}</span></td>", num(v.mean, hl.decimals),
                         interval(v, hl.decimals));
    }
    if (any) h += row + "</tr>\n";
  }
  h += "</tbody></table></section>\n";
}

void differences(Page& p) {
  if (!p.comparison()) return;
  auto& h = p.html;
  const Scenario& base = p.scen.front();
  h += "<section id=\"differences\"><h2>Differences from the base scenario</h2>\n";
  h += fmt::format(
      "<p>Each variant minus <strong>{}</strong>, paired by replication (common random numbers). A "
      "difference whose 95&nbsp;% interval contains zero is marked <em>no clear difference</em>. "
      "\u201cBetter\u201d and \u201cworse\u201d read the direction of a clear difference: fewer "
      "vacancies are better, a higher cost is worse.</p>\n",
      esc(base.name));
  for (std::size_t v = 1; v < p.scen.size(); ++v) {
    const Scenario& var = p.scen[v];
    h += fmt::format("<h3><span class=\"chip s{}\"></span>{} versus {}</h3>\n", v % kPaletteSize,
                     esc(var.name), esc(base.name));
    if (!var.difference) {
      h += "<p class=\"note\">This report holds no paired difference for this variant.</p>\n";
      continue;
    }
    h += fmt::format(
        "<table class=\"figures differences\" "
        "data-variant=\"{}\"><thead><tr><th>Indicator</th><th>{}</th><th>{}</th><th>Difference</"
        "th><th>95&nbsp;% interval of the "
        "difference</th><th>Change</th><th>Reading</th></tr></thead><tbody>\n",
        esc(var.name), esc(base.name), esc(var.name));
    for (const auto& hl : kHeadlines) {
      const Value b = headline_value(base.results, hl), x = headline_value(var.results, hl);
      const Value d = headline_value(var.difference, hl);
      if (!d.ok()) continue;
      const Verdict vd = verdict(d, hl.better);
      // A change of a percentage is given in percentage points.
      const std::string change = hl.scale == 100 ? signed_num(d.mean, 1) + "&nbsp;pp"
                                 : b.ok() && std::abs(b.mean) > 1e-12
                                     ? signed_num(100 * d.mean / std::abs(b.mean), 1) + "&nbsp;%"
                                     : "–";
      h += fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td "
          "class=\"{}\">{}</td></tr>\n",
          esc(hl.label), num(b.mean, hl.decimals), num(x.mean, hl.decimals),
          signed_num(d.mean, hl.decimals), interval(d, hl.decimals), change, vd.css, vd.words);
    }
    h += "</tbody></table>\n";
    // Cost-effectiveness, only where the effect is clear and in the right direction.
    const Value dcost = total_of(var.difference, "support_cost_vnd").scaled(1e-6);
    struct Effect {
      const char* what;
      Value d;
      int better;
    };
    const Effect effects[] = {
        {"vacancy-month avoided", total_of(var.difference, "vacancy_months"), -1},
        {"percentage point more key posts with a ready successor (average over month ends)",
         total_of(var.difference, "successor_coverage_1_run_mean").scaled(100), 1},
        {"early return from rotation avoided", total_of(var.difference, "early_returns"), -1},
    };
    if (dcost.ok()) {
      h += "<table class=\"figures cost-effectiveness\"><thead><tr><th>Extra support cost per "
           "…</th><th>Million VND</th></tr></thead><tbody>\n";
      for (const auto& e : effects) {
        std::string cell;
        const Verdict vd = verdict(e.d, e.better);
        if (std::string_view(vd.css) != "better")
          cell = "<td class=\"unclear\">not meaningful: no clear improvement</td>";
        else if (dcost.mean <= 0)
          cell = "<td class=\"better\">no extra cost</td>";
        else
          cell = "<td>" + num(dcost.mean / std::abs(e.d.mean), 1) + "</td>";
        h += fmt::format("<tr><td>{}</td>{}</tr>\n", esc(e.what), cell);
      }
      h += "</tbody></table>\n";
    }
  }
  // The paired differences over time.
  h += "<h3>Differences over time</h3>\n<p>Variant minus base, month by month, with the 95&nbsp;% "
       "interval of the paired difference. Where the band crosses the zero line the difference is "
       "not clear at that date.</p>\n";
  p.legend(true, 1);
  h += "<div class=\"grid\">\n";
  struct DiffChart {
    const char* metric;
    const char* title;
    const char* y;
    double scale;
    int decimals;
  };
  constexpr DiffChart kDiff[] = {
      {"vacancies", "Vacant posts: difference from the base", "Difference, posts", 1, 1},
      {"vacancies_key", "Vacant key posts: difference from the base", "Difference, posts", 1, 1},
      {"successor_coverage_1", "Key posts with a ready successor: difference",
       "Difference, percentage points", 100, 1},
      {"rotated_now", "Cadres away on rotation: difference", "Difference, cadres", 1, 1},
  };
  for (const auto& c : kDiff) {
    json spec{{"type", "time"},  {"y", c.y},         {"scale", c.scale}, {"decimals", c.decimals},
              {"include", {0}},  {"zeroLine", true}, {"range", false},   {"series", json::array()},
              {"markers", false}};
    for (std::size_t v = 1; v < p.scen.size(); ++v) {
      if (!entry(p.scen[v].difference, "monthly", c.metric, "all")) continue;
      json r = p.series_ref(v, c.metric, "all", "difference_from_base");
      spec["series"].push_back(r);
      spec["bands"] = true;
    }
    if (spec["series"].empty()) continue;
    p.figure("difference", c.metric, c.title, std::move(spec));
  }
  h += "</div>\n</section>\n";
}

}  // namespace cadresim::analysis::html
