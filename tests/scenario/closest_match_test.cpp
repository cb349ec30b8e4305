// "Did you mean": scenario::closest_match against a plain edit-distance table, on random words
// and candidate lists (the loader's version stops measuring a candidate once it cannot win).
#include <gtest/gtest.h>

#include <algorithm>  // std::min
#include <random>     // std::mt19937_64: fixed-seed words
#include <string>
#include <vector>

#include "sim/scenario/problems.hpp"

namespace cadresim::scenario {
namespace {

std::size_t plain_edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j)
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1] ? 1u : 0u)});
  return d[a.size()][b.size()];
}

// The first candidate at the least distance, if within max(2, |word| / 3).
std::string plain_closest_match(const std::string& word, const std::vector<std::string>& cands) {
  std::string best;
  std::size_t best_d = ~std::size_t{0};
  for (const auto& c : cands)
    if (const std::size_t d = plain_edit_distance(word, c); d < best_d) {
      best_d = d;
      best = c;
    }
  return best_d <= std::max<std::size_t>(2, word.size() / 3) ? best : std::string{};
}

TEST(ClosestMatch, SuggestsWhatTheWholeTableSuggestsOnRandomWords) {
  std::mt19937_64 rng(20261202);
  // A three-letter alphabet and short words, so that near misses and ties are common.
  auto word = [&](std::size_t max_len) {
    std::string w(rng() % (max_len + 1), 'a');
    for (char& ch : w) ch = static_cast<char>('a' + rng() % 3);
    return w;
  };
  std::size_t suggested = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::vector<std::string> cands(rng() % 8);
    for (auto& c : cands) c = word(12);
    // Half the time the word is a candidate with a letter or two changed.
    std::string w = word(12);
    if (!cands.empty() && trial % 2 == 0) {
      w = cands[rng() % cands.size()];
      for (int k = static_cast<int>(rng() % 3); k > 0 && !w.empty(); --k)
        w[rng() % w.size()] = static_cast<char>('a' + rng() % 3);
    }
    const std::string expected = plain_closest_match(w, cands);
    ASSERT_EQ(closest_match(w, cands), expected) << "word \"" << w << "\", trial " << trial;
    suggested += !expected.empty();
  }
  EXPECT_GT(suggested, 1000u) << "the trials must exercise suggestions, not only refusals";
}

TEST(ClosestMatch, KeepsTheFirstOfEquallyCloseCandidatesAndRefusesFarOnes) {
  EXPECT_EQ(closest_match("senoir", {"junior", "senior", "seniors"}), "senior");
  EXPECT_EQ(closest_match("ab", {"ax", "xb"}), "ax");  // both at 1: the first
  EXPECT_EQ(closest_match("province", {"district", "commune"}), "");
  EXPECT_EQ(closest_match("", {"ab", "abc"}), "ab");  // within the floor of 2
  EXPECT_EQ(closest_match("abc", {}), "");
}

}  // namespace
}  // namespace cadresim::scenario
