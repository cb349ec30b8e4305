// The strict JSON SAX pass (internal to sim/scenario): what nlohmann's parser accepts but the
// project refuses (duplicate keys, limits on depth, sizes and counts, non-finite numbers), found
// with exact positions and JSON pointers. The public entry points are in strict_json.hpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/scenario/strict_json.hpp"

namespace cadresim::scenario::strict_sax {

/// Line and column (both 1-based, columns in bytes) of `offset`; a BOM of `bom` bytes at the
/// start of the text does not count in the columns of line 1.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset,
                                                std::size_t bom);

/// Runs the SAX pass over text[base, end), adding what it finds to `issues`. Returns the JSON
/// pointer of the value being read at `end` when the input stops inside a value there.
std::optional<std::string> run_sax(std::string_view text, std::size_t base, std::size_t end,
                                   const StrictJsonLimits& limits, std::vector<JsonIssue>& issues,
                                   std::size_t& total);

}  // namespace cadresim::scenario::strict_sax
