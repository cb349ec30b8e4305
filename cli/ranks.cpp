// MPI through its C API, only when CADRESIM_HAVE_MPI (see ranks.hpp).
#include "cli/ranks.hpp"

#include <cstdio>   // std::freopen, std::tmpfile
#include <cstdlib>  // std::getenv
#include <vector>   // std::vector

#ifdef CADRESIM_HAVE_MPI
#include <mpi.h>
#include <unistd.h>  // dup, dup2, lseek, read, write

#include <algorithm>  // std::clamp, std::min
#include <atomic>     // the next task on rank 0
#include <chrono>     // the wait of a rank that failed, the task server's polling
#include <memory>     // std::unique_ptr
#include <thread>     // std::this_thread::sleep_for, the task server
#endif

namespace cadresim::cli {

namespace {

analysis::Ranks g_ranks;

#ifdef CADRESIM_HAVE_MPI
bool g_started = false;
// A copy of MPI_COMM_WORLD on which only failing ranks meet at the end, so that meeting does not
// interfere with the commands' collective calls on MPI_COMM_WORLD.
MPI_Comm g_failure_comm = MPI_COMM_NULL;
// On ranks other than 0: the real standard error, and the temporary file that stands for it.
int g_real_stderr = -1;

// Launched by mpirun/srun (Open MPI, MPICH, PMIx): otherwise MPI is not started at all.
bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "PMI_RANK"})
    if (std::getenv(v)) return true;
  return false;
}

std::vector<std::string> gather(const std::string& bytes) {
  const int size = static_cast<int>(g_ranks.size);
  int length = static_cast<int>(bytes.size());
  std::vector<int> lengths(g_ranks.is_root() ? size : 0);
  MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<int> offsets(lengths.size(), 0);
  std::string all;
  if (g_ranks.is_root()) {
    for (int r = 1; r < size; ++r) offsets[r] = offsets[r - 1] + lengths[r - 1];
    all.resize(static_cast<std::size_t>(offsets.back() + lengths.back()));
  }
  MPI_Gatherv(bytes.data(), length, MPI_BYTE, all.data(), lengths.data(), offsets.data(), MPI_BYTE,
              0, MPI_COMM_WORLD);
  std::vector<std::string> out;
  for (std::size_t r = 0; r < lengths.size(); ++r)
    out.push_back(
        all.substr(static_cast<std::size_t>(offsets[r]), static_cast<std::size_t>(lengths[r])));
  return out;
}

void sum_all(std::vector<double>& values) {
  MPI_Allreduce(MPI_IN_PLACE, values.data(), static_cast<int>(values.size()), MPI_DOUBLE, MPI_SUM,
                MPI_COMM_WORLD);
}

int agree(int status, std::string& message, std::size_t& rank_of) {
  if (status == 0)
    if (const char* hook = std::getenv("CADRESIM_TEST_FAIL_RANK"))
      if (std::string(hook) == std::to_string(g_ranks.rank))
        status = 2, message = "failure requested by CADRESIM_TEST_FAIL_RANK";
  int worst = 0;
  MPI_Allreduce(&status, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  if (worst == 0) return 0;
  // The lowest rank with the worst status tells everyone its message.
  const int mine =
      status == worst ? static_cast<int>(g_ranks.rank) : static_cast<int>(g_ranks.size);
  int first = 0;
  MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  int length = first == static_cast<int>(g_ranks.rank) ? static_cast<int>(message.size()) : 0;
  MPI_Bcast(&length, 1, MPI_INT, first, MPI_COMM_WORLD);
  message.resize(static_cast<std::size_t>(length));
  MPI_Bcast(message.data(), length, MPI_CHAR, first, MPI_COMM_WORLD);
  rank_of = static_cast<std::size_t>(first);
  return worst;
}

// Tasks on demand (analysis::TaskSource). Rank 0 keeps the counter of the next task: its own
// workers take tasks from it one at a time, and a thread of its own answers the other ranks,
// which ask for a few tasks at a time on a copy of MPI_COMM_WORLD (so these messages never mix
// with the commands' collective calls). A rank asks again as it starts the last task it holds,
// and tells rank 0 when it has stopped asking; rank 0's close waits for every rank to have
// stopped.
MPI_Comm g_task_comm = MPI_COMM_NULL;
constexpr int kAskTag = 1, kGrantTag = 2, kStoppedTag = 3;

// How many tasks rank 0 grants at once: a share of what is left that shrinks as the end nears
// ("guided" scheduling), so the ranks ask rarely early on and finish together at the end. A
// quarter of an equal share keeps a rank that slows down from holding up the end by more than
// about a quarter of its share; at most 64 bounds that for long runs.
std::size_t grant_size(std::size_t left, std::size_t ranks) {
  return std::clamp<std::size_t>(left / (4 * ranks), 1, 64);
}

class RootTaskSource final : public analysis::TaskSource {
 public:
  RootTaskSource(std::size_t n, const std::atomic<bool>* cancel)
      : n_(n), cancel_(cancel), server_([this] { serve(); }) {}
  ~RootTaskSource() override { close(); }
  std::size_t next() override {
    if (cancel_ && cancel_->load()) return n_;
    const std::size_t t = next_.fetch_add(1);
    return t < n_ ? t : n_;
  }
  std::size_t handed_out() const override { return std::min(next_.load(), n_); }
  void close() override {
    if (server_.joinable()) server_.join();
  }

 private:
  // Answers the other ranks until each has said it stopped. Polls (MPI_Iprobe, then a sleep of
  // 2 ms) rather than blocking in MPI_Recv, which in Open MPI spins and would take this rank's
  // core from its own workers; the other ranks ask ahead (OtherTaskSource), so the delay is
  // hidden behind the task they are running.
  void serve() {
    std::size_t stopped = 0;
    const std::size_t others = g_ranks.size - 1;
    while (stopped < others) {
      int waiting = 0;
      MPI_Status status;
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, g_task_comm, &waiting, &status);
      if (!waiting) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        continue;
      }
      unsigned long long ignored = 0;
      MPI_Recv(&ignored, 1, MPI_UNSIGNED_LONG_LONG, status.MPI_SOURCE, status.MPI_TAG, g_task_comm,
               MPI_STATUS_IGNORE);
      if (status.MPI_TAG == kStoppedTag) {
        ++stopped;
        continue;
      }
      unsigned long long grant[2] = {n_, 0};  // first task, count (0: none left)
      if (!(cancel_ && cancel_->load())) {
        const std::size_t at = next_.load();
        const std::size_t count = at < n_ ? grant_size(n_ - at, g_ranks.size) : 0;
        const std::size_t first = count ? next_.fetch_add(count) : n_;
        if (first < n_) grant[0] = first, grant[1] = std::min(count, n_ - first);
      }
      MPI_Send(grant, 2, MPI_UNSIGNED_LONG_LONG, status.MPI_SOURCE, kGrantTag, g_task_comm);
    }
  }

  const std::size_t n_;
  const std::atomic<bool>* cancel_;
  std::atomic<std::size_t> next_{0};
  std::thread server_;  // last: started once the members above are ready
};

// A rank other than 0 asks for its next tasks as it starts the last one it holds, so the
// answer is there when it needs it: rank 0 polls, and the wait would otherwise idle this rank.
class OtherTaskSource final : public analysis::TaskSource {
 public:
  explicit OtherTaskSource(std::size_t n) : n_(n) {}
  ~OtherTaskSource() override { close(); }
  std::size_t next() override {
    if (next_ == end_ && !exhausted_) {
      if (!asking_) ask();
      receive();
    }
    if (next_ == end_) return n_;
    const std::size_t task = next_++;
    if (next_ == end_ && !exhausted_) ask();
    return task;
  }
  std::size_t handed_out() const override { return handed_out_; }
  void close() override {
    if (closed_) return;
    closed_ = true;
    if (asking_) receive();  // tasks granted after a cancel go undone (the run is cancelled)
    unsigned long long stopped = 0;
    MPI_Send(&stopped, 1, MPI_UNSIGNED_LONG_LONG, 0, kStoppedTag, g_task_comm);
  }

 private:
  void ask() {
    unsigned long long ask = 0;
    MPI_Send(&ask, 1, MPI_UNSIGNED_LONG_LONG, 0, kAskTag, g_task_comm);
    MPI_Irecv(grant_, 2, MPI_UNSIGNED_LONG_LONG, 0, kGrantTag, g_task_comm, &request_);
    asking_ = true;
  }
  void receive() {
    MPI_Wait(&request_, MPI_STATUS_IGNORE);
    asking_ = false;
    if (grant_[1] == 0) {
      exhausted_ = true;
      return;
    }
    next_ = static_cast<std::size_t>(grant_[0]);
    end_ = next_ + static_cast<std::size_t>(grant_[1]);
    handed_out_ += static_cast<std::size_t>(grant_[1]);
  }

  const std::size_t n_;
  std::size_t next_ = 0, end_ = 0, handed_out_ = 0;
  unsigned long long grant_[2] = {0, 0};  // first task, count (0: none left)
  MPI_Request request_ = MPI_REQUEST_NULL;
  bool asking_ = false, exhausted_ = false, closed_ = false;
};

std::unique_ptr<analysis::TaskSource> share_on_demand(std::size_t n,
                                                      const std::atomic<bool>* cancel) {
  if (g_ranks.is_root()) return std::make_unique<RootTaskSource>(n, cancel);
  return std::make_unique<OtherTaskSource>(n);
}
#endif

}  // namespace

MpiSession::MpiSession(int& argc, char**& argv) {
#ifdef CADRESIM_HAVE_MPI
  if (!launched_by_mpi()) return;
  int provided = 0;
  // Serialised: rank 0's thread that hands out tasks calls MPI while its other threads
  // simulate (and do not call MPI); a rank's worker threads ask for tasks one at a time.
  MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided);
  g_started = true;
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  g_ranks.rank = static_cast<std::size_t>(rank);
  g_ranks.size = static_cast<std::size_t>(size);
  if (size > 1) {
    g_ranks.gather = gather;
    g_ranks.sum_all = sum_all;
    g_ranks.agree = agree;
    // Without threads allowed to call MPI, each rank keeps a fixed share instead.
    if (provided >= MPI_THREAD_SERIALIZED) {
      MPI_Comm_dup(MPI_COMM_WORLD, &g_task_comm);
      g_ranks.share_on_demand = share_on_demand;
    }
  }
  MPI_Comm_dup(MPI_COMM_WORLD, &g_failure_comm);
  if (rank != 0) {
    if (!std::freopen("/dev/null", "w", stdout)) {
      // Nothing to do: the rank's output is simply not silenced.
    }
    // Standard error goes to a temporary file, shown only if this rank fails alone (finish).
    std::fflush(stderr);
    if (std::FILE* aside = std::tmpfile()) {
      g_real_stderr = dup(2);
      if (g_real_stderr < 0 || dup2(fileno(aside), 2) < 0) g_real_stderr = -1;
    }
  }
#else
  (void)argc, (void)argv;
#endif
}

namespace {
#ifdef CADRESIM_HAVE_MPI
// True when every rank reaches this point (each ending with a failure) within `seconds`.
bool every_rank_failed(double seconds) {
  MPI_Request request = MPI_REQUEST_NULL;
  MPI_Ibarrier(g_failure_comm, &request);
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  int done = 0;
  while (true) {
    MPI_Test(&request, &done, MPI_STATUS_IGNORE);
    if (done || std::chrono::steady_clock::now() >= until) return done != 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// The rank's standard error so far (kept aside on ranks other than 0), on the real one.
void show_kept_errors() {
  if (g_real_stderr < 0) return;
  std::fflush(stderr);
  if (lseek(2, 0, SEEK_SET) < 0) return;
  char buffer[4096];
  for (ssize_t n; (n = read(2, buffer, sizeof buffer)) > 0;)
    if (write(g_real_stderr, buffer, static_cast<std::size_t>(n)) != n) return;
  dup2(g_real_stderr, 2);
}
#endif
}  // namespace

void MpiSession::finish(int exit_code) {
#ifdef CADRESIM_HAVE_MPI
  if (!g_started || exit_code == 0 || !shares_work_ || g_ranks.size < 2) return;
  if (every_rank_failed(kAloneSeconds)) return;  // each reports as usual; Finalize ends them
  show_kept_errors();
  std::fprintf(stderr,
               "cadresim: MPI rank %zu of %zu failed while the other ranks went on; ending the run "
               "on every rank, nothing was written\n",
               g_ranks.rank, g_ranks.size);
  std::fflush(stderr);
  MPI_Abort(MPI_COMM_WORLD, exit_code);
#else
  (void)exit_code;
#endif
}

MpiSession::~MpiSession() {
#ifdef CADRESIM_HAVE_MPI
  if (g_started) MPI_Finalize();
#endif
}

const analysis::Ranks& process_ranks() {
  return g_ranks;
}

bool built_with_mpi() {
#ifdef CADRESIM_HAVE_MPI
  return true;
#else
  return false;
#endif
}

}  // namespace cadresim::cli
