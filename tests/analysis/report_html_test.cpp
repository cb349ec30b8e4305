// report.html from a small synthetic report.json: every chart is placed with its CSV download
// button and its table, Chart.js is inlined with its licence, the data is embedded verbatim and
// safely, nothing is fetched from elsewhere, and paired differences whose interval contains zero
// read "no clear difference". (Drawing in a real browser: tests/browser/report.test.mjs.)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>  // the synthetic report

#include <algorithm>  // std::count
#include <string>     // std::string
#include <vector>     // std::vector

#include "analysis/report.hpp"

namespace {

using cadresim::analysis::report_html;
using json = nlohmann::json;

const std::vector<std::string> kMonths = {"2020-07-31", "2020-08-31", "2020-09-30", "2020-10-31",
                                          "2020-11-30", "2020-12-31", "2021-01-31", "2021-02-28"};
const std::vector<std::string> kYears = {"2020-12-31", "2021-12-31"};

// A series entry: mean v, 95 % interval v ± 1, 5-95 % range v ± 2.
json series(const std::string& metric, const std::string& group,
            const std::vector<std::string>& dates, double v) {
  json e{{"metric", metric}, {"group", group}, {"dates", dates}};
  for (const char* k : {"mean", "ci_low", "ci_high", "p05", "p50", "p95"}) e[k] = json::array();
  for (std::size_t i = 0; i < dates.size(); ++i) {
    e["mean"].push_back(v), e["p50"].push_back(v);
    e["ci_low"].push_back(v - 1), e["ci_high"].push_back(v + 1);
    e["p05"].push_back(v - 2), e["p95"].push_back(v + 2);
  }
  return e;
}

json total(const std::string& metric, const std::string& group, double mean, double lo, double hi) {
  return {{"metric", metric}, {"group", group}, {"n", 12},       {"mean", mean}, {"sd", 1.0},
          {"ci_low", lo},     {"ci_high", hi},  {"p05", lo - 1}, {"p50", mean},  {"p95", hi + 1}};
}

// The aggregate of one scenario (or a paired difference, with `k` scaling every value).
json aggregate(double k) {
  json a{{"replications", 12},
         {"monthly", json::array()},
         {"yearly", json::array()},
         {"totals", json::array()}};
  for (const char* g : {"all", "province", "commune"})
    a["monthly"].push_back(series("vacancies", g, kMonths, 10 * k));
  for (const auto& [m, v] :
       std::vector<std::pair<std::string, double>>{{"vacancies_key", 3},
                                                   {"successor_coverage_1", 0.7},
                                                   {"successor_coverage_2", 0.4},
                                                   {"bench_strength", 1.1},
                                                   {"plan_women_share", 0.22},
                                                   {"plan_young_share", 0.17},
                                                   {"rotated_now", 5},
                                                   {"effectiveness_key", 0.9},
                                                   {"imbalance_index", 0.2}})
    a["monthly"].push_back(series(m, "all", kMonths, v * k));
  a["monthly"].push_back(series("non_native_compliance", "province-secretary", kMonths, 0.8 * k));
  a["yearly"].push_back(series("rotations_flow", "province-commune", kYears, 4 * k));
  a["yearly"].push_back(series("rotation_quota_flow", "province-commune", kYears, 5 * k));
  a["yearly"].push_back(series("support_cost_vnd", "all", kYears, 2e8 * k));
  a["yearly"].push_back(series("support_cost_vnd", "top_up", kYears, 2e8 * k));
  auto& t = a["totals"];
  for (const char* from : {"province", "commune"})
    for (const char* to : {"province", "commune"})
      t.push_back(total("rotations", std::string(from) + ">" + to, 3, 2, 4));
  for (const char* o : {"returned", "promoted", "stayed"})
    t.push_back(total("rotation_outcomes", o, 2, 1, 3));
  for (const char* m :
       {"refusals", "rotations", "appointments", "retirements", "recruitments", "exits"})
    t.push_back(total(m, "all", 6, 5, 7));
  for (const char* m : {"plan_fulfilment", "refusal_share", "completed_well_share",
                        "shortfall_mean", "shortfall_positive_share", "time_to_fill_days_mean"})
    t.push_back(total(m, "all", 0.5, 0.4, 0.6));
  t.push_back(total("support_cost_vnd", "all", 4e8, 3e8, 5e8));
  t.push_back(total("support_cost_vnd", "top_up", 4e8, 3e8, 5e8));
  t.push_back(total("support_cost_per_rotation_vnd", "all", 2e7, 1e7, 3e7));
  // In a difference: vacancy-months' interval contains 0, early returns' does not.
  t.push_back(total("vacancy_months", "all", -5, -10, 1));
  t.push_back(total("early_returns", "all", -3, -4, -2));
  return a;
}

json scenario(const std::string& name, bool variant) {
  json resolved{
      {"name", name},
      {"description", "A test scenario"},
      {"calendar",
       {{"start", "2020-07-01"},
        {"end", "2021-02-28"},
        {"party_congresses", {{{"date", "2020-10-15"}, {"levels", {"province"}}}}},
        {"state_elections", {{{"date", "2021-01-15"}, {"levels", {"commune"}}}}}}},
      {"levels",
       {{{"id", "province"}, {"name", "Province"}}, {{"id", "commune"}, {"name", "Commune"}}}},
      {"titles",
       {{{"id", "province-secretary"},
         {"name", "Provincial secretary"},
         {"non_native", "required"}}}},
      {"rotation",
       {{"flows",
         {{{"id", "province-commune"},
           {"from_level", "province"},
           {"to_level", "commune"},
           {"purpose", "training"}}}}}}};
  json s{{"name", name},
         {"source", name + ".json"},
         {"levels", {"province", "commune"}},
         {"resolved_scenario", resolved},
         {"results", aggregate(1)},
         {"pooled",
          {{"shortfall_per_move", total("", "", 0.12, 0.1, 0.14)},
           {"days_to_fill_per_vacancy", total("", "", 60, 55, 65)}}}};
  if (variant) s["difference_from_base"] = aggregate(-0.5);
  return s;
}

json report(std::size_t scenarios) {
  json r{{"cadresim", {{"version", "0.0.0-test"}}},
         {"created", "2026-01-02T03:04:05Z"},
         {"command", "cadresim run -n 12"},
         {"seed", 7},
         {"replications", 12},
         {"warnings", {"a warning to show"}},
         {"scenarios", json::array()}};
  for (std::size_t s = 0; s < scenarios; ++s)
    r["scenarios"].push_back(scenario(s == 0 ? "base" : "variant", s > 0));
  return r;
}

bool contains(const std::string& html, const std::string& what) {
  return html.find(what) != std::string::npos;
}

std::size_t count(const std::string& html, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = html.find(what); at != std::string::npos;
       at = html.find(what, at + what.size()))
    ++n;
  return n;
}

// The text of the <script type="application/json"> element with this id.
std::string script_text(const std::string& html, const std::string& id) {
  const std::string open = "<script type=\"application/json\" id=\"" + id + "\">";
  const std::size_t a = html.find(open);
  if (a == std::string::npos) return {};
  const std::size_t b = html.find("</script>", a);
  return html.substr(a + open.size(), b - a - open.size());
}

// The table row that starts with this indicator, within the table of `table_marker`.
std::string row_of(const std::string& html, const std::string& table_marker,
                   const std::string& label) {
  const std::size_t t = html.find(table_marker);
  if (t == std::string::npos) return {};
  const std::size_t r = html.find("<td>" + label, t);
  if (r == std::string::npos) return {};
  return html.substr(r, html.find("</tr>", r) - r);
}

const std::vector<std::string> kRunCharts = {
    "vacancies",       "successor-coverage", "bench-strength",     "plan-structure",
    "flow-matrix",     "on-rotation",        "rotations-per-year", "rotation-outcomes",
    "rotation-shares", "support-cost",       "cost-per-rotation",  "shortfall",
    "non-native",      "effectiveness",      "imbalance"};

TEST(ReportHtml, PlacesEveryChartOfARun) {
  const std::string html = report_html(report(1));
  for (const auto& c : kRunCharts) EXPECT_TRUE(contains(html, "data-chart=\"" + c + "\"")) << c;
  EXPECT_FALSE(contains(html, "data-chart=\"difference\""));
  EXPECT_FALSE(contains(html, "id=\"differences\""));
  // Vacancies: all posts, key posts, then each level by name.
  EXPECT_TRUE(contains(html, "data-chart=\"vacancies\" data-group=\"commune\""));
  EXPECT_TRUE(contains(html, "Vacant posts at commune level"));
}

TEST(ReportHtml, PlacesComparisonChartsAndOneFlowMatrixPerScenario) {
  const std::string html = report_html(report(2));
  for (const auto& c : kRunCharts) EXPECT_TRUE(contains(html, "data-chart=\"" + c + "\"")) << c;
  EXPECT_TRUE(contains(html, "data-chart=\"difference\""));
  EXPECT_EQ(count(html, "data-chart=\"flow-matrix\""), 2u);
  EXPECT_TRUE(contains(html, "id=\"differences\""));
  EXPECT_TRUE(contains(html, "variant versus base"));
}

TEST(ReportHtml, HeaderShowsProvenanceAndWarnings) {
  const std::string html = report_html(report(1));
  for (const char* s :
       {"base", "1 July 2020", "28 February 2021", "0.0.0-test", "2 January 2026, 03:04 UTC",
        "cadresim run -n 12", "a warning to show", "How to read this report"})
    EXPECT_TRUE(contains(html, s)) << s;
}

TEST(ReportHtml, EveryChartSpecHasItsElementDownloadButtonTableAndData) {
  const json data = report(2);
  const std::string html = report_html(data);
  const json story = json::parse(script_text(html, "cadresim-story"));
  ASSERT_FALSE(story["charts"].empty());
  EXPECT_EQ(count(html, "<div class=\"chart\""), story["charts"].size());
  EXPECT_EQ(count(html, "<button type=\"button\" class=\"download\""), story["charts"].size());
  EXPECT_EQ(count(html, "<details class=\"chart-data\""), story["charts"].size());
  std::vector<std::string> files;
  for (const auto& c : story["charts"]) {
    const std::string id = c["id"], file = c["file"];
    EXPECT_TRUE(contains(html, "<div class=\"chart\" id=\"" + id + "\"")) << id;
    EXPECT_TRUE(contains(html, "class=\"download\" data-for=\"" + id + "\" data-filename=\"" +
                                   file + "\" disabled>Download the data behind this chart (CSV)"))
        << id;
    EXPECT_TRUE(contains(html, "<details class=\"chart-data\" data-for=\"" + id + "\">")) << id;
    EXPECT_TRUE(file.starts_with("cadresim-") && file.ends_with(".csv")) << file;
    EXPECT_EQ(file.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-."), std::string::npos)
        << file;
    EXPECT_EQ(std::count(files.begin(), files.end(), file), 0) << "two charts download " << file;
    files.push_back(file);
    if (c["type"] == "bars") {  // numbers resolved in C++: every category has a value
      ASSERT_FALSE(c["cats"].empty()) << id;
      for (const auto& cat : c["cats"]) EXPECT_FALSE(cat["vals"].empty()) << id;
    }
    if (c["type"] != "time") continue;
    ASSERT_FALSE(c["series"].empty()) << id;
    for (const auto& r : c["series"]) {
      const json& agg = data["scenarios"][r["s"].get<std::size_t>()][r["src"].get<std::string>()];
      bool found = false;
      for (const auto& e : agg[r["kind"].get<std::string>()])
        found = found || (e["metric"] == r["metric"] && e["group"] == r["group"]);
      EXPECT_TRUE(found) << id << " " << r.dump();
    }
  }
}

TEST(ReportHtml, FlowsOfRotationAreBarsOfTheLevelPairsWithRotations) {
  json data = report(1);
  for (auto& t : data["scenarios"][0]["results"]["totals"])
    if (t["metric"] == "rotations" && t["group"] == "commune>province") t["mean"] = 0.0;
  const json story = json::parse(script_text(report_html(data), "cadresim-story"));
  std::vector<std::string> labels;
  for (const auto& c : story["charts"])
    if (c["chart"] == "flow-matrix")
      for (const auto& cat : c["cats"]) labels.push_back(cat["label"]);
  EXPECT_EQ(labels, (std::vector<std::string>{"Province \u2192 Province", "Province \u2192 Commune",
                                              "Commune \u2192 Commune"}));
}

// Chart.js is inlined from Debian's libjs-chart.js with its licence header, before the page's
// own script (charts.js, then report.js).
TEST(ReportHtml, InlinesChartJsWithItsLicenceHeader) {
  const std::string html = report_html(report(1));
  const std::size_t lib = html.find("<script>\n/*!\n * Chart.js v3.");
  ASSERT_NE(lib, std::string::npos);
  EXPECT_TRUE(contains(html, " * Released under the MIT License\n"));
  const std::size_t module = html.find("root.CadresimCharts = ");
  const std::size_t page = html.find("var draw = {time: CadresimCharts.line");
  ASSERT_NE(module, std::string::npos);
  ASSERT_NE(page, std::string::npos);
  EXPECT_LT(lib, module);
  EXPECT_LT(module, page);
}

TEST(ReportHtml, EmbedsTheReportDataVerbatim) {
  const json data = report(2);
  const std::string html = report_html(data);
  const std::string text = script_text(html, "cadresim-data");
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(json::parse(text), data);
}

// Addresses may appear only in the licence headers of the inlined library (/*! ... */), which
// must stay as they are; nothing may load anything.
TEST(ReportHtml, FetchesNothingFromElsewhere) {
  std::string html = report_html(report(2));
  std::size_t headers = 0;
  for (std::size_t a = html.find("/*!"); a != std::string::npos; a = html.find("/*!", a)) {
    html.erase(a, html.find("*/", a) + 2 - a);
    ++headers;
  }
  EXPECT_EQ(headers, 2u);  // Chart.js and the @kurkle/color it bundles
  for (const char* s : {"http://", "https://", "src=", "<link", "@import", "url(", "@font-face",
                        "fetch(", "XMLHttpRequest", "import(", "<iframe", "<img"})
    EXPECT_FALSE(contains(html, s)) << s;
}

TEST(ReportHtml, DataCannotCloseItsScriptElementOrInjectMarkup) {
  json data = report(2);
  const std::string evil = "</script><script>alert(1)</script><!--";
  data["scenarios"][0]["name"] = evil;
  data["scenarios"][1]["resolved_scenario"]["description"] = evil;
  data["warnings"].push_back(evil);
  const std::string html = report_html(data);
  // Only the four real script elements close: data, story, Chart.js, the page's code.
  EXPECT_EQ(count(html, "</script>"), 4u);
  EXPECT_EQ(count(html, "<script"), 4u);
  EXPECT_FALSE(contains(html, "<!--"));
  EXPECT_TRUE(contains(html, "&lt;/script&gt;&lt;script&gt;alert(1)"));
  EXPECT_EQ(json::parse(script_text(html, "cadresim-data")), data);
  EXPECT_EQ(json::parse(script_text(html, "cadresim-story"))["names"][0], evil);
}

TEST(ReportHtml, MarksADifferenceWhoseIntervalContainsZeroAsNoClearDifference) {
  const std::string html = report_html(report(2));
  const std::string vacancy_months =
      row_of(html, "class=\"figures differences\"", "Vacancy-months");
  ASSERT_FALSE(vacancy_months.empty());
  EXPECT_TRUE(contains(vacancy_months, "no clear difference")) << vacancy_months;
  const std::string early = row_of(html, "class=\"figures differences\"", "Early returns");
  ASSERT_FALSE(early.empty());
  EXPECT_TRUE(contains(early, "lower (better)")) << early;
  EXPECT_FALSE(contains(early, "no clear difference")) << early;
  // Cost per early return avoided is shown; per vacancy-month avoided is not meaningful.
  EXPECT_TRUE(
      contains(row_of(html, "cost-effectiveness", "vacancy-month avoided"), "not meaningful"));
  EXPECT_FALSE(contains(row_of(html, "cost-effectiveness", "early return"), "not meaningful"));
}

// A figure the policy cannot move (every paired difference 0, so the interval is [0, 0]) reads
// "the same in every replication", not "no clear difference", which would suggest that chance
// hides an effect; the summary's verdict column uses the same rule (html::verdict).
TEST(ReportHtml, ADifferenceThatIsZeroInEveryReplicationReadsTheSame) {
  json data = report(2);
  for (auto& t : data["scenarios"][1]["difference_from_base"]["totals"])
    if (t["metric"] == "retirements")
      t["mean"] = 0.0, t["sd"] = 0.0, t["ci_low"] = 0.0, t["ci_high"] = 0.0, t["p05"] = 0.0,
      t["p50"] = 0.0, t["p95"] = 0.0;
  const std::string html = report_html(data);
  const std::string retirements = row_of(html, "class=\"figures differences\"", "Retirements");
  ASSERT_FALSE(retirements.empty());
  EXPECT_TRUE(contains(retirements, "the same in every replication")) << retirements;
  EXPECT_FALSE(contains(retirements, "no clear difference")) << retirements;
  // A zero mean whose interval is not [0, 0] is still "no clear difference".
  for (auto& t : data["scenarios"][1]["difference_from_base"]["totals"])
    if (t["metric"] == "retirements") t["ci_low"] = -0.5, t["ci_high"] = 0.5;
  EXPECT_TRUE(contains(row_of(report_html(data), "class=\"figures differences\"", "Retirements"),
                       "no clear difference"));
}

TEST(ReportHtml, SurvivesIncompleteReports) {
  EXPECT_NO_THROW(report_html(json::object()));
  EXPECT_NO_THROW(report_html(json{{"scenarios", {json::object(), 3, "x"}}}));
  json nulls = report(2);
  nulls["scenarios"][1]["difference_from_base"]["totals"][0]["ci_low"] =
      nullptr;  // NaN is written as null
  nulls["scenarios"][0]["results"]["monthly"][0]["mean"][2] = nullptr;
  nulls["scenarios"][0].erase("resolved_scenario");
  std::string html;
  EXPECT_NO_THROW(html = report_html(nulls));
  EXPECT_TRUE(contains(html, "data-chart=\"vacancies\""));
}

// Uncertainty from assumptions: one Chart.js chart per headline with both bands (no inline SVG).
TEST(ReportHtml, DrawsBothUncertaintyBandsOfEachHeadlineAsAChart) {
  json data = report(1);
  data["scenarios"][0]["uncertainty"] = {
      {"sets", 4},
      {"replications_per_set", 3},
      {"headlines",
       {{{"metric", "vacancies_run_mean"},
         {"monte_carlo", {{"mean", 10.0}, {"ci_low", 9.0}, {"ci_high", 11.0}}},
         {"total", {{"low", 6.0}, {"high", 15.0}}},
         {"variance", {{"assumption_share", 0.7}}}},
        {{"metric", "rotations"},
         {"monte_carlo", {{"mean", 50.0}, {"ci_low", 48.0}, {"ci_high", 52.0}}},
         {"total", {{"low", 40.0}, {"high", 61.0}}},
         {"variance", {{"assumption_share", 0.4}}}}}}};
  const std::string html = report_html(data);
  EXPECT_TRUE(contains(html, "id=\"uncertainty\""));
  EXPECT_FALSE(contains(html, "<svg"));
  const json story = json::parse(script_text(html, "cadresim-story"));
  std::vector<json> charts;
  for (const auto& c : story["charts"])
    if (c["chart"] == "uncertainty") charts.push_back(c);
  ASSERT_EQ(charts.size(), 2u);
  EXPECT_TRUE(contains(html, "data-chart=\"uncertainty\" data-group=\"rotations\""));
  const json& items = charts[1]["items"];
  EXPECT_EQ(charts[1]["type"], "range");
  EXPECT_EQ(items[0]["p05"], 48.0);
  EXPECT_EQ(items[0]["p95"], 52.0);
  EXPECT_EQ(items[1]["p05"], 40.0);
  EXPECT_EQ(items[1]["p95"], 61.0);
  EXPECT_EQ(items[1]["mean"], 50.0);
}

TEST(ReportHtml, SameInputGivesTheSameBytes) {
  EXPECT_EQ(report_html(report(2)), report_html(report(2)));
}

}  // namespace
