/// @file How fast this machine is right now, independent of cadresim's code: a gauge to read
/// beside every timing (bench/targets.sh runs it before and after its measurements). The build
/// machine is a shared 2-core VM whose speed moves between spells by up to a factor of two with
/// nothing changed in the code (docs/performance.md § "Where issue 16's targets stand"); a
/// timing without the gauge cannot say whether the code or the spell moved.
///
/// - `GaugeCompute`: 1,024 Philox uniforms through RandomStream (integer multiplies, all in
///   registers): the speed of the core itself. items/s = draws per second.
/// - `GaugeChase/<KiB>`: a chase through one random cycle of pointers spread over a buffer of
///   that size, one dependent load after another, so each load waits for the one before: the
///   latency of the level of the memory hierarchy the buffer fits in (256 KiB: the L2; 4 and
///   16 MiB: the L3, 32 MiB shared with the machine's other tenants, so how much of it is ours
///   varies; 256 MiB: memory). items/s = loads per second; ns per load = 1e9 / items/s.
///   cadresim's cost per post grows with the organisation where its records leave the L3
///   (docs/performance.md § "Cost against organisation size"), so the ratio of the memory
///   latency to the compute speed is what moves the log-log slope between spells.
/// Run: bench_machine --benchmark_repetitions=3 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint64_t
#include <numeric>  // std::iota
#include <utility>  // std::swap
#include <vector>   // std::vector

#include "sim/kernel/random.hpp"  // RandomKey, RandomStream

namespace {

using cadresim::kernel::RandomKey;
using cadresim::kernel::RandomStream;

constexpr std::uint64_t kSeed = 20261201;

void GaugeCompute(benchmark::State& state) {
  RandomStream s(RandomKey(kSeed, 0), 1, 0);
  double sum = 0;
  for (auto _ : state)
    for (int i = 0; i < 1024; ++i) sum += s.uniform();
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations() * 1024);
}
BENCHMARK(GaugeCompute);

// One slot per cache line, so every load of the chase touches a new line.
struct alignas(64) Slot {
  std::size_t next;
};

void GaugeChase(benchmark::State& state) {
  const std::size_t slots = static_cast<std::size_t>(state.range(0)) * 1024 / sizeof(Slot);
  // Sattolo's shuffle: a random permutation that is one cycle through every slot, so the chase
  // visits the whole buffer before it repeats and the hardware prefetchers cannot guess the next.
  std::vector<std::size_t> order(slots);
  std::iota(order.begin(), order.end(), std::size_t{0});
  RandomStream draws(RandomKey(kSeed, 1), 2, 0);
  for (std::size_t i = slots - 1; i > 0; --i) {
    const auto j = static_cast<std::size_t>(draws.uniform() * static_cast<double>(i));  // < i
    std::swap(order[i], order[j]);
  }
  std::vector<Slot> buffer(slots);
  for (std::size_t i = 0; i < slots; ++i) buffer[i].next = order[i];
  constexpr int kLoads = 4096;
  std::size_t at = 0;
  for (std::size_t i = 0; i < slots; ++i) at = buffer[at].next;  // warm the caches and the TLB
  for (auto _ : state) {
    for (int i = 0; i < kLoads; ++i) at = buffer[at].next;
    benchmark::DoNotOptimize(at);
  }
  state.SetItemsProcessed(state.iterations() * kLoads);
}
BENCHMARK(GaugeChase)->Arg(256)->Arg(4 * 1024)->Arg(16 * 1024)->Arg(256 * 1024);

}  // namespace

BENCHMARK_MAIN();
