#pragma once
/// @file Experiments over many scenarios (sweep points, sampled assumption sets, optimiser
/// candidates): named scalar metrics of one replication, and a runner that runs R replications
/// of each of P scenarios with the same seed and replication numbers (common random numbers),
/// all P × R in parallel, each writing its own slot — so results are identical whatever the
/// thread count.

#include <functional>   // std::function: a point's scenario, made once per point
#include <memory>       // std::shared_ptr
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "analysis/runner.hpp"      // RunOptions, ReplicationResult
#include "sim/scenario/loader.hpp"  // LoadedScenario: share_scenario

namespace cadresim::analysis {

/// A scalar outcome of one replication, named `<metric>_total` (whole-run total),
/// `<metric>_end` (a monthly series at the end date) or `<metric>_per_year` (the whole-run total
/// over the run's length in years), optionally `@group` (default "all"); metric names are those
/// of docs/model.md § Metrics. Examples: `refusals_per_year`, `successor_coverage_1_end`,
/// `vacancies_end@district`, `support_cost_vnd_total`.
struct MetricSpec {
  enum class Kind { kTotal, kEnd, kPerYear };
  std::string name;  ///< as written
  std::string metric;
  std::string group = "all";
  Kind kind = Kind::kTotal;
};

/// Parses a metric name; nullopt with `error` set when it has no known suffix.
std::optional<MetricSpec> parse_metric(std::string_view name, std::string& error);
/// The headline metrics sweeps and assumption runs report by default.
std::vector<MetricSpec> default_metrics();
/// The value of `m` in one replication; NaN (kNotApplicable) where it does not apply there, and
/// when the series does not exist (a wrong metric name: has_metric tells them apart).
double metric_value(const ReplicationResult& r, const MetricSpec& m, double years);
/// True when the replication has the metric's series, whether or not it applies there (a ratio
/// with nothing to divide by is kNotApplicable, NaN, but the metric exists).
bool has_metric(const ReplicationResult& r, const MetricSpec& m);
/// Length of the run in years (end − start, 365.25-day years).
double run_years(const model::Scenario& s, Day until = 0);

/// The scenario of design point p, made when run_points needs it (analysis/experiment.hpp).
using PointScenario = std::shared_ptr<const model::Scenario>;
using MakePointScenario = std::function<PointScenario(std::size_t point)>;
/// A loaded scenario as a PointScenario (the whole LoadedScenario freed with it).
PointScenario share_scenario(scenario::LoadedScenario loaded);

/// run_points over `points` scenarios that are made only while they run: a point's scenario is
/// made (by `make`, from any worker thread; never twice at once for one point) when the first
/// of its tasks in this process starts, and freed once no worker holds it, so memory holds about
/// one scenario per worker however many points there are (a loaded national scenario is about
/// 9 MB; a design of 1,000 points made up front took 9 GB). Tasks are handed out point by point,
/// so a point is normally made once per process. The values are those of the overload below.
std::vector<std::vector<std::vector<double>>> run_points(std::size_t points,
                                                         const MakePointScenario& make,
                                                         const std::vector<MetricSpec>& metrics,
                                                         const RunOptions& o);

/// values[p][m][r]: metric m of replication r of scenario p. Replication r of every scenario
/// uses the key (seed, r). `o.replications` replications per scenario; `o.threads` workers
/// over all P × R tasks; progress counts tasks. Throws RunCancelled when cancelled. With
/// `o.ranks` of several processes each runs the tasks it is given and every process gets all
/// values (the sum of the parts: exact, each slot is written by one process).
std::vector<std::vector<std::vector<double>>> run_points(
    const std::vector<const model::Scenario*>& scenarios, const std::vector<MetricSpec>& metrics,
    const RunOptions& o);

}  // namespace cadresim::analysis
