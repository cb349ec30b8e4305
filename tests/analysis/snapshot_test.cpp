// Snapshots (analysis/snapshot.hpp): a run saved at a date and continued gives the
// uninterrupted run byte for byte; a variant continued from the same state shares the draws up
// to where its parameters matter; damaged, truncated, other-version and wrong-scenario
// snapshots are refused with a message naming the file and the problem.
#include <gtest/gtest.h>

#include <filesystem>  // temporary snapshot files
#include <random>      // std::mt19937_64: altered states
#include <string>
#include <vector>

#include "analysis/event_log_csv.hpp"
#include "analysis/report.hpp"
#include "analysis/runner.hpp"
#include "analysis/snapshot.hpp"
#include "analysis_test_support.hpp"  // paths in the source tree, the small scenario
#include "sim/engine/engine.hpp"
#include "sim/model/world_io.hpp"
#include "sim/scenario/loader.hpp"

namespace cadresim::analysis {
namespace {

using analysistest::src;

using analysistest::small;
const scenario::LoadedScenario& baseline() {
  static const auto s = scenario::load_scenario_file(src("scenarios/dien-bien/baseline.json"));
  return s;
}
const scenario::LoadedScenario& full_compensation() {
  static const auto s =
      scenario::load_scenario_file(src("scenarios/dien-bien/full-compensation.json"));
  return s;
}

kernel::Day day(const char* iso) {
  return *kernel::parse_iso_date(iso);
}

// Every output file a run writes, but report.html (made from report.json), with one provenance.
std::string outputs(const scenario::LoadedScenario& loaded,
                    const std::vector<ReplicationResult>& reps) {
  ScenarioResults res;
  res.name = loaded.scenario.name;
  res.source = loaded.source;
  res.resolved = loaded.resolved;
  res.scenario = &loaded.scenario;
  res.aggregate = aggregate(reps);
  const std::vector<ScenarioResults> all{std::move(res)};
  Provenance prov;
  prov.seed = 5;
  prov.replications = reps.size();
  prov.created = "2026-01-01T00:00:00Z";
  return format_summary(all, prov) + "\n----\n" + report_json(all, prov).dump(1) + "\n----\n" +
         series_csv(all);
}

struct Uninterrupted {
  std::vector<ReplicationResult> results;
  std::string event_log;
};

Uninterrupted uninterrupted(const scenario::LoadedScenario& loaded, std::size_t n) {
  RunOptions o;
  o.seed = 5;
  o.replications = n;
  o.threads = 2;
  Uninterrupted u;
  u.results = run_replications(loaded.scenario, o);
  engine::Engine engine(loaded.scenario, 5, 0);
  EventLogCsv log(loaded.scenario);
  engine.add_observer(log);
  engine.run();
  u.event_log = log.text();
  return u;
}

// Saves at `date`, writes and reads the file back, continues, and compares with `whole`.
void expect_round_trip(const scenario::LoadedScenario& loaded, const Uninterrupted& whole,
                       std::size_t n, const char* date, unsigned save_threads,
                       unsigned load_threads) {
  SCOPED_TRACE(date);
  RunOptions o;
  o.seed = 5;
  o.replications = n;
  o.threads = save_threads;
  o.until = day(date);
  const SavedRun saved = run_and_save(loaded.scenario, loaded.resolved, o, false);
  const auto file = std::filesystem::temp_directory_path() /
                    ("cadresim-snapshot-test-" + loaded.scenario.name + "-" + date + ".state");
  write_snapshot(file, saved.snapshot);
  const Snapshot back = read_snapshot(file);
  std::filesystem::remove(file);
  EXPECT_EQ(continuation_problem(back.header, loaded.scenario, "f", "s"), "");
  RunOptions c;
  c.threads = load_threads;
  const ContinuedRun cont = continue_from(loaded.scenario, back, "f", c, true);
  EXPECT_EQ(cont.event_log, whole.event_log);
  EXPECT_EQ(outputs(loaded, cont.results), outputs(loaded, whole.results));
  // The saved run itself reports the period up to the date, as run --until does.
  o.threads = 1;
  EXPECT_EQ(outputs(loaded, saved.results), outputs(loaded, run_replications(loaded.scenario, o)));
}

TEST(Snapshot, ContinuingTheSmallScenarioGivesTheUninterruptedRunByteForByte) {
  const Uninterrupted whole = uninterrupted(small(), 3);
  // Mid-month, a month end, a year end, a congress day (2025-07-01) and an election day.
  for (const char* date : {"2020-07-02", "2021-06-01", "2022-03-17", "2023-12-31", "2025-07-01",
                           "2026-06-01", "2030-12-30"})
    expect_round_trip(small(), whole, 3, date, 1, 2);
}

TEST(Snapshot, ContinuingTheBaselineGivesTheUninterruptedRunByteForByte) {
  const Uninterrupted whole = uninterrupted(baseline(), 2);
  // 2025-07-01: a congress and the reform's structural event; 2025-10-15: the provincial
  // congress; 2026-01-01 and a mid-month day after the 2026 state elections.
  for (const char* date : {"2025-07-01", "2025-10-15", "2026-01-01", "2026-04-20"})
    expect_round_trip(baseline(), whole, 2, date, 2, 1);
}

// Lines of a CSV event log dated on or before `date` (ISO dates sort as text).
std::vector<std::string> lines_until(const std::string& log, const std::string& date) {
  std::vector<std::string> out;
  for (std::size_t at = log.find('\n') + 1; at < log.size();) {
    const std::size_t end = log.find('\n', at);
    std::string line = log.substr(at, end - at);
    if (line.substr(0, 10) > date) break;
    out.push_back(std::move(line));
    at = end + 1;
  }
  return out;
}

TEST(Snapshot, AVariantFromASnapshotSharesTheDrawsUntilItsParametersMatter) {
  const auto& base = baseline();
  const auto& variant = full_compensation();
  RunOptions o;
  o.seed = 5;
  o.replications = 1;
  o.threads = 1;
  o.until = day("2026-02-10");
  const SavedRun saved = run_and_save(base.scenario, base.resolved, o, false);
  const Snapshot snap = decode_snapshot(encode_snapshot(saved.snapshot), "f");
  ASSERT_EQ(continuation_problem(snap.header, variant.scenario, "f", "v"), "");
  RunOptions c;
  const std::string a = continue_from(base.scenario, snap, "f", c, true).event_log;
  const std::string b = continue_from(variant.scenario, snap, "f", c, true).event_log;
  const std::string whole = uninterrupted(base, 1).event_log;
  EXPECT_EQ(a, whole);
  // Before the branch date the variant's log is the base run's.
  const auto before = lines_until(whole, "2026-02-10");
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(lines_until(b, "2026-02-10"), before);
  // After it, both share the same draws: the logs agree line for line up to the first event
  // whose value the variant's parameter (a top-up of the whole shortfall) changes: the same
  // rotation offer to the same cadre for the same post, with the shortfall the cadre weighs.
  ASSERT_NE(a, b);
  std::size_t first = 0;
  while (first < a.size() && first < b.size() && a[first] == b[first]) ++first;
  const std::size_t line_start = a.rfind('\n', first) + 1;
  const std::string line_a = a.substr(line_start, a.find('\n', line_start) - line_start);
  const std::string line_b = b.substr(line_start, b.find('\n', line_start) - line_start);
  EXPECT_GT(line_a.substr(0, 10), "2026-02-10") << line_a;
  const std::size_t value_a = line_a.rfind(','), value_b = line_b.rfind(',');
  EXPECT_EQ(line_a.substr(0, value_a), line_b.substr(0, value_b)) << line_a << "\n" << line_b;
  EXPECT_EQ(line_a.substr(11, 8), "offered,") << line_a;
  EXPECT_NE(line_a.substr(value_a), line_b.substr(value_b));
  // And there were shared events between the branch and that offer.
  EXPECT_LT(lines_until(a, "2026-02-10").size() + 100, lines_until(a, line_a.substr(0, 10)).size());
  // Not the uninterrupted variant run: the variant acted before the branch there too.
  EXPECT_NE(b, uninterrupted(variant, 1).event_log);
}

class SnapshotErrors : public ::testing::Test {
 protected:
  static std::string bytes() {
    RunOptions o;
    o.seed = 2;
    o.replications = 2;
    o.until = day("2023-05-20");
    return encode_snapshot(run_and_save(small().scenario, small().resolved, o, false).snapshot);
  }
  static std::string refusal(const std::string& data) {
    try {
      const Snapshot s = decode_snapshot(data, "my.state");
      return continuation_problem(s.header, small().scenario, "my.state", "small.json");
    } catch (const SnapshotError& e) {
      return e.what();
    }
  }
};

// rules::unplan_cadre stops its scan after a cadre's counted entries, so a state whose plan
// counts disagree with its plan entries (an edited state) is refused on load; the same world
// with its counts intact loads.
TEST(SnapshotWorldState, APlanCountThatDisagreesWithThePlanIsRefused) {
  engine::Engine engine(small().scenario, 3, 0);
  engine.advance(day("2027-06-10"));
  model::World world = engine.world();
  ASSERT_FALSE(world.plan.empty());
  const auto& org = small().scenario.organisation;
  auto reload = [&](const model::World& w) {
    kernel::ByteWriter out;
    model::save_world(out, w);
    kernel::ByteReader in(out.bytes());
    model::World loaded;
    model::load_world(in, loaded, org.posts.size(), org.units.size());
  };
  EXPECT_NO_THROW(reload(world));
  ++world.plan_count[world.plan.front().cadre];
  try {
    reload(world);
    ADD_FAILURE() << "a plan count one above the cadre's entries was accepted";
  } catch (const kernel::FormatError& e) {
    EXPECT_NE(std::string(e.what()).find("plan count does not match"), std::string::npos)
        << e.what();
  }
}

// A state whose pending events name a shock card the scenario does not have (an edited state,
// found by tests/fuzz/fuzz_snapshot_reader) is refused on load, not run into an out-of-range
// card. The same engine bytes continued under a scenario without the card must throw.
TEST(SnapshotEngineState, APendingShockCardTheScenarioLacksIsRefused) {
  const auto with_card =
      scenario::load_scenario_file(src("scenarios/training/son-mai-extra-round.json"));
  const auto without_card = scenario::load_scenario_file(src("scenarios/training/son-mai.json"));
  ASSERT_FALSE(with_card.scenario.shocks.empty());
  ASSERT_TRUE(without_card.scenario.shocks.empty());
  engine::Engine engine(with_card.scenario, 3, 0);
  engine.advance(day("2027-06-10"));  // the card (1 Feb 2029) is still pending
  kernel::ByteWriter w;
  engine.save_state(w);
  {
    kernel::ByteReader same(w.bytes());
    EXPECT_NO_THROW(engine::Engine(with_card.scenario, 3, 0, same));
  }
  kernel::ByteReader other(w.bytes());
  try {
    engine::Engine continued(without_card.scenario, 3, 0, other);
    ADD_FAILURE() << "a pending shock card without its card in the scenario was accepted";
  } catch (const kernel::FormatError& e) {
    EXPECT_NE(std::string(e.what()).find("refers to something the scenario does not have"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(SnapshotErrors, AFlippedByteIsRefusedAsCorrupted) {
  std::string data = bytes();
  ASSERT_EQ(refusal(data), "");
  for (const std::size_t at : {std::size_t{40}, data.size() / 2, data.size() - 20}) {
    std::string bad = data;
    bad[at] = static_cast<char>(bad[at] ^ 0x10);
    const std::string why = refusal(bad);
    EXPECT_EQ(why.rfind("my.state: corrupted", 0), 0u) << at << ": " << why;
  }
}

TEST_F(SnapshotErrors, ATruncatedFileIsRefused) {
  const std::string data = bytes();
  for (const std::size_t keep :
       {std::size_t{5}, std::size_t{20}, data.size() / 3, data.size() - 1}) {
    const std::string why = refusal(data.substr(0, keep));
    EXPECT_TRUE(why.rfind("my.state: truncated", 0) == 0 ||
                why.rfind("my.state: not a cadresim snapshot", 0) == 0)
        << keep << ": " << why;
  }
  EXPECT_EQ(refusal(data + "x").rfind("my.state: 1 unexpected bytes", 0), 0u);
  EXPECT_EQ(refusal("{\"not\": \"a snapshot\"}"),
            "my.state: not a cadresim snapshot (it does not start with the snapshot signature)");
}

TEST_F(SnapshotErrors, AnotherFormatVersionIsRefused) {
  std::string data = bytes();
  data[8] = static_cast<char>(kSnapshotFormat + 1);
  const std::string why = refusal(data);
  EXPECT_EQ(why.rfind("my.state: snapshot format version " + std::to_string(kSnapshotFormat + 1) +
                          ", but this cadresim",
                      0),
            0u)
      << why;
}

TEST_F(SnapshotErrors, AScenarioWithAnotherOrganisationIsRefused) {
  const Snapshot s = decode_snapshot(bytes(), "my.state");
  const auto nested = scenario::load_scenario_file(src("tests/data/engine-nested.json"));
  const std::string why =
      continuation_problem(s.header, nested.scenario, "my.state", "engine-nested.json");
  EXPECT_EQ(why.rfind("my.state: cannot continue with engine-nested.json: ", 0), 0u) << why;
  EXPECT_NE(why.find("organisation"), std::string::npos) << why;
  // A copy whose only change is a dated calendar is refused too, naming what differs.
  scenario::LoadedScenario moved =
      scenario::load_scenario_file(src("tests/data/engine-small.json"));
  moved.scenario.calendar.state_elections.back().date += 1;
  const std::string why2 = continuation_problem(s.header, moved.scenario, "my.state", "moved.json");
  EXPECT_NE(why2.find("its state elections differ from the snapshot's"), std::string::npos) << why2;
}

// The checksum catches damage; behind it, the reader still checks counts, ranges, references
// and the world's invariants. Bytes of a replication's state changed at random, with the
// checksum recomputed, must be refused with a SnapshotError or run: never crash or hang.
TEST_F(SnapshotErrors, StatesAlteredBehindTheChecksumAreRefusedOrRun) {
  const std::string good = bytes();
  const Snapshot parsed = decode_snapshot(good, "my.state");
  std::uint64_t header = 0;
  for (int k = 0; k < 8; ++k)
    header |= static_cast<std::uint64_t>(static_cast<unsigned char>(good[12 + k])) << (8 * k);
  const std::size_t from = 28 + header + 4, span = parsed.replications[0].size();
  std::mt19937_64 rng(11);
  int refused = 0, ran = 0;
  for (int trial = 0; trial < 150; ++trial) {
    std::string bad = good;
    for (int k = 0; k < 2; ++k) bad[from + rng() % span] = static_cast<char>(rng());
    const std::uint64_t sum = kernel::fnv1a64(std::string_view(bad).substr(8, bad.size() - 16));
    for (int k = 0; k < 8; ++k)
      bad[bad.size() - 8 + k] = static_cast<char>((sum >> (8 * k)) & 0xFF);
    try {
      const Snapshot s = decode_snapshot(bad, "my.state");
      RunOptions c;
      c.threads = 1;
      continue_from(small().scenario, s, "my.state", c, false);
      ++ran;
    } catch (const SnapshotError& e) {
      EXPECT_EQ(std::string(e.what()).rfind("my.state: ", 0), 0u) << e.what();
      ++refused;
    }
  }
  EXPECT_GT(refused, 0);
  EXPECT_EQ(refused + ran, 150);
}

}  // namespace
}  // namespace cadresim::analysis
