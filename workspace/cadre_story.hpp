#pragma once
/// @file "Follow one cadre" in the workspace: one replication of a scenario (or a what-if),
/// told as dated sentences by analysis/story.hpp, in English or Vietnamese.

#include <nlohmann/json.hpp>

#include <cstdint>  // std::uint64_t
#include <string>   // std::string

#include "sim/scenario/loader.hpp"

namespace cadresim::workspace {

/// {"subject", "lines": [{"date" (ISO), "date_text" (as the language writes it), "text"}]} for
/// `who` (a cadre id or name, "post:UNIT/TITLE", "unit:UNIT") in replication `replication` of
/// `seed`. Throws RequestError 404 at /who when nobody matches.
nlohmann::json cadre_story_json(const scenario::LoadedScenario& loaded, std::uint64_t seed,
                                std::uint64_t replication, const std::string& who, bool vietnamese);

}  // namespace cadresim::workspace
