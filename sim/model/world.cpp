#include "sim/model/world.hpp"

#include <algorithm>  // std::equal_range

namespace cadresim::model {

std::size_t World::active_count() const {
  std::size_t n = 0;
  for (const auto& c : cadres) n += c.status == CadreStatus::kActive;
  return n;
}

std::span<const PlanEntry> World::plan_of(PostId post) const {
  const auto [first, last] = std::equal_range(plan.begin(), plan.end(), post, PlanByPost{});
  return {first, last};
}

std::span<PlanEntry> World::plan_of(PostId post) {
  const auto [first, last] = std::equal_range(plan.begin(), plan.end(), post, PlanByPost{});
  return {first, last};
}

}  // namespace cadresim::model
