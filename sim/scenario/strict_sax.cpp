// The strict JSON SAX pass: see strict_sax.hpp.
#include "sim/scenario/strict_sax.hpp"

#include <fmt/format.h>

#include <algorithm>      // std::min, std::count
#include <iterator>       // std::input_iterator_tag
#include <unordered_map>  // keys already seen in an object

namespace cadresim::scenario::strict_sax {

std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset,
                                                std::size_t bom) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t last_newline = before.rfind('\n');
  if (last_newline == std::string_view::npos) {
    return {line, offset >= bom ? offset - bom + 1 : 1};
  }
  return {line, offset - last_newline};
}

namespace {

bool is_continuation(unsigned char c) {
  return (c & 0xC0U) == 0x80U;
}

/// JSON pointer escaping of one reference token (RFC 6901): '~' -> "~0", '/' -> "~1".
void append_pointer_token(std::string& out, std::string_view token) {
  out += '/';
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
}

/// A key or literal as it should appear in a message: JSON-quoted, cut after `max_bytes`
/// (at a character boundary).
std::string quote_for_message(std::string_view text, std::size_t max_bytes = 60) {
  bool cut = false;
  if (text.size() > max_bytes) {
    std::size_t end = max_bytes;
    while (end > 0 && is_continuation(static_cast<unsigned char>(text[end]))) --end;
    text = text.substr(0, end);
    cut = true;
  }
  std::string quoted = nlohmann::json(std::string(text))
                           .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (cut) quoted.insert(quoted.size() - 1, "...");
  return quoted;
}

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

/// Input iterator over the text that publishes how far nlohmann's lexer has read, so the SAX
/// handler can locate the token it is being told about.
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator(const char* p, const char** cursor) : p_(p), cursor_(cursor) {}
  reference operator*() const { return *p_; }
  TrackingIterator& operator++() {
    *cursor_ = ++p_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const TrackingIterator& other) const { return p_ == other.p_; }

 private:
  const char* p_;
  const char** cursor_;
};

/// SAX handler that enforces StrictJsonLimits and the strictness rules, tracking a JSON
/// pointer stack. Works iteratively (nlohmann's SAX driver keeps its own stack), so deep
/// input cannot overflow the call stack.
class StrictSax {
 public:
  using json = nlohmann::json;

  /// `text` is the whole input; the parser reads `text` from `base` on, and `cursor` is the
  /// tracking iterators' published read position.
  StrictSax(std::string_view text, std::size_t base, const char* const* cursor,
            const StrictJsonLimits& limits, std::vector<JsonIssue>& issues, std::size_t& total)
      : text_(text),
        base_(base),
        cursor_(cursor),
        limits_(limits),
        issues_(issues),
        total_(total) {}

  bool null() { return scalar(); }
  bool boolean(bool /*value*/) { return scalar(); }
  bool number_integer(json::number_integer_t /*value*/) { return integer(); }
  bool number_unsigned(json::number_unsigned_t /*value*/) { return integer(); }

  bool number_float(json::number_float_t value, const json::string_t& literal) {
    if (!value_start()) return false;
    const std::size_t at = number_start();
    if (literal.size() > limits_.max_number_bytes) {
      if (!report(number_too_long(literal.size()), at, pointer())) return false;
      value_end();
      return true;
    }
    if (literal.find_first_of(".eE") == std::string::npos) {
      if (!report(text::message("problem.json.integer_range", literal.substr(0, 60)), at,
                  pointer())) {
        return false;
      }
    } else if (value == 0.0 && mantissa_is_nonzero(literal)) {
      if (!report(text::message("problem.json.too_small", literal.substr(0, 60)), at, pointer())) {
        return false;
      }
    }
    value_end();
    return true;
  }

  bool string(json::string_t& value) {
    if (!value_start()) return false;
    if (value.size() > limits_.max_string_bytes) {
      if (!report(
              text::message("problem.json.string_too_long", value.size(), limits_.max_string_bytes),
              string_start(), pointer())) {
        return false;
      }
    } else if (value.find('\0') != std::string::npos) {
      if (!report(text::message("problem.json.escaped_nul"), string_start(), pointer()))
        return false;
    }
    value_end();
    return true;
  }

  bool binary(json::binary_t& /*value*/) { return scalar(); }

  bool start_object(std::size_t /*size*/) { return start_container(true); }
  bool start_array(std::size_t /*size*/) { return start_container(false); }
  bool end_object() { return end_container(); }
  bool end_array() { return end_container(); }

  bool key(json::string_t& name) {
    Frame& frame = frames_.back();
    const std::size_t at = string_start();
    frame.in_value = true;
    frame.key = name;
    if (++frame.count > limits_.max_elements) {
      frame.in_value = false;
      return fatal(text::message("problem.json.too_many_members", limits_.max_elements), at,
                   pointer());
    }
    if (name.size() > limits_.max_string_bytes) {
      return report(
          text::message("problem.json.key_too_long", name.size(), limits_.max_string_bytes), at,
          pointer());
    }
    if (name.find('\0') != std::string::npos)
      return report(text::message("problem.json.escaped_nul"), at, pointer());
    const auto [first, inserted] = frame.seen.try_emplace(name, at);
    if (!inserted) {
      const auto [line, column] = line_column(text_, first->second, base_);
      return report(
          text::message("problem.json.duplicate_key", quote_for_message(name), line, column), at,
          pointer());
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const json::exception& error) {
    // `position` counts the characters the lexer read, the offending one included.
    std::size_t at = base_ + (position > 0 ? position - 1 : 0);
    at = std::min(at, text_.size());
    text::Message message;
    if (error.id == 406) {  // out_of_range.406: number overflow to infinity
      at = number_start();
      // The number was not announced to the handler; count it so the pointer names it.
      if (!frames_.empty() && !frames_.back().object && !frames_.back().in_value) {
        frames_.back().in_value = true;
        ++frames_.back().count;
      }
      std::size_t end = at;
      while (end < text_.size() && is_number_char(text_[end])) ++end;
      message = end - at > limits_.max_number_bytes
                    ? number_too_long(end - at)
                    : text::message("problem.json.too_large", number_literal(at));
    } else {
      message = syntax_message(error.what());
    }
    // Not `fatal`: the parse stopped at the error, so the pointer stack still says where.
    // After a complete root value there is no "where" inside the document.
    const bool after_document = frames_.empty() && root_done_;
    report(std::move(message), at, after_document ? std::nullopt : std::optional(pointer()));
    return false;
  }

  /// JSON pointer of the value being read, or of the innermost open container when between
  /// values.
  std::string pointer() const {
    std::string out;
    for (const Frame& frame : frames_) {
      if (!frame.in_value) break;
      if (frame.object) {
        append_pointer_token(out, frame.key);
      } else {
        append_pointer_token(out, std::to_string(frame.count - 1));
      }
    }
    return out;
  }

  /// True when the handler stopped the parse itself (fatal issue or too many issues).
  bool aborted() const { return aborted_; }

 private:
  struct Frame {
    bool object = false;
    bool in_value = false;  ///< an element (or a member's value) is being read
    std::size_t count = 0;  ///< elements or members so far
    std::string key;        ///< current member's key (objects)
    std::unordered_map<std::string, std::size_t> seen;  ///< key -> offset of first use
  };

  bool scalar() {
    if (!value_start()) return false;
    value_end();
    return true;
  }

  /// An integer token: only its length can be wrong (nlohmann reports the range itself).
  bool integer() {
    if (!value_start()) return false;
    const std::size_t at = number_start();
    std::size_t end = at;
    while (end < text_.size() && is_number_char(text_[end])) ++end;
    if (end - at > limits_.max_number_bytes) {
      if (!report(number_too_long(end - at), at, pointer())) return false;
    }
    value_end();
    return true;
  }

  text::Message number_too_long(std::size_t length) const {
    return text::message("problem.json.number_too_long", length, limits_.max_number_bytes);
  }

  /// Counts a new value in its container; false when the container is over its limit.
  bool value_start() {
    if (frames_.empty()) return true;
    Frame& frame = frames_.back();
    if (!frame.object) {
      frame.in_value = true;
      if (++frame.count > limits_.max_elements) {
        return fatal(text::message("problem.json.too_many_elements", limits_.max_elements),
                     consumed(), pointer());
      }
    }
    return true;
  }

  void value_end() {
    if (frames_.empty()) {
      root_done_ = true;
    } else {
      frames_.back().in_value = false;
    }
  }

  bool start_container(bool object) {
    if (!value_start()) return false;
    const std::size_t at = consumed() > 0 ? consumed() - 1 : 0;  // the '[' or '{' just read
    if (frames_.size() >= limits_.max_depth) {
      return fatal(text::message("problem.json.too_deep", limits_.max_depth), at, pointer());
    }
    frames_.push_back(Frame{object, false, 0, {}, {}});
    return true;
  }

  bool end_container() {
    frames_.pop_back();
    value_end();
    return true;
  }

  /// Bytes of `text_` the lexer has read so far.
  std::size_t consumed() const { return static_cast<std::size_t>(*cursor_ - text_.data()); }

  /// Offset of the opening quote of the string token the lexer has just read.
  std::size_t string_start() const {
    std::size_t i = consumed();  // one past the closing quote
    if (i < 2) return base_;
    i -= 1;  // the closing quote
    while (i > base_) {
      --i;
      if (text_[i] != '"') continue;
      std::size_t backslashes = 0;
      while (i - backslashes > base_ && text_[i - backslashes - 1] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return base_;
  }

  /// Offset of the first character of the number token the lexer has just read (the lexer
  /// reads one character past a number unless the input ends there).
  std::size_t number_start() const {
    std::size_t end = consumed();
    if (end > base_ && !is_number_char(text_[end - 1])) --end;
    std::size_t start = end;
    while (start > base_ && is_number_char(text_[start - 1])) --start;
    return start;
  }

  std::string number_literal(std::size_t start) const {
    std::size_t end = start;
    while (end < text_.size() && is_number_char(text_[end])) ++end;
    return std::string(text_.substr(start, std::min<std::size_t>(end - start, 60)));
  }

  static bool mantissa_is_nonzero(std::string_view literal) {
    for (const char c : literal) {
      if (c == 'e' || c == 'E') break;
      if (c >= '1' && c <= '9') return true;
    }
    return false;
  }

  /// Rewrites nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 6:
  /// syntax error while parsing object - unexpected end of input; expected string literal"
  /// without its own (character-based) location.
  /// The JSON library's own words (what it read, what it expected) stay as they are, inside a
  /// catalog sentence (problem.json.invalid*).
  static text::Message syntax_message(std::string_view what) {
    constexpr std::string_view kSyntax = "syntax error while parsing ";
    const std::size_t s = what.find(kSyntax);
    if (s == std::string_view::npos) {
      const std::size_t colon = what.find(": ");
      return text::untranslated(
          std::string(colon == std::string_view::npos ? what : what.substr(colon + 2)));
    }
    std::string_view rest = what.substr(s + kSyntax.size());
    const std::size_t dash = rest.find(" - ");
    std::string detail(dash != std::string_view::npos ? rest.substr(dash + 3) : rest);
    shorten_last_read(detail);
    const text::MessageArg truncated =
        rest.find("unexpected end of input") != std::string_view::npos
            ? text::text_arg("problem.json.truncated")
            : text::MessageArg{};
    return dash != std::string_view::npos
               ? text::message("problem.json.invalid_in", rest.substr(0, dash), detail, truncated)
               : text::message("problem.json.invalid", detail, truncated);
  }

  /// Cuts the token quoted in "...; last read: '<token>'[; expected ...]" to a few bytes: an
  /// unterminated string would otherwise be quoted whole.
  static void shorten_last_read(std::string& message) {
    constexpr std::string_view kLastRead = "; last read: '";
    const std::size_t open = message.find(kLastRead);
    if (open == std::string::npos) return;
    const std::size_t begin = open + kLastRead.size();
    std::size_t end = message.rfind("'; expected ");
    if (end == std::string::npos || end < begin) end = message.rfind('\'');
    if (end == std::string::npos || end < begin) return;
    constexpr std::size_t kKeep = 40;
    if (end - begin <= kKeep) return;
    std::size_t cut = begin + kKeep;
    while (cut > begin && is_continuation(static_cast<unsigned char>(message[cut]))) --cut;
    message.replace(cut, end - cut, "...");
  }

  /// Records an issue (beyond `max_issues`, only counts it); always true: parsing goes on.
  bool report(text::Message message, std::size_t offset, std::optional<std::string> pointer) {
    ++total_;
    if (issues_.size() >= limits_.max_issues) return true;
    const auto [line, column] = line_column(text_, offset, base_);
    issues_.push_back({text::render(text::Lang::kEn, message), offset, line, column,
                       std::move(pointer), std::move(message)});
    return true;
  }

  /// Records an issue after which parsing cannot go on; always false.
  bool fatal(text::Message message, std::size_t offset, std::string pointer) {
    report(std::move(message), offset, std::move(pointer));
    aborted_ = true;
    return false;
  }

  std::string_view text_;
  std::size_t base_;
  const char* const* cursor_;
  const StrictJsonLimits& limits_;
  std::vector<JsonIssue>& issues_;
  std::size_t& total_;
  std::vector<Frame> frames_;
  bool aborted_ = false;
  bool root_done_ = false;  ///< the top-level value has been read completely
};

}  // namespace

std::optional<std::string> run_sax(std::string_view text, std::size_t base, std::size_t end,
                                   const StrictJsonLimits& limits, std::vector<JsonIssue>& issues,
                                   std::size_t& total) {
  const char* cursor = text.data() + base;
  StrictSax sax(text, base, &cursor, limits, issues, total);
  bool complete = false;
  try {
    complete = nlohmann::json::sax_parse(TrackingIterator(text.data() + base, &cursor),
                                         TrackingIterator(text.data() + end, &cursor), &sax);
  } catch (const std::exception& e) {
    // sax_parse reports errors through the handler; this is a safety net only.
    const auto [line, column] = line_column(text, base, base);
    text::Message m = text::message("problem.json.internal_reading", e.what());
    issues.push_back(
        {text::render(text::Lang::kEn, m), base, line, column, std::nullopt, std::move(m)});
    ++total;
    return std::nullopt;
  }
  const bool stopped_at_end =
      !complete && !sax.aborted() && !issues.empty() && issues.back().offset == end;
  if (!stopped_at_end) return std::nullopt;
  return issues.back().pointer;
}

}  // namespace cadresim::scenario::strict_sax
