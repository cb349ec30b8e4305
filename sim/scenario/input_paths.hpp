#pragma once
/// @file Where the files a scenario names (`extends` bases, `roster` CSV) may be.
///
/// The rule (docs/scenarios.md § Referenced files): a referenced path, relative to the folder
/// of the file that names it, must lead (symbolic links followed) to an existing regular file
/// with the expected extension (`.json` for a base, `.csv` for a roster) inside one of the
/// allowed folders:
///   - the folder of the top scenario file (the one given on the command line) and below;
///   - a folder named `scenarios` (such as the project's `scenarios/`) and below;
///   - a folder listed in the environment variable CADRESIM_SCENARIO_PATH (separated by ':')
///     and below.
/// So a scenario file from elsewhere can never make cadresim read a system file, a key, a
/// device or a named pipe, nor echo a line of one in an error message.

#include <filesystem>   // std::filesystem::path
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "sim/text/messages.hpp"  // text::Message

namespace cadresim::scenario {

/// The allowed folders for a top scenario file in `top_dir`, canonical: `top_dir` and those of
/// CADRESIM_SCENARIO_PATH (folders named `scenarios` are allowed wherever they are).
std::vector<std::filesystem::path> allowed_roots(const std::filesystem::path& top_dir);

/// Checks `path` (already joined with the folder of the file naming it) against the rule
/// above. Returns its canonical form, or sets `error` to a plain sentence (a catalog message,
/// problem.path.*, which starts with the catalog text `role` — "base scenario", "roster" —, names
/// the path as written, `written`, and never shows the file's contents).
std::optional<std::filesystem::path> check_referenced_file(
    const std::filesystem::path& path, std::string_view written, std::string_view extension,
    const std::vector<std::filesystem::path>& roots, std::string_view role, text::Message& error);

}  // namespace cadresim::scenario
