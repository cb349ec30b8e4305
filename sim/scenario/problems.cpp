#include "sim/scenario/problems.hpp"

#include <algorithm>  // std::min

#include "sim/scenario/strict_json.hpp"  // single_line

namespace cadresim::scenario {

std::string problem_message(const Problem& p, text::Lang lang) {
  return p.text.id.empty() || lang == text::Lang::kEn ? p.message : text::render(lang, p.text);
}

text::Message problem_text(const Problem& p) {
  return p.text.id.empty() ? text::untranslated(p.message) : p.text;
}

std::string format_problem(const Problem& p, text::Lang lang) {
  std::string s = p.file;
  if (!p.where.empty()) s += (s.empty() ? "" : ": ") + p.where;
  return single_line(s + ": " + problem_message(p, lang));
}

std::vector<std::string> format_problems(const std::vector<Problem>& problems, std::size_t total,
                                         std::size_t limit, text::Lang lang) {
  total = std::max(total, problems.size());
  std::vector<std::string> lines;
  std::size_t listed = 0;
  for (; listed < problems.size() && listed < limit; ++listed)
    lines.push_back(format_problem(problems[listed], lang));
  if (total > listed) lines.push_back(text::trf(lang, "problem.more_not_listed", total - listed));
  return lines;
}

namespace {
std::string summary(const std::vector<Problem>& problems) {
  std::string s = std::to_string(problems.size()) + " problem(s)";
  if (!problems.empty()) s += "; first: " + format_problem(problems.front());
  return s;
}

// The edit (Levenshtein) distance of `a` and `b` when it is at most `bound`, else bound + 1.
// Every cell of a row of the table is at least the smallest of the row before, so a row whose
// smallest cell exceeds `bound` ends the computation; so does a length difference beyond it.
// `prev` and `cur` are the two rows, kept by the caller across candidates.
std::size_t edit_distance_within(const std::string& a, const std::string& b, std::size_t bound,
                                 std::vector<std::size_t>& prev, std::vector<std::size_t>& cur) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > bound) return bound + 1;
  prev.resize(b.size() + 1);
  cur.resize(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > bound) return bound + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], bound + 1);
}
}  // namespace

InvalidInput::InvalidInput(std::vector<Problem> problems, std::size_t total)
    : std::runtime_error(summary(problems)),
      problems_(std::move(problems)),
      total_(std::max(total, problems_.size())) {}

text::Message unknown_reference(std::string_view kind, const std::string& id,
                                const std::string& near) {
  return near.empty() ? text::message("problem.unknown_reference", text::text_arg(kind), id)
                      : text::message("problem.unknown_reference_did_you_mean",
                                      text::text_arg(kind), id, near);
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  // Suggest only when the typo is small relative to the word: the first candidate at the least
  // distance, if that distance is within the limit. Each candidate is measured only as far as
  // it could still win (a loader may ask this for each of 100,000 bad names).
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  const std::string* best = nullptr;
  std::size_t bound = limit;  // a candidate must come within this to win
  std::vector<std::size_t> prev, cur;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance_within(word, c, bound, prev, cur);
    if (d > bound) continue;
    best = &c;
    if (d == 0) break;
    bound = d - 1;  // later candidates must be strictly closer
  }
  return best ? *best : std::string{};
}

}  // namespace cadresim::scenario
