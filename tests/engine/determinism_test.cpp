// Determinism fingerprint: FNV-1a 64 over every field of every domain event of a run
// (engine_test_support.hpp). The same (scenario, seed, replication) gives the same fingerprint;
// another seed or another replication number gives a different one; how the run is cut into
// run_until() steps, and other engines running alongside, change nothing.
#include <gtest/gtest.h>

#include "engine_test_support.hpp"
#include "sim/engine/engine.hpp"

namespace cadresim::enginetest {
namespace {

struct Print {
  std::uint64_t hash;
  std::uint64_t events;
};

Print fingerprint(const model::Scenario& s, std::uint64_t seed, std::uint64_t replication) {
  engine::Engine e(s, seed, replication);
  FingerprintObserver f;
  e.add_observer(f);
  e.run();
  return {f.hash, f.count};
}

TEST(Determinism, TheSameSeedGivesTheSameEventLogFingerprint) {
  const Print a = fingerprint(small(), 1, 0);
  const Print b = fingerprint(small(), 1, 0);
  EXPECT_GT(a.events, 500u);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.hash, b.hash);
}

TEST(Determinism, AnotherSeedGivesADifferentFingerprint) {
  const Print a = fingerprint(small(), 1, 0);
  for (std::uint64_t seed : {2u, 3u, 1000u})
    EXPECT_NE(fingerprint(small(), seed, 0).hash, a.hash) << seed;
}

TEST(Determinism, AnotherReplicationNumberGivesADifferentFingerprint) {
  const Print a = fingerprint(small(), 1, 0);
  const Print b = fingerprint(small(), 1, 1);
  const Print c = fingerprint(small(), 1, 2);
  EXPECT_NE(a.hash, b.hash);
  EXPECT_NE(a.hash, c.hash);
  EXPECT_NE(b.hash, c.hash);
}

TEST(Determinism, RunningInStepsGivesTheSameFingerprintAsOneRun) {
  const Print whole = fingerprint(small(), 7, 3);
  engine::Engine e(small(), 7, 3);
  FingerprintObserver f;
  e.add_observer(f);
  for (Day d : {ymd(2020, 7, 1), ymd(2020, 12, 1), ymd(2021, 6, 1), ymd(2023, 2, 14),
                ymd(2025, 7, 1), ymd(2029, 12, 31)})
    e.run_until(d);
  e.run();
  EXPECT_EQ(f.count, whole.events);
  EXPECT_EQ(f.hash, whole.hash);
}

TEST(Determinism, EnginesRunningSideBySideDoNotDisturbEachOther) {
  const Print a = fingerprint(small(), 5, 0);
  const Print b = fingerprint(small(), 6, 0);
  engine::Engine ea(small(), 5, 0), eb(small(), 6, 0);
  FingerprintObserver fa, fb;
  ea.add_observer(fa);
  eb.add_observer(fb);
  for (int year = 2021; year <= 2030; ++year) {
    ea.run_until(ymd(year, 3, 1));
    eb.run_until(ymd(year, 3, 1));
  }
  ea.run();
  eb.run();
  EXPECT_EQ(fa.hash, a.hash);
  EXPECT_EQ(fb.hash, b.hash);
}

TEST(Determinism, TheBaselineIsReproducibleToo) {
  // The shipped baseline must load: a missing or broken file fails here, it is never skipped.
  const model::Scenario s = load_scenario("scenarios/dien-bien/baseline.json");
  const Print a = fingerprint(s, 1, 0);
  EXPECT_GT(a.events, 1000u);
  EXPECT_EQ(fingerprint(s, 1, 0).hash, a.hash);
  EXPECT_NE(fingerprint(s, 2, 0).hash, a.hash);
}

}  // namespace
}  // namespace cadresim::enginetest
