// Parallel replications with a deterministic merge, and aggregation across replications.
#include "analysis/runner.hpp"

#include <fmt/core.h>  // fmt::format

#include <stdexcept>  // std::invalid_argument

#include "sim/engine/engine.hpp"
#include "sim/scenario/problems.hpp"  // closest_match

namespace cadresim::analysis {

std::vector<ReplicationResult> run_replications(const model::Scenario& scenario,
                                                const RunOptions& o) {
  std::vector<ReplicationResult> results(o.replications);
  const bool finished =
      for_each_replication(o.replications, o.threads, o.progress, o.cancel, [&](std::size_t r) {
        engine::Engine engine(scenario, o.seed, r);
        MetricsCollector metrics(scenario, o.pipeline_units);
        engine.add_observer(metrics);
        CancelCheck check(o.cancel);
        engine.add_observer(check);
        engine.run_until(o.until ? o.until : scenario.calendar.end);
        if (o.until && o.until < scenario.calendar.end)
          metrics.on_finish(engine.now(), engine.world());
        results[r] = std::move(metrics.result());
      });
  if (!finished) throw RunCancelled{};
  return results;
}

std::vector<model::UnitId> resolve_pipeline_units(const model::Scenario& s,
                                                  const std::string& list) {
  const auto& org = s.organisation;
  std::vector<std::uint8_t> chosen(org.units.size(), 0);
  auto in_run = [&](const model::Unit& u) {
    return u.from <= s.calendar.end && s.calendar.start < u.until;
  };
  std::size_t begin = 0;
  while (begin <= list.size()) {
    std::size_t end = list.find(',', begin);
    if (end == std::string::npos) end = list.size();
    const std::string id = list.substr(begin, end - begin);
    begin = end + 1;
    if (id.empty()) continue;
    bool found = false;
    for (model::UnitId u = 0; u < org.units.size(); ++u)
      if (org.units[u].id == id) chosen[u] = found = true;
    for (std::size_t l = 0; l < org.levels.size() && !found; ++l)
      if (org.levels[l].id == id) {
        found = true;
        for (model::UnitId u = 0; u < org.units.size(); ++u)
          if (org.units[u].level == l && in_run(org.units[u])) chosen[u] = 1;
      }
    if (!found) {
      std::vector<std::string> names;
      for (const auto& u : org.units) names.push_back(u.id);
      for (const auto& l : org.levels) names.push_back(l.id);
      const std::string near = scenario::closest_match(id, names);
      throw std::invalid_argument("unknown unit or level \"" + id + "\"" +
                                  (near.empty() ? "" : " (did you mean \"" + near + "\"?)"));
    }
  }
  std::vector<model::UnitId> out;
  for (model::UnitId u = 0; u < org.units.size(); ++u)
    if (chosen[u]) out.push_back(u);
  return out;
}

void settle_ranks(const Ranks& ranks, std::exception_ptr local) {
  if (!ranks.distributed() || !ranks.agree) {
    if (local) std::rethrow_exception(local);
    return;
  }
  int status = 0;
  std::string message;
  if (local) {
    try {
      std::rethrow_exception(local);
    } catch (const RunCancelled&) {
      status = 1;
    } catch (const std::exception& e) {
      status = 2, message = e.what();
    } catch (...) {
      status = 2, message = "unknown failure";
    }
  }
  std::size_t rank_of = 0;
  const int worst = ranks.agree(status, message, rank_of);
  if (local) std::rethrow_exception(local);
  if (worst == 1) throw RunCancelled{};
  if (worst == 2)
    throw RankFailed(fmt::format("MPI rank {} of {} failed: {}; nothing was written", rank_of,
                                 ranks.size, message));
}

StreamedRun run_streamed(const std::vector<const model::Scenario*>& scenarios,
                         const RunOptions& o) {
  const std::size_t k = scenarios.size();
  // This process's replications: handed out on demand over the processes (TaskSource), or a
  // fixed partition r = rank, rank + size, ... when no such sharing is offered.
  const SharedTasks tasks(o.ranks, o.replications, o.cancel);
  const unsigned workers = worker_count(tasks.local_count(), o.threads);
  std::vector<StreamedRun> per_worker(workers);
  for (auto& w : per_worker) {
    w.scenarios.resize(k);
    w.differences.resize(k > 0 ? k - 1 : 0);
  }
  std::exception_ptr failure;
  try {
    const bool finished = for_each_replication_in_worker(
        tasks.local_count(), o.threads, o.progress, o.cancel,
        [&](std::size_t i, unsigned worker) {
          const std::size_t r = tasks.task(i);
          StreamedRun& into = per_worker[worker];
          ReplicationResult base;
          for (std::size_t s = 0; s < k; ++s) {
            const model::Scenario& sc = *scenarios[s];
            engine::Engine engine(sc, o.seed, r);
            MetricsCollector metrics(sc, o.pipeline_units);
            engine.add_observer(metrics);
            CancelCheck check(o.cancel);
            engine.add_observer(check);
            engine.run_until(o.until ? o.until : sc.calendar.end);
            if (o.until && o.until < sc.calendar.end)
              metrics.on_finish(engine.now(), engine.world());
            into.scenarios[s].add(r, metrics.result());
            if (s == 0)
              base = std::move(metrics.result());
            else
              into.differences[s - 1].add_difference(r, base, metrics.result());
          }
        },
        tasks.source());
    if (!finished) throw RunCancelled{};
  } catch (...) {
    failure = std::current_exception();
  }
  tasks.close();  // every process stops asking before they compare notes
  settle_ranks(o.ranks, failure);
  StreamedRun out = std::move(per_worker.front());
  for (std::size_t w = 1; w < workers; ++w) {
    for (std::size_t s = 0; s < k; ++s) out.scenarios[s].merge(per_worker[w].scenarios[s]);
    for (std::size_t s = 0; s + 1 < k; ++s) out.differences[s].merge(per_worker[w].differences[s]);
  }
  for (auto* list : {&out.scenarios, &out.differences})
    for (auto& a : *list) a.settle();  // read (or saved) next: no copy of each cell
  if (!o.ranks.distributed() || !o.ranks.gather) return out;
  // Every rank's accumulators to rank 0, merged there (the merge does not depend on order).
  kernel::ByteWriter w;
  for (const auto& a : out.scenarios) a.save(w);
  for (const auto& a : out.differences) a.save(w);
  const std::vector<std::string> all = o.ranks.gather(w.take());
  for (std::size_t from = 1; from < all.size(); ++from) {
    kernel::ByteReader r(all[from]);
    for (auto* list : {&out.scenarios, &out.differences})
      for (auto& a : *list) {
        AggregateAccumulator part;
        part.load(r);
        a.merge(part);
      }
  }
  return out;
}

}  // namespace cadresim::analysis
