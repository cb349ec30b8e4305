// Latin hypercube: a random permutation of the strata per dimension, a random point in each.
#include "analysis/lhs.hpp"

#include <numeric>  // std::iota
#include <utility>  // std::swap

#include "sim/kernel/random.hpp"  // RandomKey (Philox)

namespace cadresim::analysis {

std::vector<std::vector<double>> latin_hypercube(std::size_t n, std::size_t d, std::uint64_t seed) {
  std::vector<std::vector<double>> x(n, std::vector<double>(d, 0.0));
  const kernel::RandomKey key(seed, kDesignStream);
  std::vector<std::size_t> perm(n);
  for (std::size_t j = 0; j < d; ++j) {
    // Fisher-Yates with draws (purpose = dimension, entity 0 = permutation, index = step).
    std::iota(perm.begin(), perm.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) {
      const double u = key.uniform(j, 0, i);
      const auto k = static_cast<std::size_t>(u * static_cast<double>(i));
      std::swap(perm[i - 1], perm[k < i ? k : i - 1]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      const double jitter = key.uniform(j, 1, i);  // entity 1 = position inside the stratum
      x[i][j] = (static_cast<double>(perm[i]) + jitter) / static_cast<double>(n);
    }
  }
  return x;
}

}  // namespace cadresim::analysis
