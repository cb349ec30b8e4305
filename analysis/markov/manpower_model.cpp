#include "analysis/markov/manpower_model.hpp"

#include <fmt/core.h>    // fmt::format
#include <fmt/ranges.h>  // fmt::join

#include <algorithm>  // std::min, std::sort
#include <cmath>      // std::isfinite, std::abs

namespace cadresim::analysis::markov {
namespace {

// Tarjan's strongly connected components on the graph with an edge i -> j when P_ij > 0.
// Recursion depth is at most n, and n is small (manpower models have tens of states).
struct Tarjan {
  const Eigen::MatrixXd& p;
  Eigen::Index counter = 0;
  std::vector<Eigen::Index> index, low, stack;
  std::vector<bool> on_stack;
  std::vector<std::vector<Eigen::Index>> components;

  explicit Tarjan(const Eigen::MatrixXd& matrix)
      : p(matrix),
        index(static_cast<std::size_t>(matrix.rows()), -1),
        low(static_cast<std::size_t>(matrix.rows()), 0),
        on_stack(static_cast<std::size_t>(matrix.rows()), false) {
    for (Eigen::Index v = 0; v < p.rows(); ++v)
      if (index[u(v)] < 0) visit(v);
  }
  static std::size_t u(Eigen::Index i) { return static_cast<std::size_t>(i); }
  void visit(Eigen::Index v) {
    index[u(v)] = low[u(v)] = counter++;
    stack.push_back(v);
    on_stack[u(v)] = true;
    for (Eigen::Index w = 0; w < p.cols(); ++w) {
      if (!(p(v, w) > 0)) continue;
      if (index[u(w)] < 0) {
        visit(w);
        low[u(v)] = std::min(low[u(v)], low[u(w)]);
      } else if (on_stack[u(w)]) {
        low[u(v)] = std::min(low[u(v)], index[u(w)]);
      }
    }
    if (low[u(v)] != index[u(v)]) return;
    std::vector<Eigen::Index> component;
    Eigen::Index w = -1;
    do {
      w = stack.back();
      stack.pop_back();
      on_stack[u(w)] = false;
      component.push_back(w);
    } while (w != v);
    std::sort(component.begin(), component.end());
    components.push_back(std::move(component));
  }
};

std::string describe_groups(const std::vector<std::vector<Eigen::Index>>& groups) {
  std::vector<std::string> parts;
  for (const auto& g : groups) parts.push_back(fmt::format("{{{}}}", fmt::join(g, ", ")));
  return fmt::format("{}", fmt::join(parts, " and "));
}

void check_row_vector(const Eigen::RowVectorXd& v, Eigen::Index n, const std::string& what) {
  if (v.size() != n)
    throw MarkovError(
        fmt::format("{} has {} entries but the chain has {} states", what, v.size(), n));
  for (Eigen::Index i = 0; i < n; ++i) {
    if (!std::isfinite(v(i)))
      throw MarkovError(fmt::format("{} entry {} is not a finite number", what, i));
    if (v(i) < 0) throw MarkovError(fmt::format("{} entry {} is negative ({})", what, i, v(i)));
  }
}

// I − P after checking that every state eventually leads out of the system. `vacancies`
// words the error for a vacancy move matrix rather than a transition matrix.
Eigen::MatrixXd open_chain_matrix(const Eigen::MatrixXd& p, bool vacancies) {
  check_transition_matrix(p, vacancies ? "vacancy move matrix" : "transition matrix");
  const auto groups = closed_classes(p);
  if (!groups.empty()) {
    if (vacancies)
      throw MarkovError(fmt::format(
          "vacancies at strata {} (counting from 0) are never filled from outside (their rows "
          "sum to 1 and no move goes outside the group), so a vacancy chain that reaches them "
          "never ends and I − Q is singular",
          describe_groups(groups)));
    throw MarkovError(fmt::format(
        "the chain is not open: states {} (counting from 0) are never left once entered (their "
        "rows sum to 1 and no move goes outside the group), so I − P is singular and the "
        "expected time in the system is infinite",
        describe_groups(groups)));
  }
  const Eigen::Index n = p.rows();
  return Eigen::MatrixXd::Identity(n, n) - p;
}

}  // namespace

void check_transition_matrix(const Eigen::MatrixXd& p, const std::string& what) {
  if (p.rows() == 0 || p.cols() == 0) throw MarkovError(fmt::format("the {} is empty", what));
  if (p.rows() != p.cols())
    throw MarkovError(
        fmt::format("the {} must be square (one row and one column per state) but "
                    "is {} × {}",
                    what, p.rows(), p.cols()));
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    for (Eigen::Index j = 0; j < p.cols(); ++j) {
      if (!std::isfinite(p(i, j)))
        throw MarkovError(fmt::format("the {} entry ({}, {}) is not a finite number", what, i, j));
      if (p(i, j) < 0)
        throw MarkovError(
            fmt::format("the {} entry ({}, {}) is negative ({}); probabilities must be ≥ 0", what,
                        i, j, p(i, j)));
    }
    const double sum = p.row(i).sum();
    if (sum > 1 + kRowSumTolerance)
      throw MarkovError(fmt::format(
          "the {} row {} sums to {:.12g}, over 1; a row holds the probabilities of moving from "
          "that state and 1 − sum is the probability of leaving",
          what, i, sum));
  }
}

Eigen::VectorXd leaving_probabilities(const Eigen::MatrixXd& p) {
  Eigen::VectorXd w = Eigen::VectorXd::Ones(p.rows()) - p.rowwise().sum();
  for (Eigen::Index i = 0; i < w.size(); ++i)
    if (w(i) <= kRowSumTolerance) w(i) = 0;
  return w;
}

bool is_closed(const Eigen::MatrixXd& p) {
  for (Eigen::Index i = 0; i < p.rows(); ++i)
    if (std::abs(1 - p.row(i).sum()) > kRowSumTolerance) return false;
  return true;
}

std::vector<std::vector<Eigen::Index>> closed_classes(const Eigen::MatrixXd& p) {
  const Eigen::VectorXd w = leaving_probabilities(p);
  Tarjan tarjan(p);
  std::vector<std::vector<Eigen::Index>> closed;
  for (auto& component : tarjan.components) {
    bool is_closed_group = true;
    for (Eigen::Index i : component) {
      if (w(i) > 0) is_closed_group = false;
      for (Eigen::Index j = 0; j < p.cols() && is_closed_group; ++j)
        if (p(i, j) > 0 && !std::binary_search(component.begin(), component.end(), j))
          is_closed_group = false;
      if (!is_closed_group) break;
    }
    if (is_closed_group) closed.push_back(std::move(component));
  }
  std::sort(closed.begin(), closed.end());
  return closed;
}

Projection project(const Eigen::MatrixXd& p, const Eigen::RowVectorXd& initial,
                   std::span<const Eigen::RowVectorXd> recruitment, int periods) {
  check_transition_matrix(p);
  const Eigen::Index n = p.rows();
  if (periods < 0) throw MarkovError(fmt::format("periods must be ≥ 0, got {}", periods));
  check_row_vector(initial, n, "the initial stock vector");
  if (recruitment.size() > 1 && recruitment.size() != static_cast<std::size_t>(periods))
    throw MarkovError(fmt::format(
        "recruitment has {} vectors; give none, one (the same every period) or one per period "
        "({})",
        recruitment.size(), periods));
  for (std::size_t t = 0; t < recruitment.size(); ++t)
    check_row_vector(recruitment[t], n, fmt::format("recruitment vector {}", t));

  const Eigen::VectorXd w = leaving_probabilities(p);
  Projection out;
  out.stocks.reserve(static_cast<std::size_t>(periods) + 1);
  out.flows.reserve(static_cast<std::size_t>(periods));
  out.exits.reserve(static_cast<std::size_t>(periods));
  out.stocks.push_back(initial);
  for (int t = 0; t < periods; ++t) {
    const Eigen::RowVectorXd& now = out.stocks.back();
    out.flows.push_back(now.asDiagonal() * p);
    out.exits.push_back(now.cwiseProduct(w.transpose()));
    Eigen::RowVectorXd next = now * p;
    if (recruitment.size() == 1) next += recruitment[0];
    if (recruitment.size() > 1) next += recruitment[static_cast<std::size_t>(t)];
    out.stocks.push_back(std::move(next));
  }
  return out;
}

OpenChain analyse_open_chain(const Eigen::MatrixXd& p) {
  const Eigen::MatrixXd a = open_chain_matrix(p, false);
  const Eigen::Index n = p.rows();
  // Full pivoting gives a rank-revealing check before N, which is an output, is formed.
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(a);
  if (!lu.isInvertible())
    throw MarkovError(
        "I − P is numerically singular: some states are left with a probability "
        "too small to represent; check the rows that sum to almost 1");
  OpenChain out;
  out.fundamental = lu.solve(Eigen::MatrixXd::Identity(n, n));
  // N·1 and N·diag(w) are solves of (I − P) x = b, not products with the formed inverse.
  out.expected_periods = lu.solve(Eigen::VectorXd::Ones(n));
  const Eigen::VectorXd w = leaving_probabilities(p);
  out.exit_distribution = lu.solve(Eigen::MatrixXd(w.asDiagonal()));
  return out;
}

Eigen::RowVectorXd limiting_stocks(const Eigen::MatrixXd& p, const Eigen::RowVectorXd& r) {
  const Eigen::MatrixXd a = open_chain_matrix(p, false);
  check_row_vector(r, p.rows(), "the recruitment vector");
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(a.transpose());
  if (!lu.isInvertible()) throw MarkovError("I − P is numerically singular");
  return lu.solve(r.transpose()).transpose();
}

Eigen::RowVectorXd stationary_distribution(const Eigen::MatrixXd& p) {
  check_transition_matrix(p);
  if (!is_closed(p))
    throw MarkovError(
        "the chain is open (some rows sum to less than 1: people leave), so it has no "
        "stationary distribution without recruitment; use the limiting stocks instead");
  const Eigen::Index n = p.rows();
  // π is the null vector of P^T − I; it is unique exactly when that matrix has rank n − 1.
  const Eigen::MatrixXd a = p.transpose() - Eigen::MatrixXd::Identity(n, n);
  const Eigen::FullPivLU<Eigen::MatrixXd> rank_lu(a);
  if (rank_lu.rank() < n - 1) {
    const auto groups = closed_classes(p);
    throw MarkovError(fmt::format(
        "the stationary distribution is not unique: the chain splits into {} separate closed "
        "groups of states {} (counting from 0) that never exchange people, so the long-run "
        "shares depend on where people start",
        groups.size(), describe_groups(groups)));
  }
  // Replace one (redundant) balance equation by Σ π = 1; the system is then nonsingular.
  Eigen::MatrixXd system = a;
  system.row(n - 1).setOnes();
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n);
  rhs(n - 1) = 1;
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(system);
  if (!lu.isInvertible())
    throw MarkovError(
        "the stationary distribution could not be computed: the balance "
        "equations are numerically singular");
  Eigen::RowVectorXd pi = lu.solve(rhs).transpose();
  for (Eigen::Index i = 0; i < n; ++i)
    if (std::abs(pi(i)) < 1e-15) pi(i) = 0;  // transient states: exact zeros, not -1e-17
  return pi;
}

Attainability recruitment_for_target(const Eigen::MatrixXd& p, const Eigen::RowVectorXd& target) {
  check_transition_matrix(p);
  check_row_vector(target, p.rows(), "the target stock vector");
  Attainability out;
  out.recruitment = target - target * p;
  const double tolerance = 1e-9 * std::max(1.0, target.sum());
  for (Eigen::Index i = 0; i < out.recruitment.size(); ++i)
    if (out.recruitment(i) < -tolerance) out.negative.push_back(i);
  out.attainable = out.negative.empty();
  return out;
}

text::Message attainability_text(const Attainability& a, std::span<const std::string> names) {
  auto name = [&](Eigen::Index i) {
    return static_cast<std::size_t>(i) < names.size()
               ? fmt::format("'{}'", names[static_cast<std::size_t>(i)])
               : fmt::format("state {}", i);
  };
  if (a.attainable)
    return text::message("markov.attainable", fmt::format("{:.6g}", a.recruitment.sum()));
  std::vector<std::string> parts;
  for (Eigen::Index i : a.negative)
    parts.push_back(fmt::format("{} ({:.6g})", name(i), a.recruitment(i)));
  return text::message(
      parts.size() == 1 ? "markov.not_attainable.one" : "markov.not_attainable.many",
      fmt::format("{}", fmt::join(parts, ", ")));
}

std::string describe_attainability(const Attainability& a, std::span<const std::string> names) {
  return text::render(text::Lang::kEn, attainability_text(a, names));
}

VacancyChains analyse_vacancy_chains(const Eigen::MatrixXd& q) {
  const Eigen::MatrixXd a = open_chain_matrix(q, true);
  const Eigen::Index n = q.rows();
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(a);
  if (!lu.isInvertible())
    throw MarkovError(
        "I − Q is numerically singular: some vacancies are filled from outside "
        "with a probability too small to represent");
  VacancyChains out;
  out.expected_length = lu.solve(Eigen::VectorXd::Ones(n));
  const Eigen::VectorXd s = leaving_probabilities(q);
  out.end_distribution = lu.solve(Eigen::MatrixXd(s.asDiagonal()));
  return out;
}

}  // namespace cadresim::analysis::markov
