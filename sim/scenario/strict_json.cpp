// Strict JSON: the public entry points (whole-input checks, file reading, messages). The SAX
// pass that checks keys and limits value by value is in strict_sax.cpp.
#include "sim/scenario/strict_json.hpp"

#include <fmt/format.h>

#include <fcntl.h>       // open, O_NONBLOCK
#include <sys/stat.h>    // fstat, S_ISREG
#include <unistd.h>      // read, close
#include <algorithm>     // std::min
#include <cerrno>        // errno
#include <cstring>       // std::memchr, std::strerror
#include <system_error>  // std::error_code

#include "sim/scenario/strict_sax.hpp"

namespace cadresim::scenario {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_continuation(unsigned char c) {
  return (c & 0xC0U) == 0x80U;
}

}  // namespace

using strict_sax::line_column;
using strict_sax::run_sax;

std::size_t find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;  // allowed range of the second byte
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // no overlong forms
      if (c == 0xED) high = 0x9F;  // no UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // no overlong forms
      if (c == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
      return i;  // 0x80-0xC1 cannot start a character, 0xF5-0xFF never appear
    }
    if (i + length > n) return i;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if (!is_continuation(bytes[i + k])) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

StrictJsonResult parse_strict_json(std::string_view text, const StrictJsonLimits& limits) {
  StrictJsonResult result;
  const std::size_t base = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  auto whole_input_issue = [&](text::Message message, std::size_t offset,
                               std::optional<std::string> pointer = std::nullopt) {
    const auto [line, column] = line_column(text, offset, base);
    result.issues.push_back({text::render(text::Lang::kEn, message), offset, line, column,
                             std::move(pointer), std::move(message)});
    result.total_issues = result.issues.size();
    return result;
  };

  if (text.size() > limits.max_input_bytes) {
    text::Message m =
        text::message("problem.json.document_too_large", text.size(), limits.max_input_bytes);
    result.issues.push_back(
        {text::render(text::Lang::kEn, m), 0, 0, 0, std::nullopt, std::move(m)});
    result.total_issues = 1;
    return result;
  }
  if (text.substr(base).starts_with(kUtf8Bom)) {
    return whole_input_issue(text::message("problem.json.second_bom"), base);
  }
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    return whole_input_issue(text::message("problem.json.utf16"), 0);
  }

  // nlohmann's lexer takes a NUL byte as the end of input and its message for a bad byte
  // outside a string is "invalid literal", so both are found here first.
  const std::string_view body = text.substr(base);
  const void* nul = std::memchr(body.data(), '\0', body.size());
  const std::size_t nul_at =
      nul ? static_cast<std::size_t>(static_cast<const char*>(nul) - body.data())
          : std::string_view::npos;
  const std::size_t bad_at = find_invalid_utf8(body.substr(0, nul_at));
  if (nul_at != std::string_view::npos || bad_at != std::string_view::npos) {
    const std::size_t at = base + std::min(nul_at, bad_at);
    // Parse the text before the bad byte only to learn which value it sits in.
    std::vector<JsonIssue> ignored;
    std::size_t ignored_count = 0;
    std::optional<std::string> pointer;
    if (text.substr(base, at - base).find_first_not_of(" \t\r\n") != std::string_view::npos) {
      pointer = run_sax(text, base, at, limits, ignored, ignored_count);
    }
    if (bad_at < nul_at) {
      return whole_input_issue(
          text::message("problem.json.invalid_utf8",
                        fmt::format("{:02X}", static_cast<unsigned char>(text[at]))),
          at, pointer);
    }
    return whole_input_issue(text::message("problem.json.nul"), at, pointer);
  }
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return whole_input_issue(text::message("problem.json.empty"), base);
  }

  run_sax(text, base, text.size(), limits, result.issues, result.total_issues);
  if (!result.issues.empty()) return result;

  // The SAX pass accepted the text, so the DOM is bounded in depth and size.
  result.value = nlohmann::json::parse(body.data(), body.data() + body.size(), nullptr, false);
  if (result.value.is_discarded()) {
    result.value = nullptr;
    return whole_input_issue(text::message("problem.json.internal"), base);
  }
  return result;
}

FileBytes read_file_bytes(const std::filesystem::path& file, std::size_t max_bytes) {
  FileBytes out;
  const auto fail = [&out](text::Message m) {
    out.error = text::render(text::Lang::kEn, m);
    out.error_text = std::move(m);
  };
  // Open without blocking (a FIFO would otherwise wait for a writer forever), then decide on
  // what was opened, not on a name that may change between a check and the open.
  errno = 0;
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    fail(err == ENOENT ? text::message("problem.file.not_found")
                       : text::message("problem.file.cannot_open", std::strerror(err)));
    return out;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    fail(text::message("problem.file.cannot_access", std::strerror(errno)));
    return out;
  }
  if (S_ISDIR(st.st_mode)) {
    fail(text::message("problem.file.directory"));
    return out;
  }
  if (!S_ISREG(st.st_mode)) {
    fail(text::message("problem.file.not_regular",
                       text::text_arg(S_ISFIFO(st.st_mode)   ? "problem.file.fifo"
                                      : S_ISCHR(st.st_mode)  ? "problem.file.character_device"
                                      : S_ISBLK(st.st_mode)  ? "problem.file.block_device"
                                      : S_ISSOCK(st.st_mode) ? "problem.file.socket"
                                                             : "problem.file.special")));
    return out;
  }
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    fail(text::message("problem.file.too_large", st.st_size, max_bytes));
    return out;
  }
  // A regular file never blocks; clear O_NONBLOCK anyway so reads behave normally.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      out.bytes.clear();
      fail(text::message("problem.file.cannot_read", std::strerror(errno)));
      return out;
    }
    if (got == 0) break;
    out.bytes.append(buffer, static_cast<std::size_t>(got));
    if (out.bytes.size() > max_bytes) {  // the file grew while being read
      out.bytes.clear();
      fail(text::message("problem.file.grew", max_bytes));
      return out;
    }
  }
  return out;
}

StrictJsonResult read_json_file(const std::filesystem::path& file, const StrictJsonLimits& limits) {
  FileBytes contents = read_file_bytes(file, limits.max_input_bytes);
  if (!contents.error.empty()) {
    StrictJsonResult result;
    result.issues.push_back(
        {std::move(contents.error), 0, 0, 0, std::nullopt, std::move(contents.error_text)});
    return result;
  }
  return parse_strict_json(contents.bytes, limits);
}

std::string format_error(const std::filesystem::path& file, const JsonIssue& issue) {
  std::string out = file.string();
  if (issue.line > 0) out += fmt::format(":{}:{}", issue.line, issue.column);
  out += ": ";
  out += issue.message;
  if (issue.pointer) {
    out += issue.pointer->empty() ? " (at the document root)"
                                  : fmt::format(" (at {})", *issue.pointer);
  }
  // Keys may hold control characters; keep the report on one line.
  return single_line(out);
}

std::string single_line(std::string_view text) {
  std::string one_line;
  one_line.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      one_line += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      // C1 controls (U+0080-U+009F), UTF-8 encoded: U+009B is a one-byte CSI on some terminals.
      one_line += fmt::format("\\u{:04X}", static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else {
      one_line += static_cast<char>(c);
    }
  }
  return one_line;
}

}  // namespace cadresim::scenario
