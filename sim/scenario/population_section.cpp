// The initial population (synthesis distributions, named cadres, roster CSV) and the script.
#include <fmt/core.h>  // fmt::format

#include <unordered_set>  // duplicate ids

#include "sim/scenario/input_paths.hpp"  // check_referenced_file
#include "sim/scenario/roster.hpp"       // read_roster
#include "sim/scenario/sections.hpp"

namespace cadresim::scenario {

model::PostId resolve_post(const std::string& label, const std::string& pointer,
                           const SectionContext& ctx) {
  const auto& org = ctx.scenario.organisation;
  const auto slash = label.find('/');
  if (slash == std::string::npos) {
    ctx.problems.add(pointer, text::message("problem.post.format", label));
    return model::kNoPost;
  }
  std::string title_part = label.substr(slash + 1);
  int nth = 0;
  if (const auto hash = title_part.find('#'); hash != std::string::npos) {
    try {
      nth = std::stoi(title_part.substr(hash + 1));
    } catch (...) {
      nth = -1;
    }
    title_part = title_part.substr(0, hash);
  }
  const model::UnitId u = org.find_unit(label.substr(0, slash));
  const model::TitleId t = org.find_title(title_part);
  if (u == model::kNoUnit) {
    ctx.problems.add(pointer,
                     text::message("problem.post.unknown_part", text::text_arg("problem.ref.unit"),
                                   label.substr(0, slash), label));
    return model::kNoPost;
  }
  if (t == model::kNoTitle) {
    ctx.problems.add(pointer,
                     text::message("problem.post.unknown_part", text::text_arg("problem.ref.title"),
                                   title_part, label));
    return model::kNoPost;
  }
  // Posts exist only once the organisation is valid; its problems are already reported.
  if (org.posts_of_unit.empty()) return model::kNoPost;
  const model::PostId p = nth < 0 ? model::kNoPost : org.find_post(u, t, nth);
  if (p == model::kNoPost)
    ctx.problems.add(pointer,
                     text::message("problem.post.none", org.units[u].id,
                                   nth > 0 ? fmt::format("{}#{}", title_part, nth) : title_part));
  return p;
}

namespace {

std::map<model::TitleId, model::Distribution> read_title_distributions(FieldReader& r,
                                                                       const std::string& key,
                                                                       double lo, double hi,
                                                                       SectionContext& ctx) {
  std::map<model::TitleId, model::Distribution> result;
  FieldReader m = r.object(key);
  if (const json* raw = r.raw(key); raw != nullptr && raw->is_object()) {
    std::vector<std::string> ids;
    for (const auto& t : ctx.scenario.organisation.titles) ids.push_back(t.id);
    for (const auto& [id, v] : raw->items()) {
      if (id == "$comment") continue;
      const model::TitleId t = ctx.scenario.organisation.find_title(id);
      if (t == model::kNoTitle) {
        m.allow(id);
        const std::string near = closest_match(id, ids);
        const text::Message msg = unknown_reference("problem.ref.title", id, near);
        ctx.problems.add(m.at(id), msg);
        continue;
      }
      model::Distribution d{model::DistributionKind::kNormal, 45, 6, lo, hi};
      m.distribution(id, d, lo, hi);
      result[t] = d;
    }
  }
  m.finish();
  return result;
}

std::vector<model::Distribution> read_level_distributions(FieldReader& r, const std::string& key,
                                                          const model::Distribution& fallback,
                                                          double lo, double hi,
                                                          SectionContext& ctx) {
  const auto& levels = ctx.scenario.organisation.levels;
  std::vector<model::Distribution> result(levels.size(), fallback);
  FieldReader m = r.object(key);
  for (std::size_t l = 0; l < levels.size(); ++l) m.distribution(levels[l].id, result[l], lo, hi);
  m.finish();
  return result;
}

model::Cadre read_named_cadre(FieldReader& c, SectionContext& ctx) {
  const auto& org = ctx.scenario.organisation;
  model::Cadre cadre;
  std::string sex = "male", home, post;
  c.string("id", cadre.id, true);
  c.string("name", cadre.name);
  c.choice("sex", sex, {"male", "female"});
  cadre.sex = sex == "female" ? model::Sex::kFemale : model::Sex::kMale;
  c.date("birth", cadre.birth, true);
  c.string("home_unit", home, true);
  c.string("post", post);
  cadre.post_since = ctx.scenario.calendar.start;
  c.date("post_since", cadre.post_since);
  cadre.grade_coefficient = 3.66;
  c.number("grade_coefficient", cadre.grade_coefficient, 1, 12);
  cadre.competence = 0.6;
  c.probability("competence", cadre.competence);
  FieldReader exp = c.object("experience_months_by_level");
  for (std::size_t l = 0; l < org.levels.size(); ++l) {
    int months = 0;
    exp.integer(org.levels[l].id, months, 0, 720);
    cadre.experience_months[l] = static_cast<std::uint16_t>(months);
  }
  exp.finish();
  int hardship = 0, attraction = 0;
  c.integer("hardship_months", hardship, 0, 720);
  c.integer("attraction_months_used", attraction, 0, 720);
  cadre.hardship_months = static_cast<std::uint16_t>(hardship);
  cadre.attraction_months_used = static_cast<std::uint16_t>(attraction);
  c.finish();
  if (!home.empty()) {
    cadre.home_unit = org.find_unit(home);
    if (cadre.home_unit == model::kNoUnit)
      ctx.problems.add(c.at("home_unit"), unknown_reference("problem.ref.unit", home, ""));
  }
  if (!post.empty()) cadre.post = resolve_post(post, c.at("post"), ctx);
  if (cadre.post != model::kNoPost && !ctx.scenario.organisation.in_force(cadre.post))
    ctx.problems.add(c.at("post"), text::message("problem.post.not_in_force", post));
  if (cadre.birth >= ctx.scenario.calendar.start && c.has("birth"))
    ctx.problems.add(c.at("birth"), text::message("problem.population.birth"));
  if (cadre.post_since > ctx.scenario.calendar.start)
    ctx.problems.add(c.at("post_since"), text::message("problem.population.post_since"));
  return cadre;
}

}  // namespace

void read_population(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.population;
  const auto& org = ctx.scenario.organisation;
  FieldReader r = top.object("population");
  r.probability("vacant_share", p.vacant_share);
  p.female_share_by_level = read_level_map(r, "female_share_by_level", 0.2, 0, 1, ctx);
  p.native_share_by_level = read_level_map(r, "native_share_by_level", 0.7, 0, 1, ctx);
  p.age_years_by_level = read_level_distributions(
      r, "age_years_by_level", {model::DistributionKind::kNormal, 45, 7, 25, 60}, 18, 70, ctx);
  p.age_years_by_title = read_title_distributions(r, "age_years_by_title", 18, 70, ctx);
  r.distribution("grade_coefficient", p.grade_coefficient, 1, 12);
  r.distribution("competence", p.competence, 0, 1);
  r.distribution("tenure_months", p.tenure_months, 0, 600);
  r.probability("second_term_share", p.second_term_share);
  p.lower_level_experience_months_by_level =
      read_level_distributions(r, "lower_level_experience_months_by_level",
                               {model::DistributionKind::kUniform, 0, 0, 0, 120}, 0, 600, ctx);
  r.distribution("hardship_months", p.hardship_months, 0, 600);
  r.distribution("attraction_months_used", p.attraction_months_used, 0, 600);
  r.boolean("synthesise_rest", ctx.scenario.synthesise_rest);

  std::unordered_set<std::string> ids;
  std::unordered_set<model::PostId> held;
  for_each_object(r, "named_cadres", false, [&](FieldReader& c, std::size_t) {
    model::Cadre cadre = read_named_cadre(c, ctx);
    if (!cadre.id.empty() && !ids.insert(cadre.id).second)
      ctx.problems.add(c.at("id"), text::message("problem.roster.duplicate_id", cadre.id));
    if (cadre.post != model::kNoPost && !held.insert(cadre.post).second)
      ctx.problems.add(c.at("post"),
                       text::message("problem.roster.post_held", org.post_label(cadre.post)));
    ctx.scenario.named_cadres.push_back({std::move(cadre), 0});
  });
  std::string roster;
  r.string("roster", roster);
  if (!roster.empty()) {
    const std::filesystem::path path = ctx.base_dir / roster;
    text::Message error;
    if (check_referenced_file(path, roster, ".csv", allowed_roots(ctx.base_dir),
                              "problem.path.roster", error))
      read_roster(path, roster, ctx, ids, held);
    else
      ctx.problems.add(r.at("roster"), std::move(error));
  }
  r.finish();
}

void read_script(FieldReader& top, SectionContext& ctx) {
  for_each_object(top, "script", false, [&](FieldReader& r, std::size_t) {
    model::ScriptedMove m;
    std::string post;
    r.date("date", m.date, true);
    r.string("cadre", m.cadre_id, true);
    r.string("to_post", post, true);
    r.choice("kind", m.kind, {"rotate", "appoint"});
    r.integer("duration_months", m.duration_months, 1, 240);
    r.finish();
    if (!post.empty()) m.to_post = resolve_post(post, r.at("to_post"), ctx);
    bool known = false;
    for (const auto& n : ctx.scenario.named_cadres) known = known || n.cadre.id == m.cadre_id;
    if (!known && !m.cadre_id.empty())
      ctx.problems.add(r.at("cadre"), text::message("problem.population.script_cadre", m.cadre_id));
    const auto& cal = ctx.scenario.calendar;
    if (r.has("date") && (m.date < cal.start || m.date > cal.end))
      ctx.problems.add(r.at("date"), text::message("problem.population.date_outside"));
    ctx.scenario.script.push_back(std::move(m));
  });
}

}  // namespace cadresim::scenario
