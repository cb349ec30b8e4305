/// @file Throughput of the counter-based random numbers (sim/kernel/random.hpp), single thread.
/// items/s is draws per second. Target: at least 100 million uniforms per second per core
/// through RandomStream (see docs/performance.md, "Kernel: random streams").
///
/// - `StreamUniform`: sequential draws through RandomStream (one Philox call per four draws).
/// - `KeyUniformSequential`: RandomKey::uniform at increasing indices (one Philox call per draw).
/// - `KeyUniformRandomAccess`: RandomKey::uniform at scattered (entity, index) pairs, the access
///   pattern of "this cadre's k-th draw" (one Philox call per draw).
/// - `StreamFill`: RandomStream::fill into a 4096-double buffer.
/// - `StreamNormal`, `StreamExponential`, `StreamLogistic`, `StreamTruncatedNormal`: a stream
///   uniform mapped by the sampler (inverse transform).
/// Each loop sums its draws into a value passed to benchmark::DoNotOptimize so nothing is elided.
/// Run: bench_random --benchmark_repetitions=3 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <cstdint>  // std::uint64_t
#include <vector>   // std::vector (fill buffer)

#include "sim/kernel/random.hpp"  // RandomKey, RandomStream, sample::*

namespace {

using cadresim::kernel::RandomKey;
using cadresim::kernel::RandomStream;
namespace sample = cadresim::kernel::sample;

constexpr std::uint64_t kSeed = 20240101;
constexpr std::uint64_t kPurpose = 7;

void StreamUniform(benchmark::State& state) {
  RandomStream s(RandomKey(kSeed, 0), kPurpose, 42);
  double sum = 0;
  for (auto _ : state) {
    for (int i = 0; i < 1024; ++i) sum += s.uniform();
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations() * 1024);
}
BENCHMARK(StreamUniform);

void StreamFill(benchmark::State& state) {
  RandomStream s(RandomKey(kSeed, 0), kPurpose, 42);
  std::vector<double> buf(4096);
  double sum = 0;
  for (auto _ : state) {
    s.fill(buf);
    sum += buf[4095];
    benchmark::ClobberMemory();
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(buf.size()));
}
BENCHMARK(StreamFill);

void KeyUniformSequential(benchmark::State& state) {
  const RandomKey key(kSeed, 0);
  std::uint64_t index = 0;
  double sum = 0;
  for (auto _ : state) {
    for (int i = 0; i < 1024; ++i) sum += key.uniform(kPurpose, 42, index++);
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations() * 1024);
}
BENCHMARK(KeyUniformSequential);

void KeyUniformRandomAccess(benchmark::State& state) {
  const RandomKey key(kSeed, 0);
  // A cheap LCG picks the (entity, index) pairs so the access pattern is scattered.
  std::uint64_t lcg = 1;
  double sum = 0;
  for (auto _ : state) {
    for (int i = 0; i < 1024; ++i) {
      lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
      sum += key.uniform(kPurpose, lcg >> 44, (lcg >> 20) & 0xff);
    }
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations() * 1024);
}
BENCHMARK(KeyUniformRandomAccess);

template <class Sampler>
void run_sampler(benchmark::State& state, Sampler f) {
  RandomStream s(RandomKey(kSeed, 0), kPurpose, 42);
  double sum = 0;
  for (auto _ : state) {
    for (int i = 0; i < 1024; ++i) sum += f(s.uniform());
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations() * 1024);
}

void StreamNormal(benchmark::State& state) {
  run_sampler(state, [](double u) { return sample::normal(u, 40.0, 8.0); });
}
BENCHMARK(StreamNormal);

void StreamExponential(benchmark::State& state) {
  run_sampler(state, [](double u) { return sample::exponential(u, 1.0 / 365.0); });
}
BENCHMARK(StreamExponential);

void StreamLogistic(benchmark::State& state) {
  run_sampler(state, [](double u) { return sample::logistic(u, 0.0, 1.0); });
}
BENCHMARK(StreamLogistic);

void StreamTruncatedNormal(benchmark::State& state) {
  run_sampler(state, [](double u) { return sample::truncated_normal(u, 0.5, 0.2, 0.0, 1.0); });
}
BENCHMARK(StreamTruncatedNormal);

}  // namespace

BENCHMARK_MAIN();
