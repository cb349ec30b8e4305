// Appointment sources (sim/rules/appointment.cpp) at their thresholds: a deputy is promoted only
// with enough whole months in post and before retirement, counted as the calendar counts them
// (kernel::whole_months_between: a month is completed when the day of month is reached,
// clamped at month ends); a cadre without a post is placed only at an equivalent post.
// Statistical checks of the delays are in statistics_test.cpp.
#include <gtest/gtest.h>

#include "engine_test_support.hpp"

namespace cadresim::enginetest {
namespace {

const model::Scenario& small() {
  static const model::Scenario s = load_scenario("tests/data/engine-small.json");
  return s;
}

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

}  // namespace
}  // namespace cadresim::enginetest
