#pragma once
/// @file Parameter sweeps (`cadresim sweep`) and the search for the cheapest package meeting
/// targets (`cadresim optimise`): a design of points (grid, Latin hypercube or one at a time)
/// over levers named by JSON pointer, R replications of every point with common random
/// numbers, and the outputs: a tidy table (one row per point × metric with intervals), JSON,
/// and an HTML page with charts (metric against the varied parameter with 95 % bands, and a
/// tornado chart for one-at-a-time designs).

#include <nlohmann/json.hpp>  // sweep.json

#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "analysis/experiment.hpp"  // MetricSpec
#include "analysis/statistics.hpp"  // Summary
#include "sim/text/messages.hpp"    // text::Lang

namespace cadresim::analysis {

/// A varied parameter: `--vary /pointer=from:to:step` (step optional: from and to only).
struct Lever {
  std::string pointer;
  double from = 0, to = 0, step = 0;  ///< step 0: the two ends only
  bool integer = false;               ///< values are rounded (the parameter is a whole number)
  double base = 0;                    ///< the scenario's own value
  /// The grid values from `from` to `to` (both included when the steps reach it).
  std::vector<double> grid() const;
};

/// Parses "/pointer=from:to[:step]"; nullopt with `error` on a malformed text, a step ≤ 0,
/// or more than 10,000 grid values.
std::optional<Lever> parse_lever(const std::string& text, std::string& error);

enum class Design { kGrid, kLhs, kOneAtATime };

/// One point of a design: a value per lever.
struct SweepPoint {
  std::vector<double> values;
  int oat_lever = -1;    ///< one-at-a-time: the lever varied (-1: the base point)
  bool is_base = false;  ///< every lever at the scenario's own value
};

/// How many points design_points() would make, counted without making them: the product of the
/// grids' sizes for a grid (saturating at SIZE_MAX, so a product too large to hold is still
/// refused), n for a Latin hypercube, the base point plus each lever's other values one at a
/// time. The command line checks it against its limit before building the design.
std::size_t design_size(const std::vector<Lever>& levers, Design design, std::size_t lhs_n);

/// The points of a design. Grid: the Cartesian product of the levers' grids (first lever
/// slowest). LHS: n points in the levers' boxes [from, to]. One at a time: the base point, then
/// each lever's grid values other than its base value, the other levers at their base values.
/// A point equal to the base is marked.
std::vector<SweepPoint> design_points(const std::vector<Lever>& levers, Design design,
                                      std::size_t lhs_n, std::uint64_t seed);

/// Results of a sweep.
struct SweepResult {
  std::vector<Lever> levers;
  Design design = Design::kGrid;
  std::vector<SweepPoint> points;
  std::vector<MetricSpec> metrics;
  std::size_t replications = 0;
  std::uint64_t seed = 1;
  std::size_t base_point = 0;                    ///< the point paired differences are taken against
  std::vector<std::vector<Summary>> stats;       ///< [point][metric] across replications
  std::vector<std::vector<Summary>> difference;  ///< [point][metric]: point − base, paired
  std::vector<std::vector<std::vector<double>>> values;  ///< [point][metric][replication]
};

/// Summarises values[point][metric][replication] (from run_points).
SweepResult summarise_sweep(std::vector<Lever> levers, Design design,
                            std::vector<SweepPoint> points, std::vector<MetricSpec> metrics,
                            std::vector<std::vector<std::vector<double>>> values,
                            std::uint64_t seed);

/// sweep.csv: point, one column per lever (named by pointer), metric, n, mean, ci_low, ci_high,
/// p05, p50, p95, diff_mean, diff_ci_low, diff_ci_high.
std::string sweep_csv(const SweepResult& r);
/// sweep.json (the same, plus design and levers).
nlohmann::json sweep_json(const SweepResult& r);
/// The terminal summary, in `lang` (message catalog, sweep.*; metric names and pointers as
/// written).
std::string format_sweep(const SweepResult& r, text::Lang lang = text::Lang::kEn);
/// sweep.html: one self-contained page with inline SVG charts, in `lang`.
std::string sweep_html(const SweepResult& r, const std::string& title, const std::string& command,
                       text::Lang lang = text::Lang::kEn);

/// A target on a metric: `name<=value` or `name>=value` (on the mean over replications).
struct Target {
  MetricSpec metric;
  bool at_most = true;
  double bound = 0;
  bool met_by(double v) const { return at_most ? v <= bound : v >= bound; }
};
/// Parses "metric<=x" or "metric>=x"; nullopt with `error`.
std::optional<Target> parse_target(const std::string& text, std::string& error);

/// The answer of the search over sweep points.
struct OptimiseResult {
  std::vector<std::size_t> order;         ///< points by mean cost, cheapest first
  std::vector<bool> feasible;             ///< per point: every target met by the means
  std::vector<double> replication_share;  ///< per point: share of replications meeting all
  std::vector<double> worst_violation;    ///< per point: max over targets of the relative miss
  std::optional<std::size_t> best;        ///< cheapest feasible point, if any
  std::size_t closest = 0;                ///< smallest worst violation (when none is feasible)
};

/// Picks the cheapest point whose means meet every target. values[point][metric][rep]; `cost`
/// and each target index into the metrics.
OptimiseResult choose_cheapest(const std::vector<std::vector<std::vector<double>>>& values,
                               std::size_t cost, const std::vector<Target>& targets,
                               const std::vector<std::size_t>& target_metric);

}  // namespace cadresim::analysis
