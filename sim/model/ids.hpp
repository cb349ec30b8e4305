#pragma once
/// @file Dense integer identifiers of model entities (indices into the organisation's and
/// population's vectors) and their "none" values.

#include <cstdint>  // fixed-width integers

namespace cadresim::model {

using LevelId = std::uint8_t;   ///< index into Organisation::levels (0 = top)
using UnitId = std::uint32_t;   ///< index into Organisation::units
using TitleId = std::uint16_t;  ///< index into Organisation::titles
using PostId = std::uint32_t;   ///< index into Organisation::posts
using CadreId = std::uint32_t;  ///< index into Population::cadres
using TierId = std::uint16_t;   ///< index into Organisation::tiers (managing tiers)

inline constexpr UnitId kNoUnit = 0xFFFFFFFFu;
inline constexpr TitleId kNoTitle = 0xFFFFu;
inline constexpr PostId kNoPost = 0xFFFFFFFFu;
inline constexpr CadreId kNoCadre = 0xFFFFFFFFu;
inline constexpr TierId kNoTier = 0xFFFFu;

/// Maximum number of hierarchy levels (experience is tracked per level in a fixed array).
inline constexpr std::size_t kMaxLevels = 8;

}  // namespace cadresim::model
