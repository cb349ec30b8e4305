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
    h += "<h1>" +
         tf(scen.size() > 2 ? "html.h1.comparison_variants" : "html.h1.comparison", esc(base->name),
            scen.size() - 1) +
         "</h1>\n";
  } else {
    h += "<h1>" + tf("html.h1.run", esc(base ? base->name : t("html.no_scenario"))) + "</h1>\n";
  }
  h += "<p class=\"lede\">" + t("html.lede");
  if (!start.empty()) h += tf("html.lede.period", esc(long_date(start)), esc(long_date(end)));
  h += tf(text_of(&report, "replications") == "1" ? "html.lede.replication"
                                                  : "html.lede.replications",
          esc(text_of(&report, "replications", "?"))) +
       "</p>\n";
  h += "<dl class=\"facts\">\n";
  for (std::size_t s = 0; s < scen.size(); ++s) {
    const std::string role = t(!p.comparison() ? "html.facts.scenario"
                               : s == 0        ? "html.facts.base"
                                               : "html.facts.variant");
    h += fmt::format(
        "<dt>{}</dt><dd>{}<strong>{}</strong>{}{}</dd>\n", role,
        p.comparison() ? fmt::format("<span class=\"chip s{}\"></span>", s % kPaletteSize) : "",
        esc(scen[s].name), scen[s].description.empty() ? "" : " \u2014 " + esc(scen[s].description),
        scen[s].source.empty()
            ? ""
            : " <span class=\"note\">(" + esc(bare_source(scen[s].source)) + ")</span>");
  }
  if (!start.empty())
    h += fmt::format("<dt>{}</dt><dd>{}</dd>\n", t("html.facts.period"),
                     tf("html.period", esc(long_date(start)), esc(long_date(end))));
  h += fmt::format("<dt>{}</dt><dd>{}</dd>\n", t("html.facts.replications"),
                   esc(text_of(&report, "replications", "?")));
  h += fmt::format("<dt>{}</dt><dd>{}</dd>\n", t("html.facts.seed"),
                   esc(text_of(&report, "seed", "?")));
  h += fmt::format("<dt>{}</dt><dd>{}</dd>\n", t("html.facts.version"),
                   esc(text_of(member(&report, "cadresim"), "version", "?")));
  h += fmt::format("<dt>{}</dt><dd>{}</dd>\n", t("html.facts.created"),
                   esc(long_time(text_of(&report, "created", "?"))));
  if (const std::string cmd = text_of(&report, "command"); !cmd.empty())
    h += fmt::format("<dt>{}</dt><dd><code>{}</code></dd>\n", t("html.facts.command"), esc(cmd));
  h += "</dl>\n";
  const json* warnings = member(&report, "warnings");
  if (warnings && warnings->is_array() && !warnings->empty()) {
    h += "<div class=\"warnings\" id=\"warnings\"><strong>" + t("html.warnings") + "</strong><ul>";
    for (const auto& w : *warnings)
      h += "<li>" + esc(w.is_string() ? w.get<std::string>() : w.dump()) + "</li>";
    h += "</ul></div>\n";
  }
  h += fmt::format("<div class=\"errors\" id=\"render-errors\" data-lead=\"{}\" hidden></div>\n",
                   t("html.render_errors_lead"));
  h += "<noscript><div class=\"errors\">" + t("html.noscript") + "</div></noscript>\n";
  h += "</header>\n";
}

void how_to_read(Page& p, const json& report) {
  p.html += "<aside class=\"howto\" id=\"how-to-read\"><h2>" + t("html.howto.title") +
            "</h2>\n<p>" + tf("html.howto.model", esc(text_of(&report, "replications", "?"))) + " ";
  p.html += t(p.comparison() ? "html.howto.colours" : "html.howto.spread") + " ";
  p.html += t("html.howto.lines");
  if (!p.scen.empty() && member(p.scen.front().resolved, "structure") != nullptr)
    p.html += " " + t("html.howto.structure");
  p.html += "</p>\n";
  if (p.comparison()) p.html += "<p>" + t("html.howto.paired") + "</p>\n";
  p.html += "<p>" + t("html.howto.assumptions") + "</p></aside>\n";
}

void key_figures(Page& p) {
  auto& h = p.html;
  h += "<section id=\"key-figures\"><h2>" + t("html.key.title") + "</h2>\n";
  if (!p.comparison()) {
    h += "<p>" + t("html.key.run_intro") + "</p>\n";
    h += fmt::format(
        "<table class=\"figures\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></"
        "thead><tbody>\n",
        t("html.col.indicator"), t("html.col.average"), t("html.col.interval"),
        t("html.col.spread"));
    for (const auto& hl : kHeadlines) {
      const Value v = p.scen.empty() ? Value{} : headline_value(p.scen.front().results, hl);
      if (!v.ok() && !v.applies_nowhere()) continue;
      h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(t(hl.label)),
                       figure(v, hl.decimals), interval(v, hl.decimals),
                       v.applies_nowhere()
                           ? std::string("–")
                           : tf("html.interval", num(v.p05, hl.decimals), num(v.p95, hl.decimals)));
    }
    h += "</tbody></table></section>\n";
    return;
  }
  h += "<p>" + t("html.key.compare_intro") + "</p>\n";
  h += "<table class=\"figures\"><thead><tr><th>" + t("html.col.indicator") + "</th>";
  for (std::size_t s = 0; s < p.scen.size(); ++s)
    h += fmt::format("<th><span class=\"chip s{}\"></span>{}</th>", s % kPaletteSize,
                     esc(p.scen[s].name));
  h += "</tr></thead><tbody>\n";
  for (const auto& hl : kHeadlines) {
    std::string row = "<tr><td>" + esc(t(hl.label)) + "</td>";
    bool any = false;
    for (const auto& s : p.scen) {
      const Value v = headline_value(s.results, hl);
      any = any || v.ok() || v.applies_nowhere();
      row += fmt::format("<td>{}<span class=\"ci\">{}</span></td>", figure(v, hl.decimals),
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
  h += "<section id=\"differences\"><h2>" + t("html.diff.title") + "</h2>\n";
  h += "<p>" + tf("html.diff.intro", esc(base.name)) + "</p>\n";
  for (std::size_t v = 1; v < p.scen.size(); ++v) {
    const Scenario& var = p.scen[v];
    h += fmt::format("<h3><span class=\"chip s{}\"></span>{}</h3>\n", v % kPaletteSize,
                     tf("html.versus", esc(var.name), esc(base.name)));
    if (!var.difference) {
      h += "<p class=\"note\">" + t("html.diff.none") + "</p>\n";
      continue;
    }
    h += fmt::format(
        "<table class=\"figures differences\" "
        "data-variant=\"{}\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</"
        "th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
        esc(var.name), t("html.col.indicator"), esc(base.name), esc(var.name),
        t("html.col.difference"), t("html.col.difference_interval"), t("html.col.change"),
        t("html.col.reading"));
    for (const auto& hl : kHeadlines) {
      const Value b = headline_value(base.results, hl), x = headline_value(var.results, hl);
      const Value d = headline_value(var.difference, hl);
      if (!d.ok() && !d.applies_nowhere()) continue;  // applies nowhere: shown as such
      const Verdict vd = verdict(d, hl.better);
      // A change of a percentage is given in percentage points.
      const std::string change = d.applies_nowhere() ? std::string("–")
                                 : hl.scale == 100
                                     ? signed_num(d.mean, 1) + "&nbsp;" + t("html.unit.pp")
                                 : b.ok() && std::abs(b.mean) > 1e-12
                                     ? signed_num(100 * d.mean / std::abs(b.mean), 1) + "&nbsp;%"
                                     : "–";
      h += fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td "
          "class=\"{}\">{}</td></tr>\n",
          esc(t(hl.label)), figure(b, hl.decimals), figure(x, hl.decimals),
          d.applies_nowhere() ? figure(d, hl.decimals) : signed_num(d.mean, hl.decimals),
          interval(d, hl.decimals), change, vd.css, vd.words);
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
        {"html.cost.vacancy_month", total_of(var.difference, "vacancy_months"), -1},
        {"html.cost.coverage_point",
         total_of(var.difference, "successor_coverage_1_run_mean").scaled(100), 1},
        {"html.cost.early_return", total_of(var.difference, "early_returns"), -1},
    };
    if (dcost.ok()) {
      h += fmt::format(
          "<table class=\"figures cost-effectiveness\"><thead><tr><th>{}</th><th>{}</th></tr></"
          "thead><tbody>\n",
          t("html.cost.per"), t("html.unit.million_vnd"));
      for (const auto& e : effects) {
        std::string cell;
        const Verdict vd = verdict(e.d, e.better);
        if (std::string_view(vd.css) != "better")
          cell = "<td class=\"unclear\">" + t("html.cost.not_meaningful") + "</td>";
        else if (dcost.mean <= 0)
          cell = "<td class=\"better\">" + t("html.cost.no_extra") + "</td>";
        else
          cell = "<td>" + num(dcost.mean / std::abs(e.d.mean), 1) + "</td>";
        h += fmt::format("<tr><td>{}</td>{}</tr>\n", esc(t(e.what)), cell);
      }
      h += "</tbody></table>\n";
    }
  }
  // The paired differences over time.
  h += "<h3>" + t("html.diff.over_time") + "</h3>\n<p>" + t("html.diff.over_time_intro") + "</p>\n";
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
      {"vacancies", "html.diff.chart.vacancies", "html.diff.axis.posts", 1, 1},
      {"vacancies_key", "html.diff.chart.vacancies_key", "html.diff.axis.posts", 1, 1},
      {"successor_coverage_1", "html.diff.chart.coverage", "html.diff.axis.points", 100, 1},
      {"rotated_now", "html.diff.chart.rotated", "html.diff.axis.cadres", 1, 1},
  };
  for (const auto& c : kDiff) {
    json spec{{"type", "time"},  {"y", t(c.y)},      {"scale", c.scale}, {"decimals", c.decimals},
              {"include", {0}},  {"zeroLine", true}, {"range", false},   {"series", json::array()},
              {"markers", false}};
    for (std::size_t v = 1; v < p.scen.size(); ++v) {
      if (!entry(p.scen[v].difference, "monthly", c.metric, "all")) continue;
      json r = p.series_ref(v, c.metric, "all", "difference_from_base");
      spec["series"].push_back(r);
      spec["bands"] = true;
    }
    if (spec["series"].empty()) continue;
    p.figure("difference", c.metric, t(c.title), std::move(spec));
  }
  h += "</div>\n</section>\n";
}

}  // namespace cadresim::analysis::html
