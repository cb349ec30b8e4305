// Counts-over-exposure estimate of the yearly transition matrix from simulated histories.
#include "analysis/markov/estimation.hpp"

#include <cmath>      // std::sqrt
#include <stdexcept>  // std::invalid_argument

#include "sim/engine/engine.hpp"

namespace cadresim::analysis::markov {

std::string to_string(StateBy by) {
  switch (by) {
    case StateBy::kLevel:
      return "level";
    case StateBy::kTitle:
      return "title";
    case StateBy::kPool:
      return "pool";
  }
  return "";
}

std::vector<std::string> state_ids(const model::Scenario& scenario, StateBy by) {
  std::vector<std::string> ids;
  const auto& org = scenario.organisation;
  switch (by) {
    case StateBy::kLevel:
      for (const auto& l : org.levels) ids.push_back(l.id);
      break;
    case StateBy::kTitle:
      for (const auto& t : org.titles) ids.push_back(t.id);
      break;
    case StateBy::kPool:
      for (const auto& s : scenario.pools.states) ids.push_back(s.id);
      break;
  }
  return ids;
}

int state_of(const model::Scenario& scenario, const model::Cadre& c, StateBy by) {
  const auto& org = scenario.organisation;
  const model::PostId post = c.post != model::kNoPost ? c.post : c.last_post;
  switch (by) {
    case StateBy::kPool:
      return c.pool_state < scenario.pools.states.size() ? c.pool_state : -1;
    case StateBy::kLevel:
      if (c.pool_state < scenario.pools.states.size())
        return scenario.pools.states[c.pool_state].level;
      return post != model::kNoPost ? org.level_of(post) : -1;
    case StateBy::kTitle:
      return post != model::kNoPost && c.pool_state == model::kNoPoolState ? org.posts[post].title
                                                                           : -1;
  }
  return -1;
}

TransitionPanel::TransitionPanel(const model::Scenario& scenario, StateBy by)
    : scenario_(scenario), by_(by), n_(static_cast<Eigen::Index>(state_ids(scenario, by).size())) {
  counts_ = Eigen::MatrixXd::Zero(n_, n_ + 1);
}

void TransitionPanel::on_year_end(int year, const model::World& world) {
  const auto& cadres = world.cadres;
  Eigen::RowVectorXd stock = Eigen::RowVectorXd::Zero(n_);
  Eigen::RowVectorXd recruits = Eigen::RowVectorXd::Zero(n_);
  std::vector<int> current(cadres.size(), -1);
  for (std::size_t id = 0; id < cadres.size(); ++id) {
    const auto& c = cadres[id];
    const int was = id < previous_.size() ? previous_[id] : -1;
    if (c.status != model::CadreStatus::kActive) {
      if (has_previous_ && was >= 0) counts_(was, n_) += 1;  // left during the year
      continue;
    }
    const int now = state_of(scenario_, c, by_);
    current[id] = now;
    if (now < 0) continue;
    stock(now) += 1;
    if (!has_previous_) continue;
    if (was >= 0)
      counts_(was, now) += 1;
    else if (id >= previous_.size())
      recruits(now) += 1;  // did not exist a year ago
  }
  if (has_previous_) recruits_.push_back(recruits);
  stocks_.push_back(stock);
  dates_.push_back(kernel::make_day(year, 12, 31));
  previous_ = std::move(current);
  has_previous_ = true;
}

TransitionEstimate merge_panels(const model::Scenario& scenario, StateBy by,
                                std::span<const TransitionPanel> panels) {
  TransitionEstimate e;
  e.states = state_ids(scenario, by);
  const auto n = static_cast<Eigen::Index>(e.states.size());
  e.replications = panels.size();
  e.counts = Eigen::MatrixXd::Zero(n, n + 1);
  e.recruitment = Eigen::RowVectorXd::Zero(n);
  if (panels.empty()) return e;
  e.dates = panels.front().dates();
  const std::size_t snapshots = e.dates.size();
  double years = 0;
  for (const auto& p : panels) {
    if (p.stocks().size() != snapshots)
      throw std::logic_error("merge_panels: replications observed different numbers of years");
    e.counts += p.counts();
    for (const auto& r : p.recruits()) e.recruitment += r;
    years += static_cast<double>(p.recruits().size());
  }
  if (years > 0) e.recruitment /= years;
  e.exposure = e.counts.rowwise().sum();
  e.probability = Eigen::MatrixXd::Zero(n, n + 1);
  e.standard_error = Eigen::MatrixXd::Zero(n, n + 1);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (e.exposure(i) <= 0) continue;
    for (Eigen::Index j = 0; j <= n; ++j) {
      const double p = e.counts(i, j) / e.exposure(i);
      e.probability(i, j) = p;
      e.standard_error(i, j) = std::sqrt(p * (1 - p) / e.exposure(i));
    }
  }
  const double reps = static_cast<double>(panels.size());
  for (std::size_t k = 0; k < snapshots; ++k) {
    Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(n);
    for (const auto& p : panels) sum += p.stocks()[k];
    const Eigen::RowVectorXd mean = sum / reps;
    Eigen::RowVectorXd ss = Eigen::RowVectorXd::Zero(n);
    for (const auto& p : panels) ss += (p.stocks()[k] - mean).array().square().matrix();
    e.stock_mean.push_back(mean);
    e.stock_se.push_back(reps > 1 ? ((ss / (reps - 1)) / reps).cwiseSqrt().eval()
                                  : Eigen::RowVectorXd::Zero(n).eval());
  }
  return e;
}

TransitionEstimate estimate_transitions(const model::Scenario& scenario, const EstimateOptions& o) {
  if (state_ids(scenario, o.by).empty())
    throw std::invalid_argument("the scenario has no " + to_string(o.by) +
                                " to estimate transitions between");
  const int first = kernel::split(scenario.calendar.start).year;
  const kernel::Day last_year_end =
      kernel::make_day(kernel::split(scenario.calendar.end).year, 12, 31);
  const int last =
      kernel::split(scenario.calendar.end).year - (scenario.calendar.end < last_year_end ? 1 : 0);
  if (last - first < 1)
    throw std::invalid_argument(
        "the scenario's horizon must contain at least two 31 Decembers (one year of transitions)");
  std::vector<TransitionPanel> panels;
  panels.reserve(o.replications);
  for (std::size_t r = 0; r < o.replications; ++r) panels.emplace_back(scenario, o.by);
  bool finished = false;
  try {
    finished =
        for_each_replication(o.replications, o.threads, o.progress, o.cancel, [&](std::size_t r) {
          engine::Engine engine(scenario, o.seed, r);
          engine.add_observer(panels[r]);
          CancelCheck check(o.cancel);
          engine.add_observer(check);
          engine.run();
        });
  } catch (const RunCancelled&) {
    finished = false;  // a replication saw the cancel inside its run
  }
  if (!finished) throw EstimateCancelled{};
  return merge_panels(scenario, o.by, panels);
}

}  // namespace cadresim::analysis::markov
