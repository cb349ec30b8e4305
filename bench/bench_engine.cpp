// One replication of the built-in Điện Biên baseline, 2020-07-01 to 2030-12-31 (ten and a half
// years), with and without the metrics observer. See docs/performance.md.
#include <benchmark/benchmark.h>

#include "analysis/metrics.hpp"
#include "sim/engine/engine.hpp"
#include "sim/kernel/memory.hpp"  // keep_freed_memory_for_reuse
#include "sim/scenario/loader.hpp"

namespace {

const cadresim::scenario::LoadedScenario& baseline() {
  static const auto s = cadresim::scenario::load_builtin_baseline();
  return s;
}

void BM_BaselineReplication(benchmark::State& state) {
  const auto& sc = baseline().scenario;
  std::uint64_t rep = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    cadresim::engine::Engine engine(sc, 1, rep++);
    engine.run();
    events += engine.events_handled();
    benchmark::DoNotOptimize(engine.world().cadres.data());
  }
  state.counters["kernel_events"] =
      benchmark::Counter(static_cast<double>(events) / state.iterations());
}
BENCHMARK(BM_BaselineReplication)->Unit(benchmark::kMillisecond);

void BM_BaselineReplicationWithMetrics(benchmark::State& state) {
  const auto& sc = baseline().scenario;
  std::uint64_t rep = 0;
  for (auto _ : state) {
    cadresim::engine::Engine engine(sc, 1, rep++);
    cadresim::analysis::MetricsCollector metrics(sc);
    engine.add_observer(metrics);
    engine.run();
    benchmark::DoNotOptimize(metrics.result().months.data());
  }
}
BENCHMARK(BM_BaselineReplicationWithMetrics)->Unit(benchmark::kMillisecond);

void BM_LoadBaseline(benchmark::State& state) {
  for (auto _ : state) {
    auto s = cadresim::scenario::load_builtin_baseline();
    benchmark::DoNotOptimize(s.scenario.organisation.posts.data());
  }
}
BENCHMARK(BM_LoadBaseline)->Unit(benchmark::kMillisecond);

}  // namespace

// The CLI's allocator settings (sim/kernel/memory.hpp), so a replication here costs what one
// costs in `cadresim run`.
int main(int argc, char** argv) {
  cadresim::kernel::keep_freed_memory_for_reuse();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
