#pragma once
/// @file Latin hypercube sampling: n points in the unit cube [0, 1)^d such that, in every
/// dimension, exactly one point falls in each of the n strata [i/n, (i+1)/n). Random numbers
/// come from Philox keyed by (seed, a reserved replication number), so a design is a pure
/// function of (n, d, seed), on every platform and whatever the thread count.

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint64_t
#include <vector>   // std::vector

namespace cadresim::analysis {

/// The replication number reserved for design sampling in the key (seed, replication); no
/// simulation replication reaches it.
inline constexpr std::uint64_t kDesignStream = 0xD35167ull << 40;

/// n × d points, point-major (`result[i][j]` is dimension j of point i), each in (0, 1).
std::vector<std::vector<double>> latin_hypercube(std::size_t n, std::size_t d, std::uint64_t seed);

}  // namespace cadresim::analysis
