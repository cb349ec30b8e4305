// "pools": push-model pools (docs/model.md § Pools), e.g. civil-servant grades. Each state has
// an initial stock, a yearly recruitment and a row of yearly transition probabilities to pool
// states by id; the rest of the row is the probability of leaving.
#include <fmt/core.h>  // fmt::format

#include <algorithm>      // std::sort
#include <unordered_map>  // state id -> index

#include "sim/scenario/sections.hpp"

namespace cadresim::scenario {

namespace {

// A row may exceed 1 by rounding in typed decimals, no more (as analysis/markov accepts).
constexpr double kRowSumTolerance = 1e-9;

// Reads one state's "transitions" object {"<state id>": probability, ...} into a sorted row.
void read_transitions(FieldReader& state, model::PoolState& s,
                      const std::unordered_map<std::string, std::uint16_t>& index,
                      const std::vector<std::string>& ids, SectionContext& ctx) {
  FieldReader t = state.object("transitions");
  const json* raw = state.raw("transitions");
  if (raw == nullptr || !raw->is_object()) {
    t.finish();
    return;
  }
  double sum = 0;
  for (const auto& [id, v] : raw->items()) {
    if (id == "$comment") continue;
    const auto it = index.find(id);
    if (it == index.end()) {
      t.allow(id);
      const std::string near = closest_match(id, ids);
      const text::Message msg = unknown_reference("problem.ref.pool_state", id, near);
      ctx.problems.add(t.at(id), msg);
      continue;
    }
    double p = 0;
    t.probability(id, p);
    sum += p;
    if (p > 0) s.transitions.push_back({it->second, p});
  }
  t.finish();
  std::sort(
      s.transitions.begin(), s.transitions.end(),
      [](const model::PoolTransition& a, const model::PoolTransition& b) { return a.to < b.to; });
  if (sum > 1 + kRowSumTolerance)
    ctx.problems.add(state.at("transitions"),
                     text::message("problem.pools.row_sum", fmt::format("{:.6g}", sum)));
}

}  // namespace

void read_pools(FieldReader& top, SectionContext& ctx) {
  if (!top.has("pools")) return;  // no pools: nothing in the resolved scenario either
  auto& p = ctx.scenario.pools;
  FieldReader r = top.object("pools");
  model::MonthDay step{p.step_month, p.step_day};
  r.month_day("step_date", step);
  p.step_month = step.month;
  p.step_day = step.day;
  const json* arr = r.array("states", true);
  json& out = r.out()["states"];
  out = json::array();
  if (arr != nullptr && arr->empty())
    ctx.problems.add(r.at("states"), text::message("problem.pools.no_state"));
  if (arr != nullptr && arr->size() >= model::kNoPoolState) {
    ctx.problems.add(r.at("states"),
                     text::message("problem.pools.too_many", arr->size(), model::kNoPoolState - 1));
    arr = nullptr;
  }
  const std::size_t n = arr ? arr->size() : 0;
  // Ids first, so that transitions may name states listed later.
  std::unordered_map<std::string, std::uint16_t> index;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n; ++i) {
    const json& s = (*arr)[i];
    if (!s.is_object() || !s.contains("id") || !s["id"].is_string()) continue;
    const std::string& id = s["id"].get_ref<const std::string&>();
    if (id.empty()) continue;
    ids.push_back(id);
    index.emplace(id, static_cast<std::uint16_t>(i));  // the first of duplicates wins
  }
  for (std::size_t i = 0; i < n; ++i) out.push_back(json::object());
  for (std::size_t i = 0; i < n; ++i) {
    FieldReader s(&(*arr)[i], out[i], r.at("states") + "/" + std::to_string(i), ctx.problems);
    model::PoolState st;
    std::string level;
    s.string("id", st.id, true);
    s.string("name", st.name);
    if (st.name.empty()) st.name = st.id;
    s.string("level", level, true);
    s.integer("initial_stock", st.initial_stock, 0, 1'000'000);
    s.number("recruits_per_year", st.recruits_per_year, 0, 100'000);
    read_transitions(s, st, index, ids, ctx);
    s.finish();
    if (!level.empty()) {
      const int l = resolve_level(level, s.at("level"), ctx);
      st.level = static_cast<model::LevelId>(l < 0 ? 0 : l);
    }
    for (const auto& prev : p.states)
      if (!st.id.empty() && prev.id == st.id)
        ctx.problems.add(s.at("id"), text::message("problem.pools.duplicate", st.id));
    p.states.push_back(std::move(st));
  }
  r.finish();
}

}  // namespace cadresim::scenario
