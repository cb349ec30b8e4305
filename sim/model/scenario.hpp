#pragma once
/// @file A validated scenario as plain data: calendar, organisation, initial population and
/// the parameters of every mechanism. sim/scenario builds it from JSON; the model and the
/// engine never see JSON. Units are in the names: *_months, *_per_year, *_vnd_per_month.
/// Every default and its source is listed in docs/model.md and docs/scenarios.md.

#include <array>     // std::array
#include <map>       // std::map
#include <memory>    // std::shared_ptr of epoch scenarios
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
  std::vector<double> rate_per_year_by_level;  ///< indexed by LevelId
  /// Indexed by TitleId (titles past its end have none): overrides the level rate. A vector,
  /// not a map, because the monthly pass reads it for every cadre with a post.
  std::vector<std::optional<double>> rate_per_year_by_title;
  double share_resignation = 0.6;  ///< causes of exits (normalised)
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
  /// Ready now also needs the last annual rating at least this good (kNone passes).
  Rating ready_min_rating = Rating::kGood;
  /// Yearly chance of leaving the plan for causes the model does not represent (discipline,
  /// health, own request); failing evaluations are modelled separately (EvaluationParams).
  double removal_probability_per_year = 0.01;
  double young_target_share = 0.15;
  int young_max_age_years = 40;
  double women_target_share = 0.25;
  bool targets_binding = false;
};

/// Birth-date cut-offs for standing at party congresses held in [from, until) on `levels`
/// (Chỉ thị 35 for 2020–2025, Chỉ thị 45 for 2025–2030): a cadre born before the cut-off for
/// their sex may not stand for a first election (a new post) or for re-election.
struct AgeCutoffRule {
  Day from = 0;
  Day until = 0;
  std::vector<LevelId> levels;
  Day first_men_born_from = 0;
  Day first_women_born_from = 0;
  Day reelection_men_born_from = 0;
  Day reelection_women_born_from = 0;
};

/// Terms of office and re-election / re-appointment.
struct TermsParams {
  int term_months = 60;
  int max_consecutive_terms = 2;  ///< the limit of head titles without their own setting
  int reelection_min_months_before_retirement = 36;
  int appointment_months = 60;
  int extend_if_months_to_retirement_below = 24;
  /// Personnel preparation (chuẩn bị nhân sự): months before each election when it starts and
  /// when it ends (a second pass); 0 = no preparation step.
  int preparation_start_months_before = 0;
  int preparation_end_months_before = 0;
  /// Age cut-offs by congress (party-term titles); without a matching rule the months rules
  /// apply (reelection_min_months_before_retirement; appointment.min_months_before_retirement
  /// for a first election).
  std::vector<AgeCutoffRule> age_cutoffs;
};

/// Filling open posts.
struct AppointmentParams {
  Distribution delay_months{DistributionKind::kExponential, 2, 0, 0, 24};
  int min_months_before_retirement = 60;  ///< first appointment / higher post
  double acting_probability = 0.5;        ///< a deputy acts while the post is open
  int promotion_min_months_in_post = 24;
  double retry_months = 3;  ///< wait before trying again to fill an open post
  /// A post that requires a non-native and that nobody in the organisation can take is filled
  /// by a cadre transferred in from outside it (another province, designated by the managing
  /// tier) this many months after the attempt; 0: never (the post waits) [A].
  double non_native_transfer_in_months = 0;
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
  double commute_max_km = 0;  ///< no second household when home is this close (0 = always one)
  double travel_vnd_per_km_month = 0;
};

/// Reluctance caused by an income shortfall s.
struct ReluctanceParams {
  double accept_intercept = 3.0;  ///< P(accept) = 1/(1+exp(-(a + b s)))
  double accept_slope = -10.0;
  double early_return_base_per_year = 0.01;
  double early_return_per_shortfall_per_year = 0.3;
  /// Settling: the hazard is multiplied by (1 + w · unsettled), unsettled = D·exp(−t/τ) the
  /// adaptation deficit not yet made up (so mentoring and supervision lower it).
  double early_return_unsettled_weight = 2.0;
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
};

/// End-of-rotation outcome probabilities for one rating (sum to 1).
struct OutcomeProbabilities {
  double return_home = 0.4;
  double promote = 0.35;
  double stay = 0.25;
};

/// Annual evaluation (docs/model.md § Evaluation): a rating from effectiveness E,
///   excellent if E ≥ excellent_min, good if E ≥ good_min, completed if E ≥ completed_min,
///   else not completed;
/// and what the rating drives: end-of-rotation outcomes, early returns, planning.
struct EvaluationParams {
  MonthDay date{12, 15};
  double excellent_min = 0.75;
  double good_min = 0.6;  ///< "completed well" = good or excellent
  double completed_min = 0.4;
  /// Outcome probabilities by rating (index rating_index: not completed .. excellent).
  std::array<OutcomeProbabilities, kRatingGrades> end_outcomes{
      {{0.9, 0.0, 0.1}, {0.55, 0.15, 0.3}, {0.4, 0.35, 0.25}, {0.2, 0.6, 0.2}}};
  /// Multiplier of the early-return hazard by rating.
  std::array<double, kRatingGrades> early_return_multiplier{{3.0, 1.5, 1.0, 0.5}};
  /// Planning-score bonus by rating (priority in planning for strong results).
  std::array<double, kRatingGrades> planning_bonus{{0.0, 0.0, 0.05, 0.1}};
  /// A planned cadre rated "not completed" leaves the plan at the next review.
  bool remove_from_plan_if_not_completed = true;
};

/// A one-off grant for moves of at least `min_km`.
struct GrantBand {
  double min_km = 0;
  double vnd = 0;
};

/// Which rotations a support lever is limited to (all conditions must hold; empty = any).
struct SupportTarget {
  bool especially_difficult_only = false;  ///< destination unit especially difficult
  std::vector<LevelId> to_levels;          ///< destination level in this list
  std::vector<std::string> flows;          ///< rotation flow id in this list ("scripted" too)
  bool key_posts_only = false;             ///< destination post is a key post
  double min_shortfall_vnd = 0;            ///< shortfall before support at least this (VND)
  bool any() const {
    return especially_difficult_only || !to_levels.empty() || !flows.empty() || key_posts_only ||
           min_shortfall_vnd > 0;
  }
};

/// How a cadre values support that is not a monthly cash amount, to put every lever on the
/// scale of the monthly shortfall (docs/model.md § Support).
struct SupportValuation {
  double monthly_discount_rate = 0.01;  ///< turns a one-off grant into a monthly annuity
  double in_kind_share = 0.8;           ///< value of in-kind support (housing) per VND of cash
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
  SupportTarget target_top_up, target_grant, target_housing, target_travel, target_reserved,
      target_mentoring, target_supervision;
  SupportValuation valuation;
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
  /// Share of synthesised holders of elected or appointed posts who are in a consecutive
  /// (second) term at the start: their post_since is one term earlier and they count two terms.
  double second_term_share = 0;
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

/// Non-leadership civil servants as an aggregate stock per unit (docs/model.md § Staffing),
/// so that a unit's headcount (held posts + staff) can fall short of or exceed its
/// establishment. Off unless the scenario has a "staffing" section. All defaults are [A].
struct StaffingParams {
  bool enabled = false;      ///< true when the scenario has a "staffing" section
  MonthDay step_date{1, 1};  ///< the yearly step: exits, redeployment, then recruitment
  /// Initial staff / (establishment − posts) by level, drawn once per unit.
  std::vector<Distribution> initial_ratio_by_level;
  double exit_rate_per_year = 0.04;                      ///< retirement + leaving, per person
  double recruitment_share_of_gap_per_year = 0.5;        ///< share of a unit's gap filled per step
  bool hiring_freeze = false;                            ///< no recruitment at all
  double redeployment_share_of_surplus_per_year = 0.25;  ///< share of surplus moved to siblings
};

/// Where holders of ended posts go when no post is found for them (docs/model.md
/// § Structural events).
enum class SurplusPolicy : std::uint8_t {
  kReassign,  ///< stay in service without a post, first in line for vacancies (unplaced)
  kSecond,    ///< seconded (biệt phái) outside the modelled posts, then reassigned
  kExit,      ///< early exit under Decrees 178/2024 and 67/2025, with its cost
};

/// The surplus policy of a structural event. Amounts are in months of the cadre's salary
/// (grade coefficient + position allowance of the post that ended, × base salary).
struct SurplusParams {
  SurplusPolicy policy = SurplusPolicy::kReassign;
  double exit_share = 0;             ///< with reassign or second: share that exits instead (drawn)
  int secondment_months = 36;        ///< length of a secondment (ND 170/2025 Art. 26: ≤ 3 years)
  double exit_months_of_salary = 0;  ///< lump sum per exit, months of salary [A]
  double exit_months_per_year_early = 5;  ///< per year before statutory retirement [A]
  int exit_max_years_early = 5;           ///< years early counted at most [A]
};

/// Old units merged into one unit on a structural event's date.
struct UnitMerge {
  std::vector<UnitId> from;
  UnitId into = kNoUnit;
};

/// A structural event (docs/model.md § Structural events): on `date`, units are created,
/// merged, abolished (alone or a whole level) and moved. The units' validity intervals and
/// later parents already say all of this; the event keeps the lists for the placement of
/// holders, the event log and the report.
struct StructuralEvent {
  kernel::Day date = 0;
  std::vector<UnitId> created;
  std::vector<UnitMerge> merges;
  std::vector<LevelId> abolished_levels;
  std::vector<UnitId> ended;  ///< every unit that ends on the date (merged or abolished)
  std::vector<std::pair<UnitId, UnitId>> moves;  ///< (unit, new parent)
  /// Placement may put a displaced holder into a post ranked up to this much above the post
  /// that ended (0: no promotion by reorganisation). The merged units are larger than the old
  /// ones, so their leadership posts rank above those of the units they replace [A].
  int placement_rank_step = 0;
  SurplusParams surplus;
  int shock = -1;  ///< index of the shock card (Scenario::shocks) this event comes from, or -1
};

/// What a shock card does (docs/scenarios.md § Shock cards).
enum class ShockKind : std::uint8_t {
  kDeparture,           ///< named or drawn holders of posts leave the service on the date
  kChange,              ///< any parameter change (a dated patch)
  kAllowanceCut,        ///< an allowance or support amount set lower (a dated patch)
  kHiringFreeze,        ///< staffing recruitment stops (a dated patch), until a date if given
  kExtraRotationRound,  ///< a rotation plan outside the annual cycle
  kMerge,               ///< units merged (a structural event)
};

/// One shock card: a dated event a trainer adds to a scenario. Parameter changes and merges
/// become dated changes and structural events when the scenario is read; the engine handles
/// departures and extra rotation rounds, and records every card in the event log.
struct Shock {
  ShockKind kind = ShockKind::kChange;
  kernel::Day date = 0;
  /// "<kind>-<date>" unless given; the metric group of its departures, and (hashed) the entity
  /// of its random draws
  std::string id;
  std::string label;  ///< what the card says, for the summary and the report
  // kDeparture: one named cadre, or `count` holders drawn among the posts that match.
  std::string cadre_id;      ///< a named or roster cadre; empty: drawn
  int count = 0;             ///< holders drawn
  int level = -1;            ///< level of the posts drawn from (-1: any)
  TitleId title = kNoTitle;  ///< title of the posts drawn from (kNoTitle: any)
  bool key_only = true;      ///< draw among key posts only
  ExitCause cause = ExitCause::kResignation;
  int structure = -1;  ///< kMerge: index into Scenario::structure
};

struct Scenario;

/// A dated switch of the scenario in force (docs/model.md § Dated changes): from `date`, the
/// engine reads `scenario`, the base with every dated patch up to that date applied and its
/// organisation activated on that date.
struct Epoch {
  kernel::Day date = 0;
  std::shared_ptr<const Scenario> scenario;
  int structure = -1;        ///< index into Scenario::structure, or -1
  std::vector<int> changes;  ///< indices of the dated changes that take effect on this date
  /// True when a dated change applies by this date: the engine then reads every parameter
  /// from `scenario`; otherwise it reads the parameters of the base scenario (so a base edited
  /// in code, as tests do, stays in force) and only the organisation from `scenario`.
  bool own_parameters = false;
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
  EvaluationParams evaluation;
  SupportParams support;
  std::vector<ScriptedMove> script;
  PoolParams pools;         ///< push-model pools (grades); empty when the scenario has none
  StaffingParams staffing;  ///< non-leadership staff stocks; off when the scenario has none
  std::vector<StructuralEvent> structure;  ///< dated structural events, in date order
  std::vector<Shock> shocks;               ///< shock cards, in the order given
  /// Dated switches (structural events and dated changes), in date order; empty for a
  /// scenario without either. Set on the base scenario only.
  std::vector<Epoch> epochs;
};

/// The parameters in force on `day` (docs/model.md § Dated changes): the scenario of the last
/// epoch on or before `day` with parameters of its own, else `base`.
const Scenario& parameters_on(const Scenario& base, kernel::Day day);
/// Ids of the rotation flows of `base` and of every epoch, in order of first appearance (a
/// dated change may replace the flows: events carry the index in the list in force).
std::vector<std::string> all_flow_ids(const Scenario& base);
/// Id of flow `index` in the parameters in force on `day`; empty when there is none (scripted).
std::string flow_id_on(const Scenario& base, kernel::Day day, std::size_t index);

}  // namespace cadresim::model
