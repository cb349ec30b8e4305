#pragma once
/// @file Estimating a yearly Markov transition matrix from simulated histories (the input of
/// `cadresim markov --from-scenario`, docs/cli.md). Each replication is observed once a year,
/// at the end of 31 December (equivalently the start of 1 January, before that day's events):
/// every active cadre's state — a level, a title or a pool state. A cadre observed in state i
/// at one snapshot is, at the next, in state j or gone ("left"); over all replications and
/// years, P̂_ij = (moves i → j) / (cadre-years observed in i) — counts over exposure, the
/// maximum-likelihood estimate of a time-homogeneous chain — with the binomial standard error
/// sqrt(P̂(1 − P̂) / exposure). Recruitment into j in a year is the number of cadres present at
/// the next snapshot, in j, who did not exist at the previous one. Replications run on threads
/// and are merged in replication order, so results do not depend on the thread count.

#include <Eigen/Dense>  // Eigen::MatrixXd, Eigen::RowVectorXd

#include <atomic>   // std::atomic (cancellation)
#include <cstdint>  // std::uint64_t
#include <span>     // std::span
#include <string>   // std::string
#include <vector>   // std::vector

#include "analysis/runner.hpp"  // ProgressSink
#include "sim/engine/observer.hpp"
#include "sim/model/scenario.hpp"

namespace cadresim::analysis::markov {

/// What a cadre's state is.
enum class StateBy {
  kLevel,  ///< level of the post held (or last held); a pool member's grade level
  kTitle,  ///< title of the post held (or last held); pool members are not observed
  kPool,   ///< pool state; cadres outside pools are not observed
};

/// Name of a StateBy ("level", "title", "pool").
std::string to_string(StateBy by);

/// State ids of `scenario` under `by` (levels, titles or pool states), in model order.
std::vector<std::string> state_ids(const model::Scenario& scenario, StateBy by);

/// State index of an active cadre under `by`, or -1 when the cadre has none (not observed).
int state_of(const model::Scenario& scenario, const model::Cadre& cadre, StateBy by);

/// One replication's yearly panel: an Observer that snapshots states at each year end.
class TransitionPanel : public engine::Observer {
 public:
  /// Observes `scenario` (which must outlive the panel) with states under `by`.
  TransitionPanel(const model::Scenario& scenario, StateBy by);

  void on_year_end(int year, const model::World& world) override;

  /// Transition counts between consecutive snapshots: n × (n + 1), the last column "left".
  const Eigen::MatrixXd& counts() const { return counts_; }
  /// Active cadres by state at each snapshot (one row per snapshot).
  const std::vector<Eigen::RowVectorXd>& stocks() const { return stocks_; }
  /// Recruits by state between consecutive snapshots (one row per year, snapshots − 1 rows).
  const std::vector<Eigen::RowVectorXd>& recruits() const { return recruits_; }
  /// Snapshot dates (each a 31 December).
  const std::vector<kernel::Day>& dates() const { return dates_; }

 private:
  const model::Scenario& scenario_;
  StateBy by_;
  Eigen::Index n_;
  std::vector<int> previous_;  ///< state at the previous snapshot by cadre id (-1: none)
  bool has_previous_ = false;
  Eigen::MatrixXd counts_;
  std::vector<Eigen::RowVectorXd> stocks_;
  std::vector<Eigen::RowVectorXd> recruits_;
  std::vector<kernel::Day> dates_;
};

/// How to estimate.
struct EstimateOptions {
  StateBy by = StateBy::kLevel;
  std::uint64_t seed = 1;
  std::size_t replications = 100;
  unsigned threads = 0;                       ///< 0 = all hardware threads
  const std::atomic<bool>* cancel = nullptr;  ///< optional; set to stop early
  ProgressSink* progress = nullptr;           ///< optional
};

/// The estimate over all replications.
struct TransitionEstimate {
  std::vector<std::string> states;  ///< state ids
  std::vector<kernel::Day> dates;   ///< snapshot dates (31 December of each year)
  std::size_t replications = 0;
  Eigen::MatrixXd counts;          ///< n × (n + 1) summed counts, last column "left"
  Eigen::VectorXd exposure;        ///< cadre-years observed in each state (row sums)
  Eigen::MatrixXd probability;     ///< n × (n + 1): counts / exposure (0 without exposure)
  Eigen::MatrixXd standard_error;  ///< n × (n + 1): sqrt(p (1 − p) / exposure)
  Eigen::RowVectorXd recruitment;  ///< mean recruits per state per year
  std::vector<Eigen::RowVectorXd> stock_mean;  ///< mean active stock per snapshot
  std::vector<Eigen::RowVectorXd> stock_se;    ///< its standard error (sd / sqrt(replications))

  /// The estimated one-year transition matrix P̂ (n × n, rows may sum to less than 1).
  Eigen::MatrixXd transitions() const { return probability.leftCols(probability.cols() - 1); }
};

/// Thrown when the estimation is cancelled before all replications finished.
struct EstimateCancelled {};

/// Merges per-replication panels (in the given order) into an estimate.
TransitionEstimate merge_panels(const model::Scenario& scenario, StateBy by,
                                std::span<const TransitionPanel> panels);

/// Runs the replications (replication r uses the random key (seed, r)) with a TransitionPanel
/// each and merges them. Throws EstimateCancelled when cancelled, rethrows the first
/// (lowest-replication) exception of a failing replication, and std::invalid_argument when the
/// horizon has fewer than two year ends or the scenario has no state under `by`.
TransitionEstimate estimate_transitions(const model::Scenario& scenario,
                                        const EstimateOptions& options);

}  // namespace cadresim::analysis::markov
