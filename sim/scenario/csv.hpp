#pragma once
/// @file Strict CSV reading for rosters (RFC 4180, UTF-8, one header row).
///
/// Accepted: a leading UTF-8 byte-order mark; CRLF, LF or lone CR line ends, mixed; quoted
/// fields holding commas, doubled quotes ("") and line breaks (a CRLF inside a quoted field
/// is read as LF, so values do not depend on the platform that saved the file); blank lines
/// at the end of the file. Field values are returned exactly as written, without trimming.
///
/// Refused, with the 1-based physical line number: NUL bytes, control characters inside a
/// field (TAB included; line breaks inside quotes are data), fields longer than
/// `CsvLimits::max_field_bytes`, bytes that are not UTF-8 (with
/// a hint when the file looks like a legacy single-byte export such as Windows-1258), empty
/// or duplicate header names, rows whose field count differs from the header's, a quote
/// inside an unquoted field, text after a closing quote, a quoted field that is never closed
/// (reported at the line where it opened) and blank lines between rows. Row-level problems
/// are all collected, up to `CsvLimits::max_issues` (then one more issue gives the total).
/// Reading takes time linear in the size of the file.

#include <cstddef>      // std::size_t
#include <filesystem>   // std::filesystem::path
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "sim/text/messages.hpp"  // text::Message

namespace cadresim::scenario {

/// Bounds enforced by `read_csv`.
struct CsvLimits {
  std::size_t max_input_bytes = 64 * 1024 * 1024;  ///< whole file, BOM included
  std::size_t max_field_bytes = 64 * 1024;         ///< one field, after unquoting
  std::size_t max_issues = 20;                     ///< issues listed; the rest are counted
};

/// One problem found in a CSV file.
struct CsvIssue {
  std::string message;      ///< plain sentence, no location in it
  std::size_t line = 0;     ///< 1-based physical line; 0 when the issue is about the whole file
  text::Message text = {};  ///< `message` as a catalog message (problem.csv.*)
};

/// A table read from CSV: the header and the data rows, each as long as the header.
struct CsvTable {
  std::vector<std::string> header;             ///< column names, in file order
  std::vector<std::vector<std::string>> rows;  ///< data rows, in file order
  std::vector<std::size_t> row_lines;          ///< physical line where each row starts
};

/// Outcome of reading CSV: the table, or the issues that prevented it.
struct CsvResult {
  CsvTable table;                ///< empty unless ok()
  std::vector<CsvIssue> issues;  ///< in file order; empty on success
  /// True when the file was read without any issue.
  bool ok() const { return issues.empty(); }
};

/// Reads CSV text (see the file comment). Never throws on bad input.
CsvResult read_csv(std::string_view text, const CsvLimits& limits = {});

/// Reads a CSV file; a missing, unreadable or too large file, or a directory, gives one issue
/// with line 0.
CsvResult read_csv_file(const std::filesystem::path& file, const CsvLimits& limits = {});

/// One line for users: "file:line: message", or "file: message" when the issue has no line.
std::string format_error(const std::filesystem::path& file, const CsvIssue& issue);

}  // namespace cadresim::scenario
