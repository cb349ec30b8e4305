#pragma once
/// @file MPI (docs/architecture.md § Several processes): when cadresim is started by `mpirun`
/// (and built with CADRESIM_MPI), run, compare, sweep and optimise share their replications
/// among the ranks; rank 0 alone prints and writes. Built without MPI, or started without
/// mpirun, there is one process and nothing here calls MPI.

#include <string>  // std::string

#include "analysis/runner.hpp"  // analysis::Ranks

namespace cadresim::cli {

/// Starts MPI when the process was started by an MPI launcher (and the build has MPI), and
/// finalises it when destroyed. On ranks other than 0 standard output and error go to
/// /dev/null: rank 0 reports for all.
class MpiSession {
 public:
  MpiSession(int& argc, char**& argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
};

/// The processes of this run (one when MPI is not in use). Under MPI, the test hook
/// CADRESIM_TEST_FAIL_RANK=<rank> makes that rank report a failure at its first exchange
/// (tests/cli/mpi_test.sh).
const analysis::Ranks& process_ranks();

/// True when the build has MPI support.
bool built_with_mpi();

}  // namespace cadresim::cli
