#pragma once
/// @file Typed domain events (a layer below the rules and the engine): what the engine tells
/// observers happened. The engine appends them to an EventLog; observers receive them in batches at
/// each month end (one call per month, not per event), together with the world's state.

#include <cstdint>      // fixed-width integers
#include <string_view>  // names
#include <vector>       // std::vector

#include "sim/kernel/calendar.hpp"
#include "sim/model/ids.hpp"

namespace cadresim::events {

using kernel::Day;

/// What happened.
enum class EventType : std::uint8_t {
  kAppointed,         ///< cadre took post `to` (from post `from`, or none) by appointment
  kElected,           ///< cadre elected to post `to` at a congress / state election
  kReelected,         ///< incumbent stays for another term
  kRetired,           ///< cadre retired (reason: statutory or early)
  kLeft,              ///< cadre left the service (reason: cause)
  kRecruited,         ///< new cadre entered at post `to`
  kPlanned,           ///< cadre added to the succession plan for post `to`
  kUnplanned,         ///< cadre removed from the plan for post `to` (reason)
  kVacancyOpened,     ///< post `to` became vacant (reason)
  kVacancyClosed,     ///< post `to` filled (value = days vacant)
  kActingAssigned,    ///< cadre acts in post `to` while it is vacant
  kTermLimitReached,  ///< head reached the consecutive-term limit in post `from`
  kNonNativeUnmet,    ///< no eligible non-native candidate for post `to`
  kOffered,           ///< rotation offered: from post `from` to post `to` (value = shortfall)
  kAccepted,          ///< rotation accepted
  kRefused,           ///< rotation refused
  kMoved,             ///< rotated cadre moved from `from` to `to` (flow in `reason`)
  kReturnedEarly,     ///< rotated cadre returned before the planned end
  kRotationEnded,     ///< rotation ended (reason: outcome)
  kEvaluated,         ///< annual evaluation of post `to` (reason: rating; value = effectiveness;
                      ///< from = the rotation's origin post for a rotated cadre, else none)
  kSupportPaid,       ///< support paid (value = VND; reason: lever)
  kRotationPlanned,   ///< a plan's quota for a flow (reason = flow index, value = quota)
  kPoolMove,          ///< pool member changed state (value = from state, reason = to state)
  kPoolLeave,         ///< pool member left the service (reason = value = state left)
  kPoolRecruit,       ///< new pool member (reason = state entered)
  kStaffExited,       ///< non-leadership staff left (reason = level, value = persons)
  kStaffRedeployed,   ///< staff moved to short sibling units (reason = level, value = persons)
  kStaffRecruited,    ///< non-leadership staff recruited (reason = level, value = persons)
  /// How an elected post was filled at an election (reason = election outcome; to = post;
  /// cadre = the holder after the election, or none; from = that cadre's previous post, or the
  /// post last held; value = ready-now planned successors of the post before the election).
  kElectionOutcome,
  kNotStanding,      ///< personnel preparation: the holder of `from` will not stand (reason: why)
  kScenarioChanged,  ///< the scenario in force changed (value = epoch number; reason = 1 when
                     ///< the change includes a structural event)
  kUnitMapped,       ///< structural event: unit `cadre` (a UnitId here) merged, abolished,
                     ///< created or moved (reason); value = the unit merged into, the new
                     ///< parent, or -1
  kPostEnded,        ///< post `from` ended with its unit; cadre = its holder (or none)
  kRestructured,     ///< holder of ended post `from` placed in post `to` (reason: pass)
  kSurplus,          ///< holder of ended post `from` without a post (reason: fate; value =
                     ///< exit cost in VND)
  kSecondmentEnded,  ///< a seconded cadre returns, without a post, to the unplaced
  /// A shock card took effect (rules/shocks.cpp): value = card index (Scenario::shocks), reason =
  /// its kind; for a departure, one event per cadre who leaves (cadre, from = the post held),
  /// or one without a cadre when nobody matched.
  kShock,
  kCount
};

/// Display names used in the event log CSV.
std::string_view event_name(EventType t);

/// Reasons attached to events (meaning depends on the type).
enum Reason : std::uint16_t {
  kReasonNone = 0,
  // exits
  kReasonStatutory = 1,
  kReasonEarly = 2,
  kReasonResignation = 3,
  kReasonHealth = 4,
  kReasonDiscipline = 5,
  kReasonTransfer = 6,  ///< to a post outside the modelled organisation
  // vacancy opened
  kReasonExit = 10,
  kReasonPromotion = 11,
  kReasonTermEnd = 12,
  kReasonInitial = 13,
  kReasonRotation = 14,
  // appointment sources
  kReasonSuccessor = 20,
  kReasonDeputy = 21,
  kReasonRecruitment = 22,
  kReasonPlacement = 23,
  kReasonRotationIn = 24,
  kReasonScripted = 25,
  // plan removals
  kReasonAgedOut = 30,
  kReasonFailed = 31,
  kReasonGone = 32,
  kReasonOtherCause = 33,   ///< causes the model does not represent (discipline, health, request)
  kReasonHeldAlready = 34,  ///< the cadre now holds this post or one of equal or higher rank
  kReasonPostEnded = 35,    ///< the post ended in a structural event
  // rotation outcomes
  kReasonReturn = 40,
  kReasonPromote = 41,
  kReasonStay = 42,
  // support levers
  kReasonTopUp = 50,
  kReasonGrant = 51,
  kReasonHousing = 52,
  kReasonTravel = 53,
  kReasonReservedAllowance = 54,
  kReasonMentoring = 55,
  kReasonSupervision = 56,
  // evaluation (the four ratings; "completed well" = good or excellent)
  kReasonRatingNotCompleted = 60,
  kReasonRatingCompleted = 61,
  kReasonRatingGood = 62,
  kReasonRatingExcellent = 63,
  // election outcomes (kElectionOutcome), in the order they are tried
  kReasonOutcomeReelected = 70,
  kReasonOutcomeReadySuccessor = 71,
  kReasonOutcomeLaterSuccessor = 72,  ///< a planned successor not (yet) ready now
  kReasonOutcomeUnitDeputy = 73,      ///< an eligible deputy of the same unit, not planned
  kReasonOutcomeDesignated = 74,      ///< designated by the managing tier from any unit
  kReasonOutcomeHeldOver = 75,        ///< nobody eligible: the outgoing holder serves on
  kReasonOutcomeVacant = 76,          ///< nobody eligible and no holder
  // not standing (kNotStanding) and designation in preparation (kPlanned)
  kReasonTermLimit = 80,
  kReasonAgeRule = 81,
  kReasonDesignatedPlan = 82,
  kReasonTermLimitRotation = 83,  ///< a term-limited head designated for a post elsewhere
  // structural events (rules/structure.cpp; 90-99, clear of the election reasons on main)
  kReasonNewPost = 90,      ///< vacancy of a post created by a structural event
  kReasonMergeTarget = 91,  ///< placed in the unit its old unit merged into
  kReasonSameArea = 92,     ///< placed elsewhere under the same surviving ancestor
  kReasonSurplusReassigned = 93,
  kReasonSurplusSeconded = 94,
  kReasonSurplusExited = 95,
  kReasonUnitMerged = 96,
  kReasonUnitAbolished = 97,
  kReasonUnitCreated = 98,
  kReasonUnitMoved = 99,
  // dated rule changes (rules/rule_change.cpp)
  kReasonNonNativeRule = 100,  ///< a native holder moved out when the title's rule became required
  // shock cards (rules/shocks.cpp), by kind
  kReasonShockDeparture = 110,
  kReasonShockChange = 111,
  kReasonShockAllowanceCut = 112,
  kReasonShockHiringFreeze = 113,
  kReasonShockExtraRotationRound = 114,
  kReasonShockMerge = 115,
};

/// Display name of a reason ("" for none).
std::string_view reason_name(std::uint16_t r);

/// One domain event. Plain and small.
struct DomainEvent {
  Day day = 0;
  EventType type = EventType::kAppointed;
  std::uint16_t reason = kReasonNone;
  model::CadreId cadre = model::kNoCadre;
  model::PostId from = model::kNoPost;
  model::PostId to = model::kNoPost;
  double value = 0;
};

/// The events of a replication since the last batch was delivered.
using EventLog = std::vector<DomainEvent>;

}  // namespace cadresim::events
