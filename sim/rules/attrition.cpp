// Attrition: personal Exp(1) thresholds against a monthly cumulative hazard.
#include "sim/rules/attrition.hpp"

#include <array>  // cause weights

namespace cadresim::rules {

void init_attrition(RuleContext& ctx, CadreId cadre) {
  auto& w = ctx.world;
  if (w.attrition.size() <= cadre) w.attrition.resize(cadre + 1);
  w.attrition[cadre] = {
      0, kernel::sample::exponential(ctx.rng.uniform(kRngAttritionThreshold, cadre, 0), 1.0), 1};
}

double attrition_rate_per_year(const RuleContext& ctx, const model::Cadre& c) {
  const auto& p = ctx.scenario.attrition;
  model::LevelId level;
  if (c.post != model::kNoPost) {
    if (const model::TitleId t = ctx.org.posts[c.post].title; t < p.rate_per_year_by_title.size())
      if (const auto& rate = p.rate_per_year_by_title[t]) return *rate;
    level = ctx.org.level_of(c.post);
  } else {
    // Without a post: the home unit's level (a cadre from outside the modelled organisation:
    // the level of the last post held).
    level = c.home_unit != model::kNoUnit   ? ctx.org.units[c.home_unit].level
            : c.last_post != model::kNoPost ? ctx.org.level_of(c.last_post)
                                            : 0;
  }
  return level < p.rate_per_year_by_level.size() ? p.rate_per_year_by_level[level] : 0.0;
}

void prepare_attrition_rates(const RuleContext& ctx, AttritionRates& out) {
  const auto& p = ctx.scenario.attrition;
  out.monthly_by_post.resize(ctx.org.posts.size());
  for (PostId post = 0; post < ctx.org.posts.size(); ++post) {
    // attrition_rate_per_year for a holder of `post`, divided as attrition_month did.
    const model::TitleId t = ctx.org.posts[post].title;
    const model::LevelId level = ctx.org.level_of(post);
    const double yearly = t < p.rate_per_year_by_title.size() && p.rate_per_year_by_title[t]
                              ? *p.rate_per_year_by_title[t]
                          : level < p.rate_per_year_by_level.size()
                              ? p.rate_per_year_by_level[level]
                              : 0.0;
    out.monthly_by_post[post] = yearly / 12.0;
  }
}

void attrition_exit(RuleContext& ctx, CadreId cadre) {
  const auto& p = ctx.scenario.attrition;
  const std::array<double, 3> weights{p.share_resignation, p.share_health, p.share_discipline};
  const std::size_t k =
      kernel::sample::categorical(ctx.rng.uniform(kRngAttritionCause, cadre, 0), weights);
  static constexpr std::array<model::ExitCause, 3> causes{
      model::ExitCause::kResignation, model::ExitCause::kHealth, model::ExitCause::kDiscipline};
  leave_service(ctx, cadre, causes[k]);
}

}  // namespace cadresim::rules
