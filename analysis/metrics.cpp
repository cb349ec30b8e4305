// Metric definitions (docs/model.md § Metrics): one place in code for each. The month-end
// states are in metrics_month_end.cpp, the election pipeline in metrics_elections.cpp and the
// saved state in metrics_state.cpp.
#include "analysis/metrics.hpp"

#include <algorithm>  // std::sort, std::any_of
#include <cmath>      // std::isnan: month ends where a state does not apply
#include <iterator>   // std::size

#include "analysis/metric_keys.hpp"
#include "sim/rules/staffing.hpp"  // unit_headcount: held posts + non-leadership staff

namespace cadresim::analysis {

using events::EventType;
using namespace metric_keys;

std::string flow_group(const std::string& from, const std::string& to) {
  return from + ">" + to;
}

namespace {
// Personnel actions counted by managing tier (docs/model.md § Managing tiers), in group order.
constexpr const char* kTierActions[] = {"planned", "appointed", "mobilised", "rotated"};
constexpr std::size_t kTierActionCount = std::size(kTierActions);
enum TierAction : std::size_t {
  kActionPlanned,
  kActionAppointed,
  kActionMobilised,
  kActionRotated
};

// Monthly series whose mean over the run's month ends is a whole-run total "<metric>_run_mean"
// (docs/model.md § Metrics): the headlines, which are never a last-day snapshot.
constexpr const char* kRunMeans[] = {
    "vacancies",      "vacancies_key",     "successor_coverage_1", "successor_coverage_2",
    "bench_strength", "effectiveness_key", "without_post",         "ready_later"};

// The yearly series with the group "all" that on_events adds to, in the order of AllCounter:
// declared with every scenario, their accumulators are found once when the collector is built.
constexpr const char* kAllCounters[] = {
    "rotations",      "rotation_offers",  "refusals",       "early_returns",    "evaluations",
    "completed_well", "support_cost_vnd", "vacancy_months", "vacancies_filled", "time_to_fill_days",
    "elections",      "reelections",      "recruitments",   "retirements",      "exits",
    "term_limits",    "non_native_unmet", "planned",        "unplanned",        "rotation_quota",
    "appointments",   "shortfall_sum"};
enum AllCounter : std::size_t {
  kRotations,
  kRotationOffers,
  kRefusals,
  kEarlyReturns,
  kEvaluations,
  kCompletedWell,
  kSupportCost,
  kVacancyMonths,
  kVacanciesFilled,
  kTimeToFillDays,
  kElections,
  kReelections,
  kRecruitments,
  kRetirements,
  kExits,
  kTermLimits,
  kNonNativeUnmet,
  kPlanned,
  kUnplanned,
  kRotationQuota,
  kAppointments,
  kShortfallSum,
  kAllCounterCount
};
static_assert(std::size(kAllCounters) == kAllCounterCount);

// The yearly series that on_events breaks down by the event's reason (the group is the
// reason's name), in the order of ReasonCounter.
constexpr const char* kReasonCounters[] = {
    "rotation_outcomes", "ratings", "ratings_rotated", "support_cost_vnd", "appointments",
    "retirements",       "exits",   "unplanned",       "reform_placed",    "reform_surplus"};
enum ReasonCounter : std::size_t {
  kByReasonRotationOutcomes,
  kByReasonRatings,
  kByReasonRatingsRotated,
  kByReasonSupportCost,
  kByReasonAppointments,
  kByReasonRetirements,
  kByReasonExits,
  kByReasonUnplanned,
  kByReasonReformPlaced,
  kByReasonReformSurplus,
  kReasonCounterCount
};
static_assert(std::size(kReasonCounters) == kReasonCounterCount);
// Reason codes below this have a cached accumulator per ReasonCounter (every code is, today).
constexpr std::size_t kCachedReasons = 128;

// Ratio metrics are recomputed from their parts for totals instead of summed over years.
bool is_ratio(const std::string& metric) {
  return metric == "completed_well_share" || metric == "time_to_fill_days_mean" ||
         metric == "plan_fulfilment" || metric == "refusal_share" || metric == "shortfall_mean";
}
}  // namespace

ValueRange value_range(const SeriesKey& key) {
  std::string_view m = key.metric;
  if (m.ends_with("_run_mean")) m.remove_suffix(std::string_view("_run_mean").size());
  static constexpr std::string_view kSigned[] = {"shortfall_mean", "shortfall_median",
                                                 "shortfall_sum", "staffing_gap"};
  static constexpr std::string_view kShares[] = {
      "completed_well_share",     "refusal_share",
      "shortfall_positive_share", "successor_coverage_1",
      "successor_coverage_2",     "unit_successor_coverage_1",
      "non_native_compliance",    "plan_women_share",
      "plan_young_share",         "vacancy_chains_ended_by_recruitment_share",
      "effectiveness_key"};
  for (const std::string_view x : kSigned)
    if (m == x) return {};
  for (const std::string_view x : kShares)
    if (m == x) return {0, 1};
  if (m == "election_pipeline" && key.group.ends_with("/renewal_share")) return {0, 1};
  return {0, std::numeric_limits<double>::infinity()};
}

MetricsCollector::MetricsCollector(const model::Scenario& scenario,
                                   std::vector<model::UnitId> pipeline_units)
    : s_(scenario), pipeline_units_(std::move(pipeline_units)) {
  pipeline_slot_.assign(s_.organisation.units.size(), -1);
  for (std::size_t j = 0; j < pipeline_units_.size(); ++j)
    pipeline_slot_[pipeline_units_[j]] = static_cast<std::int32_t>(j);
  for (const auto& l : s_.organisation.levels) level_ids_.push_back(l.id);
  flow_ids_ = model::all_flow_ids(s_);  // the flows of every dated change too
  // Yearly series exist for every group in every replication (zeros included).
  for (const auto& a : level_ids_) {
    for (const auto& b : level_ids_) declare_yearly("rotations", flow_group(a, b));
    declare_yearly("vacancy_months", a);
  }
  for (const char* m : kAllCounters) all_counters_.push_back(&declare_yearly(m, kAll));
  for (const auto& l : level_ids_)
    vacancies_opened_by_level_.push_back(&declare_yearly("vacancies_opened", l));
  reason_counters_.assign(kReasonCounterCount * kCachedReasons, nullptr);
  for (const auto& f : flow_ids_) {
    declare_yearly("rotations_flow", f);
    declare_yearly("rotation_quota_flow", f);
  }
  declare_yearly("rotations_flow", "scripted");
  for (const char* o : {"returned", "promoted", "stayed"}) declare_yearly("rotation_outcomes", o);
  for (const char* l :
       {"top_up", "grant", "housing", "travel", "reserved_allowance", "mentoring", "supervision"})
    declare_yearly("support_cost_vnd", l);
  for (const char* r : {"successor", "deputy", "placement", "returned", "promoted", "scripted"})
    declare_yearly("appointments", r);
  for (const char* r : {"resignation", "health", "discipline", "transfer"})
    declare_yearly("exits", r);
  // Shock cards (docs/model.md § Shock cards): cadres who left by a departure card, per card.
  if (!s_.shocks.empty()) {
    declare_yearly("shock_departures", "all");
    for (const auto& card : s_.shocks)
      if (card.kind == model::ShockKind::kDeparture) declare_yearly("shock_departures", card.id);
  }
  for (const char* r : {"not_completed", "completed", "good", "excellent"}) {
    declare_yearly("ratings", r);
    declare_yearly("ratings_rotated", r);
  }
  for (const char* r :
       {"aged_out", "failed_evaluation", "other_cause", "left_service", "holds_equal_or_higher"})
    declare_yearly("unplanned", r);
  for (const char* r : {"statutory", "early"}) declare_yearly("retirements", r);
  // Pools (docs/model.md § Pools): yearly flows by state, only in scenarios with pools.
  const auto& pools = s_.pools.states;
  if (!pools.empty()) {
    for (const char* m : {"pool_moves", "pool_leavers", "pool_recruits"}) declare_yearly(m, "all");
    for (const auto& st : pools) {
      declare_yearly("pool_leavers", st.id);
      declare_yearly("pool_recruits", st.id);
      for (const auto& t : st.transitions)
        if (pools[t.to].id != st.id)
          declare_yearly("pool_moves", flow_group(st.id, pools[t.to].id));
    }
  }
  // Staffing (docs/model.md § Staffing): yearly flows of non-leadership staff, only when on.
  if (s_.staffing.enabled)
    for (const char* m : {"staff_recruited", "staff_exited", "staff_redeployed"}) {
      declare_yearly(m, "all");
      for (const auto& l : level_ids_) declare_yearly(m, l);
    }
  // Structural events (docs/model.md § Structural events): only in scenarios that have them.
  // Structural events during the run (one on or before the start is already in force).
  if (std::any_of(s_.structure.begin(), s_.structure.end(),
                  [&](const model::StructuralEvent& ev) { return ev.date > s_.calendar.start; })) {
    for (const char* m : {"reform_posts_ended", "reform_placed", "reform_surplus",
                          "reform_exit_cost_vnd", "reform_secondments_ended"})
      declare_yearly(m, "all");
    for (const char* r : {"merge_target", "same_area"}) declare_yearly("reform_placed", r);
    for (const char* r : {"reassigned", "seconded", "exited"}) declare_yearly("reform_surplus", r);
    declare_yearly("unplanned", "post_ended");
  }
  // The congress pipeline: the elections of the period and the key titles each one elects.
  // A key title counts when some post of it is in force at some time of the run (titles of
  // units created by a structural event have no post at the start).
  const auto& org = s_.organisation;
  const kernel::Day first = s_.calendar.start, last = s_.calendar.end;
  auto has_post = [&](model::TitleId t, kernel::Day from, kernel::Day until) {
    for (model::PostId p = 0; p < org.posts.size(); ++p) {
      if (org.posts[p].title != t) continue;
      const auto& u = org.units[org.posts[p].unit];
      if (u.from <= until && from < u.until) return true;
    }
    return false;
  };
  for (model::TitleId t = 0; t < org.titles.size(); ++t)
    if (org.titles[t].key && has_post(t, first, last)) {
      key_titles_.push_back(t);
      std::array<std::vector<double>*, 3> row{};
      for (std::size_t k = 0; k < 3; ++k)
        row[k] = &result_.monthly[{"pipeline_ready", org.titles[t].id + "/" + kReadyGroups[k]}];
      pipeline_series_.push_back(row);
    }
  auto add_elections = [&](const std::vector<model::Election>& list, model::TenureKind tenure) {
    for (const auto& e : list) {
      if (e.date <= s_.calendar.start || e.date > s_.calendar.end) continue;
      ElectionSlot slot{e.date, tenure, {}};
      for (model::TitleId t : key_titles_)
        if (org.titles[t].tenure == tenure &&
            std::find(e.levels.begin(), e.levels.end(), org.titles[t].level) != e.levels.end() &&
            has_post(t, e.date, e.date))  // a post in force on the day of the election
          slot.titles.push_back(t);
      elections_.push_back(std::move(slot));
    }
  };
  add_elections(s_.calendar.party_congresses, model::TenureKind::kPartyTerm);
  add_elections(s_.calendar.state_elections, model::TenureKind::kStateTerm);
  std::sort(elections_.begin(), elections_.end(),
            [](const ElectionSlot& a, const ElectionSlot& b) { return a.date < b.date; });
  for (const auto& e : elections_)
    election_acc_.emplace_back((e.titles.size() + 2 + pipeline_units_.size()) * kElectionFieldCount,
                               0.0);
  // Personnel actions by managing tier: every tier (defaults included) in every replication.
  for (const auto& tier : s_.organisation.tiers)
    for (const char* a : kTierActions) {
      tier_groups_.push_back(tier.id + "/" + a);
      tier_counters_.push_back(&declare_yearly("personnel_actions", tier_groups_.back()));
    }
}

double& MetricsCollector::declare_yearly(const std::string& metric, const std::string& group) {
  return year_acc_[{metric, group}] += 0.0;
}

double& MetricsCollector::by_reason(std::size_t counter, std::uint16_t reason) {
  if (reason >= kCachedReasons)
    return year_value(kReasonCounters[counter], events::reason_name(reason));
  double*& slot = reason_counters_[counter * kCachedReasons + reason];
  if (slot == nullptr) slot = &year_value(kReasonCounters[counter], events::reason_name(reason));
  return *slot;
}

std::size_t SeriesKeyHash::operator()(SeriesKeyView k) const {
  const std::size_t a = std::hash<std::string_view>{}(k.metric);
  return a ^ (std::hash<std::string_view>{}(k.group) + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
}

double& MetricsCollector::year_value(std::string_view metric, std::string_view group) {
  if (auto it = year_index_.find(SeriesKeyView{metric, group}); it != year_index_.end())
    return *it->second;
  SeriesKey key{std::string(metric), std::string(group)};
  double& v = year_acc_[key];
  year_index_.emplace(std::move(key), &v);
  return v;
}

void MetricsCollector::add(std::string_view metric, std::string_view group, double v) {
  year_value(metric, group) += v;
}

void MetricsCollector::on_start(Day day, const model::World&) {
  last_year_end_ = day - 1;
  cadre_traits_.clear();
}

void MetricsCollector::on_events(std::span<const events::DomainEvent> events,
                                 const model::World& w) {
  const auto& org = s_.organisation;
  auto level_of = [&](model::PostId p) {
    return p == model::kNoPost ? std::string("none") : level_ids_[org.level_of(p)];
  };
  for (const auto& e : events) {
    count_personnel_action(e, w);
    if (e.type == EventType::kElectionOutcome) count_election_outcome(e);
    switch (e.type) {
      case EventType::kMoved:
        *all_counters_[kRotations] += 1;
        add("rotations", flow_group(level_of(e.from), level_of(e.to)));
        if (const std::string f = model::flow_id_on(s_, e.day, e.reason); !f.empty())
          add("rotations_flow", f);
        else
          add("rotations_flow", "scripted");
        *all_counters_[kShortfallSum] += e.value;
        result_.shortfalls.push_back(e.value);
        break;
      case EventType::kRotationPlanned:
        *all_counters_[kRotationQuota] += e.value;
        if (const std::string f = model::flow_id_on(s_, e.day, e.reason); !f.empty())
          add("rotation_quota_flow", f, e.value);
        break;
      case EventType::kOffered:
        *all_counters_[kRotationOffers] += 1;
        break;
      case EventType::kRefused:
        *all_counters_[kRefusals] += 1;
        break;
      case EventType::kReturnedEarly:
        *all_counters_[kEarlyReturns] += 1;
        break;
      case EventType::kRotationEnded:
        by_reason(kByReasonRotationOutcomes, e.reason) += 1;
        break;
      case EventType::kEvaluated: {
        // Every post-holder is rated; "evaluations" and "completed well" are of rotated cadres
        // (from = the rotation's origin post), "ratings" of everyone by grade.
        const bool well =
            e.reason == events::kReasonRatingGood || e.reason == events::kReasonRatingExcellent;
        by_reason(kByReasonRatings, e.reason) += 1;
        if (e.from != model::kNoPost) {
          *all_counters_[kEvaluations] += 1;
          if (well) *all_counters_[kCompletedWell] += 1;
          by_reason(kByReasonRatingsRotated, e.reason) += 1;
        }
        break;
      }
      case EventType::kSupportPaid:
        *all_counters_[kSupportCost] += e.value;
        by_reason(kByReasonSupportCost, e.reason) += e.value;
        break;
      case EventType::kAppointed:
        *all_counters_[kAppointments] += 1;
        by_reason(kByReasonAppointments, e.reason) += 1;
        break;
      case EventType::kElected:
        *all_counters_[kElections] += 1;
        break;
      case EventType::kReelected:
        *all_counters_[kReelections] += 1;
        break;
      case EventType::kRecruited:
        *all_counters_[kRecruitments] += 1;
        break;
      case EventType::kRetired:
        *all_counters_[kRetirements] += 1;
        by_reason(kByReasonRetirements, e.reason) += 1;
        break;
      case EventType::kLeft:
        *all_counters_[kExits] += 1;
        by_reason(kByReasonExits, e.reason) += 1;
        break;
      case EventType::kVacancyOpened:
        if (e.to == model::kNoPost)
          add("vacancies_opened", "none");
        else
          *vacancies_opened_by_level_[org.level_of(e.to)] += 1;
        break;
      case EventType::kVacancyClosed:
        *all_counters_[kVacanciesFilled] += 1;
        *all_counters_[kTimeToFillDays] += e.value;
        result_.fill_days.push_back(e.value);
        break;
      case EventType::kTermLimitReached:
        *all_counters_[kTermLimits] += 1;
        break;
      case EventType::kNonNativeUnmet:
        *all_counters_[kNonNativeUnmet] += 1;
        break;
      case EventType::kPlanned:
        *all_counters_[kPlanned] += 1;
        break;
      case EventType::kUnplanned:
        *all_counters_[kUnplanned] += 1;
        by_reason(kByReasonUnplanned, e.reason) += 1;
        break;
      case EventType::kPoolMove:
        add("pool_moves", "all");
        add("pool_moves", flow_group(s_.pools.states[static_cast<std::size_t>(e.value)].id,
                                     s_.pools.states[e.reason].id));
        break;
      case EventType::kPoolLeave:
        add("pool_leavers", "all");
        add("pool_leavers", s_.pools.states[e.reason].id);
        break;
      case EventType::kPoolRecruit:
        add("pool_recruits", "all");
        add("pool_recruits", s_.pools.states[e.reason].id);
        break;
      case EventType::kStaffRecruited:
      case EventType::kStaffExited:
      case EventType::kStaffRedeployed: {
        const char* m = e.type == EventType::kStaffRecruited ? "staff_recruited"
                        : e.type == EventType::kStaffExited  ? "staff_exited"
                                                             : "staff_redeployed";
        add(m, "all", e.value);
        add(m, level_ids_[e.reason], e.value);
        break;
      }
      case EventType::kPostEnded:
        add("reform_posts_ended", "all");
        break;
      case EventType::kRestructured:
        add("reform_placed", "all");
        by_reason(kByReasonReformPlaced, e.reason) += 1;
        break;
      case EventType::kSurplus:
        add("reform_surplus", "all");
        by_reason(kByReasonReformSurplus, e.reason) += 1;
        if (e.reason == events::kReasonSurplusExited) add("reform_exit_cost_vnd", "all", e.value);
        break;
      case EventType::kSecondmentEnded:
        add("reform_secondments_ended", "all");
        break;
      case EventType::kShock:
        if (e.cadre != model::kNoCadre && e.value < s_.shocks.size()) {
          add("shock_departures", "all");
          add("shock_departures", s_.shocks[static_cast<std::size_t>(e.value)].id);
        }
        break;
      default:
        break;
    }
  }
}

void MetricsCollector::count_personnel_action(const events::DomainEvent& e, const model::World& w) {
  const auto& org = s_.organisation;
  auto count = [&](model::PostId post, TierAction a) {
    *tier_counters_[org.title_of(post).tier * kTierActionCount + a] += 1.0;
  };
  switch (e.type) {
    case EventType::kPlanned:  // decided by the tier that manages the post planned for
      count(e.to, kActionPlanned);
      break;
    case EventType::kAppointed:
    case EventType::kElected:  // a new holder; decided by the tier that manages the post
      count(e.to, kActionAppointed);
      // Mobilisation (điều động): from a post in another unit, other than the return or
      // promotion that ends a rotation.
      if (e.from != model::kNoPost && org.posts[e.from].unit != org.posts[e.to].unit &&
          e.reason != events::kReasonReturn && e.reason != events::kReasonPromote)
        count(e.to, kActionMobilised);
      break;
    case EventType::kMoved: {  // decided by the tier that manages the cadre's (origin) title
      model::PostId origin = e.from;
      // A term-limited head rotates from no post: the origin is the post last held.
      if (origin == model::kNoPost && e.cadre < w.cadres.size())
        origin = w.cadres[e.cadre].rotation.origin_post;
      count(origin != model::kNoPost ? origin : e.to, kActionRotated);
      break;
    }
    default:
      break;
  }
}

void MetricsCollector::close_year(Day date) {
  result_.years.push_back(date);
  auto get = [&](const char* m, const char* g) { return year_acc_[{m, g}]; };
  // Derived ratios of the year.
  const double evals = get("evaluations", "all");
  year_acc_[{"completed_well_share", "all"}] =
      evals > 0 ? get("completed_well", "all") / evals : kNotApplicable;
  const double filled = get("vacancies_filled", "all");
  year_acc_[{"time_to_fill_days_mean", "all"}] =
      filled > 0 ? get("time_to_fill_days", "all") / filled : kNotApplicable;
  const double quota = get("rotation_quota", "all");
  year_acc_[{"plan_fulfilment", "all"}] =
      quota > 0 ? get("rotations", "all") / quota : kNotApplicable;
  const double offers = get("rotation_offers", "all");
  year_acc_[{"refusal_share", "all"}] =
      offers > 0 ? get("refusals", "all") / offers : kNotApplicable;
  const double moves = get("rotations", "all");
  year_acc_[{"shortfall_mean", "all"}] =
      moves > 0 ? get("shortfall_sum", "all") / moves : kNotApplicable;
  if (year_close_slots_.size() != year_acc_.size()) {
    year_close_slots_.clear();
    for (auto& [key, v] : year_acc_)
      year_close_slots_.push_back(
          {&v, &result_.yearly[key], is_ratio(key.metric) ? nullptr : &result_.totals[key]});
  }
  for (const YearCloseSlot& slot : year_close_slots_) {
    slot.yearly->push_back(*slot.accumulator);
    if (slot.total != nullptr) *slot.total += *slot.accumulator;
    *slot.accumulator = 0;
  }
  last_year_end_ = date;
}

void MetricsCollector::on_year_end(int, const model::World&) {
  if (!result_.months.empty()) close_year(result_.months.back());
}

void MetricsCollector::on_finish(Day day, const model::World& w) {
  if (finished_) return;
  finished_ = true;
  if (last_year_end_ < day && !result_.months.empty() && result_.months.back() > last_year_end_)
    close_year(day);
  auto& t = result_.totals;
  auto tot = [&](const char* m) { return t[{m, "all"}]; };
  t[{"completed_well_share", "all"}] =
      tot("evaluations") > 0 ? tot("completed_well") / tot("evaluations") : kNotApplicable;
  t[{"time_to_fill_days_mean", "all"}] = tot("vacancies_filled") > 0
                                             ? tot("time_to_fill_days") / tot("vacancies_filled")
                                             : kNotApplicable;
  t[{"plan_fulfilment", "all"}] =
      tot("rotation_quota") > 0 ? tot("rotations") / tot("rotation_quota") : kNotApplicable;
  t[{"refusal_share", "all"}] =
      tot("rotation_offers") > 0 ? tot("refusals") / tot("rotation_offers") : kNotApplicable;
  t[{"shortfall_mean", "all"}] =
      tot("rotations") > 0 ? tot("shortfall_sum") / tot("rotations") : kNotApplicable;
  t[{"support_cost_per_rotation_vnd", "all"}] =
      tot("rotations") > 0 ? tot("support_cost_vnd") / tot("rotations") : kNotApplicable;
  // Vacancy chains (White): those that ended, by length and levels crossed.
  double ended = 0, len = 0, crossed = 0, by_recruit = 0;
  for (std::size_t k = 1; k < w.chains.size(); ++k) {
    const auto& ch = w.chains[k];
    if (!ch.ended) continue;
    ++ended;
    len += ch.length + 1;
    crossed += ch.bottom_level - ch.top_level;
    by_recruit += ch.end_reason == 1;
  }
  t[{"vacancy_chain_length_mean", "all"}] = ended > 0 ? len / ended : kNotApplicable;
  t[{"vacancy_chain_levels_crossed_mean", "all"}] = ended > 0 ? crossed / ended : kNotApplicable;
  t[{"vacancy_chains_ended", "all"}] = ended;
  t[{"vacancy_chains_ended_by_recruitment_share", "all"}] =
      ended > 0 ? by_recruit / ended : kNotApplicable;
  // Surplus (+) or shortage (−) per unit against establishment at the last month end (the
  // moment the monthly series end; a same-day fill after the observation does not count): the
  // headcount is the held posts, plus the non-leadership staff when staffing is on. Units not in
  // the structure in force (docs/model.md § Structural events) count zero.
  const auto& org = w.org != nullptr ? *w.org : s_.organisation;  // the structure in force
  for (model::UnitId u = 0; u < org.units.size(); ++u)
    t[{"staffing_gap", org.units[u].id}] =
        org.unit_active[u]
            ? (u < last_headcount_.size() ? last_headcount_[u] : rules::unit_headcount(w, org, u)) -
                  org.units[u].establishment
            : 0;
  if (s_.staffing.enabled) {
    // Means over the run's month ends, and units ever in surplus / short.
    const double months = static_cast<double>(result_.months.size());
    for (const char* m :
         {"headcount_surplus", "headcount_shortage", "units_in_surplus", "units_short"}) {
      double sum = 0;
      for (double v : result_.monthly[{m, "all"}]) sum += v;
      t[{std::string(m) + "_mean", "all"}] = months > 0 ? sum / months : 0;
    }
    double ever_surplus = 0, ever_short = 0;
    for (std::uint8_t f : unit_flags_) ever_surplus += (f & 1) != 0, ever_short += (f & 2) != 0;
    t[{"units_ever_in_surplus", "all"}] = ever_surplus;
    t[{"units_ever_short", "all"}] = ever_short;
  }
  // Means over the run's month ends of state series (headlines are never a last-day snapshot).
  for (const char* m : kRunMeans) {
    const auto it = result_.monthly.find({m, "all"});
    if (it == result_.monthly.end() || it->second.empty()) continue;
    // Over the month ends where the state applies (a coverage with no key post does not).
    double sum = 0, months = 0;
    for (double v : it->second)
      if (!std::isnan(v)) sum += v, ++months;
    t[{std::string(m) + "_run_mean", "all"}] = months > 0 ? sum / months : kNotApplicable;
  }
  write_election_totals();
  std::vector<double> sorted = result_.shortfalls;
  std::sort(sorted.begin(), sorted.end());
  t[{"shortfall_median", "all"}] = sorted.empty() ? kNotApplicable : sorted[sorted.size() / 2];
  double positive = 0;
  for (double v : sorted) positive += v > 0;
  t[{"shortfall_positive_share", "all"}] =
      sorted.empty() ? kNotApplicable : positive / sorted.size();
}

}  // namespace cadresim::analysis
