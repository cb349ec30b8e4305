// Metric definitions (docs/model.md § Metrics): one place in code for each.
#include "analysis/metrics.hpp"

#include <algorithm>  // std::sort, std::any_of
#include <iterator>   // std::size
#include <set>        // std::set of restored series keys

#include "sim/rules/adaptation.hpp"  // effectiveness (a model formula, read-only)
#include "sim/rules/staffing.hpp"    // unit_headcount: held posts + non-leadership staff

namespace cadresim::analysis {

using events::EventType;

std::string flow_group(const std::string& from, const std::string& to) {
  return from + ">" + to;
}

namespace {
const std::string kAll = "all";
// Personnel actions counted by managing tier (docs/model.md § Managing tiers), in group order.
constexpr const char* kTierActions[] = {"planned", "appointed", "mobilised", "rotated"};
constexpr std::size_t kTierActionCount = std::size(kTierActions);
enum TierAction : std::size_t {
  kActionPlanned,
  kActionAppointed,
  kActionMobilised,
  kActionRotated
};

// Fields of election_pipeline, per election and slot (docs/model.md § Metrics).
constexpr const char* kElectionFields[] = {"posts",
                                           "ready_0",
                                           "ready_1",
                                           "ready_2+",
                                           "reelected",
                                           "ready_successor",
                                           "not_ready_successor",
                                           "unit_deputy",
                                           "designated",
                                           "held_over",
                                           "left_vacant",
                                           "from_outside"};
constexpr std::size_t kElectionFieldCount = std::size(kElectionFields);
constexpr const char* kReadyGroups[] = {"0", "1", "2+"};
enum ElectionField : std::size_t {
  kFieldPosts,
  kFieldReady0,
  kFieldReady1,
  kFieldReady2,
  kFieldReelected,
  kFieldReadySuccessor,
  kFieldNotReadySuccessor,
  kFieldUnitDeputy,
  kFieldDesignated,
  kFieldHeldOver,
  kFieldLeftVacant,
  kFieldFromOutside
};
// Monthly series whose mean over the run's month ends is a whole-run total "<metric>_run_mean"
// (docs/model.md § Metrics): the headlines, which are never a last-day snapshot.
constexpr const char* kRunMeans[] = {
    "vacancies",      "vacancies_key",     "successor_coverage_1", "successor_coverage_2",
    "bench_strength", "effectiveness_key", "without_post",         "ready_later"};

// Ratio metrics are recomputed from their parts for totals instead of summed over years.
bool is_ratio(const std::string& metric) {
  return metric == "completed_well_share" || metric == "time_to_fill_days_mean" ||
         metric == "plan_fulfilment" || metric == "refusal_share" || metric == "shortfall_mean";
}
}  // namespace

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
    declare_yearly("vacancies_opened", a);
  }
  for (const char* g : {"all"})
    for (const char* m : {"rotations",         "rotation_offers",  "refusals",
                          "early_returns",     "evaluations",      "completed_well",
                          "support_cost_vnd",  "vacancy_months",   "vacancies_filled",
                          "time_to_fill_days", "elections",        "reelections",
                          "recruitments",      "retirements",      "exits",
                          "term_limits",       "non_native_unmet", "planned",
                          "unplanned",         "rotation_quota",   "appointments",
                          "shortfall_sum"})
      declare_yearly(m, g);
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
      declare_yearly("personnel_actions", tier_groups_.back());
    }
}

void MetricsCollector::declare_yearly(const std::string& metric, const std::string& group) {
  year_acc_[{metric, group}] += 0.0;
}

void MetricsCollector::add(const std::string& metric, const std::string& group, double v) {
  year_acc_[{metric, group}] += v;
}

void MetricsCollector::on_start(Day day, const model::World&) {
  last_year_end_ = day - 1;
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
        add("rotations", "all");
        add("rotations", flow_group(level_of(e.from), level_of(e.to)));
        if (const std::string f = model::flow_id_on(s_, e.day, e.reason); !f.empty())
          add("rotations_flow", f);
        else
          add("rotations_flow", "scripted");
        add("shortfall_sum", "all", e.value);
        result_.shortfalls.push_back(e.value);
        break;
      case EventType::kRotationPlanned:
        add("rotation_quota", "all", e.value);
        if (const std::string f = model::flow_id_on(s_, e.day, e.reason); !f.empty())
          add("rotation_quota_flow", f, e.value);
        break;
      case EventType::kOffered:
        add("rotation_offers", "all");
        break;
      case EventType::kRefused:
        add("refusals", "all");
        break;
      case EventType::kReturnedEarly:
        add("early_returns", "all");
        break;
      case EventType::kRotationEnded:
        add("rotation_outcomes", std::string(events::reason_name(e.reason)));
        break;
      case EventType::kEvaluated: {
        // Every post-holder is rated; "evaluations" and "completed well" are of rotated cadres
        // (from = the rotation's origin post), "ratings" of everyone by grade.
        const bool well =
            e.reason == events::kReasonRatingGood || e.reason == events::kReasonRatingExcellent;
        add("ratings", std::string(events::reason_name(e.reason)));
        if (e.from != model::kNoPost) {
          add("evaluations", "all");
          if (well) add("completed_well", "all");
          add("ratings_rotated", std::string(events::reason_name(e.reason)));
        }
        break;
      }
      case EventType::kSupportPaid:
        add("support_cost_vnd", "all", e.value);
        add("support_cost_vnd", std::string(events::reason_name(e.reason)), e.value);
        break;
      case EventType::kAppointed:
        add("appointments", "all");
        add("appointments", std::string(events::reason_name(e.reason)));
        break;
      case EventType::kElected:
        add("elections", "all");
        break;
      case EventType::kReelected:
        add("reelections", "all");
        break;
      case EventType::kRecruited:
        add("recruitments", "all");
        break;
      case EventType::kRetired:
        add("retirements", "all");
        add("retirements", std::string(events::reason_name(e.reason)));
        break;
      case EventType::kLeft:
        add("exits", "all");
        add("exits", std::string(events::reason_name(e.reason)));
        break;
      case EventType::kVacancyOpened:
        add("vacancies_opened", level_of(e.to));
        break;
      case EventType::kVacancyClosed:
        add("vacancies_filled", "all");
        add("time_to_fill_days", "all", e.value);
        result_.fill_days.push_back(e.value);
        break;
      case EventType::kTermLimitReached:
        add("term_limits", "all");
        break;
      case EventType::kNonNativeUnmet:
        add("non_native_unmet", "all");
        break;
      case EventType::kPlanned:
        add("planned", "all");
        break;
      case EventType::kUnplanned:
        add("unplanned", "all");
        add("unplanned", std::string(events::reason_name(e.reason)));
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
        add("reform_placed", std::string(events::reason_name(e.reason)));
        break;
      case EventType::kSurplus:
        add("reform_surplus", "all");
        add("reform_surplus", std::string(events::reason_name(e.reason)));
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
    year_acc_[{"personnel_actions",
               tier_groups_[org.title_of(post).tier * kTierActionCount + a]}] += 1.0;
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

void MetricsCollector::count_election_outcome(const events::DomainEvent& e) {
  const auto& org = s_.organisation;
  const model::TitleId title = org.posts[e.to].title;
  const model::TenureKind tenure = org.titles[title].tenure;
  for (std::size_t k = 0; k < elections_.size(); ++k) {
    const ElectionSlot& el = elections_[k];
    if (el.date != e.day || el.tenure != tenure) continue;
    const std::size_t n = el.titles.size();
    std::size_t field = kFieldLeftVacant;
    switch (e.reason) {
      case events::kReasonOutcomeReelected:
        field = kFieldReelected;
        break;
      case events::kReasonOutcomeReadySuccessor:
        field = kFieldReadySuccessor;
        break;
      case events::kReasonOutcomeLaterSuccessor:
        field = kFieldNotReadySuccessor;
        break;
      case events::kReasonOutcomeUnitDeputy:
        field = kFieldUnitDeputy;
        break;
      case events::kReasonOutcomeDesignated:
        field = kFieldDesignated;
        break;
      case events::kReasonOutcomeHeldOver:
        field = kFieldHeldOver;
        break;
      default:
        break;
    }
    // A newcomer from a post in another unit (or without a post) came from outside the unit.
    const bool newcomer = e.reason != events::kReasonOutcomeReelected &&
                          e.reason != events::kReasonOutcomeHeldOver && e.cadre != model::kNoCadre;
    const bool outside =
        newcomer && (e.from == model::kNoPost || org.posts[e.from].unit != org.posts[e.to].unit);
    const std::size_t ready = e.value >= 2   ? kFieldReady2
                              : e.value >= 1 ? kFieldReady1
                                             : kFieldReady0;
    auto bump = [&](std::size_t slot) {
      double* row = &election_acc_[k][slot * kElectionFieldCount];
      row[kFieldPosts] += 1;
      row[ready] += 1;
      row[field] += 1;
      if (outside) row[kFieldFromOutside] += 1;
    };
    bump(n + 1);  // all elected posts
    if (!org.titles[title].key) return;
    bump(n);  // all key posts
    for (std::size_t t = 0; t < n; ++t)
      if (el.titles[t] == title) bump(t);
    if (const std::int32_t j = pipeline_slot_[org.posts[e.to].unit]; j >= 0)
      bump(n + 2 + static_cast<std::size_t>(j));  // the unit's own row, on request
    return;
  }
}

void MetricsCollector::write_election_totals() {
  const auto& org = s_.organisation;
  for (std::size_t k = 0; k < elections_.size(); ++k) {
    const ElectionSlot& el = elections_[k];
    const std::string date = kernel::format_iso_date(el.date);
    const std::size_t n = el.titles.size();
    for (std::size_t slot = 0; slot < n + 2 + pipeline_units_.size(); ++slot) {
      const std::string who = slot < n    ? org.titles[el.titles[slot]].id
                              : slot == n ? std::string("key")
                              : slot == n + 1
                                  ? std::string("all")
                                  : "unit:" + org.units[pipeline_units_[slot - n - 2]].id;
      const double* row = &election_acc_[k][slot * kElectionFieldCount];
      for (std::size_t f = 0; f < kElectionFieldCount; ++f)
        result_.totals[{"election_pipeline", date + "/" + who + "/" + kElectionFields[f]}] = row[f];
      // Renewal: the share of posts that got a new holder (not re-elected, not held over).
      const double posts = row[kFieldPosts];
      result_.totals[{"election_pipeline", date + "/" + who + "/renewal_share"}] =
          posts > 0
              ? (posts - row[kFieldReelected] - row[kFieldHeldOver] - row[kFieldLeftVacant]) / posts
              : 0;
    }
  }
}

void MetricsCollector::on_month_end(Day day, const model::World& w) {
  // The structure in force (docs/model.md § Structural events): posts of ended or future
  // units count nowhere, so a level that ends shows zero posts.
  const auto& org = w.org != nullptr ? *w.org : s_.organisation;
  result_.months.push_back(day);
  auto put = [&](const std::string& m, const std::string& g, double v) {
    result_.monthly[{m, g}].push_back(v);
  };
  // Vacancies and acting holders.
  std::vector<double> vac(level_ids_.size(), 0);
  double vac_all = 0, vac_key = 0, acting = 0;
  for (model::PostId p = 0; p < w.posts.size(); ++p) {
    if (w.posts[p].holder != model::kNoCadre || !org.in_force(p)) continue;
    ++vac[org.level_of(p)];
    ++vac_all;
    vac_key += org.title_of(p).key;
    acting += w.posts[p].acting != model::kNoCadre;
  }
  for (std::size_t l = 0; l < level_ids_.size(); ++l) {
    put("vacancies", level_ids_[l], vac[l]);
    add("vacancy_months", level_ids_[l], vac[l]);
  }
  put("vacancies", "all", vac_all);
  add("vacancy_months", "all", vac_all);
  put("vacancies_key", "all", vac_key);
  put("acting", "all", acting);
  // Successor pipeline.
  std::vector<std::uint8_t> ready(org.posts.size(), 0);
  std::vector<double> bench(org.posts.size(), 0);
  double later = 0, women = 0, young = 0;
  // Younger than the age limit ⇔ born after the day the limit age was reached.
  const Day young_born_after = kernel::add_months(day, -12 * s_.succession.young_max_age_years);
  for (const auto& e : w.plan) {
    const auto& c = w.cadres[e.cadre];
    if (e.readiness == model::Readiness::kReadyNow) ++ready[e.post];
    if (e.readiness == model::Readiness::kReadyLater) ++later;
    if (w.plan_count[e.cadre] > 0) bench[e.post] += 1.0 / w.plan_count[e.cadre];
    women += c.sex == model::Sex::kFemale;
    young += c.birth > young_born_after;
  }
  double key = 0, cov1 = 0, cov2 = 0, bench_sum = 0, eff_sum = 0, eff_n = 0;
  for (model::PostId p = 0; p < org.posts.size(); ++p) {
    if (!org.title_of(p).key || !org.in_force(p)) continue;
    ++key;
    cov1 += ready[p] >= 1;
    cov2 += ready[p] >= 2;
    bench_sum += bench[p];
    if (const auto h = w.posts[p].holder; h != model::kNoCadre) {
      eff_sum += rules::effectiveness(w.cadres[h], day);
      ++eff_n;
    }
  }
  const double plan_n = static_cast<double>(w.plan.size());
  // The pipeline per key title: posts with 0, 1 and 2+ ready-now planned successors.
  for (std::size_t i = 0; i < key_titles_.size(); ++i) {
    double n[3] = {0, 0, 0};
    for (model::PostId p : org.posts_of_title[key_titles_[i]]) ++n[std::min<int>(ready[p], 2)];
    for (std::size_t k = 0; k < 3; ++k) pipeline_series_[i][k]->push_back(n[k]);
  }
  put("successor_coverage_1", "all", key > 0 ? cov1 / key : 0);
  put("successor_coverage_2", "all", key > 0 ? cov2 / key : 0);
  put("ready_later", "all", later);
  put("bench_strength", "all", key > 0 ? bench_sum / key : 0);
  put("plan_size", "all", plan_n);
  put("plan_women_share", "all", plan_n > 0 ? women / plan_n : 0);
  put("plan_young_share", "all", plan_n > 0 ? young / plan_n : 0);
  put("effectiveness_key", "all", eff_n > 0 ? eff_sum / eff_n : 0);
  // Units created by structural events (docs/model.md § Structural events): vacancies and
  // successor coverage of each, zero before it exists.
  for (const auto& ev : s_.structure)
    for (const model::UnitId u : ev.created) {
      double vac_u = 0, key_u = 0, cov_u = 0;
      for (const model::PostId p : org.posts_of_unit[u]) {
        vac_u += w.posts[p].holder == model::kNoCadre;
        if (!org.title_of(p).key) continue;
        ++key_u;
        cov_u += ready[p] >= 1;
      }
      put("unit_vacancies", org.units[u].id, vac_u);
      put("unit_successor_coverage_1", org.units[u].id, key_u > 0 ? cov_u / key_u : 0);
    }
  // The pipeline of each unit asked for (run --pipeline-units): its key posts in force with 0,
  // 1 and 2+ ready-now successors (all zero while the unit is not in force).
  for (const model::UnitId u : pipeline_units_) {
    double n[3] = {0, 0, 0};
    for (const model::PostId p : org.posts_of_unit[u])
      if (org.title_of(p).key) ++n[std::min<int>(ready[p], 2)];
    for (std::size_t k = 0; k < 3; ++k)
      put("unit_pipeline_ready", org.units[u].id + "/" + kReadyGroups[k], n[k]);
  }
  // Non-native compliance per title with a rule.
  for (model::TitleId t = 0; t < org.titles.size(); ++t) {
    if (org.titles[t].non_native == model::NonNativeRule::kNone) continue;
    double held = 0, ok = 0;
    for (model::PostId p : org.posts_of_title[t]) {
      const auto h = w.posts[p].holder;
      if (h == model::kNoCadre) continue;
      ++held;
      const model::UnitId home = w.cadres[h].home_unit;
      ok += home == model::kNoUnit || !org.within(home, org.posts[p].unit);
    }
    put("non_native_compliance", org.titles[t].id, held > 0 ? ok / held : 1.0);
  }
  // Staffing against establishment.
  double gap = 0, est = 0;
  last_headcount_.resize(org.units.size());
  for (model::UnitId u = 0; u < org.units.size(); ++u) {
    if (!org.unit_active[u]) continue;
    const double held = rules::unit_headcount(w, org, u);  // held posts (+ staff when on)
    last_headcount_[u] = held;
    gap += std::abs(held - org.units[u].establishment);
    est += org.units[u].establishment;
  }
  put("imbalance_index", "all", est > 0 ? gap / est : 0);
  if (s_.staffing.enabled) staffing_month(w);
  double active = 0, rotated = 0;
  std::vector<double> pool_stock(s_.pools.states.size(), 0);  // active members by pool state
  for (const auto& c : w.cadres) {
    if (c.status != model::CadreStatus::kActive) continue;
    ++active;
    rotated += c.rotation.active;
    if (c.pool_state < pool_stock.size()) ++pool_stock[c.pool_state];
  }
  if (!pool_stock.empty()) {
    double pooled = 0;
    for (std::size_t j = 0; j < pool_stock.size(); ++j) {
      put("pool_stock", s_.pools.states[j].id, pool_stock[j]);
      pooled += pool_stock[j];
    }
    put("pool_stock", "all", pooled);
  }
  put("active_cadres", "all", active);
  put("rotated_now", "all", rotated);
  put("without_post", "all", static_cast<double>(w.unplaced.size()));
}

void MetricsCollector::staffing_month(const model::World& w) {
  const auto& org = w.org != nullptr ? *w.org : s_.organisation;
  const std::size_t n = level_ids_.size() + 1;  // levels, then "all"
  std::vector<double> headcount(n, 0), staff(n, 0), surplus(n, 0), shortage(n, 0), in_surplus(n, 0),
      short_units(n, 0);
  unit_flags_.resize(org.units.size(), 0);
  for (model::UnitId u = 0; u < org.units.size(); ++u) {
    if (!org.unit_active[u]) continue;
    const int h = rules::unit_headcount(w, org, u);
    const int d = h - org.units[u].establishment;
    for (const std::size_t g : {static_cast<std::size_t>(org.units[u].level), n - 1}) {
      headcount[g] += h;
      staff[g] += w.staff[u];
      surplus[g] += std::max(0, d);
      shortage[g] += std::max(0, -d);
      in_surplus[g] += d > 0;
      short_units[g] += d < 0;
    }
    unit_flags_[u] |= static_cast<std::uint8_t>((d > 0 ? 1 : 0) | (d < 0 ? 2 : 0));
  }
  for (std::size_t g = 0; g < n; ++g) {
    const std::string& group = g + 1 < n ? level_ids_[g] : kAll;
    result_.monthly[{"headcount", group}].push_back(headcount[g]);
    result_.monthly[{"staff", group}].push_back(staff[g]);
    result_.monthly[{"headcount_surplus", group}].push_back(surplus[g]);
    result_.monthly[{"headcount_shortage", group}].push_back(shortage[g]);
    result_.monthly[{"units_in_surplus", group}].push_back(in_surplus[g]);
    result_.monthly[{"units_short", group}].push_back(short_units[g]);
  }
}

void MetricsCollector::close_year(Day date) {
  result_.years.push_back(date);
  auto get = [&](const char* m, const char* g) { return year_acc_[{m, g}]; };
  // Derived ratios of the year.
  const double evals = get("evaluations", "all");
  year_acc_[{"completed_well_share", "all"}] = evals > 0 ? get("completed_well", "all") / evals : 0;
  const double filled = get("vacancies_filled", "all");
  year_acc_[{"time_to_fill_days_mean", "all"}] =
      filled > 0 ? get("time_to_fill_days", "all") / filled : 0;
  const double quota = get("rotation_quota", "all");
  year_acc_[{"plan_fulfilment", "all"}] = quota > 0 ? get("rotations", "all") / quota : 0;
  const double offers = get("rotation_offers", "all");
  year_acc_[{"refusal_share", "all"}] = offers > 0 ? get("refusals", "all") / offers : 0;
  const double moves = get("rotations", "all");
  year_acc_[{"shortfall_mean", "all"}] = moves > 0 ? get("shortfall_sum", "all") / moves : 0;
  for (auto& [key, v] : year_acc_) {
    result_.yearly[key].push_back(v);
    if (!is_ratio(key.metric)) result_.totals[key] += v;
    v = 0;
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
      tot("evaluations") > 0 ? tot("completed_well") / tot("evaluations") : 0;
  t[{"time_to_fill_days_mean", "all"}] =
      tot("vacancies_filled") > 0 ? tot("time_to_fill_days") / tot("vacancies_filled") : 0;
  t[{"plan_fulfilment", "all"}] =
      tot("rotation_quota") > 0 ? tot("rotations") / tot("rotation_quota") : 0;
  t[{"refusal_share", "all"}] =
      tot("rotation_offers") > 0 ? tot("refusals") / tot("rotation_offers") : 0;
  t[{"shortfall_mean", "all"}] = tot("rotations") > 0 ? tot("shortfall_sum") / tot("rotations") : 0;
  t[{"support_cost_per_rotation_vnd", "all"}] =
      tot("rotations") > 0 ? tot("support_cost_vnd") / tot("rotations") : 0;
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
  t[{"vacancy_chain_length_mean", "all"}] = ended > 0 ? len / ended : 0;
  t[{"vacancy_chain_levels_crossed_mean", "all"}] = ended > 0 ? crossed / ended : 0;
  t[{"vacancy_chains_ended", "all"}] = ended;
  t[{"vacancy_chains_ended_by_recruitment_share", "all"}] = ended > 0 ? by_recruit / ended : 0;
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
    double sum = 0;
    for (double v : it->second) sum += v;
    t[{std::string(m) + "_run_mean", "all"}] = sum / static_cast<double>(it->second.size());
  }
  write_election_totals();
  std::vector<double> sorted = result_.shortfalls;
  std::sort(sorted.begin(), sorted.end());
  t[{"shortfall_median", "all"}] = sorted.empty() ? 0 : sorted[sorted.size() / 2];
  double positive = 0;
  for (double v : sorted) positive += v > 0;
  t[{"shortfall_positive_share", "all"}] = sorted.empty() ? 0 : positive / sorted.size();
}

namespace {
void save_series(kernel::ByteWriter& w, const std::map<SeriesKey, std::vector<double>>& m) {
  w.u(m.size());
  for (const auto& [key, values] : m) {
    w.s(key.metric);
    w.s(key.group);
    w.u(values.size());
    for (double v : values) w.fc(v);
  }
}
// Into the existing map, so that pointers to its declared series (pipeline_series_) stay valid.
// A series the saved run lacks (a variant's new flow, say) gets leading zeros up to `length`.
void load_series(kernel::ByteReader& r, std::map<SeriesKey, std::vector<double>>& m,
                 std::size_t length) {
  std::set<SeriesKey> saved;
  const std::size_t n = r.count(3);
  for (std::size_t i = 0; i < n; ++i) {
    SeriesKey key;
    key.metric = r.s();
    key.group = r.s();
    std::vector<double> values(r.count(1));
    for (double& v : values) v = r.fc();
    if (values.size() > length) throw kernel::FormatError("a saved series is too long");
    m[key] = std::move(values);
    saved.insert(std::move(key));
  }
  for (auto& [key, values] : m)
    if (!saved.count(key) && values.size() < length)
      values.insert(values.begin(), length - values.size(), 0.0);
}
void save_days(kernel::ByteWriter& w, const std::vector<Day>& days) {
  w.u(days.size());
  for (Day d : days) w.i(d);
}
std::vector<Day> load_days(kernel::ByteReader& r) {
  std::vector<Day> days(r.count(1));
  for (Day& d : days) d = r.i32();
  return days;
}
void save_doubles(kernel::ByteWriter& w, const std::vector<double>& v) {
  w.u(v.size());
  for (double x : v) w.fc(x);
}
std::vector<double> load_doubles(kernel::ByteReader& r) {
  std::vector<double> v(r.count(1));
  for (double& x : v) x = r.fc();
  return v;
}
}  // namespace

void MetricsCollector::save_state(kernel::ByteWriter& w) const {
  save_days(w, result_.months);
  save_series(w, result_.monthly);
  save_days(w, result_.years);
  save_series(w, result_.yearly);
  w.u(result_.totals.size());
  for (const auto& [key, v] : result_.totals) {
    w.s(key.metric);
    w.s(key.group);
    w.fc(v);
  }
  save_doubles(w, result_.shortfalls);
  save_doubles(w, result_.fill_days);
  w.u(year_acc_.size());
  for (const auto& [key, v] : year_acc_) {
    w.s(key.metric);
    w.s(key.group);
    w.fc(v);
  }
  w.i(last_year_end_);
  w.u(unit_flags_.size());
  for (auto f : unit_flags_) w.u(f);
  w.b(finished_);
  save_doubles(w, last_headcount_);
  w.u(election_acc_.size());
  for (const auto& row : election_acc_) save_doubles(w, row);
}

void MetricsCollector::load_state(kernel::ByteReader& r) {
  using kernel::FormatError;
  result_.months = load_days(r);
  load_series(r, result_.monthly, result_.months.size());
  result_.years = load_days(r);
  load_series(r, result_.yearly, result_.years.size());
  result_.totals.clear();
  for (std::size_t i = 0, n = r.count(10); i < n; ++i) {
    SeriesKey key;
    key.metric = r.s();
    key.group = r.s();
    result_.totals[key] = r.fc();
  }
  result_.shortfalls = load_doubles(r);
  result_.fill_days = load_doubles(r);
  for (std::size_t i = 0, n = r.count(10); i < n; ++i) {
    SeriesKey key;
    key.metric = r.s();
    key.group = r.s();
    year_acc_[key] = r.fc();
  }
  last_year_end_ = r.i32();
  std::vector<std::uint8_t> flags(r.count(1));
  for (auto& f : flags) f = r.narrow<std::uint8_t>();
  if (!flags.empty() && flags.size() != s_.organisation.units.size())
    throw FormatError("saved per-unit metrics do not match the units");
  unit_flags_ = std::move(flags);
  finished_ = r.b();
  last_headcount_ = load_doubles(r);
  if (!last_headcount_.empty() && last_headcount_.size() != s_.organisation.units.size())
    throw FormatError("saved per-unit metrics do not match the units");
  if (r.count(1) != election_acc_.size())
    throw FormatError("saved election metrics do not match the scenario's elections");
  for (auto& row : election_acc_) {
    std::vector<double> saved = load_doubles(r);
    if (saved.size() != row.size())
      throw FormatError("saved election metrics do not match the scenario's elections");
    row = std::move(saved);
  }
}

}  // namespace cadresim::analysis
