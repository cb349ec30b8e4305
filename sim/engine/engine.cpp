// The engine: event dispatch, the monthly process, observation batches and invariants.
#include "sim/engine/engine.hpp"

#include "sim/engine/invariants.hpp"

#include <array>      // monthly gain by level
#include <stdexcept>  // std::logic_error for broken invariants
#include <string>     // std::to_string for messages

#include "sim/model/world_io.hpp"  // save_world, load_world
#include "sim/rules/adaptation.hpp"
#include "sim/rules/appointment.hpp"
#include "sim/rules/attrition.hpp"
#include "sim/rules/evaluation.hpp"
#include "sim/rules/pools.hpp"
#include "sim/rules/recruitment.hpp"
#include "sim/rules/retirement.hpp"
#include "sim/rules/rotation.hpp"
#include "sim/rules/rule_change.hpp"
#include "sim/rules/shocks.hpp"
#include "sim/rules/staffing.hpp"
#include "sim/rules/structure.hpp"
#include "sim/rules/succession.hpp"
#include "sim/rules/support.hpp"
#include "sim/rules/terms.hpp"

namespace cadresim::engine {

using namespace cadresim::rules;

Engine::Engine(const model::Scenario& scenario, std::uint64_t seed, std::uint64_t replication)
    : scenario_(scenario), sim_(scenario.calendar.start), rng_(seed, replication) {
  schedule_epochs();  // first, so that a switch runs before anything else on its day
  build_world();
  schedule_calendar();
}

Engine::Engine(const model::Scenario& scenario, std::uint64_t seed, std::uint64_t replication,
               kernel::ByteReader& r)
    : scenario_(scenario), sim_(scenario.calendar.start), rng_(seed, replication) {
  using kernel::FormatError;
  list_elections();
  sim_.load(r);
  epoch_ = r.i();
  if (epoch_ < -1 || epoch_ >= static_cast<std::int64_t>(scenario_.epochs.size()))
    throw FormatError("saved epoch index out of range");
  // The parameters and organisation in force: replay the switches up to the saved epoch.
  for (std::int64_t i = 0; i <= epoch_; ++i) {
    const model::Epoch& epoch = scenario_.epochs[static_cast<std::size_t>(i)];
    if (epoch.date <= scenario_.calendar.start) continue;  // never switched to (in force at start)
    if (epoch.own_parameters) current_ = epoch.scenario.get();
    org_ = &epoch.scenario->organisation;
  }
  world_.scenario = current_;
  world_.org = org_;
  model::load_world(r, world_, org_->posts.size(), org_->units.size());
  world_.rebuild_holder_indexes();
  world_.rebuild_unplaced_titles();
  world_.recount_rotating();
  log_ = model::load_events(r);
  vacancy_counter_.resize(r.count(1));
  if (vacancy_counter_.size() != org_->posts.size())
    throw FormatError("saved vacancy counters do not match the posts");
  for (auto& v : vacancy_counter_) v = r.narrow<std::uint32_t>();
  handled_ = r.u();
  month_index_ = r.u();
  plans_run_ = r.narrow<std::uint32_t>();
  started_ = r.b();
  finished_ = r.b();
  // Every pending event must refer to something that exists in this scenario.
  const std::size_t cadres = world_.cadres.size(), posts = org_->posts.size();
  for (const kernel::Event& e : sim_.pending_events()) {
    bool ok = e.kind < kKindCount;
    if (ok && e.subject != kernel::kNoSubject) ok = e.subject < cadres;
    switch (static_cast<EventKind>(e.kind)) {
      case kElection:
      case kPreparation:
        ok = ok && e.stamp < elections_.size();
        break;
      case kFillPost:
      case kRecruitArrival:
        ok = ok && e.stamp < posts;
        break;
      case kScripted:
        ok = ok && e.stamp < scenario_.script.size();
        break;
      case kRetire:
      case kAppointmentTermEnd:
      case kRotationEnd:
      case kSecondmentEnd:
        ok = ok && e.subject != kernel::kNoSubject;  // a cadre's event
        break;
      case kEpochSwitch:
        ok = ok && e.stamp < scenario_.epochs.size();
        break;
      case kShock:
        ok = ok && e.stamp < scenario_.shocks.size();
        break;
      // Payload-free or payload used only as a random index: nothing to check. Listed one by
      // one (no default) so that a new kind makes the compiler ask what to check here.
      case kPlanningReview:
      case kRotationPlan:
      case kEvaluation:
      case kMonthEnd:
      case kPoolStep:
      case kStaffingStep:
        break;
      case kKindCount:
        ok = false;
        break;
    }
    if (!ok)
      throw FormatError("a saved event (kind " + std::to_string(e.kind) +
                        ") refers to something the scenario does not have");
  }
  if (const std::string broken = invariant_violation(world_); !broken.empty())
    throw FormatError("the saved world is inconsistent (" + broken + ")");
}

void Engine::save_state(kernel::ByteWriter& w) const {
  sim_.save(w);
  w.i(epoch_);
  model::save_world(w, world_);
  model::save_events(w, log_);
  w.u(vacancy_counter_.size());
  for (const auto v : vacancy_counter_) w.u(v);
  w.u(handled_);
  w.u(month_index_);
  w.u(plans_run_);
  w.b(started_);
  w.b(finished_);
}

RuleContext Engine::ctx() {
  return RuleContext{world_, *current_, *org_, sim_, rng_, log_, vacancy_counter_};
}

void Engine::schedule_epochs() {
  const auto& epochs = scenario_.epochs;
  for (std::uint32_t i = 0; i < epochs.size(); ++i)
    if (epochs[i].date > scenario_.calendar.start && epochs[i].date <= scenario_.calendar.end)
      sim_.schedule_with_payload(epochs[i].date, kEpochSwitch, i, kPriorityExit);
}

void Engine::switch_epoch(std::uint32_t index) {
  const model::Epoch& epoch = scenario_.epochs[index];
  const model::Organisation& before = *org_;
  epoch_ = index;
  if (epoch.own_parameters) current_ = epoch.scenario.get();
  org_ = &epoch.scenario->organisation;
  world_.scenario = current_;
  world_.org = org_;
  world_.rebuild_holder_indexes();  // the units may differ (a restructure keeps it after this)
  world_.rebuild_unplaced_titles();
  RuleContext c = ctx();
  c.emit(events::EventType::kScenarioChanged, model::kNoCadre, model::kNoPost, model::kNoPost,
         epoch.structure >= 0 ? 1 : 0, index);
  if (epoch.structure >= 0)
    restructure(c, before, epoch.scenario->structure[static_cast<std::size_t>(epoch.structure)],
                static_cast<std::uint32_t>(epoch.structure));
  // A tightened rule, or a move or merge that puts a holder's home inside the post's unit.
  if (!epoch.changes.empty() || epoch.structure >= 0) move_out_natives(c);
}

namespace {
// Next occurrence of an annual date strictly after `after` (29 Feb falls back to 28 Feb).
Day next_annual(model::MonthDay md, Day after) {
  int year = kernel::split(after).year;
  for (int k = 0; k < 3; ++k, ++year) {
    const Day first = kernel::make_day(year, md.month, 1);
    const Day d = std::min(kernel::month_end(first), first + static_cast<Day>(md.day) - 1);
    if (d > after) return d;
  }
  return after + 366;
}
}  // namespace

void Engine::list_elections() {
  const auto& cal = scenario_.calendar;
  for (const auto& e : cal.party_congresses)
    elections_.push_back({&e, model::TenureKind::kPartyTerm});
  for (const auto& e : cal.state_elections)
    elections_.push_back({&e, model::TenureKind::kStateTerm});
}

void Engine::schedule_calendar() {
  const auto& cal = scenario_.calendar;
  list_elections();
  for (std::uint32_t i = 0; i < elections_.size(); ++i) {
    const Day d = elections_[i].first->date;
    // An election on the start day is the one that began the current term: the initial
    // population already reflects it.
    if (d > cal.start && d <= cal.end) sim_.schedule_with_payload(d, kElection, i, kPriorityTerm);
    // Personnel preparation (rules/terms.cpp) at its start and end lead times before it.
    for (const int lead : {scenario_.terms.preparation_start_months_before,
                           scenario_.terms.preparation_end_months_before}) {
      const Day p = kernel::add_months(d, -lead);
      if (lead > 0 && p > cal.start && d <= cal.end)
        sim_.schedule_with_payload(p, kPreparation, i, kPriorityPlan);
    }
  }
  sim_.schedule(next_annual(scenario_.succession.review_date, cal.start), kPlanningReview,
                kernel::kNoSubject, kPriorityPlan);
  sim_.schedule(kernel::month_end(cal.start), kMonthEnd, kernel::kNoSubject, kPriorityMonthEnd);
  // Rotation plans: the annual date, plus any extra dates (e.g. the start of a term).
  const auto& rot = scenario_.rotation;
  if (!rot.flows.empty()) {
    for (Day d = next_annual(rot.plan_date, cal.start - 1); d <= cal.end;
         d = next_annual(rot.plan_date, d))
      sim_.schedule(d, kRotationPlan, kernel::kNoSubject, kPriorityPlan);
    for (Day d : rot.extra_plan_dates)
      if (d >= cal.start && d <= cal.end)
        sim_.schedule(d, kRotationPlan, kernel::kNoSubject, kPriorityPlan);
  }
  sim_.schedule(next_annual(scenario_.evaluation.date, cal.start - 1), kEvaluation,
                kernel::kNoSubject, kPriorityPlan);
  for (std::uint32_t i = 0; i < scenario_.script.size(); ++i)
    sim_.schedule_with_payload(scenario_.script[i].date, kScripted, i, kPriorityScript);
  // Pools (rules/pools.cpp): one step a year after the start, the step number as payload.
  if (const auto& pools = scenario_.pools; !pools.states.empty()) {
    const model::MonthDay md{pools.step_month, pools.step_day};
    std::uint32_t step = 1;
    for (Day d = next_annual(md, cal.start); d <= cal.end; d = next_annual(md, d))
      sim_.schedule_with_payload(d, kPoolStep, step++, kPriorityPlan);
  }
  // Shock cards (rules/shocks.cpp): on their dates, after the switch of the scenario in force
  // that day; an extra rotation round with the plans.
  for (std::uint32_t i = 0; i < scenario_.shocks.size(); ++i) {
    const model::Shock& card = scenario_.shocks[i];
    if (card.date <= cal.start || card.date > cal.end) continue;
    sim_.schedule_with_payload(
        card.date, kShock, i,
        card.kind == model::ShockKind::kExtraRotationRound ? kPriorityPlan : kPriorityExit);
  }
  // Staffing (rules/staffing.cpp): one step a year after the start, the step number as payload.
  if (scenario_.staffing.enabled) {
    std::uint32_t step = 1;
    for (Day d = next_annual(scenario_.staffing.step_date, cal.start); d <= cal.end;
         d = next_annual(scenario_.staffing.step_date, d))
      sim_.schedule_with_payload(d, kStaffingStep, step++, kPriorityPlan);
  }
}

void Engine::handle(const kernel::Event& e) {
  ++handled_;
  RuleContext c = ctx();
  switch (static_cast<EventKind>(e.kind)) {
    case kRetire:
      retire(c, e.subject);
      break;
    case kAppointmentTermEnd:
      appointment_term_end(c, e.subject);
      break;
    case kElection:
      hold_election(c, *elections_[e.stamp].first, elections_[e.stamp].second);
      break;
    case kFillPost:
      if (fill_event_is_current(world_, e.stamp, e.day)) fill_post(c, e.stamp);
      break;
    case kRecruitArrival:
      if (fill_event_is_current(world_, e.stamp, e.day)) recruit_arrives(c, e.stamp);
      break;
    case kPlanningReview:
      planning_review(c, kernel::split(e.day).year);
      sim_.schedule(next_annual(current_->succession.review_date, e.day), kPlanningReview,
                    kernel::kNoSubject, kPriorityPlan);
      break;
    case kMonthEnd:
      month_end();
      break;
    case kRotationPlan:
      rotation_plan(c, plans_run_++);
      break;
    case kRotationEnd:
      rotation_end(c, e.subject);
      break;
    case kEvaluation:
      evaluate_all(c);
      sim_.schedule(next_annual(current_->evaluation.date, e.day), kEvaluation, kernel::kNoSubject,
                    kPriorityPlan);
      break;
    case kScripted:
      scripted_move(c, current_->script[e.stamp]);
      break;
    case kPoolStep:
      pool_step(c, e.stamp);
      break;
    case kStaffingStep:
      staffing_step(c, e.stamp);
      break;
    case kEpochSwitch:
      switch_epoch(e.stamp);
      break;
    case kSecondmentEnd:
      secondment_end(c, e.subject);
      break;
    case kShock:
      apply_shock(c, scenario_.shocks[e.stamp], e.stamp);
      if (scenario_.shocks[e.stamp].kind == model::ShockKind::kExtraRotationRound)
        rotation_plan(c, plans_run_++);
      break;
    case kPreparation:
      prepare_election(c, *elections_[e.stamp].first, elections_[e.stamp].second);
      break;
    case kKindCount:
      throw std::logic_error("Engine: unexpected event kind");
  }
}

void Engine::month_end() {
  RuleContext c = ctx();
  const auto& org = *org_;
  const auto& ad = current_->adaptation;
  const double hardship = current_->retirement.hardship_regional_coefficient;
  const std::size_t n = world_.cadres.size();  // recruits added during the loop wait a month
  // Monthly competence gain by level (grassroots levels add their own gain), once a month.
  std::array<double, model::kMaxLevels> gain_by_level;
  for (std::size_t l = 0; l < model::kMaxLevels; ++l) {
    double gain = ad.competence_gain_per_year;
    for (auto g : ad.grassroots_levels)
      if (g == l) gain += ad.competence_gain_per_grassroots_year;
    gain_by_level[l] = gain / 12.0;
  }
  constexpr std::uint16_t kUnitHardship = 1u << 8, kUnitEspeciallyDifficult = 1u << 9;
  if (month_tables_parameters_ != current_ || month_tables_organisation_ != org_) {
    post_month_info_.resize(org.posts.size());
    for (PostId p = 0; p < org.posts.size(); ++p) {
      const auto& unit = org.units[org.posts[p].unit];
      post_month_info_[p] = static_cast<std::uint16_t>(
          unit.level | (unit.regional_coefficient >= hardship ? kUnitHardship : 0u) |
          (unit.especially_difficult ? kUnitEspeciallyDifficult : 0u));
    }
    rules::prepare_attrition_rates(c, attrition_rates_);
    for (auto& e : month_pass_cadres_) e.post = model::kNoPost;  // looked up again
    month_tables_parameters_ = current_;
    month_tables_organisation_ = org_;
  }
  // Cadres are 4 cache lines apart; the pass reads and updates the first only (model/cadre.hpp),
  // with the cadre's attrition state and candidate summary. Asking for all three 12 cadres ahead
  // keeps the pass from waiting on each: at 63 provinces, where the pass's month no longer fits
  // the L3, 5 % less time a replication than the record alone 4 ahead (paired runs; 4, 8 or 24
  // ahead showed no measurable gain; docs/performance.md § "3 December (twenty-third
  // session)").
  constexpr std::size_t kAhead = 12;
  const rules::EarlyRetirementMonth early = rules::early_retirement_month(c, month_index_);
  auto& summary = world_.candidate_summary;
  for (std::size_t id = summary.size(); id < n; ++id)
    summary.push_back(rules::candidate_summary(world_.cadres[id]));
  // The cadres active at the last pass, then those created since, in id order (as a pass over
  // every id would take them); a cadre no longer active is dropped as the pass reaches it, so
  // the records of those who left are not read month after month.
  auto& pass = month_pass_cadres_;
  for (std::size_t id = month_pass_seen_; id < n; ++id)
    pass.push_back({static_cast<CadreId>(id), model::kNoPost, 0, 0});
  month_pass_seen_ = n;
  // The arrays the pass reads and writes, as plain pointers: the counters' byte-wide stores
  // could alias a vector's own pointers, which would otherwise be loaded again after each. A
  // rule called out of line (support, an early return, an exit) may add cadres and so move the
  // arrays: the pointers are taken again after every such call. The tables below and the pass's
  // own entries change only outside this function.
  model::Cadre* cadres = world_.cadres.data();
  model::CandidateSummary* summaries = summary.data();
  model::AttritionState* attrition = world_.attrition.data();
  auto refresh = [&] {
    cadres = world_.cadres.data();
    summaries = summary.data();
    attrition = world_.attrition.data();
  };
  const std::uint16_t* const info_of_post = post_month_info_.data();
  const double* const hazard_of_post = attrition_rates_.monthly_by_post.data();
  const int attraction_max = current_->income.attraction_max_months;
  MonthPassEntry* const entries = pass.data();
  const std::size_t count = pass.size();
  std::size_t kept = 0;
  // The entries of cadres no longer active are dropped (the later entries moved down over them)
  // only in a month that starts with a 32nd of the list inactive; in the other months they
  // stay, each costing a status test, and no entry moves. Which cadres the pass works on, and in
  // which order, is the same either way.
  const bool drop_inactive = month_pass_inactive_ * 32 >= count;
  std::size_t inactive_kept = 0;
  // In a small world nothing is asked for (World::kPrefetchFromCadres).
  const std::size_t ask_until = world_.asks_ahead() && count > kAhead ? count - kAhead : 0;
  for (std::size_t k = 0; k < count; ++k) {
    if (k < ask_until) {
      const MonthPassEntry& ahead = entries[k + kAhead];
      __builtin_prefetch(&cadres[ahead.id].status);
      __builtin_prefetch(&attrition[ahead.id]);
      __builtin_prefetch(&summaries[ahead.id]);
      // A rotated cadre's month also reads the rotation record's second line (support
      // payments, the early-return hazard): asked for with the first if the cadre was rotated
      // last month.
      if (ahead.rotated) {
        const auto& later = cadres[ahead.id];
        __builtin_prefetch(&later.rotation.shortfall);
        // The reserved regime compares the kept salary with the post's own (its title, and the
        // cadre's grade where the title sets none).
        __builtin_prefetch(&later.grade_coefficient);
        if (ahead.post != model::kNoPost) __builtin_prefetch(&org.posts[ahead.post]);
      }
    }
    const CadreId id = entries[k].id;
    model::Cadre& cadre = cadres[id];
    if (cadre.status != model::CadreStatus::kActive) {
      if (!drop_inactive) {  // kept in place (kept == k: nothing has been dropped this pass)
        ++kept;
        ++inactive_kept;
      }
      continue;
    }
    // Active now (one leaving during this month stays until the next pass).
    if (kept != k) entries[kept] = entries[k];
    MonthPassEntry& e = entries[kept++];
    if (in_pool(cadre)) continue;  // pools: no experience, attrition or retirement (rules/pools)
    if (cadre.post != model::kNoPost) {
      if (e.post != cadre.post) {  // a new post (or new tables): look it up once
        e.post = cadre.post;
        e.post_info = info_of_post[e.post];
        e.monthly_hazard = hazard_of_post[e.post];
        e.rotated = cadre.rotation.active;
      }
      const std::uint16_t info = e.post_info;
      const auto level = static_cast<model::LevelId>(info & 0xFFu);
      model::CandidateSummary& summary_of_cadre = summaries[id];  // kept with the record
      if (cadre.experience_months[level] < 0xFFFF) {
        ++cadre.experience_months[level];
        rules::count_month_served(summary_of_cadre, level);
      }
      // The unit's flags differ from one cadre to the next in no order a branch predictor can
      // follow, so the two counters they drive add 0 or 1 instead of branching on them.
      cadre.hardship_months += static_cast<std::uint16_t>(((info & kUnitHardship) != 0) &
                                                          (cadre.hardship_months < 0xFFFF));
      cadre.competence = std::min(1.0, cadre.competence + gain_by_level[level]);
      summary_of_cadre.competence = cadre.competence;
      cadre.attraction_months_used +=
          static_cast<std::uint16_t>(((info & kUnitEspeciallyDifficult) != 0) &
                                     (cadre.attraction_months_used < attraction_max));
      if (cadre.rotation.active) {
        pay_monthly_support(c, id);
        const bool returned = early_return_month(c, id);
        refresh();
        if (returned) continue;
      }
    }
    // The hazard of the post held now (the one looked up above: nothing above moves a cadre
    // who stays), or of a cadre without a post.
    const model::Cadre& now = cadres[id];
    const double monthly = now.post == model::kNoPost ? attrition_rate_per_year(c, now) / 12.0
                           : now.post == e.post       ? e.monthly_hazard
                                                      : hazard_of_post[now.post];
    if (rules::add_attrition_month(attrition[id], monthly)) {
      attrition_exit(c, id);
      refresh();
      continue;
    }
    if (early.on && rules::may_retire_early(now, early)) {
      draw_early_retirement(c, id, early);
      refresh();
    }
  }
  pass.resize(kept);
  month_pass_inactive_ = inactive_kept;
  // The holders' summaries, just updated, to the deputy search's copy in tour order: one pass
  // over the slots, reading the summaries ahead, costs less than a scattered write per holder
  // in the pass above (perf at 63 provinces).
  world_.copy_summaries_to_slots();
  ++month_index_;
#ifdef CADRESIM_CHECK_INVARIANTS
  check_invariants();
#endif
  deliver_events();
  for (Observer* o : observers_) o->on_month_end(sim_.now(), world_);
  const auto ymd = kernel::split(sim_.now());
  if (ymd.month == 12)
    for (Observer* o : observers_) o->on_year_end(ymd.year, world_);
  const Day next = kernel::month_end(sim_.now() + 1);
  if (next <= current_->calendar.end)
    sim_.schedule(next, kMonthEnd, kernel::kNoSubject, kPriorityMonthEnd);
}

void Engine::deliver_events() {
  if (log_.empty()) return;
  for (Observer* o : observers_) o->on_events(log_, world_);
  log_.clear();
}

void Engine::run_until(Day until) {
  if (finished_) return;
  if (!started_) {
    started_ = true;
    deliver_events();  // initial placements and vacancies
    for (Observer* o : observers_) o->on_start(sim_.now(), world_);
  }
  const Day stop = std::min(until, scenario_.calendar.end);
  sim_.run_until(stop, *this);
  if (stop >= scenario_.calendar.end || until >= scenario_.calendar.end) {
    finished_ = true;
    deliver_events();
    for (Observer* o : observers_) o->on_finish(sim_.now(), world_);
  } else {
    deliver_events();
  }
}

void Engine::advance(Day until) {
  if (finished_) return;
  if (until >= scenario_.calendar.end)
    throw std::logic_error("Engine::advance: the end date is reached by run_until");
  if (!started_) {
    started_ = true;
    deliver_events();  // initial placements and vacancies
    for (Observer* o : observers_) o->on_start(sim_.now(), world_);
  }
  sim_.run_until(until, *this);
}

void Engine::check_invariants() const {
  if (const std::string broken = invariant_violation(world_); !broken.empty())
    throw std::logic_error(broken);
}

}  // namespace cadresim::engine
