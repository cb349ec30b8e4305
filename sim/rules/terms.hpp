#pragma once
/// @file Terms of office and the congress cycle (docs/model.md § Terms of office). At each
/// party congress (party-term titles) and state election (state-term titles), on the levels it
/// covers, every elected post is filled, higher posts first, in this order: the incumbent if
/// eligible (under the title's consecutive-term limit — heads by default — and within the age
/// rule for re-election); else the best ready-now planned successor; else a ready-later planned
/// successor or an eligible deputy of the unit; else a cadre designated by the managing tier
/// from any unit (a holder of a feeding title, or a cadre without a post such as a term-limited
/// head). Only when nobody eligible exists does the post stay open; an outgoing holder then
/// serves on until a successor takes over. Each post's outcome is recorded (election_outcome).
/// Personnel preparation, a set number of months before each election, lists the holders who
/// will not stand and designates a ready successor from elsewhere where none is planned.
/// Appointed titles run fixed appointments (60 months): a holder at the limit serves until
/// replaced, a cadre close to retirement is extended to retirement, the others are reappointed.

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// Consecutive-term limit of a title (0 = none): its own setting, else the scenario's limit for
/// heads and none for other titles.
int term_limit(const model::Scenario& s, const model::Title& t);
/// Whether `c` passes the age rule for standing for `post` at an election (or a term start) on
/// `day`: the birth-date cut-offs of the congress if one applies (party-term titles), else the
/// months-before-retirement rules. `reelection` selects the re-election rule.
bool age_allows(const RuleContext& ctx, const model::Cadre& c, PostId post, Day day,
                bool reelection);
/// age_allows for one post and day, worked out once for a scan of many cadres: the congress's
/// birth-date cut-offs, or the retirement date the months rule requires (at least n whole months
/// from `day` to retirement <=> retirement on or after add_months(day, n), n >= 0).
class AgeCheck {
 public:
  AgeCheck(const RuleContext& ctx, PostId post, Day day, bool reelection);
  bool allows(const model::Cadre& c) const {
    if (by_birth_)
      return c.birth >= (c.sex == model::Sex::kFemale ? women_born_from_ : men_born_from_);
    return c.retirement_date >= retire_floor_;
  }

 private:
  bool by_birth_ = false;
  Day women_born_from_ = 0, men_born_from_ = 0, retire_floor_ = 0;
};
/// Whether `cadre` is active, not in a rotation, and holds a head post at its title's
/// consecutive-term limit: the cadre's part of term_limit_move_allowed.
bool head_at_term_limit(const RuleContext& ctx, CadreId cadre);
/// Whether `cadre`, a head at the term limit of the post held, may move to `post`: an
/// equivalent post (same level, rank not above) in another unit (term-limit rotation).
bool term_limit_move_allowed(const RuleContext& ctx, CadreId cadre, PostId post);
/// Why the holder of `post` will not stand at an election on `day` (kReasonTermLimit,
/// kReasonAgeRule), or kReasonNone if they may.
std::uint16_t not_standing_reason(const RuleContext& ctx, CadreId cadre, PostId post, Day day);
/// The best eligible newcomer for `post` today in the election order (ready-now successor;
/// ready-later successor or unit deputy; designated from any unit); `outcome` receives the
/// kReasonOutcome* code (kReasonOutcomeVacant when nobody is eligible).
CadreId election_candidate(const RuleContext& ctx, PostId post, std::uint16_t& outcome);
/// Holds an election of `tenure` titles on the levels of `election`.
void hold_election(RuleContext& ctx, const model::Election& election, model::TenureKind tenure);
/// Personnel preparation for `election` (run at the lead times before it).
void prepare_election(RuleContext& ctx, const model::Election& election, model::TenureKind tenure);
/// Handles the end of a cadre's appointment.
void appointment_term_end(RuleContext& ctx, CadreId cadre);
/// Removes an incumbent who may not continue: the post opens (reason term end), the cadre is
/// left without a post (and flagged as a rotation candidate if a head at the term limit).
/// `emit_limit` = false when term_limit_reached was already recorded (a held-over holder).
void end_tenure(RuleContext& ctx, CadreId cadre, bool at_term_limit, bool emit_limit = true);
/// Replaces the outgoing holder of `post` (PostState::outgoing) if an eligible successor
/// exists now; returns false if none does (the holder serves on).
bool replace_outgoing(RuleContext& ctx, PostId post);

}  // namespace cadresim::rules
