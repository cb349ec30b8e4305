// The non-native rule (sim/rules/non_native.hpp) and its use by appointment, election and
// recruitment: a "required" title never goes to a cadre whose home unit lies in the post's
// unit or below it; when nobody else can take it the engine says so (non_native_unmet).
// Whole-run checks are in invariants_test.cpp.
#include <gtest/gtest.h>

#include "engine_test_support.hpp"
#include "sim/engine/engine.hpp"
#include "sim/rules/non_native.hpp"
#include "sim/rules/succession.hpp"

namespace cadresim::enginetest {
namespace {

using model::NonNativeRule;

model::Cadre from(model::UnitId home) {
  model::Cadre c;
  c.home_unit = home;
  return c;
}

// engine-small: d-chair and d-sec are "required"; the commune titles have no rule.
TEST(NonNative, ARequiredTitleRefusesNativesOfTheUnitAndOfItsSubUnits) {
  const auto& org = small().organisation;
  const PostId d1_chair = org.find_post(org.find_unit("d1"), org.find_title("d-chair"));
  struct Case {
    const char* home;
    bool allowed;
  } cases[] = {
      {"d1", false},       // the unit itself
      {"d1-c-03", false},  // a commune of d1
      {"d2", true},        // another district
      {"d2-c-01", true},   // a commune of another district
      {"prov", true},      // the parent lies outside d1's subtree
  };
  for (const auto& c : cases) {
    const model::Cadre cadre = from(org.find_unit(c.home));
    EXPECT_EQ(rules::non_native_allows(org, cadre, d1_chair), c.allowed) << c.home;
    EXPECT_EQ(rules::is_native(org, cadre, d1_chair), !c.allowed) << c.home;
  }
  EXPECT_TRUE(
      rules::non_native_allows(org, from(model::kNoUnit), d1_chair));  // no home: never native
}

TEST(NonNative, TitlesWithoutTheRuleAcceptNativesAndPreferredTitlesOnlyRankOutsidersFirst) {
  model::Scenario s = small();
  auto& org = s.organisation;
  const PostId c_chair = org.find_post(org.find_unit("d1-c-01"), org.find_title("c-chair"));
  const model::Cadre native = from(org.find_unit("d1-c-01"));
  const model::Cadre outsider = from(org.find_unit("d2-c-01"));
  EXPECT_TRUE(rules::non_native_allows(org, native, c_chair));
  EXPECT_EQ(rules::non_native_preference(org, native, c_chair), 0.0);
  EXPECT_EQ(rules::non_native_preference(org, outsider, c_chair), 0.0);
  org.titles[org.find_title("c-chair")].non_native = NonNativeRule::kPreferred;
  EXPECT_TRUE(rules::non_native_allows(org, native, c_chair));
  EXPECT_TRUE(rules::non_native_allows(org, outsider, c_chair));
  EXPECT_EQ(rules::non_native_preference(org, native, c_chair), 0.0);
  EXPECT_EQ(rules::non_native_preference(org, outsider, c_chair), 1.0);
}

// A d1 chair vacancy with two planned, ready commune secretaries: the native one is stronger,
// the outsider is appointed.
TEST(NonNative, AppointmentPassesOverAStrongerNativeSuccessor) {
  RuleHarness h(small(), ymd(2023, 2, 1));
  const PostId chair = h.post("d1", "d-chair");
  RuleHarness::NewCadre native, outsider;
  native.post = h.post("d1-c-01", "c-sec");
  native.competence = 0.95;
  outsider.post = h.post("d1-c-02", "c-sec");
  outsider.home = h.unit("d3-c-04");
  outsider.competence = 0.7;
  const auto commune = static_cast<std::size_t>(h.org().find_level("commune"));
  native.experience[commune] = outsider.experience[commune] = 120;
  const CadreId a = h.add(native);
  const CadreId b = h.add(outsider);
  h.plan(a, chair);
  h.plan(b, chair);
  rules::RuleContext ctx = h.ctx();
  EXPECT_EQ(rules::best_ready_successor(ctx, chair), b);
  rules::fill_post(ctx, chair);
  EXPECT_EQ(h.world.posts[chair].holder, b);
  const auto appointed = h.events(EventType::kAppointed);
  ASSERT_EQ(appointed.size(), 1u);
  EXPECT_EQ(appointed[0].reason, events::kReasonSuccessor);
}

// Only natives of d1 could be promoted into d1's chair: nobody is appointed, the engine reports
// non_native_unmet and tries again later.
TEST(NonNative, WhenOnlyNativesAreAvailableThePostStaysOpenAndTheGapIsReported) {
  model::Scenario s = small();
  s.appointment.acting_probability = 0;
  RuleHarness h(std::move(s), ymd(2023, 2, 1));
  const PostId chair = h.post("d1", "d-chair");
  for (const char* u : {"d1-c-01", "d1-c-02"}) {
    RuleHarness::NewCadre n;
    n.post = h.post(u, "c-sec");
    n.home = h.unit(u);
    n.competence = 0.9;
    h.plan(h.add(n), chair);
  }
  RuleHarness::NewCadre dvice;
  dvice.post = h.post("d1", "d-vice");  // a native deputy
  h.add(dvice);
  rules::RuleContext ctx = h.ctx();
  EXPECT_EQ(rules::best_ready_successor(ctx, chair), model::kNoCadre);
  EXPECT_EQ(rules::best_deputy(ctx, chair), model::kNoCadre);
  rules::fill_post(ctx, chair);
  EXPECT_EQ(h.world.posts[chair].holder, model::kNoCadre);
  const auto unmet = h.events(EventType::kNonNativeUnmet);
  ASSERT_EQ(unmet.size(), 1u);
  EXPECT_EQ(unmet[0].to, chair);
  EXPECT_TRUE(h.world.posts[chair].fill_pending);  // a retry is scheduled
  // Retries of the same vacancy do not report the gap again (the metric counts vacancies).
  h.advance_to(ymd(2023, 12, 31));
  EXPECT_EQ(h.events(EventType::kNonNativeUnmet).size(), 1u);
  EXPECT_EQ(h.world.posts[chair].holder, model::kNoCadre);
}

// At a district congress the at-limit secretary of d1 is replaced by a ready non-native only,
// although a stronger native (a deputy born in a commune of d1) is also planned.
TEST(NonNative, ElectionsElectOnlyANonNativeToARequiredPost) {
  const Day day = ymd(2025, 7, 1);
  RuleHarness h(small(), day);
  const PostId sec = h.post("d1", "d-sec");
  RuleHarness::NewCadre head, native, outsider;
  head.post = sec;
  head.home = h.unit("d2");
  head.consecutive_terms = 2;
  native.post = h.post("d1", "d-vice");
  native.home = h.unit("d1-c-04");
  native.competence = 0.99;
  outsider.post = h.post("d1", "d-chair");
  outsider.home = h.unit("d2-c-02");
  outsider.competence = 0.7;
  const auto commune = static_cast<std::size_t>(h.org().find_level("commune"));
  native.experience[commune] = outsider.experience[commune] = 60;
  h.add(head);
  const CadreId a = h.add(native);
  const CadreId b = h.add(outsider);
  h.plan(a, sec);
  h.plan(b, sec);
  rules::RuleContext ctx = h.ctx();
  const auto district = static_cast<model::LevelId>(h.org().find_level("district"));
  rules::hold_election(ctx, model::Election{day, {district}}, model::TenureKind::kPartyTerm);
  EXPECT_EQ(h.world.posts[sec].holder, b);
  // Only d1's election is checked: the vacant secretary posts of d2 and d3 are elected too.
  std::vector<DomainEvent> elected;
  for (const auto& e : h.events(EventType::kElected))
    if (e.to == sec) elected.push_back(e);
  ASSERT_EQ(elected.size(), 1u);
  EXPECT_EQ(elected[0].cadre, b);
}

// Recruitment into an entry title that requires a non-native draws the recruit's home outside
// the post's unit and its sub-units, even when the other units of that level lie inside it
// (tests/data/engine-nested.json: province agencies under the province, as in the baseline):
// then the recruit comes from the parent unit.
TEST(NonNative, RecruitsIntoARequiredEntryTitleAreNeverNatives) {
  model::Scenario s = load_scenario("tests/data/engine-nested.json");
  s.recruitment.native_share = 0.5;
  RuleHarness h(std::move(s), ymd(2022, 1, 1));
  int from_centre = 0;
  for (const char* unit : {"prov", "prov-agency-1"}) {
    const PostId p = h.post(unit, "p-staff");
    ASSERT_EQ(h.org().title_of(p).non_native, NonNativeRule::kRequired);
    for (int i = 0; i < 200; ++i) {
      rules::RuleContext ctx = h.ctx();
      const CadreId id = rules::create_recruit(ctx, p);
      const model::UnitId home = h.world.cadres[id].home_unit;
      ASSERT_NE(home, model::kNoUnit);
      EXPECT_TRUE(rules::non_native_allows(h.org(), h.world.cadres[id], p))
          << unit << ": recruit from " << h.org().units[home].id;
      from_centre += home == h.unit("centre");
    }
  }
  EXPECT_EQ(from_centre, 200);  // all of the province's, none of the agency's
}

}  // namespace
}  // namespace cadresim::enginetest
