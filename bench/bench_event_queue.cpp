/// @file Hold-model benchmark of the future-event set (the classic test of Vaucher & Duval,
/// also used by ns-3's scheduler benchmark): pre-fill N pending events, then each iteration
/// pops the next event and pushes one at (popped day + random increment). One iteration is one
/// "hold" (a pop and a push); items/s is holds per second.
///
/// Increments are whole days drawn from the distribution named in the benchmark:
/// - `Uniform730`: uniform on 1..730 days (mean 365.5) — the spacing of our annual and
///   two-yearly processes (plans, reviews, rotations);
/// - `Exp365`: exponential with mean 365 days rounded up to a whole day (>= 1) — attrition and
///   retirement-like waiting times, with a long tail.
/// They are precomputed once into a 64k table (splitmix64), so drawing costs one sequential
/// load inside the timed loop, the same for both queues.
///
/// Both queues are timed in the same binary: cadresim::kernel::EventQueue, and
/// std::priority_queue<Event, std::vector<Event>, comparator by (day, priority, seq)>.
/// Before timing, N holds are run untimed so the pending set reaches its steady state.
/// Run: bench_event_queue --benchmark_repetitions=3 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <algorithm>  // std::max
#include <cmath>      // std::log1p, std::ceil
#include <cstdint>    // fixed-width integers
#include <queue>      // std::priority_queue
#include <vector>     // std::vector

#include "sim/kernel/event_queue.hpp"  // EventQueue, Event
#include "sim/kernel/simulation.hpp"   // Simulation (the full loop, for comparison)

namespace {

using cadresim::kernel::Day;
using cadresim::kernel::Event;
using cadresim::kernel::EventQueue;

constexpr std::size_t kTableSize = std::size_t{1} << 16;
constexpr std::size_t kTableMask = kTableSize - 1;

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/// Uniform double in [0, 1) from the top 53 bits.
double unit(std::uint64_t& state) {
  return static_cast<double>(splitmix64(state) >> 11) * 0x1p-53;
}

enum class Increment { kUniform730, kExp365 };

std::vector<Day> make_increments(Increment kind) {
  std::uint64_t state = 20240101;
  std::vector<Day> table(kTableSize);
  for (auto& d : table) {
    if (kind == Increment::kUniform730) {
      d = 1 + static_cast<Day>(unit(state) * 730.0);
    } else {
      const double x = -365.0 * std::log1p(-unit(state));  // inverse transform
      d = std::max<Day>(1, static_cast<Day>(std::ceil(x)));
    }
  }
  return table;
}

const std::vector<Day>& increments(Increment kind) {
  static const std::vector<Day> uniform = make_increments(Increment::kUniform730);
  static const std::vector<Day> exponential = make_increments(Increment::kExp365);
  return kind == Increment::kUniform730 ? uniform : exponential;
}

/// std::priority_queue is a max-heap: "less" means "runs later".
struct RunsLater {
  bool operator()(const Event& a, const Event& b) const {
    if (a.day != b.day) return a.day > b.day;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.seq > b.seq;
  }
};

/// The reference: a binary heap with the same ordering and the same seq assignment.
class StdQueue {
 public:
  void push(Event e) {
    e.seq = next_seq_++;
    heap_.push(e);
  }
  Event pop() {
    const Event e = heap_.top();
    heap_.pop();
    return e;
  }

 private:
  std::priority_queue<Event, std::vector<Event>, RunsLater> heap_;
  std::uint64_t next_seq_ = 0;
};

template <class Queue, Increment kind>
void BM_Hold(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::vector<Day>& inc = increments(kind);
  Queue queue;
  std::size_t k = 0;
  for (std::size_t i = 0; i < n; ++i) {
    Event e;
    e.day = inc[k++ & kTableMask];
    e.kind = static_cast<std::uint16_t>(i & 7);
    e.subject = static_cast<std::uint32_t>(i);
    queue.push(e);
  }
  for (std::size_t i = 0; i < n; ++i) {  // untimed warm-up to the steady state
    Event e = queue.pop();
    e.day += inc[k++ & kTableMask];
    queue.push(e);
  }
  for (auto _ : state) {
    Event e = queue.pop();
    e.day += inc[k++ & kTableMask];
    queue.push(e);
  }
  benchmark::DoNotOptimize(queue);
  state.SetItemsProcessed(state.iterations());
  state.counters["pending"] = static_cast<double>(n);
}

/// The same hold model through Simulation::run_until: each handled event reschedules its
/// subject, so this adds the loop's next_day() check, the cancellation-stamp check and the
/// handler call to the queue's pop + push. Runs in batches of kBatch holds ended by stop().
template <Increment kind>
void BM_HoldSimulation(benchmark::State& state) {
  constexpr std::int64_t kBatch = 4096;
  struct Rescheduler {
    cadresim::kernel::Simulation* sim;
    const std::vector<Day>* inc;
    std::size_t k = 0;
    std::int64_t left = 0;
    void handle(const Event& e) {
      sim->schedule(e.day + (*inc)[k++ & kTableMask], e.kind, e.subject);
      if (--left == 0) sim->stop();
    }
  };
  const auto n = static_cast<std::size_t>(state.range(0));
  cadresim::kernel::Simulation sim(0);
  sim.reserve_subjects(n);
  Rescheduler h{&sim, &increments(kind)};
  for (std::size_t i = 0; i < n; ++i)
    sim.schedule((*h.inc)[h.k++ & kTableMask], 0, static_cast<cadresim::kernel::Subject>(i));
  constexpr Day kForever = 2'000'000'000;
  h.left = static_cast<std::int64_t>(n);  // untimed warm-up
  sim.run_until(kForever, h);
  while (state.KeepRunningBatch(kBatch)) {
    h.left = kBatch;
    sim.run_until(kForever, h);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["pending"] = static_cast<double>(n);
}

void Sizes(benchmark::internal::Benchmark* b) {
  for (std::int64_t n : {1'000, 10'000, 100'000, 1'000'000}) b->Arg(n);
}

BENCHMARK(BM_Hold<EventQueue, Increment::kUniform730>)
    ->Name("Hold/Uniform730/EventQueue")
    ->Apply(Sizes);
BENCHMARK(BM_Hold<StdQueue, Increment::kUniform730>)
    ->Name("Hold/Uniform730/std::priority_queue")
    ->Apply(Sizes);
BENCHMARK(BM_HoldSimulation<Increment::kUniform730>)
    ->Name("Hold/Uniform730/Simulation")
    ->Apply(Sizes);
BENCHMARK(BM_Hold<EventQueue, Increment::kExp365>)->Name("Hold/Exp365/EventQueue")->Apply(Sizes);
BENCHMARK(BM_Hold<StdQueue, Increment::kExp365>)
    ->Name("Hold/Exp365/std::priority_queue")
    ->Apply(Sizes);

}  // namespace

BENCHMARK_MAIN();
