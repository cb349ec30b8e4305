// Statistical tests of attrition and appointment delays against their theory, with fixed
// seeds. Each tolerance is derived in a comment: a binomial or CLT standard error, times 4
// (a two-sided false-alarm probability of about 6e-5 per check had the seed been free).
#include <gtest/gtest.h>

#include <cmath>  // std::exp, std::sqrt, std::lround
#include <map>    // open vacancies per post

#include "engine_test_support.hpp"
#include "sim/engine/engine.hpp"
#include "sim/rules/attrition.hpp"

namespace cadresim::enginetest {
namespace {

// Days per month used by the engine to turn fractional months into days (rules/context.cpp).
constexpr double kDaysPerMonth = 30.436875;

// --- Attrition, rule level -----------------------------------------------------------------
//
// Each cadre draws a personal threshold E ~ Exp(1); at every month end the cumulative hazard
// grows by h/12 (h per year, times the multiplier) and the cadre leaves at the first month end
// k with k h / 12 >= E. So the exit month is K = ceil(12 E / h) and, exactly at month ends,
//   P(K <= k) = 1 - exp(-h k / 12),
// i.e. K is geometric on {1, 2, ...} with success probability q = 1 - exp(-h/12):
//   E[K] = 1 / q,  Var[K] = (1 - q) / q^2.

struct AttritionRun {
  std::vector<int> exit_month;  // per cadre, 1-based
  int causes[3] = {0, 0, 0};    // resignation, health, discipline
};

// N cadres without posts (the level rate applies), all with the same hazard, followed month by
// month until everyone has left.
AttritionRun run_attrition(double h, int n_cadres, double multiplier, std::uint64_t seed) {
  model::Scenario s = load_scenario("tests/data/engine-small.json");
  s.attrition.rate_per_year_by_level.assign(s.organisation.levels.size(), h);
  RuleHarness harness(std::move(s), ymd(2021, 1, 31), seed);
  for (int i = 0; i < n_cadres; ++i) {
    RuleHarness::NewCadre n;
    n.home = harness.unit("d2-c-03");
    const CadreId id = harness.add(n);
    rules::RuleContext ctx = harness.ctx();
    rules::init_attrition(ctx, id);
    harness.world.attrition[id].multiplier = multiplier;
  }
  harness.world.clear_unplaced();  // nobody places them here; keeps each exit O(1)
  AttritionRun run;
  run.exit_month.assign(static_cast<std::size_t>(n_cadres), 0);
  rules::RuleContext ctx = harness.ctx();
  rules::AttritionRates rates;
  rules::prepare_attrition_rates(ctx, rates);
  std::vector<CadreId> active(harness.world.cadres.size());
  for (CadreId id = 0; id < active.size(); ++id) active[id] = id;
  for (int month = 1; !active.empty() && month <= 2000; ++month) {
    std::size_t kept = 0;
    for (const CadreId id : active) {
      if (!rules::attrition_month(ctx, id, rates)) {
        active[kept++] = id;
        continue;
      }
      run.exit_month[id] = month;
      switch (harness.world.cadres[id].exit_cause) {
        case model::ExitCause::kResignation:
          ++run.causes[0];
          break;
        case model::ExitCause::kHealth:
          ++run.causes[1];
          break;
        case model::ExitCause::kDiscipline:
          ++run.causes[2];
          break;
        default:
          ADD_FAILURE() << "unexpected exit cause";
      }
    }
    active.resize(kept);
  }
  const std::size_t remaining = active.size();
  EXPECT_EQ(remaining, 0u);
  return run;
}

// h = 0.5 per year, N = 20000: q = 1 - exp(-1/24) = 0.04081, E[K] = 24.50 months,
// sd[K] = sqrt(1 - q) / q = 23.99, standard error of the mean 23.99 / sqrt(20000) = 0.170.
// One run shared by the tests below: h = 0.5 per year, 20000 cadres.
constexpr double kH = 0.5;
constexpr int kN = 20000;
const AttritionRun& shared_run() {
  static const AttritionRun run = run_attrition(kH, kN, 1.0, 101);
  return run;
}

TEST(Attrition, MeanExitMonthMatchesTheDiscretisedExponential) {
  const double h = kH;
  const int n = kN;
  const AttritionRun& run = shared_run();
  double sum = 0;
  for (int k : run.exit_month) sum += k;
  const double mean = sum / n;
  const double q = 1 - std::exp(-h / 12);
  const double se = std::sqrt((1 - q) / (q * q) / n);
  EXPECT_NEAR(mean, 1 / q, 4 * se);
}

// The fraction gone after t whole years is exactly 1 - exp(-h t) at month ends; it is a
// binomial proportion over N independent cadres, standard error sqrt(p (1 - p) / N)
// (at most 0.0035 for N = 20000).
TEST(Attrition, FractionGoneAfterWholeYearsIsOneMinusExpOfMinusHazardTimesYears) {
  const double h = kH;
  const int n = kN;
  const AttritionRun& run = shared_run();
  for (int years : {1, 2, 5}) {
    int gone = 0;
    for (int k : run.exit_month) gone += k <= 12 * years;
    const double p = 1 - std::exp(-h * years);
    EXPECT_NEAR(static_cast<double>(gone) / n, p, 4 * std::sqrt(p * (1 - p) / n))
        << years << " years";
  }
}

// The reluctance hook multiplies the hazard: with multiplier 2 the fraction gone after a year is
// 1 - exp(-2h). Same binomial tolerance.
TEST(Attrition, TheMultiplierScalesTheHazard) {
  const double h = 0.2;
  const int n = 20000;
  const AttritionRun run = run_attrition(h, n, 2.0, 303);
  int gone = 0;
  for (int k : run.exit_month) gone += k <= 12;
  const double p = 1 - std::exp(-2 * h);
  EXPECT_NEAR(static_cast<double>(gone) / n, p, 4 * std::sqrt(p * (1 - p) / n));
}

// Causes are drawn with the scenario's shares (0.6 / 0.25 / 0.15): each count is binomial.
TEST(Attrition, ExitCausesFollowTheScenarioShares) {
  const int n = kN;
  const AttritionRun& run = shared_run();
  const double shares[3] = {0.6, 0.25, 0.15};
  for (int i = 0; i < 3; ++i) {
    const double p = shares[i];
    EXPECT_NEAR(static_cast<double>(run.causes[i]) / n, p, 4 * std::sqrt(p * (1 - p) / n))
        << "cause " << i;
  }
}

// --- Whole runs of tests/data/engine-pool.json --------------------------------------------
//
// 50 communes x (20 staff + 10 leads) = 1500 posts, all filled at the start by 30-year-olds
// (no retirement before 2030), attrition h = 0.1 per year at every level, no succession plan,
// no elections. A lead vacancy is filled by promoting a staff member of the province after the
// appointment delay D1 ~ Exp(mean 1.5 months): there are always eligible staff (no minimum
// months in post or before retirement), so every lead is filled at the first attempt. The
// promoted staff member's post, and the post of every staff member who leaves, is an entry
// post: the first attempt (after D1) finds no internal candidate and starts recruitment, and
// the recruit arrives after D2 ~ Exp(mean 2 months). So, in days (each delay is rounded to
// whole days separately):
//   lead vacancy  = round(c D1),               mean c 1.5 = 45.66, sd 45.66
//   staff vacancy = round(c D1) + round(c D2), mean c 3.5 = 106.53, sd c sqrt(1.5^2 + 2^2) = 76.09
// with c = 30.436875 days per month. Rounding each term shifts its mean by far less than
// 0.05 day for such smooth densities; we allow 0.5 day per rounded term on top of the CLT band.
// Truncation of the delays at 120 months changes the means by less than 1e-30.
// Vacancies opened in the last 36 months are left out so that none is censored by the end of
// the run (P(D1 + D2 > 36 months) < 1e-7), and every one counted must be closed.

constexpr int kPoolReplications = 8;
constexpr std::uint64_t kPoolSeed = 2024;

struct PoolRuns {
  std::uint64_t initial = 0;           // initial cadres over all replications
  std::uint64_t initial_gone_60 = 0;   // of which gone after 60 month ends
  std::uint64_t initial_gone_end = 0;  // ... after all 126 month ends
  std::uint64_t initial_retired = 0;
  std::uint64_t acting = 0;  // acting_assigned events (a failed fill attempt)
  std::vector<double> lead_delays, staff_delays;
  std::uint64_t uncensored_open_at_end = 0;
  int month_ends = 0;
};

class PoolObserver : public engine::Observer {
 public:
  PoolObserver(const model::Organisation& org, Day cutoff, PoolRuns& out)
      : org_(org), cutoff_(cutoff), out_(out), lead_(org.find_title("lead")) {}
  void on_start(Day, const model::World& w) override { out_.initial += w.initial_cadres; }
  void on_events(std::span<const DomainEvent> events, const model::World&) override {
    for (const auto& e : events) {
      if (e.type == EventType::kActingAssigned) ++out_.acting;
      if (e.type == EventType::kVacancyOpened) opened_[e.to] = e.day;
      if (e.type != EventType::kVacancyClosed) continue;
      const auto it = opened_.find(e.to);
      if (it == opened_.end()) continue;
      const Day start = it->second;
      opened_.erase(it);
      if (start > cutoff_ || start == first_day_) continue;  // censored, or an initial vacancy
      (org_.posts[e.to].title == lead_ ? out_.lead_delays : out_.staff_delays)
          .push_back(static_cast<double>(e.day - start));
    }
  }
  void on_month_end(Day, const model::World& w) override {
    ++months_;
    if (months_ == 60 || months_ == 126) {
      std::uint64_t gone = 0;
      for (CadreId id = 0; id < w.initial_cadres; ++id)
        gone += w.cadres[id].status != model::CadreStatus::kActive;
      (months_ == 60 ? out_.initial_gone_60 : out_.initial_gone_end) += gone;
    }
  }
  void on_finish(Day, const model::World& w) override {
    for (const auto& [post, day] : opened_) out_.uncensored_open_at_end += day <= cutoff_;
    for (CadreId id = 0; id < w.initial_cadres; ++id)
      out_.initial_retired += w.cadres[id].status == model::CadreStatus::kRetired;
    out_.month_ends = std::max(out_.month_ends, months_);
  }
  Day first_day_ = 0;

 private:
  const model::Organisation& org_;
  Day cutoff_;
  PoolRuns& out_;
  model::TitleId lead_;
  std::map<PostId, Day> opened_;
  int months_ = 0;
};

const model::Scenario& pool() {
  static const model::Scenario s = load_scenario("tests/data/engine-pool.json");
  return s;
}

const PoolRuns& pool_runs() {
  static const PoolRuns runs = [] {
    PoolRuns r;
    const model::Scenario& s = pool();
    const Day cutoff = kernel::add_months(s.calendar.end, -36);
    for (std::uint64_t rep = 0; rep < kPoolReplications; ++rep) {
      engine::Engine e(s, kPoolSeed, rep);
      PoolObserver obs(s.organisation, cutoff, r);
      obs.first_day_ = s.calendar.start;
      e.add_observer(obs);
      e.run();
    }
    return r;
  }();
  return runs;
}

// The fraction of the initial cadres gone after m month ends is 1 - exp(-h m / 12) (they are
// independent, no one retires): binomial standard error sqrt(p (1 - p) / N), N = 8 x 1500.
TEST(Attrition, InAWholeRunTheInitialCadresLeaveAtTheExponentialRate) {
  const PoolRuns& r = pool_runs();
  ASSERT_EQ(r.initial, kPoolReplications * 1500u);
  ASSERT_EQ(r.month_ends, 126);
  EXPECT_EQ(r.initial_retired, 0u);
  const double h = 0.1;
  const double n = static_cast<double>(r.initial);
  for (auto [months, gone] :
       {std::pair{60, r.initial_gone_60}, std::pair{126, r.initial_gone_end}}) {
    const double p = 1 - std::exp(-h * months / 12.0);
    EXPECT_NEAR(static_cast<double>(gone) / n, p, 4 * std::sqrt(p * (1 - p) / n))
        << months << " months";
  }
}

double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

TEST(Appointment, EveryPoolVacancyIsFilledAtTheFirstAttemptAndNoneIsCensored) {
  const PoolRuns& r = pool_runs();
  EXPECT_EQ(r.acting, 0u);  // acting probability 1: a failed attempt would assign an acting holder
  EXPECT_EQ(r.uncensored_open_at_end, 0u);
  EXPECT_GT(r.lead_delays.size(), 2000u);
  EXPECT_GT(r.staff_delays.size(), 6000u);
}

TEST(Appointment, MeanDelayOfAPromotionMatchesTheAppointmentDelayDistribution) {
  const PoolRuns& r = pool_runs();
  const double mu = 1.5 * kDaysPerMonth;
  const double se = mu / std::sqrt(static_cast<double>(r.lead_delays.size()));
  EXPECT_NEAR(mean_of(r.lead_delays), mu, 4 * se + 0.5);
}

TEST(Appointment, MeanDelayOfARecruitmentIsTheAppointmentDelayPlusTheRecruitmentDelay) {
  const PoolRuns& r = pool_runs();
  const double mu = (1.5 + 2.0) * kDaysPerMonth;
  const double sd = std::sqrt(1.5 * 1.5 + 2.0 * 2.0) * kDaysPerMonth;
  const double se = sd / std::sqrt(static_cast<double>(r.staff_delays.size()));
  EXPECT_NEAR(mean_of(r.staff_delays), mu, 4 * se + 1.0);
}

// With a fixed appointment delay of six months every promotion takes exactly
// round(6 x 30.436875) = round(182.62) = 183 days.
TEST(Appointment, AFixedDelayFillsEveryPromotionAfterExactlyThatDelay) {
  model::Scenario s = pool();
  s.appointment.delay_months = model::Distribution::fixed(6.0);
  PoolRuns r;
  engine::Engine e(s, 9, 0);
  PoolObserver obs(s.organisation, s.calendar.end, r);
  obs.first_day_ = s.calendar.start;
  e.add_observer(obs);
  e.run();
  ASSERT_GT(r.lead_delays.size(), 100u);
  for (double d : r.lead_delays) ASSERT_EQ(d, 183.0);
}

}  // namespace
}  // namespace cadresim::enginetest
