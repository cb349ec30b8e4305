/// @file Tests of the counter-based random streams and the inverse-transform samplers.
///
/// Statistical tests use fixed seeds, so each is deterministic: it either always passes or
/// always fails. Their critical values are those of the test at the stated level, so a correct
/// generator and sampler would fail a given seed with that probability only.
/// - Kolmogorov–Smirnov: with n = 100'000 draws, D = sup |F_n - F| < 1.63 / sqrt(n) rejects a
///   correct sampler with probability 0.01 (asymptotic Kolmogorov distribution, 1.628 at
///   alpha = 0.01); the CDF F is the exact one from Boost.Math.
/// - Chi-square for discrete samplers: the statistic is below the 0.99 quantile of
///   chi-square(k - 1) from Boost.Math (alpha = 0.01).
/// - Correlation of independent streams: Pearson's r over n pairs is approximately N(0, 1/n),
///   so |r| < 4 / sqrt(n) fails with probability 6e-5.

#include "sim/kernel/random.hpp"

#include <gtest/gtest.h>

#include <algorithm>                                 // std::sort, std::shuffle
#include <array>                                     // std::array
#include <boost/math/distributions/chi_squared.hpp>  // critical values of chi-square
#include <boost/math/distributions/exponential.hpp>  // exact CDFs for KS tests
#include <boost/math/distributions/logistic.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <cmath>       // std::sqrt, std::pow, std::abs
#include <cstdint>     // std::uint64_t
#include <functional>  // std::function (test helper only, not a hot path)
#include <limits>      // std::numeric_limits
#include <numeric>     // std::iota
#include <random>      // std::mt19937_64 (to shuffle call orders only)
#include <stdexcept>   // std::invalid_argument
#include <vector>      // std::vector

namespace {

using cadresim::kernel::RandomKey;
using cadresim::kernel::RandomStream;
namespace sample = cadresim::kernel::sample;
namespace bm = boost::math;

constexpr std::size_t kN = 100'000;
constexpr std::uint64_t kSeed = 20240101;

/// Kolmogorov–Smirnov statistic of `xs` against the continuous CDF `cdf`.
double ks_statistic(std::vector<double> xs, const std::function<double(double)>& cdf) {
  std::sort(xs.begin(), xs.end());
  const double n = static_cast<double>(xs.size());
  double d = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double f = cdf(xs[i]);
    d = std::max({d, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
  }
  return d;
}

/// KS critical value at alpha = 0.01 for n draws (see the file comment).
double ks_critical(std::size_t n) {
  return 1.63 / std::sqrt(static_cast<double>(n));
}

/// n draws of `sampler` applied to consecutive uniforms of one stream.
template <class Sampler>
std::vector<double> draw(Sampler sampler, std::uint64_t purpose, std::size_t n = kN) {
  RandomStream s(RandomKey(kSeed, 0), purpose, 1);
  std::vector<double> xs(n);
  for (double& x : xs) x = sampler(s.uniform());
  return xs;
}

/// Pearson correlation of two equal-length samples.
double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mx += x[i], my += y[i];
  mx /= n, my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

/// n uniforms of stream (seed, replication, purpose, entity).
std::vector<double> stream_values(std::uint64_t seed, std::uint64_t rep, std::uint64_t purpose,
                                  std::uint64_t entity, std::size_t n = kN) {
  RandomStream s(RandomKey(seed, rep), purpose, entity);
  std::vector<double> xs(n);
  for (double& x : xs) x = s.uniform();
  return xs;
}

// --- Philox itself and the mapping to (0, 1) ------------------------------------------------

TEST(RandomKey, MatchesRandom123KnownAnswers) {
  // Known-answer vectors of Philox4x64-10 published with Random123 (kat_vectors).
  const r123::Philox4x64::ctr_type ctr{
      {0x243f6a8885a308d3, 0x13198a2e03707344, 0xa4093822299f31d0, 0x082efa98ec4e6c89}};
  const r123::Philox4x64::key_type key{{0x452821e638d01377, 0xbe5466cf34e90c6c}};
  const auto out = r123::Philox4x64{}(ctr, key);
  EXPECT_EQ(out.v[0], 0xa528f45403e61d95u);
  EXPECT_EQ(out.v[1], 0x38c72dbd566e9788u);
  EXPECT_EQ(out.v[2], 0xa5a1610e72fd18b5u);
  EXPECT_EQ(out.v[3], 0x57bd43b5e52b7fe6u);
  // Key (seed 0, replication 0), counter (purpose 0, entity 0, block 0, 0): the all-zero vector.
  const RandomKey zero(0, 0);
  const std::array<std::uint64_t, 4> expected = {0x16554d9eca36314c, 0xdb20fe9d672d0fdc,
                                                 0xd7e772cee186176b, 0x7e68b68aec7ba23b};
  for (std::uint64_t i = 0; i < 4; ++i) EXPECT_EQ(zero.bits(0, 0, i), expected[i]) << i;
}

TEST(RandomKey, PinnedValuesGuardTheStreamLayout) {
  // Changing these values changes every simulation result: do it only deliberately.
  const RandomKey key(kSeed, 3);
  EXPECT_EQ(key.bits(7, 1234, 5), 0xd248149a10df18a5u);
  EXPECT_EQ(key.uniform(7, 1234, 5), 0x1.a490293421be3p-1);  // 0.82141236077665913
  EXPECT_EQ(RandomKey::to_open_unit(0xd248149a10df18a5u), 0x1.a490293421be3p-1);
}

TEST(RandomKey, UniformIsNeverZeroOrOne) {
  EXPECT_EQ(RandomKey::to_open_unit(0), 0x1.0p-53);
  EXPECT_EQ(RandomKey::to_open_unit(~std::uint64_t{0}), 1 - 0x1.0p-53);
  EXPECT_LT(RandomKey::to_open_unit(~std::uint64_t{0}), 1.0);
  for (std::uint64_t top : {std::uint64_t{0}, std::uint64_t{1}, (std::uint64_t{1} << 52) - 1,
                            (std::uint64_t{1} << 52) - 2, std::uint64_t{1} << 51}) {
    for (std::uint64_t low : {std::uint64_t{0}, std::uint64_t{0xfff}}) {
      const double u = RandomKey::to_open_unit(top << 12 | low);
      EXPECT_GT(u, 0.0);
      EXPECT_LT(u, 1.0);
    }
  }
  RandomStream s(RandomKey(kSeed, 0), 0, 0);
  for (int i = 0; i < 1'000'000; ++i) {
    const double u = s.uniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
}

TEST(RandomKey, ComplementOfADrawIsExactAndIsItselfADraw) {
  // Flipping all bits maps k to 2^52 - 1 - k, i.e. u to 1 - u, with no rounding.
  const RandomKey key(kSeed, 0);
  for (std::uint64_t i = 0; i < 10'000; ++i) {
    const std::uint64_t b = key.bits(0, 0, i);
    EXPECT_EQ(RandomKey::to_open_unit(~b), 1.0 - RandomKey::to_open_unit(b));
  }
}

// --- Reproducibility ------------------------------------------------------------------------

TEST(RandomKey, DrawDependsOnlyOnItsCoordinatesNotOnCallOrder) {
  const RandomKey key(kSeed, 2);
  std::vector<double> in_order(1000);
  for (std::uint64_t i = 0; i < in_order.size(); ++i) in_order[i] = key.uniform(5, 77, i);

  std::vector<std::uint64_t> order(in_order.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), std::mt19937_64(1));
  const RandomKey same(kSeed, 2);  // an independent copy built from the same numbers
  RandomStream other(RandomKey(kSeed + 1, 0), 5, 77);
  double sink = 0;
  for (std::uint64_t i : order) {
    sink += other.uniform() + key.uniform(6, 77, i) + key.uniform(5, 78, i);  // other draws
    EXPECT_EQ(same.uniform(5, 77, i), in_order[i]) << i;
  }
  EXPECT_GT(sink, 0.0);
}

TEST(RandomStream, EqualsKeyUniformAtIncreasingIndicesFromAnyStart) {
  const RandomKey key(kSeed, 1);
  for (std::uint64_t first :
       {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{2}, std::uint64_t{3}, std::uint64_t{4},
        std::uint64_t{5}, std::uint64_t{7}, std::uint64_t{1001}, (std::uint64_t{1} << 40) + 3,
        ~std::uint64_t{0} - 20}) {
    RandomStream s(key, 9, 31, first);
    for (std::uint64_t i = 0; i < 21; ++i) {
      EXPECT_EQ(s.position(), first + i);
      EXPECT_EQ(s.uniform(), key.uniform(9, 31, first + i)) << "first " << first << " i " << i;
    }
  }
}

TEST(RandomStream, InterleavedStreamsDoNotDisturbEachOther) {
  const RandomKey key(kSeed, 0);
  RandomStream a(key, 1, 10), b(key, 1, 11), c(key, 2, 10, 3);
  for (std::uint64_t i = 0; i < 50; ++i) {
    EXPECT_EQ(b.uniform(), key.uniform(1, 11, i));
    if (i % 3 == 0) {
      EXPECT_EQ(c.uniform(), key.uniform(2, 10, 3 + i / 3));
    }
    EXPECT_EQ(a.uniform(), key.uniform(1, 10, i));
  }
}

TEST(RandomStream, FillGivesTheSameValuesAsRepeatedUniform) {
  const RandomKey key(kSeed, 0);
  for (std::uint64_t first = 0; first < 6; ++first) {
    for (std::size_t len : {0, 1, 2, 3, 4, 5, 8, 13, 64}) {
      RandomStream s(key, 4, 2, first);
      s.uniform();  // leave a partly used block in the cache
      std::vector<double> out(len);
      s.fill(out);
      for (std::size_t i = 0; i < len; ++i)
        EXPECT_EQ(out[i], key.uniform(4, 2, first + 1 + i)) << first << " " << len << " " << i;
      EXPECT_EQ(s.position(), first + 1 + len);
      EXPECT_EQ(s.uniform(), key.uniform(4, 2, first + 1 + len));
    }
  }
}

// --- Independence of streams ----------------------------------------------------------------

TEST(RandomKey, DifferentCoordinatesGiveDifferentSequences) {
  const auto base = stream_values(kSeed, 0, 3, 100, 100);
  const std::vector<std::vector<double>> others = {
      stream_values(kSeed + 1, 0, 3, 100, 100), stream_values(kSeed, 1, 3, 100, 100),
      stream_values(kSeed, 0, 4, 100, 100), stream_values(kSeed, 0, 3, 101, 100),
      // Swapping fields must not alias either.
      stream_values(0, kSeed, 3, 100, 100), stream_values(kSeed, 0, 100, 3, 100)};
  for (const auto& other : others) {
    int equal = 0;
    for (std::size_t i = 0; i < base.size(); ++i) equal += base[i] == other[i];
    EXPECT_EQ(equal, 0);  // each coincidence has probability 2^-52
  }
}

TEST(RandomKey, NeighbouringStreamsAreUncorrelated) {
  // Streams that differ by one in a single coordinate: the hardest case for a weak mixer.
  const double bound = 4 / std::sqrt(static_cast<double>(kN));  // see the file comment
  const auto base = stream_values(kSeed, 0, 3, 100);
  EXPECT_LT(std::abs(correlation(base, stream_values(kSeed + 1, 0, 3, 100))), bound) << "seed";
  EXPECT_LT(std::abs(correlation(base, stream_values(kSeed, 1, 3, 100))), bound) << "rep";
  EXPECT_LT(std::abs(correlation(base, stream_values(kSeed, 0, 4, 100))), bound) << "purpose";
  EXPECT_LT(std::abs(correlation(base, stream_values(kSeed, 0, 3, 101))), bound) << "entity";
  // Within a stream: lag 1 (mostly words of one Philox block) and lag 4 (adjacent blocks).
  for (std::size_t lag : {1, 4}) {
    const std::vector<double> x(base.begin(), base.end() - lag), y(base.begin() + lag, base.end());
    EXPECT_LT(std::abs(correlation(x, y)), 4 / std::sqrt(static_cast<double>(x.size())))
        << "lag " << lag;
  }
}

TEST(RandomKey, FirstDrawsOfSuccessiveEntitiesAreUniformAndUncorrelated) {
  // A cadre's personal draw is index 0 of its own entity: across entities 0..n-1 these must
  // be uniform and unrelated to the next entity's.
  const RandomKey key(kSeed, 0);
  std::vector<double> x(kN + 1);
  for (std::uint64_t e = 0; e < x.size(); ++e) x[e] = key.uniform(2, e, 0);
  const std::vector<double> head(x.begin(), x.end() - 1), next(x.begin() + 1, x.end());
  EXPECT_LT(ks_statistic(head, [](double v) { return v; }), ks_critical(kN));
  EXPECT_LT(std::abs(correlation(head, next)), 4 / std::sqrt(static_cast<double>(kN)));
}

// --- Goodness of fit of every sampler -------------------------------------------------------

TEST(Sample, UniformFitsItsCdf) {
  const auto xs = draw([](double u) { return sample::uniform(u, 2.0, 5.0); }, 10);
  const bm::uniform_distribution<> d(2.0, 5.0);
  EXPECT_LT(ks_statistic(xs, [&](double x) { return bm::cdf(d, x); }), ks_critical(kN));
}

TEST(Sample, ExponentialFitsItsCdf) {
  const auto xs = draw([](double u) { return sample::exponential(u, 0.25); }, 11);
  const bm::exponential_distribution<> d(0.25);
  EXPECT_LT(ks_statistic(xs, [&](double x) { return bm::cdf(d, x); }), ks_critical(kN));
}

TEST(Sample, NormalFitsItsCdf) {
  const auto xs = draw([](double u) { return sample::normal(u, 40.0, 8.0); }, 12);
  const bm::normal_distribution<> d(40.0, 8.0);
  EXPECT_LT(ks_statistic(xs, [&](double x) { return bm::cdf(d, x); }), ks_critical(kN));
}

TEST(Sample, LognormalFitsItsCdf) {
  const auto xs = draw([](double u) { return sample::lognormal(u, 1.0, 0.5); }, 13);
  const bm::lognormal_distribution<> d(1.0, 0.5);
  EXPECT_LT(ks_statistic(xs, [&](double x) { return bm::cdf(d, x); }), ks_critical(kN));
}

TEST(Sample, LogisticFitsItsCdf) {
  const auto xs = draw([](double u) { return sample::logistic(u, 3.0, 2.0); }, 14);
  const bm::logistic_distribution<> d(3.0, 2.0);
  EXPECT_LT(ks_statistic(xs, [&](double x) { return bm::cdf(d, x); }), ks_critical(kN));
}

TEST(Sample, TruncatedExponentialFitsItsCdf) {
  const auto xs = draw([](double u) { return sample::truncated_exponential(u, 0.5, 3.0); }, 15);
  const bm::exponential_distribution<> d(0.5);
  const double mass = bm::cdf(d, 3.0);
  for (double x : xs) ASSERT_TRUE(x >= 0 && x <= 3.0) << x;
  EXPECT_LT(ks_statistic(xs, [&](double x) { return bm::cdf(d, x) / mass; }), ks_critical(kN));
}

/// CDF of N(mean, sd) truncated to [lo, hi], through upper-tail probabilities when the range
/// lies above the mean so that tail ranges keep their precision.
double truncated_normal_cdf(double x, double mean, double sd, double lo, double hi) {
  const bm::normal_distribution<> d(mean, sd);
  if (lo + hi > 2 * mean) {
    const double qlo = bm::cdf(bm::complement(d, lo)), qhi = bm::cdf(bm::complement(d, hi));
    return (qlo - bm::cdf(bm::complement(d, x))) / (qlo - qhi);
  }
  const double plo = bm::cdf(d, lo), phi = bm::cdf(d, hi);
  return (bm::cdf(d, x) - plo) / (phi - plo);
}

TEST(Sample, TruncatedNormalFitsItsCdfInTheBodyAndInBothTails) {
  const double inf = std::numeric_limits<double>::infinity();
  struct Case {
    double mean, sd, lo, hi;
  };
  // Body (both orientations), half-lines, and ranges deep in each tail (1e-19 of the mass).
  const Case cases[] = {{0.5, 0.2, 0.0, 1.0}, {0, 1, -2, 1},   {0, 1, -1, 2},
                        {0, 1, 1, inf},       {0, 1, -inf, 0}, {0, 1, 2, 3.5},
                        {0, 1, 9, 10},        {0, 1, -10, -9}, {50, 10, 20, 55}};
  std::uint64_t purpose = 20;
  for (const Case& c : cases) {
    const auto xs = draw(
        [&](double u) { return sample::truncated_normal(u, c.mean, c.sd, c.lo, c.hi); }, purpose++);
    for (double x : xs) ASSERT_TRUE(x >= c.lo && x <= c.hi) << x;
    const double d = ks_statistic(
        xs, [&](double x) { return truncated_normal_cdf(x, c.mean, c.sd, c.lo, c.hi); });
    EXPECT_LT(d, ks_critical(kN)) << "N(" << c.mean << ", " << c.sd << ") on [" << c.lo << ", "
                                  << c.hi << "]";
  }
}

TEST(Sample, TruncatedNormalBeyondDoublePrecisionFollowsTheTailApproximation) {
  // Beyond ~37 sd, P(Z > a) underflows; the excess over a is then close to exponential with
  // rate a, whose mean 1/a - 2/a^3 + O(a^-5) (Mills ratio) the sample mean must match within
  // 4 standard errors, (1/a) / sqrt(n).
  for (double a : {40.0, -45.0}) {
    const double lo = a > 0 ? a : a - 1, hi = a > 0 ? a + 1 : a;
    const auto xs =
        draw([&](double u) { return sample::truncated_normal(u, 0, 1, lo, hi); }, 40, 10'000);
    double mean_excess = 0;
    for (double x : xs) {
      ASSERT_TRUE(x >= lo && x <= hi) << x;
      mean_excess += std::abs(x - a);
    }
    mean_excess /= static_cast<double>(xs.size());
    const double t = std::abs(a);
    EXPECT_NEAR(mean_excess, 1 / t - 2 / (t * t * t), 4 * (1 / t) / std::sqrt(10'000.0)) << a;
  }
}

TEST(Sample, BernoulliFitsItsProbability) {
  const double p = 0.3;
  const auto xs = draw([&](double u) { return sample::bernoulli(u, p) ? 1.0 : 0.0; }, 16);
  double ones = 0;
  for (double x : xs) ones += x;
  const double n = static_cast<double>(kN);
  const double chi2 =
      (ones - n * p) * (ones - n * p) / (n * p) + (ones - n * p) * (ones - n * p) / (n * (1 - p));
  EXPECT_LT(chi2, bm::quantile(bm::complement(bm::chi_squared(1), 0.01)));
  EXPECT_FALSE(sample::bernoulli(0x1.0p-53, 0.0));
  EXPECT_TRUE(sample::bernoulli(1 - 0x1.0p-53, 1.0));
}

TEST(Sample, CategoricalFitsItsWeightsAndNeverDrawsAZeroWeight) {
  const std::vector<double> w = {1.0, 0.0, 2.5, 0.5, 6.0};
  const auto xs =
      draw([&](double u) { return static_cast<double>(sample::categorical(u, w)); }, 17);
  std::vector<double> count(w.size(), 0);
  for (double x : xs) count[static_cast<std::size_t>(x)] += 1;
  EXPECT_EQ(count[1], 0);
  double chi2 = 0, total = 0;
  for (double wi : w) total += wi;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] == 0) continue;
    const double expected = static_cast<double>(kN) * w[i] / total;
    chi2 += (count[i] - expected) * (count[i] - expected) / expected;
  }
  EXPECT_LT(chi2, bm::quantile(bm::complement(bm::chi_squared(3), 0.01)));  // 4 categories
  // Extreme uniforms land on the first and last positive weights.
  const std::vector<double> edge = {0.0, 1.0, 0.0, 2.0, 0.0};
  EXPECT_EQ(sample::categorical(0x1.0p-53, edge), 1u);
  EXPECT_EQ(sample::categorical(1 - 0x1.0p-53, edge), 3u);
}

TEST(Sample, CategoricalRejectsWeightsItCannotDrawFrom) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<std::vector<double>> bad = {{},         {0.0, 0.0}, {1.0, -0.5},
                                                {1.0, nan}, {1.0, inf}, {1e308, 1e308}};
  for (const auto& w : bad) EXPECT_THROW(sample::categorical(0.5, w), std::invalid_argument);
}

TEST(Sample, TruncatedSamplersRejectImpossibleParameters) {
  EXPECT_THROW(sample::truncated_normal(0.5, 0, 0, -1, 1), std::invalid_argument);
  EXPECT_THROW(sample::truncated_normal(0.5, 0, 1, 1, -1), std::invalid_argument);
  EXPECT_EQ(sample::truncated_normal(0.5, 0, 1, 2, 2), 2.0);
  EXPECT_THROW(sample::truncated_exponential(0.5, 0, 1), std::invalid_argument);
  EXPECT_THROW(sample::truncated_exponential(0.5, 1, 0), std::invalid_argument);
}

TEST(Sample, EverySamplerIncreasesWithItsUniform) {
  // Inverse transforms are monotone, which keeps common random numbers aligned: a larger
  // uniform never gives a smaller variate.
  constexpr double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> w = {1.0, 0.0, 2.5, 0.5};
  const std::function<double(double)> samplers[] = {
      [](double u) { return sample::uniform(u, -1, 3); },
      [](double u) { return sample::exponential(u, 2); },
      [](double u) { return sample::normal(u, 1, 2); },
      [](double u) { return sample::lognormal(u, 0, 1); },
      [](double u) { return sample::logistic(u, 0, 1); },
      [&](double u) { return static_cast<double>(sample::categorical(u, w)); },
      [](double u) { return sample::truncated_normal(u, 0, 1, -1, 2); },
      [](double u) { return sample::truncated_normal(u, 0, 1, -2, 1); },
      [](double u) { return sample::truncated_normal(u, 0, 1, 9, inf); },
      [](double u) { return sample::truncated_normal(u, 0, 1, 40, 41); },
      [](double u) { return sample::truncated_normal(u, 0, 1, -41, -40); },
      [](double u) { return sample::truncated_exponential(u, 0.5, 3); }};
  std::vector<double> us = {0x1.0p-53, 1e-12, 1e-6, 1 - 1e-6, 1 - 1e-12, 1 - 0x1.0p-53};
  for (int i = 1; i < 1000; ++i) us.push_back(i / 1000.0);
  std::sort(us.begin(), us.end());
  for (std::size_t k = 0; k < std::size(samplers); ++k) {
    for (std::size_t i = 1; i < us.size(); ++i) {
      const double prev = samplers[k](us[i - 1]), cur = samplers[k](us[i]);
      ASSERT_TRUE(std::isfinite(cur)) << "sampler " << k << " u " << us[i];
      ASSERT_LE(prev, cur) << "sampler " << k << " u " << us[i];
    }
  }
}

// --- Accuracy of the normal quantile --------------------------------------------------------

TEST(Sample, StandardNormalMatchesBoostQuantileToAFewUlps) {
  // AS 241 is accurate to about 1 part in 1e16 (Wichura 1988); evaluating its rationals in
  // double adds a few roundings of 2^-53 each. We allow 16 * 2^-53 ~ 1.8e-15 relative.
  const double tol = 16 * 0x1.0p-53;
  const bm::normal_distribution<> n01;
  double worst = 0;
  auto check = [&](double u) {
    const double x = sample::standard_normal(u), q = bm::quantile(n01, u);
    const double err = q == 0 ? std::abs(x) : std::abs(x - q) / std::abs(q);
    worst = std::max(worst, err);
    EXPECT_LE(err, tol) << "u = " << u << ": " << x << " vs " << q;
  };
  // Log-spaced in both tails down to 1e-12 from 0 and from 1, and a fine linear grid.
  for (int i = 0; i <= 20'000; ++i) {
    const double t = std::pow(10.0, -12.0 + 12.0 * i / 20'000.0) * 0.5;  // 5e-13 .. 0.5
    check(t);
    check(1 - t);
  }
  for (int i = 1; i < 20'000; ++i) check(i / 20'000.0);
  check(0x1.0p-53);
  check(1 - 0x1.0p-53);
  RecordProperty("worst_relative_error", std::to_string(worst));
}

TEST(Sample, StandardNormalIsAntisymmetricOnEveryDraw) {
  RandomStream s(RandomKey(kSeed, 0), 30, 0);
  for (int i = 0; i < 100'000; ++i) {
    const double u = s.uniform();
    ASSERT_EQ(sample::standard_normal(1 - u), -sample::standard_normal(u)) << u;
  }
  EXPECT_EQ(sample::standard_normal(0.5), 0.0);
}

}  // namespace
