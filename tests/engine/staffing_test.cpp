// Staffing (sim/rules/staffing.cpp, docs/model.md § Staffing): the rule's guarantees on a
// hand-built world — recruitment never takes a unit above its establishment or its
// non-leadership quota, a hiring freeze stops it, redeployment conserves headcount within each
// parent and only moves surplus into room, exits remove staff only — and its statistics against
// theory with fixed seeds. Also: staffing draws come from their own random purpose, so turning
// the mechanism on changes no other draw.
#include <gtest/gtest.h>

#include <cmath>    // std::sqrt, std::floor
#include <numeric>  // std::accumulate
#include <vector>

#include "engine_test_support.hpp"
#include "sim/engine/engine.hpp"
#include "sim/rules/staffing.hpp"

namespace cadresim::enginetest {
namespace {

using model::UnitId;

// engine-small (12 communes of 7 posts under 3 districts) with every commune's establishment
// raised to 20, so its non-leadership quota is 13, and staffing on with a fixed initial ratio.
model::Scenario staffed_small(double ratio = 1.0) {
  model::Scenario s = load_scenario("tests/data/engine-small.json");
  auto& org = s.organisation;
  for (auto& u : org.units)
    if (org.levels[u.level].id == "commune") u.establishment = 20;
  s.staffing.enabled = true;
  s.staffing.initial_ratio_by_level.assign(org.levels.size(), model::Distribution::fixed(ratio));
  return s;
}

std::vector<UnitId> communes(const model::Organisation& org) {
  std::vector<UnitId> out;
  for (UnitId u = 0; u < org.units.size(); ++u)
    if (org.levels[org.units[u].level].id == "commune") out.push_back(u);
  return out;
}

// Fills every post of `unit` with a new cadre.
void fill_unit(RuleHarness& h, UnitId unit) {
  for (PostId p : h.org().posts_of_unit[unit]) {
    RuleHarness::NewCadre n;
    n.post = p;
    h.add(n);
  }
}

std::vector<int> by_level(const RuleHarness& h) {
  return std::vector<int>(h.org().levels.size(), 0);
}

TEST(Staffing, InitialStockIsTheRatioTimesTheQuotaAndOnlyWhereThereIsAQuota) {
  RuleHarness h(staffed_small(10.0 / 13.0), ymd(2020, 7, 1));
  rules::RuleContext ctx = h.ctx();
  rules::build_staff(ctx);
  ASSERT_EQ(h.world.staff.size(), h.org().units.size());
  for (UnitId u = 0; u < h.org().units.size(); ++u) {
    const bool commune = h.org().levels[h.org().units[u].level].id == "commune";
    // 10/13 × 13 = 10 up to rounding: floor + Bernoulli(fraction) gives 10 (or 9/10 by rounding).
    if (commune)
      EXPECT_NEAR(h.world.staff[u], 10, 1) << h.org().units[u].id;
    else
      EXPECT_EQ(h.world.staff[u], 0) << h.org().units[u].id;  // establishment = posts
  }
}

TEST(Staffing, StaffingIsOffWithoutTheSectionAndHeadcountIsTheHeldPosts) {
  model::Scenario s = staffed_small();
  s.staffing.enabled = false;
  RuleHarness h(std::move(s), ymd(2020, 7, 1));
  rules::RuleContext ctx = h.ctx();
  rules::build_staff(ctx);
  EXPECT_FALSE(rules::staffing_on(h.world));
  const UnitId u = h.unit("d1-c-01");
  fill_unit(h, u);
  EXPECT_EQ(rules::unit_headcount(h.world, h.org(), u), 7);
  rules::staffing_step(ctx, 1);  // a no-op
  EXPECT_TRUE(h.log.empty());
}

TEST(Staffing, RecruitmentNeverTakesAUnitAboveItsEstablishmentOrQuota) {
  for (const double share : {1.0, 0.6, 0.3}) {
    SCOPED_TRACE(share);
    model::Scenario s = staffed_small();
    s.staffing.recruitment_share_of_gap_per_year = share;
    RuleHarness h(std::move(s), ymd(2020, 7, 1));
    const auto& org = h.org();
    h.world.staff.assign(org.units.size(), 0);
    const auto cs = communes(org);
    for (std::size_t i = 0; i < cs.size(); ++i) {
      h.world.staff[cs[i]] = static_cast<int>((3 * i) % 17);  // 0 … 16: some above the quota 13
      if (i % 2 == 0) fill_unit(h, cs[i]);                    // posts held in half of them
    }
    rules::RuleContext ctx = h.ctx();
    for (std::uint32_t step = 1; step <= 5; ++step) {
      std::vector<int> before(h.world.staff);
      std::vector<int> head_before(org.units.size());
      for (UnitId u = 0; u < org.units.size(); ++u)
        head_before[u] = rules::unit_headcount(h.world, org, u);
      auto hired = by_level(h);
      const int total = rules::staff_recruit(ctx, step, hired);
      int sum = 0;
      for (UnitId u = 0; u < org.units.size(); ++u) {
        const int est = org.units[u].establishment;
        const int quota = rules::staff_quota(org, u);
        const int head = rules::unit_headcount(h.world, org, u);
        sum += h.world.staff[u] - before[u];
        EXPECT_GE(h.world.staff[u], before[u]);
        if (head_before[u] >= est || before[u] >= quota) {
          EXPECT_EQ(h.world.staff[u], before[u]) << org.units[u].id;  // no room: nobody hired
        } else {
          EXPECT_LE(head, est) << org.units[u].id;
          EXPECT_LE(h.world.staff[u], quota) << org.units[u].id;
        }
        // Sharing the whole gap closes it in one step.
        if (share == 1.0) {
          EXPECT_EQ(rules::staff_room(h.world, org, u), 0) << org.units[u].id;
        }
      }
      EXPECT_EQ(sum, total);
      EXPECT_EQ(std::accumulate(hired.begin(), hired.end(), 0), total);
    }
  }
}

TEST(Staffing, AHiringFreezeStopsRecruitment) {
  model::Scenario s = staffed_small();
  s.staffing.recruitment_share_of_gap_per_year = 1.0;
  s.staffing.hiring_freeze = true;
  RuleHarness h(std::move(s), ymd(2020, 7, 1));
  h.world.staff.assign(h.org().units.size(), 2);  // every commune has room for 11
  rules::RuleContext ctx = h.ctx();
  const std::vector<int> before = h.world.staff;
  auto hired = by_level(h);
  EXPECT_EQ(rules::staff_recruit(ctx, 1, hired), 0);
  EXPECT_EQ(h.world.staff, before);
  rules::staffing_step(ctx, 1);
  EXPECT_TRUE(h.events(EventType::kStaffRecruited).empty());
}

TEST(Staffing, RedeploymentConservesHeadcountWithinEachParentAndOnlyFillsRoom) {
  for (const double share : {1.0, 0.5}) {
    SCOPED_TRACE(share);
    model::Scenario s = staffed_small();
    s.staffing.redeployment_share_of_surplus_per_year = share;
    RuleHarness h(std::move(s), ymd(2020, 7, 1));
    const auto& org = h.org();
    h.world.staff.assign(org.units.size(), 0);
    const auto cs = communes(org);
    // In each district: two communes fully held with staff 18 and 15 (surplus 5 and 2), two
    // with no post held and staff 4 and 12 (short; room 9 and 1).
    const int staff_of[4] = {18, 15, 4, 12};
    for (std::size_t i = 0; i < cs.size(); ++i) {
      const std::size_t k = i % 4;
      h.world.staff[cs[i]] = staff_of[k];
      if (k < 2) fill_unit(h, cs[i]);
    }
    auto parent_sum = [&](UnitId parent) {
      int sum = 0;
      for (UnitId k : org.children[parent]) sum += rules::unit_headcount(h.world, org, k);
      return sum;
    };
    std::vector<int> sums_before(org.units.size());
    for (UnitId p = 0; p < org.units.size(); ++p) sums_before[p] = parent_sum(p);
    const std::vector<int> before = h.world.staff;
    rules::RuleContext ctx = h.ctx();
    auto moved = by_level(h);
    const int total = rules::staff_redeploy(ctx, 1, moved);
    EXPECT_GT(total, 0);
    int gained = 0;
    for (UnitId p = 0; p < org.units.size(); ++p)
      EXPECT_EQ(parent_sum(p), sums_before[p]) << org.units[p].id;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      const UnitId u = cs[i];
      const int est = org.units[u].establishment;
      const int head = rules::unit_headcount(h.world, org, u);
      if (i % 4 < 2) {
        EXPECT_LE(h.world.staff[u], before[u]);  // donors only give …
        EXPECT_GE(head, est);                    // … and never fall below establishment
      } else {
        EXPECT_GE(h.world.staff[u], before[u]);  // receivers only take …
        EXPECT_LE(head, est);                    // … up to their establishment …
        EXPECT_LE(h.world.staff[u], rules::staff_quota(org, u));  // … and quota
        gained += h.world.staff[u] - before[u];
      }
    }
    EXPECT_EQ(gained, total);
    if (share == 1.0) {
      EXPECT_EQ(total, 3 * (5 + 2));  // room (10 per district) exceeds surplus
    }
  }
}

TEST(Staffing, ExitsRemoveStaffOnlyAndFollowTheRate) {
  model::Scenario s = staffed_small();
  s.staffing.exit_rate_per_year = 0;
  RuleHarness h(std::move(s), ymd(2020, 7, 1));
  const auto& org = h.org();
  h.world.staff.assign(org.units.size(), 0);
  for (UnitId u : communes(org)) {
    h.world.staff[u] = 9;
    fill_unit(h, u);
  }
  rules::RuleContext ctx = h.ctx();
  auto exited = by_level(h);
  EXPECT_EQ(rules::staff_exits(ctx, 1, exited), 0);
  h.scenario.staffing.exit_rate_per_year = 1;
  EXPECT_EQ(rules::staff_exits(ctx, 2, exited), 9 * 12);
  for (UnitId u : communes(org)) {
    EXPECT_EQ(h.world.staff[u], 0);
    EXPECT_EQ(rules::unit_headcount(h.world, org, u), 7);  // held posts untouched
  }
  EXPECT_EQ(h.world.active_count(), 12u * 7u);
}

TEST(Staffing, AStepEmitsItsCountsByLevel) {
  model::Scenario s = staffed_small();
  s.staffing.exit_rate_per_year = 0.5;
  RuleHarness h(std::move(s), ymd(2021, 1, 1));
  h.world.staff.assign(h.org().units.size(), 0);
  for (UnitId u : communes(h.org())) h.world.staff[u] = 10;
  rules::RuleContext ctx = h.ctx();
  rules::staffing_step(ctx, 1);
  const auto exited = h.events(EventType::kStaffExited);
  const auto hired = h.events(EventType::kStaffRecruited);
  ASSERT_EQ(exited.size(), 1u);  // communes only: the only level with staff
  ASSERT_EQ(hired.size(), 1u);
  EXPECT_EQ(h.org().levels[exited[0].reason].id, "commune");
  int staff = 0;
  for (UnitId u : communes(h.org())) staff += h.world.staff[u];
  // 12 communes of 10, minus exits, plus recruits.
  EXPECT_EQ(staff, 120 - static_cast<int>(exited[0].value) + static_cast<int>(hired[0].value));
}

// --- Statistics against theory (fixed seeds) ---------------------------------------------------
//
// Exits: each of N staff members leaves with probability x, so exits ~ Binomial(N, x) with
// mean N x and SD sqrt(N x (1 − x)). Recruitment: a unit with room g recruits
// floor(s g) + Bernoulli(f), f = s g − floor(s g), so its mean is s g exactly and its variance
// f (1 − f); summed over units and steps (independent draws), the total has mean Σ s g and
// variance Σ f (1 − f). Each check allows 4 SD (two-sided false-alarm probability ≈ 6e-5 had the
// seed been free).

TEST(StaffingStatistics, ExitsFollowTheBinomialMeanWithinFourStandardDeviations) {
  const double x = 0.04;
  model::Scenario s = staffed_small();
  for (auto& u : s.organisation.units)
    if (u.establishment == 20) u.establishment = 2007;  // quota 2000
  s.staffing.exit_rate_per_year = x;
  RuleHarness h(std::move(s), ymd(2021, 1, 1), 20240611);
  const auto cs = communes(h.org());
  h.world.staff.assign(h.org().units.size(), 0);
  double n = 0, exits = 0;
  rules::RuleContext ctx = h.ctx();
  for (std::uint32_t step = 1; step <= 10; ++step) {
    for (UnitId u : cs) h.world.staff[u] = 1000;
    n += 1000.0 * static_cast<double>(cs.size());
    auto exited = by_level(h);
    exits += rules::staff_exits(ctx, step, exited);
  }
  const double mean = n * x, sd = std::sqrt(n * x * (1 - x));  // N = 120,000: 4800 ± 68
  EXPECT_NEAR(exits, mean, 4 * sd);
}

TEST(StaffingStatistics, RecruitmentFillsTheExpectedShareOfTheGap) {
  const double share = 0.37;
  model::Scenario s = staffed_small();
  s.staffing.recruitment_share_of_gap_per_year = share;
  RuleHarness h(std::move(s), ymd(2021, 1, 1), 20240612);
  const auto cs = communes(h.org());
  h.world.staff.assign(h.org().units.size(), 0);
  double expected = 0, variance = 0, hired_total = 0;
  rules::RuleContext ctx = h.ctx();
  for (std::uint32_t step = 1; step <= 400; ++step) {
    for (std::size_t i = 0; i < cs.size(); ++i) h.world.staff[cs[i]] = static_cast<int>(i);
    for (std::size_t i = 0; i < cs.size(); ++i) {
      const double y = share * (13.0 - static_cast<double>(i));  // room = 13 − staff (no post held)
      const double f = y - std::floor(y);
      expected += y;
      variance += f * (1 - f);
    }
    auto hired = by_level(h);
    hired_total += rules::staff_recruit(ctx, step, hired);
  }
  EXPECT_NEAR(hired_total, expected, 4 * std::sqrt(variance));
}

// --- Random streams ---------------------------------------------------------------------------

// Event fingerprint of one replication, ignoring the staffing events.
std::uint64_t fingerprint_without_staffing_events(const model::Scenario& s) {
  engine::Engine e(s, 3, 0);
  CollectObserver all;
  e.add_observer(all);
  e.run();
  FingerprintObserver f;
  std::vector<DomainEvent> kept;
  for (const auto& ev : all.events)
    if (ev.type != EventType::kStaffExited && ev.type != EventType::kStaffRecruited &&
        ev.type != EventType::kStaffRedeployed)
      kept.push_back(ev);
  f.on_events(kept, e.world());
  return f.hash;
}

TEST(Staffing, StaffingDrawsDoNotShiftAnyOtherDraw) {
  // With the shortage weight at 0 nothing else reads the staff, so the rest of the event log
  // must be the same with staffing on or off: its draws come from a purpose of its own.
  model::Scenario on = load_scenario("scenarios/dien-bien/baseline.json");
  ASSERT_TRUE(on.staffing.enabled);
  // The edits apply to the parameters of every dated change too.
  auto edit = [](model::Scenario& s, auto&& fn) {
    fn(s);
    for (auto& epoch : s.epochs) {
      auto copy = std::make_shared<model::Scenario>(*epoch.scenario);
      fn(*copy);
      epoch.scenario = std::move(copy);
    }
  };
  edit(on, [](model::Scenario& s) { s.rotation.shortage_weight = 0; });
  model::Scenario off = on;
  edit(off, [](model::Scenario& s) { s.staffing.enabled = false; });
  EXPECT_EQ(fingerprint_without_staffing_events(on), fingerprint_without_staffing_events(off));
}

}  // namespace
}  // namespace cadresim::enginetest
