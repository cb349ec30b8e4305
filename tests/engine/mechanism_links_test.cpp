// The links of the causal chain (docs/model.md § Evaluation, § Support, § Succession planning):
// effectiveness → rating → end-of-rotation outcome, early returns, readiness and the plan;
// a rotation keeps the clock of time in an equivalent post; every support lever is valued in
// the acceptance decision; support reaches only the moves it targets.
#include <gtest/gtest.h>

#include <boost/math/distributions/chi_squared.hpp>  // critical values

#include <cmath>
#include <map>
#include <set>

#include "engine_test_support.hpp"
#include "sim/engine/engine.hpp"
#include "sim/rules/adaptation.hpp"
#include "sim/rules/evaluation.hpp"
#include "sim/rules/income.hpp"
#include "sim/rules/rotation.hpp"
#include "sim/rules/succession.hpp"
#include "sim/rules/support.hpp"

namespace cadresim::enginetest {
namespace {

using model::Rating;

// --- Evaluation -------------------------------------------------------------------------------

TEST(Evaluation, RatingsChangeExactlyAtTheirThresholds) {
  model::EvaluationParams p;  // 0.75 / 0.6 / 0.4
  EXPECT_EQ(rules::rating_for(p, 0.75), Rating::kExcellent);
  EXPECT_EQ(rules::rating_for(p, 0.7499), Rating::kGood);
  EXPECT_EQ(rules::rating_for(p, 0.6), Rating::kGood);
  EXPECT_EQ(rules::rating_for(p, 0.5999), Rating::kCompleted);
  EXPECT_EQ(rules::rating_for(p, 0.4), Rating::kCompleted);
  EXPECT_EQ(rules::rating_for(p, 0.3999), Rating::kNotCompleted);
  // Not evaluated yet counts as "good" in the per-rating tables.
  EXPECT_EQ(&rules::outcome_probabilities(p, Rating::kNone),
            &rules::outcome_probabilities(p, Rating::kGood));
}

TEST(Evaluation, EveryHolderIsRatedAndRotatedCadresCarryTheirOrigin) {
  RuleHarness h(small(), ymd(2022, 12, 15));
  const PostId origin = h.post("d1", "d-vice");
  const CadreId stayer = h.add({.post = h.post("d2", "d-vice"), .competence = 0.9});
  const CadreId weak = h.add({.post = h.post("d3", "d-vice"), .competence = 0.3});
  const CadreId rotated = h.add({.post = origin, .competence = 0.7});
  const CadreId without_post = h.add({});
  auto ctx = h.ctx();
  rules::rotate_into(ctx, rotated, h.post("d1-c-01", "c-chair"), 0, 36);
  h.log.clear();
  rules::evaluate_all(ctx);
  std::map<CadreId, DomainEvent> by_cadre;
  for (const auto& e : h.events(EventType::kEvaluated)) by_cadre[e.cadre] = e;
  ASSERT_EQ(by_cadre.size(), 3u);  // the cadre without a post is not rated
  EXPECT_FALSE(by_cadre.count(without_post));
  EXPECT_EQ(by_cadre[stayer].reason, events::kReasonRatingExcellent);
  EXPECT_EQ(by_cadre[stayer].from, model::kNoPost);
  EXPECT_EQ(by_cadre[weak].reason, events::kReasonRatingNotCompleted);
  EXPECT_EQ(by_cadre[rotated].from, origin);
  // The rotated cadre has just moved without commune experience: E = 0.7 × (1 − 0.4) = 0.42.
  EXPECT_NEAR(by_cadre[rotated].value, 0.7 * (1 - 0.4), 1e-12);
  EXPECT_EQ(h.world.cadres[rotated].rating, Rating::kCompleted);
}

// End-of-rotation outcomes follow the rating's row of the table. 2,000 rotations per rating
// (independent keys: one replication each); chi-square goodness of fit at the 0.1 % level.
// Every origin is free and every higher district post vacant, so no outcome is blocked.
TEST(Evaluation, EndOfRotationOutcomesFollowTheRatingsProbabilities) {
  const int n = 2000;
  for (Rating rating : {Rating::kCompleted, Rating::kExcellent}) {
    model::Scenario s = small();
    const auto& row = s.evaluation.end_outcomes[model::rating_index(rating)];
    std::map<std::uint16_t, int> seen;
    for (int r = 0; r < n; ++r) {
      RuleHarness h(s, ymd(2022, 3, 31), 9, static_cast<std::uint64_t>(r));
      const CadreId c = h.add({.post = h.post("d1", "d-vice")});
      auto ctx = h.ctx();
      rules::rotate_into(ctx, c, h.post("d1-c-01", "c-chair"), 0, 0);  // ends today
      h.world.cadres[c].rating = rating;
      rules::rotation_end(ctx, c);
      const auto ended = h.events(EventType::kRotationEnded);
      ASSERT_EQ(ended.size(), 1u);
      ++seen[ended[0].reason];
    }
    const std::pair<std::uint16_t, double> cells[] = {{events::kReasonReturn, row.return_home},
                                                      {events::kReasonPromote, row.promote},
                                                      {events::kReasonStay, row.stay}};
    double chi2 = 0;
    for (const auto& [reason, prob] : cells) {
      const double expected = n * prob;
      chi2 += (seen[reason] - expected) * (seen[reason] - expected) / expected;
    }
    const double critical =
        boost::math::quantile(boost::math::complement(boost::math::chi_squared(2), 0.001));
    EXPECT_LT(chi2, critical) << "rating index " << model::rating_index(rating);
  }
}

TEST(Evaluation, TheEarlyReturnHazardRisesWhileSettlingAndWithAWeakRating) {
  model::Scenario s = small();
  s.reluctance.early_return_base_per_year = 0.1;
  s.reluctance.early_return_per_shortfall_per_year = 0.0;
  s.reluctance.early_return_unsettled_weight = 2.0;
  RuleHarness h(s, ymd(2022, 3, 31));
  const CadreId c = h.add({.post = h.post("d1", "d-vice")});
  auto ctx = h.ctx();
  rules::rotate_into(ctx, c, h.post("d1-c-01", "c-chair"), 0, 36);
  auto& cadre = h.world.cadres[c];
  cadre.rating = Rating::kGood;
  // Just arrived without commune experience: unsettled = 0.4, hazard 0.1 × (1 + 2 × 0.4).
  EXPECT_NEAR(rules::unsettled(cadre, h.sim.now()), 0.4, 1e-12);
  EXPECT_NEAR(rules::early_return_hazard_per_year(ctx, c), 0.1 * 1.8, 1e-12);
  cadre.rating = Rating::kNotCompleted;  // × 3
  EXPECT_NEAR(rules::early_return_hazard_per_year(ctx, c), 0.1 * 1.8 * 3, 1e-12);
  // Mentoring and supervision (τ × 0.6 × 0.8) shorten the settling: less unsettled later.
  model::Scenario m = s;
  m.support.mentoring = m.support.supervision = true;
  RuleHarness hm(m, ymd(2022, 3, 31));
  const CadreId cm = hm.add({.post = hm.post("d1", "d-vice")});
  auto mctx = hm.ctx();
  rules::rotate_into(mctx, cm, hm.post("d1-c-01", "c-chair"), 0, 36);
  const Day later = ymd(2022, 9, 30);
  EXPECT_LT(rules::unsettled(hm.world.cadres[cm], later), rules::unsettled(cadre, later));
  EXPECT_NEAR(hm.world.cadres[cm].adapt_tau_months, 12 * 0.6 * 0.8, 1e-12);
}

TEST(Evaluation, AFailedEvaluationRemovesAPlannedCadreAndAWeakRatingBlocksReadiness) {
  model::Scenario s = small();
  s.succession.removal_probability_per_year = 0;
  RuleHarness h(s, ymd(2021, 12, 1));
  RuleHarness::NewCadre n;
  n.post = h.post("d1-c-01", "c-vice");
  n.competence = 0.9;
  const CadreId a = h.add(n);
  n.post = h.post("d1-c-02", "c-vice");
  const CadreId b = h.add(n);
  const PostId chair = h.post("d1-c-03", "c-chair");
  h.plan(a, chair);
  h.plan(b, chair);
  h.world.cadres[a].rating = Rating::kNotCompleted;
  h.world.cadres[b].rating = Rating::kCompleted;
  auto ctx = h.ctx();
  // Below "good", nobody is ready now whatever their competence and time in post.
  EXPECT_EQ(rules::readiness(ctx, b, chair), model::Readiness::kReadyLater);
  h.world.cadres[b].rating = Rating::kGood;
  EXPECT_EQ(rules::readiness(ctx, b, chair), model::Readiness::kReadyNow);
  rules::planning_review(ctx, 2021);
  EXPECT_FALSE(h.is_planned(a, chair));
  EXPECT_TRUE(h.is_planned(b, chair));
  bool failed = false;
  for (const auto& e : h.events(EventType::kUnplanned))
    failed = failed || (e.cadre == a && e.reason == events::kReasonFailed);
  EXPECT_TRUE(failed);
}

// --- Time in an equivalent post ----------------------------------------------------------------

TEST(Readiness, ARotationKeepsTheClockOfTimeInAnEquivalentPostAndAPromotionRestartsIt) {
  RuleHarness h(small(), ymd(2022, 1, 31));
  RuleHarness::NewCadre n;
  n.post = h.post("d1", "d-vice");
  n.months_in_post = 20;
  n.home = h.unit("d2");
  n.experience[static_cast<std::size_t>(h.org().find_level("commune"))] = 60;
  const CadreId c = h.add(n);
  const PostId target = h.post("d2", "d-chair");
  auto ctx = h.ctx();
  EXPECT_EQ(rules::readiness(ctx, c, target), model::Readiness::kReadyLater);  // 20 < 24
  rules::rotate_into(ctx, c, h.post("d1-c-01", "c-chair"), 0, 36);
  h.advance_to(ymd(2022, 5, 31));  // 4 months later: 24 months in equivalent posts
  auto later = h.ctx();
  EXPECT_EQ(h.world.cadres[c].post_since, ymd(2022, 1, 31));  // the post's own clock restarted
  EXPECT_EQ(rules::readiness(later, c, target), model::Readiness::kReadyNow);
  // A promotion (a higher rank) restarts the equivalent clock.
  rules::take_post(later, c, h.post("d3", "d-chair"), EventType::kAppointed,
                   events::kReasonSuccessor);
  EXPECT_EQ(h.world.cadres[c].equivalent_since, ymd(2022, 5, 31));
  EXPECT_EQ(h.world.cadres[c].equivalent_rank, h.org().title_of(h.post("d3", "d-chair")).rank);
}

// --- Every lever in the acceptance decision ---------------------------------------------------

// One cadre, one move, each lever alone: the shortfall s the cadre weighs falls by exactly the
// lever's monthly value over the income before the move.
TEST(Support, EachLeverEntersTheShortfallTheCadreWeighs) {
  model::Scenario s = small();
  s.income.second_household_vnd_per_month = 1'500'000;
  s.support.reserve_position_allowance = false;
  RuleHarness base(s, ymd(2023, 8, 31));
  const PostId origin = base.post("d2", "d-vice");
  const PostId dest = base.post("d2-c-04", "c-vice");
  RuleHarness::NewCadre n{.post = origin, .home = base.unit("d2")};
  const CadreId c0 = base.add(n);
  const rules::MoveTerms t0 = rules::move_terms(base.ctx(), c0, origin, dest, 0);
  ASSERT_TRUE(t0.second_household);
  const double before = t0.gap_vnd / 1.0;  // the gap before support is the same for all levers
  auto shortfall_with = [&](auto set) {
    model::Scenario v = s;
    set(v);
    RuleHarness h(v, ymd(2023, 8, 31));
    const CadreId c = h.add(n);
    const auto t = rules::move_terms(h.ctx(), c, origin, dest, 0);
    EXPECT_DOUBLE_EQ(t.gap_vnd, before);
    return t;
  };
  const double income_before = t0.gap_vnd / t0.shortfall;
  // A 1.5 M cash top-up is worth 1.5 M.
  const auto top =
      shortfall_with([](model::Scenario& v) { v.support.top_up_vnd_per_month = 1.5e6; });
  EXPECT_NEAR(t0.shortfall - top.shortfall, 1.5e6 / income_before, 1e-12);
  // Housing avoids the 1.5 M second household, valued in kind at 80 %: 1.2 M.
  const auto house = shortfall_with([](model::Scenario& v) { v.support.housing = true; });
  EXPECT_NEAR(t0.shortfall - house.shortfall, 0.8 * 1.5e6 / income_before, 1e-12);
  // A 10 M grant is the 42-month annuity at 1 % a month.
  const auto grant = shortfall_with([](model::Scenario& v) {
    v.support.one_off_grant = {{0, 10'000'000}};
  });
  const double annuity = 10'000'000 * 0.01 / (1 - std::pow(1.01, -42));
  EXPECT_NEAR(annuity, 293'000, 1'000);
  EXPECT_NEAR(t0.shortfall - grant.shortfall, annuity / income_before, 1e-12);
  // A travel allowance is cash.
  const auto travel =
      shortfall_with([](model::Scenario& v) { v.support.travel_allowance_vnd_per_month = 5e5; });
  EXPECT_NEAR(t0.shortfall - travel.shortfall, 5e5 / income_before, 1e-12);
  // Housing is worth nothing to a cadre who can commute from home; the top-up still is.
  model::Scenario near = s;
  near.income.commute_max_km = 50;
  near.support.housing = true;
  RuleHarness hn(near, ymd(2023, 8, 31));
  const CadreId cn = hn.add(n);
  const auto tn = rules::move_terms(hn.ctx(), cn, origin, dest, 0);
  EXPECT_FALSE(tn.second_household);
  EXPECT_DOUBLE_EQ(tn.support_value_vnd, 0);
}

TEST(Support, TheReservedRegimeRaisesTheDestinationIncomeOnlyWhenItReachesTheMove) {
  model::Scenario s = small();
  RuleHarness h(s, ymd(2023, 8, 31));
  const PostId origin = h.post("d2", "d-vice");
  const PostId dest = h.post("d2-c-04", "c-vice");
  const CadreId c = h.add({.post = origin});
  const auto kept = rules::move_terms(h.ctx(), c, origin, dest, 0);
  h.scenario.support.target_reserved.key_posts_only = true;  // c-vice is not a key post
  const auto lost = rules::move_terms(h.ctx(), c, origin, dest, 0);
  EXPECT_TRUE(kept.levers & model::kLeverReserved);
  EXPECT_FALSE(lost.levers & model::kLeverReserved);
  EXPECT_GT(lost.gap_vnd, kept.gap_vnd);
}

// --- Targeting -------------------------------------------------------------------------------

TEST(Support, ATargetReachesOnlyTheMovesThatMeetEveryCondition) {
  model::Scenario s = small();
  const auto& org = s.organisation;
  PostId ed = model::kNoPost, plain = model::kNoPost;
  for (model::UnitId u : org.units_of_level[static_cast<std::size_t>(org.find_level("commune"))]) {
    const PostId p = org.find_post(u, org.find_title("c-chair"));
    (org.units[u].especially_difficult ? ed : plain) = p;
  }
  ASSERT_NE(ed, model::kNoPost);
  ASSERT_NE(plain, model::kNoPost);
  const PostId district = org.find_post(org.find_unit("d1"), org.find_title("d-vice"));
  model::SupportTarget t;
  EXPECT_TRUE(rules::target_reaches(s, t, plain, 0, 0));  // no condition: every move
  t.especially_difficult_only = true;
  EXPECT_TRUE(rules::target_reaches(s, t, ed, 0, 0));
  EXPECT_FALSE(rules::target_reaches(s, t, plain, 0, 0));
  t = {};
  t.to_levels = {static_cast<model::LevelId>(org.find_level("district"))};
  EXPECT_TRUE(rules::target_reaches(s, t, district, 0, 0));
  EXPECT_FALSE(rules::target_reaches(s, t, ed, 0, 0));
  t = {};
  t.key_posts_only = true;
  EXPECT_EQ(rules::target_reaches(s, t, district, 0, 0), org.title_of(district).key);
  t = {};
  t.min_shortfall_vnd = 1'000'000;
  EXPECT_TRUE(rules::target_reaches(s, t, ed, 0, 1'000'000));
  EXPECT_FALSE(rules::target_reaches(s, t, ed, 0, 999'999));
  t = {};
  t.flows = {"scripted"};
  s.rotation.flows = {{"d-c", 1, 2, 1.0, 0, false, false, "training"}};
  EXPECT_TRUE(rules::target_reaches(s, t, ed, model::kScriptedFlow, 0));
  EXPECT_FALSE(rules::target_reaches(s, t, ed, 0, 0));  // flow 0 is "d-c"
  t.flows = {"d-c"};
  EXPECT_TRUE(rules::target_reaches(s, t, ed, 0, 0));
}

// End to end on the shipped variant: 3 M VND a month only for rotations into especially
// difficult communes. Every top-up is paid for such a move, every such rotation is paid, and
// the cost is 3 M per paid cadre-month.
TEST(Support, TheTargetedVariantPaysOnlyTheTargetedGroup) {
  const model::Scenario s = load_scenario("scenarios/dien-bien/targeted-top-up.json");
  const auto& org = s.organisation;
  const auto commune = static_cast<model::LevelId>(org.find_level("commune"));
  engine::Engine e(s, 1, 0);
  CollectObserver all;
  e.add_observer(all);
  e.run_until(ymd(2023, 12, 31));
  auto targeted = [&](PostId p) {
    const auto& u = org.units[org.posts[p].unit];
    return u.especially_difficult && u.level == commune;
  };
  std::set<CadreId> moved_in, paid;
  std::map<CadreId, PostId> last_move;  // the destination of each cadre's latest rotation
  double top_up = 0;
  int payments = 0;
  for (const auto& ev : all.events) {
    if (ev.type == EventType::kMoved) {
      last_move[ev.cadre] = ev.to;
      if (targeted(ev.to)) moved_in.insert(ev.cadre);
    }
    if (ev.type == EventType::kSupportPaid && ev.reason == events::kReasonTopUp) {
      // Targeting is decided at the move (a rotated cadre elected to another post during the
      // rotation keeps the rotation's support).
      ASSERT_TRUE(last_move.count(ev.cadre));
      EXPECT_TRUE(targeted(last_move[ev.cadre])) << org.post_label(last_move[ev.cadre]);
      paid.insert(ev.cadre);
      top_up += ev.value;
      ++payments;
    }
  }
  ASSERT_GT(moved_in.size(), 20u);
  EXPECT_GT(payments, 100);
  EXPECT_DOUBLE_EQ(top_up, 3'000'000.0 * payments);
  // Everyone who moved into a targeted post and stayed a month was paid.
  for (CadreId c : paid) EXPECT_TRUE(moved_in.count(c));
  EXPECT_GE(paid.size() + 5, moved_in.size());  // a few return early within the month
}

}  // namespace
}  // namespace cadresim::enginetest
