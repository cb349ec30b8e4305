#pragma once
/// @file Problems found while reading input: each names the file, the JSON pointer (or the
/// line) and says in a plain sentence what is wrong. Loaders collect them all, then fail.

#include <cstddef>    // std::size_t
#include <stdexcept>  // std::runtime_error
#include <string>     // std::string
#include <vector>     // std::vector

#include "sim/text/messages.hpp"  // text::Message, text::Lang

namespace cadresim::scenario {

/// One problem in an input file. Its sentence is a message of the catalog (sim/text, problem.*)
/// with its values, so that it can be printed in the user's language; `message` holds it in
/// English (what tests and logs read).
struct Problem {
  Problem() = default;
  /// A problem whose sentence has no catalog row (English only).
  Problem(std::string file, std::string where, std::string message)
      : file(std::move(file)), where(std::move(where)), message(std::move(message)) {}
  /// A problem whose sentence is catalog message `text`.
  Problem(std::string file, std::string where, text::Message text)
      : file(std::move(file)),
        where(std::move(where)),
        message(text::render(text::Lang::kEn, text)),
        text(std::move(text)) {}
  std::string file;     ///< path as given by the user
  std::string where;    ///< JSON pointer ("/units/3/parent") or "line 12"
  std::string message;  ///< plain sentence, in English
  text::Message text;   ///< the sentence as a catalog message (no id: `message` only)
};

/// The problem's sentence in `lang` (its English `message` when it has no catalog row).
std::string problem_message(const Problem& p, text::Lang lang);

/// The problem's sentence as a message: its catalog message, or its English `message` as an
/// untranslated one (to wrap it in another message, e.g. "from DATE: ...").
text::Message problem_text(const Problem& p);

/// "file: where: message" — the one-line form printed to users, the message in `lang`. Control
/// characters (which could come from a key or a value in the input: line breaks, terminal escape
/// sequences) are written as \uXXXX, so the line is safe to print on a terminal.
std::string format_problem(const Problem& p, text::Lang lang = text::Lang::kEn);

/// How many problems the command line lists before it only counts the rest.
inline constexpr std::size_t kMaxListedProblems = 20;

/// The lines to print for a list of problems: the first `limit`, each by format_problem, then
/// "... and N more problem(s) not listed" when some were left out. `total` counts problems
/// found but not kept (a reader that stops keeping them after a cap); 0 means problems.size().
std::vector<std::string> format_problems(const std::vector<Problem>& problems,
                                         std::size_t total = 0,
                                         std::size_t limit = kMaxListedProblems,
                                         text::Lang lang = text::Lang::kEn);

/// The list of problems of a load, with the file being read.
class Problems {
 public:
  /// Adds a problem in the current file.
  void add(std::string where, std::string message) {
    items_.push_back({file_, std::move(where), std::move(message)});
  }
  /// Adds a problem in the current file, its sentence a catalog message.
  void add(std::string where, text::Message message) {
    items_.push_back({file_, std::move(where), std::move(message)});
  }
  /// Adds a fully formed problem.
  void add(Problem p) { items_.push_back(std::move(p)); }
  /// Sets the file that subsequent problems refer to.
  void set_file(std::string file) { file_ = std::move(file); }
  /// Current file.
  const std::string& file() const { return file_; }
  /// True when nothing is wrong.
  bool empty() const { return items_.empty(); }
  /// All problems in the order found.
  const std::vector<Problem>& items() const { return items_; }

 private:
  std::string file_;
  std::vector<Problem> items_;
};

/// Thrown when an input is invalid; carries every problem found.
class InvalidInput : public std::runtime_error {
 public:
  /// `total` is the number of problems found, when more were found than kept (0: all kept).
  explicit InvalidInput(std::vector<Problem> problems, std::size_t total = 0);
  /// The problems kept, in the order found.
  const std::vector<Problem>& problems() const { return problems_; }
  /// The number of problems found, those not kept included.
  std::size_t total() const { return total_; }

 private:
  std::vector<Problem> problems_;
  std::size_t total_;
};

/// "unknown <kind> \"<id>\"", with " (did you mean \"<near>\"?)" when `near` is not empty:
/// `kind` is the catalog id of what is referred to (problem.ref.level, problem.ref.title, ...).
text::Message unknown_reference(std::string_view kind, const std::string& id,
                                const std::string& near);

/// Closest candidate to `word` by edit distance, if close enough to suggest ("did you mean").
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace cadresim::scenario
