#include "sim/model/domain_events.hpp"

#include <array>

namespace cadresim::events {

std::string_view event_name(EventType t) {
  static constexpr std::array<std::string_view, static_cast<std::size_t>(EventType::kCount)> names{
      "appointed",
      "elected",
      "reelected",
      "retired",
      "left",
      "recruited",
      "planned",
      "unplanned",
      "vacancy_opened",
      "vacancy_closed",
      "acting_assigned",
      "term_limit_reached",
      "non_native_unmet",
      "offered",
      "accepted",
      "refused",
      "moved",
      "returned_early",
      "rotation_ended",
      "evaluated",
      "support_paid",
      "rotation_planned",
      "pool_move",
      "pool_leave",
      "pool_recruit",
      "staff_exited",
      "staff_redeployed",
      "staff_recruited",
      "election_outcome",
      "not_standing",
      "scenario_changed",
      "unit_mapped",
      "post_ended",
      "restructured",
      "surplus",
      "secondment_ended",
      "shock"};
  return names[static_cast<std::size_t>(t)];
}

std::string_view reason_name(std::uint16_t r) {
  switch (r) {
    case kReasonStatutory:
      return "statutory";
    case kReasonEarly:
      return "early";
    case kReasonResignation:
      return "resignation";
    case kReasonHealth:
      return "health";
    case kReasonDiscipline:
      return "discipline";
    case kReasonTransfer:
      return "transfer";
    case kReasonExit:
      return "exit";
    case kReasonPromotion:
      return "promotion";
    case kReasonTermEnd:
      return "term_end";
    case kReasonInitial:
      return "initial";
    case kReasonRotation:
      return "rotation";
    case kReasonSuccessor:
      return "successor";
    case kReasonDeputy:
      return "deputy";
    case kReasonRecruitment:
      return "recruitment";
    case kReasonPlacement:
      return "placement";
    case kReasonRotationIn:
      return "rotation_in";
    case kReasonScripted:
      return "scripted";
    case kReasonAgedOut:
      return "aged_out";
    case kReasonFailed:
      return "failed_evaluation";
    case kReasonOtherCause:
      return "other_cause";
    case kReasonHeldAlready:
      return "holds_equal_or_higher";
    case kReasonGone:
      return "left_service";
    case kReasonReturn:
      return "returned";
    case kReasonPromote:
      return "promoted";
    case kReasonStay:
      return "stayed";
    case kReasonTopUp:
      return "top_up";
    case kReasonGrant:
      return "grant";
    case kReasonHousing:
      return "housing";
    case kReasonTravel:
      return "travel";
    case kReasonReservedAllowance:
      return "reserved_allowance";
    case kReasonMentoring:
      return "mentoring";
    case kReasonSupervision:
      return "supervision";
    case kReasonRatingNotCompleted:
      return "not_completed";
    case kReasonRatingCompleted:
      return "completed";
    case kReasonRatingGood:
      return "good";
    case kReasonRatingExcellent:
      return "excellent";
    case kReasonOutcomeReelected:
      return "reelected";
    case kReasonOutcomeReadySuccessor:
      return "ready_successor";
    case kReasonOutcomeLaterSuccessor:
      return "not_ready_successor";
    case kReasonOutcomeUnitDeputy:
      return "unit_deputy";
    case kReasonOutcomeDesignated:
      return "designated";
    case kReasonOutcomeHeldOver:
      return "held_over";
    case kReasonOutcomeVacant:
      return "left_vacant";
    case kReasonTermLimit:
      return "term_limit";
    case kReasonAgeRule:
      return "age_rule";
    case kReasonDesignatedPlan:
      return "designated";
    case kReasonTermLimitRotation:
      return "term_limit_rotation";
    case kReasonPostEnded:
      return "post_ended";
    case kReasonNewPost:
      return "new_post";
    case kReasonMergeTarget:
      return "merge_target";
    case kReasonSameArea:
      return "same_area";
    case kReasonSurplusReassigned:
      return "reassigned";
    case kReasonSurplusSeconded:
      return "seconded";
    case kReasonSurplusExited:
      return "exited";
    case kReasonUnitMerged:
      return "merged";
    case kReasonUnitAbolished:
      return "abolished";
    case kReasonUnitCreated:
      return "created";
    case kReasonUnitMoved:
      return "moved";
    case kReasonNonNativeRule:
      return "non_native_rule";
    case kReasonShockDeparture:
      return "departure";
    case kReasonShockChange:
      return "change";
    case kReasonShockAllowanceCut:
      return "allowance_cut";
    case kReasonShockHiringFreeze:
      return "hiring_freeze";
    case kReasonShockExtraRotationRound:
      return "extra_rotation_round";
    case kReasonShockMerge:
      return "merge";
    default:
      return "";
  }
}

}  // namespace cadresim::events
