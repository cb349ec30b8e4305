#pragma once
/// @file Shock files (docs/scenarios.md § Shock cards): a small JSON file of dated shock cards
/// that a trainer adds to any scenario (`cadresim run --shocks FILE`). The cards join the
/// scenario's "shocks" section and are read with it, so every problem is reported in the shock
/// file at its JSON pointer (/cards/N/...).

#include <filesystem>  // std::filesystem::path

#include "sim/scenario/loader.hpp"  // LoadedScenario

namespace cadresim::scenario {

/// The scenario with the cards of the shock file `file` added to its "shocks" and read again.
/// The file is read strictly: {"name", "description", "$comment", "cards": [card, ...]}.
/// Throws InvalidInput; problems of the cards name the shock file and /cards/N.
LoadedScenario with_shocks(const LoadedScenario& base, const std::filesystem::path& file);

}  // namespace cadresim::scenario
