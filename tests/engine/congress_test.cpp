// The congress cycle (sim/rules/terms.cpp, docs/model.md § Terms of office): the election
// order, the per-title term limit, birth-date cut-offs, personnel preparation and the outgoing
// holder who serves until replaced. Small worlds built by hand on tests/data/engine-small.json.
#include <gtest/gtest.h>

#include <algorithm>  // std::is_sorted
#include <set>        // std::set
#include <vector>     // std::vector

#include "engine_test_support.hpp"
#include "sim/engine/engine.hpp"
#include "sim/rules/terms.hpp"

namespace cadresim::enginetest {
namespace {

using model::TenureKind;

const Day kCongress = ymd(2025, 7, 1);

model::Scenario quiet() {
  model::Scenario s = small();
  s.succession.removal_probability_per_year = 0;
  return s;
}

model::Election commune_congress(const RuleHarness& h) {
  return model::Election{kCongress, {static_cast<model::LevelId>(h.org().find_level("commune"))}};
}

// The one election_outcome event for `post`.
DomainEvent outcome_of(const RuleHarness& h, PostId post) {
  DomainEvent out;
  int n = 0;
  for (const auto& e : h.events(EventType::kElectionOutcome))
    if (e.to == post) out = e, ++n;
  EXPECT_EQ(n, 1) << "one outcome per post and election";
  return out;
}

// A commune secretary at the limit, with candidates of each kind added by `setup`.
struct Case {
  RuleHarness h{quiet(), kCongress};
  PostId sec;
  CadreId incumbent;
  Case() {
    sec = h.post("d1-c-01", "c-sec");
    RuleHarness::NewCadre n;
    n.post = sec;
    n.consecutive_terms = 2;  // at the heads' limit
    incumbent = h.add(n);
  }
  // A cadre holding `post` with lower-level experience, ready now by default.
  CadreId holder(PostId post, double competence = 0.8, model::UnitId home = model::kNoUnit) {
    RuleHarness::NewCadre n;
    n.post = post;
    n.competence = competence;
    n.home = home;
    return h.add(n);
  }
  std::uint16_t elect() {
    rules::RuleContext ctx = h.ctx();
    rules::hold_election(ctx, commune_congress(h), TenureKind::kPartyTerm);
    return outcome_of(h, sec).reason;
  }
};

TEST(Congress, AnEligibleIncumbentIsReelectedBeforeAnyone) {
  Case c;
  c.h.world.cadres[c.incumbent].consecutive_terms = 1;
  const CadreId ready = c.holder(c.h.post("d1-c-01", "c-chair"));
  c.h.plan(ready, c.sec);
  EXPECT_EQ(c.elect(), events::kReasonOutcomeReelected);
  EXPECT_EQ(c.h.world.posts[c.sec].holder, c.incumbent);
}

TEST(Congress, AReadyNowSuccessorComesBeforeANotReadyOneAndAUnitDeputy) {
  Case c;
  const CadreId later = c.holder(c.h.post("d1-c-02", "c-chair"), 0.5);  // ready later
  const CadreId ready = c.holder(c.h.post("d1-c-03", "c-chair"), 0.8);  // ready now
  c.holder(c.h.post("d1-c-01", "c-chair"), 0.9);                        // unit deputy, unplanned
  c.h.plan(later, c.sec);
  c.h.plan(ready, c.sec);
  EXPECT_EQ(c.elect(), events::kReasonOutcomeReadySuccessor);
  EXPECT_EQ(c.h.world.posts[c.sec].holder, ready);
  EXPECT_EQ(outcome_of(c.h, c.sec).cadre, ready);
  // The incumbent left the post at the limit. (The other communes' secretary posts are vacant in
  // this hand-built world, so the managing tier may place the head in one of them: a term-limit
  // rotation to an equivalent post elsewhere, never back into this one.)
  EXPECT_NE(c.h.world.cadres[c.incumbent].post, c.sec);
}

TEST(Congress, WithoutAReadySuccessorANotReadyOneComesBeforeTheUnitDeputy) {
  Case c;
  const CadreId later = c.holder(c.h.post("d1-c-02", "c-chair"), 0.5);
  c.holder(c.h.post("d1-c-01", "c-chair"), 0.9);
  c.h.plan(later, c.sec);
  EXPECT_EQ(c.elect(), events::kReasonOutcomeLaterSuccessor);
  EXPECT_EQ(c.h.world.posts[c.sec].holder, later);
}

TEST(Congress, WithoutPlannedSuccessorsAnEligibleDeputyOfTheUnitIsElected) {
  Case c;
  c.holder(c.h.post("d1-c-02", "c-chair"), 0.9);  // another unit: only a designation
  const CadreId deputy = c.holder(c.h.post("d1-c-01", "c-chair"), 0.5);
  EXPECT_EQ(c.elect(), events::kReasonOutcomeUnitDeputy);
  EXPECT_EQ(c.h.world.posts[c.sec].holder, deputy);
}

TEST(Congress, WithNobodyInTheUnitTheManagingTierDesignatesACadreFromAnotherUnit) {
  Case c;
  const CadreId other = c.holder(c.h.post("d1-c-02", "c-chair"), 0.5);
  EXPECT_EQ(c.elect(), events::kReasonOutcomeDesignated);
  EXPECT_EQ(c.h.world.posts[c.sec].holder, other);
  EXPECT_EQ(outcome_of(c.h, c.sec).from, c.h.post("d1-c-02", "c-chair"));
}

TEST(Congress, WithNobodyEligibleAnywhereTheOutgoingHolderServesOnUntilReplaced) {
  Case c;
  EXPECT_EQ(c.elect(), events::kReasonOutcomeHeldOver);
  EXPECT_EQ(c.h.world.posts[c.sec].holder, c.incumbent);  // never vacant
  EXPECT_TRUE(c.h.world.posts[c.sec].outgoing);
  EXPECT_TRUE(c.h.world.posts[c.sec].fill_pending);
  EXPECT_EQ(c.h.events(EventType::kTermLimitReached).size(), 1u);
  EXPECT_TRUE(c.h.events(EventType::kVacancyOpened).empty());
  // The first fill attempt still finds nobody: the holder stays.
  c.h.advance_to(c.h.world.posts[c.sec].fill_day);
  EXPECT_EQ(c.h.world.posts[c.sec].holder, c.incumbent);
  // A deputy arrives; the next attempt hands over the same day, without a vacant month end.
  const CadreId deputy = c.holder(c.h.post("d1-c-01", "c-chair"), 0.5);
  c.h.advance_to(c.h.world.posts[c.sec].fill_day);
  EXPECT_EQ(c.h.world.posts[c.sec].holder, deputy);
  EXPECT_FALSE(c.h.world.posts[c.sec].outgoing);
  EXPECT_EQ(c.h.world.cadres[c.incumbent].post, model::kNoPost);
  EXPECT_TRUE(c.h.world.cadres[c.incumbent].term_limit_rotation_candidate);
  EXPECT_EQ(c.h.events(EventType::kTermLimitReached).size(), 1u);  // recorded once
}

TEST(Congress, APostWithoutHolderAndWithoutCandidatesIsLeftVacant) {
  RuleHarness h(quiet(), kCongress);
  const PostId sec = h.post("d1-c-01", "c-sec");
  rules::RuleContext ctx = h.ctx();
  rules::hold_election(ctx, commune_congress(h), TenureKind::kPartyTerm);
  EXPECT_EQ(outcome_of(h, sec).reason, events::kReasonOutcomeVacant);
  EXPECT_EQ(outcome_of(h, sec).cadre, model::kNoCadre);
}

TEST(Congress, TheOutcomeRecordsTheReadySuccessorsBeforeTheElection) {
  Case c;
  const CadreId a = c.holder(c.h.post("d1-c-02", "c-chair"), 0.8);
  const CadreId b = c.holder(c.h.post("d1-c-03", "c-chair"), 0.8);
  c.h.plan(a, c.sec);
  c.h.plan(b, c.sec);
  c.elect();
  EXPECT_EQ(outcome_of(c.h, c.sec).value, 2.0);
}

TEST(Congress, TheTermLimitIsForHeadsByDefaultAndAPerTitleSetting) {
  model::Scenario s = quiet();
  RuleHarness h(s, kCongress);
  // c-vice is no head: no limit by default, re-elected after 4 terms.
  EXPECT_EQ(rules::term_limit(h.scenario, h.org().titles[h.org().find_title("c-vice")]), 0);
  EXPECT_EQ(rules::term_limit(h.scenario, h.org().titles[h.org().find_title("c-sec")]), 2);
  h.scenario.organisation.titles[h.org().find_title("c-sec")].max_consecutive_terms = 3;
  EXPECT_EQ(rules::term_limit(h.scenario, h.org().titles[h.org().find_title("c-sec")]), 3);
  const PostId sec = h.post("d1-c-01", "c-sec");
  RuleHarness::NewCadre n;
  n.post = sec;
  n.consecutive_terms = 2;
  const CadreId id = h.add(n);
  rules::RuleContext ctx = h.ctx();
  rules::hold_election(ctx, commune_congress(h), TenureKind::kPartyTerm);
  EXPECT_EQ(outcome_of(h, sec).reason, events::kReasonOutcomeReelected);
  EXPECT_EQ(h.world.cadres[id].consecutive_terms, 3);
}

TEST(Congress, ANonHeadIsReelectedWhateverItsTermsUnderTheDefaultRule) {
  // c-vice feeds nothing here: otherwise the vice would be elected to one of the vacant chair
  // posts of this hand-built world (higher posts are elected first) instead of standing again.
  model::Scenario s = quiet();
  const auto vice_title = static_cast<model::TitleId>(s.organisation.find_title("c-vice"));
  for (auto& t : s.organisation.titles) std::erase(t.fed_by, vice_title);
  RuleHarness h(std::move(s), ymd(2026, 6, 1));
  const PostId vice = h.post("d1-c-01", "c-vice");
  RuleHarness::NewCadre n;
  n.post = vice;
  n.consecutive_terms = 4;
  const CadreId id = h.add(n);
  rules::RuleContext ctx = h.ctx();
  rules::hold_election(
      ctx,
      model::Election{ymd(2026, 6, 1),
                      {static_cast<model::LevelId>(h.org().find_level("commune"))}},
      TenureKind::kStateTerm);
  EXPECT_EQ(h.world.posts[vice].holder, id);
  EXPECT_TRUE(h.events(EventType::kTermLimitReached).empty());
}

TEST(Congress, BirthDateCutOffsDecideFirstElectionAndReelectionOnTheDay) {
  model::Scenario s = quiet();
  model::AgeCutoffRule r;
  r.from = ymd(2025, 4, 14);
  r.until = ymd(2030, 4, 14);
  r.levels = {static_cast<model::LevelId>(s.organisation.find_level("commune"))};
  r.first_men_born_from = ymd(1968, 7, 1);
  r.first_women_born_from = ymd(1972, 3, 1);
  r.reelection_men_born_from = ymd(1967, 9, 1);
  r.reelection_women_born_from = ymd(1971, 9, 1);
  s.terms.age_cutoffs.push_back(r);
  RuleHarness h(s, kCongress);
  const PostId sec = h.post("d1-c-01", "c-sec");
  model::Cadre c;
  c.sex = model::Sex::kMale;
  c.birth = ymd(1967, 9, 1);  // exactly at the re-election cut-off
  rules::RuleContext ctx = h.ctx();
  EXPECT_TRUE(rules::age_allows(ctx, c, sec, kCongress, true));
  EXPECT_FALSE(rules::age_allows(ctx, c, sec, kCongress, false));  // too old for a first time
  c.birth = ymd(1967, 8, 31);
  EXPECT_FALSE(rules::age_allows(ctx, c, sec, kCongress, true));
  c.sex = model::Sex::kFemale;
  c.birth = ymd(1972, 3, 1);
  EXPECT_TRUE(rules::age_allows(ctx, c, sec, kCongress, false));
  // Outside the rule's dates, and for state-term titles, the months rules apply instead.
  c.birth = ymd(1960, 1, 1);
  c.retirement_date = ymd(2040, 1, 31);
  EXPECT_TRUE(rules::age_allows(ctx, c, sec, ymd(2030, 7, 1), true));
  EXPECT_TRUE(rules::age_allows(ctx, c, h.post("d1-c-01", "c-chair"), kCongress, true));
}

TEST(Congress, PreparationListsWhoWillNotStandAndDesignatesAReadySuccessorFromElsewhere) {
  RuleHarness h(quiet(), kernel::add_months(kCongress, -12));
  const PostId sec = h.post("d1-c-01", "c-sec");
  RuleHarness::NewCadre n;
  n.post = sec;
  n.consecutive_terms = 2;
  const CadreId out = h.add(n);
  RuleHarness::NewCadre o;
  o.post = h.post("d1-c-02", "c-chair");
  o.competence = 0.8;
  const CadreId other = h.add(o);
  rules::RuleContext ctx = h.ctx();
  rules::prepare_election(ctx, commune_congress(h), TenureKind::kPartyTerm);
  const auto ns = h.events(EventType::kNotStanding);
  ASSERT_EQ(ns.size(), 1u);
  EXPECT_EQ(ns[0].cadre, out);
  EXPECT_EQ(ns[0].reason, events::kReasonTermLimit);
  EXPECT_TRUE(h.is_planned(other, sec));
  // At the election the designated cadre is the ready successor.
  h.sim.run_until(kCongress, h);
  rules::RuleContext later = h.ctx();
  rules::hold_election(later, commune_congress(h), TenureKind::kPartyTerm);
  EXPECT_EQ(outcome_of(h, sec).reason, events::kReasonOutcomeReadySuccessor);
  EXPECT_EQ(h.world.posts[sec].holder, other);
}

// Term-limit rotation at the preparation (rules/terms.cpp, designate_term_limit_moves): the
// head is designated for an opening equivalent post (same level, rank not above), inside the
// managing scope (the district) before outside it, ties to the first in the organisation's
// order; the search by rank group and scope must choose what a scan of every opening would.
TEST(Congress, AHeadAtTheLimitIsDesignatedInsideItsScopeFirstThenTheFirstOpeningOutside) {
  for (const bool scope_full : {false, true}) {
    RuleHarness h(quiet(), kernel::add_months(kCongress, -12));
    const auto& org = h.org();
    const model::TitleId sec_title = org.find_title("c-sec");
    // The head is in d2, so the openings of d1 come first in the organisation's order: only
    // the scope preference makes the one inside d2 win.
    const model::UnitId d2 = org.find_unit("d2");
    const PostId from = h.post("d2-c-01", "c-sec");
    RuleHarness::NewCadre n;
    n.post = from;
    n.consecutive_terms = 2;  // at the heads' limit: will not stand
    const CadreId head = h.add(n);
    // Every other secretary post of d2 is held by a cadre who will stand, except the last one
    // (unless `scope_full`); outside d2 they are all vacant, so all open.
    PostId inside_open = model::kNoPost;
    std::vector<PostId> d2_posts;
    for (const PostId p : org.posts_of_title[sec_title])
      if (p != from && org.units[org.posts[p].unit].parent == d2) d2_posts.push_back(p);
    ASSERT_GE(d2_posts.size(), 2u);
    for (std::size_t i = 0; i < d2_posts.size(); ++i) {
      if (i + 1 == d2_posts.size() && !scope_full) {
        inside_open = d2_posts[i];
        continue;
      }
      RuleHarness::NewCadre s;
      s.post = d2_posts[i];
      h.add(s);
    }
    PostId first_outside = model::kNoPost;  // the first opening outside d2, in unit order
    for (const model::UnitId u : org.units_of_level[org.level_of(from)])
      for (const PostId p : org.posts_of_unit[u])
        if (first_outside == model::kNoPost && org.posts[p].title == sec_title &&
            org.units[u].parent != d2)
          first_outside = p;
    ASSERT_NE(first_outside, model::kNoPost);
    rules::RuleContext ctx = h.ctx();
    rules::prepare_election(ctx, commune_congress(h), TenureKind::kPartyTerm);
    const PostId expected = scope_full ? first_outside : inside_open;
    EXPECT_TRUE(h.is_planned(head, expected)) << (scope_full ? "outside" : "inside");
    EXPECT_EQ(h.world.plan_count[head], 1);
    EXPECT_TRUE(std::is_sorted(h.world.plan.begin(), h.world.plan.end(), model::PlanByPost{}));
  }
}

// What the search checks once per head rather than per post (rules/terms.cpp): a head at the
// limit who is away on a rotation, or too close to retirement for a first election, is
// designated nowhere; one with exactly the months the rule asks for is.
TEST(Congress, AHeadAtTheLimitInARotationOrTooCloseToRetirementIsNotDesignated) {
  RuleHarness h(quiet(), kernel::add_months(kCongress, -12));
  const int need = h.scenario.appointment.min_months_before_retirement;
  ASSERT_GT(need, 0);
  const Day enough = kernel::add_months(kCongress, need);  // the first day that is enough
  auto head_at = [&](const char* unit, Day retirement) {
    RuleHarness::NewCadre n;
    n.post = h.post(unit, "c-sec");
    n.consecutive_terms = 2;  // at the heads' limit: will not stand
    n.retirement_date = retirement;
    return h.add(n);
  };
  const CadreId near = head_at("d1-c-01", enough - 1);
  const CadreId away = head_at("d1-c-02", enough);
  h.world.cadres[away].rotation.active = true;
  const CadreId fit = head_at("d2-c-01", enough);
  rules::RuleContext ctx = h.ctx();
  rules::prepare_election(ctx, commune_congress(h), TenureKind::kPartyTerm);
  EXPECT_EQ(h.world.plan_count[near], 0);
  EXPECT_EQ(h.world.plan_count[away], 0);
  ASSERT_EQ(h.world.plan_count[fit], 1);
  // Into another unit's secretary post (rank and level equal), which is now taken.
  const auto& org = h.org();
  for (const auto& e : h.world.plan)
    if (e.cadre == fit) {
      EXPECT_EQ(org.posts[e.post].title, org.find_title("c-sec"));
      EXPECT_NE(org.posts[e.post].unit, org.posts[h.world.cadres[fit].post].unit);
    }
}

TEST(Congress, PreparationRunsAtItsLeadTimesBeforeEachElection) {
  model::Scenario s = small();
  s.terms.preparation_start_months_before = 12;
  s.terms.preparation_end_months_before = 3;
  engine::Engine e(s, 1, 0);
  CollectObserver obs;
  e.add_observer(obs);
  e.run_until(ymd(2026, 12, 31));
  std::set<Day> days;
  for (const auto& ev : obs.events)
    if (ev.type == EventType::kNotStanding) days.insert(ev.day);
  // Every preparation day is 12 or 3 months before an election of the calendar.
  std::set<Day> allowed;
  for (const auto* list : {&s.calendar.party_congresses, &s.calendar.state_elections})
    for (const auto& el : *list)
      for (int lead : {12, 3}) allowed.insert(kernel::add_months(el.date, -lead));
  ASSERT_FALSE(days.empty());
  for (Day d : days) EXPECT_TRUE(allowed.count(d)) << kernel::format_iso_date(d);
}

}  // namespace
}  // namespace cadresim::enginetest
