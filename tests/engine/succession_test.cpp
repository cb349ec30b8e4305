// Succession planning (sim/rules/succession.cpp): the limits N (candidates per post) and M
// (posts per candidate), only higher posts, the planning age (a full term before retirement at
// the start of the term planned for), readiness at its thresholds, and binding structure
// targets. Hand-built worlds on the organisation of tests/data/engine-small.json, plus the
// limits checked after every review of whole runs.
#include <gtest/gtest.h>

#include <algorithm>  // std::max: the bound field by field
#include <limits>     // the empty and unknown bounds
#include <map>        // per-post and per-cadre counts

#include "engine_test_support.hpp"
#include "sim/engine/engine.hpp"
#include "sim/rules/non_native.hpp"
#include "sim/rules/succession.hpp"

namespace cadresim::enginetest {
namespace {

using model::Readiness;

// The review of 2021-12-01: the next state term (commune chairs) starts 2026-06-01, the next
// party term (commune secretaries) 2025-07-01.
const Day kReview = ymd(2021, 12, 1);

model::Scenario scenario_with(int n, int m) {
  model::Scenario s = small();
  s.succession.max_candidates_per_post = n;
  s.succession.max_posts_per_candidate = m;
  s.succession.removal_probability_per_year = 0;
  return s;
}

// Four commune vice-chairs of district d1. The managing unit of a d1 commune's chair and
// secretary is d1, so each of them is a candidate for all 8 key posts of d1's communes.
std::vector<CadreId> add_d1_vices(RuleHarness& h,
                                  std::vector<double> competence = {0.9, 0.8, 0.7, 0.65}) {
  std::vector<CadreId> ids;
  for (int k = 0; k < 4; ++k) {
    RuleHarness::NewCadre n;
    n.post = h.post("d1-c-0" + std::to_string(k + 1), "c-vice");
    n.birth = ymd(1980, 1, 1);
    n.competence = competence[static_cast<std::size_t>(k)];
    ids.push_back(h.add(n));
  }
  return ids;
}

std::vector<PostId> d1_key_posts(const RuleHarness& h) {
  std::vector<PostId> posts;
  for (int k = 1; k <= 4; ++k)
    for (const char* t : {"c-chair", "c-sec"})
      posts.push_back(h.post("d1-c-0" + std::to_string(k), t));
  return posts;
}

struct LimitCase {
  int n, m;
  std::size_t entries;  // expected total: every post takes min(N, free candidates) in turn
};

// The deputy search ranks holders by candidate_score_base computed from their compact summary
// (World::candidate_summary); it must give the very same number as the record, at every level
// and for every rating (kNone too), with experience below and above the 60 months the score
// counts; and the month-end pass's one-month update must leave the summary a fresh one would be.
TEST(Succession, TheCandidateSummaryScoresAsTheRecordDoes) {
  RuleHarness h(load_scenario("scenarios/dien-bien/baseline.json"), ymd(2026, 3, 1));
  const rules::RuleContext ctx = h.ctx();
  kernel::RandomStream rs(kernel::RandomKey(5, 0), 1, 0);
  for (int draw = 0; draw < 2000; ++draw) {
    model::Cadre c;
    c.competence = rs.uniform();
    c.rating = static_cast<model::Rating>(draw % 5);
    for (auto& m : c.experience_months)
      m = static_cast<std::uint16_t>(rs.uniform() < 0.3 ? 0 : rs.uniform() * 80);
    model::CandidateSummary s = rules::candidate_summary(c);
    for (model::LevelId level = 0; level < model::kMaxLevels; ++level)
      ASSERT_EQ(rules::candidate_score_base(ctx, s, level),
                rules::candidate_score_base(ctx, c, level))
          << "draw " << draw << " level " << int{level};
    const auto served = static_cast<model::LevelId>(draw % model::kMaxLevels);
    ++c.experience_months[served];
    rules::count_month_served(s, served);
    ASSERT_EQ(s, rules::candidate_summary(c)) << "draw " << draw << " level " << int{served};
  }
  // A new rating is recorded in the summary of a cadre the array holds (and only there).
  h.world.cadres.resize(2);
  h.world.candidate_summary = {rules::candidate_summary(h.world.cadres[0])};
  rules::RuleContext writable = h.ctx();
  for (const auto r : {model::Rating::kExcellent, model::Rating::kNotCompleted}) {
    h.world.cadres[0].rating = h.world.cadres[1].rating = r;
    rules::refresh_candidate_summary(writable, 0);
    rules::refresh_candidate_summary(writable, 1);  // past the end: nothing to write
    ASSERT_EQ(h.world.candidate_summary.size(), 1u);
    EXPECT_EQ(h.world.candidate_summary[0], rules::candidate_summary(h.world.cadres[0]));
  }
}

// count_month_served counts a month in all the summary's counts below the level at once (bytes
// of one word); it must do exactly what one count at a time does: each count below the level one
// more until the 60-month cap, and nothing else touched (the rating, the counts at and above the
// level, the competence). Checked from every count at 57..60 and from zero for 70 months (every
// count reaches the cap and stays), at every level and rating.
TEST(Succession, AMonthServedCountsAsOneCountAtATimeWould) {
  auto one_at_a_time = [](model::CandidateSummary s, model::LevelId level) {
    for (std::size_t l = 0; l < s.months_below.size() && l < level; ++l)
      if (s.months_below[l] < rules::kScoredLowerLevelMonths) ++s.months_below[l];
    return s;
  };
  for (model::LevelId level = 0; level < model::kMaxLevels; ++level)
    for (std::uint8_t rating = 0; rating < model::kRatingGrades; ++rating) {
      model::CandidateSummary s;
      s.competence = 0.25 * rating;
      s.rating = rating;
      for (int month = 0; month < 70; ++month) {
        const model::CandidateSummary expected = one_at_a_time(s, level);
        rules::count_month_served(s, level);
        ASSERT_EQ(s, expected) << "level " << int{level} << ", month " << month;
      }
      for (std::uint8_t start = 57; start <= 60; ++start)
        for (std::size_t at = 0; at < s.months_below.size(); ++at) {
          model::CandidateSummary t;
          t.rating = rating;
          for (std::size_t l = 0; l < t.months_below.size(); ++l)
            t.months_below[l] = static_cast<std::uint8_t>(l == at ? start : (l * 7) % 61);
          const model::CandidateSummary expected = one_at_a_time(t, level);
          rules::count_month_served(t, level);
          ASSERT_EQ(t, expected) << "level " << int{level} << ", count " << at << " at "
                                 << int{start};
        }
    }
}

// model::SummaryBound::cover takes the larger of the rating and each month count byte by byte,
// all in one word; it must give what a plain max per field gives, for counts 0..60 and every
// rating index, and the bound's score (rules::SummaryBoundScore) must be at least every covered
// summary's candidate_score_base at every level (the deputy search skips a block on it). Random
// summaries, 1,000 blocks of 1 to 8; plus the empty block (−∞) and a holder without a summary
// (+∞).
TEST(Succession, ABlockBoundCoversEverySummaryAndScoresAtLeastEach) {
  RuleHarness h(load_scenario("scenarios/dien-bien/baseline.json"), ymd(2026, 3, 1));
  const rules::RuleContext ctx = h.ctx();
  kernel::RandomStream rs(kernel::RandomKey(11, 0), 1, 0);
  for (int block = 0; block < 1000; ++block) {
    model::SummaryBound bound;
    double competence = -std::numeric_limits<double>::infinity();
    std::uint8_t rating = 0;
    std::array<std::uint8_t, model::kMaxLevels - 1> months{};
    std::vector<model::CandidateSummary> held;
    const int n = 1 + block % 8;
    for (int k = 0; k < n; ++k) {
      model::CandidateSummary s;
      s.competence = rs.uniform() * 2 - 0.5;
      s.rating = static_cast<std::uint8_t>(rs.uniform() * model::kRatingGrades);
      for (auto& m : s.months_below)
        m = static_cast<std::uint8_t>(rs.uniform() < 0.2   ? 0
                                      : rs.uniform() < 0.2 ? rules::kScoredLowerLevelMonths
                                                           : rs.uniform() * 61);
      bound.cover(s);
      competence = std::max(competence, s.competence);
      rating = std::max(rating, s.rating);
      for (std::size_t l = 0; l < months.size(); ++l)
        months[l] = std::max(months[l], s.months_below[l]);
      held.push_back(s);
    }
    ASSERT_EQ(bound.competence, competence) << "block " << block;
    ASSERT_EQ(int{bound.rating}, int{rating}) << "block " << block;
    ASSERT_EQ(bound.months_below, months) << "block " << block;
    for (model::LevelId level = 0; level < model::kMaxLevels; ++level) {
      const rules::SummaryBoundScore score(ctx, level);
      for (const model::CandidateSummary& s : held) {
        ASSERT_TRUE(bound.covers(s)) << "block " << block;
        ASSERT_GE(score(bound), rules::candidate_score_base(ctx, s, level))
            << "block " << block << " level " << int{level};
      }
    }
    model::CandidateSummary above = held.front();
    above.competence = competence + 1;
    EXPECT_FALSE(bound.covers(above));
    above = held.front();
    above.months_below[block % above.months_below.size()] = 61;
    EXPECT_FALSE(bound.covers(above));
  }
  model::SummaryBound empty;
  const rules::SummaryBoundScore score(ctx, 0);
  EXPECT_EQ(score(empty), -std::numeric_limits<double>::infinity());
  empty.cover_unknown();
  EXPECT_EQ(score(empty), std::numeric_limits<double>::infinity());
}

TEST(Succession, PlanningNeverExceedsNCandidatesPerPostOrMPostsPerCandidate) {
  // 8 key posts, 4 candidates each eligible for all of them.
  const LimitCase cases[] = {
      {3, 3, 12},               // candidates saturate first: 4 x 3
      {1, 8, 8},                // posts saturate first: 8 x 1
      {3, 1, 4},                // one post each
      {2, 2, 8},  {5, 20, 32},  // N above the 4 candidates: every candidate on every post
  };
  for (const auto& c : cases) {
    RuleHarness h(scenario_with(c.n, c.m), kReview);
    const auto ids = add_d1_vices(h);
    rules::RuleContext ctx = h.ctx();
    rules::planning_review(ctx, 2021);
    EXPECT_EQ(h.world.plan.size(), c.entries) << "N=" << c.n << " M=" << c.m;
    for (PostId p : d1_key_posts(h))
      EXPECT_LE(h.planned_for(p), c.n) << "N=" << c.n << " M=" << c.m;
    for (CadreId id : ids) {
      int count = 0;
      for (const auto& e : h.world.plan) count += e.cadre == id;
      EXPECT_LE(count, c.m);
      EXPECT_EQ(h.world.plan_count[id], count);
    }
    EXPECT_EQ(h.events(EventType::kPlanned).size(), c.entries);
    // A second review adds nothing: the limits hold across reviews.
    h.log.clear();
    rules::planning_review(ctx, 2022);
    EXPECT_EQ(h.world.plan.size(), c.entries);
    EXPECT_TRUE(h.events(EventType::kPlanned).empty());
  }
}

TEST(Succession, ThePostTakesItsNBestCandidatesByCompetence) {
  RuleHarness h(scenario_with(3, 8), kReview);
  const auto ids = add_d1_vices(h, {0.62, 0.91, 0.55, 0.80});
  rules::RuleContext ctx = h.ctx();
  rules::planning_review(ctx, 2021);
  const PostId p = h.post("d1-c-01", "c-chair");
  EXPECT_TRUE(h.is_planned(ids[1], p));
  EXPECT_TRUE(h.is_planned(ids[3], p));
  EXPECT_TRUE(h.is_planned(ids[0], p));
  EXPECT_FALSE(h.is_planned(ids[2], p));
}

TEST(Succession, OnlyAHigherPostThanTheOneHeldCanBePlanned) {
  RuleHarness h(scenario_with(3, 3), kReview);
  RuleHarness::NewCadre vice, dvice, sec;
  vice.post = h.post("d1-c-01", "c-vice");  // rank 20
  dvice.post = h.post("d1", "d-vice");      // rank 50
  sec.post = h.post("d1-c-02", "c-sec");    // rank 40
  const CadreId a = h.add(vice);
  const CadreId b = h.add(dvice);
  const CadreId c = h.add(sec);
  rules::RuleContext ctx = h.ctx();
  const PostId chair = h.post("d1-c-01", "c-chair");  // rank 30
  const PostId sec2 = h.post("d1-c-02", "c-sec");
  const Day start = ymd(2026, 6, 1);
  EXPECT_TRUE(rules::may_plan(ctx, a, chair, start));
  EXPECT_FALSE(rules::may_plan(ctx, b, chair, start));  // lower post
  EXPECT_FALSE(rules::may_plan(ctx, c, sec2, start));   // same rank (its own post)
  EXPECT_FALSE(rules::may_plan(ctx, c, chair, start));  // lower post
  h.world.cadres[a].post = model::kNoPost;              // without a post: not plannable
  EXPECT_FALSE(rules::may_plan(ctx, a, chair, start));
}

// Planning age: a full term (60 months) before retirement, counted from the start of the term
// planned for. A vice-chair retiring 2031-05-31 has 59 months from the state term of
// 2026-06-01 (commune chair) but 70 from the party term of 2025-07-01 (commune secretary).
TEST(Succession, PlanningNeedsAFullTermBeforeRetirementAtTheStartOfThatTerm) {
  struct Case {
    Day retirement;
    bool chair, secretary;
  } cases[] = {
      {ymd(2031, 5, 31), false, true},   // 59 months from 2026-06-01, 70 from 2025-07-01
      {ymd(2031, 6, 30), true, true},    // exactly 60 from 2026-06-01
      {ymd(2030, 6, 30), false, false},  // 59 from 2025-07-01
      {ymd(2030, 7, 31), false, true},   // exactly 60 from 2025-07-01
  };
  for (const auto& c : cases) {
    RuleHarness h(scenario_with(3, 3), kReview);
    RuleHarness::NewCadre n;
    n.post = h.post("d1-c-01", "c-vice");
    n.retirement_date = c.retirement;
    const CadreId id = h.add(n);
    const PostId chair = h.post("d1-c-01", "c-chair");
    const PostId sec = h.post("d1-c-01", "c-sec");
    rules::RuleContext ctx = h.ctx();
    EXPECT_EQ(rules::next_term_start(ctx, chair), ymd(2026, 6, 1));
    EXPECT_EQ(rules::next_term_start(ctx, sec), ymd(2025, 7, 1));
    rules::planning_review(ctx, 2021);
    EXPECT_EQ(h.is_planned(id, chair), c.chair) << kernel::format_iso_date(c.retirement);
    EXPECT_EQ(h.is_planned(id, sec), c.secretary) << kernel::format_iso_date(c.retirement);
  }
}

TEST(Succession, ACandidateWhoAgesOutOrFailsTheReviewLeavesThePlan) {
  model::Scenario s = scenario_with(3, 3);
  RuleHarness h(std::move(s), kReview);
  RuleHarness::NewCadre old, young;
  old.post = h.post("d1-c-01", "c-vice");
  old.retirement_date = ymd(2031, 5, 31);  // ages out of the chair's 2026 term
  young.post = h.post("d1-c-02", "c-vice");
  young.birth = ymd(1985, 1, 1);
  const CadreId a = h.add(old);
  const CadreId b = h.add(young);
  const PostId chair = h.post("d1-c-01", "c-chair");
  h.plan(a, chair);
  h.plan(b, chair);
  rules::RuleContext ctx = h.ctx();
  rules::planning_review(ctx, 2021);
  EXPECT_FALSE(h.is_planned(a, chair));
  EXPECT_TRUE(h.is_planned(b, chair));
  bool aged_out = false;
  for (const auto& e : h.events(EventType::kUnplanned))
    aged_out = aged_out || (e.cadre == a && e.to == chair && e.reason == events::kReasonAgedOut);
  EXPECT_TRUE(aged_out);
  // With a removal probability of 1 every remaining entry leaves for an unmodelled cause.
  h.scenario.succession.removal_probability_per_year = 1;
  h.log.clear();
  rules::planning_review(ctx, 2022);
  bool other = false;
  for (const auto& e : h.events(EventType::kUnplanned))
    other = other || (e.cadre == b && e.to == chair && e.reason == events::kReasonOtherCause);
  EXPECT_TRUE(other);
}

// Readiness for a district chair (the level below, commune, counts as lower-level experience):
// ready now needs competence >= 0.6, >= 24 months in post and >= 36 months below; ready later
// needs competence >= 0.4. For a commune post (the lowest level) lower-level experience is not
// required.
TEST(Succession, ReadinessCategoriesChangeExactlyAtTheirThresholds) {
  struct Case {
    double competence;
    int months_in_post;
    std::uint16_t lower_months;
    bool commune_target;
    Readiness expected;
  } cases[] = {
      {0.60, 24, 36, false, Readiness::kReadyNow},   {0.95, 120, 200, false, Readiness::kReadyNow},
      {0.59, 24, 36, false, Readiness::kReadyLater}, {0.60, 23, 36, false, Readiness::kReadyLater},
      {0.60, 24, 35, false, Readiness::kReadyLater}, {0.40, 0, 0, false, Readiness::kReadyLater},
      {0.39, 24, 36, false, Readiness::kNotReady},   {0.60, 24, 0, true, Readiness::kReadyNow},
      {0.60, 23, 0, true, Readiness::kReadyLater},
  };
  for (const auto& c : cases) {
    RuleHarness h(scenario_with(3, 3), kReview);
    RuleHarness::NewCadre n;
    n.post = c.commune_target ? h.post("d1-c-01", "c-vice") : h.post("d1-c-01", "c-sec");
    n.home = h.unit("d2-c-01");
    n.competence = c.competence;
    n.months_in_post = c.months_in_post;
    n.experience[static_cast<std::size_t>(h.org().find_level("commune"))] = c.lower_months;
    const CadreId id = h.add(n);
    const PostId target = c.commune_target ? h.post("d1-c-01", "c-chair") : h.post("d1", "d-chair");
    rules::RuleContext ctx = h.ctx();
    EXPECT_EQ(rules::readiness(ctx, id, target), c.expected)
        << "competence " << c.competence << ", " << c.months_in_post << " months in post, "
        << c.lower_months << " months below";
    // The loop form (the months-in-post floor worked out once) gives the same.
    EXPECT_EQ(rules::ReadinessCheck(ctx)(id, target), c.expected);
  }
}

// Binding structure targets: while the share of women in the plan is below the target, women
// rank first. Three strong men and one weaker woman compete for 8 posts, one candidate each.
// Non-binding: the best man everywhere (0 % women). Binding (25 %): the woman takes the first
// post (0/1 < 25 %) and the fifth (1/5 < 25 %), ending at 2/8 = 25 %.
TEST(Succession, BindingTargetsRaiseTheShareOfWomenInThePlan) {
  double share[2];
  for (bool binding : {false, true}) {
    model::Scenario s = scenario_with(1, 8);
    s.succession.targets_binding = binding;
    s.succession.women_target_share = 0.25;
    s.succession.young_target_share = 0;
    RuleHarness h(std::move(s), kReview);
    const auto ids = add_d1_vices(h, {0.9, 0.85, 0.8, 0.7});
    h.world.cadres[ids[3]].sex = model::Sex::kFemale;
    rules::RuleContext ctx = h.ctx();
    rules::planning_review(ctx, 2021);
    ASSERT_EQ(h.world.plan.size(), 8u);
    int women = 0;
    for (const auto& e : h.world.plan) women += h.world.cadres[e.cadre].sex == model::Sex::kFemale;
    share[binding] = women / 8.0;
  }
  EXPECT_EQ(share[0], 0.0);
  EXPECT_EQ(share[1], 0.25);
}

// The same on a whole world: the initial review of engine-small with a 40 % women target.
TEST(Succession, BindingTargetsRaiseTheWomenShareOfTheInitialPlanOfARun) {
  double share[2];
  std::size_t size[2];
  for (bool binding : {false, true}) {
    model::Scenario s = small();
    s.succession.women_target_share = 0.4;
    s.succession.targets_binding = binding;
    engine::Engine e(s, 11, 0);
    const auto& w = e.world();
    int women = 0;
    for (const auto& p : w.plan) women += w.cadres[p.cadre].sex == model::Sex::kFemale;
    size[binding] = w.plan.size();
    share[binding] =
        w.plan.empty() ? 0 : static_cast<double>(women) / static_cast<double>(w.plan.size());
  }
  ASSERT_GT(size[0], 10u);
  ASSERT_GT(size[1], 10u);
  EXPECT_GT(share[1], share[0]);
}

// --- Whole runs -------------------------------------------------------------------------

// Checks the plan right after every annual review (run_until the review day: nothing else
// happens later on that day but the month end, which reviews never share): limits, key posts
// only, a higher post, a full term before retirement at the next term start, non-native rule,
// no duplicates, plan_count consistent, readiness as recorded; a cadre waiting for a placement
// keeps the entries planned from the last post held.
void check_plan_after_review(const model::Scenario& s, const model::World& w, Day today,
                             const std::string& where) {
  const auto& org = s.organisation;
  const auto& p = s.succession;
  std::map<PostId, int> per_post;
  std::map<CadreId, int> per_cadre;
  std::map<std::pair<CadreId, PostId>, int> pairs;
  for (const auto& e : w.plan) {
    const auto& c = w.cadres[e.cadre];
    ++per_post[e.post];
    ++per_cadre[e.cadre];
    const std::pair<CadreId, PostId> pair{e.cadre, e.post};
    ASSERT_EQ(++pairs[pair], 1) << where << ": duplicate entry";
    ASSERT_TRUE(org.title_of(e.post).key) << where;
    ASSERT_EQ(c.status, model::CadreStatus::kActive) << where;
    // A cadre moved aside (no post, waiting for a placement) keeps the plan: the last post held
    // is the one that counts.
    const PostId held = c.post != model::kNoPost ? c.post : c.last_post;
    ASSERT_NE(held, model::kNoPost) << where;
    // A higher post, or an equivalent one elsewhere for a head at the term limit (term-limit
    // rotation designated at an election's preparation).
    const model::Title& from = org.title_of(held);
    const int limit = rules::term_limit(s, from);
    const bool term_limit_move =
        c.post != model::kNoPost && from.head && limit > 0 && c.consecutive_terms >= limit &&
        from.level == org.title_of(e.post).level && org.title_of(e.post).rank <= from.rank &&
        org.posts[held].unit != org.posts[e.post].unit;
    if (!term_limit_move) {
      ASSERT_LT(org.title_of(held).rank, org.title_of(e.post).rank)
          << where << ": not a higher post";
    }
    ASSERT_TRUE(rules::non_native_allows(org, c, e.post)) << where;
    // Next term start of the target's title on its level (today for appointed titles).
    Day start = today;
    const auto& t = org.title_of(e.post);
    const auto* list = t.tenure == model::TenureKind::kPartyTerm   ? &s.calendar.party_congresses
                       : t.tenure == model::TenureKind::kStateTerm ? &s.calendar.state_elections
                                                                   : nullptr;
    if (list != nullptr)
      for (const auto& el : *list)
        if (el.date > today && std::find(el.levels.begin(), el.levels.end(),
                                         org.level_of(e.post)) != el.levels.end()) {
          start = el.date;
          break;
        }
    ASSERT_GE(kernel::whole_months_between(start, c.retirement_date),
              p.planning_min_months_before_retirement)
        << where << ": planned without a full term before retirement";
    // Readiness as recomputed by the review.
    const bool lowest = org.level_of(e.post) + 1u >= org.levels.size();
    int lower = 0;
    for (std::size_t l = org.level_of(e.post) + 1u; l < model::kMaxLevels; ++l)
      lower += c.experience_months[l];
    const bool rated = c.rating == model::Rating::kNone || c.rating >= p.ready_min_rating;
    const bool now =
        c.competence >= p.ready_min_competence && rated &&
        kernel::whole_months_between(c.equivalent_since, today) >= p.ready_min_months_in_post &&
        (lowest || lower >= p.ready_min_months_lower_level);
    const Readiness expected = now                                      ? Readiness::kReadyNow
                               : c.competence >= p.later_min_competence ? Readiness::kReadyLater
                                                                        : Readiness::kNotReady;
    ASSERT_EQ(e.readiness, expected) << where;
  }
  for (const auto& [post, n] : per_post) ASSERT_LE(n, p.max_candidates_per_post) << where;
  for (const auto& [cadre, n] : per_cadre) {
    ASSERT_LE(n, p.max_posts_per_candidate) << where;
    ASSERT_EQ(w.plan_count[cadre], n) << where;
  }
}

TEST(Succession, LimitsAndEligibilityHoldAfterEveryReviewOfAWholeRun) {
  struct Case {
    int n, m;
  } cases[] = {{3, 3}, {1, 1}, {2, 1}, {1, 2}};
  for (const auto& c : cases) {
    for (std::uint64_t seed : {1u, 2u}) {
      model::Scenario s = small();
      s.succession.max_candidates_per_post = c.n;
      s.succession.max_posts_per_candidate = c.m;
      engine::Engine e(s, seed, 0);
      const std::string where0 = "N=" + std::to_string(c.n) + " M=" + std::to_string(c.m) +
                                 " seed " + std::to_string(seed);
      check_plan_after_review(s, e.world(), s.calendar.start, where0 + " initial review");
      ASSERT_FALSE(e.world().plan.empty());
      for (int year = 2020; year <= 2030; ++year) {
        const Day review = ymd(year, s.succession.review_date.month, s.succession.review_date.day);
        e.run_until(review);
        check_plan_after_review(s, e.world(), review, where0 + " review " + std::to_string(year));
        if (HasFatalFailure()) return;
      }
    }
  }
}

// Between reviews the plan only shrinks, so the limits hold at every month end too.
class PlanLimitObserver : public engine::Observer {
 public:
  explicit PlanLimitObserver(const model::SuccessionParams& p) : p_(p) {}
  void on_month_end(Day day, const model::World& w) override {
    std::map<PostId, int> per_post;
    std::map<CadreId, int> per_cadre;
    for (const auto& e : w.plan) {
      ++per_post[e.post];
      ++per_cadre[e.cadre];
      if (w.cadres[e.cadre].status != model::CadreStatus::kActive) ++violations;
    }
    for (const auto& [post, n] : per_post) violations += n > p_.max_candidates_per_post;
    for (const auto& [cadre, n] : per_cadre)
      violations += n > p_.max_posts_per_candidate || w.plan_count[cadre] != n;
    ++months;
    (void)day;
  }
  int violations = 0;
  int months = 0;

 private:
  const model::SuccessionParams& p_;
};

TEST(Succession, LimitsHoldAtEveryMonthEndOfAWholeRun) {
  model::Scenario s = small();
  s.succession.max_candidates_per_post = 2;
  s.succession.max_posts_per_candidate = 1;
  engine::Engine e(s, 5, 1);
  PlanLimitObserver obs(s.succession);
  e.add_observer(obs);
  e.run();
  EXPECT_EQ(obs.months, 126);
  EXPECT_EQ(obs.violations, 0);
}

}  // namespace
}  // namespace cadresim::enginetest
