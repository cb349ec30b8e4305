// MPI through its C API, only when CADRESIM_HAVE_MPI (see ranks.hpp).
#include "cli/ranks.hpp"

#include <cstdio>   // std::freopen
#include <cstdlib>  // std::getenv
#include <vector>   // std::vector

#ifdef CADRESIM_HAVE_MPI
#include <mpi.h>
#endif

namespace cadresim::cli {

namespace {

analysis::Ranks g_ranks;

#ifdef CADRESIM_HAVE_MPI
bool g_started = false;

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
#endif

}  // namespace

MpiSession::MpiSession(int& argc, char**& argv) {
#ifdef CADRESIM_HAVE_MPI
  if (!launched_by_mpi()) return;
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
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
  }
  if (rank != 0) {
    if (!std::freopen("/dev/null", "w", stdout) || !std::freopen("/dev/null", "w", stderr)) {
      // Nothing to do: the rank's output is simply not silenced.
    }
  }
#else
  (void)argc, (void)argv;
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
