#include "sim/scenario/roster.hpp"

#include <fmt/core.h>  // fmt::format

#include <charconv>  // std::from_chars
#include <cmath>     // std::isfinite

#include "sim/scenario/csv.hpp"  // read_csv_file

namespace cadresim::scenario {

namespace {
bool parse_number(const std::string& s, double& out) {
  if (s.empty()) return false;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc{} && ptr == end && std::isfinite(out);
}
}  // namespace

void read_roster(const std::filesystem::path& path, const std::string& display, SectionContext& ctx,
                 std::unordered_set<std::string>& ids, std::unordered_set<model::PostId>& held) {
  const auto& org = ctx.scenario.organisation;
  const CsvResult csv = read_csv_file(path);
  const std::string file = path.string();
  if (!csv.ok()) {
    for (const auto& issue : csv.issues) {
      std::string where = issue.line > 0 ? fmt::format("line {}", issue.line) : "";
      if (issue.text.id.empty())
        ctx.problems.add({file, std::move(where), issue.message});
      else
        ctx.problems.add({file, std::move(where), issue.text});
    }
    return;
  }
  // Known columns.
  std::vector<std::string> known = {"id",
                                    "name",
                                    "sex",
                                    "birth_date",
                                    "home_unit",
                                    "post",
                                    "post_since",
                                    "grade_coefficient",
                                    "competence",
                                    "hardship_months",
                                    "attraction_months_used"};
  for (const auto& l : org.levels) known.push_back("experience_months_" + l.id);
  std::vector<int> col(known.size(), -1);
  for (std::size_t c = 0; c < csv.table.header.size(); ++c) {
    const std::string& h = csv.table.header[c];
    bool found = false;
    for (std::size_t k = 0; k < known.size(); ++k)
      if (known[k] == h) {
        col[k] = static_cast<int>(c);
        found = true;
      }
    if (!found) {
      const std::string near = closest_match(h, known);
      const text::Message msg = unknown_reference("problem.ref.column", h, near);
      ctx.problems.add({file, "line 1", msg});
    }
  }
  for (const char* required : {"id", "sex", "birth_date", "home_unit"}) {
    for (std::size_t k = 0; k < known.size(); ++k)
      if (known[k] == required && col[k] < 0)
        ctx.problems.add(
            {file, "line 1", text::message("problem.roster.missing_column", required)});
  }
  (void)display;
  auto cell = [&](const std::vector<std::string>& row, const char* name) -> std::string {
    for (std::size_t k = 0; k < known.size(); ++k)
      if (known[k] == name)
        return col[k] >= 0 ? row[static_cast<std::size_t>(col[k])] : std::string{};
    return {};
  };
  for (std::size_t i = 0; i < csv.table.rows.size(); ++i) {
    const auto& row = csv.table.rows[i];
    const std::string where = fmt::format("line {}", csv.table.row_lines[i]);
    auto problem = [&](text::Message msg) { ctx.problems.add({file, where, std::move(msg)}); };
    model::Cadre c;
    c.id = cell(row, "id");
    c.name = cell(row, "name");
    if (c.id.empty())
      problem(text::message("problem.roster.empty_id"));
    else if (!ids.insert(c.id).second)
      problem(text::message("problem.roster.duplicate_id", c.id));
    const std::string sex = cell(row, "sex");
    if (sex == "M" || sex == "male" || sex == "m")
      c.sex = model::Sex::kMale;
    else if (sex == "F" || sex == "female" || sex == "f")
      c.sex = model::Sex::kFemale;
    else
      problem(text::message("problem.roster.sex", sex));
    if (auto d = kernel::parse_iso_date(cell(row, "birth_date"))) {
      c.birth = *d;
      const int age = kernel::age_at(c.birth, ctx.scenario.calendar.start).years;
      if (c.birth >= ctx.scenario.calendar.start || age < 16 || age > 80)
        problem(text::message("problem.roster.impossible_birth", cell(row, "birth_date"), age));
    } else {
      problem(text::message("problem.roster.not_a_date", "birth_date", cell(row, "birth_date")));
    }
    const std::string home = cell(row, "home_unit");
    c.home_unit = org.find_unit(home);
    if (c.home_unit == model::kNoUnit)
      problem(unknown_reference("problem.ref.home_unit", home, ""));
    const std::string post = cell(row, "post");
    if (!post.empty()) {
      Problems local;
      local.set_file(file);
      SectionContext sub{ctx.scenario, local, ctx.base_dir};
      c.post = resolve_post(post, where, sub);
      if (c.post != model::kNoPost && !sub.scenario.organisation.in_force(c.post))
        sub.problems.add(where, text::message("problem.roster.post_not_in_force", post));
      for (const auto& p : local.items()) ctx.problems.add(p);
      if (c.post != model::kNoPost && !held.insert(c.post).second)
        problem(text::message("problem.roster.post_held", post));
    }
    c.post_since = ctx.scenario.calendar.start;
    if (const std::string since = cell(row, "post_since"); !since.empty()) {
      if (auto d = kernel::parse_iso_date(since)) {
        c.post_since = *d;
        if (c.post_since > ctx.scenario.calendar.start || c.post_since < c.birth)
          problem(text::message("problem.roster.post_since", since));
      } else {
        problem(text::message("problem.roster.not_a_date", "post_since", since));
      }
    }
    auto number = [&](const char* name, double lo, double hi, double fallback) {
      const std::string s = cell(row, name);
      if (s.empty()) return fallback;
      double v = 0;
      if (!parse_number(s, v) || v < lo || v > hi) {
        problem(text::message("problem.roster.number", name, fmt::format("{:g}", lo),
                              fmt::format("{:g}", hi), s));
        return fallback;
      }
      return v;
    };
    c.grade_coefficient = number("grade_coefficient", 1, 12, 3.66);
    c.competence = number("competence", 0, 1, 0.55);
    c.hardship_months = static_cast<std::uint16_t>(number("hardship_months", 0, 720, 0));
    c.attraction_months_used =
        static_cast<std::uint16_t>(number("attraction_months_used", 0, 720, 0));
    for (std::size_t l = 0; l < org.levels.size(); ++l) {
      const std::string name = "experience_months_" + org.levels[l].id;
      c.experience_months[l] = static_cast<std::uint16_t>(number(name.c_str(), 0, 720, 0));
    }
    ctx.scenario.named_cadres.push_back({std::move(c), static_cast<int>(csv.table.row_lines[i])});
  }
}

}  // namespace cadresim::scenario
