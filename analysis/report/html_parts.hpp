#pragma once
/// @file Internal to the HTML report (analysis/report_html.cpp and analysis/report/*.cpp): tolerant
/// access to the report JSON, number and text formatting, the scenarios and their display names,
/// the headline figures, the page under construction (figures and chart specifications), and the
/// sections of the page. The page template, styles and scripts are resource files beside this
/// one (report.html.in, report.css, charts.js, report.js), embedded at build time with Chart.js.

#include <fmt/core.h>  // fmt::format

#include <nlohmann/json.hpp>  // the report JSON and chart specifications

#include <cmath>        // std::isfinite
#include <cstddef>      // std::size_t
#include <iterator>     // std::size
#include <limits>       // quiet NaN for absent numbers
#include <map>          // std::map
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "analysis/messages.hpp"  // Lang, tr: the page's texts

namespace cadresim::analysis::html {

using json = nlohmann::json;
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Scenario colours, base first; shared by the tables (CSS classes s0..s7) and the charts.
inline constexpr const char* kPalette[] = {"#1f5f9e", "#d9731a", "#2e8b57", "#8e44ad",
                                           "#c0392b", "#138d90", "#8d6e63", "#5d6d7e"};
inline constexpr std::size_t kPaletteSize = std::size(kPalette);

// ---------------------------------------------------------------------------------------------
// Tolerant access to the report JSON: a missing or mistyped field is absent, never an exception.

const json* member(const json* j, const std::string& key);
std::string text_of(const json* j, const std::string& key, const std::string& fallback = {});
double number_of(const json* j, const std::string& key);
/// The entry of an aggregate list ("monthly", "yearly" or "totals") with this metric and group.
const json* entry(const json* aggregate, const std::string& list, std::string_view metric,
                  std::string_view group);
/// Every group of a metric in an aggregate list, in order of appearance.
std::vector<std::string> groups_of(const json* aggregate, const std::string& list,
                                   std::string_view metric);

/// One summary across replications (a total, or one date of a series).
struct Value {
  double n = kNaN, mean = kNaN, lo = kNaN, hi = kNaN, p05 = kNaN, p50 = kNaN, p95 = kNaN;
  /// Replications where the quantity does not apply (report.json's "not_applicable", else 0).
  double not_applicable = 0;
  bool ok() const { return std::isfinite(mean); }
  /// True when the quantity applies in no replication (a ratio with nothing to divide by).
  bool applies_nowhere() const { return n == 0 && not_applicable > 0; }
  Value scaled(double k) const {
    return {n, mean * k, lo * k, hi * k, p05 * k, p50 * k, p95 * k, not_applicable};
  }
};

Value value_of_summary(const json* s);
Value total_of(const json* aggregate, std::string_view metric, std::string_view group = "all");
/// Element `i` of a series (negative: from the end); n is the aggregate's replications.
Value point_of(const json* aggregate, const std::string& list, std::string_view metric,
               std::string_view group, long i);
json value_json(const Value& v);

// ---------------------------------------------------------------------------------------------
// The page's language: report_html sets it for the page it writes (one page at a time per
// thread), and the texts, numbers and dates below follow it.

/// The language of the page being written (English outside report_html).
Lang page_lang();
/// Sets page_lang() for its lifetime, then restores the previous one.
class PageLangScope {
 public:
  explicit PageLangScope(Lang lang);
  ~PageLangScope();
  PageLangScope(const PageLangScope&) = delete;
  PageLangScope& operator=(const PageLangScope&) = delete;

 private:
  Lang previous_;
};
/// Message `id` in the page's language (analysis/message_catalog.cpp).
inline std::string t(std::string_view id) {
  return std::string(tr(page_lang(), id));
}
/// Message `id` in the page's language with its placeholders filled.
template <class... Args>
std::string tf(std::string_view id, Args&&... args) {
  return trf(page_lang(), id, std::forward<Args>(args)...);
}

// ---------------------------------------------------------------------------------------------
// Text.

/// HTML escaping of text and attribute values.
std::string esc(std::string_view s);
/// JSON for a <script type="application/json"> element: "<" becomes \u003c, so the data can
/// never close the element ("</script>") or open a comment; invalid UTF-8 is replaced.
std::string script_json(const json& j);
/// 12345.678 -> "12,345.7" (vi: "12.345,7"); negative numbers get a true minus sign;
/// absent -> "–".
std::string num(double v, int decimals);
std::string signed_num(double v, int decimals);
std::string interval(const Value& v, int decimals);
/// The mean of `v`, or "n/a" where the quantity applies in no replication.
std::string figure(const Value& v, int decimals);
/// "2020-07-01" -> "1 July 2020" (vi: "1 tháng 7 năm 2020").
std::string long_date(const std::string& iso);
/// "2026-11-27T18:41:02Z" -> "27 November 2026, 18:41 UTC".
std::string long_time(const std::string& iso);
/// A source name without the parentheses the CLI puts around built-in names.
std::string bare_source(const std::string& s);
/// The colour chips of the scenarios: .s0 {background: <first colour>} ...
std::string palette_css();

// ---------------------------------------------------------------------------------------------
// The scenarios of the report and their names for levels, titles and flows.

struct Scenario {
  std::string name;
  std::string description;
  std::string source;
  const json* results = nullptr;
  const json* difference = nullptr;  ///< difference_from_base, variants only
  const json* resolved = nullptr;
  const json* pooled = nullptr;
};

struct Names {
  std::vector<std::string> level_ids;
  std::map<std::string, std::string> level, title, title_rule, flow;
  std::string level_name(const std::string& id) const {
    const auto it = level.find(id);
    return it == level.end() ? id : it->second;
  }
  std::string title_name(const std::string& id) const {
    const auto it = title.find(id);
    return it == title.end() || it->second.empty() ? id : it->second;
  }
};

std::string lower(std::string s);
Names names_of(const json& report, const std::vector<Scenario>& scen);
std::vector<Scenario> scenarios_of(const json& report);

// ---------------------------------------------------------------------------------------------
// Headline figures (the same list as the terminal summary, in words for a policymaker).

enum class At { kTotal, kEnd };

struct Headline {
  const char* metric;
  const char* group;
  At at;
  const char* label;  ///< message id of its label, the terminal summary's too
  double scale;       ///< display multiplier: 100 for shares, 1e-6 for VND -> million VND
  int decimals;
  int better;  ///< +1 higher is better, -1 lower is better, 0 neither
};

inline constexpr Headline kHeadlines[] = {
    // No headline is a last-day snapshot: states are averaged over the period's month ends; the
    // values at each congress are in the congress section; end-of-run values say so.
    {"vacancies_run_mean", "all", At::kTotal, "metric.vacancies_run_mean", 1, 1, -1},
    {"vacancies_key_run_mean", "all", At::kTotal, "metric.vacancies_key_run_mean", 1, 1, -1},
    {"vacancy_months", "all", At::kTotal, "metric.vacancy_months", 1, 0, -1},
    {"time_to_fill_days_mean", "all", At::kTotal, "metric.time_to_fill_days_mean", 1, 0, -1},
    {"successor_coverage_1_run_mean", "all", At::kTotal, "metric.successor_coverage_1_run_mean",
     100, 1, 1},
    {"successor_coverage_2_run_mean", "all", At::kTotal, "metric.successor_coverage_2_run_mean",
     100, 1, 1},
    {"bench_strength_run_mean", "all", At::kTotal, "metric.bench_strength_run_mean", 1, 2, 1},
    {"without_post_run_mean", "all", At::kTotal, "metric.without_post_run_mean", 1, 1, -1},
    {"rotations", "all", At::kTotal, "metric.rotations", 1, 1, 0},
    {"plan_fulfilment", "all", At::kTotal, "metric.plan_fulfilment", 100, 1, 1},
    {"refusals", "all", At::kTotal, "metric.refusals", 1, 1, -1},
    {"early_returns", "all", At::kTotal, "metric.early_returns", 1, 1, -1},
    {"completed_well_share", "all", At::kTotal, "metric.completed_well_share", 100, 1, 1},
    {"shortfall_mean", "all", At::kTotal, "metric.shortfall_mean", 100, 1, -1},
    {"shortfall_positive_share", "all", At::kTotal, "metric.shortfall_positive_share", 100, 1, -1},
    {"support_cost_vnd", "all", At::kTotal, "metric.support_cost_vnd", 1e-6, 1, -1},
    {"support_cost_per_rotation_vnd", "all", At::kTotal, "metric.support_cost_per_rotation_vnd",
     1e-6, 1, -1},
    {"exits", "all", At::kTotal, "metric.exits", 1, 1, -1},
    {"retirements", "all", At::kTotal, "metric.retirements", 1, 0, 0},
    {"recruitments", "all", At::kTotal, "metric.recruitments", 1, 0, 0},
    {"appointments", "all", At::kTotal, "metric.appointments", 1, 0, 0},
    {"effectiveness_key_run_mean", "all", At::kTotal, "metric.effectiveness_key_run_mean", 1, 3, 1},
    {"imbalance_index", "all", At::kEnd, "metric.imbalance_index.last_day", 100, 1, -1},
    {"vacancies_key", "all", At::kEnd, "metric.vacancies_key.last_day", 1, 1, -1},
};

Value headline_value(const json* aggregate, const Headline& h);

/// The verdict on a paired difference: only an interval that excludes zero is a difference.
struct Verdict {
  const char* css;
  std::string words;
};

Verdict verdict(const Value& d, int better, Lang lang = page_lang());

// ---------------------------------------------------------------------------------------------
// The page under construction.

struct Page {
  const std::vector<Scenario>& scen;
  const Names& names;
  std::string html;
  json charts = json::array();
  bool comparison() const { return scen.size() > 1; }

  // Appends a figure with an empty chart that the script draws from `spec`, a button that
  // downloads the numbers drawn as CSV, and a table of those numbers (filled when opened).
  void figure(const std::string& kind, const std::string& group, const std::string& title,
              json spec, const std::string& note = {}, const std::string& css = {}) {
    const std::string id = fmt::format("chart-{}", charts.size() + 1);
    std::string file = fmt::format("cadresim-{}-{}", file_part(kind), file_part(group));
    for (const auto& c : charts)
      if (c.value("file", "") == file + ".csv") file += fmt::format("-{}", charts.size() + 1);
    file += ".csv";
    spec["id"] = id;
    spec["chart"] = kind;
    spec["file"] = file;
    charts.push_back(std::move(spec));
    html += fmt::format(
        "<figure class=\"fig{}\"><figcaption>{}</figcaption><div class=\"chart\" id=\"{}\" "
        "data-chart=\"{}\" data-group=\"{}\" data-title=\"{}\"></div>",
        css.empty() ? "" : " " + css, esc(title), id, esc(kind), esc(group), esc(title));
    if (!note.empty()) html += "<p class=\"note\">" + note + "</p>";
    html += fmt::format(
        "<p class=\"chart-actions\"><button type=\"button\" class=\"download\" data-for=\"{}\" "
        "data-filename=\"{}\" disabled>{}</button></p>"
        "<details class=\"chart-data\" data-for=\"{}\"><summary>{}</summary></details>",
        id, esc(file), t("html.chart.download"), id, t("html.chart.numbers"));
    html += "</figure>\n";
  }

  // A piece of a file name: lower-case letters, digits and '-', nothing else.
  static std::string file_part(const std::string& s) {
    std::string out;
    for (char c : s) {
      const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (keep || (c >= 'A' && c <= 'Z'))
        out += keep ? c : static_cast<char>(c - 'A' + 'a');
      else if (!out.empty() && out.back() != '-')
        out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "chart" : out;
  }

  // Colour chips naming the scenarios (comparisons only; from `first`), and, for time charts,
  // what lines and bands mean. A comparison shows no 90 % replication range: overlaid, the
  // ranges of several scenarios hide each other.
  void legend(bool bands, std::size_t first = 0) {
    html += "<p class=\"legend\">";
    if (comparison())
      for (std::size_t s = first; s < scen.size(); ++s)
        html += fmt::format("<span class=\"chip s{}\"></span>{}{}{} ", s % kPaletteSize,
                            esc(scen[s].name), s == 0 ? " " : "",
                            s == 0 ? t("html.legend.base") : std::string());
    if (bands) {
      html += fmt::format(
          "<span class=\"key\"><span class=\"k-line\"></span>{} <span class=\"k-ci\"></span>{}",
          t("html.legend.average"), t("html.legend.interval"));
      if (!comparison())
        html += fmt::format(" <span class=\"k-range\"></span>{}", t("html.legend.spread"));
      html += "</span>";
    }
    html += "</p>\n";
  }

  // A reference to a series of scenario s, read by the script from the embedded data.
  json series_ref(std::size_t s, const std::string& metric, const std::string& group,
                  const std::string& src = "results", const std::string& kind = "monthly") const {
    return {{"s", s}, {"src", src}, {"kind", kind}, {"metric", metric}, {"group", group}};
  }

  // True when any scenario has this monthly series.
  bool has_series(const std::string& metric, const std::string& group,
                  const std::string& list = "monthly") const {
    for (const auto& s : scen)
      if (entry(s.results, list, metric, group)) return true;
    return false;
  }

  // True when some scenario's yearly series (metric, group) has a positive average.
  bool any_positive(const std::string& metric, const std::string& group) const {
    for (const auto& s : scen) {
      const json* mean = member(entry(s.results, "yearly", metric, group), "mean");
      if (!mean || !mean->is_array()) continue;
      for (const auto& v : *mean)
        if (v.is_number() && v.get<double>() > 0) return true;
    }
    return false;
  }

  // A time chart overlaying every scenario's series (metric, group).
  void time_chart(const std::string& kind, const std::string& group, const std::string& title,
                  const std::string& metric, const std::string& y, double scale, int decimals,
                  json include, const std::string& series_group = {}) {
    const std::string& sg = series_group.empty() ? group : series_group;
    json spec{{"type", "time"},
              {"y", y},
              {"scale", scale},
              {"decimals", decimals},
              {"include", std::move(include)},
              {"markers", true},
              {"range", !comparison()},
              {"series", json::array()}};
    // Counts and shares cannot leave [0, 100 %]: intervals are clipped there.
    spec["clip"] = {0, spec["include"].size() > 1 ? json(spec["include"].back()) : json(nullptr)};
    for (std::size_t s = 0; s < scen.size(); ++s)
      if (entry(scen[s].results, "monthly", metric, sg))
        spec["series"].push_back(series_ref(s, metric, sg));
    figure(kind, group, title, std::move(spec));
  }

  // Grouped bars by calendar year (one bar per scenario), with an optional mark (e.g. a quota).
  void year_bars(const std::string& kind, const std::string& group, const std::string& title,
                 const std::string& metric, const std::string& y, double scale, int decimals,
                 const std::string& mark_metric = {}, const std::string& note = {}) {
    const json* base_entry = nullptr;
    for (const auto& s : scen)
      if ((base_entry = entry(s.results, "yearly", metric, group))) break;
    const json* dates = member(base_entry, "dates");
    json cats = json::array();
    if (dates && dates->is_array())
      for (std::size_t i = 0; i < dates->size(); ++i) {
        const std::string date =
            (*dates)[i].is_string() ? (*dates)[i].get<std::string>() : std::string();
        json vals = json::array();
        for (std::size_t s = 0; s < scen.size(); ++s) {
          // Align by date: a variant's years are looked up by the same date string.
          const json* e = entry(scen[s].results, "yearly", metric, group);
          const json* d = member(e, "dates");
          long k = -1;
          if (d && d->is_array())
            for (std::size_t j = 0; j < d->size(); ++j)
              if ((*d)[j] == date) k = static_cast<long>(j);
          if (k < 0) continue;
          json v = value_json(point_of(scen[s].results, "yearly", metric, group, k).scaled(scale));
          v["s"] = s;
          if (!mark_metric.empty()) {
            const Value m =
                point_of(scen[s].results, "yearly", mark_metric, group, k).scaled(scale);
            if (m.ok()) v["mark"] = m.mean;
          }
          vals.push_back(std::move(v));
        }
        cats.push_back({{"label", date.substr(0, 4)}, {"vals", std::move(vals)}});
      }
    json spec{{"type", "bars"},          {"y", y},          {"decimals", decimals},
              {"cats", std::move(cats)}, {"values", false}, {"floor", 0}};
    if (!mark_metric.empty()) spec["markName"] = mark_metric;
    figure(kind, group, title, std::move(spec), note);
  }

  // Bars of whole-run totals: one category per (metric, group), one bar per scenario.
  struct Cat {
    std::string label, metric, group;
  };
  void total_bars(const std::string& kind, const std::string& title, const std::vector<Cat>& list,
                  const std::string& y, double scale, int decimals, const std::string& note = {}) {
    json cats = json::array();
    for (const auto& c : list) {
      json vals = json::array();
      for (std::size_t s = 0; s < scen.size(); ++s) {
        const Value v = total_of(scen[s].results, c.metric, c.group).scaled(scale);
        if (!v.ok()) continue;
        json j = value_json(v);
        j["s"] = s;
        vals.push_back(std::move(j));
      }
      cats.push_back({{"label", c.label}, {"vals", std::move(vals)}});
    }
    json spec{{"type", "bars"},          {"y", y},         {"decimals", decimals},
              {"cats", std::move(cats)}, {"values", true}, {"floor", 0}};
    figure(kind, "all", title, std::move(spec), note);
  }
};

// ---------------------------------------------------------------------------------------------
// Sections, in page order (analysis/report/html_sections.cpp, html_topics.cpp). Each appends
// its HTML to the page and registers its charts.

void header(Page& p, const json& report);
void how_to_read(Page& p, const json& report);
void key_figures(Page& p);
void differences(Page& p);
void vacancies(Page& p);
void successors(Page& p);
void rotations(Page& p, const std::string& first_year_note);
void costs(Page& p, const std::string& first_year_note);
void leadership(Page& p);
/// Personnel actions by managing tier: a table per scenario (docs/model.md § Managing tiers).
void managing_tiers(Page& p);
/// What each scenario changes from its base: pointer, base value, scenario value
/// (analysis/report/html_uncertainty.cpp).
void changes(Page& p, const json& report);
/// Uncertainty from assumptions (run --assumptions): both bands per headline, the assumptions'
/// share of the variance and, in words, the assumptions that matter most.
void uncertainty(Page& p, const json& report);
/// The pipeline and how posts were filled at each congress and state election.
void congresses(Page& p);

/// Party congresses and state elections (from the base scenario's calendar): dotted markers on
/// the time charts.
json markers_of(const std::vector<Scenario>& scen);
/// " The first year, 2020, covers July to December only." when the period starts after January.
std::string first_year_note(const std::vector<Scenario>& scen);

}  // namespace cadresim::analysis::html
