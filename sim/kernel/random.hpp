#pragma once
/// @file Counter-based random numbers (Random123 Philox4x64-10).
///
/// A draw is a pure function of (seed, replication, purpose, entity, index): the key is
/// (seed, replication) and the counter is (purpose, entity, index / 4, 0); one Philox call
/// yields four 64-bit words, and draw `index` uses word `index % 4`. Nothing depends on what
/// was drawn before, so a cadre's personal draws are the same in every scenario (common random
/// numbers) and adding a new purpose never shifts existing streams. Samplers use the inverse
/// transform of one uniform, so draws stay aligned across scenarios.

#include <Random123/philox.h>  // r123::Philox4x64

#include <cmath>    // std::log, std::exp
#include <cstdint>  // std::uint64_t
#include <span>     // std::span

namespace cadresim::kernel {

/// Counter-based generator keyed by (seed, replication). Cheap to copy; thread-compatible.
class RandomKey {
 public:
  RandomKey(std::uint64_t seed, std::uint64_t replication) : key_{{seed, replication}} {}

  /// Raw 64 random bits for (purpose, entity, index).
  std::uint64_t bits(std::uint64_t purpose, std::uint64_t entity, std::uint64_t index) const {
    const r123::Philox4x64::ctr_type ctr{{purpose, entity, index >> 2, 0}};
    return r123::Philox4x64{}(ctr, key_).v[index & 3];
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

  /// Maps 64 random bits to a double in (0, 1): 53 bits, offset by half a step, never 0 or 1.
  static double to_open_unit(std::uint64_t b) {
    return (static_cast<double>(b >> 11) + 0.5) * 0x1.0p-53;
  }

 private:
  r123::Philox4x64::key_type key_;
};

/// A sequential cursor over one (purpose, entity) stream: draw 0, 1, 2, ... buffered four at
/// a time. Equivalent to calling RandomKey::uniform with increasing indices.
class RandomStream {
 public:
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
  /// Index of the next draw.
  std::uint64_t position() const { return next_; }

 private:
  RandomKey key_;
  std::uint64_t purpose_, entity_, next_;
  std::uint64_t cached_block_ = ~std::uint64_t{0};
  r123::Philox4x64::ctr_type buf_{};
};

/// Inverse-transform samplers: each maps one uniform u in (0,1) to a variate.
namespace sample {

/// Uniform on [a, b).
inline double uniform(double u, double a, double b) { return a + (b - a) * u; }
/// True with probability p.
inline bool bernoulli(double u, double p) { return u < p; }
/// Exponential with the given rate (mean 1/rate).
inline double exponential(double u, double rate) { return -std::log1p(-u) / rate; }
/// Standard normal quantile (Acklam's rational approximation refined by one Halley step;
/// relative error below 1e-15 over (0,1)).
double standard_normal(double u);
/// Normal with mean and standard deviation.
inline double normal(double u, double mean, double sd) { return mean + sd * standard_normal(u); }
/// Lognormal: exp of a normal with parameters mu, sigma (of the log).
inline double lognormal(double u, double mu, double sigma) {
  return std::exp(normal(u, mu, sigma));
}
/// Logistic with location and scale.
inline double logistic(double u, double location, double scale) {
  return location + scale * std::log(u / (1.0 - u));
}
/// Index drawn from non-negative weights (need not sum to 1); weights must not all be zero.
std::size_t categorical(double u, std::span<const double> weights);
/// Normal truncated to [lo, hi] by inverting the CDF over the truncated range.
double truncated_normal(double u, double mean, double sd, double lo, double hi);
/// Exponential truncated to [0, hi].
double truncated_exponential(double u, double rate, double hi);

}  // namespace sample
}  // namespace cadresim::kernel
