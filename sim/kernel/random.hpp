#pragma once
/// @file Counter-based random numbers (Random123 Philox4x64-10).
///
/// A draw is a pure function of (seed, replication, purpose, entity, index): the key is
/// (seed, replication) and the counter is (purpose, entity, index / 4, 0); one Philox call
/// yields four 64-bit words, and draw `index` uses word `index % 4`. Nothing depends on what
/// was drawn before, so a cadre's personal draws are the same in every scenario (common random
/// numbers) and adding a new purpose never shifts existing streams. Samplers use the inverse
/// transform of one uniform, so draws stay aligned across scenarios.
///
/// Cost (bench/bench_random.cpp, docs/performance.md): one Philox call per four draws through
/// RandomStream, one per draw through RandomKey::uniform.

#include <Random123/philox.h>  // r123::Philox4x64

#include <cmath>    // std::log, std::log1p, std::exp
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint64_t
#include <span>     // std::span

namespace cadresim::kernel {

/// Counter-based generator keyed by (seed, replication). Cheap to copy; thread-compatible.
class RandomKey {
 public:
  /// Key for replication `replication` of an experiment run with `seed`.
  RandomKey(std::uint64_t seed, std::uint64_t replication) : key_{{seed, replication}} {}

  /// Raw 64 random bits for (purpose, entity, index).
  std::uint64_t bits(std::uint64_t purpose, std::uint64_t entity, std::uint64_t index) const {
    return block(purpose, entity, index >> 2).v[index & 3];
  }
  /// Four consecutive raw words, draws 4*block .. 4*block+3 of (purpose, entity).
  r123::Philox4x64::ctr_type block(std::uint64_t purpose, std::uint64_t entity,
                                   std::uint64_t block) const {
    const r123::Philox4x64::ctr_type ctr{{purpose, entity, block, 0}};
    return r123::Philox4x64{}(ctr, key_);
  }
  /// Uniform in the open interval (0, 1) for (purpose, entity, index).
  double uniform(std::uint64_t purpose, std::uint64_t entity, std::uint64_t index) const {
    return to_open_unit(bits(purpose, entity, index));
  }

  /// Maps 64 random bits to a double in (0, 1): the top 52 bits k give (k + 0.5) * 2^-52, so
  /// the 2^52 equally likely values are the odd multiples of 2^-53, from 2^-53 to 1 - 2^-53.
  /// Every step is exact: never 0 or 1, and 1 - u is exact and is itself a possible draw.
  /// (Random123's u01fixedpt_open_open_64_double.)
  static double to_open_unit(std::uint64_t b) {
    return (static_cast<double>(b >> 12) + 0.5) * 0x1.0p-52;
  }

 private:
  r123::Philox4x64::key_type key_;
};

/// A sequential cursor over one (purpose, entity) stream: draw i, i+1, i+2, ... buffered four
/// at a time. Gives exactly the values of RandomKey::uniform at increasing indices.
class RandomStream {
 public:
  /// Cursor whose next draw is `first_index` of (purpose, entity) under `key`.
  RandomStream(const RandomKey& key, std::uint64_t purpose, std::uint64_t entity,
               std::uint64_t first_index = 0)
      : key_(key), purpose_(purpose), entity_(entity), next_(first_index) {}

  /// Next uniform in (0, 1).
  double uniform() {
    const std::uint64_t blk = next_ >> 2;
    if (blk != cached_block_) {
      buf_ = key_.block(purpose_, entity_, blk);
      cached_block_ = blk;
    }
    return RandomKey::to_open_unit(buf_.v[next_++ & 3]);
  }
  /// Fills `out` with the next out.size() uniforms (same values as calling uniform() in turn).
  void fill(std::span<double> out);
  /// Index of the next draw.
  std::uint64_t position() const { return next_; }

 private:
  RandomKey key_;
  std::uint64_t purpose_, entity_, next_;
  std::uint64_t cached_block_ = ~std::uint64_t{0};  // no block index reaches 2^64 - 1
  r123::Philox4x64::ctr_type buf_{};
};

/// Inverse-transform samplers: each maps one uniform u in (0,1) to a variate, increasing in u.
namespace sample {

/// Uniform on (a, b) (a + (b - a) u; rounding may give an endpoint).
inline double uniform(double u, double a, double b) {
  return a + (b - a) * u;
}
/// True with probability p.
inline bool bernoulli(double u, double p) {
  return u < p;
}
/// Exponential with the given rate (mean 1/rate).
inline double exponential(double u, double rate) {
  return -std::log1p(-u) / rate;
}
/// Standard normal quantile (Wichura's algorithm AS 241, PPND16): relative error about 1e-15
/// over (0, 1). standard_normal(1 - u) == -standard_normal(u) exactly for every u drawn by
/// RandomKey (there 1 - u is exact).
double standard_normal(double u);
/// Normal with mean and standard deviation.
inline double normal(double u, double mean, double sd) {
  return mean + sd * standard_normal(u);
}
/// Lognormal: exp of a normal with parameters mu, sigma (of the log).
inline double lognormal(double u, double mu, double sigma) {
  return std::exp(normal(u, mu, sigma));
}
/// Logistic with location and scale.
inline double logistic(double u, double location, double scale) {
  return location + scale * std::log(u / (1.0 - u));
}
/// Index drawn with probability proportional to `weights` (need not sum to 1); zero-weight
/// indices are never drawn. Throws std::invalid_argument if `weights` is empty or has a
/// negative or non-finite weight, or if all weights are zero.
std::size_t categorical(double u, std::span<const double> weights);
/// Normal(mean, sd) truncated to [lo, hi] (either bound may be infinite), by inverting the
/// CDF over the truncated range. Accurate in either tail: a range in the upper tail is inverted
/// through upper-tail probabilities. A range so far out (beyond ~37 sd) that its probability
/// underflows is sampled from the exponential tail approximation. Returns lo when lo == hi;
/// throws std::invalid_argument unless sd > 0 and lo <= hi.
double truncated_normal(double u, double mean, double sd, double lo, double hi);
/// truncated_normal with its per-distribution terms (the range's CDF values) computed once, for
/// callers that draw many values from one distribution: TruncatedNormal(mean, sd, lo, hi)(u)
/// is truncated_normal(u, mean, sd, lo, hi), bit for bit. The constructor throws as
/// truncated_normal does.
class TruncatedNormal {
 public:
  TruncatedNormal(double mean, double sd, double lo, double hi);
  double operator()(double u) const;

 private:
  double mean_, sd_, lo_, hi_;
  double zlo_ = 0, zhi_ = 0;     // the range in standard units (mirrored if mirror_)
  double plo_ = 0, phi_hi_ = 0;  // the standard normal CDF at zlo_ and zhi_
  bool mirror_ = false;          // the range lies mostly above the mean: z -> -z
};
/// Exponential with the given rate truncated to [0, hi]; throws std::invalid_argument unless
/// rate > 0 and hi > 0.
double truncated_exponential(double u, double rate, double hi);

}  // namespace sample
}  // namespace cadresim::kernel
