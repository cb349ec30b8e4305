#pragma once
/// @file Uncertainty from assumptions (docs/model.md § Uncertainty from assumptions): N parameter
/// sets drawn by Latin hypercube from the scenario's assumption ranges, R replications of each
/// with common random numbers, and for each headline: the Monte Carlo interval of the nominal
/// run beside the total-uncertainty interval, the share of the variance that comes from the
/// assumptions (one-way random-effects decomposition), and the assumptions that matter most
/// (standardized regression coefficients of the set means on the sampled values, by Eigen's
/// least squares).

#include <nlohmann/json.hpp>  // report.json section

#include <string>  // std::string
#include <vector>  // std::vector

#include "analysis/experiment.hpp"       // MetricSpec, run_points
#include "analysis/messages.hpp"         // Lang
#include "analysis/statistics.hpp"       // Summary
#include "sim/scenario/assumptions.hpp"  // scenario::Assumption
#include "sim/scenario/loader.hpp"       // LoadedScenario
#include "sim/scenario/overrides.hpp"    // Override: a sampled set as overrides

namespace cadresim::analysis {

/// Variance of one outcome split between assumption sets and replications.
struct VarianceSplit {
  double between_means = 0;  ///< sample variance of the N set means
  double within = 0;         ///< mean over sets of the within-set sample variance (chance)
  double assumptions = 0;    ///< σ²_A = max(0, between_means − within / R)
  double share = 0;          ///< σ²_A / (σ²_A + within): the assumptions' share of the
                             ///< variance of one replication's outcome
};

/// Splits values[set][replication] (N ≥ 2 sets, R ≥ 2 replications each).
VarianceSplit split_variance(const std::vector<std::vector<double>>& values);

/// Standardized regression coefficients of y on the columns of x (N rows × k): the least-squares
/// slopes times sd(x_j)/sd(y). Constant columns get 0. `r2` receives the fit's R². Needs
/// N > k + 1; otherwise returns the correlation coefficients of each column with y.
std::vector<double> standardized_regression(const std::vector<std::vector<double>>& x,
                                            const std::vector<double>& y, double* r2 = nullptr);

/// One headline's uncertainty.
struct HeadlineUncertainty {
  MetricSpec metric;
  Summary monte_carlo;    ///< nominal scenario: mean and 95 % interval over replications
  Summary set_means;      ///< the N set means (their p05..p95 and quantiles below)
  double total_low = 0;   ///< 2.5th percentile of the set means
  double total_high = 0;  ///< 97.5th percentile of the set means
  VarianceSplit split;
  std::vector<double> src;           ///< one per assumption
  double r2 = 0;                     ///< of the linear fit behind `src`
  std::vector<std::size_t> ranking;  ///< assumptions by |src|, largest first
};

/// The whole study.
struct AssumptionStudy {
  std::vector<scenario::Assumption> assumptions;
  std::vector<std::vector<double>> sets;  ///< [set][assumption] sampled values
  std::size_t replications = 0;
  std::uint64_t seed = 1;
  std::vector<HeadlineUncertainty> headlines;
};

/// The N parameter sets of a Latin hypercube over `assumptions` (seed → design).
std::vector<std::vector<double>> sample_assumption_sets(
    const std::vector<scenario::Assumption>& assumptions, std::size_t n, std::uint64_t seed);

/// The overrides that give the scenario the values of one sampled `set` (one per assumption, in
/// order).
std::vector<scenario::Override> assumption_overrides(
    const std::vector<scenario::Assumption>& assumptions, const std::vector<double>& set);

/// Summarises values[set][metric][replication] and the nominal run's values[metric][rep].
AssumptionStudy analyse_assumptions(const std::vector<scenario::Assumption>& assumptions,
                                    const std::vector<std::vector<double>>& sets,
                                    const std::vector<MetricSpec>& metrics,
                                    const std::vector<std::vector<std::vector<double>>>& values,
                                    const std::vector<std::vector<double>>& nominal);

/// Runs the study: builds every set's scenario from `base` (throws scenario::InvalidInput when a
/// sampled set breaks a rule), runs them with o.replications each, and the nominal scenario
/// too unless its replications are given (`nominal`, from run_replications with the same o).
AssumptionStudy run_assumption_study(const scenario::LoadedScenario& base, std::size_t sets,
                                     const std::vector<MetricSpec>& metrics, const RunOptions& o,
                                     const std::vector<ReplicationResult>* nominal = nullptr);

/// report.json's "uncertainty" object.
nlohmann::json assumption_study_json(const AssumptionStudy& s);
/// The terminal table: both intervals, the share and the three assumptions that matter most, in
/// `lang` (the catalog's summary.assumptions.* texts; numbers with the language's decimal mark).
std::string format_assumption_study(const AssumptionStudy& s, Lang lang = Lang::kEn);

}  // namespace cadresim::analysis
