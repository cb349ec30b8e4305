#pragma once
/// @file A validated scenario as plain data: calendar, organisation, initial population and
/// the parameters of every mechanism. sim/scenario builds it from JSON; the model and the
/// engine never see JSON. Units are in the names: *_months, *_per_year, *_vnd_per_month.
/// Every default and its source is listed in docs/model.md and docs/scenarios.md.

#include <map>       // std::map
#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "sim/kernel/calendar.hpp"
#include "sim/model/cadre.hpp"
#include "sim/model/distribution.hpp"
#include "sim/model/organisation.hpp"
#include "sim/model/pool.hpp"

namespace cadresim::model {

/// A month and day in the year (an annual process's date).
struct MonthDay {
  unsigned month = 1;
  unsigned day = 1;
};

/// A dated election: the levels whose elected posts are re-filled on that date.
struct Election {
  Day date = 0;
  std::vector<LevelId> levels;
};

/// Simulation period and election calendar.
struct CalendarParams {
  Day start = 0;
  Day end = 0;
  std::vector<Election> party_congresses;  ///< re-fill TenureKind::kPartyTerm posts
  std::vector<Election> state_elections;   ///< re-fill TenureKind::kStateTerm posts
};

/// Statutory retirement age for people reaching it in a calendar year (Decree 135/2020).
struct RetirementAgeRow {
  int year = 0;        ///< applies to ages reached in this year and later (until next row)
  int men_months = 0;  ///< age in months
  int women_months = 0;
};

/// Retirement rule parameters.
struct RetirementParams {
  std::vector<RetirementAgeRow> table;  ///< sorted by year
  bool early_enabled = false;           ///< early retirement after hardship service
  int early_min_hardship_months = 180;  ///< ≥ 15 years in hardship units
  double hardship_regional_coefficient = 0.7;
  int early_max_months = 60;              ///< up to 5 years early
  double early_probability_per_year = 0;  ///< yearly chance an eligible cadre takes it
};

/// Exit hazards other than retirement.
struct AttritionParams {
  std::vector<double> rate_per_year_by_level;        ///< indexed by LevelId
  std::map<TitleId, double> rate_per_year_by_title;  ///< overrides the level rate
  double share_resignation = 0.6;                    ///< causes of exits (normalised)
  double share_health = 0.25;
  double share_discipline = 0.15;
};

/// Entry of new cadres at entry titles.
struct RecruitmentParams {
  Distribution age_years{DistributionKind::kNormal, 27, 3, 22, 35};
  double female_share = 0.3;
  double native_share = 0.8;
  Distribution grade_coefficient = Distribution::fixed(2.34);
  Distribution competence{DistributionKind::kNormal, 0.4, 0.1, 0, 1};
  Distribution delay_months{DistributionKind::kExponential, 3, 0, 0, 24};  ///< vacancy to arrival
};

/// Succession planning (quy hoạch).
struct SuccessionParams {
  MonthDay review_date{12, 1};
  int max_candidates_per_post = 3;
  int max_posts_per_candidate = 3;
  int planning_min_months_before_retirement = 60;  ///< a full term before retirement
  double ready_min_competence = 0.6;
  int ready_min_months_in_post = 24;
  int ready_min_months_lower_level = 36;  ///< experience at levels below the target's
  double later_min_competence = 0.4;
  double removal_probability_per_year = 0.03;  ///< fail criteria / discipline
  double young_target_share = 0.15;
  int young_max_age_years = 40;
  double women_target_share = 0.25;
  bool targets_binding = false;
};

/// Terms of office and re-election / re-appointment.
struct TermsParams {
  int term_months = 60;
  int max_consecutive_terms = 2;
  int reelection_min_months_before_retirement = 36;
  int appointment_months = 60;
  int extend_if_months_to_retirement_below = 24;
};

/// Filling open posts.
struct AppointmentParams {
  Distribution delay_months{DistributionKind::kExponential, 2, 0, 0, 24};
  int min_months_before_retirement = 60;  ///< first appointment / higher post
  double acting_probability = 0.5;        ///< a deputy acts while the post is open
  int promotion_min_months_in_post = 24;
  double retry_months = 3;  ///< wait before trying again to fill an open post
};

/// One flow of the annual rotation plan.
struct RotationFlow {
  std::string id;
  LevelId from_level = 0;
  LevelId to_level = 0;
  double count_per_year = 0;         ///< expected moves per plan (fractional part is a Bernoulli)
  double rate_per_year = 0;          ///< alternatively, a share of eligible cadres
  bool sector_change = false;        ///< same level, another sector
  bool within_parent = false;        ///< destination within the scope of the cadre's managing tier
  std::string purpose = "training";  ///< training | non_native | term_limit
};

/// The annual rotation plan.
struct RotationParams {
  MonthDay plan_date{1, 15};
  std::vector<Day> extra_plan_dates;  ///< plans outside the annual cycle (e.g. term start)
  std::vector<RotationFlow> flows;
  int min_months_before_retirement = 120;
  int min_months_before_retirement_non_native = 60;
  int min_months_in_post = 12;
  bool require_in_plan = true;
  double higher_post_probability = 0.1;
  double outstanding_competence = 0.75;
  Distribution duration_months{DistributionKind::kUniform, 42, 0, 36, 48};
  double outcome_return = 0.4;
  double outcome_promote = 0.35;
  double outcome_stay = 0.25;
  bool refusal_keeps_in_plan = true;
  double shortage_weight = 1.0;
  double especially_difficult_weight = 1.0;
  double equivalent_rank_band = 0.34;  ///< |Δ position among the level's titles| for "equivalent"
  int displace_min_months_in_post = 12;  ///< an incumbent is moved aside only after this long
  int max_offers_per_quota = 3;          ///< offers per plan and flow, as a multiple of the quota
};

/// A dated base salary (lương cơ sở).
struct BaseSalaryStep {
  Day from = 0;
  double vnd_per_month = 0;
};

/// Income model.
struct IncomeParams {
  std::vector<BaseSalaryStep> base_salary;
  double public_service_share = 0.25;
  double attraction_share = 0.70;
  int attraction_max_months = 60;
  std::vector<double> level_extra_vnd_per_month;  ///< agency extras by level
  double second_household_vnd_per_month = 0;
  double travel_vnd_per_km_month = 0;
};

/// Reluctance caused by an income shortfall s.
struct ReluctanceParams {
  double accept_intercept = 3.0;  ///< P(accept) = 1/(1+exp(-(a + b s)))
  double accept_slope = -10.0;
  double early_return_base_per_year = 0.01;
  double early_return_per_shortfall_per_year = 0.3;
  double attrition_multiplier_per_shortfall = 3.0;
  double effort_penalty_per_shortfall = 0.5;
};

/// Adaptation after a move.
struct AdaptationParams {
  double deficit_with_experience = 0.15;
  double deficit_without_experience = 0.4;
  double time_constant_months = 12;
  double mentoring_factor = 0.6;  ///< multiplies the time constant
  double supervision_factor = 0.8;
  double competence_gain_per_grassroots_year = 0.03;
  double competence_gain_per_year = 0.01;
  std::vector<LevelId> grassroots_levels;
  MonthDay evaluation_date{12, 15};
  double completed_well_threshold = 0.6;
};

/// A one-off grant for moves of at least `min_km`.
struct GrantBand {
  double min_km = 0;
  double vnd = 0;
};

/// Support policy levers and their costs.
struct SupportParams {
  double top_up_vnd_per_month = 0;
  double top_up_share_of_shortfall = 0;
  std::vector<GrantBand> one_off_grant;
  bool housing = false;
  double housing_cost_vnd_per_month = 0;
  double travel_allowance_vnd_per_month = 0;
  bool reserve_position_allowance = true;
  bool mentoring = false;
  double mentoring_cost_vnd_per_month = 0;
  bool supervision = false;
  double supervision_cost_vnd_per_month = 0;
};

/// Distributions used to synthesise the initial population.
struct PopulationParams {
  double vacant_share = 0.03;
  std::vector<double> female_share_by_level;
  std::vector<double> native_share_by_level;
  std::vector<Distribution> age_years_by_level;
  std::map<TitleId, Distribution> age_years_by_title;
  Distribution grade_coefficient{DistributionKind::kNormal, 3.66, 0.6, 2.34, 6.78};
  Distribution competence{DistributionKind::kNormal, 0.55, 0.15, 0, 1};
  Distribution tenure_months{DistributionKind::kUniform, 30, 0, 0, 60};
  std::vector<Distribution> lower_level_experience_months_by_level;
  Distribution hardship_months{DistributionKind::kExponential, 60, 0, 0, 360};
  Distribution attraction_months_used{DistributionKind::kUniform, 30, 0, 0, 60};
};

/// A cadre given by name in the scenario or a roster (placed before synthesis fills the rest).
struct NamedCadre {
  Cadre cadre;          ///< id, name, sex, birth, home_unit, post and attributes
  int source_line = 0;  ///< roster line, for messages (0 = scenario file)
};

/// A scripted event (training exercises, the article's story).
struct ScriptedMove {
  Day date = 0;
  std::string cadre_id;
  PostId to_post = kNoPost;
  std::string kind = "rotate";  ///< rotate | appoint
  int duration_months = 36;
};

/// A validated scenario.
struct Scenario {
  std::string name;
  std::string description;
  CalendarParams calendar;
  Organisation organisation;
  PopulationParams population;
  std::vector<NamedCadre> named_cadres;
  bool synthesise_rest = true;  ///< fill posts not held by named/roster cadres
  RetirementParams retirement;
  AttritionParams attrition;
  RecruitmentParams recruitment;
  SuccessionParams succession;
  TermsParams terms;
  AppointmentParams appointment;
  RotationParams rotation;
  IncomeParams income;
  ReluctanceParams reluctance;
  AdaptationParams adaptation;
  SupportParams support;
  std::vector<ScriptedMove> script;
  PoolParams pools;  ///< push-model pools (grades); empty when the scenario has none
};

}  // namespace cadresim::model
