#include "sim/model/world.hpp"

namespace cadresim::model {

std::size_t World::active_count() const {
  std::size_t n = 0;
  for (const auto& c : cadres) n += c.status == CadreStatus::kActive;
  return n;
}

}  // namespace cadresim::model
