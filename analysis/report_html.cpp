// The self-contained HTML report (report.html): one file with inline styles, script and data
// that opens offline. The page's fixed markup, styles and scripts are resource files embedded at
// build time (analysis/report/report.html.in, report.css, charts.js, report.js, and Chart.js
// from Debian's libjs-chart.js); this file fills the
// template. The sections (analysis/report/html_sections.cpp, html_topics.cpp) write the story —
// header, words, tables and per chart an empty <div class="chart" data-chart="...">, its CSV
// download button and its table of numbers — plus a list of chart specifications; the script
// (report.js, with charts.js on the inlined Chart.js) draws each chart from the embedded
// report.json data. Nothing is fetched: no addresses, fonts or libraries. Time series are
// referenced by (scenario, metric, group) and read from the embedded data; small tables of
// numbers (bars, the rotations by origin and destination) are resolved in C++.
#include <fmt/core.h>  // fmt::format

#include <string>  // std::string
#include <vector>  // std::vector

#include "analysis/report.hpp"
#include "analysis/report/html_parts.hpp"
#include "analysis/report/html_template.hpp"
#include "analysis/report/resources.hpp"

namespace cadresim::analysis {

std::string report_html(const nlohmann::json& report, Lang lang) {
  using namespace html;
  const PageLangScope page_language(lang);
  const std::vector<Scenario> scen = scenarios_of(report);
  const Names names = names_of(report, scen);
  Page page{scen, names, {}, json::array()};
  page.html.reserve(1 << 16);

  header(page, report);
  how_to_read(page, report);
  changes(page, report);
  if (scen.size() > 1) {  // a comparison leads with its differences
    differences(page);
    key_figures(page);
  } else {
    key_figures(page);
  }
  uncertainty(page, report);
  const std::string note = first_year_note(scen);
  vacancies(page);
  successors(page);
  congresses(page);
  rotations(page, note);
  costs(page, note);
  leadership(page);
  managing_tiers(page);

  json story{
      {"palette", json::array()},
      {"names", json::array()},
      {"markers", markers_of(scen)},
      {"charts", page.charts},
      // Words the script puts into tooltips and tables (the page's other words are in its HTML).
      {"words",
       {{"interval", t("html.words.interval")},
        {"mean", t("html.words.mean")},
        {"median", t("html.words.median")},
        {"mark", t("html.words.mark")},
        {"columns",
         {{"date", t("html.words.col.date")},
          {"scenario", t("html.words.col.scenario")},
          {"category", t("html.words.col.category")},
          {"mean", t("html.words.col.mean")},
          {"ci_low", t("html.words.col.ci_low")},
          {"ci_high", t("html.words.col.ci_high")},
          {"p05", t("html.words.col.p05")},
          {"p50", t("html.words.col.p50")},
          {"p95", t("html.words.col.p95")},
          {"rotation_quota_flow", t("html.words.col.quota")},
          {"band", t("html.words.col.band")},
          {"low", t("html.words.col.low")},
          {"high", t("html.words.col.high")}}}}}};
  for (const char* c : kPalette) story["palette"].push_back(c);
  for (const auto& s : scen) story["names"].push_back(s.name);

  std::string title = scen.empty() ? t("html.title.empty") : tf("html.title", scen.front().name);
  if (scen.size() > 1)
    title += tf(scen.size() > 2 ? "html.title.variants" : "html.title.variant", scen.size() - 1);

  const std::string version = esc(text_of(member(&report, "cadresim"), "version"));
  const std::string escaped_title = esc(title);
  const std::string palette = palette_css();
  const std::string data = script_json(report);
  const std::string story_data = script_json(story);
  return fill_template(
      embedded::report_template,
      {{"lang", lang_code(lang)},
       {"version", version},
       {"title", escaped_title},
       {"nav_how_to_read", t("html.nav.how_to_read")},
       {"nav_differences", t("html.nav.differences")},
       {"nav_key_figures", t("html.nav.key_figures")},
       {"nav_vacancies", t("html.nav.vacancies")},
       {"nav_successors", t("html.nav.successors")},
       {"nav_congresses", t("html.nav.congresses")},
       {"nav_rotations", t("html.nav.rotations")},
       {"nav_costs", t("html.nav.costs")},
       {"nav_leadership", t("html.nav.leadership")},
       {"nav_managing_tiers", t("html.nav.managing_tiers")},
       {"footer", tf("html.footer", version)},
       {"style", embedded::report_css},
       {"palette", palette},
       {"sections", page.html},
       {"data", data},
       {"story", story_data},
       {"chartjs", embedded::chartjs},
       {"charts", embedded::charts_js},
       {"script", embedded::report_js}},
      {{"comparison", scen.size() > 1},
       {"leadership", page.html.find("id=\"leadership\"") != std::string::npos},
       {"managing_tiers", page.html.find("id=\"managing-tiers\"") != std::string::npos},
       {"congresses", page.html.find("id=\"congresses\"") != std::string::npos}});
}

}  // namespace cadresim::analysis
