// The parameters of every mechanism (sim/rules/*), one section each. Defaults are the
// values in sim/model/scenario.hpp; their sources are in docs/model.md.
#include <fmt/core.h>  // fmt::format

#include "sim/scenario/sections.hpp"

namespace cadresim::scenario {

namespace {

// Rating ids in scenarios, in the order of model::rating_index.
const std::vector<std::string>& rating_ids() {
  static const std::vector<std::string> ids{"not_completed", "completed", "good", "excellent"};
  return ids;
}
std::string rating_id(model::Rating r) {
  return rating_ids()[model::rating_index(r)];
}
model::Rating rating_from_id(const std::string& id) {
  for (std::size_t k = 0; k < model::kRatingGrades; ++k)
    if (rating_ids()[k] == id) return static_cast<model::Rating>(k + 1);
  return model::Rating::kGood;
}

void read_retirement(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.retirement;
  FieldReader r = top.object("retirement");
  const json* table = r.array("table", true);
  json& out = r.out()["table"];
  out = json::array();
  if (table != nullptr) {
    if (table->empty())
      ctx.problems.add(r.at("table"), text::message("problem.mechanisms.table_rows"));
    for (std::size_t i = 0; i < table->size(); ++i) out.push_back(json::object());
    for (std::size_t i = 0; i < table->size(); ++i) {
      FieldReader row(&(*table)[i], out[i], r.at("table") + "/" + std::to_string(i), ctx.problems);
      model::RetirementAgeRow a;
      if (!row.has("year"))
        ctx.problems.add(row.at("year"), text::message("problem.mechanisms.year_required"));
      row.integer("year", a.year, 1900, 2200);
      for (const char* sex : {"men", "women"}) {
        int& months = std::string(sex) == "men" ? a.men_months : a.women_months;
        const json* v = row.raw(sex);
        const std::string ptr = row.at(sex);
        if (v == nullptr) {
          ctx.problems.add(ptr, text::message("problem.mechanisms.age_required"));
        } else if (!v->is_array() || v->size() != 2 || !(*v)[0].is_number_integer() ||
                   !(*v)[1].is_number_integer() || (*v)[0].get<long long>() < 40 ||
                   (*v)[0].get<long long>() > 80 || (*v)[1].get<long long>() < 0 ||
                   (*v)[1].get<long long>() > 11) {
          ctx.problems.add(ptr, text::message("problem.mechanisms.age_form", v->dump()));
        } else {
          months = static_cast<int>((*v)[0].get<long long>() * 12 + (*v)[1].get<long long>());
        }
        out[i][sex] = json::array({months / 12, months % 12});
      }
      row.finish();
      if (!p.table.empty() && a.year <= p.table.back().year)
        ctx.problems.add(row.at("year"), text::message("problem.mechanisms.years_increasing"));
      p.table.push_back(a);
    }
  }
  FieldReader e = r.object("early");
  e.boolean("enabled", p.early_enabled);
  e.integer("min_hardship_months", p.early_min_hardship_months, 0, 600);
  e.number("hardship_regional_coefficient", p.hardship_regional_coefficient, 0, 1);
  e.integer("max_months_early", p.early_max_months, 0, 120);
  e.probability("probability_per_year", p.early_probability_per_year);
  e.finish();
  r.finish();
}

void read_attrition(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.attrition;
  FieldReader r = top.object("attrition");
  p.rate_per_year_by_level = read_level_map(r, "rate_per_year_by_level", 0.0, 0, 1, ctx);
  FieldReader by_title = r.object("rate_per_year_by_title");
  if (const json* raw = r.raw("rate_per_year_by_title"); raw != nullptr && raw->is_object()) {
    for (const auto& [id, v] : raw->items()) {
      if (id == "$comment") continue;
      const model::TitleId t = ctx.scenario.organisation.find_title(id);
      if (t == model::kNoTitle) {
        by_title.allow(id);
        std::vector<std::string> ids;
        for (const auto& title : ctx.scenario.organisation.titles) ids.push_back(title.id);
        const std::string near = closest_match(id, ids);
        const text::Message msg = unknown_reference("problem.ref.title", id, near);
        ctx.problems.add(by_title.at(id), msg);
        continue;
      }
      double rate = 0;
      by_title.number(id, rate, 0, 1);
      if (p.rate_per_year_by_title.size() <= t) p.rate_per_year_by_title.resize(t + 1);
      p.rate_per_year_by_title[t] = rate;
    }
  }
  by_title.finish();
  FieldReader c = r.object("cause_shares");
  c.probability("resignation", p.share_resignation);
  c.probability("health", p.share_health);
  c.probability("discipline", p.share_discipline);
  c.finish();
  const double total = p.share_resignation + p.share_health + p.share_discipline;
  if (total <= 0)
    ctx.problems.add(r.at("cause_shares"), text::message("problem.mechanisms.shares_zero"));
  r.finish();
}

void read_recruitment(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.recruitment;
  FieldReader r = top.object("recruitment");
  r.distribution("age_years", p.age_years, 16, 70);
  r.probability("female_share", p.female_share);
  r.probability("native_share", p.native_share);
  r.distribution("grade_coefficient", p.grade_coefficient, 1, 12);
  r.distribution("competence", p.competence, 0, 1);
  r.distribution("delay_months", p.delay_months, 0, 120);
  r.finish();
}

void read_succession(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.succession;
  FieldReader r = top.object("succession");
  r.month_day("review_date", p.review_date);
  r.integer("max_candidates_per_post", p.max_candidates_per_post, 1, 20);
  r.integer("max_posts_per_candidate", p.max_posts_per_candidate, 1, 20);
  r.integer("planning_min_months_before_retirement", p.planning_min_months_before_retirement, 0,
            600);
  r.probability("ready_min_competence", p.ready_min_competence);
  r.integer("ready_min_months_in_post", p.ready_min_months_in_post, 0, 600);
  r.integer("ready_min_months_lower_level", p.ready_min_months_lower_level, 0, 600);
  r.probability("later_min_competence", p.later_min_competence);
  std::string min_rating = rating_id(p.ready_min_rating);
  r.choice("ready_min_rating", min_rating, rating_ids());
  p.ready_min_rating = rating_from_id(min_rating);
  r.probability("removal_probability_per_year", p.removal_probability_per_year);
  FieldReader t = r.object("structure_targets");
  t.probability("young_share", p.young_target_share);
  t.integer("young_max_age_years", p.young_max_age_years, 18, 80);
  t.probability("women_share", p.women_target_share);
  t.boolean("binding", p.targets_binding);
  t.finish();
  if (p.later_min_competence > p.ready_min_competence)
    ctx.problems.add(r.at("later_min_competence"),
                     text::message("problem.mechanisms.later_competence"));
  r.finish();
}

void read_terms(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.terms;
  FieldReader r = top.object("terms");
  r.integer("term_months", p.term_months, 12, 120);
  r.integer("max_consecutive_terms", p.max_consecutive_terms, 1, 10);
  r.integer("reelection_min_months_before_retirement", p.reelection_min_months_before_retirement, 0,
            600);
  r.integer("appointment_months", p.appointment_months, 12, 120);
  r.integer("extend_if_months_to_retirement_below", p.extend_if_months_to_retirement_below, 0, 120);
  // Personnel preparation and the congress age cut-offs (docs/model.md § Terms of office).
  r.integer("preparation_start_months_before", p.preparation_start_months_before, 0, 36);
  r.integer("preparation_end_months_before", p.preparation_end_months_before, 0, 36);
  if (p.preparation_end_months_before > p.preparation_start_months_before)
    ctx.problems.add(r.at("preparation_end_months_before"),
                     text::message("problem.mechanisms.preparation_end"));
  for_each_object(r, "age_cutoffs", false, [&](FieldReader& a, std::size_t) {
    model::AgeCutoffRule rule;
    a.date("from", rule.from, true);
    a.date("until", rule.until, true);
    if (const json* lv = a.array("levels", true)) {
      a.out()["levels"] = *lv;
      for (std::size_t k = 0; k < lv->size(); ++k) {
        const std::string ptr = a.at("levels") + "/" + std::to_string(k);
        if (!(*lv)[k].is_string()) {
          ctx.problems.add(ptr, text::message("problem.org.level_id"));
          continue;
        }
        const int l = resolve_level((*lv)[k].get<std::string>(), ptr, ctx);
        if (l >= 0) rule.levels.push_back(static_cast<model::LevelId>(l));
      }
    }
    a.date("first_men_born_from", rule.first_men_born_from, true);
    a.date("first_women_born_from", rule.first_women_born_from, true);
    a.date("reelection_men_born_from", rule.reelection_men_born_from, true);
    a.date("reelection_women_born_from", rule.reelection_women_born_from, true);
    a.finish();
    if (rule.until <= rule.from)
      ctx.problems.add(a.at("until"), text::message("problem.mechanisms.after_from"));
    p.age_cutoffs.push_back(std::move(rule));
  });
  r.finish();
}

void read_appointment(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.appointment;
  FieldReader r = top.object("appointment");
  r.distribution("delay_months", p.delay_months, 0, 120);
  r.integer("min_months_before_retirement", p.min_months_before_retirement, 0, 600);
  r.probability("acting_probability", p.acting_probability);
  r.integer("promotion_min_months_in_post", p.promotion_min_months_in_post, 0, 600);
  r.number("retry_months", p.retry_months, 0.1, 120);
  r.number("non_native_transfer_in_months", p.non_native_transfer_in_months, 0, 120);
  r.finish();
}

void read_rotation(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.rotation;
  FieldReader r = top.object("rotation");
  r.month_day("plan_date", p.plan_date);
  if (const json* d = r.array("extra_plan_dates")) {
    r.out()["extra_plan_dates"] = *d;
    for (std::size_t i = 0; i < d->size(); ++i) {
      const auto day =
          (*d)[i].is_string() ? kernel::parse_iso_date((*d)[i].get<std::string>()) : std::nullopt;
      if (!day)
        ctx.problems.add(r.at("extra_plan_dates") + "/" + std::to_string(i),
                         text::message("problem.mechanisms.date"));
      else
        p.extra_plan_dates.push_back(*day);
    }
  }
  for_each_object(r, "flows", false, [&](FieldReader& f, std::size_t) {
    model::RotationFlow flow;
    std::string from, to;
    f.string("id", flow.id, true);
    f.string("from_level", from, true);
    f.string("to_level", to, true);
    f.number("count_per_year", flow.count_per_year, 0, 100000);
    f.probability("rate_per_year", flow.rate_per_year);
    f.boolean("sector_change", flow.sector_change);
    f.boolean("within_parent", flow.within_parent);
    f.choice("purpose", flow.purpose, {"training", "non_native", "term_limit"});
    f.finish();
    // Both keys may appear (the resolved output writes both); only one may be non-zero.
    if (flow.count_per_year > 0 && flow.rate_per_year > 0)
      ctx.problems.add(f.at("rate_per_year"), text::message("problem.mechanisms.count_or_rate"));
    const int a = from.empty() ? -1 : resolve_level(from, f.at("from_level"), ctx);
    const int b = to.empty() ? -1 : resolve_level(to, f.at("to_level"), ctx);
    flow.from_level = static_cast<model::LevelId>(a < 0 ? 0 : a);
    flow.to_level = static_cast<model::LevelId>(b < 0 ? 0 : b);
    if (flow.sector_change && a != b && a >= 0 && b >= 0)
      ctx.problems.add(f.at("sector_change"), text::message("problem.mechanisms.sector_one_level"));
    for (const auto& prev : p.flows)
      if (prev.id == flow.id)
        ctx.problems.add(f.at("id"), text::message("problem.mechanisms.duplicate_flow", flow.id));
    p.flows.push_back(std::move(flow));
  });
  r.integer("min_months_before_retirement", p.min_months_before_retirement, 0, 600);
  r.integer("min_months_before_retirement_non_native", p.min_months_before_retirement_non_native, 0,
            600);
  r.integer("min_months_in_post", p.min_months_in_post, 0, 600);
  r.boolean("require_in_plan", p.require_in_plan);
  r.probability("higher_post_probability", p.higher_post_probability);
  r.probability("outstanding_competence", p.outstanding_competence);
  r.distribution("duration_months", p.duration_months, 1, 240);
  r.boolean("refusal_keeps_in_plan", p.refusal_keeps_in_plan);
  r.number("shortage_weight", p.shortage_weight, 0, 100);
  r.number("especially_difficult_weight", p.especially_difficult_weight, 0, 100);
  r.number("equivalent_rank_band", p.equivalent_rank_band, 0, 1);
  r.integer("displace_min_months_in_post", p.displace_min_months_in_post, 0, 600);
  r.integer("max_offers_per_quota", p.max_offers_per_quota, 1, 100);
  r.finish();
}

void read_income(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.income;
  FieldReader r = top.object("income");
  if (!for_each_object(r, "base_salary_vnd_per_month", false, [&](FieldReader& s, std::size_t) {
        model::BaseSalaryStep b;
        s.date("from", b.from, true);
        if (!s.has("amount"))
          ctx.problems.add(s.at("amount"), text::message("problem.mechanisms.amount_required"));
        s.number("amount", b.vnd_per_month, 1, 1e9);
        s.finish();
        if (!p.base_salary.empty() && b.from <= p.base_salary.back().from)
          ctx.problems.add(s.at("from"), text::message("problem.mechanisms.dates_increasing"));
        p.base_salary.push_back(b);
      })) {
    p.base_salary = {{kernel::make_day(2019, 7, 1), 1'490'000},
                     {kernel::make_day(2023, 7, 1), 1'800'000},
                     {kernel::make_day(2024, 7, 1), 2'340'000}};
    json& out = r.out()["base_salary_vnd_per_month"];
    out = json::array();
    for (const auto& b : p.base_salary)
      out.push_back({{"from", kernel::format_iso_date(b.from)}, {"amount", b.vnd_per_month}});
  }
  r.probability("public_service_share", p.public_service_share);
  r.probability("attraction_share", p.attraction_share);
  r.integer("attraction_max_months", p.attraction_max_months, 0, 600);
  p.level_extra_vnd_per_month = read_level_map(r, "level_extra_vnd_per_month", 0.0, 0, 1e9, ctx);
  r.number("second_household_vnd_per_month", p.second_household_vnd_per_month, 0, 1e9);
  r.number("commute_max_km", p.commute_max_km, 0, 10000);
  r.number("travel_vnd_per_km_month", p.travel_vnd_per_km_month, 0, 1e7);
  r.finish();
}

void read_reluctance(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.reluctance;
  FieldReader r = top.object("reluctance");
  r.number("accept_intercept", p.accept_intercept, -50, 50);
  r.number("accept_slope", p.accept_slope, -500, 500);
  r.number("early_return_base_per_year", p.early_return_base_per_year, 0, 1);
  r.number("early_return_per_shortfall_per_year", p.early_return_per_shortfall_per_year, 0, 10);
  r.number("early_return_unsettled_weight", p.early_return_unsettled_weight, 0, 100);
  r.number("attrition_multiplier_per_shortfall", p.attrition_multiplier_per_shortfall, 0, 100);
  r.number("effort_penalty_per_shortfall", p.effort_penalty_per_shortfall, 0, 10);
  r.finish();
}

// Reads a list of level ids into `levels`.
void read_level_list(FieldReader& r, const std::string& key, std::vector<model::LevelId>& levels,
                     SectionContext& ctx) {
  const json* a = r.array(key);
  json& out = r.out()[key];
  out = json::array();
  if (a == nullptr) return;
  for (std::size_t i = 0; i < a->size(); ++i) {
    const std::string ptr = r.at(key) + "/" + std::to_string(i);
    if (!(*a)[i].is_string()) {
      ctx.problems.add(ptr, text::message("problem.mechanisms.level_id"));
      continue;
    }
    const int l = resolve_level((*a)[i].get<std::string>(), ptr, ctx);
    if (l >= 0) {
      levels.push_back(static_cast<model::LevelId>(l));
      out.push_back((*a)[i]);
    }
  }
}

void read_adaptation(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.adaptation;
  FieldReader r = top.object("adaptation");
  r.probability("deficit_with_experience", p.deficit_with_experience);
  r.probability("deficit_without_experience", p.deficit_without_experience);
  r.number("time_constant_months", p.time_constant_months, 0.1, 240);
  r.number("mentoring_factor", p.mentoring_factor, 0.01, 1);
  r.number("supervision_factor", p.supervision_factor, 0.01, 1);
  r.number("competence_gain_per_grassroots_year", p.competence_gain_per_grassroots_year, 0, 1);
  r.number("competence_gain_per_year", p.competence_gain_per_year, 0, 1);
  const bool given = r.has("grassroots_levels");
  read_level_list(r, "grassroots_levels", p.grassroots_levels, ctx);
  if (!given && !ctx.scenario.organisation.levels.empty()) {
    // Default: the lowest level is the grassroots (cơ sở).
    p.grassroots_levels = {
        static_cast<model::LevelId>(ctx.scenario.organisation.levels.size() - 1)};
    r.out()["grassroots_levels"] = json::array({ctx.scenario.organisation.levels.back().id});
  }
  r.finish();
}

// Reads a per-rating table: an object with one entry per rating id.
template <typename Each>
void for_each_rating(FieldReader& r, const std::string& key, Each each) {
  FieldReader t = r.object(key);
  for (std::size_t k = 0; k < model::kRatingGrades; ++k) each(t, k, rating_ids()[k]);
  t.finish();
}

void read_evaluation(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.evaluation;
  FieldReader r = top.object("evaluation");
  r.month_day("date", p.date);
  FieldReader th = r.object("rating_thresholds");
  th.probability("excellent", p.excellent_min);
  th.probability("good", p.good_min);
  th.probability("completed", p.completed_min);
  th.finish();
  if (!(p.completed_min <= p.good_min && p.good_min <= p.excellent_min))
    ctx.problems.add(r.at("rating_thresholds"), text::message("problem.mechanisms.thresholds"));
  for_each_rating(r, "end_outcomes", [&](FieldReader& t, std::size_t k, const std::string& id) {
    auto& o = p.end_outcomes[k];
    FieldReader e = t.object(id);
    e.probability("return", o.return_home);
    e.probability("promote", o.promote);
    e.probability("stay", o.stay);
    e.finish();
    if (std::abs(o.return_home + o.promote + o.stay - 1.0) > 1e-6)
      ctx.problems.add(t.at(id),
                       text::message("problem.mechanisms.outcomes_sum",
                                     fmt::format("{:g}", o.return_home + o.promote + o.stay)));
  });
  for_each_rating(r, "early_return_multiplier",
                  [&](FieldReader& t, std::size_t k, const std::string& id) {
                    t.number(id, p.early_return_multiplier[k], 0, 100);
                  });
  for_each_rating(r, "planning_bonus", [&](FieldReader& t, std::size_t k, const std::string& id) {
    t.number(id, p.planning_bonus[k], -1, 1);
  });
  r.boolean("remove_from_plan_if_not_completed", p.remove_from_plan_if_not_completed);
  r.finish();
}

void read_target(FieldReader& targets, const std::string& lever, model::SupportTarget& t,
                 SectionContext& ctx) {
  if (!targets.has(lever)) return;
  FieldReader r = targets.object(lever);
  r.boolean("especially_difficult_only", t.especially_difficult_only);
  read_level_list(r, "to_levels", t.to_levels, ctx);
  const json* f = r.array("flows");
  json& fout = r.out()["flows"];
  fout = json::array();
  if (f != nullptr) {
    for (std::size_t i = 0; i < f->size(); ++i) {
      const std::string ptr = r.at("flows") + "/" + std::to_string(i);
      if (!(*f)[i].is_string()) {
        ctx.problems.add(ptr, text::message("problem.mechanisms.flow_id"));
        continue;
      }
      const std::string id = (*f)[i].get<std::string>();
      bool known = id == "scripted";
      for (const auto& flow : ctx.scenario.rotation.flows) known = known || flow.id == id;
      if (!known) ctx.problems.add(ptr, text::message("problem.mechanisms.unknown_flow", id));
      t.flows.push_back(id);
      fout.push_back(id);
    }
  }
  r.boolean("key_posts_only", t.key_posts_only);
  r.number("min_shortfall_vnd", t.min_shortfall_vnd, 0, 1e10);
  r.finish();
}

void read_support(FieldReader& top, SectionContext& ctx) {
  auto& p = ctx.scenario.support;
  FieldReader r = top.object("support");
  r.number("top_up_vnd_per_month", p.top_up_vnd_per_month, 0, 1e9);
  r.probability("top_up_share_of_shortfall", p.top_up_share_of_shortfall);
  for_each_object(r, "one_off_grant", false, [&](FieldReader& b, std::size_t) {
    model::GrantBand band;
    b.number("min_km", band.min_km, 0, 10000);
    b.number("vnd", band.vnd, 0, 1e10);
    b.finish();
    if (!p.one_off_grant.empty() && band.min_km <= p.one_off_grant.back().min_km)
      ctx.problems.add(b.at("min_km"), text::message("problem.mechanisms.bands_increasing"));
    p.one_off_grant.push_back(band);
  });
  r.boolean("housing", p.housing);
  r.number("housing_cost_vnd_per_month", p.housing_cost_vnd_per_month, 0, 1e9);
  r.number("travel_allowance_vnd_per_month", p.travel_allowance_vnd_per_month, 0, 1e9);
  r.boolean("reserve_position_allowance", p.reserve_position_allowance);
  r.boolean("mentoring", p.mentoring);
  r.number("mentoring_cost_vnd_per_month", p.mentoring_cost_vnd_per_month, 0, 1e9);
  r.boolean("supervision", p.supervision);
  r.number("supervision_cost_vnd_per_month", p.supervision_cost_vnd_per_month, 0, 1e9);
  FieldReader t = r.object("targets");
  read_target(t, "top_up", p.target_top_up, ctx);
  read_target(t, "grant", p.target_grant, ctx);
  read_target(t, "housing", p.target_housing, ctx);
  read_target(t, "travel", p.target_travel, ctx);
  read_target(t, "reserved_allowance", p.target_reserved, ctx);
  read_target(t, "mentoring", p.target_mentoring, ctx);
  read_target(t, "supervision", p.target_supervision, ctx);
  t.finish();
  FieldReader v = r.object("valuation");
  v.number("monthly_discount_rate", p.valuation.monthly_discount_rate, 0, 0.5);
  v.probability("in_kind_share", p.valuation.in_kind_share);
  v.finish();
  r.finish();
}

}  // namespace

void read_mechanisms(FieldReader& top, SectionContext& ctx) {
  if (!top.has("retirement"))
    ctx.problems.add("/retirement", text::message("problem.mechanisms.retirement_required"));
  read_retirement(top, ctx);
  read_attrition(top, ctx);
  read_recruitment(top, ctx);
  read_succession(top, ctx);
  read_terms(top, ctx);
  read_appointment(top, ctx);
  read_rotation(top, ctx);
  read_income(top, ctx);
  read_reluctance(top, ctx);
  read_adaptation(top, ctx);
  read_evaluation(top, ctx);
  read_support(top, ctx);
}

}  // namespace cadresim::scenario
