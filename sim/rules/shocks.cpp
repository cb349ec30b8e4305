// Shock cards (docs/model.md § Shock cards). A departure card empties key posts at once: the
// named cadre, or `count` holders drawn uniformly without replacement among the active holders
// of the matching posts in force that day (a title; or a level, its key posts only unless
// key_only is false), leave the service with the card's cause. The draw is a partial
// Fisher-Yates shuffle of the candidates in post order, the k-th swap taking the uniform
// (kRngShock, hash of the card's id, k), so the holders drawn depend only on the seed, the
// replication, the card and who holds the posts that day. Everything that follows (vacancies,
// acting holders, fills, successors) is the model's usual response. Other cards only leave their
// mark in the log: their effect is a dated change, a structural event or a rotation plan.
#include "sim/rules/shocks.hpp"

#include <utility>  // std::swap
#include <vector>   // candidates

namespace cadresim::rules {

namespace {

std::uint16_t reason_of(model::ShockKind k) {
  switch (k) {
    case model::ShockKind::kDeparture:
      return events::kReasonShockDeparture;
    case model::ShockKind::kAllowanceCut:
      return events::kReasonShockAllowanceCut;
    case model::ShockKind::kHiringFreeze:
      return events::kReasonShockHiringFreeze;
    case model::ShockKind::kExtraRotationRound:
      return events::kReasonShockExtraRotationRound;
    case model::ShockKind::kMerge:
      return events::kReasonShockMerge;
    case model::ShockKind::kChange:
      break;
  }
  return events::kReasonShockChange;
}

// The cadres a departure card takes, in the order they leave.
std::vector<CadreId> leavers(RuleContext& ctx, const model::Shock& card) {
  auto& w = ctx.world;
  const auto& org = ctx.org;
  std::vector<CadreId> out;
  if (!card.cadre_id.empty()) {
    for (CadreId c = 0; c < w.cadres.size(); ++c)
      if (w.cadres[c].id == card.cadre_id && w.cadres[c].status == model::CadreStatus::kActive)
        out.push_back(c);
    return out;
  }
  // The card's id, not its place in the list, keys its draws (FNV-1a 64 of the id).
  std::uint64_t entity = 0xcbf29ce484222325ULL;
  for (const unsigned char ch : card.id) entity = (entity ^ ch) * 0x100000001b3ULL;
  std::vector<CadreId> candidates;
  for (PostId p = 0; p < org.posts.size(); ++p) {
    if (!org.in_force(p)) continue;
    if (card.title != model::kNoTitle && org.posts[p].title != card.title) continue;
    if (card.title == model::kNoTitle) {
      if (card.level >= 0 && org.level_of(p) != card.level) continue;
      if (card.key_only && !org.title_of(p).key) continue;
    }
    const CadreId h = w.posts[p].holder;
    if (h != model::kNoCadre && w.cadres[h].status == model::CadreStatus::kActive)
      candidates.push_back(h);
  }
  const std::size_t n = candidates.size();
  const std::size_t take = std::min<std::size_t>(n, static_cast<std::size_t>(card.count));
  for (std::size_t k = 0; k < take; ++k) {
    const double u = ctx.rng.uniform(kRngShock, entity, k);
    std::size_t j = k + static_cast<std::size_t>(u * static_cast<double>(n - k));
    if (j >= n) j = n - 1;
    std::swap(candidates[k], candidates[j]);
    out.push_back(candidates[k]);
  }
  return out;
}

}  // namespace

void apply_shock(RuleContext& ctx, const model::Shock& card, std::uint32_t index) {
  const std::uint16_t reason = reason_of(card.kind);
  if (card.kind != model::ShockKind::kDeparture) {
    ctx.emit(events::EventType::kShock, model::kNoCadre, model::kNoPost, model::kNoPost, reason,
             index);
    return;
  }
  const std::vector<CadreId> who = leavers(ctx, card);
  if (who.empty())
    ctx.emit(events::EventType::kShock, model::kNoCadre, model::kNoPost, model::kNoPost, reason,
             index);
  for (const CadreId c : who) {
    ctx.emit(events::EventType::kShock, c, ctx.world.cadres[c].post, model::kNoPost, reason, index);
    leave_service(ctx, c, card.cause);
  }
}

}  // namespace cadresim::rules
