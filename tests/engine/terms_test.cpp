// Terms of office (sim/rules/terms.cpp): re-election under the consecutive-term limit and the
// re-election age rule, the term limit, and 5-year appointments (re-appointment, extension near
// retirement, heads at the limit). Each test builds a small world by hand on the organisation
// of tests/data/engine-small.json (terms: 2 consecutive, 36 months to re-election, 60-month
// appointments, extension below 24 months).
#include <gtest/gtest.h>

#include <algorithm>  // std::find

#include "engine_test_support.hpp"

namespace cadresim::enginetest {
namespace {

using model::TenureKind;

// The state election of 2026-06-01 on the commune level.
const Day kElectionDay = ymd(2026, 6, 1);

model::Election commune_election(const RuleHarness& h) {
  return model::Election{kElectionDay,
                         {static_cast<model::LevelId>(h.org().find_level("commune"))}};
}

// A harness with removal draws disabled, so nothing random interferes.
model::Scenario quiet_scenario() {
  model::Scenario s = small();
  s.succession.removal_probability_per_year = 0;
  return s;
}

bool unplaced(const RuleHarness& h, CadreId c) {
  return std::find(h.world.unplaced.begin(), h.world.unplaced.end(), c) != h.world.unplaced.end();
}

TEST(Terms, IncumbentUnderTheLimitAndYoungEnoughIsReelected) {
  RuleHarness h(quiet_scenario(), kElectionDay);
  RuleHarness::NewCadre n;
  n.post = h.post("d1-c-01", "c-chair");
  n.birth = ymd(1980, 1, 1);
  n.consecutive_terms = 1;
  const CadreId id = h.add(n);
  rules::RuleContext ctx = h.ctx();
  rules::hold_election(ctx, commune_election(h), TenureKind::kStateTerm);
  const auto re = h.events(EventType::kReelected);
  ASSERT_EQ(re.size(), 1u);
  EXPECT_EQ(re[0].cadre, id);
  EXPECT_EQ(re[0].to, n.post);
  EXPECT_EQ(h.world.cadres[id].consecutive_terms, 2);
  EXPECT_EQ(h.world.posts[n.post].holder, id);
  EXPECT_TRUE(h.events(EventType::kVacancyOpened).empty());
  EXPECT_TRUE(h.events(EventType::kTermLimitReached).empty());
}

// Without any eligible successor the head is not re-elected but serves on until one is found
// (tests/engine/congress_test.cpp follows the handover).
TEST(Terms, HeadAtTheTermLimitWithoutSuccessorIsNotReelectedAndServesOn) {
  RuleHarness h(quiet_scenario(), kElectionDay);
  RuleHarness::NewCadre n;
  n.post = h.post("d1-c-01", "c-chair");
  n.birth = ymd(1980, 1, 1);
  n.consecutive_terms = 2;
  const CadreId id = h.add(n);
  rules::RuleContext ctx = h.ctx();
  rules::hold_election(ctx, commune_election(h), TenureKind::kStateTerm);
  EXPECT_TRUE(h.events(EventType::kReelected).empty());
  const auto limit = h.events(EventType::kTermLimitReached);
  ASSERT_EQ(limit.size(), 1u);
  EXPECT_EQ(limit[0].cadre, id);
  EXPECT_EQ(limit[0].from, n.post);
  EXPECT_FALSE(h.world.cadres[id].term_limit_rotation_candidate);  // not until replaced
  EXPECT_TRUE(h.events(EventType::kVacancyOpened).empty());
  EXPECT_EQ(h.world.posts[n.post].holder, id);
  EXPECT_TRUE(h.world.posts[n.post].outgoing);
  EXPECT_TRUE(h.world.posts[n.post].fill_pending);
  EXPECT_EQ(h.world.cadres[id].consecutive_terms, 2);
  EXPECT_FALSE(unplaced(h, id));
}

TEST(Terms, AtTheLimitTheBestReadyPlannedSuccessorIsElectedAndTheirPostOpens) {
  RuleHarness h(quiet_scenario(), kElectionDay);
  RuleHarness::NewCadre head;
  head.post = h.post("d1-c-01", "c-chair");
  head.consecutive_terms = 2;
  head.birth = ymd(1975, 1, 1);
  const CadreId old_head = h.add(head);
  RuleHarness::NewCadre strong, weak;
  strong.post = h.post("d1-c-01", "c-vice");
  strong.competence = 0.9;
  strong.birth = ymd(1982, 1, 1);
  weak.post = h.post("d1-c-02", "c-vice");
  weak.competence = 0.7;
  weak.birth = ymd(1982, 1, 1);
  const CadreId s = h.add(strong);
  const CadreId w = h.add(weak);
  h.plan(w, head.post);
  h.plan(s, head.post);
  rules::RuleContext ctx = h.ctx();
  rules::hold_election(ctx, commune_election(h), TenureKind::kStateTerm);
  EXPECT_EQ(h.world.posts[head.post].holder, s);
  // This post's election only: the other communes' vacant chair posts are elected too.
  std::vector<DomainEvent> elected;
  for (const auto& e : h.events(EventType::kElected))
    if (e.to == head.post) elected.push_back(e);
  ASSERT_EQ(elected.size(), 1u);
  EXPECT_EQ(elected[0].cadre, s);
  EXPECT_EQ(elected[0].reason, events::kReasonSuccessor);
  EXPECT_EQ(elected[0].from, strong.post);
  EXPECT_EQ(h.world.cadres[s].consecutive_terms, 1);
  EXPECT_FALSE(h.is_planned(s, head.post));  // the entry is used up
  EXPECT_TRUE(h.is_planned(w, head.post));
  EXPECT_EQ(h.world.plan_count[s], 0);
  // The successor's old post opened as part of the same vacancy chain.
  bool promotion_vacancy = false;
  for (const auto& e : h.events(EventType::kVacancyOpened))
    if (e.to == strong.post) promotion_vacancy = e.reason == events::kReasonPromotion;
  EXPECT_TRUE(promotion_vacancy);
  EXPECT_EQ(h.world.posts[strong.post].chain, 1u);
  EXPECT_EQ(h.world.chains[1].length, 1u);
  EXPECT_TRUE(h.world.cadres[old_head].term_limit_rotation_candidate);
}

TEST(Terms, ANonHeadWithItsOwnLimitIsReplacedButNotFlaggedForRotation) {
  model::Scenario sc = quiet_scenario();
  sc.organisation.titles[sc.organisation.find_title("c-vice")].max_consecutive_terms = 2;
  // c-vice feeds nothing here: otherwise the vice would be elected to a vacant chair post of
  // this hand-built world (higher posts are elected first) before its own post's election.
  const auto vice_title = static_cast<model::TitleId>(sc.organisation.find_title("c-vice"));
  for (auto& t : sc.organisation.titles) std::erase(t.fed_by, vice_title);
  RuleHarness h(std::move(sc), kElectionDay);
  RuleHarness::NewCadre staff;  // a deputy of the unit (c-staff feeds c-vice)
  staff.post = h.post("d1-c-01", "c-staff");
  RuleHarness::NewCadre n;
  n.post = h.post("d1-c-01", "c-vice");
  n.birth = ymd(1980, 1, 1);
  n.consecutive_terms = 2;
  const CadreId id = h.add(n);
  const CadreId deputy = h.add(staff);
  rules::RuleContext ctx = h.ctx();
  rules::hold_election(ctx, commune_election(h), TenureKind::kStateTerm);
  EXPECT_EQ(h.events(EventType::kTermLimitReached).size(), 1u);
  EXPECT_FALSE(h.world.cadres[id].term_limit_rotation_candidate);
  EXPECT_EQ(h.world.posts[n.post].holder, deputy);
}

// The re-election age rule: at least 36 months before retirement on the election day. From
// 2026-06-01, a retirement on 2029-06-30 is 36 whole months away, on 2029-05-31 only 35.
struct AgeCase {
  Day retirement;
  int consecutive_terms;
  int months;
  bool reelected;
  bool limit_event;
  const char* why;
};

TEST(Terms, ReelectionNeedsEnoughMonthsBeforeRetirementAtExactlyTheThreshold) {
  const AgeCase cases[] = {
      {ymd(2029, 6, 30), 1, 36, true, false, "exactly 36 months: re-elected"},
      {ymd(2029, 5, 31), 1, 35, false, false, "35 months: not re-elected (age rule)"},
      {ymd(2040, 5, 31), 1, 167, true, false, "young: re-elected"},
      {ymd(2029, 5, 31), 2, 35, false, true, "at the limit and too old: the limit is reported"},
      {ymd(2029, 6, 30), 2, 36, false, true, "at the limit, old enough: still not re-elected"},
  };
  for (const auto& c : cases) {
    RuleHarness h(quiet_scenario(), kElectionDay);
    RuleHarness::NewCadre n;
    n.post = h.post("d2-c-03", "c-chair");
    n.consecutive_terms = c.consecutive_terms;
    n.retirement_date = c.retirement;
    const CadreId id = h.add(n);
    ASSERT_EQ(rules::months_to_retirement(h.world.cadres[id], kElectionDay), c.months) << c.why;
    rules::RuleContext ctx = h.ctx();
    rules::hold_election(ctx, commune_election(h), TenureKind::kStateTerm);
    // Re-elected or not, the holder keeps the post: nobody else is eligible, so a holder who
    // may not stand serves on until replaced (checked below).
    EXPECT_EQ(h.world.posts[n.post].holder, id) << c.why;
    EXPECT_EQ(h.events(EventType::kReelected).size(), c.reelected ? 1u : 0u) << c.why;
    EXPECT_EQ(h.events(EventType::kTermLimitReached).size(), c.limit_event ? 1u : 0u) << c.why;
    if (!c.reelected) {  // nobody else is eligible: not re-elected, serves on until replaced
      EXPECT_TRUE(h.events(EventType::kVacancyOpened).empty()) << c.why;
      EXPECT_TRUE(h.world.posts[n.post].outgoing) << c.why;
      EXPECT_FALSE(unplaced(h, id)) << c.why;
    }
  }
}

TEST(Terms, AnElectionOnlyRefillsTitlesOfItsTenureOnItsLevels) {
  RuleHarness h(quiet_scenario(), kElectionDay);
  RuleHarness::NewCadre chair, sec, dchair;
  chair.post = h.post("d1-c-01", "c-chair");  // state term, commune
  chair.consecutive_terms = 2;
  // Too close to retirement for a first election (60 months): not a candidate for c-sec.
  chair.retirement_date = kernel::add_months(kElectionDay, 48);
  sec.post = h.post("d1-c-01", "c-sec");  // party term, commune
  sec.consecutive_terms = 2;
  dchair.post = h.post("d1", "d-chair");  // state term, district
  dchair.home = h.unit("d2");
  dchair.consecutive_terms = 2;
  const CadreId a = h.add(chair);
  const CadreId b = h.add(sec);
  const CadreId c = h.add(dchair);
  rules::RuleContext ctx = h.ctx();
  rules::hold_election(ctx, commune_election(h), TenureKind::kPartyTerm);  // a commune congress
  EXPECT_EQ(h.world.posts[chair.post].holder, a);
  EXPECT_EQ(h.world.posts[sec.post].holder, b);  // held over: nobody eligible
  EXPECT_TRUE(h.world.posts[sec.post].outgoing);
  EXPECT_FALSE(h.world.posts[chair.post].outgoing);
  EXPECT_EQ(h.world.posts[dchair.post].holder, c);
  EXPECT_FALSE(h.world.posts[dchair.post].outgoing);
}

// The limit is about the same post: a head who left at the limit may be placed in an
// equivalent post elsewhere, but never back into the post just left (which would restart the
// count), and neither may an incumbent who was not re-elected for age.
TEST(Terms, AHeadWhoLeftAtTheLimitIsNotPlacedBackIntoTheSamePost) {
  for (bool at_limit : {true, false}) {
    model::Scenario s = quiet_scenario();
    s.appointment.acting_probability = 0;
    RuleHarness h(std::move(s), kElectionDay);
    RuleHarness::NewCadre n;
    n.post = h.post("d1-c-01", "c-chair");
    n.consecutive_terms = at_limit ? 2 : 1;
    n.retirement_date = at_limit ? ymd(2045, 1, 31) : ymd(2029, 1, 31);  // 31 months: too old
    const CadreId id = h.add(n);
    const PostId elsewhere = h.post("d2-c-04", "c-chair");
    rules::RuleContext ctx = h.ctx();
    rules::open_vacancy(ctx, elsewhere, events::kReasonExit);
    rules::hold_election(ctx, commune_election(h), TenureKind::kStateTerm);
    // Nobody else is eligible: the incumbent serves on, never re-elected into the post (the
    // count is not restarted) while fill attempts keep looking for a successor.
    ASSERT_EQ(h.world.posts[n.post].holder, id);
    EXPECT_TRUE(h.world.posts[n.post].outgoing);
    h.advance_to(kernel::add_months(kElectionDay, 30));
    EXPECT_EQ(h.world.cadres[id].consecutive_terms, n.consecutive_terms)
        << (at_limit ? "at the limit" : "too old");
    EXPECT_NE(h.world.posts[elsewhere].holder, id) << (at_limit ? "at the limit" : "too old");
  }
}

// --- Appointed titles ---------------------------------------------------------------------

// engine-small's staff titles are appointed; for a head we make the commune chair an appointed
// head title (plain data edit before the harness is built).
model::Scenario appointed_scenario() {
  model::Scenario s = quiet_scenario();
  auto& t = s.organisation.titles[s.organisation.find_title("c-chair")];
  t.tenure = TenureKind::kAppointed;
  EXPECT_TRUE(t.head);
  return s;
}

struct AppointmentCase {
  const char* title;
  int consecutive_terms;
  Day retirement;
  int months;
  const char* outcome;  // "reappointed", "extended", "leaves"
  const char* why;
};

TEST(Terms, AppointmentEndsInReappointmentExtensionOrDepartureAtTheLimit) {
  const Day today = ymd(2024, 3, 1);
  // From 2024-03-01: 2026-03-31 is 24 whole months away, 2026-02-28 only 23.
  const AppointmentCase cases[] = {
      {"c-staff", 1, ymd(2040, 1, 31), 190, "reappointed", "young staff"},
      {"c-staff", 5, ymd(2040, 1, 31), 190, "reappointed", "no limit for non-heads"},
      {"c-staff", 1, ymd(2026, 3, 31), 24, "reappointed", "exactly 24 months: a new appointment"},
      {"c-staff", 1, ymd(2026, 2, 28), 23, "extended", "23 months: extended to retirement"},
      {"c-chair", 1, ymd(2040, 1, 31), 190, "reappointed", "head under the limit"},
      {"c-chair", 1, ymd(2025, 6, 30), 15, "extended", "head under the limit near retirement"},
      {"c-chair", 2, ymd(2040, 1, 31), 190, "serves on", "head at the limit, no successor"},
  };
  for (const auto& c : cases) {
    RuleHarness h(appointed_scenario(), today);
    RuleHarness::NewCadre n;
    n.post = h.post("d3-c-02", c.title);
    n.consecutive_terms = c.consecutive_terms;
    n.retirement_date = c.retirement;
    const CadreId id = h.add(n);
    h.world.cadres[id].term_end = today;
    ASSERT_EQ(rules::months_to_retirement(h.world.cadres[id], today), c.months) << c.why;
    const std::size_t pending = h.sim.pending();
    rules::RuleContext ctx = h.ctx();
    rules::appointment_term_end(ctx, id);
    const auto& cadre = h.world.cadres[id];
    const std::string outcome = c.outcome;
    if (outcome == "reappointed") {
      EXPECT_EQ(cadre.post, n.post) << c.why;
      EXPECT_EQ(cadre.consecutive_terms, c.consecutive_terms + 1) << c.why;
      EXPECT_EQ(cadre.term_end, ymd(2029, 3, 1)) << c.why;
      EXPECT_EQ(h.sim.pending(), pending + 1) << c.why;  // the next term end
    } else if (outcome == "extended") {
      EXPECT_EQ(cadre.post, n.post) << c.why;
      EXPECT_EQ(cadre.consecutive_terms, c.consecutive_terms) << c.why;
      EXPECT_EQ(cadre.term_end, c.retirement) << c.why;
      EXPECT_EQ(h.sim.pending(), pending) << c.why;  // retirement ends it
    } else {
      // At the limit with nobody to take over: serves until a successor is found.
      EXPECT_EQ(cadre.post, n.post) << c.why;
      EXPECT_TRUE(h.world.posts[n.post].outgoing) << c.why;
      ASSERT_EQ(h.events(EventType::kTermLimitReached).size(), 1u) << c.why;
      EXPECT_TRUE(h.events(EventType::kVacancyOpened).empty()) << c.why;
    }
    if (outcome != "serves on") {
      EXPECT_TRUE(h.log.empty()) << c.why;
    }
  }
}

TEST(Terms, AReappointmentIsFollowedByTheNextTermEndFiveYearsLater) {
  const Day today = ymd(2021, 1, 15);
  RuleHarness h(appointed_scenario(), today);
  RuleHarness::NewCadre n;
  n.post = h.post("d1-c-03", "c-chair");
  n.birth = ymd(1985, 4, 4);
  const CadreId id = h.add(n);
  h.world.cadres[id].term_end = today;
  rules::RuleContext ctx = h.ctx();
  rules::appointment_term_end(ctx, id);
  EXPECT_EQ(h.world.cadres[id].consecutive_terms, 2);
  h.advance_to(ymd(2026, 1, 14));
  EXPECT_EQ(h.world.cadres[id].post, n.post);
  // The second appointment ends: the head at the limit has nobody to hand over to in this
  // hand-built world, so serves on as the outgoing holder until a successor takes over.
  h.advance_to(ymd(2026, 1, 15));
  EXPECT_EQ(h.world.cadres[id].post, n.post);
  EXPECT_TRUE(h.world.posts[n.post].outgoing);
  EXPECT_EQ(h.events(EventType::kTermLimitReached).size(), 1u);
}

TEST(Terms, AStaleAppointmentEndIsIgnoredAfterTheCadreMoved) {
  const Day today = ymd(2023, 9, 1);
  RuleHarness h(appointed_scenario(), today);
  RuleHarness::NewCadre n;
  n.post = h.post("d1-c-01", "c-chair");
  n.consecutive_terms = 2;
  const CadreId id = h.add(n);
  h.world.cadres[id].term_end = ymd(2025, 1, 1);  // a later appointment superseded this event
  rules::RuleContext ctx = h.ctx();
  rules::appointment_term_end(ctx, id);
  EXPECT_EQ(h.world.cadres[id].post, n.post);
  EXPECT_TRUE(h.log.empty());
}

TEST(Terms, TakingAnAppointedPostStartsAFiveYearAppointment) {
  const Day today = ymd(2022, 5, 20);
  RuleHarness h(appointed_scenario(), today);
  RuleHarness::NewCadre n;  // no post yet
  const CadreId id = h.add(n);
  const PostId p = h.post("d2-c-01", "c-chair");
  h.world.posts[p].vacant_since = ymd(2022, 1, 1);
  rules::RuleContext ctx = h.ctx();
  rules::take_post(ctx, id, p, EventType::kAppointed, events::kReasonPlacement);
  EXPECT_EQ(h.world.cadres[id].term_end, ymd(2027, 5, 20));
  EXPECT_EQ(h.world.cadres[id].consecutive_terms, 1);
  const auto closed = h.events(EventType::kVacancyClosed);
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].value, today - ymd(2022, 1, 1));
}

}  // namespace
}  // namespace cadresim::enginetest
