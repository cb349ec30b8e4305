// One replication of a scenario file on one thread, timed apart from loading: the cost per
// organisation size of bench/scaling.sh (docs/performance.md § Cost against organisation size).
//   replicate_once SCENARIO.json [REPLICATIONS]
// Prints one line: posts, load CPU seconds, CPU seconds per replication (with the metrics
// observer, as `run` does), kernel events, peak RSS in MB, and, at the end of the last
// replication, the cadres still active and the cadres created (the records the month pass
// visits, and the length of the per-cadre arrays: docs/performance.md § "3 December
// (twenty-fifth session)"). The count is taken off the timed CPU seconds.
#include <sys/resource.h>  // getrusage: peak RSS

#include <cstdio>     // std::printf
#include <ctime>      // std::clock
#include <exception>  // std::exception
#include <string>     // std::stoul

#include "analysis/metrics.hpp"
#include "sim/engine/engine.hpp"
#include "sim/kernel/memory.hpp"  // keep_freed_memory_for_reuse, as the CLI does
#include "sim/scenario/loader.hpp"

int main(int argc, char** argv) {
  cadresim::kernel::keep_freed_memory_for_reuse();
  if (argc < 2) {
    std::fprintf(stderr, "usage: replicate_once SCENARIO.json [REPLICATIONS]\n");
    return 2;
  }
  try {
    const unsigned long reps = argc > 2 ? std::stoul(argv[2]) : 1;
    const std::clock_t t0 = std::clock();
    const auto loaded = cadresim::scenario::load_scenario_file(argv[1]);
    const std::clock_t t1 = std::clock();
    std::uint64_t events = 0;
    std::size_t active = 0, created = 0;
    std::clock_t counting = 0;  // CPU time of the count below, taken off the replications'
    for (unsigned long r = 0; r < reps; ++r) {
      cadresim::engine::Engine engine(loaded.scenario, 1, r);
      cadresim::analysis::MetricsCollector metrics(loaded.scenario);
      engine.add_observer(metrics);
      engine.run();
      events += engine.events_handled();
      if (r + 1 == reps) {
        const std::clock_t c0 = std::clock();
        const auto& cadres = engine.world().cadres;
        created = cadres.size();
        active = 0;
        for (const auto& c : cadres) active += c.status == cadresim::model::CadreStatus::kActive;
        counting = std::clock() - c0;
      }
    }
    const std::clock_t t2 = std::clock() - counting;
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf(
        "posts=%zu load_s=%.3f rep_s=%.4f events=%llu peak_mb=%.0f active_cadres=%zu "
        "cadres=%zu\n",
        loaded.scenario.organisation.posts.size(), static_cast<double>(t1 - t0) / CLOCKS_PER_SEC,
        static_cast<double>(t2 - t1) / CLOCKS_PER_SEC / static_cast<double>(reps),
        static_cast<unsigned long long>(events / reps), static_cast<double>(ru.ru_maxrss) / 1024.0,
        active, created);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "replicate_once: %s\n", e.what());
    return 1;
  }
  return 0;
}
