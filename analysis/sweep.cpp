// Sweeps: designs, summaries, the tidy table, JSON, the HTML page with inline SVG charts, and
// the choice of the cheapest point meeting targets.
#include "analysis/sweep.hpp"

#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::sort, std::min, std::max
#include <cmath>      // std::round, std::abs, std::isfinite, std::isnan
#include <limits>     // infinity: a target on a metric that does not apply
#include <map>        // std::map (ordered: deterministic chart series)
#include <numeric>    // std::iota

#include "analysis/csv_cell.hpp"  // csv_number: empty where a figure does not apply
#include "analysis/lhs.hpp"
#include "analysis/messages.hpp"    // tr, trf: the summary and sweep.html in English or Vietnamese
#include "analysis/text_width.hpp"  // format_table, plain_number

namespace cadresim::analysis {

using json = nlohmann::json;

std::vector<double> Lever::grid() const {
  std::vector<double> g;
  if (step <= 0) {
    g = {from, to};
  } else {
    const double n = std::floor((to - from) / step + 1e-9);
    for (long i = 0; i <= static_cast<long>(n); ++i)
      g.push_back(from + static_cast<double>(i) * step);
  }
  if (integer)
    for (double& v : g) v = std::round(v);
  return g;
}

std::optional<Lever> parse_lever(const std::string& text, std::string& error) {
  const auto eq = text.rfind('=');
  if (eq == std::string::npos || text.empty() || text.front() != '/') {
    error = fmt::format("\"{}\" is not of the form /pointer=from:to[:step]", text);
    return std::nullopt;
  }
  Lever l;
  l.pointer = text.substr(0, eq);
  std::vector<double> nums;
  std::string rest = text.substr(eq + 1);
  std::size_t start = 0;
  while (true) {
    const auto colon = rest.find(':', start);
    const std::string part = rest.substr(start, colon == std::string::npos ? colon : colon - start);
    try {
      std::size_t used = 0;
      nums.push_back(std::stod(part, &used));
      if (used != part.size() || !std::isfinite(nums.back())) throw std::invalid_argument(part);
    } catch (const std::exception&) {
      error = fmt::format("\"{}\": \"{}\" is not a number (expected from:to[:step])", text, part);
      return std::nullopt;
    }
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (nums.size() < 2 || nums.size() > 3) {
    error = fmt::format("\"{}\": expected from:to or from:to:step", text);
    return std::nullopt;
  }
  l.from = nums[0], l.to = nums[1], l.step = nums.size() == 3 ? nums[2] : 0;
  if (nums.size() == 3 && l.step <= 0) {
    error = fmt::format("\"{}\": the step must be positive", text);
    return std::nullopt;
  }
  if (l.to < l.from) {
    error = fmt::format("\"{}\": from must not exceed to", text);
    return std::nullopt;
  }
  if (l.step > 0 && (l.to - l.from) / l.step > 10000) {
    error = fmt::format("\"{}\": more than 10,000 values", text);
    return std::nullopt;
  }
  return l;
}

std::size_t design_size(const std::vector<Lever>& levers, Design design, std::size_t lhs_n) {
  if (design == Design::kLhs) return lhs_n;
  std::size_t total = 1;  // grid: the product of the sizes; one at a time: the base point
  for (const auto& l : levers) {
    const auto grid = l.grid();
    if (design == Design::kGrid) {
      if (!grid.empty() && total > std::numeric_limits<std::size_t>::max() / grid.size())
        return std::numeric_limits<std::size_t>::max();
      total *= grid.size();
    } else {
      total += static_cast<std::size_t>(
          std::count_if(grid.begin(), grid.end(), [&](double v) { return v != l.base; }));
    }
  }
  return total;
}

std::vector<SweepPoint> design_points(const std::vector<Lever>& levers, Design design,
                                      std::size_t lhs_n, std::uint64_t seed) {
  std::vector<SweepPoint> pts;
  std::vector<double> base;
  for (const auto& l : levers) base.push_back(l.base);
  if (design == Design::kGrid) {
    std::vector<std::vector<double>> grids;
    std::size_t total = 1;
    for (const auto& l : levers) grids.push_back(l.grid()), total *= grids.back().size();
    for (std::size_t i = 0; i < total; ++i) {
      SweepPoint p;
      p.values.resize(levers.size());
      std::size_t rest = i;
      for (std::size_t j = levers.size(); j-- > 0;) {
        p.values[j] = grids[j][rest % grids[j].size()];
        rest /= grids[j].size();
      }
      pts.push_back(std::move(p));
    }
  } else if (design == Design::kLhs) {
    const auto u = latin_hypercube(lhs_n, levers.size(), seed);
    for (const auto& row : u) {
      SweepPoint p;
      for (std::size_t j = 0; j < levers.size(); ++j) {
        double v = levers[j].from + row[j] * (levers[j].to - levers[j].from);
        if (levers[j].integer) v = std::round(v);
        p.values.push_back(v);
      }
      pts.push_back(std::move(p));
    }
  } else {
    pts.push_back({base, -1, true});
    for (std::size_t j = 0; j < levers.size(); ++j)
      for (double v : levers[j].grid()) {
        if (v == base[j]) continue;  // that is the base point, already run
        SweepPoint p{base, static_cast<int>(j), false};
        p.values[j] = v;
        pts.push_back(std::move(p));
      }
  }
  for (auto& p : pts) p.is_base = p.values == base;
  return pts;
}

SweepResult summarise_sweep(std::vector<Lever> levers, Design design,
                            std::vector<SweepPoint> points, std::vector<MetricSpec> metrics,
                            std::vector<std::vector<std::vector<double>>> values,
                            std::uint64_t seed) {
  SweepResult r;
  r.levers = std::move(levers);
  r.design = design;
  r.points = std::move(points);
  r.metrics = std::move(metrics);
  r.values = std::move(values);
  r.seed = seed;
  r.replications = r.values.empty() || r.values[0].empty() ? 0 : r.values[0][0].size();
  r.base_point = 0;
  for (std::size_t p = 0; p < r.points.size(); ++p)
    if (r.points[p].is_base) {
      r.base_point = p;
      break;
    }
  for (std::size_t p = 0; p < r.values.size(); ++p) {
    std::vector<Summary> st, df;
    for (std::size_t m = 0; m < r.metrics.size(); ++m) {
      st.push_back(
          summarise_within(r.values[p][m], value_range({r.metrics[m].metric, r.metrics[m].group})));
      std::vector<double> d(r.replications);
      for (std::size_t k = 0; k < r.replications; ++k)
        d[k] = r.values[p][m][k] - r.values[r.base_point][m][k];
      df.push_back(summarise(d));
    }
    r.stats.push_back(std::move(st));
    r.difference.push_back(std::move(df));
  }
  return r;
}

namespace {
std::string csv_quote(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}
// "mean [low, high]" for the text and the page in `lang` ("1,5 [1,2; 1,8]" in Vietnamese, as
// format_interval writes), or "n/a" where the metric applies nowhere.
std::string mean_interval(const Summary& s, Lang lang) {
  if (not_applicable_anywhere(s)) return std::string(tr(lang, "value.not_applicable"));
  return plain_interval(s.mean, s.ci_low, s.ci_high, 5, false, lang);
}
std::string difference_interval(const Summary& d, Lang lang) {
  if (not_applicable_anywhere(d)) return std::string(tr(lang, "value.not_applicable"));
  return plain_interval(d.mean, d.ci_low, d.ci_high, 4, true, lang);
}
// The design as sweep.json names it, and in words.
const char* design_name(Design d) {
  return d == Design::kGrid ? "grid" : d == Design::kLhs ? "lhs" : "one-at-a-time";
}
std::string design_words(Design d, Lang lang) {
  return std::string(tr(lang, d == Design::kGrid  ? "sweep.design.grid"
                              : d == Design::kLhs ? "sweep.design.lhs"
                                                  : "sweep.design.oat"));
}
}  // namespace

std::string sweep_csv(const SweepResult& r) {
  std::string out = "point";
  for (const auto& l : r.levers) out.append(",").append(csv_quote(l.pointer));
  out += ",metric,n,mean,ci_low,ci_high,p05,p50,p95,diff_mean,diff_ci_low,diff_ci_high\n";
  for (std::size_t p = 0; p < r.points.size(); ++p)
    for (std::size_t m = 0; m < r.metrics.size(); ++m) {
      out += std::to_string(p);
      for (double v : r.points[p].values) out += fmt::format(",{:.10g}", v);
      const Summary& s = r.stats[p][m];
      const Summary& d = r.difference[p][m];
      out += fmt::format(",{},{},{},{},{},{},{},{},{},{},{}\n", csv_quote(r.metrics[m].name), s.n,
                         csv_number(s.mean), csv_number(s.ci_low), csv_number(s.ci_high),
                         csv_number(s.p05), csv_number(s.p50), csv_number(s.p95),
                         csv_number(d.mean), csv_number(d.ci_low), csv_number(d.ci_high));
    }
  return out;
}

json sweep_json(const SweepResult& r) {
  json j;
  j["design"] = design_name(r.design);
  j["replications"] = r.replications;
  j["seed"] = r.seed;
  j["base_point"] = r.base_point;
  json lv = json::array();
  for (const auto& l : r.levers)
    lv.push_back({{"pointer", l.pointer},
                  {"from", l.from},
                  {"to", l.to},
                  {"step", l.step},
                  {"base", l.base}});
  j["levers"] = lv;
  json pts = json::array();
  for (std::size_t p = 0; p < r.points.size(); ++p) {
    json o{{"point", p}, {"values", r.points[p].values}};
    if (r.points[p].oat_lever >= 0) o["varied_lever"] = r.points[p].oat_lever;
    json ms = json::object();
    for (std::size_t m = 0; m < r.metrics.size(); ++m) {
      const Summary& s = r.stats[p][m];
      const Summary& d = r.difference[p][m];
      ms[r.metrics[m].name] = {{"mean", s.mean},
                               {"ci_low", s.ci_low},
                               {"ci_high", s.ci_high},
                               {"p05", s.p05},
                               {"p95", s.p95},
                               {"diff_mean", d.mean},
                               {"diff_ci_low", d.ci_low},
                               {"diff_ci_high", d.ci_high}};
    }
    o["metrics"] = ms;
    pts.push_back(o);
  }
  j["points"] = pts;
  return j;
}

std::string format_sweep(const SweepResult& r, Lang lang) {
  std::string out = trf(lang, "sweep.intro", design_words(r.design, lang), r.points.size(),
                        r.replications, r.seed, r.base_point) +
                    "\n";
  // Each column as wide as its widest cell (format_table): a lever's whole name, never cut.
  for (std::size_t m = 0; m < r.metrics.size(); ++m) {
    out += fmt::format("\n{}\n", r.metrics[m].name);
    std::vector<std::vector<std::string>> rows{{std::string(tr(lang, "sweep.point"))}};
    for (const auto& l : r.levers) rows[0].push_back(l.pointer.substr(l.pointer.rfind('/') + 1));
    rows[0].emplace_back(tr(lang, "sweep.mean"));
    rows[0].emplace_back(tr(lang, "sweep.difference"));
    for (std::size_t p = 0; p < r.points.size(); ++p) {
      auto& row = rows.emplace_back(std::vector<std::string>{std::to_string(p)});
      for (double v : r.points[p].values) row.push_back(plain_number(v, 6, false, lang));
      row.push_back(mean_interval(r.stats[p][m], lang));
      row.push_back(p == r.base_point ? std::string(tr(lang, "sweep.base"))
                                      : difference_interval(r.difference[p][m], lang));
    }
    out += format_table(rows);
  }
  return out;
}

namespace {

constexpr const char* kColours[] = {"#1f5f9e", "#d9731a", "#2e8b57", "#8e44ad",
                                    "#c0392b", "#138d90", "#8d6e63", "#5d6d7e"};

std::string esc(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&':
        o += "&amp;";
        break;
      case '<':
        o += "&lt;";
        break;
      case '>':
        o += "&gt;";
        break;
      case '"':
        o += "&quot;";
        break;
      default:
        o += c;
    }
  }
  return o;
}

struct Frame {
  double x0, x1, y0, y1;
  static constexpr double kW = 560, kH = 300, kL = 70, kR = 20, kT = 20, kB = 45;
  double sx(double x) const { return kL + (x1 > x0 ? (x - x0) / (x1 - x0) : 0.5) * (kW - kL - kR); }
  double sy(double y) const { return kT + (y1 > y0 ? (y1 - y) / (y1 - y0) : 0.5) * (kH - kT - kB); }
};

std::string axes(const Frame& f, const std::string& xlabel, const std::string& ylabel, Lang lang) {
  std::string s;
  s += fmt::format("<line x1='{0}' y1='{1}' x2='{2}' y2='{1}' stroke='#444'/>", Frame::kL,
                   Frame::kH - Frame::kB, Frame::kW - Frame::kR);
  s += fmt::format("<line x1='{0}' y1='{1}' x2='{0}' y2='{2}' stroke='#444'/>", Frame::kL,
                   Frame::kT, Frame::kH - Frame::kB);
  for (int i = 0; i <= 4; ++i) {
    const double xv = f.x0 + (f.x1 - f.x0) * i / 4.0, yv = f.y0 + (f.y1 - f.y0) * i / 4.0;
    s += fmt::format("<text x='{:.1f}' y='{:.1f}' font-size='10' text-anchor='middle'>{}</text>",
                     f.sx(xv), Frame::kH - Frame::kB + 14, plain_number(xv, 4, false, lang));
    s += fmt::format("<text x='{:.1f}' y='{:.1f}' font-size='10' text-anchor='end'>{}</text>",
                     Frame::kL - 4, f.sy(yv) + 3, plain_number(yv, 4, false, lang));
  }
  s += fmt::format("<text x='{:.1f}' y='{:.1f}' font-size='11' text-anchor='middle'>{}</text>",
                   (Frame::kL + Frame::kW - Frame::kR) / 2, Frame::kH - 8, esc(xlabel));
  s += fmt::format(
      "<text x='12' y='{:.1f}' font-size='11' text-anchor='middle' "
      "transform='rotate(-90 12 {:.1f})'>{}</text>",
      Frame::kH / 2 - 10, Frame::kH / 2 - 10, esc(ylabel));
  return s;
}

// Metric against one lever: a line per combination of the other levers, with its 95 % band.
std::string line_chart(const SweepResult& r, std::size_t m, std::size_t lever,
                       std::vector<std::size_t> pts, Lang lang) {
  // Points where the metric applies in no replication have nothing to draw.
  std::erase_if(pts, [&](std::size_t p) { return not_applicable_anywhere(r.stats[p][m]); });
  if (pts.empty()) return {};
  std::map<std::vector<double>, std::vector<std::size_t>> series;
  for (std::size_t p : pts) {
    std::vector<double> others = r.points[p].values;
    others.erase(others.begin() + static_cast<long>(lever));
    series[others].push_back(p);
  }
  Frame f{1e300, -1e300, 1e300, -1e300};
  for (std::size_t p : pts) {
    const double x = r.points[p].values[lever];
    f.x0 = std::min(f.x0, x), f.x1 = std::max(f.x1, x);
    f.y0 = std::min(f.y0, r.stats[p][m].ci_low), f.y1 = std::max(f.y1, r.stats[p][m].ci_high);
  }
  if (f.y1 - f.y0 < 1e-12) f.y0 -= 1, f.y1 += 1;
  const double pad = 0.05 * (f.y1 - f.y0);
  f.y0 -= pad, f.y1 += pad;
  std::string s = fmt::format("<svg class='sweep-chart' width='{}' height='{}' role='img'>",
                              Frame::kW, Frame::kH);
  s += axes(f, r.levers[lever].pointer, r.metrics[m].name, lang);
  std::size_t c = 0;
  for (auto& [others, ps] : series) {
    std::sort(ps.begin(), ps.end(), [&](std::size_t a, std::size_t b) {
      return r.points[a].values[lever] < r.points[b].values[lever];
    });
    const char* colour = kColours[c++ % std::size(kColours)];
    std::string band, line;
    for (std::size_t p : ps)
      band += fmt::format("{:.1f},{:.1f} ", f.sx(r.points[p].values[lever]),
                          f.sy(r.stats[p][m].ci_high));
    for (auto it = ps.rbegin(); it != ps.rend(); ++it)
      band += fmt::format("{:.1f},{:.1f} ", f.sx(r.points[*it].values[lever]),
                          f.sy(r.stats[*it][m].ci_low));
    for (std::size_t p : ps)
      line +=
          fmt::format("{:.1f},{:.1f} ", f.sx(r.points[p].values[lever]), f.sy(r.stats[p][m].mean));
    s += fmt::format("<polygon points='{}' fill='{}' fill-opacity='0.2' stroke='none'/>", band,
                     colour);
    s += fmt::format("<polyline points='{}' fill='none' stroke='{}' stroke-width='2'/>", line,
                     colour);
    for (std::size_t p : ps)
      s += fmt::format(
          "<circle cx='{:.1f}' cy='{:.1f}' r='3' fill='{}'><title>{} = {}: {}</title></circle>",
          f.sx(r.points[p].values[lever]), f.sy(r.stats[p][m].mean), colour,
          esc(r.levers[lever].pointer), plain_number(r.points[p].values[lever], 6, false, lang),
          mean_interval(r.stats[p][m], lang));
  }
  return s + "</svg>\n";
}

// One-at-a-time: for each lever, the metric at its lowest and highest value, minus the base.
std::string tornado(const SweepResult& r, std::size_t m, Lang lang) {
  struct Bar {
    std::size_t lever;
    double lo, hi;  // change from base at the lever's low and high ends
  };
  std::vector<Bar> bars;
  for (std::size_t j = 0; j < r.levers.size(); ++j) {
    std::optional<std::size_t> lo, hi;
    for (std::size_t p = 0; p < r.points.size(); ++p) {
      if (r.points[p].oat_lever != static_cast<int>(j) && !r.points[p].is_base) continue;
      if (!lo || r.points[p].values[j] < r.points[*lo].values[j]) lo = p;
      if (!hi || r.points[p].values[j] > r.points[*hi].values[j]) hi = p;
    }
    // A lever whose end points the metric does not apply at has no bar.
    if (lo && hi && !std::isnan(r.difference[*lo][m].mean) &&
        !std::isnan(r.difference[*hi][m].mean))
      bars.push_back({j, r.difference[*lo][m].mean, r.difference[*hi][m].mean});
  }
  std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
    return std::abs(a.hi - a.lo) > std::abs(b.hi - b.lo);
  });
  double ext = 1e-12;
  for (const auto& b : bars) ext = std::max({ext, std::abs(b.lo), std::abs(b.hi)});
  const double w = 560, row = 26, left = 230, right = 20;
  const double h = 40 + row * static_cast<double>(bars.size());
  auto sx = [&](double v) { return left + (v + ext) / (2 * ext) * (w - left - right); };
  std::string s = fmt::format("<svg class='tornado' width='{}' height='{:.0f}' role='img'>", w, h);
  s += fmt::format("<line x1='{0:.1f}' y1='10' x2='{0:.1f}' y2='{1:.0f}' stroke='#444'/>", sx(0),
                   h - 20);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const double y = 14 + row * static_cast<double>(i);
    for (const auto& [v, colour, end] : {std::tuple{b.lo, "#1f5f9e", "sweep.html.low_end"},
                                         std::tuple{b.hi, "#d9731a", "sweep.html.high_end"}}) {
      const double x0 = std::min(sx(0), sx(v)), x1 = std::max(sx(0), sx(v));
      s += fmt::format(
          "<rect x='{:.1f}' y='{:.1f}' width='{:.1f}' height='{:.0f}' fill='{}' "
          "fill-opacity='0.8'><title>{}</title></rect>",
          x0, y, std::max(1.0, x1 - x0), row - 8, colour,
          trf(lang, end, esc(r.levers[b.lever].pointer), plain_number(v, 6, true, lang)));
    }
    s += fmt::format("<text x='{:.1f}' y='{:.1f}' font-size='11' text-anchor='end'>{}</text>",
                     left - 6, y + 13, esc(r.levers[b.lever].pointer));
  }
  s += fmt::format("<text x='{:.1f}' y='{:.0f}' font-size='10' text-anchor='middle'>{}</text>",
                   (left + w) / 2, h - 4,
                   trf(lang, "sweep.html.tornado_axis", esc(r.metrics[m].name),
                       plain_number(ext, 4, false, lang)));
  return s + "</svg>\n";
}

}  // namespace

std::string sweep_html(const SweepResult& r, const std::string& title, const std::string& command,
                       Lang lang) {
  const auto words = [lang](const char* id) { return std::string(tr(lang, id)); };
  std::string h =
      fmt::format("<!DOCTYPE html>\n<html lang='{}'><head><meta charset='utf-8'><title>",
                  lang_code(lang)) +
      esc(title) +
      "</title><style>body{font-family:system-ui,sans-serif;max-width:1200px;margin:1em auto;"
      "padding:0 1em;color:#222}table{border-collapse:collapse;font-size:13px}td,th{border-bottom:"
      "1px solid #ddd;padding:2px 8px;text-align:right}th:first-child,td:first-child{text-align:"
      "left}.charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0}figcaption{font-size:"
      "13px;font-weight:600}</style></head><body>\n";
  h += "<h1>" + esc(title) + "</h1>\n";
  h += "<p>" +
       trf(lang, "sweep.html.intro", design_words(r.design, lang), r.points.size(), r.replications,
           r.seed) +
       "</p>\n<p><code>" + esc(command) + "</code></p>\n";
  const auto number = [lang](double v) { return plain_number(v, 6, false, lang); };
  h += fmt::format(
      "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
      words("sweep.html.levers"), words("sweep.html.pointer"), words("sweep.html.from"),
      words("sweep.html.to"), words("sweep.html.step"), words("sweep.html.scenario_value"));
  for (const auto& l : r.levers)
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                     esc(l.pointer), number(l.from), number(l.to),
                     l.step > 0 ? number(l.step) : words("sweep.html.ends"), number(l.base));
  h += "</table>\n";
  if (r.design == Design::kOneAtATime) {
    h += "<h2>" + words("sweep.html.tornado") + "</h2><div class='charts'>\n";
    for (std::size_t m = 0; m < r.metrics.size(); ++m)
      h += "<figure><figcaption>" + esc(r.metrics[m].name) + "</figcaption>" + tornado(r, m, lang) +
           "</figure>\n";
    h += "</div>\n";
  }
  h += "<h2>" + words("sweep.html.against") + "</h2>\n";
  for (std::size_t j = 0; j < r.levers.size(); ++j) {
    std::vector<std::size_t> pts;
    for (std::size_t p = 0; p < r.points.size(); ++p)
      if (r.design != Design::kOneAtATime || r.points[p].oat_lever == static_cast<int>(j) ||
          r.points[p].is_base)
        pts.push_back(p);
    if (r.design == Design::kGrid && j > 0) break;  // the grid: against the first lever
    h += "<h3>" + esc(r.levers[j].pointer) + "</h3><div class='charts'>\n";
    for (std::size_t m = 0; m < r.metrics.size(); ++m)
      h += "<figure><figcaption>" + esc(r.metrics[m].name) + "</figcaption>" +
           line_chart(r, m, j, pts, lang) + "</figure>\n";
    h += "</div>\n";
  }
  h += fmt::format("<h2>{}</h2><table><tr><th>{}</th>", words("sweep.html.table"),
                   words("sweep.point"));
  for (const auto& l : r.levers) h += "<th>" + esc(l.pointer) + "</th>";
  h += fmt::format("<th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                   words("sweep.html.metric"), words("sweep.html.mean"),
                   words("sweep.html.interval"), words("sweep.html.difference"));
  for (std::size_t p = 0; p < r.points.size(); ++p)
    for (std::size_t m = 0; m < r.metrics.size(); ++m) {
      h += fmt::format("<tr><td>{}</td>", p);
      for (double v : r.points[p].values) h += "<td>" + number(v) + "</td>";
      const Summary& s = r.stats[p][m];
      const Summary& d = r.difference[p][m];
      const bool none = not_applicable_anywhere(s);
      h += fmt::format(
          "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(r.metrics[m].name),
          none ? words("value.not_applicable") : plain_number(s.mean, 5, false, lang),
          none ? words("value.not_applicable")
               : trf(lang, "sweep.html.interval_words", plain_number(s.ci_low, 5, false, lang),
                     plain_number(s.ci_high, 5, false, lang)),
          p == r.base_point ? words("sweep.html.base") : difference_interval(d, lang));
    }
  h += "</table>\n</body></html>\n";
  return h;
}

std::optional<Target> parse_target(const std::string& text, std::string& error) {
  for (const char* op : {"<=", ">="}) {
    const auto at = text.find(op);
    if (at == std::string::npos) continue;
    Target t;
    auto m = parse_metric(text.substr(0, at), error);
    if (!m) return std::nullopt;
    t.metric = *m;
    t.at_most = std::string(op) == "<=";
    const std::string num = text.substr(at + 2);
    try {
      std::size_t used = 0;
      t.bound = std::stod(num, &used);
      if (used != num.size() || !std::isfinite(t.bound)) throw std::invalid_argument(num);
    } catch (const std::exception&) {
      error = fmt::format("\"{}\": \"{}\" is not a number", text, num);
      return std::nullopt;
    }
    return t;
  }
  error = fmt::format("\"{}\" is not of the form metric<=value or metric>=value", text);
  return std::nullopt;
}

OptimiseResult choose_cheapest(const std::vector<std::vector<std::vector<double>>>& values,
                               std::size_t cost, const std::vector<Target>& targets,
                               const std::vector<std::size_t>& target_metric) {
  OptimiseResult o;
  const std::size_t n = values.size();
  std::vector<double> cost_mean(n);
  o.feasible.assign(n, false);
  o.replication_share.assign(n, 0.0);
  o.worst_violation.assign(n, 0.0);
  for (std::size_t p = 0; p < n; ++p) {
    // Over the replications where the metric applies (NaN: it does not); NaN where it applies
    // in none, which meets no target.
    auto mean = [&](std::size_t m) {
      double s = 0, k = 0;
      for (double v : values[p][m])
        if (!std::isnan(v)) s += v, ++k;
      return k > 0 ? s / k : values[p][m].empty() ? 0.0 : kNotApplicable;
    };
    cost_mean[p] = mean(cost);
    bool ok = true;
    double worst = 0;
    for (std::size_t t = 0; t < targets.size(); ++t) {
      const double v = mean(target_metric[t]);
      ok = ok && targets[t].met_by(v);
      const double miss = std::isnan(v)        ? std::numeric_limits<double>::infinity()
                          : targets[t].at_most ? v - targets[t].bound
                                               : targets[t].bound - v;
      worst = std::max(worst, miss / std::max(1e-12, std::abs(targets[t].bound)));
    }
    o.feasible[p] = ok;
    o.worst_violation[p] = worst;
    const std::size_t reps = values[p].empty() ? 0 : values[p][0].size();
    std::size_t met = 0;
    for (std::size_t r = 0; r < reps; ++r) {
      bool all = true;
      for (std::size_t t = 0; t < targets.size(); ++t)
        all = all && targets[t].met_by(values[p][target_metric[t]][r]);
      met += all;
    }
    o.replication_share[p] = reps ? static_cast<double>(met) / static_cast<double>(reps) : 0.0;
  }
  o.order.resize(n);
  std::iota(o.order.begin(), o.order.end(), std::size_t{0});
  std::stable_sort(o.order.begin(), o.order.end(),
                   [&](std::size_t a, std::size_t b) { return cost_mean[a] < cost_mean[b]; });
  for (std::size_t p : o.order)
    if (o.feasible[p]) {
      o.best = p;
      break;
    }
  for (std::size_t p = 0; p < n; ++p)
    if (o.worst_violation[p] < o.worst_violation[o.closest]) o.closest = p;
  return o;
}

}  // namespace cadresim::analysis
