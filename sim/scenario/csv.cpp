#include "sim/scenario/csv.hpp"

#include "sim/scenario/strict_json.hpp"  // find_invalid_utf8, read_file_bytes

#include <fmt/format.h>

#include <cstring>        // std::memchr
#include <unordered_map>  // header names already seen

namespace cadresim::scenario {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// Length of the line break starting at `i` (2 for CRLF, 1 for LF or a lone CR), 0 if none.
std::size_t line_break_at(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  if (text[i] == '\n') return 1;
  if (text[i] == '\r') return (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
  return 0;
}

/// 1-based physical line of byte `offset` (CRLF, LF and lone CR each end a line).
std::size_t line_of(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
    }
  }
  return line;
}

/// Message for text that is not UTF-8. A file whose bad bytes outnumber its well-formed
/// multi-byte characters is most likely a single-byte legacy export (Vietnamese offices still
/// produce Windows-1258 and TCVN3 files); otherwise the file mixes encodings or is damaged.
// An issue whose sentence is catalog message `m` (its English in `message`).
CsvIssue csv_issue(text::Message m, std::size_t line) {
  return {text::render(text::Lang::kEn, m), line, std::move(m)};
}

text::Message encoding_message(std::string_view text, std::size_t first_bad) {
  std::size_t invalid = 0;
  std::size_t multibyte = 0;
  std::size_t p = 0;
  while (p < text.size()) {
    const std::size_t bad = find_invalid_utf8(text.substr(p));
    const std::size_t end = bad == std::string_view::npos ? text.size() : p + bad;
    for (std::size_t i = p; i < end; ++i) {
      if (static_cast<unsigned char>(text[i]) >= 0xC0) ++multibyte;
    }
    if (bad == std::string_view::npos) break;
    ++invalid;
    p = end + 1;
  }
  const auto byte = static_cast<unsigned char>(text[first_bad]);
  if (invalid >= multibyte) {
    return text::message("problem.csv.legacy_encoding", fmt::format("{:02X}", byte));
  }
  return text::message("problem.csv.mixed_encoding", fmt::format("{:02X}", byte));
}

/// A record as read, before it is checked against the header.
struct Record {
  std::vector<std::string> fields;
  std::size_t line = 0;  ///< physical line where the record starts
  bool bad = false;      ///< a syntax problem was reported in it
};

/// The RFC 4180 reader proper, over text that is already known to be UTF-8 without NUL.
class CsvReader {
 public:
  CsvReader(std::string_view text, std::size_t begin, const CsvLimits& limits, CsvResult& out)
      : text_(text), i_(begin), limits_(limits), out_(out) {}

  /// Reads the whole text; true when some issues were dropped because of the cap.
  bool run() {
    std::vector<std::size_t> blank_lines;  // reported only when a record follows them
    bool have_header = false;
    while (i_ < text_.size()) {
      if (const std::size_t brk = line_break_at(text_, i_)) {
        blank_lines.push_back(line_);
        i_ += brk;
        ++line_;
        continue;
      }
      for (const std::size_t blank : blank_lines) {
        add(blank, text::message(have_header ? "problem.csv.blank_between_rows"
                                             : "problem.csv.blank_before_header"));
      }
      blank_lines.clear();
      Record record;
      if (!read_record(record)) return truncated_;  // unterminated quoted field
      if (!have_header) {
        check_header(record);
        have_header = true;
      } else {
        check_row(std::move(record));
      }
    }
    if (!have_header) add(0, text::message("problem.csv.empty"));
    return truncated_;
  }

 private:
  void add(std::size_t line, text::Message message) {
    ++total_;
    if (out_.issues.size() >= limits_.max_issues) {
      truncated_ = true;
      return;
    }
    out_.issues.push_back(csv_issue(std::move(message), line));
  }

 public:
  /// Problems found, those beyond the cap included.
  std::size_t total() const { return total_; }

 private:
  /// Checks one byte of field `field` (1-based) as it is appended to a value of `size` bytes;
  /// false when it must not be kept (a control character or a field over the size limit).
  bool accept(char c, std::size_t size, std::size_t field, Record& record, bool& reported) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      if (!reported) {
        add(line_, byte == '\t'
                       ? text::message("problem.csv.tab", field)
                       : text::message("problem.csv.control", field,
                                       fmt::format("{:02X}", static_cast<unsigned>(byte))));
        record.bad = true;
        reported = true;
      }
      return false;
    }
    if (size >= limits_.max_field_bytes) {
      if (!reported) {
        add(line_, text::message("problem.csv.field_too_long", field, limits_.max_field_bytes));
        record.bad = true;
        reported = true;
      }
      return false;
    }
    return true;
  }

  /// Reads one record starting at a non-empty line; false when the file ends inside a quote.
  bool read_record(Record& record) {
    record.line = line_;
    for (;;) {
      std::string value;
      const std::size_t field = record.fields.size() + 1;
      bool reported = false;  // one problem per field is enough
      if (i_ < text_.size() && text_[i_] == '"') {
        if (!read_quoted(value, field, record, reported)) return false;
        if (i_ < text_.size() && text_[i_] != ',' && !line_break_at(text_, i_)) {
          add(line_, text::message("problem.csv.after_quote", field));
          record.bad = true;
          while (i_ < text_.size() && !line_break_at(text_, i_)) ++i_;
        }
      } else {
        while (i_ < text_.size() && text_[i_] != ',' && !line_break_at(text_, i_)) {
          if (text_[i_] == '"' && !reported) {
            add(line_, text::message("problem.csv.inner_quote", field));
            record.bad = true;
            reported = true;
          }
          if (accept(text_[i_], value.size(), field, record, reported)) value += text_[i_];
          ++i_;
        }
      }
      record.fields.push_back(std::move(value));
      if (i_ < text_.size() && text_[i_] == ',') {
        ++i_;
        continue;
      }
      if (const std::size_t brk = line_break_at(text_, i_)) {
        i_ += brk;
        ++line_;
      }
      return true;
    }
  }

  /// Reads a quoted field starting at its opening quote; false when it is never closed.
  bool read_quoted(std::string& value, std::size_t field, Record& record, bool& reported) {
    const std::size_t open_line = line_;
    ++i_;
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (c == '"') {
        if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
          if (accept(c, value.size(), field, record, reported)) value += '"';
          i_ += 2;
          continue;
        }
        ++i_;
        return true;
      }
      if (const std::size_t brk = line_break_at(text_, i_)) {
        // Line breaks are data inside quotes; only the size limit applies to them.
        if (accept('x', value.size(), field, record, reported)) value += brk == 2 ? '\n' : c;
        i_ += brk;
        ++line_;
        continue;
      }
      if (accept(c, value.size(), field, record, reported)) value += c;
      ++i_;
    }
    ++total_;
    out_.issues.push_back(
        csv_issue(text::message("problem.csv.unterminated", open_line), open_line));
    return false;
  }

  void check_header(Record& record) {
    const std::vector<std::string>& names = record.fields;
    std::unordered_map<std::string_view, std::size_t> first;  // name -> 0-based column
    first.reserve(names.size());
    for (std::size_t k = 0; k < names.size(); ++k) {
      if (names[k].find_first_not_of(' ') == std::string::npos) {
        add(record.line, text::message("problem.csv.unnamed_column", k + 1));
        continue;
      }
      const auto [seen, inserted] = first.try_emplace(names[k], k);
      if (!inserted) {
        add(record.line, text::message("problem.csv.repeated_column", k + 1, names[k].substr(0, 60),
                                       seen->second + 1));
      }
    }
    out_.table.header = std::move(record.fields);
  }

  void check_row(Record record) {
    if (record.bad) return;
    const std::size_t expected = out_.table.header.size();
    if (record.fields.size() != expected) {
      add(record.line, text::message("problem.csv.field_count", expected, record.fields.size()));
      return;
    }
    out_.table.rows.push_back(std::move(record.fields));
    out_.table.row_lines.push_back(record.line);
  }

  std::string_view text_;
  std::size_t i_;
  std::size_t line_ = 1;
  const CsvLimits& limits_;
  CsvResult& out_;
  bool truncated_ = false;
  std::size_t total_ = 0;
};

}  // namespace

CsvResult read_csv(std::string_view text, const CsvLimits& limits) {
  CsvResult result;
  if (text.size() > limits.max_input_bytes) {
    result.issues.push_back(
        csv_issue(text::message("problem.file.too_large", text.size(), limits.max_input_bytes), 0));
    return result;
  }
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    result.issues.push_back(csv_issue(text::message("problem.json.utf16"), 1));
    return result;
  }
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    const auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - text.data());
    result.issues.push_back(csv_issue(text::message("problem.csv.nul"), line_of(text, at)));
    return result;
  }
  if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    result.issues.push_back(csv_issue(encoding_message(text, bad), line_of(text, bad)));
    return result;
  }
  const std::size_t begin = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  CsvReader reader(text, begin, limits, result);
  if (reader.run()) {
    result.issues.push_back(csv_issue(
        text::message("problem.csv.only_first_listed", reader.total(), limits.max_issues), 0));
  }
  if (!result.issues.empty()) result.table = {};
  return result;
}

CsvResult read_csv_file(const std::filesystem::path& file, const CsvLimits& limits) {
  FileBytes contents = read_file_bytes(file, limits.max_input_bytes);
  if (!contents.error.empty()) {
    CsvResult result;
    result.issues.push_back({std::move(contents.error), 0, std::move(contents.error_text)});
    return result;
  }
  return read_csv(contents.bytes, limits);
}

std::string format_error(const std::filesystem::path& file, const CsvIssue& issue) {
  std::string out = file.string();
  if (issue.line > 0) out += fmt::format(":{}", issue.line);
  out += ": ";
  out += issue.message;
  // Header names may hold line breaks; keep the report on one line.
  return single_line(out);
}

}  // namespace cadresim::scenario
