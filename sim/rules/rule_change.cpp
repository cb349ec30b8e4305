// A title's non-native rule tightened on a date (docs/model.md § Dated changes): native
// holders move out, as provinces did under Kết luận 201 by swapping chairs between provinces.
// The holder moves to a vacant equivalent post (same rank) the rule allows if there is one,
// else out of the modelled organisation (to another province: an exit of cause "transfer");
// the post opens and the usual fill looks for a non-native.
#include "sim/rules/rule_change.hpp"

#include "sim/rules/non_native.hpp"  // is_native, non_native_allows

namespace cadresim::rules {

using events::EventType;

void move_out_natives(RuleContext& ctx) {
  auto& w = ctx.world;
  const auto& org = ctx.org;
  for (PostId p = 0; p < org.posts.size(); ++p) {
    if (!org.in_force(p) || org.title_of(p).non_native != model::NonNativeRule::kRequired) continue;
    const CadreId h = w.posts[p].holder;
    if (h == model::kNoCadre || !is_native(org, w.cadres[h], p)) continue;
    // An equivalent post (same rank, as a rotation takes: QĐ 65 Art. 4.3) the rule allows.
    const int rank = org.title_of(p).rank;
    PostId to = model::kNoPost;
    for (PostId q = 0; q < org.posts.size() && to == model::kNoPost; ++q)
      if (q != p && org.in_force(q) && w.posts[q].holder == model::kNoCadre &&
          org.title_of(q).rank == rank && non_native_allows(org, w.cadres[h], q))
        to = q;
    if (to != model::kNoPost)
      take_post(ctx, h, to, EventType::kAppointed, events::kReasonNonNativeRule,
                events::kReasonNonNativeRule);
    else  // to another province, outside the model; the post opens for a non-native
      leave_service(ctx, h, model::ExitCause::kTransfer);
  }
}

}  // namespace cadresim::rules
