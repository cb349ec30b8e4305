#pragma once
/// @file Strict JSON reading for scenario files.
///
/// nlohmann::json on its own accepts input a scenario loader must refuse: duplicate keys
/// (one silently wins), a raw NUL byte (taken as the end of input), integers beyond 64 bits
/// (silently turned into doubles), `1e-400` (silently 0) and nesting deep enough to overflow
/// the stack when the document is later copied or printed. `parse_strict_json` first runs a
/// SAX pass that refuses all of these, reporting byte offset, line, column and JSON pointer,
/// and only then builds the DOM.
///
/// A leading UTF-8 byte-order mark is accepted and skipped (Windows editors write one); it
/// still counts in byte offsets but not in columns. Columns count bytes, not characters.
/// A second byte-order mark, a NUL in any form (raw, or escaped as \u0000 in a string or key)
/// and number tokens longer than `StrictJsonLimits::max_number_bytes` are refused. Checks run
/// in time linear in the input; at most `max_issues` issues are kept, and `total_issues`
/// counts them all.

#include <nlohmann/json.hpp>

#include <cstddef>      // std::size_t
#include <filesystem>   // std::filesystem::path
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "sim/text/messages.hpp"  // text::Message

namespace cadresim::scenario {

/// Bounds enforced by `parse_strict_json`; the defaults suit scenario files.
struct StrictJsonLimits {
  std::size_t max_depth = 64;                      ///< nested arrays/objects; 64 is allowed
  std::size_t max_input_bytes = 16 * 1024 * 1024;  ///< whole document, BOM included
  std::size_t max_string_bytes = 1024 * 1024;      ///< one string or key, after unescaping
  std::size_t max_elements = 1'000'000;  ///< elements of one array or members of one object
  std::size_t max_number_bytes = 100;    ///< characters of one number token
  std::size_t max_issues = 20;           ///< issues kept; later ones are only counted
};

/// One problem found in a JSON document.
struct JsonIssue {
  std::string message;                 ///< plain sentence, no location in it
  std::size_t offset = 0;              ///< 0-based byte offset in the input
  std::size_t line = 0;                ///< 1-based; 0 when the issue is about the whole file
  std::size_t column = 0;              ///< 1-based, in bytes; 0 when `line` is 0
  std::optional<std::string> pointer;  ///< JSON pointer ("" is the root) when known
  text::Message text = {};             ///< `message` as a catalog message (problem.json.*)
};

/// Outcome of a strict parse: the document, or the issues that prevented it.
struct StrictJsonResult {
  nlohmann::json value;           ///< the document; null unless ok()
  std::vector<JsonIssue> issues;  ///< in input order, at most max_issues; empty on success
  std::size_t total_issues = 0;   ///< issues found, those not kept included
  /// True when the document was read without any issue.
  bool ok() const { return issues.empty(); }
};

/// Parses `text` strictly (see the file comment). Never throws on bad input and never
/// recurses on the input's nesting, so it is safe on any bytes.
StrictJsonResult parse_strict_json(std::string_view text, const StrictJsonLimits& limits = {});

/// Reads `file` and parses it with `parse_strict_json`. A missing, unreadable or
/// too large file, or a directory, gives one issue with line 0.
StrictJsonResult read_json_file(const std::filesystem::path& file,
                                const StrictJsonLimits& limits = {});

/// One line for users: "file:line:col: message (at /json/pointer)", or "file: message" when
/// the issue has no line.
std::string format_error(const std::filesystem::path& file, const JsonIssue& issue);

/// Offset of the first byte that is not part of well-formed UTF-8 (overlong forms, UTF-16
/// surrogates and code points above U+10FFFF are ill-formed), or `std::string_view::npos`.
std::size_t find_invalid_utf8(std::string_view text);

/// `text` with control characters (C0, DEL and the C1 range U+0080-U+009F) written as
/// \uXXXX, so a message stays on one line and cannot move the cursor or recolour a terminal.
std::string single_line(std::string_view text);

/// Whole contents of a file, or a plain-words reason why it could not be read.
struct FileBytes {
  std::string bytes;              ///< contents; empty when `error` is set
  std::string error;              ///< empty on success
  text::Message error_text = {};  ///< `error` as a catalog message (problem.file.*)
};

/// Reads a whole file in binary mode. Refuses a missing path, anything that is not a regular
/// file (a directory, a FIFO, a device: checked on the opened descriptor, which is opened
/// without blocking), an unreadable file and a file larger than `max_bytes` (without reading
/// it).
FileBytes read_file_bytes(const std::filesystem::path& file, std::size_t max_bytes);

}  // namespace cadresim::scenario
