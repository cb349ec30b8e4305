// Parallel replications with a deterministic merge, and aggregation across replications.
#include "analysis/runner.hpp"

#include <stdexcept>  // std::invalid_argument

#include "sim/engine/engine.hpp"
#include "sim/scenario/problems.hpp"  // closest_match

namespace cadresim::analysis {

std::vector<ReplicationResult> run_replications(const model::Scenario& scenario,
                                                const RunOptions& o) {
  std::vector<ReplicationResult> results(o.replications);
  const bool finished =
      for_each_replication(o.replications, o.threads, o.progress, o.cancel, [&](std::size_t r) {
        engine::Engine engine(scenario, o.seed, r);
        MetricsCollector metrics(scenario, o.pipeline_units);
        engine.add_observer(metrics);
        CancelCheck check(o.cancel);
        engine.add_observer(check);
        engine.run_until(o.until ? o.until : scenario.calendar.end);
        if (o.until && o.until < scenario.calendar.end)
          metrics.on_finish(engine.now(), engine.world());
        results[r] = std::move(metrics.result());
      });
  if (!finished) throw RunCancelled{};
  return results;
}

std::vector<model::UnitId> resolve_pipeline_units(const model::Scenario& s,
                                                  const std::string& list) {
  const auto& org = s.organisation;
  std::vector<std::uint8_t> chosen(org.units.size(), 0);
  auto in_run = [&](const model::Unit& u) {
    return u.from <= s.calendar.end && s.calendar.start < u.until;
  };
  std::size_t begin = 0;
  while (begin <= list.size()) {
    std::size_t end = list.find(',', begin);
    if (end == std::string::npos) end = list.size();
    const std::string id = list.substr(begin, end - begin);
    begin = end + 1;
    if (id.empty()) continue;
    bool found = false;
    for (model::UnitId u = 0; u < org.units.size(); ++u)
      if (org.units[u].id == id) chosen[u] = found = true;
    for (std::size_t l = 0; l < org.levels.size() && !found; ++l)
      if (org.levels[l].id == id) {
        found = true;
        for (model::UnitId u = 0; u < org.units.size(); ++u)
          if (org.units[u].level == l && in_run(org.units[u])) chosen[u] = 1;
      }
    if (!found) {
      std::vector<std::string> names;
      for (const auto& u : org.units) names.push_back(u.id);
      for (const auto& l : org.levels) names.push_back(l.id);
      const std::string near = scenario::closest_match(id, names);
      throw std::invalid_argument("unknown unit or level \"" + id + "\"" +
                                  (near.empty() ? "" : " (did you mean \"" + near + "\"?)"));
    }
  }
  std::vector<model::UnitId> out;
  for (model::UnitId u = 0; u < org.units.size(); ++u)
    if (chosen[u]) out.push_back(u);
  return out;
}

const Summary* Aggregate::total(const std::string& metric, const std::string& group) const {
  for (const auto& [k, s] : totals)
    if (k.metric == metric && k.group == group) return &s;
  return nullptr;
}

namespace {

template <class Get>
Aggregate aggregate_with(const std::vector<ReplicationResult>& a, Get value) {
  Aggregate out;
  out.replications = a.size();
  if (a.empty()) return out;
  const ReplicationResult& first = a.front();
  std::vector<double> column(a.size());
  auto series = [&](const std::map<SeriesKey, std::vector<double>> ReplicationResult::*member,
                    const std::vector<Day>& dates, std::vector<AggregateSeries>& dest) {
    for (const auto& [key, values] : first.*member) {
      AggregateSeries s{key, dates, {}};
      for (std::size_t t = 0; t < values.size(); ++t) {
        for (std::size_t r = 0; r < a.size(); ++r) {
          const auto it = (a[r].*member).find(key);
          column[r] =
              value(r, it == (a[r].*member).end() || t >= it->second.size() ? 0.0 : it->second[t],
                    key, t, member);
        }
        s.stats.push_back(summarise(column));
      }
      dest.push_back(std::move(s));
    }
  };
  series(&ReplicationResult::monthly, first.months, out.monthly);
  series(&ReplicationResult::yearly, first.years, out.yearly);
  for (const auto& [key, v] : first.totals) {
    for (std::size_t r = 0; r < a.size(); ++r) {
      const auto it = a[r].totals.find(key);
      column[r] = value(r, it == a[r].totals.end() ? 0.0 : it->second, key,
                        static_cast<std::size_t>(-1), nullptr);
    }
    out.totals.push_back({key, summarise(column)});
  }
  return out;
}

}  // namespace

Aggregate aggregate(const std::vector<ReplicationResult>& reps) {
  Aggregate out = aggregate_with(
      reps, [](std::size_t, double v, const SeriesKey&, std::size_t, auto) { return v; });
  std::vector<double> pooled, fills;
  for (const auto& r : reps) {
    pooled.insert(pooled.end(), r.shortfalls.begin(), r.shortfalls.end());
    fills.insert(fills.end(), r.fill_days.begin(), r.fill_days.end());
  }
  out.shortfall_per_move = summarise(pooled);
  out.fill_days_per_vacancy = summarise(fills);
  return out;
}

Aggregate paired_difference(const std::vector<ReplicationResult>& base,
                            const std::vector<ReplicationResult>& variant) {
  // Replication r of the variant minus replication r of the base: same seeds, same personal
  // draws, so the noise common to both cancels.
  return aggregate_with(
      variant, [&](std::size_t r, double v, const SeriesKey& key, std::size_t t,
                   const std::map<SeriesKey, std::vector<double>> ReplicationResult::*member) {
        double b = 0;
        if (r < base.size()) {
          if (member == nullptr) {
            const auto it = base[r].totals.find(key);
            b = it == base[r].totals.end() ? 0.0 : it->second;
          } else {
            const auto it = (base[r].*member).find(key);
            b = it == (base[r].*member).end() || t >= it->second.size() ? 0.0 : it->second[t];
          }
        }
        return v - b;
      });
}

}  // namespace cadresim::analysis
