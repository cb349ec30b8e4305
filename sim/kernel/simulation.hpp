#pragma once
/// @file The simulation loop: a value (not a singleton) holding the clock, the future-event
/// set and the per-subject stamps used for lazy cancellation. Handlers are dispatched
/// statically: `run_until` takes any object with `void handle(const Event&)`, and the model
/// switches on `Event::kind` — no std::function and no virtual call per event.

#include <cstddef>    // std::size_t
#include <cstdint>    // std::uint8_t, std::uint16_t, std::uint32_t, std::uint64_t
#include <stdexcept>  // std::logic_error
#include <vector>     // std::vector

#include "sim/kernel/binary_io.hpp"    // ByteWriter, ByteReader for save/load
#include "sim/kernel/calendar.hpp"     // Day
#include "sim/kernel/event_queue.hpp"  // EventQueue, Event

namespace cadresim::kernel {

/// Anything that can receive events.
template <class H>
concept EventHandler = requires(H& h, const Event& e) {
  h.handle(e);
};

/// Clock + future-event set + cancellation stamps.
class Simulation {
 public:
  /// Starts the clock at `start`.
  explicit Simulation(Day start = 0) : queue_(start), now_(start) {}

  /// Current simulation day.
  Day now() const { return now_; }
  /// Pending events (including cancelled ones not yet skipped).
  std::size_t pending() const { return queue_.size(); }

  /// Every pending event (cancelled ones included) in the order they would run; not for the hot
  /// path (it scans the queue).
  std::vector<Event> pending_events() const { return queue_.pending(); }

  /// Makes room for `n` subjects' stamps (subjects are 0..n-1).
  void reserve_subjects(std::size_t n) {
    if (stamps_.size() < n) stamps_.resize(n, 0);
  }
  /// Schedules an event of `kind` for `subject` on `day`; it will be skipped if the subject is
  /// cancelled before then. `day` must not be before now().
  void schedule(Day day, std::uint16_t kind, Subject subject = kNoSubject,
                std::uint8_t priority = 0) {
    std::uint32_t stamp = 0;
    if (subject != kNoSubject) {
      reserve_subjects(static_cast<std::size_t>(subject) + 1);
      stamp = stamps_[subject];
    }
    push(day, kind, subject, stamp, priority);
  }
  /// Schedules an event without a subject (never cancelled) that carries `payload` in its
  /// `stamp` field — e.g. the index of the post or plan it concerns.
  void schedule_with_payload(Day day, std::uint16_t kind, std::uint32_t payload,
                             std::uint8_t priority = 0) {
    push(day, kind, kNoSubject, payload, priority);
  }
  /// Invalidates every pending event of `subject` (lazy: they are skipped when popped).
  void cancel(Subject subject) {
    if (subject < stamps_.size()) ++stamps_[subject];
  }
  /// Asks the running loop to return after the current event; later events stay pending.
  void stop() { stopped_ = true; }
  /// True if stop() was called during the last run.
  bool stopped() const { return stopped_; }

  /// Writes the clock, the pending events (with their seqs and stamps), the next seq and the
  /// cancellation stamps: everything `load` needs to continue exactly where this stands.
  void save(ByteWriter& w) const {
    w.i(now_);
    w.i(queue_.current_day());
    w.u(queue_.next_seq());
    const std::vector<Event> events = queue_.pending();
    w.u(events.size());
    for (const Event& e : events) {
      w.i(e.day);
      w.u(e.kind);
      w.u(e.priority);
      w.u(e.subject);
      w.u(e.stamp);
      w.u(e.seq);
    }
    w.u(stamps_.size());
    for (const std::uint32_t s : stamps_) w.u(s);
  }
  /// Replaces the state with one written by `save`. Throws FormatError if the bytes do not
  /// hold a valid state (an event before the clock, a seq from the future).
  void load(ByteReader& r) {
    const Day now = r.i32();
    const Day current = r.i32();
    const std::uint64_t next_seq = r.u();
    std::vector<Event> events(r.count(6));
    for (Event& e : events) {
      e.day = r.i32();
      e.kind = r.narrow<std::uint16_t>();
      e.priority = r.narrow<std::uint8_t>();
      e.subject = r.narrow<std::uint32_t>();
      e.stamp = r.narrow<std::uint32_t>();
      e.seq = r.u();
      if (e.day < now) throw FormatError("a saved event lies before the saved clock");
    }
    std::vector<std::uint32_t> stamps(r.count(1));
    for (auto& s : stamps) s = r.narrow<std::uint32_t>();
    if (current > now) throw FormatError("the saved queue is ahead of the saved clock");
    try {
      queue_.restore(current, next_seq, events);
    } catch (const std::invalid_argument& e) {
      throw FormatError(e.what());
    }
    now_ = now;
    stamps_ = std::move(stamps);
    stopped_ = false;
  }

  /// Runs events with day <= `until` in (day, priority, insertion) order, skipping cancelled
  /// ones; returns the number of events handled (skipped ones not counted). The clock ends at
  /// `until`, or on the day of the event that called stop(). An exception from the handler
  /// propagates; the event that threw is consumed.
  template <EventHandler H>
  std::uint64_t run_until(Day until, H& handler) {
    stopped_ = false;
    std::uint64_t handled = 0;
    while (!queue_.empty() && queue_.next_day() <= until) {
      const Event e = queue_.pop();
      now_ = e.day;
      if (e.subject != kNoSubject && e.subject < stamps_.size() && stamps_[e.subject] != e.stamp)
        continue;
      handler.handle(e);
      ++handled;
      if (stopped_) return handled;
    }
    if (until > now_) now_ = until;
    return handled;
  }

 private:
  void push(Day day, std::uint16_t kind, Subject subject, std::uint32_t stamp,
            std::uint8_t priority) {
    if (day < now_) throw std::logic_error("Simulation::schedule: day is in the past");
    Event e;
    e.day = day;
    e.kind = kind;
    e.priority = priority;
    e.subject = subject;
    e.stamp = stamp;
    queue_.push(e);
  }

  EventQueue queue_;
  Day now_;
  std::vector<std::uint32_t> stamps_;
  bool stopped_ = false;
};

}  // namespace cadresim::kernel
