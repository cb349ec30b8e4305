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
  if (v.is_null()) return "<em>absent</em>";
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
    body += fmt::format("<h3>{} compared with {}</h3>\n", esc(text_of(&s, "name")),
                        esc(bare_source(text_of(ch, "from"))));
    body +=
        "<table class=\"figures\"><thead><tr><th>JSON pointer</th><th>base value</th><th>this "
        "scenario</th></tr></thead><tbody>\n";
    for (const auto& c : *items)
      body += fmt::format("<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>\n",
                          esc(text_of(&c, "pointer")), shown(c.value("base", json())),
                          shown(c.value("variant", json())));
    body += "</tbody></table>\n";
  }
  if (body.empty()) return;
  p.html +=
      "<section id=\"changes\"><h2>What each scenario changes</h2>\n<p>Every value that "
      "differs from the base scenario, after <code>extends</code>, JSON Patch operations and "
      "<code>--set</code> overrides, with defaults filled in.</p>\n" +
      body + "</section>\n";
}

void uncertainty(Page& p, const json& report) {
  const json* list = member(&report, "scenarios");
  if (!list || !list->is_array() || list->empty()) return;
  const json* u = member(&(*list)[0], "uncertainty");
  const json* heads = member(u, "headlines");
  if (!heads || !heads->is_array() || heads->empty()) return;
  auto& h = p.html;
  h += "<section id=\"uncertainty\"><h2>How sure are these figures? Chance and assumptions</h2>\n";
  h += fmt::format(
      "<p>Many behavioural parameters are assumptions. Each was given a plausible range in the "
      "scenario; {} parameter sets were drawn from those ranges (Latin hypercube) and each was "
      "run {} times with the same random numbers as the main run. The <b>narrow band</b> is the "
      "95&nbsp;% interval from chance alone (the main run); the <b>wide band</b> is where "
      "95&nbsp;% "
      "of the parameter sets' averages fell: chance and assumptions together.</p>\n",
      number_of(u, "sets"), number_of(u, "replications_per_set"));
  h += "<table class=\"figures\"><thead><tr><th>Indicator</th><th>Average</th><th>Chance only "
       "(95&nbsp;%)</th><th>Chance and assumptions (95&nbsp;%)</th><th>Share of the variance from "
       "assumptions</th></tr></thead><tbody>\n";
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
    h += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{} to {}</td><td>{} to {}</td><td>{}&nbsp;%"
        "</td></tr>\n",
        esc(metric), num(m, 3), num(lo, 3), num(hi, 3), num(tl, 3), num(th, 3),
        num(100 * share, 0));
    auto f = [](double x) { return std::isfinite(x) ? json(x) : json(nullptr); };
    charts.emplace_back(
        metric,
        json{{"type", "range"},
             {"x", metric},
             {"decimals", 3},
             {"columns", {"band", "low", "high", "mean"}},
             {"items",
              {{{"s", 0}, {"label", "Chance only"}, {"p05", f(lo)}, {"p95", f(hi)}, {"mean", f(m)}},
               {{"s", 1},
                {"label", "Chance and assumptions"},
                {"p05", f(tl)},
                {"p95", f(th)},
                {"mean", f(m)}}}}});
    const json* sens = member(&hd, "sensitivity");
    if (sens && sens->is_array() && !sens->empty()) {
      std::string top;
      for (std::size_t i = 0; i < sens->size() && i < 3; ++i) {
        const double src = number_of(&(*sens)[i], "src");
        top += fmt::format("{}<code>{}</code> (higher values {} it; coefficient {})",
                           i == 0 ? "" : (i + 1 == 3 ? " and " : ", "),
                           esc(text_of(&(*sens)[i], "pointer")), src >= 0 ? "raise" : "lower",
                           signed_num(src, 2));
      }
      words += fmt::format(
          "<li><b>{}</b>: {}&nbsp;% of the variance comes from the assumptions; "
          "the assumptions that matter most are {}.</li>\n",
          esc(metric), num(100 * share, 0), top);
    }
  }
  h += "</tbody></table>\n<p class=\"note\">For each indicator: the 95&nbsp;% band from chance "
       "only (blue) and from chance and assumptions (orange); circle: the average of the main "
       "run.</p>\n<div class=\"grid\">\n";
  for (auto& [metric, spec] : charts)
    p.figure("uncertainty", metric, metric + ": chance and assumptions", std::move(spec));
  h += "</div>\n";
  if (!words.empty())
    h += "<h3>Which assumptions matter most</h3>\n<p>Ranked by the standardized regression "
         "coefficient of each headline's set average on the sampled values (docs/model.md, "
         "Uncertainty from assumptions).</p><ul>\n" +
         words + "</ul>\n";
  h += "</section>\n";
}

}  // namespace cadresim::analysis::html
