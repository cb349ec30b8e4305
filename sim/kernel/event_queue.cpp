#include "sim/kernel/event_queue.hpp"

#include <algorithm>  // std::push_heap, std::pop_heap, std::make_heap
#include <bit>        // std::countr_zero

namespace cadresim::kernel {

namespace {
// std heaps are max-heaps: "less" means "runs later".
struct RunsLaterSameDay {
  bool operator()(const Event& a, const Event& b) const {
    return a.priority != b.priority ? a.priority > b.priority : a.seq > b.seq;
  }
};
struct RunsLater {
  bool operator()(const Event& a, const Event& b) const {
    if (a.day != b.day) return a.day > b.day;
    return a.priority != b.priority ? a.priority > b.priority : a.seq > b.seq;
  }
};
}  // namespace

EventQueue::EventQueue(Day start)
    : current_(start), buckets_(kWindowDays), bits_(kWords, 0), summary_(kWords / 64, 0) {}

void EventQueue::reset(Day start) {
  current_ = start;
  next_seq_ = 0;
  size_ = 0;
  in_buckets_ = 0;
  today_.clear();
  for (auto& b : buckets_) b.clear();
  std::fill(bits_.begin(), bits_.end(), 0);
  std::fill(summary_.begin(), summary_.end(), 0);
  overflow_.clear();
}

void EventQueue::set_bit(std::uint32_t slot) {
  bits_[slot >> 6] |= std::uint64_t{1} << (slot & 63);
  summary_[slot >> 12] |= std::uint64_t{1} << ((slot >> 6) & 63);
}

void EventQueue::clear_bit(std::uint32_t slot) {
  auto& w = bits_[slot >> 6];
  w &= ~(std::uint64_t{1} << (slot & 63));
  if (w == 0) summary_[slot >> 12] &= ~(std::uint64_t{1} << ((slot >> 6) & 63));
}

std::int64_t EventQueue::find_next_slot(std::uint32_t from) const {
  // Scan forward from `from` to the end of the ring, then wrap around once.
  for (int pass = 0; pass < 2; ++pass) {
    const std::uint32_t start = pass == 0 ? from : 0;
    const std::uint32_t end = pass == 0 ? kWindowDays : from;
    if (start >= end) continue;
    std::uint32_t word = start >> 6;
    std::uint64_t w = bits_[word] & (~std::uint64_t{0} << (start & 63));
    while (true) {
      if (w != 0) {
        const std::uint32_t slot = (word << 6) | static_cast<std::uint32_t>(std::countr_zero(w));
        if (slot < end) return slot;
        break;
      }
      // Next non-zero word through the summary.
      std::uint32_t next = word + 1;
      if ((next << 6) >= end) break;
      std::uint32_t sword = next >> 6;
      std::uint64_t s = summary_[sword] & (~std::uint64_t{0} << (next & 63));
      while (s == 0) {
        ++sword;
        if (sword >= summary_.size() || (sword << 12) >= end) return pass == 0 ? -2 : -1;
        s = summary_[sword];
      }
      word = (sword << 6) | static_cast<std::uint32_t>(std::countr_zero(s));
      if ((word << 6) >= end) break;
      w = bits_[word];
    }
  }
  return -1;
}

void EventQueue::push(Event e) {
  if (e.day < current_) throw std::logic_error("EventQueue::push: event scheduled in the past");
  e.seq = next_seq_++;
  ++size_;
  if (e.day == current_) {
    today_.push_back(e);
    std::push_heap(today_.begin(), today_.end(), RunsLaterSameDay{});
  } else if (static_cast<std::int64_t>(e.day) - current_ < static_cast<std::int64_t>(kWindowDays)) {
    const std::uint32_t slot = static_cast<std::uint32_t>(e.day) & kMask;
    buckets_[slot].push_back(e);
    set_bit(slot);
    ++in_buckets_;
  } else {
    overflow_.push_back(e);
    std::push_heap(overflow_.begin(), overflow_.end(), RunsLater{});
  }
}

bool EventQueue::peek_next(Day& next) const {
  if (in_buckets_ > 0) {
    const std::uint32_t from = (static_cast<std::uint32_t>(current_) + 1) & kMask;
    std::int64_t slot = find_next_slot(from);
    if (slot == -2) slot = find_next_slot(0);
    // Distance in days from current_ to the slot, going forward around the ring.
    const std::uint32_t cur_slot = static_cast<std::uint32_t>(current_) & kMask;
    const std::uint32_t dist = (static_cast<std::uint32_t>(slot) - cur_slot) & kMask;
    next = current_ + static_cast<Day>(dist == 0 ? kWindowDays : dist);
  } else if (!overflow_.empty()) {
    next = overflow_.front().day;
  } else {
    return false;
  }
  if (!overflow_.empty() && overflow_.front().day < next) next = overflow_.front().day;
  return true;
}

bool EventQueue::advance() {
  Day next;
  if (!peek_next(next)) return false;
  current_ = next;
  // Take the day's bucket as the new today-heap (swap keeps both capacities).
  const std::uint32_t slot = static_cast<std::uint32_t>(current_) & kMask;
  auto& bucket = buckets_[slot];
  if (!bucket.empty()) {
    in_buckets_ -= bucket.size();
    today_.swap(bucket);
    clear_bit(slot);
  }
  // Migrate overflow events that now fall inside the window (or today).
  while (!overflow_.empty() &&
         static_cast<std::int64_t>(overflow_.front().day) - current_ <
             static_cast<std::int64_t>(kWindowDays)) {
    std::pop_heap(overflow_.begin(), overflow_.end(), RunsLater{});
    const Event e = overflow_.back();
    overflow_.pop_back();
    if (e.day == current_) {
      today_.push_back(e);
    } else {
      const std::uint32_t s = static_cast<std::uint32_t>(e.day) & kMask;
      buckets_[s].push_back(e);
      set_bit(s);
      ++in_buckets_;
    }
  }
  std::make_heap(today_.begin(), today_.end(), RunsLaterSameDay{});
  return true;
}

Day EventQueue::next_day() const {
  if (!today_.empty()) return current_;
  Day next;
  if (!peek_next(next)) throw std::logic_error("EventQueue::next_day: empty queue");
  return next;
}

Event EventQueue::pop() {
  if (today_.empty() && !advance()) throw std::logic_error("EventQueue::pop: empty queue");
  std::pop_heap(today_.begin(), today_.end(), RunsLaterSameDay{});
  const Event e = today_.back();
  today_.pop_back();
  --size_;
  return e;
}

}  // namespace cadresim::kernel
