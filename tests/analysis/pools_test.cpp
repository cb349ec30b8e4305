// DES vs analytic (docs/validation.md § DES vs analytic): a scenario made only of pools
// (tests/data/pools-grades.json: four grades, promotions, a demotion path, exits and
// recruitment into every grade) is exactly the Markov chain n(t+1) = n(t) P + r, so
//  - the mean simulated stock of every grade at every year end lies within 4 standard errors of
//    the analytic projection (E n(t+1) = E n(t) P + r holds exactly for the DES, so only
//    sampling noise separates them; |Z| > 4 has probability 6e-5 per comparison, about 1 % over
//    the 160 comparisons, and the seed is fixed);
//  - the mean completed length of service of recruits equals (N·1)_i for their entry grade i;
//  - the transition matrix estimated from the simulated histories (analysis/markov/estimation)
//    is within 4 binomial standard errors of the true P.
// Also: pool members stay out of the post-based mechanisms in a mixed scenario.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>  // adding pools to a post-based scenario

#include <algorithm>   // std::max
#include <cmath>       // std::abs, std::sqrt, std::floor
#include <cstdio>      // std::printf: the measured figures quoted in docs/validation.md
#include <filesystem>  // std::filesystem::path
#include <fstream>     // std::ifstream
#include <span>        // std::span
#include <string>
#include <thread>  // std::thread: replications on two threads
#include <vector>

#include "analysis/markov/estimation.hpp"
#include "analysis/markov/manpower_model.hpp"
#include "analysis/runner.hpp"
#include "analysis_test_support.hpp"  // paths in the source tree, the small scenario
#include "sim/engine/engine.hpp"
#include "sim/scenario/loader.hpp"

namespace {

namespace mk = cadresim::analysis::markov;
using cadresim::events::DomainEvent;
using cadresim::events::EventType;
using cadresim::kernel::Day;
using cadresim::model::Scenario;

using cadresim::analysistest::kSource;

Scenario pools_grades() {
  return cadresim::scenario::load_scenario_file(kSource / "tests/data/pools-grades.json").scenario;
}

// P, n(0) and r of a scenario's pools.
struct Chain {
  Eigen::MatrixXd p;
  Eigen::RowVectorXd initial;
  Eigen::RowVectorXd recruitment;
};

Chain chain_of(const Scenario& s) {
  const auto& states = s.pools.states;
  const auto n = static_cast<Eigen::Index>(states.size());
  Chain c{Eigen::MatrixXd::Zero(n, n), Eigen::RowVectorXd::Zero(n), Eigen::RowVectorXd::Zero(n)};
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto& st = states[static_cast<std::size_t>(i)];
    for (const auto& t : st.transitions) c.p(i, t.to) = t.probability;
    c.initial(i) = st.initial_stock;
    c.recruitment(i) = st.recruits_per_year;
  }
  return c;
}

// Index of the month-end date `d` in a replication's months.
std::size_t month_index(const std::vector<Day>& months, Day d) {
  for (std::size_t k = 0; k < months.size(); ++k)
    if (months[k] == d) return k;
  ADD_FAILURE() << "no month end " << cadresim::kernel::format_iso_date(d);
  return 0;
}

}  // namespace

// Replications of the two long pool runs below. Builds that check the engine's invariants at
// every month end (Debug, and the sanitizer build that CI runs) took 80 and 250 times as long on
// them as Release (the checks read every cadre ever recruited, at each of the 480 or 960 month
// ends of a replication; 590 s under the sanitizers, against CTest's 600 s limit), so they run a
// fifth of the replications. Both tests' tolerances are four standard errors estimated from the
// replications themselves, so they widen with fewer replications and stay as strict in probability;
// Release keeps the 500 replications whose figures docs/validation.md quotes.
#ifdef CADRESIM_CHECK_INVARIANTS
constexpr std::size_t kLongRunReplications = 100;
#else
constexpr std::size_t kLongRunReplications = 500;
#endif

TEST(PoolsDes, MeanStocksLieWithinFourStandardErrorsOfTheAnalyticProjectionEveryYear) {
  const Scenario s = pools_grades();
  const Chain c = chain_of(s);
  cadresim::analysis::RunOptions o;
  o.seed = 20240607;
  o.replications = kLongRunReplications;
  o.threads = 2;
  const auto reps = cadresim::analysis::run_replications(s, o);
  const int first = cadresim::kernel::split(s.calendar.start).year;
  const int years = cadresim::kernel::split(s.calendar.end).year - first;  // steps: 39
  const auto projection = mk::project(c.p, c.initial, std::span(&c.recruitment, 1), years);
  const auto n = static_cast<std::size_t>(c.p.rows());
  double max_z = 0;
  for (int t = 0; t <= years; ++t) {
    // The step is on 1 January, so the stock at 31 December of year first + t is n(t).
    const Day dec31 = cadresim::kernel::make_day(first + t, 12, 31);
    const std::size_t k = month_index(reps.front().months, dec31);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& id = s.pools.states[i].id;
      double sum = 0, sum2 = 0;
      for (const auto& r : reps) {
        const double v = r.monthly.at({"pool_stock", id})[k];
        sum += v;
        sum2 += v * v;
      }
      const double m = sum / reps.size();
      const double var = (sum2 - m * sum) / (reps.size() - 1);
      const double se = std::sqrt(std::max(var, 0.0) / reps.size());
      const double expected =
          projection.stocks[static_cast<std::size_t>(t)](static_cast<Eigen::Index>(i));
      if (t == 0) {
        EXPECT_EQ(m, expected) << "the initial stock is exact";
        EXPECT_EQ(se, 0);
        continue;
      }
      ASSERT_GT(se, 0);
      const double z = (m - expected) / se;
      max_z = std::max(max_z, std::abs(z));
      if (t == 1 || t == 5 || t == 10 || t == 20 || t == years)
        std::printf("year %2d %s: simulated %.3f ± %.3f, analytic %.3f, z %+.2f\n", t, id.c_str(),
                    m, se, expected, z);
      EXPECT_LE(std::abs(z), 4.0) << "grade " << id << " year " << t << ": simulated " << m << " ± "
                                  << se << ", analytic " << expected;
    }
  }
  RecordProperty("max_abs_z", std::to_string(max_z));
  std::printf("max |z| over %d years x %zu grades: %.3f\n", years, n, max_z);
}

namespace {

// Completed lengths of service of recruits, by entry grade, for the cohorts recruited at the
// first `cohorts` steps. A recruit arrives at a step date and leaves at a later one, so the
// length in years is the difference of the calendar years, and it equals the number of year
// ends (stock snapshots n(t)) at which the recruit was counted.
class ServiceObserver : public cadresim::engine::Observer {
 public:
  ServiceObserver(std::size_t states, int first_year, int cohorts)
      : sum(states, 0),
        sum2(states, 0),
        count(states, 0),
        unfinished(states, 0),
        first_year_(first_year),
        cohorts_(cohorts) {}

  void on_events(std::span<const DomainEvent> events, const cadresim::model::World& w) override {
    for (const auto& e : events) {
      if (e.type == EventType::kPoolRecruit) {
        const int year = cadresim::kernel::split(e.day).year;
        if (year - first_year_ > cohorts_) continue;
        if (entry_.size() <= e.cadre) entry_.resize(e.cadre + 1, -1);
        entry_[e.cadre] = e.reason;
      } else if (e.type == EventType::kPoolLeave && e.cadre < entry_.size() &&
                 entry_[e.cadre] >= 0) {
        const auto i = static_cast<std::size_t>(entry_[e.cadre]);
        const double years = cadresim::kernel::split(e.day).year -
                             cadresim::kernel::split(w.cadres[e.cadre].entered).year;
        sum[i] += years;
        sum2[i] += years * years;
        ++count[i];
        entry_[e.cadre] = -1;
      }
    }
  }
  void on_finish(Day, const cadresim::model::World&) override {
    for (int s : entry_)
      if (s >= 0) ++unfinished[static_cast<std::size_t>(s)];
  }

  std::vector<double> sum, sum2, count, unfinished;

 private:
  std::vector<int> entry_;  // entry grade of each tracked recruit still in service (-1: none)
  int first_year_;
  int cohorts_;
};

}  // namespace

TEST(PoolsDes, MeanCompletedServiceOfRecruitsMatchesRowSumsOfTheFundamentalMatrix) {
  // Convention (docs/model.md § Pools): recruits arrive at a step date after that step's moves
  // and are first moved at the next one, and exits happen only at step dates. A recruit into i
  // is in the stock n(t) for every year end until the step at which they leave, so the length
  // of service L in years is the number of periods spent in the system, and
  // E[L] = Σ_{k≥0} P(still in after k steps) = Σ_k e_i P^k 1 = (N·1)_i with N = (I − P)^-1.
  Scenario s = pools_grades();
  // A longer horizon (80 years) so that almost every tracked recruit has left by the end.
  s.calendar.end = cadresim::kernel::make_day(2099, 12, 31);
  const Chain c = chain_of(s);
  const mk::OpenChain open = mk::analyse_open_chain(c.p);
  const int first = cadresim::kernel::split(s.calendar.start).year;
  const int last_step = cadresim::kernel::split(s.calendar.end).year - first;  // 79
  constexpr int kCohorts = 3;  // recruits of steps 1..3, each watched for ≥ 76 more steps
  const auto n = static_cast<std::size_t>(c.p.rows());
  // The replications on two threads (even and odd replications), merged in a fixed order.
  constexpr std::size_t kReps = kLongRunReplications;
  std::vector<ServiceObserver> part(2, ServiceObserver(n, first, kCohorts));
  auto work = [&](std::size_t parity) {
    for (std::size_t r = parity; r < kReps; r += 2) {
      cadresim::engine::Engine e(s, 7, r);
      ServiceObserver obs(n, first, kCohorts);
      e.add_observer(obs);
      e.run();
      for (std::size_t i = 0; i < n; ++i) {
        part[parity].sum[i] += obs.sum[i];
        part[parity].sum2[i] += obs.sum2[i];
        part[parity].count[i] += obs.count[i];
        part[parity].unfinished[i] += obs.unfinished[i];
      }
    }
  };
  std::thread odd(work, 1);
  work(0);
  odd.join();
  ServiceObserver total(n, first, kCohorts);
  for (const auto& p : part)
    for (std::size_t i = 0; i < n; ++i) {
      total.sum[i] += p.sum[i];
      total.sum2[i] += p.sum2[i];
      total.count[i] += p.count[i];
      total.unfinished[i] += p.unfinished[i];
    }
  // Recruits still in service at the end are not completed spells. Their share is tiny; the
  // exact mean of the completed spells, Σ_s E[L; L ≤ m_s] / Σ_s P(L ≤ m_s) with m_s = 79 − s,
  // differs from (N·1)_i by the truncation bias computed here and added to the tolerance.
  const Eigen::VectorXd w = mk::leaving_probabilities(c.p);
  for (std::size_t i = 0; i < n; ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    if (c.recruitment(ii) <= 0) continue;
    double num = 0, den = 0;
    for (int step = 1; step <= kCohorts; ++step) {
      Eigen::RowVectorXd x = Eigen::RowVectorXd::Unit(c.p.rows(), ii);  // e_i P^{k-1}
      for (int k = 1; k <= last_step - step; ++k) {
        const double pk = x.dot(w);  // P(L = k)
        num += k * pk;
        den += pk;
        x = x * c.p;
      }
    }
    const double truncated = num / den;
    const double expected = open.expected_periods(ii);
    const double bias = std::abs(expected - truncated);
    EXPECT_LT(bias, 0.005) << "the horizon should make truncation negligible";
    ASSERT_GT(total.count[i], 100);
    const double m = total.sum[i] / total.count[i];
    const double var = (total.sum2[i] - m * total.sum[i]) / (total.count[i] - 1);
    const double se = std::sqrt(var / total.count[i]);
    EXPECT_LE(std::abs(m - expected), 4 * se + bias)
        << "grade " << s.pools.states[i].id << ": simulated " << m << " ± " << se << " years over "
        << total.count[i] << " spells, (N·1)_i = " << expected;
    std::printf(
        "%s: spells %.0f (+%.0f unfinished), mean %.4f ± %.4f, N·1 %.4f, z %.2f, bias %.1e\n",
        s.pools.states[i].id.c_str(), total.count[i], total.unfinished[i], m, se, expected,
        (m - expected) / se, bias);
  }
}

TEST(PoolsEstimate, EstimatedMatrixIsWithinFourStandardErrorsOfTheTrueOne) {
  const Scenario s = pools_grades();
  const Chain c = chain_of(s);
  mk::EstimateOptions o;
  o.by = mk::StateBy::kPool;
  o.seed = 11;
  o.replications = 100;
  o.threads = 2;
  const mk::TransitionEstimate e = mk::estimate_transitions(s, o);
  const Eigen::Index n = c.p.rows();
  ASSERT_EQ(e.probability.rows(), n);
  ASSERT_EQ(e.dates.size(), 40u);  // 31 December 2020 .. 2059
  const Eigen::VectorXd w = mk::leaving_probabilities(c.p);
  for (Eigen::Index i = 0; i < n; ++i) {
    EXPECT_GT(e.exposure(i), 10000);
    for (Eigen::Index j = 0; j <= n; ++j) {
      const double truth = j < n ? c.p(i, j) : w(i);
      EXPECT_LE(std::abs(e.probability(i, j) - truth), 4 * e.standard_error(i, j) + 1e-12)
          << "P(" << i << ", " << j << ") = " << e.probability(i, j) << " ± "
          << e.standard_error(i, j) << ", true " << truth;
    }
    // Recruits per year are floor(r) + Bernoulli(frac r): variance f (1 − f) per year.
    const double f = c.recruitment(i) - std::floor(c.recruitment(i));
    const double years = static_cast<double>(o.replications) * (e.dates.size() - 1);
    EXPECT_LE(std::abs(e.recruitment(i) - c.recruitment(i)),
              4 * std::sqrt(f * (1 - f) / years) + 1e-12);
  }
  // The first snapshot is the initial stock, exactly.
  EXPECT_EQ(e.stock_mean.front(), c.initial);
}

TEST(PoolsEstimate, ThreadCountDoesNotChangeTheEstimate) {
  const Scenario s = pools_grades();
  mk::EstimateOptions o;
  o.by = mk::StateBy::kPool;
  o.replications = 6;
  o.threads = 1;
  const auto one = mk::estimate_transitions(s, o);
  o.threads = 3;
  const auto three = mk::estimate_transitions(s, o);
  EXPECT_EQ(one.counts, three.counts);
  EXPECT_EQ(one.recruitment, three.recruitment);
  for (std::size_t k = 0; k < one.stock_mean.size(); ++k) {
    EXPECT_EQ(one.stock_mean[k], three.stock_mean[k]);
    EXPECT_EQ(one.stock_se[k], three.stock_se[k]);
  }
}

TEST(PoolsEstimate, ByLevelCountsPoolMembersAtTheirGradesLevel) {
  const Scenario s = pools_grades();  // one level: every move stays at it
  mk::EstimateOptions o;
  o.by = mk::StateBy::kLevel;
  o.replications = 4;
  const auto e = mk::estimate_transitions(s, o);
  ASSERT_EQ(e.states.size(), 1u);
  EXPECT_EQ(e.counts.sum(), e.exposure.sum());
  EXPECT_EQ(e.stock_mean.front()(0), 450);  // 200 + 150 + 80 + 20
  EXPECT_THROW(mk::estimate_transitions(s, {mk::StateBy::kTitle, 1, 1, 1, nullptr}),
               std::invalid_argument);
}

namespace {

// Every event of a run, with the world at the end.
class PoolEventLog : public cadresim::engine::Observer {
 public:
  void on_events(std::span<const DomainEvent> e, const cadresim::model::World&) override {
    events.insert(events.end(), e.begin(), e.end());
  }
  std::vector<DomainEvent> events;
};

}  // namespace

TEST(PoolsDes, PoolMembersStayOutOfThePostBasedMechanismsInAMixedScenario) {
  std::ifstream in(kSource / "tests/data/engine-small.json");
  nlohmann::json doc = nlohmann::json::parse(in);
  const std::string level = doc["titles"][0]["level"];
  doc["pools"] = {
      {"states",
       {{{"id", "G1"},
         {"level", level},
         {"initial_stock", 40},
         {"recruits_per_year", 5},
         {"transitions", {{"G1", 0.8}, {"G2", 0.1}}}},
        {{"id", "G2"}, {"level", level}, {"initial_stock", 10}, {"transitions", {{"G2", 0.9}}}}}}};
  const Scenario s =
      cadresim::scenario::build_scenario(doc, "mixed", kSource / "tests/data").scenario;
  cadresim::engine::Engine e(s, 3, 0);
  PoolEventLog log;
  e.add_observer(log);
  e.run();
  const auto& w = e.world();
  std::size_t members = 0, active = 0;
  for (const auto& c : w.cadres) {
    active += c.status == cadresim::model::CadreStatus::kActive;
    if (c.pool_state == cadresim::model::kNoPoolState) continue;
    ++members;
    EXPECT_EQ(c.post, cadresim::model::kNoPost);
    EXPECT_EQ(c.last_post, cadresim::model::kNoPost);
  }
  EXPECT_GE(members, 50u);
  EXPECT_EQ(w.initial_cadres + w.recruited - w.exited, active);
  for (auto id : w.unplaced) EXPECT_EQ(w.cadres[id].pool_state, cadresim::model::kNoPoolState);
  std::size_t pool_events = 0;
  for (const auto& ev : log.events) {
    if (ev.cadre == cadresim::model::kNoCadre || ev.cadre >= w.cadres.size()) continue;
    const bool member = w.cadres[ev.cadre].pool_state != cadresim::model::kNoPoolState;
    const bool pool_event = ev.type == EventType::kPoolMove || ev.type == EventType::kPoolLeave ||
                            ev.type == EventType::kPoolRecruit;
    EXPECT_EQ(member, pool_event) << cadresim::events::event_name(ev.type) << " for "
                                  << w.cadres[ev.cadre].id;
    pool_events += pool_event;
  }
  EXPECT_GT(pool_events, 0u);
}
