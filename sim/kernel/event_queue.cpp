#include "sim/kernel/event_queue.hpp"

#include <algorithm>  // std::push_heap, std::pop_heap, std::is_sorted, std::sort
#include <bit>        // std::countr_zero
#include <stdexcept>  // std::invalid_argument for restore

namespace cadresim::kernel {

namespace {
// Order within one day: (priority, seq).
struct RunsBeforeSameDay {
  bool operator()(const Event& a, const Event& b) const {
    return a.priority != b.priority ? a.priority < b.priority : a.seq < b.seq;
  }
};
// std heaps are max-heaps: "less" means "runs later".
struct RunsLaterSameDay {
  bool operator()(const Event& a, const Event& b) const { return RunsBeforeSameDay{}(b, a); }
};
struct RunsLater {
  bool operator()(const Event& a, const Event& b) const {
    if (a.day != b.day) return a.day > b.day;
    return RunsBeforeSameDay{}(b, a);
  }
};
}  // namespace

EventQueue::EventQueue(Day start)
    : current_(start), buckets_(kWindowDays), bits_(kWords, 0), summary_(kSummaryWords, 0) {}
EventQueue::~EventQueue() = default;
EventQueue::EventQueue(const EventQueue&) = default;
EventQueue::EventQueue(EventQueue&&) noexcept = default;
EventQueue& EventQueue::operator=(const EventQueue&) = default;
EventQueue& EventQueue::operator=(EventQueue&&) noexcept = default;

void EventQueue::reset(Day start) {
  current_ = start;
  next_seq_ = 0;
  size_ = 0;
  in_buckets_ = 0;
  today_.clear();
  head_ = 0;
  urgent_.clear();
  for (std::uint32_t word = 0; word < kWords; ++word) {
    for (std::uint64_t w = bits_[word]; w != 0; w &= w - 1)
      buckets_[(word << 6) | static_cast<std::uint32_t>(std::countr_zero(w))].clear();
    bits_[word] = 0;
  }
  std::fill(summary_.begin(), summary_.end(), 0);
  overflow_.clear();
}

std::vector<Event> EventQueue::pending() const {
  std::vector<Event> out;
  out.reserve(size_);
  out.insert(out.end(), today_.begin() + static_cast<std::ptrdiff_t>(head_), today_.end());
  out.insert(out.end(), urgent_.begin(), urgent_.end());
  for (std::uint32_t word = 0; word < kWords; ++word)
    for (std::uint64_t w = bits_[word]; w != 0; w &= w - 1) {
      const auto& bucket = buckets_[(word << 6) | static_cast<std::uint32_t>(std::countr_zero(w))];
      out.insert(out.end(), bucket.begin(), bucket.end());
    }
  out.insert(out.end(), overflow_.begin(), overflow_.end());
  std::sort(out.begin(), out.end(),
            [](const Event& a, const Event& b) { return RunsLater{}(b, a); });
  return out;
}

void EventQueue::restore(Day current, std::uint64_t next_seq, const std::vector<Event>& events) {
  for (const Event& e : events)
    if (e.day < current || e.seq >= next_seq)
      throw std::invalid_argument(
          "EventQueue::restore: event before the current day or seq too large");
  reset(current);
  next_seq_ = next_seq;
  for (const Event& e : events) {
    ++size_;
    if (e.day == current_) {
      today_.push_back(e);
    } else if (static_cast<std::int64_t>(e.day) - current_ <
               static_cast<std::int64_t>(kWindowDays)) {
      to_bucket(e);
      ++in_buckets_;
    } else {
      overflow_.push_back(e);
      std::push_heap(overflow_.begin(), overflow_.end(), RunsLater{});
    }
  }
  // Buckets were filled in any order the caller chose: sort each so pops follow (priority, seq).
  std::sort(today_.begin(), today_.end(), RunsBeforeSameDay{});
  for (std::uint32_t word = 0; word < kWords; ++word)
    for (std::uint64_t w = bits_[word]; w != 0; w &= w - 1) {
      auto& bucket = buckets_[(word << 6) | static_cast<std::uint32_t>(std::countr_zero(w))];
      std::sort(bucket.begin(), bucket.end(), RunsBeforeSameDay{});
    }
}

void EventQueue::take_spare(std::vector<Event>& bucket) {
  if (spares_.empty()) return;
  bucket.swap(spares_.back());
  spares_.pop_back();
}

void EventQueue::clear_bit(std::uint32_t slot) {
  auto& w = bits_[slot >> 6];
  w &= ~(std::uint64_t{1} << (slot & 63));
  if (w == 0) summary_[slot >> 12] &= ~(std::uint64_t{1} << ((slot >> 6) & 63));
}

std::uint32_t EventQueue::first_word_from(std::uint32_t word) const {
  std::uint32_t sword = word >> 6;
  if (sword >= kSummaryWords) return kWords;
  std::uint64_t s = summary_[sword] & (~std::uint64_t{0} << (word & 63));
  while (s == 0) {
    if (++sword == kSummaryWords) return kWords;
    s = summary_[sword];
  }
  return (sword << 6) | static_cast<std::uint32_t>(std::countr_zero(s));
}

std::uint32_t EventQueue::next_slot(std::uint32_t from) const {
  // First set bit at or after `from`, going forward around the ring.
  const std::uint32_t word = from >> 6;
  const std::uint64_t w = bits_[word] & (~std::uint64_t{0} << (from & 63));
  if (w != 0) return (word << 6) | static_cast<std::uint32_t>(std::countr_zero(w));
  std::uint32_t next = first_word_from(word + 1);
  if (next == kWords) next = first_word_from(0);  // wrap; may find `word` below `from`
  return (next << 6) | static_cast<std::uint32_t>(std::countr_zero(bits_[next]));
}

void EventQueue::push_slow(Event e) {
  if (e.day < current_) throw std::logic_error("EventQueue::push: event scheduled in the past");
  e.seq = next_seq_++;
  ++size_;
  if (e.day == current_) {
    if (head_ == today_.size()) {  // run exhausted: restart it
      today_.clear();
      head_ = 0;
    }
    // e has the largest seq, so it sorts last in the run unless its priority is smaller.
    if (today_.empty() || e.priority >= today_.back().priority) {
      today_.push_back(e);
    } else {
      urgent_.push_back(e);
      std::push_heap(urgent_.begin(), urgent_.end(), RunsLaterSameDay{});
    }
  } else {
    // Beyond the window (days inside it are handled by push()).
    overflow_.push_back(e);
    std::push_heap(overflow_.begin(), overflow_.end(), RunsLater{});
  }
}

bool EventQueue::peek_next(Day& next) const {
  // Invariant: bucket days lie in (current_, current_ + kWindowDays), overflow days at or
  // after current_ + kWindowDays, so the buckets, when not empty, hold the next day.
  if (in_buckets_ > 0) {
    const std::uint32_t cur_slot = static_cast<std::uint32_t>(current_) & kMask;
    const std::uint32_t slot = next_slot((cur_slot + 1) & kMask);
    next = current_ + static_cast<Day>((slot - cur_slot) & kMask);
    return true;
  }
  if (overflow_.empty()) return false;
  next = overflow_.front().day;
  return true;
}

bool EventQueue::advance() {
  Day next;
  if (!peek_next(next)) return false;
  current_ = next;
  // Take the day's bucket as today's run (swap keeps both capacities).
  today_.clear();
  head_ = 0;
  const std::uint32_t slot = static_cast<std::uint32_t>(current_) & kMask;
  auto& bucket = buckets_[slot];
  if (!bucket.empty()) {
    in_buckets_ -= bucket.size();
    // The spent run's capacity is recycled for the next new bucket; left in this slot it
    // would wait kWindowDays days (measured: 16x the memory of a binary heap at 1M events).
    if (today_.capacity() != 0) spares_.push_back(std::move(today_));
    today_.clear();  // a moved-from vector is empty; this states it
    today_.swap(bucket);
    clear_bit(slot);
  }
  // Migrate overflow events that now fall inside the window (or today).
  while (!overflow_.empty() && static_cast<std::int64_t>(overflow_.front().day) - current_ <
                                   static_cast<std::int64_t>(kWindowDays)) {
    std::pop_heap(overflow_.begin(), overflow_.end(), RunsLater{});
    const Event e = overflow_.back();
    overflow_.pop_back();
    if (e.day == current_) {
      today_.push_back(e);
    } else {
      to_bucket(e);
      ++in_buckets_;
    }
  }
  // Buckets fill in insertion order: with one priority the run is already sorted.
  if (!std::is_sorted(today_.begin(), today_.end(), RunsBeforeSameDay{}))
    std::sort(today_.begin(), today_.end(), RunsBeforeSameDay{});
  return true;
}

Day EventQueue::next_day() const {
  if (!today_empty()) return current_;
  Day next;
  if (!peek_next(next)) throw std::logic_error("EventQueue::next_day: empty queue");
  return next;
}

Event EventQueue::pop_slow() {
  if (today_empty() && !advance()) throw std::logic_error("EventQueue::pop: empty queue");
  --size_;
  if (!urgent_.empty() &&
      (head_ == today_.size() || RunsBeforeSameDay{}(urgent_.front(), today_[head_]))) {
    std::pop_heap(urgent_.begin(), urgent_.end(), RunsLaterSameDay{});
    const Event e = urgent_.back();
    urgent_.pop_back();
    return e;
  }
  return today_[head_++];
}

}  // namespace cadresim::kernel
