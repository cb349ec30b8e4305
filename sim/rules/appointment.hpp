#pragma once
/// @file Appointment (docs/model.md § Appointment): an open post is filled after a delay
/// drawn from the scenario, from these sources in order: (1) the best ready-now planned
/// successor; (2) rotation in or placement of a cadre without a post at an equivalent post;
/// (3) promotion of a deputy (a holder of a feeding title in the managing unit, with enough
/// months in post and before retirement); (4) recruitment, for entry titles. Non-native and
/// age rules apply to all. If nobody can be found, a deputy of the same unit may act and the
/// attempt is repeated after `retry_months`. Each internal fill opens the filler's post (a vacancy
/// chain).

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// Best cadre without a post (term-limited head, returning rotatee) who can take `post` at an
/// equivalent or lower rank in the same level, or kNoCadre.
CadreId best_placement(const RuleContext& ctx, PostId post);
/// Best deputy to promote into `post`, or kNoCadre.
CadreId best_deputy(const RuleContext& ctx, PostId post);
/// Handles a fill attempt for `post`.
void fill_post(RuleContext& ctx, PostId post);

}  // namespace cadresim::rules
