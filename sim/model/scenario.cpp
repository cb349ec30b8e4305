// Parameters in force on a day, across the epochs of dated changes (docs/model.md § Dated
// changes).
#include "sim/model/scenario.hpp"

#include <algorithm>  // std::find

namespace cadresim::model {

const Scenario& parameters_on(const Scenario& base, kernel::Day day) {
  const Scenario* s = &base;
  for (const auto& e : base.epochs)
    if (e.date <= day && e.own_parameters && e.scenario) s = e.scenario.get();
  return *s;
}

std::vector<std::string> all_flow_ids(const Scenario& base) {
  std::vector<std::string> out;
  auto add = [&](const Scenario& s) {
    for (const auto& f : s.rotation.flows)
      if (std::find(out.begin(), out.end(), f.id) == out.end()) out.push_back(f.id);
  };
  add(base);
  for (const auto& e : base.epochs)
    if (e.own_parameters && e.scenario) add(*e.scenario);
  return out;
}

std::string flow_id_on(const Scenario& base, kernel::Day day, std::size_t index) {
  const auto& flows = parameters_on(base, day).rotation.flows;
  return index < flows.size() ? flows[index].id : std::string();
}

}  // namespace cadresim::model
