// Appointment sources (sim/rules/appointment.cpp) at their thresholds: a deputy is promoted only
// with enough whole months in post and before retirement, counted as the calendar counts them
// (kernel::whole_months_between: a month is completed when the day of month is reached,
// clamped at month ends); a cadre without a post is placed only at an equivalent post.
// Statistical checks of the delays are in statistics_test.cpp.
#include <gtest/gtest.h>

#include "engine_test_support.hpp"
#include "sim/engine/invariants.hpp"  // the deputy test's worlds are consistent
#include "sim/rules/non_native.hpp"   // the plain scans of the placement and deputy tests
#include "sim/rules/succession.hpp"   // candidate_score, managing_unit: the plain deputy scan

namespace cadresim::enginetest {
namespace {

// engine-small defaults: promotion needs 24 months in the current or an equivalent post and 60
// months before retirement.
TEST(Appointment, ADeputyIsPromotedOnlyWithTheWholeMonthsRequiredInPostAndBeforeRetirement) {
  struct Case {
    Day today, post_since, retirement;
    bool promoted;
    const char* why;
  } cases[] = {
      {ymd(2023, 6, 15), ymd(2021, 6, 15), ymd(2040, 1, 31), true, "exactly 24 months in post"},
      {ymd(2023, 6, 15), ymd(2021, 6, 16), ymd(2040, 1, 31), false, "a day short of 24 months"},
      {ymd(2023, 2, 28), ymd(2021, 1, 31), ymd(2040, 1, 31), true, "31 Jan + 25 months = 28 Feb"},
      {ymd(2022, 2, 28), ymd(2020, 2, 29), ymd(2040, 1, 31), true,
       "29 Feb 2020 + 24 months = 28 Feb 2022 (clamped): 24 whole months"},
      {ymd(2023, 3, 31), ymd(2021, 3, 31), ymd(2028, 3, 31), true,
       "exactly 60 months before retirement"},
      {ymd(2023, 3, 31), ymd(2021, 3, 31), ymd(2028, 2, 29), false, "59 months before retirement"},
  };
  for (const auto& c : cases) {
    RuleHarness h(small(), c.today);
    RuleHarness::NewCadre n;
    n.post = h.post("d1-c-02", "c-vice");
    n.retirement_date = c.retirement;
    const CadreId id = h.add(n);
    h.world.cadres[id].post_since = c.post_since;
    h.world.cadres[id].equivalent_since = c.post_since;  // the rule reads the equivalent clock
    const PostId chair = h.post("d1-c-01", "c-chair");
    rules::RuleContext ctx = h.ctx();
    EXPECT_EQ(rules::best_deputy(ctx, chair) == id, c.promoted) << c.why;
  }
}

// A cadre left without a post (here a head who left at the term limit) is placed at a post of
// the same level and a rank not above the last one held; never higher, never another level.
TEST(Appointment, ACadreWithoutAPostIsPlacedOnlyAtAnEquivalentOrLowerPostOfTheSameLevel) {
  RuleHarness h(small(), ymd(2024, 9, 1));
  RuleHarness::NewCadre n;
  const PostId left = h.post("d2-c-01", "c-chair");  // rank 30, commune
  n.last_post = left;
  const CadreId id = h.add(n);  // no post: unplaced
  rules::RuleContext ctx = h.ctx();
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3-c-01", "c-chair")), id);  // same title elsewhere
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3-c-01", "c-vice")), id);   // lower rank
  EXPECT_EQ(rules::best_placement(ctx, left), id);  // back: not at a term end
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3-c-01", "c-sec")), model::kNoCadre);  // higher
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3", "d-vice")), model::kNoCadre);  // other level
  h.world.cadres[id].consecutive_terms = 0;  // as end_tenure leaves it
  EXPECT_EQ(rules::best_placement(ctx, left), model::kNoCadre);
}

// The unplaced list records the title of each cadre's last post (World::unplaced_last_title),
// which best_placement reads before the records: the titles stay aligned with the list through
// removals, follow a changed last post when the cadre is added again, and decide the search.
TEST(Appointment, TheUnplacedListKeepsTheTitleOfEachCadresLastPost) {
  RuleHarness h(small(), ymd(2024, 9, 1));
  const PostId commune_chair = h.post("d2-c-01", "c-chair");
  const PostId district_vice = h.post("d2", "d-vice");
  RuleHarness::NewCadre n;
  n.last_post = commune_chair;
  const CadreId a = h.add(n);
  n.last_post = district_vice;
  const CadreId b = h.add(n);
  const auto title = [&](PostId p) { return h.org().posts[p].title; };
  ASSERT_EQ(h.world.unplaced, (std::vector<CadreId>{a, b}));
  EXPECT_EQ(h.world.unplaced_last_title,
            (std::vector<model::TitleId>{title(commune_chair), title(district_vice)}));
  rules::RuleContext ctx = h.ctx();
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3-c-01", "c-chair")), a);
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3", "d-vice")), b);
  h.world.remove_unplaced(a);
  EXPECT_EQ(h.world.unplaced, (std::vector<CadreId>{b}));
  EXPECT_EQ(h.world.unplaced_last_title, (std::vector<model::TitleId>{title(district_vice)}));
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3-c-01", "c-chair")), model::kNoCadre);
  // b's last post changes while on the list (a return to a commune origin): adding again
  // records the new title, and b is now a candidate there, no longer at the district.
  h.world.cadres[b].last_post = commune_chair;
  h.world.add_unplaced(b);
  EXPECT_EQ(h.world.unplaced, (std::vector<CadreId>{b}));
  EXPECT_EQ(h.world.unplaced_last_title, (std::vector<model::TitleId>{title(commune_chair)}));
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3-c-01", "c-chair")), b);
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3", "d-vice")), model::kNoCadre);
  h.world.clear_unplaced();
  EXPECT_TRUE(h.world.unplaced_last_title.empty());
}

// best_placement reads the unplaced cadres by last title, most competent first, and stops in
// a title where nobody further can win (World::unplaced_by_title). The result must be the
// argmax of the score over the whole list (competence - 0.01 x the rank gap, ties to the lower
// id): checked against a plain scan for every post of the organisation, with 60 cadres whose
// last posts and competences (with exact ties) are drawn, then again as they are removed.
TEST(Appointment, PlacementByTitleFindsTheBestOfTheWholeUnplacedList) {
  RuleHarness h(small(), ymd(2024, 9, 1));
  const auto& org = h.org();
  const kernel::RandomKey key(7, 0);
  kernel::RandomStream rs(key, 1, 0);
  std::vector<CadreId> ids;
  for (int i = 0; i < 60; ++i) {
    RuleHarness::NewCadre n;
    n.last_post = static_cast<PostId>(rs.uniform() * static_cast<double>(org.posts.size()));
    n.competence = 0.5 + 0.05 * static_cast<int>(rs.uniform() * 8);  // 8 values: many ties
    n.home = static_cast<model::UnitId>(rs.uniform() * static_cast<double>(org.units.size()));
    ids.push_back(h.add(n));
  }
  // Added in id order; the list order must not matter either: re-add the first half at the end.
  for (int i = 0; i < 30; ++i) {
    h.world.remove_unplaced(ids[i]);
    h.world.add_unplaced(ids[i]);
  }
  rules::RuleContext ctx = h.ctx();
  auto plain_scan = [&](PostId post) {
    const model::Title& t = org.title_of(post);
    CadreId best = model::kNoCadre;
    double best_score = -1e300;
    for (const CadreId c : h.world.unplaced) {
      const auto& cadre = h.world.cadres[c];
      const model::Title& last = org.title_of(cadre.last_post);
      if (last.level != t.level || t.rank > last.rank) continue;
      if (!rules::non_native_allows(org, cadre, post)) continue;
      const double s = cadre.competence - 0.01 * (last.rank - t.rank);
      if (s > best_score || (s == best_score && c < best)) {
        best_score = s;
        best = c;
      }
    }
    return best;
  };
  int found = 0;
  for (int round = 0; round < 4; ++round) {
    for (PostId post = 0; post < org.posts.size(); ++post) {
      const CadreId expected = plain_scan(post);
      ASSERT_EQ(rules::best_placement(ctx, post), expected)
          << "post " << post << " round " << round;
      found += expected != model::kNoCadre;
    }
    for (int i = 0; i < 12; ++i)
      h.world.remove_unplaced(ids[static_cast<std::size_t>(round * 12 + i)]);
  }
  EXPECT_GT(found, 100);  // the comparison is not only between two empty answers
}

// The deputy search skips a holder whose score bound (competence plus the largest experience and
// rating terms, plus the non-native term only when the post's title prefers non-natives) is below
// the best so far, and reads the units for the non-native rules only for a holder whose score
// without that term can still win. Neither may change the answer: for every post of the Dien Bien
// organisation it must be the deputy a plain scan of every eligible holder finds, with holders of
// random competence (near-ties 1e-12 apart), rating, experience, time in post, age, home and
// rotation, and again after ratings, competences and holders have changed.
TEST(Appointment, TheDeputySearchFindsWhatAPlainScanOfEveryEligibleHolderFinds) {
  RuleHarness h(load_scenario("scenarios/dien-bien/baseline.json"), ymd(2026, 3, 1));
  const auto& org = h.org();
  kernel::RandomStream rs(kernel::RandomKey(11, 0), 1, 0);
  const auto pick = [&](std::size_t n) {
    return static_cast<std::size_t>(rs.uniform() * static_cast<double>(n));
  };
  for (PostId post = 0; post < org.posts.size(); ++post) {
    if (!org.in_force(post) || rs.uniform() < 0.1) continue;  // some posts vacant
    RuleHarness::NewCadre n;
    n.post = post;
    n.competence =
        0.5 + 0.025 * static_cast<double>(pick(16)) + 1e-12 * static_cast<double>(pick(3));
    n.months_in_post = static_cast<int>(pick(60));  // under and over the 24 months required
    n.birth = kernel::add_months(h.sim.now(), -12 * (30 + static_cast<int>(pick(31))));
    if (rs.uniform() < 0.3) n.home = static_cast<model::UnitId>(pick(org.units.size()));
    for (auto& months : n.experience) months = static_cast<std::uint16_t>(pick(90));
    const CadreId c = h.add(n);
    auto& cadre = h.world.cadres[c];
    while (!rules::non_native_allows(org, cadre, post))  // a key post that requires a non-native
      cadre.home_unit = static_cast<model::UnitId>(pick(org.units.size()));
    cadre.rating = static_cast<model::Rating>(pick(5));
    if (rs.uniform() < 0.1) h.world.set_rotation_active(c, true);
  }
  rules::RuleContext ctx = h.ctx();
  const auto& p = h.scenario.appointment;
  const auto plain_scan = [&](PostId post) {
    const Day retire_floor = kernel::add_months(h.sim.now(), p.min_months_before_retirement);
    CadreId best = model::kNoCadre;
    double best_score = -1e300;
    for (const model::TitleId f : org.title_of(post).fed_by)
      for (const PostId q : org.posts_of_title_within(f, rules::managing_unit(org, post))) {
        const CadreId c = h.world.posts[q].holder;
        if (c == model::kNoCadre) continue;
        const auto& cadre = h.world.cadres[c];
        if (cadre.rotation.active || cadre.retirement_date < retire_floor ||
            kernel::whole_months_between(cadre.equivalent_since, h.sim.now()) <
                p.promotion_min_months_in_post ||
            !rules::non_native_allows(org, cadre, post))
          continue;
        const double s = rules::candidate_score(ctx, c, post);
        if (s > best_score || (s == best_score && c < best)) best_score = s, best = c;
      }
    return best;
  };
  int preferring = 0;
  for (PostId post = 0; post < org.posts.size(); ++post)
    preferring += org.title_of(post).non_native == model::NonNativeRule::kPreferred;
  ASSERT_GT(preferring, 0);  // both forms of the bound are exercised
  // The search reads each holder's score from its summary while World::candidate_summary holds
  // the cadre, as the engine keeps it (written at month ends and rating changes, and copied to
  // the holder's tour slot, World::summary_by_tour_slot, where the search reads it), and from
  // the record past its end: the last cadres are left out, so both paths are compared.
  const auto summarise = [&] {
    h.world.candidate_summary.clear();
    for (CadreId c = 0; c + 40 < h.world.cadres.size(); ++c)
      h.world.candidate_summary.push_back(rules::candidate_summary(h.world.cadres[c]));
    h.world.copy_summaries_to_slots();
  };
  const auto compare_all = [&](const char* when) {
    summarise();
    ASSERT_EQ(engine::invariant_violation(h.world), "") << when;
    int found = 0;
    for (PostId post = 0; post < org.posts.size(); ++post) {
      const CadreId expected = plain_scan(post);
      ASSERT_EQ(rules::best_deputy(ctx, post), expected) << org.post_label(post) << " " << when;
      found += expected != model::kNoCadre;
    }
    EXPECT_GT(found, 500) << when;  // the comparison is not only between empty answers
  };
  compare_all("at the start");
  for (int round = 0; round < 20; ++round) {
    for (CadreId c = 0; c < h.world.cadres.size(); ++c) {
      auto& cadre = h.world.cadres[c];
      if (rs.uniform() < 0.3) cadre.rating = static_cast<model::Rating>(pick(5));
      if (cadre.post != model::kNoPost && rs.uniform() < 0.5)  // as the month-end pass does
        cadre.competence =
            std::min(1.0, cadre.competence + 0.01 + 1e-12 * static_cast<double>(pick(3)));
    }
    for (int k = 0; k < 200; ++k) {  // holders leave and others take their posts
      const PostId post = static_cast<PostId>(pick(org.posts.size()));
      const CadreId leaving = h.world.posts[post].holder;
      if (leaving == model::kNoCadre) continue;
      h.world.set_holder(post, model::kNoCadre);
      h.world.cadres[leaving].post = model::kNoPost;
      const PostId other = static_cast<PostId>(pick(org.posts.size()));
      if (org.in_force(other) && h.world.posts[other].holder == model::kNoCadre && other != post &&
          rules::non_native_allows(org, h.world.cadres[leaving], other)) {
        h.world.cadres[leaving].post = other;
        h.world.set_holder(other, leaving);
      } else {
        h.world.add_unplaced(leaving);
      }
    }
    compare_all("after changes");
  }
  // The posts whose title prefers non-natives, where the bound includes the non-native term:
  // many draws of their feeders, so that a non-native whose score wins only by that term occurs.
  int wins_by_preference = 0;
  for (PostId post = 0; post < org.posts.size(); ++post) {
    if (org.title_of(post).non_native != model::NonNativeRule::kPreferred || !org.in_force(post))
      continue;
    for (int draw = 0; draw < 300; ++draw) {
      for (const model::TitleId f : org.title_of(post).fed_by)
        for (const PostId q : org.posts_of_title_within(f, rules::managing_unit(org, post)))
          if (const CadreId c = h.world.posts[q].holder; c != model::kNoCadre) {
            auto& cadre = h.world.cadres[c];
            cadre.competence = 0.5 + 0.025 * static_cast<double>(pick(16));
            cadre.rating = static_cast<model::Rating>(pick(5));
            const bool native = rs.uniform() < 0.5;
            for (int tries = 0; tries < 1000 && rules::is_native(org, cadre, post) != native;
                 ++tries)
              cadre.home_unit = static_cast<model::UnitId>(pick(org.units.size()));
            for (auto& months : cadre.experience_months)
              months = static_cast<std::uint16_t>(pick(90));
            if (c < h.world.candidate_summary.size()) {  // as the month-end pass would write it
              h.world.candidate_summary[c] = rules::candidate_summary(cadre);
              h.world.set_slot_summary(c);
            }
          }
      const CadreId expected = plain_scan(post);
      ASSERT_EQ(rules::best_deputy(ctx, post), expected)
          << org.post_label(post) << " draw " << draw;
      if (expected != model::kNoCadre &&
          rules::non_native_preference(org, h.world.cadres[expected], post) > 0)
        ++wins_by_preference;
    }
  }
  EXPECT_GT(wins_by_preference, 50);
}

}  // namespace
}  // namespace cadresim::enginetest
