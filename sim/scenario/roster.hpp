#pragma once
/// @file Importing the initial cadres from a roster CSV (columns in docs/scenarios.md).

#include <filesystem>     // std::filesystem::path
#include <string>         // std::string
#include <unordered_set>  // ids and posts already taken

#include "sim/scenario/sections.hpp"

namespace cadresim::scenario {

/// Reads the roster at `path` (shown as `display` in messages) into ctx.scenario.named_cadres.
/// Problems (unknown units or posts, duplicate ids, impossible dates, bad numbers) are reported
/// with the roster's file name and line number. `ids` and `held` hold ids and posts already
/// used by named cadres and are updated.
void read_roster(const std::filesystem::path& path, const std::string& display, SectionContext& ctx,
                 std::unordered_set<std::string>& ids, std::unordered_set<model::PostId>& held);

}  // namespace cadresim::scenario
