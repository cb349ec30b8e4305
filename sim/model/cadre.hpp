#pragma once
/// @file Cadres (officials): who they are and their career state. Plain data.

#include <array>    // std::array
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
  kDiscipline
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
};

/// Flow index of a scripted (not planned) rotation.
inline constexpr std::uint16_t kScriptedFlow = 0xFFFF;

/// One official.
struct Cadre {
  std::string id;    ///< stable identifier (roster id or generated)
  std::string name;  ///< optional display name
  Sex sex = Sex::kMale;
  Day birth = 0;
  UnitId home_unit = kNoUnit;    ///< native locality (quê quán / where they grew up)
  PostId post = kNoPost;         ///< post held (kNoPost between posts)
  PostId last_post = kNoPost;    ///< post held before the current one (or before becoming unplaced)
  Day post_since = 0;            ///< when the current post was taken
  int consecutive_terms = 0;     ///< consecutive terms in the current post (elected/appointed)
  Day term_end = 0;              ///< end of the current appointment (appointed titles)
  double grade_coefficient = 0;  ///< hệ số lương (civil-servant grade × step)
  double competence = 0;         ///< 0..1, grows with experience
  std::array<std::uint16_t, kMaxLevels> experience_months{};  ///< months served per level
  int hardship_months = 0;         ///< months in units with regional coefficient ≥ the threshold
  int attraction_months_used = 0;  ///< months of attraction allowance already received
  CadreStatus status = CadreStatus::kActive;
  ExitCause exit_cause = ExitCause::kNone;
  Day entered = 0;                             ///< entry into the simulated service
  Day exited = 0;                              ///< exit date (retired or left)
  Day retirement_date = 0;                     ///< statutory retirement date (end of month)
  RotationRecord rotation;                     ///< current rotation, if any
  Day adapt_start = 0;                         ///< day of the last move (adaptation starts)
  double adapt_deficit = 0;                    ///< initial effectiveness deficit after that move
  double adapt_tau_months = 12;                ///< adaptation time constant for that move
  double effort_penalty = 0;                   ///< effort lost to reluctance while rotated
  bool term_limit_rotation_candidate = false;  ///< head at the two-term limit
  /// Pool state (index into PoolParams::states) of a pool member, kNoPoolState otherwise.
  /// Pool members hold no post and leave only by their pool's leaving probability.
  std::uint16_t pool_state = 0xFFFF;
};

/// Cadre::pool_state of a cadre who is not in a pool.
inline constexpr std::uint16_t kNoPoolState = 0xFFFF;

}  // namespace cadresim::model
