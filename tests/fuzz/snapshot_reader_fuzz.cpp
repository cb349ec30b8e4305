// libFuzzer target: snapshots (analysis/snapshot.hpp). The input is read twice: as a whole
// snapshot file (signature, version, lengths, checksum, header and body parsing), and as edits
// to one real replication's state of the small test scenario (pairs of a position and a byte,
// applied behind the checksum) that is then restored and run to the end. Either must be refused
// with SnapshotError or run: never crash, hang, leak or throw anything else.
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t
#include <string>

#include "analysis/snapshot.hpp"
#include "sim/scenario/loader.hpp"

namespace {
struct Setup {
  cadresim::scenario::LoadedScenario loaded = cadresim::scenario::load_scenario_file(
      std::string(CADRESIM_SOURCE_DIR) + "/tests/data/engine-small.json");
  cadresim::analysis::Snapshot snapshot;
  Setup() {
    cadresim::analysis::RunOptions o;
    o.seed = 1;
    o.replications = 1;
    o.threads = 1;
    o.until = *cadresim::kernel::parse_iso_date("2026-09-17");
    snapshot =
        cadresim::analysis::run_and_save(loaded.scenario, loaded.resolved, o, false).snapshot;
  }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Setup setup;
  using cadresim::analysis::SnapshotError;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    (void)cadresim::analysis::decode_snapshot(bytes, "fuzz");
  } catch (const SnapshotError&) {
  }
  cadresim::analysis::Snapshot edited = setup.snapshot;
  std::string& state = edited.replications[0];
  for (std::size_t i = 0; i + 2 < size; i += 3) {
    const std::size_t at =
        (static_cast<std::size_t>(data[i]) << 8 | data[i + 1]) * 7 % state.size();
    state[at] = static_cast<char>(data[i + 2]);
  }
  cadresim::analysis::RunOptions o;
  o.threads = 1;
  try {
    (void)cadresim::analysis::continue_from(setup.loaded.scenario, edited, "fuzz", o, true);
  } catch (const SnapshotError&) {
  }
  return 0;
}
