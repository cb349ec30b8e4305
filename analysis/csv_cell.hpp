#pragma once
/// @file Text cells of the CSV files cadresim writes (series.csv, the event log).
///
/// RFC 4180: a field holding a comma, a double quote, a CR or a LF is enclosed in double quotes
/// and each quote inside it is doubled. Spreadsheets run a cell that starts with =, +, -, @, a
/// TAB or a CR as a formula ("CSV injection"), and names, ids and flow ids come from user
/// files; such a text cell is written with a single quote (') in front, which spreadsheets show
/// as text (docs/cli.md § CSV files). Numbers cadresim formats itself are not text cells and are
/// written as they are.

#include <fmt/core.h>  // fmt::format

#include <cmath>        // std::isnan
#include <string>       // std::string
#include <string_view>  // std::string_view

namespace cadresim::analysis {

/// `text` as one CSV field: neutralised if a spreadsheet would run it, then quoted if needed.
inline std::string csv_cell(std::string_view text) {
  std::string cell;
  cell.reserve(text.size() + 3);
  if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' ||
                        text.front() == '@' || text.front() == '\t' || text.front() == '\r'))
    cell += '\'';
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

/// A number cadresim writes (10 significant digits), or an empty cell where the figure does not
/// apply (NaN, analysis::kNotApplicable), which R and pandas read as NA.
inline std::string csv_number(double v) {
  return std::isnan(v) ? std::string() : fmt::format("{:.10g}", v);
}

}  // namespace cadresim::analysis
