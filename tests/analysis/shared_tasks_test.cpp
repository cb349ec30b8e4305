// Tasks shared on demand among processes (analysis::TaskSource, Ranks::share_on_demand): two
// "processes" are two threads here, meeting through a shared object the way MPI ranks meet
// (cli/ranks.cpp provides the real thing; tests/cli/mpi_test.sh runs it under mpirun).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <barrier>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "analysis/experiment.hpp"
#include "analysis/runner.hpp"
#include "analysis_test_support.hpp"  // the small scenario
#include "sim/kernel/binary_io.hpp"

namespace cadresim::analysis {
namespace {

using analysistest::small;

constexpr std::size_t kProcesses = 2;

// What the two processes share: a place to meet, and the counter of the next task.
struct Meeting {
  std::barrier<> barrier{kProcesses};
  std::array<std::string, kProcesses> bytes;
  std::array<int, kProcesses> status{};
  std::array<std::string, kProcesses> message;
  std::array<std::vector<double>, kProcesses> values;
  std::atomic<std::size_t> next_task{0};
  std::array<std::atomic<std::size_t>, kProcesses> taken{};  // tasks each process was given
};

// Hands out the meeting's counter. Process 1 may start late: its first request waits until
// process 0 has been given `head_start` tasks (as a rank on a slower node would find), which a
// fixed share would never allow.
class CounterSource final : public TaskSource {
 public:
  CounterSource(Meeting& m, std::size_t process, std::size_t n, const std::atomic<bool>* cancel,
                std::size_t head_start)
      : m_(m), process_(process), n_(n), cancel_(cancel), head_start_(head_start) {}
  std::size_t next() override {
    if (process_ == 1)
      while (m_.taken[0].load() < head_start_ && m_.next_task.load() < n_)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (cancel_ && cancel_->load()) return n_;
    const std::size_t t = m_.next_task.fetch_add(1);
    if (t >= n_) return n_;
    ++m_.taken[process_];
    return t;
  }
  std::size_t handed_out() const override { return std::min(m_.next_task.load(), n_); }
  void close() override {}

 private:
  Meeting& m_;
  std::size_t process_, n_;
  const std::atomic<bool>* cancel_;
  std::size_t head_start_;
};

Ranks ranks_of(Meeting& m, std::size_t process, std::size_t head_start = 0) {
  Ranks r;
  r.rank = process;
  r.size = kProcesses;
  r.gather = [&m, process](const std::string& bytes) {
    m.bytes[process] = bytes;
    m.barrier.arrive_and_wait();
    std::vector<std::string> all;
    if (process == 0) all.assign(m.bytes.begin(), m.bytes.end());
    m.barrier.arrive_and_wait();
    return all;
  };
  r.sum_all = [&m, process](std::vector<double>& values) {
    m.values[process] = values;
    m.barrier.arrive_and_wait();
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = m.values[0][i] + m.values[1][i];
    m.barrier.arrive_and_wait();
  };
  r.agree = [&m, process](int status, std::string& message, std::size_t& rank_of) {
    m.status[process] = status;
    m.message[process] = message;
    m.barrier.arrive_and_wait();
    const int worst = std::max(m.status[0], m.status[1]);
    rank_of = m.status[0] == worst ? 0 : 1;
    message = m.message[rank_of];
    m.barrier.arrive_and_wait();
    return worst;
  };
  r.share_on_demand = [&m, process, head_start](std::size_t n, const std::atomic<bool>* cancel) {
    return std::unique_ptr<TaskSource>(
        std::make_unique<CounterSource>(m, process, n, cancel, head_start));
  };
  return r;
}

std::string bytes_of(const StreamedRun& run) {
  kernel::ByteWriter w;
  for (const auto& a : run.scenarios) a.save(w);
  for (const auto& a : run.differences) a.save(w);
  return w.take();
}

// The merged accumulators are the same bytes as one process's, although one process ran more
// replications than the other (process 1 starts after process 0 has taken 7 of the 12; a fixed
// share would give 6 and 6), and each was run exactly once: the counts add up.
TEST(SharedTasks, ReplicationsGoToWhoeverAsksAndTheMergedResultIsTheSame) {
  const std::vector<const model::Scenario*> scenarios{&small().scenario, &small().scenario};
  RunOptions one;
  one.seed = 3;
  one.replications = 12;
  one.threads = 1;
  const std::string expected = bytes_of(run_streamed(scenarios, one));

  Meeting m;
  std::array<StreamedRun, kProcesses> out;
  std::vector<std::thread> processes;
  for (std::size_t p = 0; p < kProcesses; ++p)
    processes.emplace_back([&, p] {
      RunOptions o = one;
      o.threads = 2;
      o.ranks = ranks_of(m, p, 7);
      out[p] = run_streamed(scenarios, o);
    });
  for (auto& t : processes) t.join();
  EXPECT_EQ(bytes_of(out[0]), expected);
  EXPECT_EQ(m.taken[0] + m.taken[1], 12u);
  EXPECT_GT(m.taken[0], 6u);
}

// run_points (sweep, optimise): every task's slots are filled once, whoever ran it.
TEST(SharedTasks, PointsOnDemandGiveTheValuesOfOneProcess) {
  auto variant = small().scenario;
  variant.support.top_up_vnd_per_month = 1500000;
  const std::vector<const model::Scenario*> scenarios{&small().scenario, &variant};
  const std::vector<MetricSpec> metrics = default_metrics();
  RunOptions one;
  one.seed = 8;
  one.replications = 5;
  one.threads = 1;
  const auto expected = run_points(scenarios, metrics, one);

  Meeting m;
  std::array<std::vector<std::vector<std::vector<double>>>, kProcesses> out;
  std::vector<std::thread> processes;
  for (std::size_t p = 0; p < kProcesses; ++p)
    processes.emplace_back([&, p] {
      RunOptions o = one;
      o.ranks = ranks_of(m, p);
      out[p] = run_points(scenarios, metrics, o);
    });
  for (auto& t : processes) t.join();
  EXPECT_EQ(analysistest::bits_of(out[0]), analysistest::bits_of(expected));
  EXPECT_EQ(analysistest::bits_of(out[1]), analysistest::bits_of(expected));
  EXPECT_EQ(m.taken[0] + m.taken[1], 10u);
}

// A cancelled process stops asking and the run ends as cancelled on both.
TEST(SharedTasks, ACancelledRunStopsEveryProcess) {
  const std::vector<const model::Scenario*> scenarios{&small().scenario};
  Meeting m;
  std::atomic<bool> cancel{true};
  std::array<bool, kProcesses> cancelled{};
  std::vector<std::thread> processes;
  for (std::size_t p = 0; p < kProcesses; ++p)
    processes.emplace_back([&, p] {
      RunOptions o;
      o.replications = 8;
      o.threads = 1;
      o.cancel = p == 0 ? &cancel : nullptr;
      o.ranks = ranks_of(m, p);
      try {
        run_streamed(scenarios, o);
      } catch (const RunCancelled&) {
        cancelled[p] = true;
      }
    });
  for (auto& t : processes) t.join();
  EXPECT_TRUE(cancelled[0]);
  EXPECT_TRUE(cancelled[1]);
}

}  // namespace
}  // namespace cadresim::analysis
