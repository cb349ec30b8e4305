#pragma once
/// @file The future-event set: a day-bucketed calendar queue.
///
/// Simulation time is whole days, so events are kept in one bucket per day in a ring that
/// covers a window of `kWindowDays` days from the current day; events beyond the window wait
/// in an overflow binary heap and move into their bucket when the window reaches them. A
/// two-level bitmap finds the next non-empty day in a few word scans. When a day becomes
/// current, its bucket is swapped into a small binary heap ordered by (priority, seq), so
/// events of one day run by priority and, for equal priority, in insertion order; events
/// scheduled for the current day go straight into that heap.
///
/// | operation                          | cost                                              |
/// |------------------------------------|---------------------------------------------------|
/// | push, day inside the window        | O(1) amortised (vector push_back + bit set)       |
/// | push, day == current day           | O(log k), k = events left today                   |
/// | push, day beyond the window        | O(log m), m = overflow events                     |
/// | pop                                | O(log k) + amortised O(1) day advance             |
/// | memory                             | 24 bytes per event + 24 bytes per day of window   |
///
/// No allocation in steady state: bucket vectors keep their capacity and are swapped, not
/// freed. See bench/bench_event_queue.cpp and docs/performance.md for measured costs against
/// std::priority_queue.

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
  Day day = 0;                 ///< simulation day on which it fires
  std::uint16_t kind = 0;      ///< model-defined event kind, used for dispatch
  std::uint8_t priority = 0;   ///< order among events of the same day (0 first)
  Subject subject = kNoSubject;///< the entity concerned, or kNoSubject
  std::uint32_t stamp = 0;     ///< subject's stamp when scheduled (lazy cancellation)
  std::uint64_t seq = 0;       ///< insertion number, assigned by the queue
};
static_assert(sizeof(Event) == 24, "events stay small");

/// Deterministic day-bucketed priority queue of Events.
class EventQueue {
 public:
  /// Days covered by the bucket ring (a power of two, ~89 years, more than any horizon).
  static constexpr std::uint32_t kWindowDays = 1u << 15;

  /// Creates an empty queue whose current day is `start`.
  explicit EventQueue(Day start = 0);

  /// Schedules `e` (its seq is assigned here). Throws std::logic_error for a past day.
  void push(Event e);
  /// True when no event is pending.
  bool empty() const { return size_ == 0; }
  /// Number of pending events.
  std::size_t size() const { return size_; }
  /// Day of the next event; the queue must not be empty.
  Day next_day() const;
  /// Removes and returns the next event; the queue must not be empty.
  Event pop();
  /// The current day: the day of the last popped event (or the start).
  Day current_day() const { return current_; }
  /// Removes every pending event and restarts at `start` (capacity is kept).
  void reset(Day start);

 private:
  static constexpr std::uint32_t kMask = kWindowDays - 1;
  static constexpr std::uint32_t kWords = kWindowDays / 64;

  bool peek_next(Day& next) const;  // day of the next event outside today; false if none
  bool advance();  // makes the next non-empty day current; false if none
  void set_bit(std::uint32_t slot);
  void clear_bit(std::uint32_t slot);
  std::int64_t find_next_slot(std::uint32_t from) const;  // -1 if none

  Day current_;
  std::uint64_t next_seq_ = 0;
  std::size_t size_ = 0;
  std::vector<Event> today_;                  // binary heap by (priority, seq)
  std::vector<std::vector<Event>> buckets_;   // ring of kWindowDays buckets
  std::vector<std::uint64_t> bits_;           // non-empty buckets
  std::vector<std::uint64_t> summary_;        // non-zero words of bits_
  std::vector<Event> overflow_;               // binary heap by (day, priority, seq)
  std::size_t in_buckets_ = 0;
};

}  // namespace cadresim::kernel
