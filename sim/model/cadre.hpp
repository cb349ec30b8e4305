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
enum class ExitCause : std::uint8_t { kNone, kRetirement, kEarlyRetirement, kResignation, kHealth, kDiscipline };

/// A rotation in progress (luân chuyển).
struct RotationRecord {
  bool active = false;        ///< currently rotated
  PostId origin_post = kNoPost;
  UnitId origin_unit = kNoUnit;
  Day start = 0;
  Day planned_end = 0;
  std::uint16_t flow = 0;     ///< index of the flow in the rotation plan
  double shortfall = 0;       ///< relative income shortfall caused by the move
};

/// One official.
struct Cadre {
  std::string id;                ///< stable identifier (roster id or generated)
  std::string name;              ///< optional display name
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
  int hardship_months = 0;       ///< months in units with regional coefficient ≥ the threshold
  int attraction_months_used = 0;///< months of attraction allowance already received
  CadreStatus status = CadreStatus::kActive;
  ExitCause exit_cause = ExitCause::kNone;
  Day entered = 0;               ///< entry into the simulated service
  Day exited = 0;                ///< exit date (retired or left)
  Day retirement_date = 0;       ///< statutory retirement date (end of month)
  RotationRecord rotation;       ///< current rotation, if any
  bool term_limit_rotation_candidate = false;  ///< head at the two-term limit
};

}  // namespace cadresim::model
