// Population synthesis reproduces the scenario's distributions (reference baseline, seed 1).
// Tolerances: a share p over n posts is binomial, |p̂ − p| < 4·sqrt(p(1−p)/n); a mean over n draws
// is within 4·sd/sqrt(n) of the distribution's own mean (computed by sampling it 200,000 times,
// which is exact enough: its own error is 2 % of the tolerance).
#include <gtest/gtest.h>

#include <algorithm>  // std::clamp
#include <cmath>

#include "engine_test_support.hpp"
#include "sim/engine/engine.hpp"
#include "sim/kernel/random.hpp"  // the sampler the memoised draws must equal
#include "sim/rules/non_native.hpp"

namespace cadresim::enginetest {
namespace {

double distribution_mean(const model::Distribution& d, double& sd) {
  const kernel::RandomKey key(12345, 0);
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double x = d.sample(key.uniform(1, 0, static_cast<std::uint64_t>(i)));
    sum += x;
    sum2 += x * x;
  }
  const double mean = sum / n;
  sd = std::sqrt(std::max(0.0, sum2 / n - mean * mean));
  return mean;
}

TEST(Population, SynthesisReproducesSharesByLevel) {
  const auto& s = baseline();
  const auto& org = s.organisation;
  engine::Engine e(s, 1, 0);
  const auto& w = e.world();
  // Vacant at the start.
  double vacant = 0, n_posts = 0;  // posts in force at the start
  for (PostId p = 0; p < w.posts.size(); ++p) {
    if (!org.in_force(p)) continue;
    vacant += w.posts[p].holder == model::kNoCadre;
    ++n_posts;
  }
  const double pv = s.population.vacant_share;
  EXPECT_NEAR(vacant / n_posts, pv, 4 * std::sqrt(pv * (1 - pv) / n_posts));
  for (model::LevelId l = 0; l < org.levels.size(); ++l) {
    double n = 0, women = 0, n_native_eligible = 0, natives = 0;
    for (PostId p = 0; p < org.posts.size(); ++p) {
      const CadreId h = w.posts[p].holder;
      if (org.level_of(p) != l || h == model::kNoCadre || !w.cadres[h].name.empty())
        continue;  // synthesised only
      ++n;
      women += w.cadres[h].sex == model::Sex::kFemale;
      if (org.title_of(p).non_native != model::NonNativeRule::kRequired) {
        ++n_native_eligible;
        natives += rules::is_native(org, w.cadres[h], p);
      }
    }
    if (n < 20) continue;  // too few posts at this level for a test
    const double pf = s.population.female_share_by_level[l];
    EXPECT_NEAR(women / n, pf, 4 * std::sqrt(pf * (1 - pf) / n)) << org.levels[l].id;
    const double pn = s.population.native_share_by_level[l];
    // A native of a unit is someone from its subtree: a non-native draw may still land inside
    // only for units with nested same-level units, which the baseline's levels below the
    // province do not have.
    if (l >= 2) {
      EXPECT_NEAR(natives / n_native_eligible, pn, 4 * std::sqrt(pn * (1 - pn) / n_native_eligible))
          << org.levels[l].id;
    }
  }
}

TEST(Population, SynthesisReproducesAgeAndAttributeDistributions) {
  const auto& s = baseline();
  const auto& org = s.organisation;
  engine::Engine e(s, 1, 0);
  const auto& w = e.world();
  const Day start = s.calendar.start;
  // Men only: women older than their (lower) statutory age are moved to retire soon, which
  // shifts their ages on purpose.
  for (model::LevelId l = 0; l < org.levels.size(); ++l) {
    double n = 0, sum = 0;
    for (PostId p = 0; p < org.posts.size(); ++p) {
      const CadreId h = w.posts[p].holder;
      if (org.level_of(p) != l || h == model::kNoCadre || !w.cadres[h].name.empty()) continue;
      if (s.population.age_years_by_title.count(org.posts[p].title))
        continue;  // title-specific ages
      const auto& c = w.cadres[h];
      if (c.sex != model::Sex::kMale) continue;
      ++n;
      sum += (start - c.birth) / 365.2425;
    }
    if (n < 30) continue;
    double sd = 0;
    const double mean = distribution_mean(s.population.age_years_by_level[l], sd);
    EXPECT_NEAR(sum / n, mean, 4 * sd / std::sqrt(n)) << org.levels[l].id;
  }
  // Grade coefficients and competences of every synthesised holder.
  double n = 0, grade = 0, competence = 0;
  for (const auto& c : w.cadres) {
    if (!c.name.empty()) continue;
    ++n;
    grade += c.grade_coefficient;
    competence += c.competence;
  }
  double sd_g = 0, sd_c = 0;
  const double mg = distribution_mean(s.population.grade_coefficient, sd_g);
  const double mc = distribution_mean(s.population.competence, sd_c);
  EXPECT_NEAR(grade / n, mg, 4 * sd_g / std::sqrt(n));
  // Competence grows in the first month end only, which has not happened at construction.
  EXPECT_NEAR(competence / n, mc, 4 * sd_c / std::sqrt(n));
}

TEST(Population, TheSameOrganisationGivesTheSamePeopleWhateverThePolicy) {
  // Common random numbers: a policy variant (support) must not change who is in post at start.
  model::Scenario variant = baseline();
  variant.support.top_up_vnd_per_month = 5'000'000;
  variant.rotation.flows.clear();
  engine::Engine a(baseline(), 9, 3), b(variant, 9, 3);
  ASSERT_EQ(a.world().cadres.size(), b.world().cadres.size());
  for (std::size_t i = 0; i < a.world().cadres.size(); ++i) {
    EXPECT_EQ(a.world().cadres[i].birth, b.world().cadres[i].birth);
    EXPECT_EQ(a.world().cadres[i].post, b.world().cadres[i].post);
    EXPECT_EQ(a.world().cadres[i].home_unit, b.world().cadres[i].home_unit);
  }
}

}  // namespace
}  // namespace cadresim::enginetest

namespace cadresim::enginetest {
namespace {

// Distribution::sample keeps each normal's and lognormal's prepared terms in a per-thread memo
// keyed by the distribution's address (model/distribution.cpp). A draw must be that of
// sample::truncated_normal bit for bit, and a distribution changed in place (the same address,
// as a scenario edited between runs) must be prepared again, not served the old terms.
TEST(Population, NormalAndLognormalDrawsAreThoseOfTheSamplerEvenAfterAChangeInPlace) {
  model::Distribution d{model::DistributionKind::kNormal, 45, 8, 25, 60};
  for (double u : {0.001, 0.2, 0.5, 0.77, 0.999}) {
    EXPECT_EQ(d.sample(u), kernel::sample::truncated_normal(u, 45, 8, 25, 60));
    d.sd = 3;  // in place: the next draw must use the new sd
    EXPECT_EQ(d.sample(u), kernel::sample::truncated_normal(u, 45, 3, 25, 60));
    d.sd = 8;
  }
  model::Distribution l{model::DistributionKind::kLognormal, 120, 60, 12, 600};
  const double s2 = std::log(1 + (60.0 * 60.0) / (120.0 * 120.0));
  auto lognormal = [&](double u, double max) {
    return std::clamp(
        std::exp(kernel::sample::truncated_normal(u, std::log(120.0) - s2 / 2, std::sqrt(s2),
                                                  std::log(12.0), std::log(max))),
        12.0, max);
  };
  for (double u : {0.01, 0.5, 0.99}) {
    EXPECT_EQ(l.sample(u), lognormal(u, 600));
    l.max = 100;  // in place: the draw is that of the new range, not the old one clamped
    EXPECT_EQ(l.sample(u), lognormal(u, 100));
    l.max = 600;
  }
}

}  // namespace
}  // namespace cadresim::enginetest
