// The engine's invariants: who holds what, no holder in an ended post, the non-native rule,
// headcount conservation.
#include "sim/engine/invariants.hpp"

#include <algorithm>  // std::count_if, std::is_sorted
#include <cstdint>    // std::uint32_t
#include <limits>     // the block bounds' infinity
#include <vector>     // std::vector: acting counts

#include "sim/rules/non_native.hpp"  // is_native
#include "sim/rules/succession.hpp"  // candidate_summary

namespace cadresim::engine {

std::string invariant_violation(const model::World& w) {
  const auto& org = *w.org;
  const std::size_t population = w.cadres.size();
  // Per-cadre tables grow lazily, so they may be shorter than the population, never longer.
  if (w.candidate_summary.size() > population || w.plan_count.size() > population)
    return "invariant: a per-cadre table is longer than the population";
  // What the posts and the plan say of each cadre, compared with the cadre's own counts in the
  // one pass over the population below. That pass reads every cadre ever created, departed ones
  // included, so it is one loop, not one per invariant: in the builds that check invariants
  // (unoptimised) each loop over a long run's population costs as much as a month of the run.
  std::vector<std::uint32_t> acting(population, 0);
  for (const auto& ps : w.posts)
    if (ps.acting != model::kNoCadre) {
      if (ps.acting >= population) return "invariant: a post's acting holder does not exist";
      ++acting[ps.acting];
    }
  std::vector<std::uint32_t> planned(population, 0);
  for (const auto& e : w.plan) {
    if (e.cadre >= population) return "invariant: a plan entry's cadre does not exist";
    ++planned[e.cadre];
  }
  std::size_t active = 0;
  std::uint64_t rotating = 0;
  for (model::CadreId id = 0; id < population; ++id) {
    const auto& c = w.cadres[id];
    rotating += c.rotation.active;
    if (c.acting_posts != acting[id])
      return "invariant: a cadre's count of acting posts disagrees with the posts";
    if (id < w.plan_count.size() && w.plan_count[id] != planned[id] && planned[id] < 255)
      return "invariant: a cadre's plan count disagrees with the plan";
    if (c.status != model::CadreStatus::kActive) {
      if (c.post != model::kNoPost) return "invariant: an exited cadre holds a post";
      if (c.rotation.active) return "invariant: a cadre who left is still in a rotation";
      continue;
    }
    ++active;
    if (c.post != model::kNoPost && w.posts[c.post].holder != id)
      return "invariant: cadre and post disagree on who holds the post";
    // Active cadres only: the scans read the summaries of post holders, of planned successors
    // after their status check, and of the unplaced (a bound there, before eligibility), so a
    // summary of a cadre who left decides nothing. Recomputing every summary ever written made
    // this check most of a long run's time in the builds that check invariants
    // (docs/performance.md).
    if (id < w.candidate_summary.size() && w.candidate_summary[id] != rules::candidate_summary(c))
      return "invariant: the candidate summary disagrees with a cadre's record";
  }
  if (rotating != w.rotating) return "invariant: the count of cadres in a rotation is off";
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
    if (w.summary_by_tour_slot.size() != w.holder_by_tour_slot.size())
      return "invariant: the summaries in tour order are not one per holder slot";
    for (std::size_t slot = 0; slot < w.holder_by_tour_slot.size(); ++slot)
      if (const model::CadreId h = w.holder_by_tour_slot[slot];
          h < w.candidate_summary.size() && w.summary_by_tour_slot[slot] != w.candidate_summary[h])
        return "invariant: a summary in tour order disagrees with its holder's";
    if (w.summary_bound_by_block.size() !=
        (w.holder_by_tour_slot.size() + model::World::kSummaryBlock - 1) /
            model::World::kSummaryBlock)
      return "invariant: the summaries' block bounds are not one per block of tour slots";
    for (std::size_t slot = 0; slot < w.holder_by_tour_slot.size(); ++slot) {
      const model::CadreId h = w.holder_by_tour_slot[slot];
      const model::SummaryBound& bound =
          w.summary_bound_by_block[slot / model::World::kSummaryBlock];
      if (h < w.candidate_summary.size()
              ? !bound.covers(w.summary_by_tour_slot[slot])
              : h != model::kNoCadre && bound.competence != std::numeric_limits<double>::infinity())
        return "invariant: a block bound of the summaries in tour order is below a holder's";
    }
  }
  if (w.unplaced_last_title.size() != w.unplaced.size())
    return "invariant: the unplaced list and its titles differ in length";
  for (std::size_t i = 0; i < w.unplaced.size(); ++i) {
    const model::CadreId id = w.unplaced[i];
    // Each listed cadre's recorded place is its place, so nobody is on the list twice.
    if (id >= population || id >= w.unplaced_slot.size() || w.unplaced_slot[id] != i)
      return "invariant: an unplaced cadre's recorded place in the list is wrong";
    const model::PostId last = w.cadres[id].last_post;
    if (w.cadres[id].post != model::kNoPost)
      return "invariant: a cadre on the unplaced list holds a post";
    const model::TitleId title = last != model::kNoPost ? org.posts[last].title : model::kNoTitle;
    if (w.unplaced_last_title[i] != title)
      return "invariant: an unplaced cadre's recorded title is not its last post's";
  }
  if (static_cast<std::size_t>(std::count_if(
          w.unplaced_slot.begin(), w.unplaced_slot.end(),
          [](std::uint32_t s) { return s != model::World::kNotUnplaced; })) != w.unplaced.size())
    return "invariant: a cadre off the unplaced list has a place in it";
  // unplaced_by_title: every unplaced cadre with a last post once, under that post's title,
  // with its competence now, in order. The places checked above find a filed cadre in the list
  // (a search of the list for each filed cadre made this check quadratic in its length: most of
  // a long run's time in the builds that check invariants, docs/performance.md).
  std::size_t filed = 0;
  for (std::size_t t = 0; t < w.unplaced_by_title.size(); ++t) {
    const auto& bucket = w.unplaced_by_title[t];
    if (!std::is_sorted(bucket.begin(), bucket.end()))
      return "invariant: the unplaced cadres of a title are not in order of competence";
    for (const auto& [neg_competence, id] : bucket) {
      const std::uint32_t slot =
          id < w.unplaced_slot.size() ? w.unplaced_slot[id] : model::World::kNotUnplaced;
      if (slot == model::World::kNotUnplaced || w.unplaced_last_title[slot] != t)
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
