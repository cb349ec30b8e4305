#pragma once
/// @file Snapshots ("what-if from a date", docs/architecture.md § Saved state): the whole state
/// of every replication of a run at a date, in a versioned, checksummed binary file, and the
/// runs that write one (run --until D --save-state F) and continue from one (run --from-state F
/// [SCENARIO]). A run continued with the same scenario gives byte for byte the outputs of the
/// uninterrupted run; a variant (same organisation, same dated calendar) reads its parameters
/// from the snapshot's date on, with the same random draws.

#include <cstdint>      // std::uint32_t, std::uint64_t
#include <filesystem>   // std::filesystem::path
#include <stdexcept>    // std::runtime_error
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <nlohmann/json.hpp>  // the resolved scenario, hashed into the header

#include "analysis/metrics.hpp"  // ReplicationResult
#include "analysis/runner.hpp"   // RunOptions
#include "sim/model/scenario.hpp"

namespace cadresim::analysis {

/// Version of the file format. Raise it whenever what is saved changes (a field of the world,
/// the engine, the kernel or the metrics; the static_asserts of sim/model/world_io.cpp catch
/// the world's); a file of another version is refused, never guessed at.
inline constexpr std::uint32_t kSnapshotFormat = 1;

/// A snapshot that cannot be used: unreadable, corrupted, truncated, of another format version,
/// or not continuable with the scenario given. The message names the file and the problem.
class SnapshotError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What the header says: enough to check a file and a scenario before reading the body.
struct SnapshotHeader {
  std::uint32_t format = kSnapshotFormat;
  std::string cadresim_version;  ///< version that wrote it (informative)
  std::string scenario_name;
  std::uint64_t scenario_hash = 0;  ///< FNV-1a of the resolved scenario JSON (compact dump)
  std::uint64_t seed = 0;
  std::uint64_t replications = 0;
  kernel::Day date = 0;     ///< the state is at the end of this day
  bool with_names = false;  ///< the saved event log has the name column filled
  /// What a continuing scenario must share, as (what, value) in a fixed order: the period, the
  /// dated calendar whose events are already in the queue, and the organisation of every epoch.
  std::vector<std::pair<std::string, std::string>> facts;
  std::vector<std::string> post_labels;  ///< the posts, to say which one differs
};

/// A whole snapshot in memory.
struct Snapshot {
  SnapshotHeader header;
  std::vector<std::string> replications;  ///< per replication: engine state, then metrics state
  std::string event_log;                  ///< event-log CSV of replication 0 up to the date
};

/// FNV-1a 64 of the compact dump of a resolved scenario.
std::uint64_t scenario_hash(const nlohmann::json& resolved);
/// The facts of `scenario` that a snapshot records and a continuing scenario must share.
std::vector<std::pair<std::string, std::string>> continuation_facts(const model::Scenario& s);

/// Serialises a snapshot: magic, format version, lengths, header, body, checksum.
std::string encode_snapshot(const Snapshot& snapshot);
/// Parses and checks bytes written by encode_snapshot; `file` names them in messages. Throws
/// SnapshotError (wrong magic, other version, truncated, checksum mismatch, malformed).
Snapshot decode_snapshot(std::string_view bytes, const std::string& file);
/// Reads and decodes a snapshot file. Throws SnapshotError.
Snapshot read_snapshot(const std::filesystem::path& file);
/// Writes a snapshot atomically (temporary file, then rename), owner-only (it holds the whole
/// population, names included). Throws std::runtime_error.
void write_snapshot(const std::filesystem::path& file, const Snapshot& snapshot);

/// Empty when `scenario` can continue the snapshot read from `file`, else a message naming the
/// file, the scenario's source and the first thing that differs.
std::string continuation_problem(const SnapshotHeader& header, const model::Scenario& scenario,
                                 const std::string& file, const std::string& source);

/// The outcome of a run that saves its state.
struct SavedRun {
  std::vector<ReplicationResult> results;  ///< as run --until: the period up to the date
  Snapshot snapshot;
  std::string event_log;  ///< event-log CSV of replication 0 up to the date (for --events)
};

/// Runs options.replications replications to options.until (before the scenario's end) and
/// saves each one's state there, before the results are closed. Throws RunCancelled.
SavedRun run_and_save(const model::Scenario& scenario, const nlohmann::json& resolved,
                      const RunOptions& options, bool with_names);

/// The outcome of a continued run.
struct ContinuedRun {
  std::vector<ReplicationResult> results;  ///< the whole period, from the scenario's start
  std::string event_log;                   ///< replication 0's log from the start, if asked
};

/// Continues every replication of `snapshot` under `scenario` to options.until (0: the end);
/// the caller checks continuation_problem first (this function does not). options.seed and
/// options.replications are ignored (the snapshot's are used). With `event_log`, replication
/// 0's log is continued too. Throws SnapshotError (also for a state that does not fit the
/// scenario), RunCancelled.
ContinuedRun continue_from(const model::Scenario& scenario, const Snapshot& snapshot,
                           const std::string& file, const RunOptions& options, bool event_log);

}  // namespace cadresim::analysis
