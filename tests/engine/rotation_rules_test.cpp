// Part 2 rules in isolation: income (the reference's worked example to the dong), support
// levers and their costs, rotation eligibility edges, and statistical checks of acceptance,
// early return and duration against their theory.
#include <gtest/gtest.h>

#include <boost/math/distributions/chi_squared.hpp>  // critical values

#include <cmath>

#include "engine_test_support.hpp"
#include "sim/rules/income.hpp"
#include "sim/rules/non_native.hpp"
#include "sim/rules/reluctance.hpp"
#include "sim/rules/rotation.hpp"
#include "sim/rules/support.hpp"

namespace cadresim::enginetest {
namespace {

TEST(Income, BaseSalaryFollowsTheDecreeDates) {
  const auto& p = small().income;
  EXPECT_EQ(rules::base_salary(p, ymd(2023, 6, 30)), 1'490'000);
  EXPECT_EQ(rules::base_salary(p, ymd(2023, 7, 1)), 1'800'000);
  EXPECT_EQ(rules::base_salary(p, ymd(2024, 6, 30)), 1'800'000);
  EXPECT_EQ(rules::base_salary(p, ymd(2024, 7, 1)), 2'340'000);
}

// docs/sources.md#S-PAY-8: a chuyên viên at step 5 (grade 3.66) in 2023 H2 (base 1.8 M VND).
TEST(Income, TheReferenceWorkedExampleMatchesToTheDong) {
  RuleHarness h(small(), ymd(2023, 8, 1));
  const PostId district = h.post("d1", "d-staff");    // district town, regional 0.5, no position
  const PostId chair = h.post("d1-c-01", "c-chair");  // Region III commune, regional 0.7, 0.25
  model::Cadre c;
  c.grade_coefficient = 3.66;
  const Day day = ymd(2023, 8, 1);
  // 6,588,000 + 25 % (1,647,000) + 0.5 × 1.8 M (900,000)
  EXPECT_DOUBLE_EQ(rules::monthly_income(h.scenario, c, district, day, 60).total(), 9'135'000.0);
  // 6,588,000 + 450,000 + 1,759,500 + 1,260,000 + 70 % × 7,038,000 (4,926,600)
  EXPECT_DOUBLE_EQ(rules::monthly_income(h.scenario, c, chair, day, 60).total(), 14'984'100.0);
  // The attraction allowance used up (60 months in the career): ≈ 10.1 M in the reference.
  EXPECT_DOUBLE_EQ(rules::monthly_income(h.scenario, c, chair, day, 0).total(), 10'057'500.0);
  // A reserved higher position allowance replaces the post's.
  const auto reserved = rules::monthly_income(h.scenario, c, chair, day, 0, {5.0, 0.6});
  EXPECT_DOUBLE_EQ(reserved.position, 0.6 * 1'800'000);
  EXPECT_DOUBLE_EQ(reserved.salary, 5.0 * 1'800'000);
  const auto lower = rules::monthly_income(h.scenario, c, chair, day, 0, {2.0, 0.1});
  EXPECT_DOUBLE_EQ(lower.total(), 10'057'500.0);  // lower kept coefficients change nothing
}

TEST(Income, MoveCostsAddASecondHouseholdWhenNeededAndTravelByDistance) {
  model::Scenario s = small();
  s.income.second_household_vnd_per_month = 1'000'000;
  s.income.travel_vnd_per_km_month = 10'000;
  const auto& org = s.organisation;
  const model::UnitId d1 = org.find_unit("d1"), c1 = org.find_unit("d1-c-01"),
                      c2 = org.find_unit("d1-c-02");
  EXPECT_DOUBLE_EQ(rules::distance_km(org, d1, c1), 15);
  EXPECT_DOUBLE_EQ(rules::distance_km(org, c1, c2), 30);  // via the district seat
  EXPECT_DOUBLE_EQ(rules::move_costs(s, d1, c1, true), 1'000'000 + 150'000);
  EXPECT_DOUBLE_EQ(rules::move_costs(s, d1, d1, true), 0);
  EXPECT_DOUBLE_EQ(rules::move_costs(s, d1, c1, false), 150'000);
  // Commuting distance: no limit set, every move to another unit needs a second household.
  EXPECT_TRUE(rules::needs_second_household(s, c2, d1, c1));
  EXPECT_FALSE(rules::needs_second_household(s, c2, d1, d1));
  s.income.commute_max_km = 20;
  EXPECT_TRUE(rules::needs_second_household(s, c2, d1, c1));   // home 30 km from c1
  EXPECT_FALSE(rules::needs_second_household(s, d1, c2, c1));  // home 15 km from c1
  EXPECT_FALSE(rules::needs_second_household(s, c1, d1, c1));  // moved home
}

TEST(Support, EachLeverIsPaidAndCostedMonthly) {
  model::Scenario s = small();
  s.support.top_up_vnd_per_month = 500'000;
  s.support.top_up_share_of_shortfall = 0.5;
  s.support.travel_allowance_vnd_per_month = 300'000;
  s.support.housing = true;
  s.support.housing_cost_vnd_per_month = 1'200'000;
  s.support.reserve_position_allowance = true;
  s.support.mentoring = true;
  s.support.mentoring_cost_vnd_per_month = 400'000;
  s.support.supervision = true;
  s.support.supervision_cost_vnd_per_month = 200'000;
  RuleHarness h(std::move(s), ymd(2023, 8, 31));
  const PostId origin = h.post("d1", "d-vice");      // position allowance 0.6
  const PostId dest = h.post("d1-c-01", "c-chair");  // 0.25
  const CadreId c = h.add({.post = dest});
  auto& cadre = h.world.cadres[c];
  cadre.rotation.active = true;
  cadre.rotation.origin_post = origin;
  cadre.rotation.shortfall_vnd = 2'000'000;
  cadre.rotation.second_household = true;
  cadre.rotation.levers = rules::levers_for(h.scenario, dest, 0, 2'000'000);
  // Every lever that is on reaches the move (no targets); no grant bands, so no grant.
  EXPECT_EQ(cadre.rotation.levers, 0x7F & ~model::kLeverGrant);
  auto ctx = h.ctx();
  const double total = rules::pay_monthly_support(ctx, c);
  std::map<std::uint16_t, double> paid;
  for (const auto& e : h.events(EventType::kSupportPaid)) paid[e.reason] += e.value;
  EXPECT_DOUBLE_EQ(paid[events::kReasonTopUp], 500'000 + 0.5 * 2'000'000);
  EXPECT_DOUBLE_EQ(paid[events::kReasonTravel], 300'000);
  EXPECT_DOUBLE_EQ(paid[events::kReasonHousing], 1'200'000);
  // (0.6 − 0.25) × 1.8 M × 1.25 public-service allowance
  EXPECT_DOUBLE_EQ(paid[events::kReasonReservedAllowance], 0.35 * 1'800'000 * 1.25);
  EXPECT_DOUBLE_EQ(paid[events::kReasonMentoring], 400'000);
  EXPECT_DOUBLE_EQ(paid[events::kReasonSupervision], 200'000);
  double sum = 0;
  for (const auto& [k, v] : paid) sum += v;
  EXPECT_DOUBLE_EQ(total, sum);
}

TEST(Support, TheOneOffGrantFollowsTheDistanceBands) {
  model::SupportParams p;
  p.one_off_grant = {{0, 3'000'000}, {10, 6'000'000}, {40, 10'500'000}};
  EXPECT_EQ(rules::one_off_grant_vnd(p, 5), 3'000'000);
  EXPECT_EQ(rules::one_off_grant_vnd(p, 10), 6'000'000);
  EXPECT_EQ(rules::one_off_grant_vnd(p, 39.9), 6'000'000);
  EXPECT_EQ(rules::one_off_grant_vnd(p, 80), 10'500'000);
  EXPECT_EQ(rules::one_off_grant_vnd(model::SupportParams{}, 80), 0);
}

TEST(Support, TopUpReducesTheShortfallAndFullCompensationRemovesIt) {
  model::Scenario s = small();
  s.support.reserve_position_allowance = false;  // the lower allowance applies: a loss
  s.income.second_household_vnd_per_month = 800'000;
  RuleHarness h(s, ymd(2023, 8, 31));
  const PostId origin = h.post("d2", "d-vice");
  const PostId dest = h.post("d2-c-04", "c-vice");  // not especially difficult: a loss
  const CadreId c = h.add({.post = origin});
  h.world.cadres[c].grade_coefficient = 3.66;
  const auto t0 = rules::move_terms(h.ctx(), c, origin, dest, 0);
  EXPECT_GT(t0.shortfall, 0.05);
  h.scenario.support.top_up_share_of_shortfall = 1.0;
  const auto t1 = rules::move_terms(h.ctx(), c, origin, dest, 0);
  EXPECT_NEAR(t1.shortfall, 0.0, 1e-12);
  EXPECT_DOUBLE_EQ(t1.gap_vnd, t0.gap_vnd);  // the gap before support is unchanged
}

// A one-flow plan (district → commune, quota 1, always accepted) for eligibility tests.
model::Scenario one_flow(int min_before_retirement) {
  model::Scenario s = small();
  s.rotation.flows = {{"d-c", 1, 2, 1.0, 0, false, false, "training"}};
  s.rotation.min_months_before_retirement = min_before_retirement;
  s.rotation.min_months_in_post = 12;
  s.reluctance.accept_intercept = 50;
  return s;
}

int moves_for(int months_left, int months_in_post, bool planned) {
  RuleHarness h(one_flow(120), ymd(2022, 1, 15));
  const PostId origin = h.post("d1", "d-vice");
  const CadreId c = h.add({.post = origin,
                           .months_in_post = months_in_post,
                           .retirement_date = kernel::add_months(ymd(2022, 1, 15), months_left)});
  if (planned) h.plan(c, h.post("d1", "d-chair"));
  auto ctx = h.ctx();
  rules::rotation_plan(ctx, 0);
  return static_cast<int>(h.events(EventType::kMoved).size());
}

TEST(RotationEligibility, TenYearsBeforeRetirementIsTheEdge) {
  EXPECT_EQ(moves_for(120, 36, true), 1);
  EXPECT_EQ(moves_for(119, 36, true), 0);
}

TEST(RotationEligibility, MinimumMonthsInPostAndPlanMembershipAreRequired) {
  EXPECT_EQ(moves_for(200, 12, true), 1);
  EXPECT_EQ(moves_for(200, 11, true), 0);
  EXPECT_EQ(moves_for(200, 36, false), 0);
}

TEST(RotationEligibility, NonNativeFlowsNeedOnlyFiveYears) {
  model::Scenario s = one_flow(120);
  s.rotation.flows[0].purpose = "non_native";
  RuleHarness h(s, ymd(2022, 1, 15));
  const CadreId c = h.add({.post = h.post("d1", "d-vice"),
                           .retirement_date = kernel::add_months(ymd(2022, 1, 15), 60)});
  h.plan(c, h.post("d1", "d-chair"));
  auto ctx = h.ctx();
  rules::rotation_plan(ctx, 0);
  EXPECT_EQ(h.events(EventType::kMoved).size(), 1u);
}

TEST(Rotation, DestinationsRespectARequiredNonNativeRule) {
  // Commune → district flow into required titles: a native of the district is never placed.
  model::Scenario s = small();
  s.rotation.flows = {{"c-d", 2, 1, 3.0, 0, false, false, "training"}};
  s.reluctance.accept_intercept = 50;
  RuleHarness h(s, ymd(2022, 1, 15));
  for (int k = 0; k < 3; ++k) {
    const CadreId c =
        h.add({.post = h.post("d1-c-0" + std::to_string(k + 1), "c-sec"), .home = h.unit("d1")});
    h.plan(c, h.post("d1", "d-sec"));
  }
  auto ctx = h.ctx();
  rules::rotation_plan(ctx, 0);
  for (const auto& e : h.events(EventType::kMoved)) {
    const auto& cadre = h.world.cadres[e.cadre];
    EXPECT_TRUE(rules::non_native_allows(h.org(), cadre, e.to)) << h.org().post_label(e.to);
  }
}

// Acceptance: each offer is accepted with P = 1/(1+exp(-(a + b s))). Over n independent
// replications of a one-cadre plan, the accepted share is binomial(n, P): |share − P| must be
// within 4 standard errors sqrt(P(1−P)/n) (a false alarm about 6e-5 of the time).
TEST(RotationStatistics, AcceptanceFrequencyFollowsTheLogistic) {
  for (double intercept : {-1.0, 1.0, 2.5}) {
    model::Scenario s = one_flow(120);
    s.reluctance.accept_intercept = intercept;
    s.reluctance.accept_slope = -10;
    const int n = 3000;
    int offers = 0, accepted = 0;
    double p = 0;
    for (int r = 0; r < n; ++r) {
      RuleHarness h(s, ymd(2022, 1, 15), 11, static_cast<std::uint64_t>(r));
      const PostId origin = h.post("d2", "d-vice");
      const CadreId c = h.add({.post = origin});
      h.world.cadres[c].grade_coefficient = 3.66;
      h.plan(c, h.post("d2", "d-chair"));
      auto ctx = h.ctx();
      rules::rotation_plan(ctx, 0);
      const auto off = h.events(EventType::kOffered);
      ASSERT_EQ(off.size(), 1u);
      p = rules::acceptance_probability(s.reluctance, off[0].value);
      ++offers;
      accepted += static_cast<int>(h.events(EventType::kAccepted).size());
    }
    const double share = static_cast<double>(accepted) / offers;
    EXPECT_NEAR(share, p, 4 * std::sqrt(p * (1 - p) / offers)) << "intercept " << intercept;
  }
}

// Early return: with yearly hazard h the cadre returns at the first month end where the
// cumulative hazard k·h/12 reaches a personal Exp(1) threshold E, so M = ceil(12 E / h) and
// E[M] = Σ_{k≥0} P(M > k) = 1 / (1 − exp(−h/12)). Tolerance: 4 standard errors of the mean,
// sd(M) ≈ 12/h.
TEST(RotationStatistics, EarlyReturnTimeFollowsTheHazard) {
  model::Scenario s = small();
  s.reluctance.early_return_base_per_year = 0.2;
  s.reluctance.early_return_per_shortfall_per_year = 0.0;
  s.reluctance.early_return_unsettled_weight = 0.0;  // a constant hazard (rating: none = good)
  const double h_year = 0.2;
  const int n = 2000;
  double sum = 0;
  for (int r = 0; r < n; ++r) {
    RuleHarness h(s, ymd(2022, 1, 31), 5, static_cast<std::uint64_t>(r));
    const PostId origin = h.post("d3", "d-vice");
    const CadreId c = h.add({.post = origin});
    auto ctx = h.ctx();
    rules::rotate_into(ctx, c, h.post("d3-c-01", "c-chair"), 0, 600);
    int months = 0;
    while (true) {
      ++months;
      h.sim.run_until(kernel::month_end(h.sim.now() + 1), h);
      auto mctx = h.ctx();
      if (rules::early_return_month(mctx, c)) break;
      ASSERT_LT(months, 2000);
    }
    sum += months;
  }
  const double expected = 1.0 / (1.0 - std::exp(-h_year / 12));
  EXPECT_NEAR(sum / n, expected, 4 * (12 / h_year) / std::sqrt(n));
}

// Duration: rounded uniform(36, 48) months: 37..47 have probability 1/12, 36 and 48 have 1/24.
// Chi-square goodness of fit at the 0.1 % level (13 cells, 12 degrees of freedom).
TEST(RotationStatistics, DurationsFollowTheScenarioDistribution) {
  const model::Distribution d{model::DistributionKind::kUniform, 42, 0, 36, 48};
  const kernel::RandomKey key(3, 0);
  const int n = 24000;
  std::vector<double> count(13, 0);
  for (int id = 0; id < n; ++id) {
    const int m =
        static_cast<int>(std::lround(d.sample(key.uniform(rules::kRngRotationDuration, id, 0))));
    ASSERT_GE(m, 36);
    ASSERT_LE(m, 48);
    ++count[m - 36];
  }
  double chi2 = 0;
  for (int k = 0; k <= 12; ++k) {
    const double expected = n * ((k == 0 || k == 12) ? 1.0 / 24 : 1.0 / 12);
    chi2 += (count[k] - expected) * (count[k] - expected) / expected;
  }
  const boost::math::chi_squared dist(12);
  EXPECT_LT(chi2, boost::math::quantile(boost::math::complement(dist, 0.001)));
}

TEST(Reluctance, HigherShortfallMeansFewerAcceptancesMoreReturnsAndExits) {
  const model::ReluctanceParams p;
  EXPECT_GT(rules::acceptance_probability(p, 0.0), rules::acceptance_probability(p, 0.3));
  EXPECT_LT(rules::early_return_rate_per_year(p, 0.0), rules::early_return_rate_per_year(p, 0.3));
  EXPECT_DOUBLE_EQ(rules::attrition_multiplier(p, -0.2), 1.0);  // a gain is not a loss
  EXPECT_GT(rules::attrition_multiplier(p, 0.3), 1.0);
  EXPECT_DOUBLE_EQ(rules::effort_penalty(p, 5.0), 0.9);
}

}  // namespace
}  // namespace cadresim::enginetest
