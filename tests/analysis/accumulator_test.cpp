// Streaming statistics: exact, order-independent, mergeable, and bounded in memory.
#include "analysis/accumulator.hpp"

#include <gtest/gtest.h>

#include <algorithm>  // std::reverse, std::shuffle
#include <cmath>      // std::isnan
#include <random>     // std::mt19937_64
#include <vector>     // std::vector

#include "analysis/aggregation.hpp"

using cadresim::analysis::Accumulator;
using cadresim::analysis::Aggregate;
using cadresim::analysis::aggregate;
using cadresim::analysis::AggregateAccumulator;
using cadresim::analysis::kExactDistinctValues;
using cadresim::analysis::kNotApplicable;
using cadresim::analysis::not_applicable_anywhere;
using cadresim::analysis::paired_difference;
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
  EXPECT_EQ(a.not_applicable, b.not_applicable);
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

// A NaN is a replication where the quantity does not apply (kNotApplicable: a ratio with
// nothing to divide by). It is counted apart, never as a value, and never dropped unseen.
TEST(Accumulator, NotApplicableIsCountedApartFromTheStatistics) {
  const double na = std::numeric_limits<double>::quiet_NaN();
  const Summary s = of({1.0, na, 2.0, na});
  EXPECT_EQ(s.n, 2u);
  EXPECT_EQ(s.not_applicable, 2u);
  EXPECT_EQ(s.mean, 1.5);
  const Summary two = of({1.0, 2.0});  // the same statistics, with nothing apart
  EXPECT_EQ(s.sd, two.sd);
  EXPECT_EQ(s.ci_low, two.ci_low);
  EXPECT_EQ(s.p95, two.p95);
  // Applies nowhere: every statistic NaN, shown as "not applicable".
  const Summary none = of({na, na});
  EXPECT_EQ(none.n, 0u);
  EXPECT_EQ(none.not_applicable, 2u);
  EXPECT_TRUE(not_applicable_anywhere(none));
  EXPECT_TRUE(std::isnan(none.mean) && std::isnan(none.ci_low) && std::isnan(none.p95));
  // The same from the batch summary (sweeps and assumption studies).
  const Summary batch = summarise(std::vector<double>{1.0, na, 2.0, na});
  EXPECT_EQ(batch.n, 2u);
  EXPECT_EQ(batch.not_applicable, 2u);
  EXPECT_EQ(batch.mean, 1.5);
  EXPECT_TRUE(not_applicable_anywhere(summarise(std::vector<double>{na})));
  // Merging and saving keep the count, whatever the split.
  Accumulator a, b;
  a.add(1.0), a.add(na), b.add(na), b.add(2.0), b.add(na);
  a.merge(b);
  EXPECT_EQ(a.summary().n, 2u);
  EXPECT_EQ(a.summary().not_applicable, 3u);
  cadresim::kernel::ByteWriter w;
  a.save(w);
  const std::string bytes = w.take();
  cadresim::kernel::ByteReader r(bytes);
  Accumulator back;
  back.load(r);
  EXPECT_EQ(back.summary().not_applicable, 3u);
  expect_same_bits(a.summary(), back.summary());
}

TEST(Accumulator, InfinityPropagatesInsteadOfBeingDropped) {
  const Summary s = of({1.0, std::numeric_limits<double>::infinity(), 2.0});
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

// A ratio that does not apply in some replications (kNotApplicable: no moves, say) is summarised
// over those where it applies, its count apart; a paired difference applies where both sides
// do; a yearly value with nothing to divide by no longer drags the year's mean towards 0.
TEST(AggregateAccumulator, FiguresThatDoNotApplyAreLeftOutAndCounted) {
  std::vector<ReplicationResult> base(4), variant(4);
  const double share[4] = {0.5, kNotApplicable, 0.7, kNotApplicable};
  const double other[4] = {0.4, 0.6, kNotApplicable, kNotApplicable};
  for (std::size_t r = 0; r < 4; ++r) {
    base[r].years = variant[r].years = {365};
    base[r].totals[{"shortfall_mean", "all"}] = share[r];
    base[r].yearly[{"completed_well_share", "all"}] = {share[r]};
    variant[r].totals[{"shortfall_mean", "all"}] = other[r];
    variant[r].yearly[{"completed_well_share", "all"}] = {other[r]};
  }
  const Aggregate a = aggregate(base);
  const Summary& total = *a.total("shortfall_mean");
  EXPECT_EQ(total.n, 2u);
  EXPECT_EQ(total.not_applicable, 2u);
  EXPECT_DOUBLE_EQ(total.mean, 0.6);  // (0.5 + 0.7) / 2, not (0.5 + 0 + 0.7 + 0) / 4
  ASSERT_EQ(a.yearly.size(), 1u);
  EXPECT_DOUBLE_EQ(a.yearly[0].stats[0].mean, 0.6);
  EXPECT_EQ(a.yearly[0].stats[0].not_applicable, 2u);
  // Only replication 0 has both: the difference is 0.4 − 0.5 there, and applies in no other.
  const Aggregate d = paired_difference(base, variant);
  const Summary& diff = *d.total("shortfall_mean");
  EXPECT_EQ(diff.n, 1u);
  EXPECT_EQ(diff.not_applicable, 3u);
  EXPECT_DOUBLE_EQ(diff.mean, 0.4 - 0.5);
  // Applies nowhere: NaN statistics, whatever the merge.
  std::vector<ReplicationResult> none(3);
  for (auto& r : none) r.totals[{"shortfall_mean", "all"}] = kNotApplicable;
  AggregateAccumulator one, two;
  one.add(0, none[0]);
  two.add(1, none[1]);
  two.add(2, none[2]);
  one.merge(two);
  const Summary all = *one.result().total("shortfall_mean");
  EXPECT_TRUE(not_applicable_anywhere(all));
  EXPECT_EQ(all.not_applicable, 3u);
  EXPECT_TRUE(std::isnan(all.mean));
}
