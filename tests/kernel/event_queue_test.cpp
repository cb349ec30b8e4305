#include "sim/kernel/event_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>  // std::max
#include <cstdint>    // fixed-width integers
#include <map>        // std::map: the reference queue
#include <random>     // std::mt19937_64: random schedules (fixed seeds)
#include <stdexcept>  // std::logic_error, std::invalid_argument
#include <tuple>      // std::tuple: reference key
#include <vector>     // std::vector

#include "sim/kernel/calendar.hpp"  // make_day

using namespace cadresim::kernel;

namespace {

constexpr Day kWindow = static_cast<Day>(EventQueue::kWindowDays);

Event make_event(Day day, std::uint8_t priority = 0, std::uint16_t kind = 0,
                 Subject subject = kNoSubject) {
  Event e;
  e.day = day;
  e.priority = priority;
  e.kind = kind;
  e.subject = subject;
  return e;
}

/// The obvious implementation: an ordered map keyed by (day, priority, seq).
class ReferenceQueue {
 public:
  void push(Event e) {
    e.seq = next_seq_++;
    events_.emplace(Key{e.day, e.priority, e.seq}, e);
  }
  Event pop() {
    const Event e = events_.begin()->second;
    events_.erase(events_.begin());
    return e;
  }
  Day next_day() const { return events_.begin()->second.day; }
  bool empty() const { return events_.empty(); }
  std::size_t size() const { return events_.size(); }

 private:
  using Key = std::tuple<Day, std::uint8_t, std::uint64_t>;
  std::map<Key, Event> events_;
  std::uint64_t next_seq_ = 0;
};

void expect_same_event(const Event& got, const Event& want) {
  EXPECT_EQ(got.day, want.day);
  EXPECT_EQ(got.priority, want.priority);
  EXPECT_EQ(got.seq, want.seq);
  EXPECT_EQ(got.kind, want.kind);
  EXPECT_EQ(got.subject, want.subject);
  EXPECT_EQ(got.stamp, want.stamp);
}

/// Counts of the paths a random schedule went through, to show the test covers them.
struct Coverage {
  std::size_t same_day_pushes = 0;
  std::size_t urgent_same_day_pushes = 0;  // smaller priority than an event already due today
  std::size_t far_pushes = 0;              // beyond the window: overflow heap
  std::size_t far_pops = 0;                // far events popped after migrating
  std::size_t empty_pops = 0;
};

/// Runs `ops` random operations on both queues and checks that they agree after each one.
/// The pending set first grows (push probability 0.6) then drains (0.35), so it goes from
/// empty to ~20k events and back to empty. Day increments mix same-day, short, yearly,
/// long and beyond-the-window values, with exact window-edge distances.
Coverage run_random_schedule(std::uint64_t seed, std::size_t ops, Day start) {
  std::mt19937_64 rng(seed);
  EventQueue queue(start);
  ReferenceQueue ref;
  Coverage cov;
  std::uint8_t max_priority_today = 0;
  bool any_today = false;
  auto uniform = [&rng](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  for (std::size_t op = 0; op < ops; ++op) {
    const bool filling = op < ops / 2;
    const bool push = uniform(0, 99) < (filling ? 60 : 35);
    if (push) {
      const std::int64_t cls = uniform(0, 99);
      Day inc;
      if (cls < 20)
        inc = 0;
      else if (cls < 45)
        inc = static_cast<Day>(uniform(1, 3));
      else if (cls < 80)
        inc = static_cast<Day>(uniform(1, 730));
      else if (cls < 95)
        inc = static_cast<Day>(uniform(731, 20000));
      else if (cls < 98)
        inc = kWindow + static_cast<Day>(uniform(-2, 2));
      else
        inc = static_cast<Day>(uniform(kWindow, 3 * kWindow));
      const auto priority = static_cast<std::uint8_t>(uniform(0, 3));
      const Day day = queue.current_day() + inc;
      Event e = make_event(day, priority, static_cast<std::uint16_t>(inc >= kWindow),
                           static_cast<Subject>(uniform(0, 1000)));
      e.stamp = static_cast<std::uint32_t>(op);
      if (inc == 0) {
        ++cov.same_day_pushes;
        if (any_today && priority < max_priority_today) ++cov.urgent_same_day_pushes;
      }
      if (inc >= kWindow) ++cov.far_pushes;
      queue.push(e);
      ref.push(e);
    } else if (ref.empty()) {
      ++cov.empty_pops;
      EXPECT_THROW(queue.pop(), std::logic_error);
    } else {
      const Day before = queue.current_day();
      const Day next = queue.next_day();
      EXPECT_EQ(queue.current_day(), before) << "next_day() must not move the clock";
      EXPECT_EQ(next, ref.next_day());
      const Event got = queue.pop();
      const Event want = ref.pop();
      expect_same_event(got, want);
      if (got.kind == 1) ++cov.far_pops;
      if (got.day != before) max_priority_today = 0;
      max_priority_today = std::max(max_priority_today, got.priority);
      any_today = true;
      EXPECT_EQ(queue.current_day(), got.day);
    }
    EXPECT_EQ(queue.size(), ref.size()) << "seed " << seed << ", operation " << op;
    EXPECT_EQ(queue.empty(), ref.empty());
    if (::testing::Test::HasFailure()) break;  // one divergence is enough to read
  }
  // Drain: everything left comes out in the reference order.
  while (!ref.empty() && !::testing::Test::HasFailure()) expect_same_event(queue.pop(), ref.pop());
  EXPECT_TRUE(queue.empty());
  return cov;
}

}  // namespace

TEST(EventQueue, LongRandomSchedulesMatchAnOrderedMapReference) {
  for (std::uint64_t seed : {1u, 2u, 3u, 42u, 20240101u}) {
    const Coverage cov = run_random_schedule(seed, 200'000, make_day(2020, 1, 1));
    if (HasFailure()) FAIL() << "seed " << seed;
    // The schedule must actually exercise every path (counts are far above these floors).
    EXPECT_GT(cov.same_day_pushes, 10'000u);
    EXPECT_GT(cov.urgent_same_day_pushes, 1'000u);
    EXPECT_GT(cov.far_pushes, 1'000u);
    EXPECT_GT(cov.far_pops, 1'000u);
    EXPECT_GT(cov.empty_pops, 0u);
  }
}

TEST(EventQueue, RandomScheduleBeforeTheEpochMatchesTheReference) {
  // Negative days (dates before 1970) map onto the ring like any other.
  run_random_schedule(7, 50'000, make_day(1950, 6, 30));
}

TEST(EventQueue, TiesRunInInsertionOrder) {
  EventQueue q(0);
  for (std::uint16_t k = 0; k < 100; ++k) q.push(make_event(5, 1, k));
  for (std::uint16_t k = 0; k < 100; ++k) EXPECT_EQ(q.pop().kind, k);
}

TEST(EventQueue, SameDayEventsRunByPriorityThenInsertionOrder) {
  EventQueue q(0);
  q.push(make_event(3, 2, 0));
  q.push(make_event(3, 0, 1));
  q.push(make_event(3, 1, 2));
  q.push(make_event(3, 0, 3));
  q.push(make_event(2, 9, 4));
  q.push(make_event(3, 2, 5));
  std::vector<std::uint16_t> order;
  while (!q.empty()) order.push_back(q.pop().kind);
  EXPECT_EQ(order, (std::vector<std::uint16_t>{4, 1, 3, 2, 0, 5}));
}

TEST(EventQueue, SameDayPushRunsAmongTheRemainingEventsOfToday) {
  EventQueue q(0);
  q.push(make_event(1, 1, 0));
  q.push(make_event(1, 1, 1));
  q.push(make_event(1, 3, 2));
  EXPECT_EQ(q.pop().kind, 0);
  q.push(make_event(1, 0, 10));  // urgent: before everything left today
  q.push(make_event(1, 1, 11));  // after kind 1 (same priority, later)
  q.push(make_event(1, 5, 12));  // last
  q.push(make_event(1, 0, 13));  // after kind 10
  std::vector<std::uint16_t> order;
  while (!q.empty()) order.push_back(q.pop().kind);
  EXPECT_EQ(order, (std::vector<std::uint16_t>{10, 13, 1, 11, 2, 12}));
}

TEST(EventQueue, ManyEventsOfMixedPriorityOnOneDayComeOutSorted) {
  EventQueue q(0);
  std::mt19937_64 rng(11);
  for (int i = 0; i < 5000; ++i)
    q.push(make_event(9, static_cast<std::uint8_t>(rng() % 7), static_cast<std::uint16_t>(i)));
  Event prev = q.pop();
  while (!q.empty()) {
    const Event e = q.pop();
    EXPECT_TRUE(prev.priority < e.priority || (prev.priority == e.priority && prev.seq < e.seq));
    prev = e;
  }
}

TEST(EventQueue, FarFutureEventsMigrateIntoTheWindowInOrder) {
  const Day s = 1000;
  EventQueue q(s);
  // Pushed in a scrambled order on both sides of the window edge.
  const std::vector<Day> days = {s + 3 * kWindow, s + kWindow,     s + kWindow - 1, s + 1,
                                 s + kWindow + 1, s + 2 * kWindow, s + kWindow,     s + 500};
  for (std::size_t i = 0; i < days.size(); ++i)
    q.push(make_event(days[i], 0, static_cast<std::uint16_t>(i)));
  // Keep the window busy so migration happens while buckets hold events.
  for (Day d = s + 1000; d < s + 2 * kWindow; d += 997) q.push(make_event(d, 0, 100));
  EXPECT_EQ(q.next_day(), s + 1);
  Day last = s;
  std::vector<std::uint16_t> far;
  while (!q.empty()) {
    const Event e = q.pop();
    EXPECT_GE(e.day, last);
    last = e.day;
    if (e.kind != 100) far.push_back(e.kind);
  }
  // Day order; the two events on s + kWindow in insertion order (1 then 6).
  EXPECT_EQ(far, (std::vector<std::uint16_t>{3, 7, 2, 1, 6, 4, 5, 0}));
}

TEST(EventQueue, OnlyFarEventsJumpStraightToTheirDay) {
  EventQueue q(0);
  q.push(make_event(10 * kWindow, 0, 1));
  q.push(make_event(5 * kWindow, 0, 2));
  EXPECT_EQ(q.next_day(), 5 * kWindow);
  EXPECT_EQ(q.current_day(), 0);
  EXPECT_EQ(q.pop().kind, 2);
  EXPECT_EQ(q.current_day(), 5 * kWindow);
  q.push(make_event(5 * kWindow, 0, 3));  // today, still allowed
  EXPECT_EQ(q.pop().kind, 3);
  EXPECT_EQ(q.pop().kind, 1);
  EXPECT_TRUE(q.empty());
}

TEST(EventQueue, PushInThePastThrows) {
  EventQueue q(100);
  EXPECT_THROW(q.push(make_event(99)), std::logic_error);
  q.push(make_event(150));
  q.pop();
  EXPECT_THROW(q.push(make_event(149)), std::logic_error);
  EXPECT_NO_THROW(q.push(make_event(150)));
  EXPECT_EQ(q.size(), 1u);
}

TEST(EventQueue, PopAndNextDayOnAnEmptyQueueThrow) {
  EventQueue q(0);
  EXPECT_THROW(q.pop(), std::logic_error);
  EXPECT_THROW(q.next_day(), std::logic_error);
  q.push(make_event(4));
  q.pop();
  EXPECT_THROW(q.pop(), std::logic_error);
  EXPECT_EQ(q.current_day(), 4);
}

TEST(EventQueue, NextDayDoesNotChangeCurrentDay) {
  EventQueue q(10);
  q.push(make_event(20));
  q.push(make_event(10 + 2 * kWindow));
  EXPECT_EQ(q.next_day(), 20);
  EXPECT_EQ(q.current_day(), 10);
  q.pop();
  EXPECT_EQ(q.next_day(), 10 + 2 * kWindow);
  EXPECT_EQ(q.current_day(), 20);
}

TEST(EventQueue, ResetDropsEverythingAndRestartsAtTheGivenDay) {
  EventQueue q(0);
  q.push(make_event(0));
  q.push(make_event(7));
  q.push(make_event(3 * kWindow));
  q.pop();
  q.reset(500);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.size(), 0u);
  EXPECT_EQ(q.current_day(), 500);
  EXPECT_THROW(q.pop(), std::logic_error);
  EXPECT_THROW(q.push(make_event(499)), std::logic_error);
  q.push(make_event(507, 0, 1));  // same slot in the ring as day 7 was
  q.push(make_event(500, 0, 2));
  const Event first = q.pop();
  EXPECT_EQ(first.kind, 2);
  EXPECT_EQ(first.seq, 1u);  // seq restarts at 0
  EXPECT_EQ(q.pop().kind, 1);
  EXPECT_TRUE(q.empty());
}

namespace {

// Pushes a random event (sometimes today, sometimes beyond the window) on both queues.
void push_both(std::mt19937_64& rng, EventQueue& a, EventQueue& b) {
  const Day now = a.current_day();
  const std::uint64_t r = rng();
  Day day = now + static_cast<Day>(r % 400);
  if (r % 17 == 0) day = now + kWindow + static_cast<Day>(r % 1000);
  const Event e = make_event(day, static_cast<std::uint8_t>((r >> 20) % 4),
                             static_cast<std::uint16_t>((r >> 30) % 1000));
  a.push(e);
  b.push(e);
}

}  // namespace

TEST(EventQueue, ARestoredQueuePopsWhatTheSavedOneWould) {
  std::mt19937_64 rng(42);
  EventQueue a(make_day(2020, 1, 1));
  EventQueue scratch(make_day(2020, 1, 1));
  for (int i = 0; i < 3000; ++i) push_both(rng, a, scratch);
  // Mid-day, with urgent events pending: pop some, push more on the current day.
  for (int i = 0; i < 1000; ++i) {
    a.pop();
    if (i % 3 == 0) push_both(rng, a, scratch);
  }
  const std::vector<Event> pending = a.pending();
  ASSERT_EQ(pending.size(), a.size());
  EventQueue b(0);
  b.restore(a.current_day(), a.next_seq(), pending);
  EXPECT_EQ(b.size(), a.size());
  EXPECT_EQ(b.pending().size(), pending.size());
  for (int i = 0; !a.empty(); ++i) {
    const Event x = a.pop(), y = b.pop();
    ASSERT_EQ(x.day, y.day) << i;
    ASSERT_EQ(x.seq, y.seq) << i;
    ASSERT_EQ(x.kind, y.kind) << i;
    if (i % 5 == 0) push_both(rng, a, b);
  }
  EXPECT_TRUE(b.empty());
  EXPECT_THROW(b.restore(10, 0, {make_event(12)}), std::invalid_argument);  // seq from the future
}
