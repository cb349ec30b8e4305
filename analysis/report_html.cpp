// The self-contained HTML report (report.html): one file with inline styles, script and data
// that opens offline. C++ writes the story — header, words, tables and one empty
// <svg class="chart" data-chart="..."> per chart — plus a list of chart specifications; a small
// vanilla script draws each chart as inline SVG from the embedded report.json data. Nothing is
// fetched: no addresses, fonts or libraries. Time series are referenced by
// (scenario, metric, group) and read from the embedded data; small tables of numbers (bars,
// the flow matrix) are resolved here.
#include <fmt/core.h>  // fmt::format

#include <algorithm>    // std::find, std::sort, std::min
#include <cmath>        // std::isfinite, std::abs
#include <cstdlib>      // std::atoi
#include <iterator>     // std::size
#include <limits>       // quiet NaN for absent numbers
#include <map>          // std::map
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include "analysis/report.hpp"

namespace cadresim::analysis {
namespace {

using json = nlohmann::json;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Scenario colours, base first; shared by the tables (CSS classes s0..s7) and the charts.
constexpr const char* kPalette[] = {"#1f5f9e", "#d9731a", "#2e8b57", "#8e44ad",
                                    "#c0392b", "#138d90", "#8d6e63", "#5d6d7e"};
constexpr std::size_t kPaletteSize = std::size(kPalette);

// ---------------------------------------------------------------------------------------------
// Tolerant access to the report JSON: a missing or mistyped field is absent, never an exception.

const json* member(const json* j, const std::string& key) {
  if (!j || !j->is_object()) return nullptr;
  const auto it = j->find(key);
  return it == j->end() ? nullptr : &*it;
}

std::string text_of(const json* j, const std::string& key, const std::string& fallback = {}) {
  const json* v = member(j, key);
  if (!v) return fallback;
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number()) return v->dump();
  return fallback;
}

double number_of(const json* j, const std::string& key) {
  const json* v = member(j, key);
  return v && v->is_number() ? v->get<double>() : kNaN;
}

// The entry of an aggregate list ("monthly", "yearly" or "totals") with this metric and group.
const json* entry(const json* aggregate, const std::string& list, std::string_view metric,
                  std::string_view group) {
  const json* l = member(aggregate, list);
  if (!l || !l->is_array()) return nullptr;
  for (const auto& e : *l)
    if (e.is_object() && text_of(&e, "metric") == metric && text_of(&e, "group") == group)
      return &e;
  return nullptr;
}

// Every group of a metric in an aggregate list, in order of appearance.
std::vector<std::string> groups_of(const json* aggregate, const std::string& list,
                                   std::string_view metric) {
  std::vector<std::string> out;
  const json* l = member(aggregate, list);
  if (!l || !l->is_array()) return out;
  for (const auto& e : *l)
    if (e.is_object() && text_of(&e, "metric") == metric) out.push_back(text_of(&e, "group"));
  return out;
}

// One summary across replications (a total, or one date of a series).
struct Value {
  double n = kNaN, mean = kNaN, lo = kNaN, hi = kNaN, p05 = kNaN, p50 = kNaN, p95 = kNaN;
  bool ok() const { return std::isfinite(mean); }
  Value scaled(double k) const { return {n, mean * k, lo * k, hi * k, p05 * k, p50 * k, p95 * k}; }
};

Value value_of_summary(const json* s) {
  if (!s) return {};
  return {number_of(s, "n"),       number_of(s, "mean"), number_of(s, "ci_low"),
          number_of(s, "ci_high"), number_of(s, "p05"),  number_of(s, "p50"),
          number_of(s, "p95")};
}

Value total_of(const json* aggregate, std::string_view metric, std::string_view group = "all") {
  return value_of_summary(entry(aggregate, "totals", metric, group));
}

// Element `i` of a series (negative: from the end); n is the aggregate's replications.
Value point_of(const json* aggregate, const std::string& list, std::string_view metric,
               std::string_view group, long i) {
  const json* e = entry(aggregate, list, metric, group);
  const json* mean = member(e, "mean");
  if (!mean || !mean->is_array() || mean->empty()) return {};
  const long size = static_cast<long>(mean->size());
  const long k = i < 0 ? size + i : i;
  if (k < 0 || k >= size) return {};
  auto at = [&](const char* key) {
    const json* a = member(e, key);
    return a && a->is_array() && k < static_cast<long>(a->size()) && (*a)[k].is_number()
               ? (*a)[k].get<double>()
               : kNaN;
  };
  return {number_of(aggregate, "replications"),
          at("mean"),
          at("ci_low"),
          at("ci_high"),
          at("p05"),
          at("p50"),
          at("p95")};
}

json value_json(const Value& v) {
  auto f = [](double x) { return std::isfinite(x) ? json(x) : json(nullptr); };
  return {{"mean", f(v.mean)}, {"lo", f(v.lo)}, {"hi", f(v.hi)}};
}

// ---------------------------------------------------------------------------------------------
// Text.

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// JSON for a <script type="application/json"> element: "<" becomes \u003c, so the data can
// never close the element ("</script>") or open a comment; invalid UTF-8 is replaced.
std::string script_json(const json& j) {
  const std::string raw = j.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size() + 64);
  for (char c : raw) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

// 12345.678 -> "12,345.7"; negative numbers get a true minus sign; absent -> "–".
std::string num(double v, int decimals) {
  if (!std::isfinite(v)) return "–";
  std::string s = fmt::format("{:.{}f}", std::abs(v), decimals);
  if (s.find_first_not_of("0.") == std::string::npos) v = 0;   // no "−0.0"
  const std::size_t digits = std::min(s.find('.'), s.size());  // before the decimal point
  std::string out = v < 0 ? "\u2212" : "";
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && i < digits && (digits - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}

std::string signed_num(double v, int decimals) {
  const std::string s = num(v, decimals);
  return std::isfinite(v) && s != num(0, decimals) && v > 0 ? "+" + s : s;
}

std::string interval(const Value& v, int decimals) {
  if (!std::isfinite(v.lo) || !std::isfinite(v.hi)) return "–";
  return num(v.lo, decimals) + " to " + num(v.hi, decimals);
}

// "2020-07-01" -> "1 July 2020".
std::string long_date(const std::string& iso) {
  static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return iso;
  const int month = std::atoi(iso.substr(5, 2).c_str());
  const int day = std::atoi(iso.substr(8, 2).c_str());
  if (month < 1 || month > 12 || day < 1) return iso;
  return fmt::format("{} {} {}", day, kMonths[month - 1], iso.substr(0, 4));
}

// "2026-11-27T18:41:02Z" -> "27 November 2026, 18:41 UTC".
std::string long_time(const std::string& iso) {
  if (iso.size() >= 16 && iso[10] == 'T')
    return long_date(iso.substr(0, 10)) + ", " + iso.substr(11, 5) +
           (iso.back() == 'Z' ? " UTC" : "");
  return iso;
}

std::string bare_source(const std::string& s);

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
};

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

Names names_of(const json& report, const std::vector<Scenario>& scen) {
  Names n;
  const json* base = scen.empty() ? nullptr : scen.front().resolved;
  if (const json* levels = member(base, "levels"); levels && levels->is_array())
    for (const auto& l : *levels) {
      n.level_ids.push_back(text_of(&l, "id"));
      n.level[text_of(&l, "id")] = text_of(&l, "name", text_of(&l, "id"));
    }
  if (n.level_ids.empty()) {
    const json* list = member(&report, "scenarios");
    const json* levels =
        list && list->is_array() && !list->empty() ? member(&list->front(), "levels") : nullptr;
    if (levels && levels->is_array())
      for (const auto& l : *levels)
        if (l.is_string()) n.level_ids.push_back(l.get<std::string>());
  }
  // Titles and flows from every scenario (a variant may add some), the base's names first.
  for (const auto& s : scen) {
    if (const json* titles = member(s.resolved, "titles"); titles && titles->is_array())
      for (const auto& t : *titles) {
        const std::string id = text_of(&t, "id");
        n.title.emplace(id, text_of(&t, "name", id));
        n.title_rule.emplace(id, text_of(&t, "non_native"));
      }
    const json* flows = member(member(s.resolved, "rotation"), "flows");
    if (!flows || !flows->is_array()) continue;
    for (const auto& f : *flows) {
      const std::string id = text_of(&f, "id");
      const std::string from = text_of(&f, "from_level"), to = text_of(&f, "to_level");
      std::string label = n.level_name(from) + " \u2192 " + n.level_name(to);
      const json* sector = member(&f, "sector_change");
      const json* within = member(&f, "within_parent");
      if (sector && sector->is_boolean() && sector->get<bool>()) {
        label += " (between sectors)";
      } else if (within && within->is_boolean() && within->get<bool>()) {
        const auto it = std::find(n.level_ids.begin(), n.level_ids.end(), from);
        label += it != n.level_ids.begin() && it != n.level_ids.end()
                     ? " (within the same " + lower(n.level_name(*(it - 1))) + ")"
                     : " (within the same parent unit)";
      } else if (text_of(&f, "purpose") == "non_native") {
        label += " (placing non-native leaders)";
      }
      n.flow.emplace(id, label);
    }
  }
  n.flow.emplace("scripted", "Scripted moves of named cadres");
  return n;
}

std::vector<Scenario> scenarios_of(const json& report) {
  std::vector<Scenario> out;
  const json* list = member(&report, "scenarios");
  if (!list || !list->is_array()) return out;
  for (const auto& s : *list) {
    if (!s.is_object()) continue;
    Scenario sc;
    sc.resolved = member(&s, "resolved_scenario");
    sc.name = text_of(&s, "name",
                      text_of(sc.resolved, "name", fmt::format("scenario {}", out.size() + 1)));
    sc.description = text_of(sc.resolved, "description");
    sc.source = text_of(&s, "source");
    sc.results = member(&s, "results");
    sc.difference = member(&s, "difference_from_base");
    sc.pooled = member(&s, "pooled");
    out.push_back(sc);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Headline figures (the same list as the terminal summary, in words for a policymaker).

enum class At { kTotal, kEnd };

struct Headline {
  const char* metric;
  const char* group;
  At at;
  const char* label;
  double scale;  ///< display multiplier: 100 for shares, 1e-6 for VND -> million VND
  int decimals;
  int better;  ///< +1 higher is better, -1 lower is better, 0 neither
};

constexpr Headline kHeadlines[] = {
    {"vacancies", "all", At::kEnd, "Vacant posts at the end of the period", 1, 1, -1},
    {"vacancies_key", "all", At::kEnd, "Vacant key posts at the end", 1, 1, -1},
    {"vacancy_months", "all", At::kTotal, "Vacancy-months, all posts (sum over the period)", 1, 0,
     -1},
    {"time_to_fill_days_mean", "all", At::kTotal, "Average days to fill a vacancy", 1, 0, -1},
    {"successor_coverage_1", "all", At::kEnd,
     "Key posts with at least one ready successor at the end, %", 100, 1, 1},
    {"successor_coverage_2", "all", At::kEnd,
     "Key posts with at least two ready successors at the end, %", 100, 1, 1},
    {"bench_strength", "all", At::kEnd, "Planned successors per key post at the end", 1, 2, 1},
    {"rotations", "all", At::kTotal, "Rotations carried out", 1, 1, 0},
    {"plan_fulfilment", "all", At::kTotal, "Rotation plan fulfilled, % of the planned quota", 100,
     1, 1},
    {"refusals", "all", At::kTotal, "Rotation offers refused", 1, 1, -1},
    {"early_returns", "all", At::kTotal, "Early returns from rotation", 1, 1, -1},
    {"completed_well_share", "all", At::kTotal, "Rotated cadres rated \"completed well\", %", 100,
     1, 1},
    {"shortfall_mean", "all", At::kTotal,
     "Average income loss of a rotated cadre, % of previous income", 100, 1, -1},
    {"support_cost_vnd", "all", At::kTotal, "Support cost over the period, million VND", 1e-6, 1,
     -1},
    {"support_cost_per_rotation_vnd", "all", At::kTotal, "Support cost per rotation, million VND",
     1e-6, 1, -1},
    {"exits", "all", At::kTotal, "Cadres who left the service (resignation, health, discipline)", 1,
     1, -1},
    {"retirements", "all", At::kTotal, "Retirements", 1, 0, 0},
    {"recruitments", "all", At::kTotal, "Recruitments", 1, 0, 0},
    {"appointments", "all", At::kTotal, "Appointments", 1, 0, 0},
    {"effectiveness_key", "all", At::kEnd,
     "Effectiveness of key-post holders at the end (1 = full)", 1, 3, 1},
    {"imbalance_index", "all", At::kEnd, "Staffing imbalance at the end, % of establishment", 100,
     1, -1},
};

Value headline_value(const json* aggregate, const Headline& h) {
  const Value v = h.at == At::kTotal ? total_of(aggregate, h.metric, h.group)
                                     : point_of(aggregate, "monthly", h.metric, h.group, -1);
  return v.scaled(h.scale);
}

// The verdict on a paired difference: only an interval that excludes zero is a difference.
struct Verdict {
  const char* css;
  std::string words;
};

Verdict verdict(const Value& d, int better) {
  if (!d.ok() || !std::isfinite(d.lo) || !std::isfinite(d.hi)) return {"unclear", "no interval"};
  if (!(d.n >= 2)) return {"unclear", "too few replications to tell"};
  if (d.lo <= 0 && d.hi >= 0) return {"unclear", "no clear difference"};
  const bool up = d.mean > 0;
  if (better == 0) return {"neutral", up ? "higher" : "lower"};
  const bool good = (better > 0) == up;
  return {good ? "better" : "worse",
          std::string(up ? "higher" : "lower") + (good ? " (better)" : " (worse)")};
}

// ---------------------------------------------------------------------------------------------
// The page under construction.

struct Page {
  const std::vector<Scenario>& scen;
  const Names& names;
  std::string html;
  json charts = json::array();
  bool comparison() const { return scen.size() > 1; }

  // Appends a figure with an empty chart that the script draws from `spec`.
  void figure(const std::string& kind, const std::string& group, const std::string& title,
              json spec, const std::string& note = {}, const std::string& css = {}) {
    const std::string id = fmt::format("chart-{}", charts.size() + 1);
    spec["id"] = id;
    spec["chart"] = kind;
    charts.push_back(std::move(spec));
    html += fmt::format(
        "<figure class=\"fig{}\"><figcaption>{}</figcaption><svg class=\"chart\" id=\"{}\" "
        "data-chart=\"{}\" data-group=\"{}\" role=\"img\" aria-label=\"{}\"></svg>",
        css.empty() ? "" : " " + css, esc(title), id, esc(kind), esc(group), esc(title));
    if (!note.empty()) html += "<p class=\"note\">" + note + "</p>";
    html += "</figure>\n";
  }

  // Colour chips naming the scenarios (comparisons only), and what lines and bands mean.
  // Colour chips naming the scenarios (comparisons only; from `first`), and, for time charts,
  // what lines and bands mean. A comparison shows no 90 % replication range: overlaid, the
  // ranges of several scenarios hide each other.
  void legend(bool bands, std::size_t first = 0) {
    html += "<p class=\"legend\">";
    if (comparison())
      for (std::size_t s = first; s < scen.size(); ++s)
        html += fmt::format("<span class=\"chip s{}\"></span>{}{} ", s % kPaletteSize,
                            esc(scen[s].name), s == 0 ? " (base)" : "");
    if (bands) {
      html +=
          "<span class=\"key\"><span class=\"k-line\"></span>average <span "
          "class=\"k-ci\"></span>95&nbsp;% interval of the average";
      if (!comparison()) html += " <span class=\"k-range\"></span>90&nbsp;% of replications";
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
    figure(kind, group, title,
           {{"type", "bars"},
            {"y", y},
            {"decimals", decimals},
            {"cats", std::move(cats)},
            {"values", false},
            {"floor", 0}},
           note);
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
// Sections.

const char* const kStyle = R"CSS(
:root{--ink:#1d2733;--muted:#5b6673;--line:#d8dde3;--bg:#f6f7f9;--card:#fff;--accent:#1f5f9e}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1180px;margin:0 auto;padding:0 20px 40px}
nav.top{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);padding:6px 20px;font-size:13px}
nav.top a{color:var(--accent);text-decoration:none;margin-right:14px;white-space:nowrap}
nav.top a:hover{text-decoration:underline}
header.report{padding:22px 0 8px}
h1{font-size:26px;line-height:1.25;margin:0 0 6px}
h2{font-size:21px;margin:34px 0 6px;padding-top:8px;border-top:2px solid var(--line)}
h3{font-size:16px;margin:20px 0 6px}
p{margin:6px 0 10px;max-width:80ch}
.lede{font-size:16px;color:var(--muted);margin:0 0 12px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:10px 0;font-size:14px}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eef1f4;padding:1px 4px;border-radius:3px;word-break:break-all}
.warnings{background:#fff6e0;border:1px solid #f0c36d;border-radius:6px;padding:8px 14px;margin:10px 0}
.warnings strong{color:#8a5a00}
.warnings ul{margin:4px 0;padding-left:20px}
.errors{background:#fdecea;border:1px solid #e0a39b;border-radius:6px;padding:8px 14px;margin:10px 0}
aside.howto{background:#eef4fb;border-left:4px solid var(--accent);padding:10px 16px;margin:16px 0;border-radius:0 6px 6px 0}
aside.howto h2{border:0;margin:4px 0;padding:0;font-size:18px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(430px,1fr));gap:14px}
figure.fig{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:0;padding:10px 12px 8px;break-inside:avoid}
figure.wide{grid-column:1/-1}
figcaption{font-weight:600;font-size:15px;margin-bottom:2px}
svg.chart{display:block;width:100%;height:auto;overflow:visible}
svg.chart.natural{width:auto;max-width:100%}
.note{font-size:13px;color:var(--muted);margin:4px 0 0}
.legend{font-size:13px;color:var(--muted);margin:6px 0 10px}
.chip{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;margin:0 4px 0 10px}
.chip:first-child{margin-left:0}
.key{white-space:nowrap;margin-left:12px}
.k-line,.k-ci,.k-range{display:inline-block;width:18px;vertical-align:middle;margin:0 4px 0 10px}
.k-line{height:0;border-top:2px solid #555}
.k-ci{height:10px;background:rgba(80,80,80,.35)}
.k-range{height:10px;background:rgba(80,80,80,.13)}
table.figures{border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;margin:8px 0 14px;font-size:14px;width:100%}
table.figures th,table.figures td{padding:5px 10px;border-bottom:1px solid #edf0f3;text-align:right;vertical-align:top}
table.figures th:first-child,table.figures td:first-child{text-align:left}
table.figures thead th{background:#f0f3f6;font-weight:600;vertical-align:bottom}
table.figures td{font-variant-numeric:tabular-nums}
table.differences td:last-child,table.differences th:last-child{text-align:left;white-space:nowrap}
table.figures .ci{display:block;color:var(--muted);font-size:12px}
td.better{color:#1e7b34;font-weight:600}
td.worse{color:#b03a2e;font-weight:600}
td.unclear{color:#6b7480;font-style:italic}
td.neutral{color:var(--ink)}
.tip{position:fixed;z-index:10;pointer-events:none;background:rgba(29,39,51,.94);color:#fff;font-size:12px;line-height:1.45;padding:6px 9px;border-radius:5px;max-width:360px}
.tip b{display:block}
svg .gridline{stroke:#e6e9ed;stroke-width:1;fill:none}
svg .axis{stroke:#9aa4ae;stroke-width:1;fill:none}
svg .tick{font-size:11px;fill:#5b6673}
svg .axis-label{font-size:11.5px;fill:#2e3a46}
svg .marker{stroke:#9aa4ae;stroke-width:1;stroke-dasharray:3 3;fill:none}
svg .marker.election{stroke:#b8a07a;stroke-dasharray:1 3;stroke-width:1.5}
svg .marker-label{font-size:10px;fill:#7b8590}
svg .zero{stroke:#39444f;stroke-width:1.2;fill:none}
svg .mean{fill:none;stroke-width:2;stroke-linejoin:round}
svg .whisker{fill:none;stroke:#29323c;stroke-width:1.2}
svg .mark{fill:none;stroke:#29323c;stroke-width:2;stroke-dasharray:4 2}
svg .value{font-size:11px;fill:#29323c}
svg .cat{font-size:11.5px;fill:#2e3a46}
svg .cell-main{font-size:15px;font-weight:600}
svg .cell-ci{font-size:10.5px}
svg .head{font-size:12.5px;font-weight:600;fill:#2e3a46}
svg .guide{stroke:#39444f;stroke-width:1;fill:none}
svg .hit{fill:transparent;pointer-events:all}
footer{margin-top:40px;font-size:13px;color:var(--muted);border-top:1px solid var(--line);padding-top:10px}
@media print{nav.top{display:none}body{background:#fff}figure.fig{border-color:#ccc}}
@media (max-width:560px){.grid{grid-template-columns:1fr}}
)CSS";

// The colour chips of the scenarios: .s0 {background: <first colour>} ...
std::string palette_css() {
  std::string css;
  for (std::size_t s = 0; s < kPaletteSize; ++s)
    css += fmt::format(".s{}{{background:{}}}", s, kPalette[s]);
  return css + "\n";
}

// Draws every chart listed in #cadresim-story from the data in #cadresim-data (vanilla ES5,
// no libraries). Marks each drawn <svg> data-rendered="1" and the <body> data-status="ok" (or
// "error", with the reasons shown on the page and logged with console.error).
const char* const kScript = R"JS(
(function () {
  'use strict';
  var body = document.body, errors = [];
  function fail(msg) {
    errors.push(msg);
    body.setAttribute('data-status', 'error');
    var box = document.getElementById('render-errors');
    if (box) { box.hidden = false; box.textContent = 'Some charts could not be drawn: ' + errors.join('; '); }
    if (window.console && console.error) console.error('cadresim report: ' + msg);
  }
  window.addEventListener('error', function (ev) { fail(ev.message || 'script error'); });
  var data, story;
  try {
    data = JSON.parse(document.getElementById('cadresim-data').textContent);
    story = JSON.parse(document.getElementById('cadresim-story').textContent);
  } catch (e) { fail('cannot read the embedded data: ' + e.message); return; }
  var first = document.querySelector('svg.chart');
  var NS = first ? first.namespaceURI : null;  // the SVG namespace, without writing its address
  var palette = story.palette, names = story.names;
  function colour(s) { return palette[s % palette.length]; }

  // Series by scenario, source (results or difference_from_base), kind and "metric|group".
  var index = (data.scenarios || []).map(function (sc) {
    var out = {};
    ['results', 'difference_from_base'].forEach(function (src) {
      if (!sc[src]) return;
      out[src] = {};
      ['monthly', 'yearly'].forEach(function (kind) {
        var m = Object.create(null);
        (sc[src][kind] || []).forEach(function (e) { m[e.metric + '|' + e.group] = e; });
        out[src][kind] = m;
      });
    });
    return out;
  });
  function lookup(r) {
    var sc = index[r.s], src = sc && sc[r.src || 'results'], m = src && src[r.kind || 'monthly'];
    return m ? m[r.metric + '|' + r.group] : undefined;
  }

  function make(parent, tag, attrs, text) {
    var e = document.createElementNS(NS, tag);
    for (var k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    parent.appendChild(e);
    return e;
  }
  function finite(v) { return typeof v === 'number' && isFinite(v); }
  function fmt(v, d) {
    if (!finite(v)) return '\u2013';
    var s = Math.abs(v).toLocaleString('en-US', {minimumFractionDigits: d, maximumFractionDigits: d});
    return (v < 0 && /[1-9]/.test(s) ? '\u2212' : '') + s;
  }
  function decimalsOf(step) {
    var d = 0;
    while (d < 6 && Math.abs(Math.round(step * Math.pow(10, d)) - step * Math.pow(10, d)) > 1e-6) d++;
    return d;
  }
  function niceTicks(lo, hi, n) {
    if (!(hi > lo)) { var pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1; lo -= pad; hi += pad; }
    var raw = (hi - lo) / n, mag = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10)), r = raw / mag;
    var step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * mag;
    var a = Math.floor(lo / step + 1e-9) * step, b = Math.ceil(hi / step - 1e-9) * step, values = [];
    for (var i = 0; a + i * step <= b + step * 1e-6; i++) values.push(Math.abs(a + i * step) < step * 1e-9 ? 0 : a + i * step);
    return {lo: a, hi: b, values: values, decimals: decimalsOf(step)};
  }
  function parseDate(s) { return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)); }
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function monthLabel(s) { return MONTHS[+s.slice(5, 7) - 1] + ' ' + s.slice(0, 4); }
  function size(svg, w, h) {
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  }
  // A vertical value axis with grid lines; returns the value -> y mapping.
  function valueAxis(svg, box, t, label, unit) {
    var ys = function (v) { return box.bottom - (v - t.lo) / (t.hi - t.lo) * (box.bottom - box.top); };
    var d = '';
    t.values.forEach(function (v) {
      var y = ys(v).toFixed(1);
      d += 'M' + box.left + ' ' + y + 'H' + box.right;
      make(svg, 'text', {x: box.left - 6, y: +y + 4, 'class': 'tick', 'text-anchor': 'end'}, fmt(v, t.decimals) + (unit || ''));
    });
    make(svg, 'path', {d: d, 'class': 'gridline'});
    make(svg, 'text', {'class': 'axis-label', 'text-anchor': 'middle',
      transform: 'translate(13 ' + ((box.top + box.bottom) / 2).toFixed(1) + ') rotate(-90)'}, label);
    return ys;
  }
  var tip = document.getElementById('tip');
  function showTip(ev, title, lines) {
    tip.textContent = '';
    var b = document.createElement('b'); b.textContent = title; tip.appendChild(b);
    lines.forEach(function (l) { var d = document.createElement('div'); d.textContent = l; tip.appendChild(d); });
    tip.hidden = false;
    var x = ev.clientX + 16, y = ev.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth - 8) x = ev.clientX - tip.offsetWidth - 16;
    if (y + tip.offsetHeight > window.innerHeight - 8) y = ev.clientY - tip.offsetHeight - 10;
    tip.style.left = x + 'px'; tip.style.top = y + 'px';
  }
  function hideTip() { tip.hidden = true; }
  function svgPoint(svg, ev) {
    var p = svg.createSVGPoint(); p.x = ev.clientX; p.y = ev.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function interval(lo, hi, d) { return finite(lo) && finite(hi) ? ' (95 % interval ' + fmt(lo, d) + ' to ' + fmt(hi, d) + ')' : ''; }

  // Monthly series over time: 5-95 % band, 95 % interval band, mean line; one colour per scenario.
  function drawTime(svg, spec) {
    var w = spec.w || 520, h = spec.h || 250, k = spec.scale || 1, dec = spec.decimals || 0;
    var series = [];
    spec.series.forEach(function (r) {
      var e = lookup(r);
      if (!e || !e.dates || !e.dates.length) return;
      var lo = spec.clip && finite(spec.clip[0]) ? spec.clip[0] : -Infinity, hi = spec.clip && finite(spec.clip[1]) ? spec.clip[1] : Infinity;
      function get(key) {
        return (e[key] || []).map(function (v, i) {
          var x = finite(v) ? v * k : (finite(e.mean[i]) ? e.mean[i] * k : NaN);
          return finite(x) ? Math.min(hi, Math.max(lo, x)) : x;
        });
      }
      series.push({s: r.s, dates: e.dates, t: e.dates.map(parseDate), mean: get('mean'), lo: get('ci_low'),
        hi: get('ci_high'), p05: get('p05'), p95: get('p95')});
    });
    if (!series.length) throw new Error('no data for ' + spec.series.map(function (r) { return r.metric + '|' + r.group; }).join(', '));
    var tmin = Infinity, tmax = -Infinity, vmin = Infinity, vmax = -Infinity;
    series.forEach(function (s) {
      tmin = Math.min(tmin, s.t[0]); tmax = Math.max(tmax, s.t[s.t.length - 1]);
      ['mean', 'lo', 'hi', 'p05', 'p95'].forEach(function (key) {
        s[key].forEach(function (v) { if (finite(v)) { vmin = Math.min(vmin, v); vmax = Math.max(vmax, v); } });
      });
    });
    if (!finite(vmin)) { vmin = 0; vmax = 1; }
    (spec.include || []).forEach(function (v) { vmin = Math.min(vmin, v); vmax = Math.max(vmax, v); });
    if (tmax <= tmin) { tmin -= 15 * 864e5; tmax += 15 * 864e5; }
    var t = niceTicks(vmin, vmax, 5);
    size(svg, w, h);
    var box = {left: 58, right: w - 14, top: 16, bottom: h - 26};
    var ys = valueAxis(svg, box, t, spec.y, spec.unit);
    var xs = function (v) { return box.left + (v - tmin) / (tmax - tmin) * (box.right - box.left); };
    // Years on the time axis (every second one when there are many).
    var y0 = new Date(tmin).getUTCFullYear(), y1 = new Date(tmax).getUTCFullYear(), years = [];
    for (var y = y0; y <= y1 + 1; y++) { var ty = Date.UTC(y, 0, 1); if (ty >= tmin && ty <= tmax) years.push({y: y, t: ty}); }
    var every = Math.ceil(years.length / 8), dt = '';
    years.forEach(function (yr, i) {
      var x = xs(yr.t).toFixed(1);
      dt += 'M' + x + ' ' + box.bottom + 'v4';
      if (i % every === 0) make(svg, 'text', {x: x, y: box.bottom + 17, 'class': 'tick', 'text-anchor': 'middle'}, String(yr.y));
    });
    make(svg, 'path', {d: 'M' + box.left + ' ' + box.bottom + 'H' + box.right + dt, 'class': 'axis'});
    if (spec.markers && story.markers) {
      var labelled = {};  // the first marker of each kind is labelled; the style tells the rest
      story.markers.forEach(function (m) {
        var tm = parseDate(m.date);
        if (tm < tmin || tm > tmax) return;
        var x = xs(tm);
        make(svg, 'path', {d: 'M' + x.toFixed(1) + ' ' + box.top + 'V' + box.bottom, 'class': 'marker ' + m.kind});
        if (!labelled[m.kind] && x + 44 < box.right) {
          make(svg, 'text', {x: x + 3, y: box.top - 4 + 10 * Object.keys(labelled).length, 'class': 'marker-label'}, m.label);
          labelled[m.kind] = true;
        }
      });
    }
    function area(s, loKey, hiKey) {
      var d = '', n = s.t.length, i;
      for (i = 0; i < n; i++) d += (i ? 'L' : 'M') + xs(s.t[i]).toFixed(1) + ' ' + ys(s[hiKey][i]).toFixed(1);
      for (i = n - 1; i >= 0; i--) d += 'L' + xs(s.t[i]).toFixed(1) + ' ' + ys(s[loKey][i]).toFixed(1);
      return d + 'Z';
    }
    if (spec.bands !== false) {
      if (spec.range !== false) series.forEach(function (s) { make(svg, 'path', {d: area(s, 'p05', 'p95'), fill: colour(s.s), 'fill-opacity': 0.12, 'class': 'band-range'}); });
      series.forEach(function (s) { make(svg, 'path', {d: area(s, 'lo', 'hi'), fill: colour(s.s), 'fill-opacity': 0.32, 'class': 'band-ci'}); });
    }
    if (spec.zeroLine && t.lo < 0 && t.hi > 0) make(svg, 'path', {d: 'M' + box.left + ' ' + ys(0).toFixed(1) + 'H' + box.right, 'class': 'zero'});
    series.forEach(function (s) {
      var d = '';
      s.t.forEach(function (tv, i) { if (finite(s.mean[i])) d += (d ? 'L' : 'M') + xs(tv).toFixed(1) + ' ' + ys(s.mean[i]).toFixed(1); });
      make(svg, 'path', {d: d, stroke: colour(s.s), 'class': 'mean'});
    });
    // Hover: a guide line and the values at the nearest month.
    var guide = make(svg, 'path', {d: '', 'class': 'guide'});
    var hit = make(svg, 'rect', {x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top, 'class': 'hit'});
    hit.addEventListener('mousemove', function (ev) {
      var p = svgPoint(svg, ev), tv = tmin + (p.x - box.left) / (box.right - box.left) * (tmax - tmin), lines = [], label = '';
      series.forEach(function (s) {
        var best = 0;
        for (var i = 1; i < s.t.length; i++) if (Math.abs(s.t[i] - tv) < Math.abs(s.t[best] - tv)) best = i;
        if (!label) { label = monthLabel(s.dates[best]); guide.setAttribute('d', 'M' + xs(s.t[best]).toFixed(1) + ' ' + box.top + 'V' + box.bottom); }
        lines.push((names.length > 1 ? names[s.s] + ': ' : '') + fmt(s.mean[best], dec) + (spec.unit || '') + interval(s.lo[best], s.hi[best], dec));
      });
      showTip(ev, label, lines);
    });
    hit.addEventListener('mouseleave', function () { guide.setAttribute('d', ''); hideTip(); });
  }

  // Split a label into lines of at most `width` characters.
  function wrap(label, width) {
    var lines = [], cur = '';
    String(label).split(' ').forEach(function (word) {
      if (cur && (cur + ' ' + word).length > width) { lines.push(cur); cur = word; } else cur = cur ? cur + ' ' + word : word;
    });
    if (cur) lines.push(cur);
    return lines;
  }

  // Grouped bars with 95 % interval whiskers: categories along x, one bar per scenario.
  function drawBars(svg, spec) {
    var cats = spec.cats || [], dec = spec.decimals || 0;
    if (!cats.length) throw new Error('no categories');
    if (finite(spec.floor)) cats.forEach(function (c) { c.vals.forEach(function (v) { if (finite(v.lo)) v.lo = Math.max(spec.floor, v.lo); }); });
    var w = spec.w || 520, nv = 1, vmin = 0, vmax = 0, count = 0;
    cats.forEach(function (c) {
      nv = Math.max(nv, c.vals.length);
      c.vals.forEach(function (v) {
        [v.mean, v.lo, v.hi, v.mark].forEach(function (x) { if (finite(x)) { vmin = Math.min(vmin, x); vmax = Math.max(vmax, x); count++; } });
      });
    });
    if (!count) throw new Error('no values');
    var left = 60, right = 12, catW = (w - left - right) / cats.length;
    var maxChars = Math.max(4, Math.floor(catW / 6.3)), wrapped = cats.map(function (c) { return wrap(c.label, maxChars); });
    var nLines = Math.min(3, Math.max.apply(null, wrapped.map(function (l) { return l.length; })));
    var h = spec.h || (220 + 14 * nLines);
    size(svg, w, h);
    var box = {left: left, right: w - right, top: spec.values ? 22 : 12, bottom: h - 10 - 14 * nLines};
    var t = niceTicks(vmin, vmax, 5), ys = valueAxis(svg, box, t, spec.y, spec.unit);
    var gw = Math.min(catW * 0.8, nv * 56), bw = gw / nv;
    cats.forEach(function (c, i) {
      var cx = box.left + (i + 0.5) * catW;
      wrapped[i].slice(0, 3).forEach(function (line, j) {
        make(svg, 'text', {x: cx.toFixed(1), y: box.bottom + 15 + 13 * j, 'class': 'cat', 'text-anchor': 'middle'}, line);
      });
      c.vals.forEach(function (v, j) {
        if (!finite(v.mean)) return;
        var x = cx - gw / 2 + j * bw + bw * 0.1, bwi = bw * 0.8, xc = (x + bwi / 2).toFixed(1);
        var y0 = ys(0), y1 = ys(v.mean);
        var bar = make(svg, 'path', {d: 'M' + x.toFixed(1) + ' ' + y0.toFixed(1) + 'V' + y1.toFixed(1) + 'h' + bwi.toFixed(1) + 'V' + y0.toFixed(1) + 'Z',
          fill: colour(v.s), 'fill-opacity': 0.85, 'class': 'bar'});
        make(bar, 'title', {}, c.label + (names.length > 1 ? ' \u2014 ' + names[v.s] : '') + ': ' + fmt(v.mean, dec) + (spec.unit || '') + interval(v.lo, v.hi, dec) +
          (finite(v.mark) ? '; planned ' + fmt(v.mark, dec) : ''));
        if (finite(v.lo) && finite(v.hi) && v.hi > v.lo) {
          var a = ys(v.lo).toFixed(1), b = ys(v.hi).toFixed(1), cap = Math.min(5, bwi / 3);
          make(svg, 'path', {d: 'M' + xc + ' ' + a + 'V' + b + 'M' + (xc - cap) + ' ' + a + 'h' + 2 * cap + 'M' + (xc - cap) + ' ' + b + 'h' + 2 * cap, 'class': 'whisker'});
        }
        if (finite(v.mark)) make(svg, 'path', {d: 'M' + (x - 2).toFixed(1) + ' ' + ys(v.mark).toFixed(1) + 'h' + (bwi + 4).toFixed(1), 'class': 'mark'});
        if (spec.values) {
          var top = Math.max(v.mean, finite(v.hi) ? v.hi : v.mean), low = Math.min(v.mean, finite(v.lo) ? v.lo : v.mean);
          var ty = v.mean >= 0 ? ys(top) - 5 : ys(low) + 13;
          make(svg, 'text', {x: xc, y: ty.toFixed(1), 'class': 'value', 'text-anchor': 'middle'}, fmt(v.mean, dec));
        }
      });
    });
    make(svg, 'path', {d: 'M' + box.left + ' ' + ys(0).toFixed(1) + 'H' + box.right, 'class': t.lo < 0 ? 'zero' : 'axis'});
  }

  // Origin x destination table as a heat map (one per scenario).
  function drawMatrix(svg, spec) {
    var rows = spec.rows, cols = spec.cols, cells = spec.cells, dec = spec.decimals || 1;
    if (!rows.length || !cols.length) throw new Error('empty matrix');
    var cw = 104, ch = 52, left = 118, top = 52, w = left + cols.length * cw + 6, h = top + rows.length * ch + 6, max = 0;
    cells.forEach(function (r) { r.forEach(function (c) { if (finite(c.mean)) max = Math.max(max, c.mean); }); });
    size(svg, w, h);
    svg.setAttribute('width', w); svg.setAttribute('height', h);
    svg.setAttribute('class', svg.getAttribute('class') + ' natural');
    make(svg, 'text', {x: left + cols.length * cw / 2, y: 14, 'class': 'head', 'text-anchor': 'middle'}, 'To (destination level)');
    make(svg, 'text', {x: 4, y: 14, 'class': 'head'}, 'From (origin)');
    cols.forEach(function (c, j) { make(svg, 'text', {x: left + j * cw + cw / 2, y: top - 10, 'class': 'cat', 'text-anchor': 'middle'}, c); });
    rows.forEach(function (r, i) {
      make(svg, 'text', {x: left - 8, y: top + i * ch + ch / 2 + 4, 'class': 'cat', 'text-anchor': 'end'}, r);
      cols.forEach(function (c, j) {
        var v = cells[i][j] || {}, x = left + j * cw, y = top + i * ch, share = finite(v.mean) && max > 0 ? v.mean / max : 0;
        var op = v.mean > 0 ? 0.1 + 0.85 * share : 0;
        var cell = make(svg, 'path', {d: 'M' + (x + 1) + ' ' + (y + 1) + 'h' + (cw - 2) + 'v' + (ch - 2) + 'h' + (2 - cw) + 'Z',
          fill: op > 0 ? colour(spec.s) : '#f1f3f5', 'fill-opacity': op > 0 ? op.toFixed(2) : 1, 'class': 'cell'});
        make(cell, 'title', {}, 'From ' + r + ' to ' + c + ': ' + fmt(v.mean, dec) + ' rotations' + interval(v.lo, v.hi, dec));
        var ink = op > 0.55 ? '#fff' : '#1d2733';
        if (!(v.mean > 0)) { make(svg, 'text', {x: x + cw / 2, y: y + ch / 2 + 5, 'class': 'cell-ci', fill: '#9aa4ae', 'text-anchor': 'middle'}, '0'); return; }
        make(svg, 'text', {x: x + cw / 2, y: y + ch / 2 - 1, 'class': 'cell-main', fill: ink, 'text-anchor': 'middle'}, fmt(v.mean, dec));
        if (finite(v.lo) && finite(v.hi))
          make(svg, 'text', {x: x + cw / 2, y: y + ch / 2 + 14, 'class': 'cell-ci', fill: ink, 'text-anchor': 'middle'}, fmt(v.lo, dec) + ' to ' + fmt(v.hi, dec));
      });
    });
  }

  // Distribution ranges (5th-95th percentile bar, median tick, mean dot), one row per item.
  function drawRange(svg, spec) {
    var items = spec.items || [], dec = spec.decimals || 0, unit = spec.unit || '';
    if (!items.length) throw new Error('no items');
    var w = spec.w || 1100, row = 40, left = 170, h = 30 + items.length * row + 34, vmin = 0, vmax = 0;
    items.forEach(function (it) { [it.p05, it.p95, it.mean, it.p50].forEach(function (v) { if (finite(v)) { vmin = Math.min(vmin, v); vmax = Math.max(vmax, v); } }); });
    size(svg, w, h);
    var box = {left: left, right: w - 16, top: 22, bottom: h - 34}, t = niceTicks(vmin, vmax, 6);
    var xs = function (v) { return box.left + (v - t.lo) / (t.hi - t.lo) * (box.right - box.left); }, d = '';
    t.values.forEach(function (v) {
      d += 'M' + xs(v).toFixed(1) + ' ' + box.top + 'V' + box.bottom;
      make(svg, 'text', {x: xs(v).toFixed(1), y: box.bottom + 15, 'class': 'tick', 'text-anchor': 'middle'}, fmt(v, t.decimals) + unit);
    });
    make(svg, 'path', {d: d, 'class': 'gridline'});
    make(svg, 'text', {x: (box.left + box.right) / 2, y: h - 4, 'class': 'axis-label', 'text-anchor': 'middle'}, spec.x);
    if (t.lo < 0 && t.hi > 0) {
      make(svg, 'path', {d: 'M' + xs(0).toFixed(1) + ' ' + (box.top - 6) + 'V' + box.bottom, 'class': 'zero'});
      make(svg, 'text', {x: xs(0).toFixed(1), y: box.top - 9, 'class': 'marker-label', 'text-anchor': 'middle'}, spec.zeroLabel || '0');
    }
    items.forEach(function (it, i) {
      var y = box.top + i * row + row / 2, c = colour(it.s);
      make(svg, 'text', {x: box.left - 10, y: y + 4, 'class': 'cat', 'text-anchor': 'end'}, it.label);
      if (finite(it.p05) && finite(it.p95)) {
        var bar = make(svg, 'path', {d: 'M' + xs(it.p05).toFixed(1) + ' ' + (y - 7) + 'H' + xs(it.p95).toFixed(1) + 'v14H' + xs(it.p05).toFixed(1) + 'Z', fill: c, 'fill-opacity': 0.28, 'class': 'range'});
        make(bar, 'title', {}, it.label + ': 90 % of moves between ' + fmt(it.p05, dec) + unit + ' and ' + fmt(it.p95, dec) + unit);
      }
      if (finite(it.p50)) make(svg, 'path', {d: 'M' + xs(it.p50).toFixed(1) + ' ' + (y - 11) + 'v22', stroke: c, 'stroke-width': 3, fill: 'none', 'class': 'median'});
      if (finite(it.mean)) {
        var r = 5, x = xs(it.mean);
        var dot = make(svg, 'path', {d: 'M' + (x - r).toFixed(1) + ' ' + y + 'a' + r + ' ' + r + ' 0 1 0 ' + 2 * r + ' 0a' + r + ' ' + r + ' 0 1 0 ' + -2 * r + ' 0Z',
          fill: '#fff', stroke: c, 'stroke-width': 2.5, 'class': 'mean-dot'});
        make(dot, 'title', {}, it.label + ': mean ' + fmt(it.mean, dec) + unit + ', median ' + fmt(it.p50, dec) + unit);
      }
    });
  }

  var draw = {time: drawTime, bars: drawBars, matrix: drawMatrix, range: drawRange}, drawn = [];
  (story.charts || []).forEach(function (spec) {
    var svg = document.getElementById(spec.id);
    try {
      if (!svg) throw new Error('no element');
      if (!draw[spec.type]) throw new Error('unknown chart type ' + spec.type);
      draw[spec.type](svg, spec);
      svg.setAttribute('data-rendered', '1');
      drawn.push(spec.chart);
    } catch (e) { fail(spec.id + ' (' + spec.chart + '): ' + e.message); }
  });
  body.setAttribute('data-charts-drawn', drawn.length + '/' + (story.charts || []).length);
  if (!errors.length) body.setAttribute('data-status', 'ok');
})();
)JS";

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
  h += "<div class=\"errors\" id=\"render-errors\" hidden></div>\n";
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
      "hands.</p>\n";
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
      "values.</p></aside>\n";
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
      const std::string change = b.ok() && std::abs(b.mean) > 1e-12
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
        {"percentage point more key posts with a ready successor (at the end)",
         point_of(var.difference, "monthly", "successor_coverage_1", "all", -1).scaled(100), 1},
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
  // The origin x destination matrix, one per scenario.
  h += "<h3>Where rotated cadres came from and went to</h3>\n<p>Number of rotations over the whole "
       "period, from the level of the cadre's post (rows) to the level of the destination post "
       "(columns): the average, and its 95&nbsp;% interval in small type. Darker cells carry more "
       "moves.</p>\n<div class=\"grid\">\n";
  for (std::size_t s = 0; s < p.scen.size(); ++s) {
    json rows = json::array(), cols = json::array(), cells = json::array();
    bool any = false;
    for (const auto& a : levels) {
      rows.push_back(p.names.level_name(a));
      cols.push_back(p.names.level_name(a));
      json row = json::array();
      for (const auto& b : levels) {
        const Value v = total_of(p.scen[s].results, "rotations", a + ">" + b);
        any = any || v.ok();
        row.push_back(value_json(v));
      }
      cells.push_back(std::move(row));
    }
    if (!any) continue;
    p.figure("flow-matrix", std::to_string(s),
             p.comparison() ? "Rotations by origin and destination level: " + p.scen[s].name
                            : "Rotations by origin and destination level",
             {{"type", "matrix"},
              {"s", s},
              {"rows", rows},
              {"cols", cols},
              {"cells", cells},
              {"decimals", 1}});
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
  json out = json::array();
  for (const auto& [d, kind] : dates)
    out.push_back({{"date", d},
                   {"kind", kind},
                   {"label", kind == "congress" ? "Party congress" : "State election"}});
  return out;
}

// A source name without the parentheses the CLI puts around built-in names.
std::string bare_source(const std::string& s) {
  return s.size() >= 2 && s.front() == '(' && s.back() == ')' ? s.substr(1, s.size() - 2) : s;
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

}  // namespace

std::string report_html(const nlohmann::json& report) {
  const std::vector<Scenario> scen = scenarios_of(report);
  const Names names = names_of(report, scen);
  Page page{scen, names, {}, json::array()};
  page.html.reserve(1 << 16);

  header(page, report);
  how_to_read(page, report);
  if (scen.size() > 1) {  // a comparison leads with its differences
    differences(page);
    key_figures(page);
  } else {
    key_figures(page);
  }
  const std::string note = first_year_note(scen);
  vacancies(page);
  successors(page);
  rotations(page, note);
  costs(page, note);
  leadership(page);
  managing_tiers(page);

  json story{{"palette", json::array()},
             {"names", json::array()},
             {"markers", markers_of(scen)},
             {"charts", page.charts}};
  for (const char* c : kPalette) story["palette"].push_back(c);
  for (const auto& s : scen) story["names"].push_back(s.name);

  std::string title =
      scen.empty() ? std::string("cadresim report") : "cadresim report: " + scen.front().name;
  if (scen.size() > 1)
    title += fmt::format(" and {} variant{}", scen.size() - 1, scen.size() > 2 ? "s" : "");

  std::string out;
  out.reserve(page.html.size() + 200000);
  out +=
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta "
      "name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta "
      "name=\"generator\" content=\"cadresim " +
      esc(text_of(member(&report, "cadresim"), "version")) + "\">\n<title>" + esc(title) +
      "</title>\n<style>" + kStyle + palette_css() +
      "</style>\n</head>\n<body data-status=\"loading\">\n";
  out += "<nav class=\"top\"><a href=\"#how-to-read\">How to read</a>";
  if (scen.size() > 1) out += "<a href=\"#differences\">Differences</a>";
  out += "<a href=\"#key-figures\">Key figures</a>";
  out +=
      "<a href=\"#vacancies\">Vacant posts</a><a href=\"#successors\">Successors</a><a "
      "href=\"#rotations\">Rotations</a><a href=\"#costs\">Costs and income</a>";
  if (page.html.find("id=\"leadership\"") != std::string::npos)
    out += "<a href=\"#leadership\">Non-native leaders, effectiveness</a>";
  if (page.html.find("id=\"managing-tiers\"") != std::string::npos)
    out += "<a href=\"#managing-tiers\">Managing tiers</a>";
  out += "</nav>\n<main>\n";
  out += page.html;
  out += "<footer><p>Made by cadresim " + esc(text_of(member(&report, "cadresim"), "version")) +
         ". This file is self-contained: it opens offline and embeds the full results (the same "
         "content as report.json, including every resolved scenario) in the element "
         "<code>#cadresim-data</code>. Run the command above again with the same seed and "
         "replications to reproduce these figures exactly.</p></footer>\n";
  out += "</main>\n<div class=\"tip\" id=\"tip\" hidden></div>\n";
  out += "<script type=\"application/json\" id=\"cadresim-data\">" + script_json(report) +
         "</script>\n";
  out += "<script type=\"application/json\" id=\"cadresim-story\">" + script_json(story) +
         "</script>\n";
  out += "<script>";
  out += kScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace cadresim::analysis
