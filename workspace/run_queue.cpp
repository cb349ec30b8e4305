#include "workspace/run_queue.hpp"

#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::find_if

#include "workspace/request.hpp"  // RequestError

namespace cadresim::workspace {

const char* state_name(RunState s) {
  switch (s) {
    case RunState::kQueued:
      return "queued";
    case RunState::kRunning:
      return "running";
    case RunState::kDone:
      return "done";
    case RunState::kFailed:
      return "failed";
    case RunState::kCancelled:
      return "cancelled";
  }
  return "unknown";
}

analysis::Summary quick_cost_estimate(const model::Scenario& scenario, std::uint64_t seed,
                                      std::size_t replications) {
  analysis::RunOptions ro;
  ro.seed = seed;
  ro.replications = replications;
  ro.threads = 1;
  return cost_million_vnd(analysis::aggregate(analysis::run_replications(scenario, ro)));
}

struct RunQueue::Run : analysis::ProgressSink {
  std::string id;
  RunSpec spec;
  RunState state = RunState::kQueued;
  std::atomic<bool> cancel{false};
  std::atomic<std::size_t> done_before{0};  ///< replications of scenarios already finished
  std::atomic<std::size_t> done{0};
  std::size_t total = 0;
  std::string error;
  std::shared_ptr<const std::vector<ScenarioOutcome>> outcomes;
  std::size_t key_posts = 0;
  void update(std::size_t d, std::size_t /*total*/) override { done = done_before + d; }
};

RunQueue::RunQueue(std::size_t max_queued, std::size_t max_kept, unsigned threads)
    : max_queued_(max_queued),
      max_kept_(max_kept),
      threads_(threads),
      worker_([this] { work(); }) {}

RunQueue::~RunQueue() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    for (auto& r : runs_) r->cancel = true;
  }
  changed_.notify_all();
  worker_.join();
}

std::string RunQueue::submit(RunSpec spec) {
  auto run = std::make_shared<Run>();
  run->spec = std::move(spec);
  run->total = run->spec.replications * run->spec.scenarios.size();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::size_t active = 0;
    for (const auto& r : runs_)
      active += r->state == RunState::kQueued || r->state == RunState::kRunning;
    if (active >= max_queued_)
      throw RequestError(429, "",
                         fmt::format("{} runs are already waiting or running; wait for one to "
                                     "finish or cancel one",
                                     active));
    run->id = fmt::format("run-{}", next_id_++);
    runs_.push_back(run);
    // Forget the oldest finished runs beyond the limit.
    std::size_t finished = 0;
    for (const auto& r : runs_)
      finished += r->state != RunState::kQueued && r->state != RunState::kRunning;
    for (auto it = runs_.begin(); finished > max_kept_ && it != runs_.end();) {
      if ((*it)->state != RunState::kQueued && (*it)->state != RunState::kRunning) {
        it = runs_.erase(it);
        --finished;
      } else {
        ++it;
      }
    }
  }
  changed_.notify_all();
  return run->id;
}

std::optional<RunView> RunQueue::view(const std::string& id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& r : runs_)
    if (r->id == id)
      return RunView{r->id,    r->state,    r->done.load(), r->total,
                     r->error, r->outcomes, r->key_posts};
  return std::nullopt;
}

bool RunQueue::cancel(const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& r : runs_)
    if (r->id == id) {
      r->cancel = true;
      if (r->state == RunState::kQueued) r->state = RunState::kCancelled;
      changed_.notify_all();
      return true;
    }
  return false;
}

void RunQueue::wait(const std::string& id) const {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] {
    for (const auto& r : runs_)
      if (r->id == id) return r->state != RunState::kQueued && r->state != RunState::kRunning;
    return true;
  });
}

void RunQueue::work() {
  for (;;) {
    std::shared_ptr<Run> run;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] {
        if (stopping_) return true;
        for (const auto& r : runs_)
          if (r->state == RunState::kQueued) return true;
        return false;
      });
      if (stopping_) return;
      for (const auto& r : runs_)
        if (r->state == RunState::kQueued) {
          run = r;
          break;
        }
      run->state = RunState::kRunning;
    }
    execute(*run);
    changed_.notify_all();
  }
}

void RunQueue::execute(Run& run) {
  RunState final_state = RunState::kDone;
  std::string error;
  auto outcomes = std::make_shared<std::vector<ScenarioOutcome>>();
  try {
    std::vector<analysis::ReplicationResult> base;
    for (std::size_t i = 0; i < run.spec.scenarios.size(); ++i) {
      analysis::RunOptions ro;
      ro.seed = run.spec.seed;
      ro.replications = run.spec.replications;
      ro.threads = threads_;
      ro.progress = &run;
      ro.cancel = &run.cancel;
      run.done_before = i * run.spec.replications;
      auto reps = analysis::run_replications(run.spec.scenarios[i]->scenario, ro);
      ScenarioOutcome o;
      o.label = run.spec.labels.at(i);
      o.values = analysis::aggregate(reps);
      if (i == 0) {
        base = std::move(reps);
      } else {
        o.difference = analysis::paired_difference(base, reps);
        o.has_difference = true;
      }
      outcomes->push_back(std::move(o));
    }
  } catch (const analysis::RunCancelled&) {
    final_state = RunState::kCancelled;
  } catch (const std::exception& e) {
    final_state = RunState::kFailed;
    error = e.what();
  }
  const auto& org = run.spec.scenarios.front()->scenario.organisation;
  std::size_t keys = 0;
  for (model::PostId p = 0; p < org.posts.size(); ++p) keys += org.title_of(p).key;
  std::lock_guard<std::mutex> lock(mutex_);
  run.state = final_state;
  run.error = error;
  run.key_posts = keys;
  if (final_state == RunState::kDone) run.outcomes = std::move(outcomes);
}

}  // namespace cadresim::workspace
