// model::SuccessionPlan keeps removed entries as gaps: every reader must see exactly the plan a
// vector with erasures holds (the order of a pass over the plan decides the order of events).
// The plan is driven with random operations next to such a vector and compared after each.
#include <gtest/gtest.h>

#include <algorithm>  // std::stable_sort, std::inplace_merge, std::remove_if, std::upper_bound
#include <random>     // std::mt19937: a fixed sequence of operations
#include <vector>     // the reference plan

#include "sim/model/succession_plan.hpp"

namespace cadresim::enginetest {
namespace {

using model::PlanByPost;
using model::PlanEntry;
using model::SuccessionPlan;

std::vector<PlanEntry> entries_of(const SuccessionPlan& plan) {
  return {plan.begin(), plan.end()};
}

bool same(const std::vector<PlanEntry>& a, const std::vector<PlanEntry>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.cadre == y.cadre && x.post == y.post && x.since == y.since;
  });
}

TEST(SuccessionPlan, ReadsAsAVectorWithErasuresThroughRandomInsertsRemovalsAndMerges) {
  std::mt19937 rng(20261130);
  SuccessionPlan plan;
  std::vector<PlanEntry> reference;
  int stamp = 0;
  auto random_entry = [&] {
    return PlanEntry{static_cast<model::CadreId>(rng() % 50),
                     static_cast<model::PostId>(rng() % 40), model::Readiness::kNotReady, ++stamp};
  };
  for (int step = 0; step < 20000; ++step) {
    const unsigned op = rng() % 10;
    if (op < 4) {  // add_plan_entry: after the post's entries
      const PlanEntry e = random_entry();
      plan.insert(e);
      reference.insert(std::upper_bound(reference.begin(), reference.end(), e.post, PlanByPost{}),
                       e);
    } else if (op < 7 && !reference.empty()) {  // an entry used up (take_post)
      const auto victim = reference[rng() % reference.size()];
      for (auto& e : plan.of(victim.post))
        if (e.cadre == victim.cadre) plan.remove(e);
      plan.squeeze_if_sparse();
      reference.erase(std::remove_if(reference.begin(), reference.end(),
                                     [&](const PlanEntry& e) {
                                       return e.post == victim.post && e.cadre == victim.cadre;
                                     }),
                      reference.end());
    } else if (op < 8) {  // a cadre unplanned everywhere, from a post on (unplan_cadre)
      const auto cadre = static_cast<model::CadreId>(rng() % 50);
      for (auto it = plan.from_post(0); it != plan.end(); ++it)
        if (it->cadre == cadre) plan.remove(*it);
      plan.squeeze_if_sparse();
      reference.erase(std::remove_if(reference.begin(), reference.end(),
                                     [&](const PlanEntry& e) { return e.cadre == cadre; }),
                      reference.end());
    } else if (op < 9) {  // a review: compact, append unsorted, merge
      const std::size_t kept = plan.compact();
      ASSERT_EQ(kept, reference.size());
      ASSERT_EQ(plan.slots().size(), kept);
      const std::size_t mark = reference.size();
      for (int k = 0; k < 5; ++k) {
        const PlanEntry e = random_entry();
        plan.push_back(e);
        reference.push_back(e);
      }
      plan.merge_appended(kept);
      std::stable_sort(reference.begin() + static_cast<std::ptrdiff_t>(mark), reference.end(),
                       PlanByPost{});
      std::inplace_merge(reference.begin(), reference.begin() + static_cast<std::ptrdiff_t>(mark),
                         reference.end(), PlanByPost{});
    } else {  // every entry of a post (a restructuring's ended post)
      const auto post = static_cast<model::PostId>(rng() % 40);
      for (auto& e : plan)
        if (e.post == post) plan.remove(e);
      plan.squeeze_if_sparse();
      reference.erase(std::remove_if(reference.begin(), reference.end(),
                                     [&](const PlanEntry& e) { return e.post == post; }),
                      reference.end());
    }
    ASSERT_EQ(plan.size(), reference.size()) << "step " << step;
    ASSERT_TRUE(same(entries_of(plan), reference)) << "step " << step;
    // Gaps included, the slots stay in post order (the binary searches read them all) and
    // never outnumber the entries by more than the few always kept.
    ASSERT_TRUE(std::is_sorted(plan.slots().begin(), plan.slots().end(), PlanByPost{}));
    ASSERT_LE(plan.slots().size(), 2 * plan.size() + 65);
    const auto post = static_cast<model::PostId>(rng() % 40);
    const auto range = plan.of(post);
    const std::vector<PlanEntry> of_post(range.begin(), range.end());
    std::vector<PlanEntry> expected;
    for (const auto& e : reference)
      if (e.post == post) expected.push_back(e);
    ASSERT_TRUE(same(of_post, expected)) << "step " << step << " post " << post;
    ASSERT_EQ(range.empty(), expected.empty());
    std::vector<PlanEntry> from(plan.from_post(post), plan.end());
    std::vector<PlanEntry> expected_from;
    for (const auto& e : reference)
      if (e.post >= post) expected_from.push_back(e);
    ASSERT_TRUE(same(from, expected_from)) << "step " << step << " post " << post;
  }
}

TEST(SuccessionPlan, ARemovedEntryLeavesAGapThatAnInsertForTheSamePlaceTakes) {
  SuccessionPlan plan;
  for (model::PostId p = 0; p < 4; ++p) plan.push_back({p, p, model::Readiness::kNotReady, 0});
  auto it = plan.from_post(1);
  plan.remove(*it);  // the entry of post 1
  EXPECT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan.slots().size(), 4u);                   // a gap, not a move
  plan.insert({9, 2, model::Readiness::kNotReady, 0});  // after post 2: no gap there
  EXPECT_EQ(plan.slots().size(), 5u);
  plan.insert({8, 1, model::Readiness::kNotReady, 0});  // takes the gap of post 1
  EXPECT_EQ(plan.slots().size(), 5u);
  const std::vector<PlanEntry> got(plan.begin(), plan.end());
  ASSERT_EQ(got.size(), 5u);
  const std::vector<model::CadreId> cadres{0, 8, 2, 9, 3};
  for (std::size_t k = 0; k < got.size(); ++k) EXPECT_EQ(got[k].cadre, cadres[k]) << k;
  EXPECT_EQ(plan.compact(), 5u);
  EXPECT_EQ(plan.slots().size(), 5u);
}

}  // namespace
}  // namespace cadresim::enginetest
