// The engine's invariants: who holds what, no holder in an ended post, the non-native rule,
// headcount conservation.
#include "sim/engine/invariants.hpp"

#include <algorithm>  // std::is_sorted
#include <cstdint>    // std::uint32_t
#include <vector>     // std::vector: acting counts

#include "sim/rules/non_native.hpp"  // is_native
#include "sim/rules/succession.hpp"  // candidate_summary

namespace cadresim::engine {

std::string invariant_violation(const model::World& w) {
  const auto& org = *w.org;
  std::size_t active = 0;
  for (model::CadreId id = 0; id < w.cadres.size(); ++id) {
    const auto& c = w.cadres[id];
    if (c.status != model::CadreStatus::kActive) {
      if (c.post != model::kNoPost) return "invariant: an exited cadre holds a post";
      continue;
    }
    ++active;
    if (c.post != model::kNoPost && w.posts[c.post].holder != id)
      return "invariant: cadre and post disagree on who holds the post";
  }
  for (model::PostId p = 0; p < w.posts.size(); ++p) {
    const model::CadreId h = w.posts[p].holder;
    if (h == model::kNoCadre) continue;
    if (!org.in_force(p))
      return "invariant: a post not in force has a holder: " + org.post_label(p);
    if (w.cadres[h].post != p) return "invariant: a cadre holds two posts";
    if (org.title_of(p).non_native == model::NonNativeRule::kRequired &&
        rules::is_native(org, w.cadres[h], p))
      return "invariant: a native holds a post that requires a non-native: " + org.post_label(p);
  }
  std::uint64_t rotating = 0;
  for (const auto& c : w.cadres) {
    rotating += c.rotation.active;
    if (c.rotation.active && c.status != model::CadreStatus::kActive)
      return "invariant: a cadre who left is still in a rotation";
  }
  if (rotating != w.rotating) return "invariant: the count of cadres in a rotation is off";
  // Active cadres only: the scans read the summaries of post holders, of planned successors after
  // their status check, and of the unplaced (a bound there, before eligibility), so a summary of a
  // cadre who left decides nothing. Recomputing every summary ever written made this check most
  // of a long run's time in the builds that check invariants (docs/performance.md).
  for (model::CadreId id = 0; id < w.candidate_summary.size(); ++id)
    if (w.cadres[id].status == model::CadreStatus::kActive &&
        w.candidate_summary[id] != rules::candidate_summary(w.cadres[id]))
      return "invariant: the candidate summary disagrees with a cadre's record";
  if (!w.held_in_unit.empty()) {
    if (w.held_in_unit.size() != org.units.size())
      return "invariant: the held-post counts are not of the organisation in force";
    std::vector<std::uint32_t> held(org.units.size(), 0);
    for (model::PostId p = 0; p < w.posts.size(); ++p)
      if (w.posts[p].holder != model::kNoCadre) ++held[org.posts[p].unit];
    if (held != w.held_in_unit)
      return "invariant: a unit's held-post count disagrees with its posts";
    for (model::PostId p = 0; p < w.posts.size() && p < org.posts.size(); ++p)
      if (const auto slot = org.tour_slot_of_post[p];
          slot != model::Organisation::kNoTourSlot &&
          (slot >= w.holder_by_tour_slot.size() ||
           w.holder_by_tour_slot[slot] != w.posts[p].holder))
        return "invariant: the holders in tour order disagree with the post states";
  }
  std::vector<std::uint32_t> acting(w.cadres.size(), 0);
  for (const auto& ps : w.posts)
    if (ps.acting != model::kNoCadre) ++acting[ps.acting];
  for (model::CadreId id = 0; id < w.cadres.size(); ++id)
    if (w.cadres[id].acting_posts != acting[id])
      return "invariant: a cadre's count of acting posts disagrees with the posts";
  for (const model::CadreId id : w.unplaced)
    if (w.cadres[id].post != model::kNoPost)
      return "invariant: a cadre on the unplaced list holds a post";
  if (w.unplaced_last_title.size() != w.unplaced.size())
    return "invariant: the unplaced list and its titles differ in length";
  for (std::size_t i = 0; i < w.unplaced.size(); ++i) {
    const model::PostId last = w.cadres[w.unplaced[i]].last_post;
    const model::TitleId title = last != model::kNoPost ? org.posts[last].title : model::kNoTitle;
    if (w.unplaced_last_title[i] != title)
      return "invariant: an unplaced cadre's recorded title is not its last post's";
  }
  // unplaced_by_title: every unplaced cadre with a last post once, under that post's title,
  // with its competence now, in order.
  std::size_t filed = 0;
  for (std::size_t t = 0; t < w.unplaced_by_title.size(); ++t) {
    const auto& bucket = w.unplaced_by_title[t];
    if (!std::is_sorted(bucket.begin(), bucket.end()))
      return "invariant: the unplaced cadres of a title are not in order of competence";
    for (const auto& [neg_competence, id] : bucket) {
      const auto at = std::find(w.unplaced.begin(), w.unplaced.end(), id);
      if (at == w.unplaced.end() ||
          w.unplaced_last_title[static_cast<std::size_t>(at - w.unplaced.begin())] != t)
        return "invariant: a cadre is filed under a title that is not its last post's";
      if (-neg_competence != w.cadres[id].competence)
        return "invariant: an unplaced cadre's competence changed";
    }
    filed += bucket.size();
  }
  if (filed != static_cast<std::size_t>(
                   std::count_if(w.unplaced_last_title.begin(), w.unplaced_last_title.end(),
                                 [](model::TitleId t) { return t != model::kNoTitle; })))
    return "invariant: not every unplaced cadre with a last post is filed under its title";
  for (std::size_t i = 0; i < w.unplaced.size(); ++i)
    if (w.unplaced[i] >= w.unplaced_slot.size() || w.unplaced_slot[w.unplaced[i]] != i)
      return "invariant: an unplaced cadre's recorded place in the list is wrong";
  if (static_cast<std::size_t>(std::count_if(
          w.unplaced_slot.begin(), w.unplaced_slot.end(),
          [](std::uint32_t s) { return s != model::World::kNotUnplaced; })) != w.unplaced.size())
    return "invariant: a cadre off the unplaced list has a place in it";
  std::vector<model::CadreId> sorted_unplaced = w.unplaced;
  std::sort(sorted_unplaced.begin(), sorted_unplaced.end());
  if (std::adjacent_find(sorted_unplaced.begin(), sorted_unplaced.end()) != sorted_unplaced.end())
    return "invariant: a cadre is twice on the unplaced list";
  std::vector<std::uint32_t> planned(w.cadres.size(), 0);
  for (const auto& e : w.plan) ++planned[e.cadre];
  for (model::CadreId id = 0; id < w.plan_count.size(); ++id)
    if (w.plan_count[id] != planned[id] && planned[id] < 255)
      return "invariant: a cadre's plan count disagrees with the plan";
  for (const auto& e : w.plan)
    if (e.cadre >= w.plan_first_post.size() || w.plan_first_post[e.cadre] > e.post)
      return "invariant: a plan entry lies below its cadre's first-post bound";
  // Gaps included: the binary searches by post read every slot.
  const auto& slots = w.plan.slots();
  if (!std::is_sorted(slots.begin(), slots.end(), model::PlanByPost{}))
    return "invariant: the plan is not in post order";
  if (static_cast<std::size_t>(std::count_if(slots.begin(), slots.end(), [](const auto& e) {
        return e.cadre != model::kNoCadre;
      })) != w.plan.size())
    return "invariant: the plan's count of entries disagrees with its slots";
  if (w.initial_cadres + w.recruited - w.exited != active)
    return "invariant: headcount not conserved (start + recruited - exited != active)";
  return {};
}

}  // namespace cadresim::engine
