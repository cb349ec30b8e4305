#pragma once
/// @file The future-event set: a day-bucketed calendar queue.
///
/// Simulation time is whole days, so events are kept in one bucket (a vector) per day in a
/// ring that covers a window of `kWindowDays` days from the current day; events beyond the
/// window wait in an overflow binary heap and move into their bucket when the window reaches
/// them. A two-level bitmap finds the next non-empty day in a few word scans.
///
/// When a day becomes current its bucket is swapped in as "today's run", sorted by
/// (priority, seq) — a bucket is filled in insertion order, so with one priority it is already
/// sorted and only checked — and events are then taken from its front by an index. An event
/// pushed for the current day is appended to the run when it sorts last (same or later
/// priority than the run's last event, which is the usual case); an urgent one (smaller
/// priority than the run's last) goes to a small binary heap merged with the run on pop.
/// Events of one day therefore run by priority and, for equal priority, in insertion order.
///
/// | operation                              | cost                                            |
/// |----------------------------------------|-------------------------------------------------|
/// | push, day inside the window            | O(1) amortised (vector push_back + 2 bit sets)  |
/// | push, current day, sorts last          | O(1) amortised (vector push_back)               |
/// | push, current day, urgent              | O(log u), u = urgent events left today          |
/// | push, day beyond the window            | O(log m), m = overflow events                   |
/// | pop, within a day                      | O(1) (O(log u) while urgent events are pending) |
/// | pop, first of a new day (k events)     | O(k) check, O(k log k) if priorities are mixed, |
/// |                                        | + bitmap scan (<= 9 summary + 2 bitmap words)   |
/// |                                        | + migration of overflow events now in window    |
/// | memory                                 | 24 bytes per event (plus vector slack) +        |
/// |                                        | 24 bytes per day of window (768 KiB of bucket   |
/// |                                        | headers) + 4 KiB of bitmap                      |
///
/// No allocation in steady state: a spent run's vector goes to a spare list that new buckets
/// take from, so capacity is recycled (never freed, never stranded in a far-future slot).
/// See bench/bench_event_queue.cpp and docs/performance.md for measured costs against
/// std::priority_queue.

#include <cstddef>    // std::size_t
#include <cstdint>    // fixed-width integers
#include <stdexcept>  // std::logic_error
#include <vector>     // std::vector

#include "sim/kernel/calendar.hpp"  // Day

namespace cadresim::kernel {

/// Identifier of the entity an event concerns (an index chosen by the model).
using Subject = std::uint32_t;
/// Subject of events that nobody can cancel (calendar events, plans).
inline constexpr Subject kNoSubject = 0xFFFFFFFFu;

/// A plain scheduled event. Ordered by (day, priority, seq); smaller runs first.
struct Event {
  Day day = 0;                   ///< simulation day on which it fires
  std::uint16_t kind = 0;        ///< model-defined event kind, used for dispatch
  std::uint8_t priority = 0;     ///< order among events of the same day (0 first)
  Subject subject = kNoSubject;  ///< the entity concerned, or kNoSubject
  std::uint32_t stamp = 0;       ///< subject's stamp when scheduled (lazy cancellation)
  std::uint64_t seq = 0;         ///< insertion number, assigned by the queue
};
static_assert(sizeof(Event) == 24, "events stay small");

/// Deterministic day-bucketed priority queue of Events.
class EventQueue {
 public:
  /// Days covered by the bucket ring (a power of two, ~89 years, more than any horizon).
  static constexpr std::uint32_t kWindowDays = 1u << 15;

  /// Creates an empty queue whose current day is `start`.
  explicit EventQueue(Day start = 0);
  /// Out of line, like the constructor: the ring's kWindowDays buckets are made and freed by
  /// the kernel's code, not by an inline copy in every caller (unoptimised callers, as in the
  /// test programs, spent 4.5 % of the sanitizer suite freeing them).
  ~EventQueue();
  EventQueue(const EventQueue&);
  EventQueue(EventQueue&&) noexcept;
  EventQueue& operator=(const EventQueue&);
  EventQueue& operator=(EventQueue&&) noexcept;

  /// Schedules `e` (its seq is assigned here). Throws std::logic_error for a day before
  /// current_day().
  void push(Event e) {
    if (e.day <= current_ ||
        static_cast<std::int64_t>(e.day) - current_ >= static_cast<std::int64_t>(kWindowDays)) {
      push_slow(e);
      return;
    }
    e.seq = next_seq_++;
    ++size_;
    ++in_buckets_;
    to_bucket(e);
  }
  /// True when no event is pending.
  bool empty() const { return size_ == 0; }
  /// Number of pending events.
  std::size_t size() const { return size_; }
  /// Day of the next event, without changing current_day(). Throws std::logic_error if empty.
  Day next_day() const;
  /// Removes and returns the next event. Throws std::logic_error if empty.
  Event pop() {
    if (head_ < today_.size() && urgent_.empty()) {
      --size_;
      return today_[head_++];
    }
    return pop_slow();
  }
  /// The current day: the day of the last popped event (or the start).
  Day current_day() const { return current_; }
  /// Removes every pending event and restarts at `start` with seq 0 (capacity is kept).
  void reset(Day start);

  /// Every pending event in the order it will be popped: (day, priority, seq). Not for the hot
  /// path (it scans the bucket bitmap); used to save the queue (Simulation::save).
  std::vector<Event> pending() const;
  /// The seq the next push will get.
  std::uint64_t next_seq() const { return next_seq_; }
  /// Replaces the contents with `events` (their seqs kept) at current day `current`, the next
  /// push getting `next_seq`: the queue then pops exactly what the saved one would have, since
  /// the pop order is a function of (day, priority, seq) alone. Throws std::invalid_argument
  /// for an event before `current` or a seq not below `next_seq`.
  void restore(Day current, std::uint64_t next_seq, const std::vector<Event>& events);

 private:
  static constexpr std::uint32_t kMask = kWindowDays - 1;
  static constexpr std::uint32_t kWords = kWindowDays / 64;
  static constexpr std::uint32_t kSummaryWords = kWords / 64;

  void push_slow(Event e);  // current day, beyond the window, or past (throws)
  Event pop_slow();         // urgent events pending, or today exhausted
  bool today_empty() const { return head_ == today_.size() && urgent_.empty(); }
  bool peek_next(Day& next) const;  // day of the first event after today; false if none
  bool advance();                   // makes that day current; false if none
  void set_bit(std::uint32_t slot) {
    bits_[slot >> 6] |= std::uint64_t{1} << (slot & 63);
    summary_[slot >> 12] |= std::uint64_t{1} << ((slot >> 6) & 63);
  }
  void clear_bit(std::uint32_t slot);
  void to_bucket(const Event& e) {
    const std::uint32_t slot = static_cast<std::uint32_t>(e.day) & kMask;
    auto& bucket = buckets_[slot];
    if (bucket.capacity() == 0) take_spare(bucket);
    bucket.push_back(e);
    set_bit(slot);
  }
  void take_spare(std::vector<Event>& bucket);  // gives an empty bucket a spare's capacity
  std::uint32_t first_word_from(std::uint32_t word) const;  // kWords if none
  std::uint32_t next_slot(std::uint32_t from) const;        // needs in_buckets_ > 0

  Day current_;
  std::uint64_t next_seq_ = 0;
  std::size_t size_ = 0;
  std::size_t in_buckets_ = 0;
  std::vector<Event> today_;                 // today's run, sorted by (priority, seq)
  std::size_t head_ = 0;                     // next event of today's run
  std::vector<Event> urgent_;                // binary heap by (priority, seq): same-day pushes
                                             // that sort before the run's last event
  std::vector<std::vector<Event>> buckets_;  // ring of kWindowDays buckets
  std::vector<std::uint64_t> bits_;          // non-empty buckets
  std::vector<std::uint64_t> summary_;       // non-zero words of bits_
  std::vector<Event> overflow_;              // binary heap by (day, priority, seq)
  std::vector<std::vector<Event>> spares_;   // empty vectors with capacity, for new buckets
};

}  // namespace cadresim::kernel
