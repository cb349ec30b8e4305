#pragma once
/// @file Size limits of a scenario and of a run, checked before any work starts (the loader
/// refuses a scenario over them with exit code 3; the command line refuses options over them
/// with exit code 2). They keep memory and time bounded on an ordinary machine; each is listed
/// with its reason in docs/scenarios.md § Limits and docs/cli.md.

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint64_t

namespace cadresim::scenario {

/// Units in the organisation (explicit and generated). Viet Nam has 34 provinces and 3,321
/// commune-level units; 50,000 leaves room for agencies and other countries.
inline constexpr std::size_t kMaxUnits = 50'000;
/// Posts (each title times its posts per unit, in every unit where the title exists). Each post
/// holds a cadre in every replication.
inline constexpr std::size_t kMaxPosts = 500'000;
/// Cadres at the start: one per post, plus named cadres (roster) and pool members.
inline constexpr std::size_t kMaxInitialCadres = 1'000'000;
/// Years between the start and the end date.
inline constexpr int kMaxHorizonYears = 100;
/// Bytes of one scenario or Markov JSON file.
inline constexpr std::size_t kMaxJsonFileBytes = 16 * 1024 * 1024;
/// Bytes of one roster CSV file.
inline constexpr std::size_t kMaxCsvFileBytes = 64 * 1024 * 1024;
/// Replications of one run (`-n`); aggregated as they finish (analysis/aggregation.hpp).
inline constexpr std::size_t kMaxReplications = 100'000;
/// Replications times months of the horizon, for the runs that keep every replication's
/// series until the end (run --save-state and --from-state, markov --from-scenario): bounds the
/// memory they take (measured for the baseline: 166 kB per replication of 126 months, about 1.3 kB
/// per replication-month, so at most about 1.3 GB; the baseline allows 7,936 replications).
inline constexpr std::uint64_t kMaxReplicationMonths = 1'000'000;
/// Points of a sweep's or an optimisation's design.
inline constexpr std::size_t kMaxDesignPoints = 100'000;
/// Values a sweep or an optimisation keeps until the end: design points × metrics × replications
/// (one double each, held twice while the processes' parts are gathered: at most 400 MB).
inline constexpr std::uint64_t kMaxSweepValues = 25'000'000;
/// Worker threads (`--threads`).
inline constexpr unsigned kMaxThreads = 1024;

}  // namespace cadresim::scenario
