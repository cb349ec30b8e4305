// The terminal summary's tables (analysis/summary.cpp: the election pipelines, personnel actions
// by tier, rotations by flow) keep their columns in line whatever the figures' widths: each
// column is as wide as its widest cell. Fixed widths used to let an interval such as
// "122.5 [119.3, 125.8]" push the rest of its row out of line, and a national run's counts
// ("3.314,0 [...]" in Vietnamese) more so.
#include <gtest/gtest.h>

#include <string>       // the summary's text
#include <string_view>  // lines
#include <vector>       // lines, fields

#include "analysis/report.hpp"
#include "analysis/text_width.hpp"    // display_width: Vietnamese headers are multi-byte
#include "analysis_test_support.hpp"  // run_results
#include "sim/scenario/loader.hpp"

namespace cadresim::analysis {
namespace {

// A field of a table line: where it ends, in displayed columns from the line's start.
struct Field {
  std::string text;
  std::size_t end = 0;
};

// The fields of a table line: runs of text separated by two spaces or more (a cell's own text,
// e.g. "1.6 [1.2, 1.9]" or "0 ready", holds single spaces only).
std::vector<Field> fields(std::string_view line) {
  std::vector<Field> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i == line.size()) break;
    std::size_t j = i;
    while (j < line.size() && !(line[j] == ' ' && (j + 1 == line.size() || line[j + 1] == ' ')))
      ++j;
    out.push_back({std::string(line.substr(i, j - i)), display_width(line.substr(0, j))});
    i = j;
  }
  return out;
}

// The tables under each heading that starts with one of `headings` (up to the blank line that
// ends each): one vector of lines per table.
std::vector<std::vector<std::string>> tables_under(const std::string& text,
                                                   const std::vector<std::string>& headings) {
  std::vector<std::vector<std::string>> tables;
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t nl = text.find('\n', at);
    lines.push_back(text.substr(at, nl == std::string::npos ? std::string::npos : nl - at));
    at = nl == std::string::npos ? text.size() : nl + 1;
  }
  for (std::size_t k = 0; k < lines.size(); ++k) {
    bool heading = false;
    for (const auto& h : headings) heading = heading || lines[k].find(h) != std::string::npos;
    if (!heading) continue;
    auto& table = tables.emplace_back();
    for (std::size_t r = k + 1; r < lines.size() && !lines[r].empty(); ++r)
      table.push_back(lines[r]);
  }
  return tables;
}

// Every line has as many fields as the header; the first column starts at the same place, and
// every other column (right-aligned) ends at the same place as the header's, except the
// columns from `text_from` on (left-aligned), which start where the header's do.
void expect_aligned(const std::vector<std::string>& table, std::size_t text_from) {
  ASSERT_GE(table.size(), 2u) << "a table without rows";
  const auto head = fields(table.front());
  for (const auto& line : table) {
    const auto f = fields(line);
    ASSERT_EQ(f.size(), head.size()) << line << "\n" << table.front();
    for (std::size_t c = 1; c < f.size(); ++c) {
      if (c < text_from)
        EXPECT_EQ(f[c].end, head[c].end) << "column " << c << " of\n" << line;
      else
        EXPECT_EQ(f[c].end - display_width(f[c].text), head[c].end - display_width(head[c].text))
            << "column " << c << " of\n"
            << line;
    }
  }
}

std::string baseline_summary(Lang lang) {
  static const auto base = scenario::load_builtin_baseline();
  Provenance p;
  p.replications = 4;
  return format_summary({analysistest::run_results(base, 3, 4)}, p, lang);
}

TEST(SummaryTables, ColumnsLineUpWhateverTheFiguresWidths) {
  const std::string text = baseline_summary(Lang::kEn);
  // The 2021 state election's "all elected posts" row has three-digit means with their
  // intervals: the widest cells of the baseline's tables.
  const auto pipelines = tables_under(text, {": pipeline before the election"});
  ASSERT_GE(pipelines.size(), 4u) << text;
  for (const auto& t : pipelines) expect_aligned(t, SIZE_MAX);
  const auto actions = tables_under(text, {"Personnel actions by managing tier"});
  ASSERT_EQ(actions.size(), 1u) << text;
  expect_aligned(actions.front(), SIZE_MAX);
  const auto flows = tables_under(text, {"Rotations by flow"});
  ASSERT_EQ(flows.size(), 1u) << text;
  expect_aligned(flows.front(), 2);  // the per-year text left-aligned
}

TEST(SummaryTables, VietnameseColumnsLineUpInDisplayedCharacters) {
  const std::string text = baseline_summary(Lang::kVi);
  const auto pipelines = tables_under(text, {"nguồn kế cận trước bầu cử"});
  ASSERT_GE(pipelines.size(), 4u) << text;
  for (const auto& t : pipelines) expect_aligned(t, SIZE_MAX);
}

}  // namespace
}  // namespace cadresim::analysis
