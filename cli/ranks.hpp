#pragma once
/// @file MPI (docs/architecture.md § Several processes): when cadresim is started by `mpirun`
/// (and built with CADRESIM_MPI), run, compare, sweep and optimise share their replications
/// among the ranks; rank 0 alone prints and writes. Built without MPI, or started without
/// mpirun, there is one process and nothing here calls MPI.

#include <string>  // std::string

#include "analysis/runner.hpp"  // analysis::Ranks

namespace cadresim::cli {

/// Starts MPI when the process was started by an MPI launcher (and the build has MPI), and
/// finalises it when destroyed. On ranks other than 0 standard output is discarded and standard
/// error kept aside: rank 0 reports for all, unless a rank fails alone (below).
class MpiSession {
 public:
  MpiSession(int& argc, char**& argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  /// The command about to run shares its work among the ranks (run, compare, sweep, optimise):
  /// the ranks meet in collective calls until its end.
  void shares_work() { shares_work_ = true; }
  /// Called with the process's exit code before it returns. A rank that ends a shared command
  /// with a failure the other ranks did not see (its own input unreadable, say, before the ranks
  /// compare notes) would leave them waiting for it forever in their next collective call: it
  /// waits up to `kAloneSeconds` for every other rank to end the same way, and otherwise prints
  /// its reason (kept aside on ranks other than 0) and ends the job on every rank (MPI_Abort).
  void finish(int exit_code);
  static constexpr double kAloneSeconds = 10;

 private:
  bool shares_work_ = false;
};

/// The processes of this run (one when MPI is not in use). Under MPI, the test hook
/// CADRESIM_TEST_FAIL_RANK=<rank> makes that rank report a failure at its first exchange
/// (tests/cli/mpi_test.sh).
const analysis::Ranks& process_ranks();

/// True when the build has MPI support.
bool built_with_mpi();

}  // namespace cadresim::cli
