#include "sim/kernel/simulation.hpp"

#include <gtest/gtest.h>

#include <cstdint>    // fixed-width integers
#include <limits>     // std::numeric_limits
#include <map>        // std::multimap: the reference schedule
#include <random>     // std::mt19937_64: random schedules (fixed seeds)
#include <stdexcept>  // std::logic_error, std::runtime_error
#include <utility>    // std::pair
#include <vector>     // std::vector

using namespace cadresim::kernel;

namespace {

/// Records what it handles; optionally stops on one kind.
struct Recorder {
  std::vector<Event> seen;
  Simulation* sim = nullptr;
  int stop_on_kind = -1;
  void handle(const Event& e) {
    seen.push_back(e);
    if (sim != nullptr && e.kind == stop_on_kind) sim->stop();
  }
  std::vector<std::uint16_t> kinds() const {
    std::vector<std::uint16_t> k;
    for (const Event& e : seen) k.push_back(e.kind);
    return k;
  }
};

}  // namespace

TEST(Simulation, RunUntilStopsAtTheDateAndLaterEventsRemain) {
  Simulation sim(0);
  sim.schedule(10, 1);
  sim.schedule(20, 2);
  sim.schedule(30, 3);
  Recorder r;
  EXPECT_EQ(sim.run_until(20, r), 2u);
  EXPECT_EQ(r.kinds(), (std::vector<std::uint16_t>{1, 2}));
  EXPECT_EQ(sim.now(), 20);
  EXPECT_EQ(sim.pending(), 1u);
  EXPECT_EQ(sim.run_until(25, r), 0u);
  EXPECT_EQ(sim.now(), 25);
  EXPECT_EQ(sim.run_until(100, r), 1u);
  EXPECT_EQ(r.kinds(), (std::vector<std::uint16_t>{1, 2, 3}));
  EXPECT_EQ(sim.now(), 100);
  EXPECT_FALSE(sim.stopped());
}

TEST(Simulation, StopInsideAHandlerReturnsAfterThatEvent) {
  Simulation sim(0);
  sim.schedule(5, 1);
  sim.schedule(5, 2);
  sim.schedule(5, 3);
  sim.schedule(8, 4);
  Recorder r;
  r.sim = &sim;
  r.stop_on_kind = 2;
  EXPECT_EQ(sim.run_until(100, r), 2u);
  EXPECT_TRUE(sim.stopped());
  EXPECT_EQ(sim.now(), 5);  // the clock stays on the stopping event's day
  EXPECT_EQ(sim.pending(), 2u);
  r.stop_on_kind = -1;
  EXPECT_EQ(sim.run_until(100, r), 2u);
  EXPECT_FALSE(sim.stopped());
  EXPECT_EQ(r.kinds(), (std::vector<std::uint16_t>{1, 2, 3, 4}));
}

TEST(Simulation, SameDayEventsRunByPriorityThenInsertionOrder) {
  Simulation sim(0);
  sim.schedule(3, 1, kNoSubject, 2);
  sim.schedule(3, 2, kNoSubject, 0);
  sim.schedule(3, 3, kNoSubject, 1);
  sim.schedule(3, 4, kNoSubject, 0);
  Recorder r;
  sim.run_until(3, r);
  EXPECT_EQ(r.kinds(), (std::vector<std::uint16_t>{2, 4, 3, 1}));
}

TEST(Simulation, CancelSkipsOnlyEventsScheduledBeforeIt) {
  Simulation sim(0);
  sim.schedule(10, 1, 7);
  sim.schedule(12, 2, 8);
  sim.cancel(7);
  sim.schedule(11, 3, 7);
  sim.cancel(99);  // a subject never seen: no effect on later events
  sim.schedule(13, 4, 99);
  Recorder r;
  EXPECT_EQ(sim.run_until(20, r), 3u);
  EXPECT_EQ(r.kinds(), (std::vector<std::uint16_t>{3, 2, 4}));
  EXPECT_EQ(sim.pending(), 0u);
}

TEST(Simulation, ScheduleInThePastThrows) {
  Simulation sim(100);
  EXPECT_THROW(sim.schedule(99, 1), std::logic_error);
  Recorder r;
  sim.run_until(200, r);
  EXPECT_THROW(sim.schedule(199, 1), std::logic_error);
  EXPECT_NO_THROW(sim.schedule(200, 1));
}

TEST(Simulation, AnExceptionInAHandlerSurfacesFromRunUntil) {
  struct Throws {
    void handle(const Event&) { throw std::runtime_error("model error"); }
  };
  Simulation sim(0);
  sim.schedule(1, 1);
  sim.schedule(2, 2);
  Throws h;
  EXPECT_THROW(sim.run_until(10, h), std::runtime_error);
  EXPECT_EQ(sim.pending(), 1u);
}

namespace {

/// A model that schedules and cancels at random from inside its handler, checked against
/// a reference: a multimap keyed by (day, priority) — equal keys keep insertion order — and,
/// per subject, the events still pending. cancel(s) marks exactly those as expected-skipped.
class RandomModel {
 public:
  RandomModel(Simulation& sim, std::uint64_t seed) : sim_(sim), rng_(seed) {}

  void schedule_random() {
    const std::int64_t cls = uniform(0, 9);
    const Day inc = cls < 3   ? 0
                    : cls < 8 ? static_cast<Day>(uniform(1, 60))
                              : static_cast<Day>(uniform(61, 2000));
    const Day day = sim_.now() + inc;
    const auto priority = static_cast<std::uint8_t>(uniform(0, 2));
    const Subject subject =
        uniform(0, 9) == 0 ? kNoSubject : static_cast<Subject>(uniform(0, kSubjects - 1));
    const std::size_t id = records_.size();
    records_.push_back({subject, false});
    ref_.emplace(std::pair{day, priority}, id);
    if (subject != kNoSubject) pending_of_[subject].push_back(id);
    // The id travels in `kind` (unique among pending events: far fewer than 65536 pending).
    sim_.schedule(day, static_cast<std::uint16_t>(id & 0xFFFF), subject, priority);
  }

  void cancel_random() {
    const auto s = static_cast<Subject>(uniform(0, kSubjects - 1));
    for (std::size_t id : pending_of_[s]) records_[id].cancelled = true;
    pending_of_[s].clear();
    sim_.cancel(s);
    ++cancels_;
  }

  /// Drops reference entries up to `until` that were cancelled (the kernel skips them).
  void drop_cancelled_through(Day until) {
    while (!ref_.empty() && ref_.begin()->first.first <= until &&
           records_[ref_.begin()->second].cancelled) {
      ++skipped_;
      ref_.erase(ref_.begin());
    }
  }

  void handle(const Event& e) {
    drop_cancelled_through(e.day);
    ASSERT_FALSE(ref_.empty()) << "handled an event the reference does not hold";
    const auto [key, id] = *ref_.begin();
    ASSERT_EQ(e.day, key.first);
    ASSERT_EQ(e.priority, key.second);
    ASSERT_EQ(e.kind, id & 0xFFFF) << "wrong event (order or cancellation differs)";
    ASSERT_EQ(e.subject, records_[id].subject);
    ASSERT_FALSE(records_[id].cancelled);
    ASSERT_EQ(sim_.now(), e.day);
    ref_.erase(ref_.begin());
    if (e.subject != kNoSubject) std::erase(pending_of_[e.subject], id);
    ++handled_;
    // React: schedule 0-2 events (0.85 on average, so the population stays finite; none
    // while draining), sometimes cancel someone (possibly this subject), rarely stop.
    const std::int64_t draw = uniform(0, 19);
    const int n = !spawn_ ? 0 : draw < 9 ? 1 : draw < 13 ? 2 : 0;
    for (int i = 0; i < n; ++i) schedule_random();
    if (uniform(0, 4) == 0) cancel_random();
    if (uniform(0, 199) == 0) sim_.stop();
  }

  std::int64_t uniform(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
  }
  /// Reference entries neither run nor skipped yet (cancelled ones included).
  std::size_t ref_size() const { return ref_.size(); }
  /// Day of the first reference entry not cancelled (max() if none).
  Day ref_next_live_day() const {
    for (const auto& [key, id] : ref_)
      if (!records_[id].cancelled) return key.first;
    return std::numeric_limits<Day>::max();
  }

  static constexpr std::int64_t kSubjects = 50;
  bool spawn_ = true;
  std::size_t handled_ = 0, skipped_ = 0, cancels_ = 0;

 private:
  struct Record {
    Subject subject;
    bool cancelled;
  };
  Simulation& sim_;
  std::mt19937_64 rng_;
  std::vector<Record> records_;                                   // by id
  std::multimap<std::pair<Day, std::uint8_t>, std::size_t> ref_;  // pending ids in run order
  std::vector<std::vector<std::size_t>> pending_of_ =
      std::vector<std::vector<std::size_t>>(kSubjects);
};

}  // namespace

TEST(Simulation, LazyCancellationSkipsExactlyTheEventsCancelledAfterScheduling) {
  for (std::uint64_t seed : {1u, 5u, 77u}) {
    Simulation sim(0);
    RandomModel model(sim, seed);
    for (int i = 0; i < 2000; ++i) model.schedule_random();
    Day until = 0;
    std::size_t stops = 0;
    for (int round = 0; round < 4000 && !HasFailure(); ++round) {
      until += static_cast<Day>(model.uniform(0, 30));
      for (int i = 0; i < 3; ++i) model.schedule_random();  // between runs too
      if (model.uniform(0, 1) == 0) model.cancel_random();
      sim.run_until(until, model);
      if (sim.stopped()) {
        ++stops;
        continue;
      }
      EXPECT_EQ(sim.now(), until);
      // Everything due by `until` has run or been skipped: what is left is due later.
      model.drop_cancelled_through(until);
      EXPECT_EQ(sim.pending(), model.ref_size()) << "round " << round << " until " << until;
      EXPECT_GT(model.ref_next_live_day(), until);
    }
    // Drain (handlers stop scheduling, so this ends).
    model.spawn_ = false;
    while (sim.pending() > 0 && !HasFailure()) sim.run_until(until += 100'000, model);
    EXPECT_EQ(model.ref_next_live_day(), std::numeric_limits<Day>::max());
    if (HasFailure()) FAIL() << "seed " << seed;
    EXPECT_GT(model.handled_, 10'000u);
    EXPECT_GT(model.skipped_, 1'000u);
    EXPECT_GT(stops, 10u);
  }
}
