#pragma once
/// @file Cadres (officials): who they are and their career state. Plain data.

#include <array>    // std::array
#include <cstddef>  // std::size_t
#include <cstdint>  // fixed-width integers
#include <string>   // std::string
#include <vector>   // std::vector

#include "sim/kernel/calendar.hpp"  // kernel::Day
#include "sim/model/ids.hpp"

namespace cadresim::model {

using kernel::Day;

/// Sex, which sets the statutory retirement age.
enum class Sex : std::uint8_t { kMale, kFemale };

/// Where a cadre is in their career.
enum class CadreStatus : std::uint8_t {
  kActive,   ///< in service (holding a post, or between posts)
  kRetired,  ///< reached retirement
  kLeft,     ///< left the service (resignation, health, discipline)
};

/// Why a cadre left the service.
enum class ExitCause : std::uint8_t {
  kNone,
  kRetirement,
  kEarlyRetirement,
  kResignation,
  kHealth,
  kDiscipline,
  kTransfer  ///< moved to a post outside the modelled organisation (e.g. a swap between provinces)
};

/// Annual evaluation rating (xếp loại đánh giá, four grades), from effectiveness
/// (docs/model.md § Evaluation). kNone: not evaluated yet.
enum class Rating : std::uint8_t { kNone, kNotCompleted, kCompleted, kGood, kExcellent };

/// Number of rating grades (kNotCompleted..kExcellent), for per-rating tables.
inline constexpr std::size_t kRatingGrades = 4;

/// Index of a graded rating in a per-rating table (kNotCompleted = 0 .. kExcellent = 3).
inline constexpr std::size_t rating_index(Rating r) {
  return r == Rating::kNone ? 2 : static_cast<std::size_t>(r) - 1;
}

/// Support levers, as bits of RotationRecord::levers (which levers a move receives).
enum SupportLever : std::uint8_t {
  kLeverTopUp = 1u << 0,
  kLeverGrant = 1u << 1,
  kLeverHousing = 1u << 2,
  kLeverTravel = 1u << 3,
  kLeverReserved = 1u << 4,
  kLeverMentoring = 1u << 5,
  kLeverSupervision = 1u << 6,
};

/// A rotation in progress (luân chuyển).
struct RotationRecord {
  bool active = false;                ///< currently rotated
  PostId origin_post = kNoPost;       ///< post held before the move
  UnitId origin_unit = kNoUnit;       ///< unit of that post
  Day start = 0;                      ///< day of the move
  Day planned_end = 0;                ///< planned end (≥ 36 months later)
  std::uint16_t flow = 0;             ///< index of the flow in the rotation plan (kScriptedFlow)
  std::uint16_t count = 0;            ///< rotations so far in this career (keys random draws)
  double shortfall = 0;               ///< relative income shortfall s caused by the move
  double shortfall_vnd = 0;           ///< the same in VND per month (before support)
  double early_return_hazard = 0;     ///< cumulative hazard of asking to return early
  double early_return_threshold = 0;  ///< personal Exp(1) threshold for it
  int offers_refused = 0;             ///< refusals so far (keys acceptance draws)
  std::uint8_t levers = 0;            ///< SupportLever bits this move receives (targeting)
  bool second_household = false;      ///< the destination is beyond commuting distance of home
};

/// Flow index of a scripted (not planned) rotation.
inline constexpr std::uint16_t kScriptedFlow = 0xFFFF;

/// One official.
struct alignas(64) Cadre {
  // The first cache line holds what the scans of candidates read (status, posts, dates,
  // competence, experience, rotation.active) and everything the month-end pass reads or
  // updates (its month counters too), so that a scan or the monthly pass touches one cache
  // line of a cadre, not four (docs/performance.md § Memory layout). The order is not part of
  // any format.
  CadreStatus status = CadreStatus::kActive;
  Rating rating = Rating::kNone;  ///< last annual evaluation
  /// Pool state (index into PoolParams::states) of a pool member, kNoPoolState otherwise.
  /// Pool members hold no post and leave only by their pool's leaving probability.
  std::uint16_t pool_state = 0xFFFF;
  /// Months in units with regional coefficient ≥ the threshold (at most 720 at the start, one
  /// more per month: far below the type's 65,535).
  std::uint16_t hardship_months = 0;
  std::uint16_t attraction_months_used = 0;  ///< months of attraction allowance already received
  double competence = 0;                     ///< 0..1, grows with experience
  PostId post = kNoPost;                     ///< post held (kNoPost between posts)
  PostId last_post = kNoPost;  ///< post held before the current one (or before becoming unplaced)
  UnitId home_unit = kNoUnit;  ///< native locality (quê quán / where they grew up)
  Day post_since = 0;          ///< when the current post was taken
  /// Since when the cadre has held the current post or an equivalent one (QĐ 377 / HD 06: time
  /// in the current or an equivalent post). A rotation or a return does not reset it; taking a
  /// post of a higher rank than `equivalent_rank` does.
  Day equivalent_since = 0;
  Day retirement_date = 0;  ///< statutory retirement date (end of month)
  std::array<std::uint16_t, kMaxLevels> experience_months{};  ///< months served per level
  RotationRecord rotation;                                    ///< current rotation, if any
  Day entered = 0;                                            ///< entry into the simulated service
  Day exited = 0;                                             ///< exit date (retired or left)
  // The third cache line (from byte 128): what the monthly metrics read of key-post holders
  // (effectiveness's adaptation and effort terms), and fields read rarely.
  Day birth = 0;
  Sex sex = Sex::kMale;
  bool term_limit_rotation_candidate = false;  ///< head at the two-term limit
  ExitCause exit_cause = ExitCause::kNone;
  Day adapt_start = 0;           ///< day of the last move (adaptation starts)
  double adapt_deficit = 0;      ///< initial effectiveness deficit after that move
  double adapt_tau_months = 12;  ///< adaptation time constant for that move
  double effort_penalty = 0;     ///< effort lost to reluctance while rotated
  int equivalent_rank =
      -1;  ///< rank of the post whose clock `equivalent_since` runs (-1: none yet)
  int consecutive_terms = 0;  ///< consecutive terms in the current post (elected/appointed)
  Day term_end = 0;           ///< end of the current appointment (appointed titles)
  /// Posts in which the cadre is acting holder (derived from PostState::acting, kept by
  /// rules::set_acting / clear_acting and rebuilt on load; not saved): lets an exit skip the
  /// scan of every post.
  std::uint32_t acting_posts = 0;
  double grade_coefficient = 0;  ///< hệ số lương (civil-servant grade × step)
  std::string id;                ///< stable identifier (roster id or generated)
  std::string name;              ///< optional display name
};

/// Cadre::pool_state of a cadre who is not in a pool.
inline constexpr std::uint16_t kNoPoolState = 0xFFFF;

}  // namespace cadresim::model
