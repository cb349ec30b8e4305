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
  const CadreId id = h.add(n);                       // no post: unplaced
  h.world.cadres[id].last_post = left;
  rules::RuleContext ctx = h.ctx();
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3-c-01", "c-chair")), id);  // same title elsewhere
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3-c-01", "c-vice")), id);   // lower rank
  EXPECT_EQ(rules::best_placement(ctx, left), id);  // back: not at a term end
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3-c-01", "c-sec")), model::kNoCadre);  // higher
  EXPECT_EQ(rules::best_placement(ctx, h.post("d3", "d-vice")), model::kNoCadre);  // other level
  h.world.cadres[id].consecutive_terms = 0;  // as end_tenure leaves it
  EXPECT_EQ(rules::best_placement(ctx, left), model::kNoCadre);
}

}  // namespace
}  // namespace cadresim::enginetest
