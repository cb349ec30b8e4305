#pragma once
/// @file The succession plan: who is planned for which post, in post order, with removals that
/// do not move the entries after them.

#include <algorithm>    // std::equal_range, std::lower_bound, std::upper_bound, std::stable_sort
#include <cstddef>      // std::size_t, std::ptrdiff_t
#include <cstdint>      // std::uint8_t
#include <iterator>     // std::forward_iterator_tag
#include <type_traits>  // std::remove_const_t, std::enable_if_t
#include <utility>      // std::move
#include <vector>       // std::vector

#include "sim/kernel/calendar.hpp"  // kernel::Day
#include "sim/model/ids.hpp"

namespace cadresim::model {

/// Readiness of a planned successor.
enum class Readiness : std::uint8_t { kNotReady, kReadyLater, kReadyNow };

/// One entry of the succession plan: a cadre planned for a post.
struct PlanEntry {
  CadreId cadre = kNoCadre;
  PostId post = kNoPost;
  Readiness readiness = Readiness::kNotReady;
  kernel::Day since = 0;
};

/// Orders plan entries by post only (stable algorithms keep the order within a post).
struct PlanByPost {
  bool operator()(const PlanEntry& a, const PlanEntry& b) const { return a.post < b.post; }
  bool operator()(const PlanEntry& a, PostId b) const { return a.post < b; }
  bool operator()(PostId a, const PlanEntry& b) const { return a < b.post; }
};

/// The succession plan: its entries in post order, one post's in the order they were added, so
/// a post's entries are found by binary search and a pass over the plan meets them in a fixed
/// order.
///
/// A large organisation's plan holds tens of thousands of entries, and an entry is used up or
/// dropped at every appointment of a planned successor and every exit of a planned cadre.
/// Erasing it from a vector moves every entry after it (half the plan on average), which made
/// the cost of a replication grow with the square of the organisation (docs/performance.md).
/// Here a removed entry stays in its slot as a gap (its cadre set to kNoCadre, its post kept,
/// so the slots stay in post order) and the gaps are squeezed out, in order, once they
/// outnumber the entries or when compact() is called. Iteration, size(), front() and of() see
/// the entries only, in the order a vector with erasures would hold them.
class SuccessionPlan {
 public:
  /// A forward iterator over the entries of a run of slots, skipping the gaps.
  template <class Entry>
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::remove_const_t<Entry>;
    using difference_type = std::ptrdiff_t;
    using pointer = Entry*;
    using reference = Entry&;

    Iterator() = default;
    /// At the first entry in [at, stop) (or at `stop`).
    Iterator(Entry* at, Entry* stop) : at_(at), stop_(stop) { skip_gaps(); }
    /// A mutable iterator converts to a const one.
    template <class Other, class = std::enable_if_t<std::is_same_v<Other const, Entry> &&
                                                    !std::is_same_v<Other, Entry>>>
    Iterator(const Iterator<Other>& o) : at_(o.at_), stop_(o.stop_) {}  // NOLINT: implicit

    reference operator*() const { return *at_; }
    pointer operator->() const { return at_; }
    Iterator& operator++() {
      ++at_;
      skip_gaps();
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.at_ == b.at_; }

   private:
    template <class>
    friend class Iterator;
    void skip_gaps() {
      while (at_ != stop_ && at_->cadre == kNoCadre) ++at_;
    }
    Entry* at_ = nullptr;
    Entry* stop_ = nullptr;
  };
  using iterator = Iterator<PlanEntry>;
  using const_iterator = Iterator<const PlanEntry>;

  /// The entries of one post (a run of slots).
  template <class Entry>
  class Range {
   public:
    Range(Entry* first, Entry* last) : begin_(first, last), end_(last, last) {}
    Iterator<Entry> begin() const { return begin_; }
    Iterator<Entry> end() const { return end_; }
    bool empty() const { return begin_ == end_; }

   private:
    Iterator<Entry> begin_, end_;
  };

  iterator begin() { return {slots_.data(), slots_.data() + slots_.size()}; }
  iterator end() { return {slots_.data() + slots_.size(), slots_.data() + slots_.size()}; }
  const_iterator begin() const { return {slots_.data(), slots_.data() + slots_.size()}; }
  const_iterator end() const {
    return {slots_.data() + slots_.size(), slots_.data() + slots_.size()};
  }
  /// Number of entries (gaps not counted).
  std::size_t size() const { return entries_; }
  bool empty() const { return entries_ == 0; }
  /// The first entry (the plan must not be empty).
  const PlanEntry& front() const { return *begin(); }

  /// The entries of `post`, in the order they were added.
  Range<const PlanEntry> of(PostId post) const {
    const auto [first, last] = std::equal_range(slots_.begin(), slots_.end(), post, PlanByPost{});
    return {slots_.data() + (first - slots_.begin()), slots_.data() + (last - slots_.begin())};
  }
  Range<PlanEntry> of(PostId post) {
    const auto [first, last] = std::equal_range(slots_.begin(), slots_.end(), post, PlanByPost{});
    return {slots_.data() + (first - slots_.begin()), slots_.data() + (last - slots_.begin())};
  }

  /// The first entry of a post at or after `post`, as an iterator over the rest of the plan.
  iterator from_post(PostId post) {
    const auto at = std::lower_bound(slots_.begin(), slots_.end(), post, PlanByPost{});
    return {slots_.data() + (at - slots_.begin()), slots_.data() + slots_.size()};
  }

  /// Appends `entry` at the end: the caller keeps the post order (a hand-built plan), or
  /// restores it with merge_appended.
  void push_back(const PlanEntry& entry) {
    slots_.push_back(entry);
    ++entries_;
  }
  /// Adds `entry` after the entries of its post. A gap just before or at that place takes it
  /// (its post may change: the slots around it keep the post order either way), otherwise the
  /// slots after it move.
  void insert(const PlanEntry& entry) {
    const auto at = std::upper_bound(slots_.begin(), slots_.end(), entry.post, PlanByPost{});
    if (at != slots_.begin() && std::prev(at)->cadre == kNoCadre)
      *std::prev(at) = entry;
    else if (at != slots_.end() && at->cadre == kNoCadre)
      *at = entry;
    else
      slots_.insert(at, entry);
    ++entries_;
  }
  /// Squeezes out the gaps (keeping the order) and returns the number of entries, which is
  /// then also the number of slots: the mark from which merge_appended merges entries
  /// appended later.
  std::size_t compact() {
    if (slots_.size() != entries_)
      slots_.erase(std::remove_if(slots_.begin(), slots_.end(),
                                  [](const PlanEntry& e) { return e.cadre == kNoCadre; }),
                   slots_.end());
    return entries_;
  }
  /// Puts the entries appended from slot `from` on (the mark compact() returned) into post
  /// order among the others, each post's after the ones it had, in the order appended.
  void merge_appended(std::size_t from) {
    const auto mid = slots_.begin() + static_cast<std::ptrdiff_t>(from);
    std::stable_sort(mid, slots_.end(), PlanByPost{});
    std::inplace_merge(slots_.begin(), mid, slots_.end(), PlanByPost{});
  }
  /// Removes the entry `e` (one of this plan's, reached through an iterator or of()): it
  /// becomes a gap. Iterators stay valid; call squeeze_if_sparse once a loop of removals ends.
  void remove(PlanEntry& e) {
    e.cadre = kNoCadre;
    --entries_;
  }
  /// Squeezes out the gaps once they outnumber the entries (by more than a few). A squeeze
  /// then follows at least as many removals as it moves entries, so a removal costs constant
  /// time on average.
  void squeeze_if_sparse() {
    if (slots_.size() - entries_ > entries_ + kGapsAlwaysKept) compact();
  }
  /// Replaces the plan with `entries` (in post order, none with kNoCadre).
  void assign(std::vector<PlanEntry> entries) {
    slots_ = std::move(entries);
    entries_ = slots_.size();
  }
  /// The slots, gaps included (a gap's cadre is kNoCadre): for binary searches by post over a
  /// part of the plan.
  const std::vector<PlanEntry>& slots() const { return slots_; }

 private:
  /// A few gaps are never worth a pass over the plan.
  static constexpr std::size_t kGapsAlwaysKept = 64;
  std::vector<PlanEntry> slots_;
  std::size_t entries_ = 0;
};

}  // namespace cadresim::model
