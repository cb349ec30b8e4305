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

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
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
  std::string best;
  std::size_t best_d = ~std::size_t{0};
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  // Suggest only when the typo is small relative to the word.
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  return best_d <= limit ? best : std::string{};
}

}  // namespace cadresim::scenario
