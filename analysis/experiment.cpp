// Scalar metrics of a replication and the parallel runner over many scenarios.
#include "analysis/experiment.hpp"

#include <fmt/core.h>  // fmt::format

#include <limits>  // quiet NaN
#include <mutex>   // std::mutex: one maker per point at a time

#include "sim/engine/engine.hpp"

namespace cadresim::analysis {

std::optional<MetricSpec> parse_metric(std::string_view name, std::string& error) {
  MetricSpec m;
  m.name = std::string(name);
  std::string_view base = name;
  if (const auto at = name.find('@'); at != std::string_view::npos) {
    m.group = std::string(name.substr(at + 1));
    base = name.substr(0, at);
  }
  auto ends = [&](std::string_view suffix) {
    return base.size() > suffix.size() && base.substr(base.size() - suffix.size()) == suffix;
  };
  if (ends("_per_year")) {
    m.kind = MetricSpec::Kind::kPerYear;
    m.metric = std::string(base.substr(0, base.size() - 9));
  } else if (ends("_total")) {
    m.kind = MetricSpec::Kind::kTotal;
    m.metric = std::string(base.substr(0, base.size() - 6));
  } else if (ends("_end")) {
    m.kind = MetricSpec::Kind::kEnd;
    m.metric = std::string(base.substr(0, base.size() - 4));
  } else {
    error = fmt::format(
        "\"{}\": a metric is <name>_total, <name>_end or <name>_per_year, optionally @group "
        "(e.g. refusals_per_year, successor_coverage_1_end)",
        name);
    return std::nullopt;
  }
  if (m.metric.empty() || m.group.empty()) {
    error = fmt::format("\"{}\": empty metric or group name", name);
    return std::nullopt;
  }
  return m;
}

std::vector<MetricSpec> default_metrics() {
  std::vector<MetricSpec> out;
  for (const char* n :
       {"vacancy_months_total", "vacancies_key_end", "successor_coverage_1_end",
        "refusals_per_year", "early_returns_total", "completed_well_share_total",
        "shortfall_mean_total", "support_cost_vnd_total", "effectiveness_key_end"}) {
    std::string error;
    out.push_back(*parse_metric(n, error));
  }
  return out;
}

double run_years(const model::Scenario& s, Day until) {
  const Day end = until ? until : s.calendar.end;
  return static_cast<double>(end - s.calendar.start) / 365.25;
}

double metric_value(const ReplicationResult& r, const MetricSpec& m, double years) {
  const SeriesKey key{m.metric, m.group};
  if (m.kind == MetricSpec::Kind::kEnd) {
    const auto it = r.monthly.find(key);
    if (it == r.monthly.end() || it->second.empty())
      return std::numeric_limits<double>::quiet_NaN();
    return it->second.back();
  }
  const auto it = r.totals.find(key);
  if (it == r.totals.end()) return std::numeric_limits<double>::quiet_NaN();
  return m.kind == MetricSpec::Kind::kPerYear ? it->second / years : it->second;
}

bool has_metric(const ReplicationResult& r, const MetricSpec& m) {
  const SeriesKey key{m.metric, m.group};
  if (m.kind == MetricSpec::Kind::kEnd) {
    const auto it = r.monthly.find(key);
    return it != r.monthly.end() && !it->second.empty();
  }
  return r.totals.count(key) > 0;
}

PointScenario share_scenario(scenario::LoadedScenario loaded) {
  auto owner = std::make_shared<const scenario::LoadedScenario>(std::move(loaded));
  return PointScenario(owner, &owner->scenario);
}

std::vector<std::vector<std::vector<double>>> run_points(
    const std::vector<const model::Scenario*>& scenarios, const std::vector<MetricSpec>& metrics,
    const RunOptions& o) {
  // Scenarios the caller keeps: shared without ownership.
  return run_points(
      scenarios.size(), [&](std::size_t p) { return PointScenario(PointScenario(), scenarios[p]); },
      metrics, o);
}

std::vector<std::vector<std::vector<double>>> run_points(std::size_t points,
                                                         const MakePointScenario& make,
                                                         const std::vector<MetricSpec>& metrics,
                                                         const RunOptions& o) {
  const std::size_t reps = o.replications;
  const std::size_t metric_count = metrics.size();
  // values[p][m][r] flattened, so that several processes can add up their parts: each task is
  // run by one process (SharedTasks), the others leave zeros in its slots.
  std::vector<double> flat(points * metric_count * reps, 0.0);
  const std::size_t tasks = points * reps;
  const SharedTasks shared(o.ranks, tasks, o.cancel);
  // A point's scenario lives while a worker holds it: each worker keeps the one of its last
  // task until it moves to another point, and a point's tasks come one after another.
  struct Made {
    std::mutex making;                          // one maker per point at a time
    std::weak_ptr<const model::Scenario> made;  // alive while some worker holds it
  };
  std::vector<Made> made(points);
  struct Held {
    std::size_t point = 0;
    PointScenario scenario;
  };
  std::vector<Held> held(worker_count(shared.local_count(), o.threads));
  auto scenario_of = [&](std::size_t p, unsigned worker) -> const model::Scenario& {
    Held& h = held[worker];
    if (!h.scenario || h.point != p) {
      PointScenario s;
      {
        std::lock_guard<std::mutex> lock(made[p].making);
        s = made[p].made.lock();
        if (!s) {
          s = make(p);
          made[p].made = s;
        }
      }
      h = {p, std::move(s)};  // the previous point's scenario is freed here if nobody holds it
    }
    return *h.scenario;
  };
  std::exception_ptr failure;
  try {
    const bool finished = for_each_replication_in_worker(
        shared.local_count(), o.threads, o.progress, o.cancel,
        [&](std::size_t i, unsigned worker) {
          // Task = point-major (point, replication): only the slots of (p, *, r) are written.
          const std::size_t task = shared.task(i);
          const std::size_t p = task / reps;
          const std::size_t r = task % reps;
          const model::Scenario& sc = scenario_of(p, worker);
          engine::Engine engine(sc, o.seed, r);
          MetricsCollector collector(sc);
          engine.add_observer(collector);
          engine.run_until(o.until ? o.until : sc.calendar.end);
          if (o.until && o.until < sc.calendar.end)
            collector.on_finish(engine.now(), engine.world());
          const double years = run_years(sc, o.until);
          for (std::size_t m = 0; m < metric_count; ++m)
            flat[(p * metric_count + m) * reps + r] =
                metric_value(collector.result(), metrics[m], years);
        },
        shared.source());
    if (!finished) throw RunCancelled{};
  } catch (...) {
    failure = std::current_exception();
  }
  held.clear();    // the last scenarios made are freed before the values are gathered
  shared.close();  // every process stops asking before they compare notes
  settle_ranks(o.ranks, failure);
  if (o.ranks.distributed() && o.ranks.sum_all) o.ranks.sum_all(flat);
  std::vector<std::vector<std::vector<double>>> values(
      points, std::vector<std::vector<double>>(metric_count, std::vector<double>(reps)));
  for (std::size_t p = 0; p < points; ++p)
    for (std::size_t m = 0; m < metric_count; ++m)
      for (std::size_t r = 0; r < reps; ++r)
        values[p][m][r] = flat[(p * metric_count + m) * reps + r];
  return values;
}

}  // namespace cadresim::analysis
