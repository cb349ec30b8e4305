#pragma once
/// @file The organisation: hierarchy levels, a tree of units, titles (with their career
/// ladder) and posts (a title in a unit). Plain data, built once from a scenario; the only
/// mutable part, who holds which post, lives in model::World.

#include <cstdint>  // fixed-width integers
#include <limits>   // std::numeric_limits for open validity intervals
#include <span>     // std::span of posts
#include <string>   // std::string
#include <utility>  // std::pair
#include <vector>   // std::vector

#include "sim/kernel/calendar.hpp"  // kernel::Day for validity intervals
#include "sim/model/ids.hpp"

namespace cadresim::model {

/// Open ends of a validity interval [from, until) (docs/model.md § Structural events).
inline constexpr kernel::Day kBeginningOfTime = std::numeric_limits<kernel::Day>::min();
inline constexpr kernel::Day kEndOfTime = std::numeric_limits<kernel::Day>::max();

/// A level of the hierarchy (central, province, district, commune by default).
struct Level {
  std::string id;    ///< short identifier used in scenarios ("district")
  std::string name;  ///< display name
};

/// A unit of the organisation: a locality or an agency.
struct Unit {
  std::string id;                     ///< unique identifier
  std::string name;                   ///< display name (UTF-8)
  LevelId level = 0;                  ///< its level
  UnitId parent = kNoUnit;            ///< parent unit, kNoUnit for the root
  std::string sector;                 ///< "territorial" or an agency sector (party, finance, ...)
  double regional_coefficient = 0;    ///< phụ cấp khu vực coefficient (× base salary)
  bool especially_difficult = false;  ///< Region III / ĐBKK: attraction allowance applies
  double distance_km = 0;             ///< distance to the parent's seat
  int establishment = 0;              ///< planned headcount (0 = number of its posts)
  /// In force on days [from, until): units created or ended by a structural event have finite
  /// ends; every other unit exists for the whole run.
  kernel::Day from = kBeginningOfTime;
  kernel::Day until = kEndOfTime;
  UnitId successor = kNoUnit;  ///< the unit it merged into when it ended (kNoUnit: none)
  /// Later parents: (day, parent) in date order, set by structural "move" events.
  std::vector<std::pair<kernel::Day, UnitId>> moves;
  /// True if the unit is in force on `day`.
  bool in_force(kernel::Day day) const { return from <= day && day < until; }
};

/// How a title's holder gets and keeps the post.
enum class TenureKind : std::uint8_t {
  kPartyTerm,  ///< elected at party congresses
  kStateTerm,  ///< elected at People's Council / state-term elections
  kAppointed,  ///< appointed for a fixed number of months, renewable
};

/// Whether a title must be held by someone not native to the unit.
enum class NonNativeRule : std::uint8_t {
  kNone,       ///< no rule
  kPreferred,  ///< natives only when no non-native candidate exists
  kRequired,   ///< never held by a native (a hard rule, checked as an invariant)
};

/// A title (chức danh): the role, its pay and its place in the career ladder.
struct Title {
  std::string id;
  std::string name;
  LevelId level = 0;                 ///< level of the units it exists in
  std::vector<std::string> sectors;  ///< unit sectors it exists in (empty = all)
  int posts_per_unit = 1;            ///< posts of this title in each such unit
  int rank = 0;                      ///< seniority; higher rank = higher post
  bool key = false;                  ///< key leadership post: succession-planned
  bool head = false;                 ///< head of the unit (cấp trưởng)
  /// Consecutive-term limit of this title: -1 = the default rule (TermsParams::
  /// max_consecutive_terms for heads, none for others; QĐ 65 Art. 4.2(b)), 0 = no limit.
  int max_consecutive_terms = -1;
  bool entry = false;  ///< recruitment from outside fills it
  TenureKind tenure = TenureKind::kAppointed;
  NonNativeRule non_native = NonNativeRule::kNone;
  double salary_coefficient = 0;  ///< fixed salary coefficient; 0 = paid on own grade
  double position_allowance = 0;  ///< phụ cấp chức vụ coefficient (× base salary)
  std::vector<TitleId> feeds;     ///< titles whose successors come from this one
  std::vector<TitleId> fed_by;    ///< inverse of feeds (filled by finalise())
  TierId tier = kNoTier;          ///< managing tier; finalise() gives kNoTier the default tier
};

/// A managing tier (cấp quản lý cán bộ): the body — a standing committee, the Politburo — that
/// plans successors for, appoints to and rotates the holders of the titles it manages, each
/// post within its scope: the unit at the tier's level above the post's unit (for an agency
/// placed under its locality at the same level, the locality). docs/model.md § Managing tiers.
struct ManagingTier {
  std::string id;
  std::string name;
  LevelId level = 0;  ///< level at which the body sits
  /// The default rule (no tiers in the scenario): the scope is the parent of the post's unit,
  /// whatever its level (the unit itself at the root); `level` is then only descriptive.
  bool parent_scope = false;
};

/// A post: one title in one unit, with at most one holder.
struct Post {
  TitleId title = kNoTitle;
  UnitId unit = kNoUnit;
};

/// The whole organisation with the lookups the rules need.
struct Organisation {
  std::vector<Level> levels;
  std::vector<Unit> units;
  std::vector<Title> titles;
  std::vector<Post> posts;
  std::vector<ManagingTier> tiers;  ///< managing tiers (finalise() adds the default ones)

  // Derived by finalise(): do not edit by hand.
  std::vector<std::vector<UnitId>> children;        ///< children of each unit
  std::vector<std::vector<PostId>> posts_of_unit;   ///< posts in each unit
  std::vector<std::vector<UnitId>> units_of_level;  ///< units at each level
  std::vector<std::vector<PostId>> posts_of_title;  ///< posts of each title
  /// Posts of each title ordered by their unit's Euler-tour entry (then id), and those entries:
  /// the posts of a title inside one unit's subtree are one contiguous range
  /// (posts_of_title_within).
  std::vector<std::vector<PostId>> posts_of_title_by_tour;
  std::vector<std::vector<std::uint32_t>> tour_entry_of_title_posts;
  /// The posts_of_title_by_tour lists laid end to end: each title's offset, and each post's
  /// place (kNoTourSlot for a post not in force). World::holder_by_tour_slot follows this order,
  /// so the holders of a title's range are contiguous (tour_slot_of).
  std::vector<std::uint32_t> title_tour_offset;
  std::vector<std::uint32_t> tour_slot_of_post;
  static constexpr std::uint32_t kNoTourSlot = 0xFFFFFFFFu;
  /// Units of each level in Euler-tour order, and their tour entries (units_of_level_within).
  std::vector<std::vector<UnitId>> units_of_level_by_tour;
  std::vector<std::vector<std::uint32_t>> tour_entry_of_level_units;
  std::vector<std::uint32_t> preorder_in;   ///< Euler tour entry index per unit
  std::vector<std::uint32_t> preorder_out;  ///< Euler tour exit index per unit
  std::vector<UnitId> managing_scope;       ///< per post: scope of its title's tier (kNoUnit: none)
  std::vector<std::vector<PostId>> all_posts_of_unit;  ///< posts of each unit, in force or not
  std::vector<std::uint8_t> unit_active;               ///< per unit: in force on the activation day
  std::vector<std::uint8_t> post_active;     ///< per post: its unit is in force on that day
  kernel::Day active_on = kBeginningOfTime;  ///< the day the lookups describe

  /// Creates posts from titles (posts_per_unit in each matching unit, for every unit that ever
  /// exists) and fills the derived lookups for the structure before any structural event.
  /// The unit tree must be a valid tree (the scenario loader checks that). Titles
  /// without a tier get the default one for their level ("parent-of-<level>", parent_scope).
  void finalise();
  /// Rebuilds the derived lookups (children, units and posts per level, unit and title, the
  /// Euler tour, managing scopes) for the structure in force on `day`: units outside their
  /// validity interval and their posts disappear from every lookup; moved units take the
  /// parent in force. An ended unit stays in the Euler tour below its successor (or its last
  /// parent), so `within(home, unit)` still holds for a cadre native to a merged unit.
  /// Post ids never change. With no structural events this is what finalise() built.
  void activate(kernel::Day day);
  /// Posts in force of title `t` whose unit lies in the subtree of `scope` (kNoUnit: every
  /// post of the title), in Euler-tour order: a binary search instead of a scan of the title.
  std::span<const PostId> posts_of_title_within(TitleId t, UnitId scope) const;
  /// The tour slot of the first post of `range`, a range that posts_of_title_within(t, …)
  /// returned.
  std::uint32_t tour_slot_of(TitleId t, std::span<const PostId> range) const {
    return title_tour_offset[t] +
           static_cast<std::uint32_t>(range.data() - posts_of_title_by_tour[t].data());
  }
  /// Units in force of `level` in the subtree of `scope` (kNoUnit: every unit of the level), in
  /// Euler-tour order (not id order): a binary search instead of a scan of the level.
  std::span<const UnitId> units_of_level_within(LevelId level, UnitId scope) const;
  /// Units in force of `unit`'s level outside its subtree (where a non-native of `unit` comes
  /// from): how many, and the k-th of them (k < that count) in id order, as a scan of
  /// units_of_level skipping the subtree would find it, but in O(s log n) for s units of the
  /// level inside the subtree (usually just `unit`).
  std::size_t units_of_level_outside_count(UnitId unit) const;
  UnitId unit_of_level_outside(UnitId unit, std::size_t k) const;
  /// True if post `p` exists in the structure in force (the activation day).
  bool in_force(PostId p) const { return post_active[p] != 0; }

  /// True if `unit` is `ancestor` or lies below it (O(1) via the Euler tour).
  bool within(UnitId unit, UnitId ancestor) const {
    return preorder_in[ancestor] <= preorder_in[unit] &&
           preorder_out[unit] <= preorder_out[ancestor];
  }
  /// The ancestor of `unit` at `level` (or kNoUnit if none).
  UnitId ancestor_at_level(UnitId unit, LevelId level) const;
  /// Level of a post.
  LevelId level_of(PostId p) const { return units[posts[p].unit].level; }
  /// Title of a post.
  const Title& title_of(PostId p) const { return titles[posts[p].title]; }
  /// Index of a level by id, or -1.
  int find_level(const std::string& id) const;
  /// Index of a unit by id, or kNoUnit (linear; for loading, not for the hot path).
  UnitId find_unit(const std::string& id) const;
  /// Index of a title by id, or kNoTitle.
  TitleId find_title(const std::string& id) const;
  /// Post of `title` in `unit` (the n-th when posts_per_unit > 1), or kNoPost; in force or not.
  PostId find_post(UnitId unit, TitleId title, int nth = 0) const;
  /// "unit-id/title-id" (with "#n" for n > 0) — the post's display identifier.
  std::string post_label(PostId p) const;
};

}  // namespace cadresim::model
