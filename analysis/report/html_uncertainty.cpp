// Sections of report.html for what variants change and for the uncertainty from assumptions.
#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::abs, std::isfinite
#include <utility>    // std::pair
#include <vector>     // std::vector

#include "analysis/report/html_parts.hpp"

namespace cadresim::analysis::html {

namespace {
std::string shown(const json& v) {
  if (v.is_null()) return "<em>" + t("html.changes.absent") + "</em>";
  std::string s = v.dump();
  if (s.size() > 120) s = s.substr(0, 117) + "...";
  return "<code>" + esc(s) + "</code>";
}
}  // namespace

void changes(Page& p, const json& report) {
  const json* list = member(&report, "scenarios");
  if (!list || !list->is_array()) return;
  std::string body;
  for (const auto& s : *list) {
    const json* ch = member(&s, "changes");
    const json* items = member(ch, "list");
    if (!items || !items->is_array() || items->empty()) continue;
    body += "<h3>" +
            tf("html.changes.compared", esc(text_of(&s, "name")),
               esc(bare_source(text_of(ch, "from")))) +
            "</h3>\n";
    body += fmt::format(
        "<table "
        "class=\"figures\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
        t("html.changes.pointer"), t("html.changes.base"), t("html.changes.variant"));
    for (const auto& c : *items)
      body += fmt::format("<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>\n",
                          esc(text_of(&c, "pointer")), shown(c.value("base", json())),
                          shown(c.value("variant", json())));
    body += "</tbody></table>\n";
  }
  if (body.empty()) return;
  p.html += "<section id=\"changes\"><h2>" + t("html.changes.title") + "</h2>\n<p>" +
            t("html.changes.intro") + "</p>\n" + body + "</section>\n";
}

void uncertainty(Page& p, const json& report) {
  const json* list = member(&report, "scenarios");
  if (!list || !list->is_array() || list->empty()) return;
  const json* u = member(&(*list)[0], "uncertainty");
  const json* heads = member(u, "headlines");
  if (!heads || !heads->is_array() || heads->empty()) return;
  auto& h = p.html;
  h += "<section id=\"uncertainty\"><h2>" + t("html.uncertainty.title") + "</h2>\n";
  h += "<p>" +
       tf("html.uncertainty.intro", number_of(u, "sets"), number_of(u, "replications_per_set")) +
       "</p>\n";
  h += fmt::format(
      "<table class=\"figures\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</"
      "th></tr></thead><tbody>\n",
      t("html.col.indicator"), t("html.col.average"), t("html.uncertainty.chance"),
      t("html.uncertainty.total"), t("html.uncertainty.share"));
  std::string words;
  std::vector<std::pair<std::string, json>> charts;  // metric, chart specification
  for (const auto& hd : *heads) {
    const json* mc = member(&hd, "monte_carlo");
    const json* tot = member(&hd, "total");
    const double m = number_of(mc, "mean"), lo = number_of(mc, "ci_low"),
                 hi = number_of(mc, "ci_high");
    const double tl = number_of(tot, "low"), th = number_of(tot, "high");
    const double share = number_of(member(&hd, "variance"), "assumption_share");
    const std::string metric = text_of(&hd, "metric");
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}&nbsp;%</td></tr>\n",
                     esc(metric), num(m, 3), tf("html.interval", num(lo, 3), num(hi, 3)),
                     tf("html.interval", num(tl, 3), num(th, 3)), num(100 * share, 0));
    auto f = [](double x) { return std::isfinite(x) ? json(x) : json(nullptr); };
    charts.emplace_back(metric, json{{"type", "range"},
                                     {"x", metric},
                                     {"decimals", 3},
                                     {"columns", {"band", "low", "high", "mean"}},
                                     {"items",
                                      {{{"s", 0},
                                        {"label", t("html.uncertainty.band_chance")},
                                        {"p05", f(lo)},
                                        {"p95", f(hi)},
                                        {"mean", f(m)}},
                                       {{"s", 1},
                                        {"label", t("html.uncertainty.band_total")},
                                        {"p05", f(tl)},
                                        {"p95", f(th)},
                                        {"mean", f(m)}}}}});
    const json* sens = member(&hd, "sensitivity");
    if (sens && sens->is_array() && !sens->empty()) {
      std::string top;
      for (std::size_t i = 0; i < sens->size() && i < 3; ++i) {
        const double src = number_of(&(*sens)[i], "src");
        if (i > 0) top += i + 1 == 3 ? t("html.uncertainty.and") : std::string(", ");
        top += tf(src >= 0 ? "html.uncertainty.raise" : "html.uncertainty.lower",
                  esc(text_of(&(*sens)[i], "pointer")), signed_num(src, 2));
      }
      words += "<li>" + tf("html.uncertainty.matters", esc(metric), num(100 * share, 0), top) +
               "</li>\n";
    }
  }
  h += fmt::format("</tbody></table>\n<p class=\"note\">{}</p>\n<div class=\"grid\">\n",
                   t("html.uncertainty.note"));
  for (auto& [metric, spec] : charts)
    p.figure("uncertainty", metric, tf("html.uncertainty.chart_title", metric), std::move(spec));
  h += "</div>\n";
  if (!words.empty())
    h += "<h3>" + t("html.uncertainty.matter_title") + "</h3>\n<p>" +
         t("html.uncertainty.matter_intro") + "</p><ul>\n" + words + "</ul>\n";
  h += "</section>\n";
}

}  // namespace cadresim::analysis::html
