// Whole-run invariants, checked from the observation interface at every month end: no post
// with two holders, no active cadre holding two posts, headcount conservation
// (start + recruited - exited = active), the hard non-native rule, and consistency between the
// event log and the world. Runs engine-small and the Điện Biên baseline over 10 years for
// several seeds; in a sanitizer or debug build the engine also checks its own invariants every
// month and would throw std::logic_error (the runs must not throw).
#include <gtest/gtest.h>

#include <algorithm>  // std::any_of
#include <map>        // open vacancies per post

#include "engine_test_support.hpp"
#include "sim/engine/engine.hpp"
#include "sim/engine/invariants.hpp"  // the engine's own check
#include "sim/rules/non_native.hpp"
#include "sim/rules/succession.hpp"  // kScoredLowerLevelMonths

namespace cadresim::enginetest {
namespace {

/// Records every broken invariant (first few messages kept) while a run goes on.
class InvariantObserver : public engine::Observer {
 public:
  explicit InvariantObserver(const model::Organisation& org) : org_(org) {}

  void on_start(Day day, const model::World& w) override { check(day, w); }
  void on_events(std::span<const DomainEvent> events, const model::World& w) override {
    for (const auto& e : events) {
      if (e.day < last_day_) fail(e.day, "events out of time order");
      last_day_ = e.day;
      switch (e.type) {
        case EventType::kVacancyOpened:
          if (open_[e.to]) fail(e.day, "vacancy opened twice for " + org_.post_label(e.to));
          open_[e.to] = true;
          open_day_[e.to] = e.day;
          ++opened;
          break;
        case EventType::kVacancyClosed:
          if (!open_[e.to])
            fail(e.day, "vacancy closed but never opened: " + org_.post_label(e.to));
          else if (e.value != static_cast<double>(e.day - open_day_[e.to]))
            fail(e.day, "vacancy_closed value is not the days vacant");
          open_[e.to] = false;
          ++closed;
          break;
        case EventType::kTermLimitReached:
          left_at_limit_[e.cadre] = e.from;
          break;
        case EventType::kAppointed:
        case EventType::kElected:
        case EventType::kMoved:
        case EventType::kRecruited: {
          // A hard non-native title never goes to a native (home units never change).
          if (!rules::non_native_allows(org_, w.cadres[e.cadre], e.to))
            fail(e.day, "a native took " + org_.post_label(e.to));
          // A head who left at the term limit does not go straight back to that post.
          const auto it = left_at_limit_.find(e.cadre);
          if (it != left_at_limit_.end()) {
            if (it->second == e.to)
              fail(e.day, "a term-limited head took back " + org_.post_label(e.to));
            left_at_limit_.erase(it);
          }
          ++fills;
          recruited += e.type == EventType::kRecruited;
          break;
        }
        case EventType::kRetired:
        case EventType::kLeft:
          ++exits;
          break;
        case EventType::kPostEnded:  // structural event: the post and its vacancy end
          open_[e.from] = false;
          break;
        default:
          break;
      }
    }
  }
  void on_month_end(Day day, const model::World& w) override {
    check(day, w);
    ++months;
  }
  void on_finish(Day day, const model::World& w) override {
    check(day, w);
    if (recruited != w.recruited) fail(day, "recruited events and World::recruited differ");
    if (exits != w.exited) fail(day, "retired + left events and World::exited differ");
  }

  std::vector<std::string> failures;
  std::uint64_t months = 0, opened = 0, closed = 0, fills = 0, exits = 0, recruited = 0;

 private:
  void fail(Day day, const std::string& what) {
    if (failures.size() < 10)
      failures.push_back(kernel::format_iso_date(day) + ": " + what);
    else if (failures.size() == 10)
      failures.push_back("...");
  }
  void check(Day day, const model::World& w) {
    const model::Organisation& org = *w.org;  // the structure in force
    std::vector<int> holders(w.posts.size(), 0);
    std::size_t active = 0;
    for (CadreId id = 0; id < w.cadres.size(); ++id) {
      const auto& c = w.cadres[id];
      if (c.status != model::CadreStatus::kActive) {
        if (c.post != model::kNoPost) fail(day, "an exited cadre holds a post");
        continue;
      }
      ++active;
      if (c.post == model::kNoPost) continue;
      ++holders[c.post];
      if (w.posts[c.post].holder != id)
        fail(day, "cadre " + c.id + " holds a post recorded for someone else");
    }
    for (PostId p = 0; p < w.posts.size(); ++p) {
      if (holders[p] > 1) fail(day, "two holders for " + org_.post_label(p));
      const CadreId h = w.posts[p].holder;
      if (!org.in_force(p)) {
        if (h != model::kNoCadre) fail(day, "a post not in force is held: " + org.post_label(p));
        continue;
      }
      if (h == model::kNoCadre) {
        if (!open_[p]) fail(day, "post vacant without an open vacancy: " + org_.post_label(p));
        continue;
      }
      if (w.cadres[h].post != p)
        fail(day, "post's holder holds another post: " + org_.post_label(p));
      if (open_[p]) fail(day, "post held while its vacancy is open: " + org_.post_label(p));
      if (!rules::non_native_allows(org, w.cadres[h], p))
        fail(day, "a native holds " + org_.post_label(p));
    }
    if (w.initial_cadres + w.recruited - w.exited != active)
      fail(day, "headcount not conserved: start + recruited - exited != active");
    if (active != w.active_count()) fail(day, "World::active_count disagrees");
  }

  const model::Organisation& org_;
  std::map<PostId, bool> open_;
  std::map<PostId, Day> open_day_;
  std::map<CadreId, PostId> left_at_limit_;
  Day last_day_ = 0;
};

void run_and_check(const model::Scenario& s, std::uint64_t seed, std::uint64_t replication,
                   Day until) {
  SCOPED_TRACE("seed " + std::to_string(seed) + " replication " + std::to_string(replication));
  engine::Engine e(s, seed, replication);
  InvariantObserver obs(s.organisation);
  e.add_observer(obs);
  EXPECT_NO_THROW(e.run_until(until));
  for (const auto& f : obs.failures) ADD_FAILURE() << f;
  EXPECT_GT(obs.months, 100u);
  EXPECT_GT(obs.fills, 0u);
  EXPECT_GT(obs.exits, 0u);
}

TEST(Invariants, HoldEveryMonthOverTenYearsOfEngineSmallForSeveralSeeds) {
  const model::Scenario s = load_scenario("tests/data/engine-small.json");
  for (std::uint64_t seed : {1u, 2u, 3u, 42u, 1234567u}) run_and_check(s, seed, 0, s.calendar.end);
  run_and_check(s, 1, 7, s.calendar.end);
}

// Same-level units nesting (province agencies under the province, as in the baseline): the
// non-native province secretary and staff must still come from outside the province.
TEST(Invariants, HoldEveryMonthWhenUnitsOfOneLevelNest) {
  const model::Scenario s = load_scenario("tests/data/engine-nested.json");
  for (std::uint64_t seed : {1u, 2u, 3u}) run_and_check(s, seed, 0, s.calendar.end);
}

// Structural events and dated changes (tests/data/engine-reform.json): a move, then districts
// abolished and communes merged on 2025-07-01, then two dated changes.
TEST(Invariants, HoldEveryMonthThroughStructuralEventsAndDatedChanges) {
  const model::Scenario s = load_scenario("tests/data/engine-reform.json");
  for (std::uint64_t seed : {1u, 2u, 3u, 42u}) run_and_check(s, seed, 0, s.calendar.end);
}

TEST(Invariants, HoldEveryMonthOverTenYearsOfTheDienBienBaseline) {
  // The shipped baseline must load: a missing or broken file fails here, it is never skipped.
  const model::Scenario s = load_scenario("scenarios/dien-bien/baseline.json");
  const Day until = std::min(s.calendar.end, kernel::add_months(s.calendar.start, 120));
  for (std::uint64_t seed : {1u, 2u, 3u}) run_and_check(s, seed, 0, until);
}

// The engine's own check (engine::invariant_violation) finds a candidate summary out of step
// with an active cadre's record, and leaves those of cadres who left alone: the scans never
// decide on them (sim/engine/invariants.cpp).
TEST(Invariants, TheCheckFindsAnActiveCadresSummaryOutOfStepOnly) {
  engine::Engine e(small(), 1, 0);
  e.run_until(ymd(2027, 1, 31));
  const model::World& run = e.world();
  ASSERT_EQ(engine::invariant_violation(run), "");
  model::CadreId active = model::kNoCadre, left = model::kNoCadre;
  for (model::CadreId id = 0; id < run.candidate_summary.size(); ++id) {
    const bool is_active = run.cadres[id].status == model::CadreStatus::kActive;
    if (is_active && active == model::kNoCadre) active = id;
    if (!is_active && left == model::kNoCadre) left = id;
  }
  ASSERT_NE(active, model::kNoCadre);
  ASSERT_NE(left, model::kNoCadre) << "seven years of engine-small see cadres leave";
  model::World w = run;
  w.candidate_summary[active].competence += 0.25;
  EXPECT_EQ(engine::invariant_violation(w),
            "invariant: the candidate summary disagrees with a cadre's record");
  w = run;
  w.candidate_summary[left].competence += 0.25;
  EXPECT_EQ(engine::invariant_violation(w), "");
}

// The copy of the holders' summaries in tour order (World::summary_by_tour_slot, which the
// deputy search reads) is kept by the engine through a run, and the check finds an entry out of
// step with its holder's summary.
TEST(Invariants, TheCheckFindsASummaryInTourOrderOutOfStep) {
  engine::Engine e(small(), 1, 0);
  e.run_until(ymd(2028, 6, 30));  // month ends, two annual ratings, appointments and moves
  const model::World& run = e.world();
  ASSERT_EQ(engine::invariant_violation(run), "");
  ASSERT_EQ(run.summary_by_tour_slot.size(), run.holder_by_tour_slot.size());
  std::size_t compared = 0, slot = run.holder_by_tour_slot.size();
  for (std::size_t s = 0; s < run.holder_by_tour_slot.size(); ++s)
    if (const model::CadreId h = run.holder_by_tour_slot[s]; h < run.candidate_summary.size()) {
      EXPECT_EQ(run.summary_by_tour_slot[s], run.candidate_summary[h]) << "slot " << s;
      ++compared;
      slot = s;
    }
  ASSERT_GT(compared, 20u);
  model::World w = run;
  w.summary_by_tour_slot[slot].rating ^= 1;
  EXPECT_EQ(engine::invariant_violation(w),
            "invariant: a summary in tour order disagrees with its holder's");
  // A holder's summary changed in place, then copied to its slot: in step again.
  const model::CadreId holder = w.holder_by_tour_slot[slot];
  w.candidate_summary[holder] = run.candidate_summary[holder];
  w.set_slot_summary(holder);
  EXPECT_EQ(engine::invariant_violation(w), "");
  // Another cadre takes the post (here the holder of another slot, whose summary differs): its
  // summary comes with it.
  w = run;
  model::CadreId other = model::kNoCadre;
  for (const model::CadreId h : w.holder_by_tour_slot)
    if (h < w.candidate_summary.size() && !(w.candidate_summary[h] == w.candidate_summary[holder]))
      other = h;
  ASSERT_NE(other, model::kNoCadre);
  w.set_holder(w.cadres[holder].post, other);
  EXPECT_EQ(w.summary_by_tour_slot[slot], w.candidate_summary[other]);
}

// The deputy search skips a block of tour slots on its bound (World::summary_bound_by_block): the
// check finds a bound below one of its holders' summaries, a bound missing, and a holder without
// a summary in a block whose bound is finite; and the bounds stay covering when a holder's
// summary grows, another cadre takes a post, and after the annual copy.
TEST(Invariants, TheCheckFindsABlockBoundBelowAHolder) {
  engine::Engine e(small(), 1, 0);
  e.run_until(ymd(2028, 6, 30));
  const model::World& run = e.world();
  ASSERT_EQ(engine::invariant_violation(run), "");
  std::size_t slot = run.holder_by_tour_slot.size();
  for (std::size_t s = 0; s < run.holder_by_tour_slot.size(); ++s)
    if (run.holder_by_tour_slot[s] < run.candidate_summary.size()) slot = s;
  ASSERT_LT(slot, run.holder_by_tour_slot.size());
  const std::size_t block = slot / model::World::kSummaryBlock;
  const char* const below =
      "invariant: a block bound of the summaries in tour order is below a holder's";
  model::World w = run;
  w.summary_bound_by_block[block].competence = -1;
  EXPECT_EQ(engine::invariant_violation(w), below);
  w = run;
  w.summary_bound_by_block[block].months_below = {};
  w.summary_bound_by_block[block].rating = 0;
  const model::CandidateSummary& held = w.summary_by_tour_slot[slot];
  const bool any_months_or_rating =
      held.rating > 0 || std::any_of(held.months_below.begin(), held.months_below.end(),
                                     [](std::uint8_t m) { return m > 0; });
  EXPECT_EQ(engine::invariant_violation(w), any_months_or_rating ? below : "");
  w = run;
  w.summary_bound_by_block.pop_back();
  EXPECT_EQ(engine::invariant_violation(w),
            "invariant: the summaries' block bounds are not one per block of tour slots");
  // A holder past candidate_summary's end (its summary unknown) needs an infinite bound.
  w = run;
  w.candidate_summary.resize(w.holder_by_tour_slot[slot]);
  w.summary_bound_by_block[block].competence = 1e9;
  EXPECT_EQ(engine::invariant_violation(w), below);
  // Widened in place: a holder's summary grows past its block's bound, and is copied to its slot.
  w = run;
  const model::CadreId holder = w.holder_by_tour_slot[slot];
  w.cadres[holder].competence = w.summary_bound_by_block[block].competence + 1;
  for (auto& months : w.cadres[holder].experience_months) months = 100;
  w.candidate_summary[holder] = rules::candidate_summary(w.cadres[holder]);
  ASSERT_FALSE(run.summary_bound_by_block[block].covers(w.candidate_summary[holder]));
  w.set_slot_summary(holder);
  EXPECT_EQ(engine::invariant_violation(w), "");
  // And computed again, exactly, by the copy of every slot.
  w.copy_summaries_to_slots();
  EXPECT_EQ(engine::invariant_violation(w), "");
  EXPECT_EQ(w.summary_bound_by_block[block].competence, w.candidate_summary[holder].competence);
}

// The one pass over the population and the lookups by recorded place (sim/engine/invariants.cpp)
// still find each kind of broken bookkeeping they replaced a loop or a search for.
TEST(Invariants, TheCheckFindsBrokenBookkeepingOfTheUnplacedActingAndPlans) {
  engine::Engine e(small(), 1, 0);
  e.run_until(ymd(2027, 1, 31));
  const model::World& run = e.world();
  ASSERT_EQ(engine::invariant_violation(run), "");
  ASSERT_FALSE(run.plan.empty()) << "engine-small plans successors";
  model::CadreId left = model::kNoCadre, holder = model::kNoCadre;
  for (model::CadreId id = 0; id < run.cadres.size(); ++id) {
    if (run.cadres[id].status != model::CadreStatus::kActive && left == model::kNoCadre) left = id;
    if (run.cadres[id].post != model::kNoPost && holder == model::kNoCadre) holder = id;
  }
  ASSERT_NE(left, model::kNoCadre);
  ASSERT_NE(holder, model::kNoCadre);

  model::World w = run;  // a cadre on the unplaced list twice
  w.unplaced.push_back(left);
  w.unplaced_last_title.push_back(model::kNoTitle);
  w.unplaced.push_back(left);
  w.unplaced_last_title.push_back(model::kNoTitle);
  EXPECT_EQ(engine::invariant_violation(w),
            "invariant: an unplaced cadre's recorded place in the list is wrong");

  w = run;  // filed under a title without being on the list
  w.unplaced_by_title.resize(std::max<std::size_t>(w.unplaced_by_title.size(), 1));
  w.unplaced_by_title[0].insert(w.unplaced_by_title[0].begin(),
                                {-1e9, left});  // first in competence order
  EXPECT_EQ(engine::invariant_violation(w),
            "invariant: a cadre is filed under a title that is not its last post's");

  w = run;  // a departed cadre still counted as acting somewhere
  ++w.cadres[left].acting_posts;
  EXPECT_EQ(engine::invariant_violation(w),
            "invariant: a cadre's count of acting posts disagrees with the posts");

  w = run;  // a plan count off by one
  const model::CadreId planned = w.plan.begin()->cadre;
  w.plan_count[planned] = static_cast<std::uint8_t>(w.plan_count[planned] + 1);
  EXPECT_EQ(engine::invariant_violation(w),
            "invariant: a cadre's plan count disagrees with the plan");

  w = run;  // a departed cadre still in a rotation
  w.cadres[left].rotation.active = true;
  ++w.rotating;
  EXPECT_EQ(engine::invariant_violation(w), "invariant: a cadre who left is still in a rotation");

  w = run;  // a post holder who has left
  w.cadres[holder].status = w.cadres[left].status;
  EXPECT_EQ(engine::invariant_violation(w), "invariant: an exited cadre holds a post");
}

}  // namespace
}  // namespace cadresim::enginetest
