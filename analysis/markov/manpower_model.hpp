#pragma once
/// @file Analytic Markov manpower models (Bartholomew, Forbes & McClean; White's vacancy chains).
///
/// States 0..n-1 (grades, levels, titles). P is the one-period transition matrix with rows as
/// "from" and columns as "to"; a row may sum to less than 1 and the remainder w_i = 1 − Σ_j P_ij
/// is the probability of leaving the system from state i in one period. Stocks and recruitment
/// are row vectors, so the stock projection is n(t+1) = n(t) P + r(t). Everything here is pure
/// Eigen: no JSON and no I/O. Inputs are checked and errors are thrown as MarkovError with a
/// message a user can act on. Linear systems are solved with an LU factorisation; the only
/// explicit inverse is the fundamental matrix N itself, because it is one of the outputs.

#include <Eigen/Dense>  // Eigen::MatrixXd, Eigen::VectorXd, Eigen::RowVectorXd

#include <span>       // std::span
#include <stdexcept>  // std::invalid_argument
#include <string>     // std::string
#include <vector>     // std::vector

#include "sim/text/messages.hpp"  // text::Message: the attainability sentence

namespace cadresim::analysis::markov {

/// Tolerance on row sums: a row may exceed 1 by at most this much (rounding in typed
/// decimals), and a row whose sum is within this of 1 counts as having no leaving.
inline constexpr double kRowSumTolerance = 1e-9;

/// A chain, matrix or vector that does not describe a valid model, or a quantity that does not
/// exist for the given chain (e.g. a singular I − P, a non-unique stationary distribution).
class MarkovError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Checks that `p` is a valid one-period transition matrix: square, non-empty, finite,
/// non-negative, every row summing to at most 1 + kRowSumTolerance. `what` names the matrix in
/// messages (e.g. "transition matrix", "vacancy move matrix"). Throws MarkovError.
void check_transition_matrix(const Eigen::MatrixXd& p,
                             const std::string& what = "transition matrix");

/// Leaving probabilities w_i = 1 − Σ_j P_ij, clamped at 0 (rows within tolerance of 1 give 0).
Eigen::VectorXd leaving_probabilities(const Eigen::MatrixXd& p);

/// True when every row sums to 1 within kRowSumTolerance (nobody ever leaves: a closed chain).
bool is_closed(const Eigen::MatrixXd& p);

/// The closed groups of states: each is a set of states (ascending indices) that communicate,
/// from which no move goes outside the group, and from which nobody leaves (w_i ≤ tolerance).
/// An open chain has none exactly when I − P is invertible; a closed chain has a unique
/// stationary distribution exactly when it has one. Structural: uses P_ij > 0 only.
std::vector<std::vector<Eigen::Index>> closed_classes(const Eigen::MatrixXd& p);

/// The stocks projected period by period, with the flows that produced them.
struct Projection {
  std::vector<Eigen::RowVectorXd> stocks;  ///< n(t) for t = 0..T (T + 1 vectors)
  std::vector<Eigen::MatrixXd> flows;      ///< flows[t](i, j) = n_i(t) P_ij, t = 0..T-1
  std::vector<Eigen::RowVectorXd> exits;   ///< exits[t](i) = n_i(t) w_i, t = 0..T-1
};

/// Projects stocks n(t+1) = n(t) P + r(t) for `periods` periods from `initial`. `recruitment`
/// is empty (no recruitment), one vector (the same every period) or `periods` vectors (one per
/// period). Throws MarkovError on invalid P, mismatched sizes or negative stocks/recruitment.
Projection project(const Eigen::MatrixXd& p, const Eigen::RowVectorXd& initial,
                   std::span<const Eigen::RowVectorXd> recruitment, int periods);

/// Quantities of an open chain (every state eventually leads out of the system).
struct OpenChain {
  /// N = (I − P)^-1: N_ij is the expected number of periods spent in j by someone now in i,
  /// counting the current period when j = i.
  Eigen::MatrixXd fundamental;
  /// N·1: expected number of periods in the system (current one included) from each state.
  Eigen::VectorXd expected_periods;
  /// N·diag(w): entry (i, k) is the probability that someone now in i leaves from state k;
  /// rows sum to 1.
  Eigen::MatrixXd exit_distribution;
};

/// Fundamental matrix, expected periods in the system and exit distribution of an open chain.
/// Throws MarkovError naming the closed groups when some states are never left (I − P
/// singular), or when I − P is numerically singular.
OpenChain analyse_open_chain(const Eigen::MatrixXd& p);

/// Limiting stocks under constant recruitment r: the solution of n = n P + r, i.e. r N,
/// computed by solving (I − P)^T n^T = r^T. Throws MarkovError as analyse_open_chain does.
Eigen::RowVectorXd limiting_stocks(const Eigen::MatrixXd& p, const Eigen::RowVectorXd& r);

/// Stationary distribution π (π P = π, Σ π = 1) of a closed chain. Throws MarkovError when the
/// chain is open, or when π is not unique (rank of P^T − I below n − 1: the message lists the
/// separate closed groups).
Eigen::RowVectorXd stationary_distribution(const Eigen::MatrixXd& p);

/// The recruitment that holds a target structure n* from one period to the next.
struct Attainability {
  Eigen::RowVectorXd recruitment;      ///< r = n* (I − P); Σ r = Σ n*_i w_i (expected exits)
  bool attainable = true;              ///< true when no state needs negative recruitment
  std::vector<Eigen::Index> negative;  ///< states needing negative recruitment (ascending)
};

/// Recruitment r = n* (I − P) holding `target` steady. A state needs negative recruitment
/// (forced exits) when more people flow into it than it keeps; entries above
/// −1e-9·max(1, Σ n*) count as zero. Throws MarkovError on invalid P, size mismatch or a
/// negative target.
Attainability recruitment_for_target(const Eigen::MatrixXd& p, const Eigen::RowVectorXd& target);

/// A plain sentence on whether the target is attainable by recruitment alone, naming each state
/// that needs negative recruitment. `names` has one name per state. As a catalog message
/// (markov.attainable, markov.not_attainable.*) to render in a language, and in English.
text::Message attainability_text(const Attainability& a, std::span<const std::string> names);
std::string describe_attainability(const Attainability& a, std::span<const std::string> names);

/// White's vacancy chains: q(i, j) is the probability that a vacancy at stratum i is filled from
/// stratum j (so the vacancy moves to j); 1 − Σ_j q(i, j) is the probability it is filled from
/// outside, which ends the chain.
struct VacancyChains {
  /// (I − Q)^-1·1: expected number of moves (vacancies filled) in a chain that starts at each
  /// stratum, the final fill from outside included; at least 1.
  Eigen::VectorXd expected_length;
  /// (I − Q)^-1·diag(s), s = 1 − row sums: entry (i, k) is the probability that a chain starting
  /// at i ends at k (the last vacancy, at k, is filled from outside); rows sum to 1.
  Eigen::MatrixXd end_distribution;
};

/// Expected chain lengths and end distribution for the vacancy move matrix `q`. Throws
/// MarkovError when `q` is invalid or some vacancies are never filled from outside (a chain that
/// never ends).
VacancyChains analyse_vacancy_chains(const Eigen::MatrixXd& q);

}  // namespace cadresim::analysis::markov
