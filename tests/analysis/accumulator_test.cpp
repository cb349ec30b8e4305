// Streaming statistics: exact, order-independent, mergeable, and bounded in memory.
#include "analysis/accumulator.hpp"

#include <gtest/gtest.h>

#include <algorithm>  // std::reverse, std::shuffle
#include <random>     // std::mt19937_64
#include <vector>     // std::vector

#include "analysis/aggregation.hpp"

using cadresim::analysis::Accumulator;
using cadresim::analysis::AggregateAccumulator;
using cadresim::analysis::kExactDistinctValues;
using cadresim::analysis::ReplicationResult;
using cadresim::analysis::summarise;
using cadresim::analysis::Summary;

namespace {

Summary of(const std::vector<double>& values) {
  Accumulator a;
  for (double v : values) a.add(v);
  return a.summary();
}

void expect_same_bits(const Summary& a, const Summary& b) {
  EXPECT_EQ(a.n, b.n);
  EXPECT_EQ(a.mean, b.mean);
  EXPECT_EQ(a.sd, b.sd);
  EXPECT_EQ(a.ci_low, b.ci_low);
  EXPECT_EQ(a.ci_high, b.ci_high);
  EXPECT_EQ(a.p05, b.p05);
  EXPECT_EQ(a.p50, b.p50);
  EXPECT_EQ(a.p95, b.p95);
}

std::vector<double> noisy(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 g(seed);
  std::normal_distribution<double> d(3.7, 1.9);
  std::vector<double> v(n);
  for (auto& x : v) x = d(g);
  return v;
}

}  // namespace

TEST(Accumulator, IntegerCountsGiveTheMeanAndQuantilesOfKeepingEveryValue) {
  const std::vector<double> v{3, 7, 7, 1, 12, 0, 4, 4, 4, 9, 2};
  const Summary s = of(v), kept = summarise(v);
  EXPECT_EQ(s.mean, kept.mean);
  EXPECT_EQ(s.p05, kept.p05);
  EXPECT_EQ(s.p50, kept.p50);
  EXPECT_EQ(s.p95, kept.p95);
  EXPECT_NEAR(s.sd, kept.sd, 1e-12 * kept.sd);
}

TEST(Accumulator, AConstantQuantityHasNoSpreadAtAll) {
  const Summary s = of(std::vector<double>(1000, 0.1));
  EXPECT_EQ(s.sd, 0.0);
  EXPECT_EQ(s.ci_low, s.mean);
  EXPECT_EQ(s.ci_high, s.mean);
  EXPECT_EQ(s.p50, 0.1);
}

TEST(Accumulator, TheOrderOfValuesAndOfMergesDoesNotChangeOneBit) {
  std::vector<double> v = noisy(3000, 7);  // continuous: past the exact table, bucketed
  const Summary forward = of(v);
  std::reverse(v.begin(), v.end());
  expect_same_bits(forward, of(v));
  std::shuffle(v.begin(), v.end(), std::mt19937_64(3));
  Accumulator parts[3];
  for (std::size_t i = 0; i < v.size(); ++i) parts[i % 3].add(v[i]);
  parts[2].merge(parts[0]);
  parts[2].merge(parts[1]);
  expect_same_bits(forward, parts[2].summary());
}

TEST(Accumulator, ContinuousValuesHaveTheExactMeanAndQuantilesWithinTheBucketWidth) {
  const std::vector<double> v = noisy(20000, 11);
  Accumulator a;
  for (double x : v) a.add(x);
  EXPECT_FALSE(a.exact_quantiles());
  const Summary s = a.summary(), kept = summarise(v);
  EXPECT_NEAR(s.mean, kept.mean, 1e-12);
  EXPECT_NEAR(s.sd, kept.sd, 1e-12);
  for (auto [est, exact] : {std::pair{s.p05, kept.p05}, {s.p50, kept.p50}, {s.p95, kept.p95}})
    EXPECT_NEAR(est, exact, 1e-3 * std::abs(exact) + 1e-3);
}

TEST(Accumulator, QuantilesStayExactUpToTheDistinctValueLimit) {
  std::vector<double> v;
  for (std::size_t i = 0; i < kExactDistinctValues; ++i) v.push_back(0.5 * static_cast<double>(i));
  Accumulator a;
  for (double x : v) a.add(x);
  EXPECT_TRUE(a.exact_quantiles());
  EXPECT_EQ(a.summary().p95, summarise(v).p95);
  a.add(-1.25);
  EXPECT_FALSE(a.exact_quantiles());
}

TEST(Accumulator, ASavedStateMergesLikeTheOriginal) {
  const std::vector<double> v = noisy(500, 5);
  Accumulator a, b;
  for (std::size_t i = 0; i < v.size(); ++i) (i < 200 ? a : b).add(v[i]);
  b.add(1e12);
  b.add(-3);
  cadresim::kernel::ByteWriter w;
  b.save(w);
  const std::string bytes = w.take();
  cadresim::kernel::ByteReader r(bytes);
  Accumulator copy;
  copy.load(r);
  Accumulator direct = a;
  direct.merge(b);
  a.merge(copy);
  expect_same_bits(direct.summary(), a.summary());
}

TEST(Accumulator, ValuesWaitingToBeTabledCountInEveryReading) {
  // add() tables values in batches (Accumulator::settle); every reading must see every value
  // added so far. Reference: an accumulator settled after each value. Integers repeat (a few
  // distinct values), then continuous values pass the exact limit in the middle of a batch.
  std::vector<double> v;
  for (int i = 0; i < 100; ++i) v.push_back(i % 7);
  for (double x : noisy(2 * kExactDistinctValues, 13)) v.push_back(x);
  Accumulator batched, settled, other;
  for (std::size_t i = 0; i < v.size(); ++i) {
    batched.add(v[i]);
    settled.add(v[i]);
    settled.settle();
    if (i % 17 == 0 || i + 1 == v.size()) {  // not on batch boundaries alone
      expect_same_bits(settled.summary(), batched.summary());
      EXPECT_EQ(settled.exact_quantiles(), batched.exact_quantiles()) << "after " << i + 1;
      cadresim::kernel::ByteWriter a, b;
      settled.save(a);
      batched.save(b);
      EXPECT_EQ(a.take(), b.take()) << "saved after " << i + 1;
    }
  }
  EXPECT_FALSE(batched.exact_quantiles());
  // Merging takes the other's waiting values too, into a table exact or bucketed.
  for (double x : {0.25, 0.5, 0.25}) other.add(x);
  Accumulator exact_then, bucketed_then = batched;
  exact_then.add(4);
  exact_then.merge(other);
  bucketed_then.merge(other);
  Accumulator exact_ref, bucketed_ref = settled;
  exact_ref.add(4);
  for (double x : {0.25, 0.5, 0.25}) exact_ref.add(x), bucketed_ref.add(x);
  exact_ref.settle();
  bucketed_ref.settle();
  expect_same_bits(exact_ref.summary(), exact_then.summary());
  expect_same_bits(bucketed_ref.summary(), bucketed_then.summary());
  EXPECT_EQ(exact_then.summary().p50, 0.375);  // 0.25, 0.25, 0.5, 4: exact quantiles
}

TEST(Accumulator, NotANumberPropagatesInsteadOfBeingDropped) {
  const Summary s = of({1.0, std::numeric_limits<double>::quiet_NaN(), 2.0});
  EXPECT_EQ(s.n, 3u);
  EXPECT_TRUE(std::isnan(s.mean));
}

TEST(AggregateAccumulator, MergedPartsEqualOneStreamWhateverTheSplit) {
  std::vector<ReplicationResult> reps(9);
  for (std::size_t r = 0; r < reps.size(); ++r) {
    const double x = static_cast<double>(r);
    reps[r].months = {31, 59};
    reps[r].monthly[{"vacancies", "all"}] = {x, 2 * x + 0.25};
    reps[r].years = {365};
    reps[r].yearly[{"rotations", "all"}] = {x * x};
    reps[r].totals[{"refusals", "all"}] = 10 - x;
    reps[r].shortfalls = {0.1 * x, 0.2};
  }
  AggregateAccumulator one, odd, even;
  for (std::size_t r = 0; r < reps.size(); ++r) {
    one.add(r, reps[r]);
    (r % 2 ? odd : even).add(r, reps[r]);
  }
  odd.merge(even);
  cadresim::kernel::ByteWriter w1, w2;
  one.save(w1);
  odd.save(w2);
  EXPECT_EQ(one.result().replications, 9u);
  const auto a = one.result(), b = odd.result();
  expect_same_bits(a.monthly[0].stats[1], b.monthly[0].stats[1]);
  expect_same_bits(a.yearly[0].stats[0], b.yearly[0].stats[0]);
  expect_same_bits(a.totals[0].second, b.totals[0].second);
  expect_same_bits(a.shortfall_per_move, b.shortfall_per_move);
  EXPECT_EQ(a.totals[0].second.mean, 6.0);
}

TEST(AggregateAccumulator,
     ASeriesSomeReplicationsLackCountsAsZeroThereAndTheLayoutIsReplicationZeros) {
  ReplicationResult r0, r1, r2;
  r0.totals[{"refusals", "all"}] = 4;
  r1.totals[{"refusals", "all"}] = 2;
  r1.totals[{"exits", "death"}] = 9;  // not in replication 0: folded, not shown
  r2.totals[{"exits", "death"}] = 3;  // lacks refusals: 0 there
  AggregateAccumulator forward, backward;
  forward.add(0, r0), forward.add(1, r1), forward.add(2, r2);
  backward.add(2, r2), backward.add(1, r1), backward.add(0, r0);
  for (const auto& acc : {forward, backward}) {
    const auto a = acc.result();
    ASSERT_EQ(a.totals.size(), 1u);
    EXPECT_EQ(a.totals[0].first.metric, "refusals");
    EXPECT_EQ(a.totals[0].second.mean, 2.0);
    EXPECT_EQ(a.totals[0].second.n, 3u);
  }
}

TEST(AggregateAccumulator, PairedDifferencesSubtractReplicationByReplication) {
  ReplicationResult base, variant;
  base.totals[{"refusals", "all"}] = 5;
  variant.totals[{"refusals", "all"}] = 8;
  AggregateAccumulator d;
  d.add_difference(0, base, variant);
  d.add_difference(1, variant, base);
  const auto a = d.result();
  EXPECT_EQ(a.totals[0].second.mean, 0.0);
  EXPECT_DOUBLE_EQ(a.totals[0].second.p95, 2.7);
  EXPECT_EQ(a.shortfall_per_move.n, 0u);
}
