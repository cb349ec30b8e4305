#include "workspace/results.hpp"

#include <algorithm>  // std::sort, std::swap

#include "sim/kernel/calendar.hpp"  // format_iso_date

namespace cadresim::workspace {

using analysis::Aggregate;
using analysis::Summary;
using nlohmann::json;

namespace {

// Headlines: whole-run totals of report.json (docs/model.md § Metrics).
constexpr const char* kHeadlineMetrics[] = {"vacancies_key_run_mean",
                                            "successor_coverage_1_run_mean",
                                            "vacancy_months",
                                            "rotations",
                                            "refusals",
                                            "early_returns",
                                            "plan_fulfilment",
                                            "support_cost_vnd"};
// Series drawn by the page: monthly states and yearly flows.
constexpr const char* kMonthlySeries[] = {"vacancies_key", "successor_coverage_1", "vacancies"};
constexpr const char* kYearlySeries[] = {"rotations", "support_cost_vnd", "refusals"};

json summary_json(const Summary& s) {
  json j = {{"mean", s.mean}, {"ci_low", s.ci_low}, {"ci_high", s.ci_high}, {"n", s.n}};
  if (s.not_applicable > 0) j["not_applicable"] = s.not_applicable;  // NaN statistics: null
  return j;
}

Summary linear(const Summary& s, double a, double b) {  // a + b·x
  Summary r = s;
  r.mean = a + b * s.mean, r.ci_low = a + b * s.ci_low, r.ci_high = a + b * s.ci_high;
  r.p05 = a + b * s.p05, r.p50 = a + b * s.p50, r.p95 = a + b * s.p95, r.sd = std::abs(b) * s.sd;
  if (b < 0) std::swap(r.ci_low, r.ci_high), std::swap(r.p05, r.p95);
  return r;
}

json series_json(const std::vector<analysis::AggregateSeries>& list, const char* metric) {
  for (const auto& s : list) {
    if (s.key.metric != metric || s.key.group != "all") continue;
    json dates = json::array(), mean = json::array(), lo = json::array(), hi = json::array();
    for (std::size_t t = 0; t < s.stats.size(); ++t) {
      dates.push_back(kernel::format_iso_date(s.dates[t]));
      mean.push_back(s.stats[t].mean);
      lo.push_back(s.stats[t].ci_low);
      hi.push_back(s.stats[t].ci_high);
    }
    return {{"dates", dates}, {"mean", mean}, {"ci_low", lo}, {"ci_high", hi}};
  }
  return nullptr;
}

json all_series(const Aggregate& a) {
  json out = json::object();
  for (const char* m : kMonthlySeries)
    if (auto s = series_json(a.monthly, m); !s.is_null()) out[m] = s;
  for (const char* m : kYearlySeries)
    if (auto s = series_json(a.yearly, m); !s.is_null()) out[m] = s;
  return out;
}

// election_pipeline totals, group "<date>/<title>/<field>", as one row per (date, title).
json pipeline_json(const Aggregate& a) {
  std::map<std::pair<std::string, std::string>, json> rows;
  for (const auto& [key, s] : a.totals) {
    if (key.metric != "election_pipeline") continue;
    const auto first = key.group.find('/');
    const auto last = key.group.rfind('/');
    if (first == std::string::npos || last == first) continue;
    const std::string date = key.group.substr(0, first);
    const std::string title = key.group.substr(first + 1, last - first - 1);
    if (title.find(':') != std::string::npos) continue;  // per-unit rows are not shown
    json& row = rows[{date, title}];
    row["date"] = date, row["title"] = title;
    row[key.group.substr(last + 1)] = s.mean;
  }
  json out = json::array();
  for (auto& [k, row] : rows) out.push_back(std::move(row));
  return out;
}

}  // namespace

Summary cost_million_vnd(const Aggregate& a) {
  const Summary* s = a.total("support_cost_vnd");
  return s ? linear(*s, 0, 1e-6) : Summary{};
}

Summary key_posts_covered(const Aggregate& a, std::size_t key_posts) {
  const Summary* s = a.total("vacancies_key_run_mean");
  if (!s || key_posts == 0) return Summary{};
  Summary r = linear(*s, 1, -1.0 / static_cast<double>(key_posts));
  r.ci_low = std::max(0.0, r.ci_low), r.ci_high = std::min(1.0, r.ci_high);  // a share
  return r;
}

json outcomes_json(const std::vector<ScenarioOutcome>& outcomes, std::size_t key_posts) {
  json list = json::array();
  for (const auto& o : outcomes) {
    json headlines = json::array();
    auto add = [&](const std::string& metric, const Summary& v, const Summary* d) {
      headlines.push_back({{"metric", metric},
                           {"value", summary_json(v)},
                           {"difference", d ? summary_json(*d) : json()}});
    };
    const Summary covered = key_posts_covered(o.values, key_posts);
    const Summary covered_d =
        o.has_difference ? linear(*o.difference.total("vacancies_key_run_mean"), 0,
                                  -1.0 / static_cast<double>(std::max<std::size_t>(1, key_posts)))
                         : Summary{};
    add("key_posts_covered", covered, o.has_difference ? &covered_d : nullptr);
    for (const char* m : kHeadlineMetrics) {
      const Summary* v = o.values.total(m);
      if (!v) continue;
      const Summary* d = o.has_difference ? o.difference.total(m) : nullptr;
      add(m, *v, d);
    }
    json entry{{"label", o.label},
               {"headlines", headlines},
               {"series", all_series(o.values)},
               {"pipeline", pipeline_json(o.values)}};
    if (o.has_difference) entry["difference_series"] = all_series(o.difference);
    list.push_back(std::move(entry));
  }
  return {{"key_posts", key_posts},
          {"replications", outcomes.empty() ? 0 : outcomes.front().values.replications},
          {"scenarios", list}};
}

std::vector<LeagueRow> league_table(const std::vector<ScenarioOutcome>& outcomes,
                                    std::size_t key_posts, double budget_million_vnd) {
  std::vector<LeagueRow> rows;
  for (std::size_t i = 1; i < outcomes.size(); ++i) {
    const auto& o = outcomes[i];
    LeagueRow r;
    r.team = o.label;
    r.cost = cost_million_vnd(o.values);
    r.covered = key_posts_covered(o.values, key_posts);
    if (o.has_difference) {
      const Summary* d = o.difference.total("vacancies_key_run_mean");
      if (d && key_posts > 0) r.covered_gain = linear(*d, 0, -1.0 / static_cast<double>(key_posts));
    }
    r.over_budget = r.cost.mean > budget_million_vnd;
    rows.push_back(r);
  }
  std::sort(rows.begin(), rows.end(), [](const LeagueRow& a, const LeagueRow& b) {
    if (a.over_budget != b.over_budget) return !a.over_budget;
    if (a.covered.mean != b.covered.mean) return a.covered.mean > b.covered.mean;
    if (a.cost.mean != b.cost.mean) return a.cost.mean < b.cost.mean;
    return a.team < b.team;
  });
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].rank = i + 1;
  return rows;
}

json league_json(const std::vector<LeagueRow>& rows) {
  json out = json::array();
  for (const auto& r : rows)
    out.push_back({{"rank", r.rank},
                   {"team", r.team},
                   {"cost_million_vnd", summary_json(r.cost)},
                   {"key_posts_covered", summary_json(r.covered)},
                   {"covered_gain", summary_json(r.covered_gain)},
                   {"over_budget", r.over_budget}});
  return out;
}

}  // namespace cadresim::workspace
