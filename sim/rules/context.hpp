#pragma once
/// @file What every rule works on: the world, the scenario, the simulation clock and queue,
/// the random key and the event log; plus the post-holding primitives shared by all rules
/// (take a post, leave a post, leave the service), which keep the world consistent and
/// record vacancy chains. Rules are free functions over a RuleContext.

#include <cstdint>  // fixed-width integers

#include "sim/kernel/random.hpp"        // kernel::RandomKey
#include "sim/kernel/simulation.hpp"    // kernel::Simulation
#include "sim/model/domain_events.hpp"  // DomainEvent, EventLog
#include "sim/model/world.hpp"          // model::World

namespace cadresim::rules {

using kernel::Day;
using model::CadreId;
using model::PostId;

/// Kernel event kinds (Event::kind). Order of same-day events is set by EventPriority.
enum EventKind : std::uint16_t {
  kRetire,              ///< subject = cadre: statutory retirement
  kAppointmentTermEnd,  ///< subject = cadre: end of a 5-year appointment
  kElection,            ///< party congress or state election (index in `Engine::elections_`)
  kFillPost,            ///< post fill attempt (post id in `posts_to_fill`)
  kRecruitArrival,      ///< a recruit arrives at an entry post
  kPlanningReview,      ///< annual succession review
  kRotationPlan,        ///< annual rotation plan
  kRotationEnd,         ///< subject = cadre: planned end of a rotation
  kEvaluation,          ///< annual evaluation of rotated cadres
  kScripted,            ///< scripted move (index into Scenario::script)
  kMonthEnd,            ///< monthly process and observation
  kPoolStep,            ///< yearly pool step (step number in the payload), sim/rules/pools.cpp
  kStaffingStep,        ///< yearly staffing step (step number in the payload), rules/staffing.cpp
  kPreparation,         ///< personnel preparation before an election (payload: election index)
  kEpochSwitch,         ///< the scenario in force changes (epoch index in the payload):
                        ///< a structural event and/or dated changes, rules/structure.cpp
  kSecondmentEnd,       ///< subject = cadre: end of a secondment after a structural event
  kShock,               ///< a shock card on its date (card index in the payload), rules/shocks.cpp
  kKindCount
};

/// Same-day order: exits run before terms, terms before fills, fills before plans, and the
/// month-end process (observation included) last.
enum EventPriority : std::uint8_t {
  kPriorityExit = 0,
  kPriorityTerm = 1,
  kPriorityScript = 2,
  kPriorityFill = 3,
  kPriorityPlan = 4,
  kPriorityMonthEnd = 9,
};

/// Random-stream purposes (the counter's first word). Never renumber: that would change
/// every draw of existing scenarios.
enum RandomPurpose : std::uint64_t {
  kRngPopulation = 1,          ///< entity = post: synthesis of the initial holder
  kRngAttritionThreshold = 2,  ///< entity = cadre: Exp(1) personal threshold
  kRngAttritionCause = 3,      ///< entity = cadre
  kRngRecruit = 4,             ///< entity = cadre id of the recruit
  kRngFillDelay = 5,           ///< entity = post, index = vacancy number
  kRngPlanRemoval = 6,         ///< entity = cadre, index = review year
  kRngEarlyRetirement = 7,     ///< entity = cadre, index = month number
  kRngActing = 8,              ///< entity = post, index = vacancy number
  kRngRotationQuota = 9,       ///< entity = flow, index = plan number
  kRngRotationChoice = 10,     ///< entity = flow, index = plan number * 1024 + slot
  kRngAcceptance = 11,         ///< entity = cadre, index = offer number
  kRngRotationDuration = 12,   ///< entity = cadre, index = rotation number
  kRngRotationOutcome = 13,    ///< entity = cadre, index = rotation number
  kRngEarlyReturn = 14,        ///< entity = cadre: Exp(1) threshold of the early-return hazard
  kRngHigherPost = 15,         ///< entity = cadre, index = rotation number
  kRngRecruitDelay = 16,       ///< entity = post, index = vacancy number
  kRngPoolMove = 17,           ///< entity = cadre, index = pool step number: move or leave
  kRngPoolRecruit = 18,        ///< entity = pool state, index = pool step number: extra recruit
  kRngStaffing = 19,           ///< entity = unit, index = staffing_draw_index(step, phase, k)
  kRngInitialTerms = 20,       ///< entity = post: initial holder in a second consecutive term
  kRngSurplus = 21,            ///< entity = cadre, index = structural event number: exit or not
                               ///< (20 is kRngInitialTerms on main)
  kRngShock = 22,              ///< entity = FNV-1a 64 of the shock card's id, index = k-th drawn
};

/// How a vacancy chain ended.
enum ChainEnd : std::uint8_t {
  kChainOpen = 0,
  kChainRecruitment = 1,
  kChainPlacement = 2,
  kChainUnfilled = 3
};

/// Everything a rule may touch.
struct RuleContext {
  model::World& world;
  const model::Scenario& scenario;
  const model::Organisation& org;
  kernel::Simulation& sim;
  kernel::RandomKey rng;
  events::EventLog& log;
  std::vector<std::uint32_t>& vacancy_counter;  ///< per post: vacancies so far (random index)

  /// Current day.
  Day now() const { return sim.now(); }
  /// Records a domain event today.
  void emit(events::EventType type, CadreId cadre, PostId from, PostId to,
            std::uint16_t reason = events::kReasonNone, double value = 0) {
    log.push_back({now(), type, reason, cadre, from, to, value});
  }
};

/// Months from `now` until the cadre's retirement date (0 if past).
int months_to_retirement(const model::Cadre& c, Day now);

/// Puts `cadre` into `post` (which must have no holder). The cadre's previous post, if any,
/// opens and continues the filled post's vacancy chain. Emits `type` (appointed, elected,
/// recruited, moved ...) with `reason` and `value`, and vacancy_closed. The old post opens with
/// `old_post_reason`. Starts the adaptation ramp at the new post.
void take_post(RuleContext& ctx, CadreId cadre, PostId post, events::EventType type,
               std::uint16_t reason, std::uint16_t old_post_reason = events::kReasonPromotion,
               double value = 0);
/// Removes the holder of `post` (if any) and opens the vacancy (a new chain), scheduling a
/// fill attempt. The former holder keeps status but has no post.
void open_vacancy(RuleContext& ctx, PostId post, std::uint16_t reason, std::uint32_t chain = 0);
/// The cadre leaves the service (retirement or exit): post opened, plan entries removed,
/// pending events cancelled.
void leave_service(RuleContext& ctx, CadreId cadre, model::ExitCause cause);
/// Adds a plan entry, keeping the plan in post order (after the post's existing entries).
void add_plan_entry(model::World& w, const model::PlanEntry& entry);
/// Appends a plan entry at the end, out of post order until merge_plan_entries: for a batch of
/// additions that would each move the plan's tail (quadratic in a large organisation). Nothing
/// may look up the plan by post between the two.
void append_plan_entry(model::World& w, const model::PlanEntry& entry);
/// Puts the entries appended since position `from` into post order, each after the entries the
/// post already had and in the order appended: the plan add_plan_entry would have made.
void merge_plan_entries(model::World& w, std::size_t from);
/// Makes `cadre` the acting holder of `post` (which has none).
void set_acting(model::World& w, PostId post, CadreId cadre);
/// Ends the acting holder of `post`, if any.
void clear_acting(model::World& w, PostId post);
/// Removes every plan entry of `cadre` (emitting unplanned with `reason`).
void unplan_cadre(RuleContext& ctx, CadreId cadre, std::uint16_t reason);
/// Schedules a fill attempt for `post` after the scenario's appointment delay.
void schedule_fill(RuleContext& ctx, PostId post, double delay_months);
/// True if a fill or recruit-arrival event for `post` firing on `day` is the one the current
/// vacancy scheduled (not a stale one from a vacancy filled since by other means).
inline bool fill_event_is_current(const model::World& w, PostId post, Day day) {
  return w.posts[post].fill_pending && w.posts[post].fill_day == day;
}
/// Converts months (fractional) to whole days, at least 0.
Day months_to_days(double months);

}  // namespace cadresim::rules
