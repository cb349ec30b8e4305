// Helpers of the HTML report: tolerant JSON access, formatting, scenario names, headlines.
#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::find, std::min
#include <cmath>      // std::isfinite, std::abs
#include <cstdlib>    // std::atoi

#include "analysis/report/html_parts.hpp"

namespace cadresim::analysis::html {

const json* member(const json* j, const std::string& key) {
  if (!j || !j->is_object()) return nullptr;
  const auto it = j->find(key);
  return it == j->end() ? nullptr : &*it;
}

std::string text_of(const json* j, const std::string& key, const std::string& fallback) {
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

Value value_of_summary(const json* s) {
  if (!s) return {};
  const json* na = member(s, "not_applicable");
  return {number_of(s, "n"),      number_of(s, "mean"),
          number_of(s, "ci_low"), number_of(s, "ci_high"),
          number_of(s, "p05"),    number_of(s, "p50"),
          number_of(s, "p95"),    na && na->is_number() ? na->get<double>() : 0.0};
}

Value total_of(const json* aggregate, std::string_view metric, std::string_view group) {
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
  return format_number(page_lang(), v, decimals, "\u2212");
}

std::string signed_num(double v, int decimals) {
  const std::string s = num(v, decimals);
  return std::isfinite(v) && s != num(0, decimals) && v > 0 ? "+" + s : s;
}

std::string figure(const Value& v, int decimals) {
  return v.applies_nowhere() ? t("value.not_applicable") : num(v.mean, decimals);
}

std::string interval(const Value& v, int decimals) {
  if (!std::isfinite(v.lo) || !std::isfinite(v.hi)) return "–";
  return tf("html.interval", num(v.lo, decimals), num(v.hi, decimals));
}

// "2020-07-01" -> "1 July 2020" / "1 tháng 7 năm 2020"; anything but an ISO date as it is.
std::string long_date(const std::string& iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return iso;
  const int month = std::atoi(iso.substr(5, 2).c_str());
  const int day = std::atoi(iso.substr(8, 2).c_str());
  if (month < 1 || month > 12 || day < 1) return iso;
  return text::long_date(page_lang(), std::atoi(iso.substr(0, 4).c_str()), month, day);
}

// "2026-11-27T18:41:02Z" -> "27 November 2026, 18:41 UTC".
std::string long_time(const std::string& iso) {
  if (iso.size() >= 16 && iso[10] == 'T')
    return long_date(iso.substr(0, 10)) + ", " + iso.substr(11, 5) +
           (iso.back() == 'Z' ? " UTC" : "");
  return iso;
}

// A source name without the parentheses the CLI puts around built-in names.
std::string bare_source(const std::string& s) {
  return s.size() >= 2 && s.front() == '(' && s.back() == ')' ? s.substr(1, s.size() - 2) : s;
}

// The colour chips of the scenarios: .s0 {background: <first colour>} ...
std::string palette_css() {
  std::string css;
  for (std::size_t s = 0; s < kPaletteSize; ++s)
    css += fmt::format(".s{}{{background:{}}}", s, kPalette[s]);
  return css + "\n";
}

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
        label += fmt::format(" {}", t("html.flow.between_sectors"));
      } else if (within && within->is_boolean() && within->get<bool>()) {
        const auto it = std::find(n.level_ids.begin(), n.level_ids.end(), from);
        label += fmt::format(" {}", it != n.level_ids.begin() && it != n.level_ids.end()
                                        ? tf("html.flow.within", lower(n.level_name(*(it - 1))))
                                        : t("html.flow.within_parent"));
      } else if (text_of(&f, "purpose") == "non_native") {
        label += fmt::format(" {}", t("html.flow.non_native"));
      }
      n.flow.emplace(id, label);
    }
  }
  n.flow.emplace("scripted", t("html.flow.scripted"));
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

Value headline_value(const json* aggregate, const Headline& h) {
  const Value v = h.at == At::kTotal ? total_of(aggregate, h.metric, h.group)
                                     : point_of(aggregate, "monthly", h.metric, h.group, -1);
  return v.scaled(h.scale);
}

Verdict verdict(const Value& d, int better, Lang lang) {
  if (d.applies_nowhere()) return {"unclear", std::string(tr(lang, "verdict.not_applicable"))};
  if (!d.ok() || !std::isfinite(d.lo) || !std::isfinite(d.hi))
    return {"unclear", std::string(tr(lang, "verdict.no_interval"))};
  if (!(d.n >= 2)) return {"unclear", std::string(tr(lang, "verdict.too_few"))};
  // Every paired difference 0 (a figure the policy cannot move, such as the posts a reform
  // ends): not "no clear difference", which would suggest chance hides an effect.
  if (d.mean == 0 && d.lo == 0 && d.hi == 0)
    return {"neutral", std::string(tr(lang, "verdict.same"))};
  if (d.lo <= 0 && d.hi >= 0) return {"unclear", std::string(tr(lang, "verdict.unclear"))};
  const bool up = d.mean > 0;
  if (better == 0)
    return {"neutral", std::string(tr(lang, up ? "verdict.higher" : "verdict.lower"))};
  const bool good = (better > 0) == up;
  return {good ? "better" : "worse",
          std::string(tr(lang, good ? (up ? "verdict.higher_better" : "verdict.lower_better")
                                    : (up ? "verdict.higher_worse" : "verdict.lower_worse")))};
}

namespace {
thread_local Lang current_page_lang = Lang::kEn;
}  // namespace

Lang page_lang() {
  return current_page_lang;
}

PageLangScope::PageLangScope(Lang lang) : previous_(current_page_lang) {
  current_page_lang = lang;
}

PageLangScope::~PageLangScope() {
  current_page_lang = previous_;
}

}  // namespace cadresim::analysis::html
