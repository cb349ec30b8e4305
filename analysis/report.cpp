// report.json and series.csv for runs and comparisons (the summary is in summary.cpp).
#include "analysis/report.hpp"

#include <fmt/core.h>  // fmt::format

#include <unistd.h>   // getpid for temporary names
#include <algorithm>  // std::sort
#include <cmath>      // std::abs, std::pow, std::isnan
#include <fstream>    // std::ofstream
#include <stdexcept>  // std::runtime_error
#include <system_error>

#include "analysis/csv_cell.hpp"    // csv_cell: quoting and formula neutralisation
#include "analysis/output_set.hpp"  // write_file_atomically

namespace cadresim::analysis {

namespace fs = std::filesystem;
using json = nlohmann::json;

nlohmann::json without_names(nlohmann::json resolved) {
  if (!resolved.is_object()) return resolved;
  const auto population = resolved.find("population");
  if (population == resolved.end() || !population->is_object()) return resolved;
  const auto named = population->find("named_cadres");
  if (named == population->end() || !named->is_array()) return resolved;
  for (auto& cadre : *named)
    if (cadre.is_object()) cadre.erase("name");
  return resolved;
}

void write_file_atomic(const fs::path& path, const std::string& content) {
  write_file_atomically(path, content);
}

namespace {

// A statistic that does not apply (NaN) is written as null by nlohmann::json; the count of
// replications where the quantity does not apply is written only when there are some.
json summary_json(const Summary& s) {
  json j = {{"n", s.n},           {"mean", s.mean},       {"sd", s.sd},
            {"ci_low", s.ci_low}, {"ci_high", s.ci_high}, {"p05", s.p05},
            {"p50", s.p50},       {"p95", s.p95}};
  if (s.not_applicable > 0) j["not_applicable"] = s.not_applicable;
  return j;
}

json aggregate_json(const Aggregate& a) {
  json j;
  j["replications"] = a.replications;
  auto series = [](const std::vector<AggregateSeries>& list) {
    json arr = json::array();
    for (const auto& s : list) {
      json o{{"metric", s.key.metric}, {"group", s.key.group}};
      json dates = json::array(), mean = json::array(), lo = json::array(), hi = json::array(),
           p05 = json::array(), p50 = json::array(), p95 = json::array();
      for (std::size_t t = 0; t < s.stats.size(); ++t) {
        dates.push_back(kernel::format_iso_date(s.dates[t]));
        mean.push_back(s.stats[t].mean);
        lo.push_back(s.stats[t].ci_low);
        hi.push_back(s.stats[t].ci_high);
        p05.push_back(s.stats[t].p05);
        p50.push_back(s.stats[t].p50);
        p95.push_back(s.stats[t].p95);
      }
      o["dates"] = dates, o["mean"] = mean, o["ci_low"] = lo, o["ci_high"] = hi;
      o["p05"] = p05, o["p50"] = p50, o["p95"] = p95;
      // Replications where the value does not apply, date by date, when there are some.
      json na = json::array();
      bool any = false;
      for (const auto& st : s.stats)
        na.push_back(st.not_applicable), any = any || st.not_applicable;
      if (any) o["not_applicable"] = na;
      arr.push_back(o);
    }
    return arr;
  };
  j["monthly"] = series(a.monthly);
  j["yearly"] = series(a.yearly);
  json totals = json::array();
  for (const auto& [k, s] : a.totals) {
    json o = summary_json(s);
    o["metric"] = k.metric;
    o["group"] = k.group;
    totals.push_back(o);
  }
  j["totals"] = totals;
  return j;
}

}  // namespace

json report_json(const std::vector<ScenarioResults>& results, const Provenance& prov) {
  json j;
  j["cadresim"] = {{"version", prov.version}};
  j["created"] = prov.created;
  j["command"] = prov.command;
  j["seed"] = prov.seed;
  j["replications"] = prov.replications;
  j["cadre_names_included"] = prov.with_names;
  json warnings = json::array();
  if (prov.replications < kMinStableReplications)
    warnings.push_back(fmt::format("fewer than {} replications: confidence intervals are unstable",
                                   kMinStableReplications));
  j["warnings"] = warnings;
  json list = json::array();
  for (const auto& r : results) {
    json s;
    s["name"] = r.name;
    s["source"] = r.source;
    s["resolved_scenario"] = prov.with_names ? r.resolved : without_names(r.resolved);
    std::vector<std::string> levels;
    for (const auto& l : r.scenario->organisation.levels) levels.push_back(l.id);
    s["levels"] = levels;
    s["results"] = aggregate_json(r.aggregate);
    s["pooled"] = {{"shortfall_per_move", summary_json(r.aggregate.shortfall_per_move)},
                   {"days_to_fill_per_vacancy", summary_json(r.aggregate.fill_days_per_vacancy)}};
    if (r.has_difference) s["difference_from_base"] = aggregate_json(r.difference);
    if (!r.changes.empty()) s["changes"] = {{"from", r.changed_from}, {"list", r.changes}};
    if (!r.uncertainty.is_null()) s["uncertainty"] = r.uncertainty;
    list.push_back(s);
  }
  j["scenarios"] = list;
  return j;
}

std::string series_csv(const std::vector<ScenarioResults>& results) {
  std::string out = "scenario,metric,group,date,mean,ci_low,ci_high,p05,p50,p95\n";
  auto quote = [](const std::string& s) { return csv_cell(s); };
  auto row = [&](const std::string& scen, const std::string& metric, const std::string& group,
                 Day date, const Summary& s) {
    out +=
        fmt::format("{},{},{},{},{},{},{},{},{},{}\n", quote(scen), quote(metric), quote(group),
                    kernel::format_iso_date(date), csv_number(s.mean), csv_number(s.ci_low),
                    csv_number(s.ci_high), csv_number(s.p05), csv_number(s.p50), csv_number(s.p95));
  };
  auto emit = [&](const std::string& scen, const Aggregate& a, Day end) {
    for (const auto& s : a.monthly)
      for (std::size_t t = 0; t < s.stats.size(); ++t)
        row(scen, s.key.metric, s.key.group, s.dates[t], s.stats[t]);
    for (const auto& s : a.yearly)
      for (std::size_t t = 0; t < s.stats.size(); ++t)
        row(scen, s.key.metric + "_per_year", s.key.group, s.dates[t], s.stats[t]);
    for (const auto& [k, s] : a.totals) {
      // The congress pipeline is dated by its election: "<date>/<title>/<field>" becomes the
      // row's date and the group "<title>/<field>".
      if (k.metric == "election_pipeline" && k.group.size() > 11 && k.group[10] == '/')
        if (const auto d = kernel::parse_iso_date(std::string_view(k.group).substr(0, 10))) {
          row(scen, k.metric, k.group.substr(11), *d, s);
          continue;
        }
      row(scen, k.metric + "_total", k.group, end, s);
    }
  };
  for (const auto& r : results) {
    emit(r.name, r.aggregate, r.scenario->calendar.end);
    if (r.has_difference)
      emit(r.name + " - " + results.front().name, r.difference, r.scenario->calendar.end);
  }
  return out;
}

}  // namespace cadresim::analysis
