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

std::string report_html(const nlohmann::json& report) {
  using namespace html;
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
       {{"interval", "95 % interval"},
        {"mean", "mean"},
        {"median", "median"},
        {"mark", "quota"},
        {"columns",
         {{"date", "Date"},
          {"scenario", "Scenario"},
          {"category", "Category"},
          {"mean", "Average"},
          {"ci_low", "95 % interval: from"},
          {"ci_high", "to"},
          {"p05", "5th percentile"},
          {"p50", "Median"},
          {"p95", "95th percentile"},
          {"rotation_quota_flow", "Quota of the plan"}}}}}};
  for (const char* c : kPalette) story["palette"].push_back(c);
  for (const auto& s : scen) story["names"].push_back(s.name);

  std::string title =
      scen.empty() ? std::string("cadresim report") : "cadresim report: " + scen.front().name;
  if (scen.size() > 1)
    title += fmt::format(" and {} variant{}", scen.size() - 1, scen.size() > 2 ? "s" : "");

  const std::string version = esc(text_of(member(&report, "cadresim"), "version"));
  const std::string escaped_title = esc(title);
  const std::string palette = palette_css();
  const std::string data = script_json(report);
  const std::string story_data = script_json(story);
  return fill_template(
      embedded::report_template,
      {{"version", version},
       {"title", escaped_title},
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
