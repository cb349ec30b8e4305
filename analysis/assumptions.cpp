// Uncertainty from assumptions: Latin hypercube sets, variance split, sensitivity ranking.
#include "analysis/assumptions.hpp"

#include <fmt/core.h>  // fmt::format

#include <Eigen/Dense>  // least squares for the standardized regression coefficients

#include <algorithm>  // std::sort, std::stable_sort
#include <cmath>      // std::sqrt, std::abs, std::isnan
#include <limits>     // quiet_NaN
#include <numeric>    // std::iota

#include "analysis/lhs.hpp"
#include "analysis/messages.hpp"       // tr, trf
#include "analysis/text_width.hpp"     // format_table, plain_number
#include "sim/scenario/overrides.hpp"  // with_overrides

namespace cadresim::analysis {

namespace {
// Replications where a metric does not apply (NaN: a ratio with nothing to divide by) are left
// out; a set where it applies in none has a NaN mean.
double applicable(const std::vector<double>& v) {
  double k = 0;
  for (double x : v) k += !std::isnan(x);
  return k;
}
double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (double x : v)
    if (!std::isnan(x)) s += x;
  const double k = applicable(v);
  return v.empty() ? 0.0 : k > 0 ? s / k : std::numeric_limits<double>::quiet_NaN();
}
double var_of(const std::vector<double>& v) {
  const double k = applicable(v);
  if (k < 2) return 0;
  const double m = mean_of(v);
  double ss = 0;
  for (double x : v)
    if (!std::isnan(x)) ss += (x - m) * (x - m);
  return ss / (k - 1);
}
}  // namespace

VarianceSplit split_variance(const std::vector<std::vector<double>>& values) {
  VarianceSplit s;
  if (values.size() < 2) return s;
  std::vector<double> means;
  double within = 0, r = 0;  // r: replications per set where the metric applies, on average
  for (const auto& set : values) {
    means.push_back(mean_of(set));
    within += var_of(set);
    r += applicable(set);
  }
  r /= static_cast<double>(values.size());
  s.between_means = var_of(means);
  s.within = within / static_cast<double>(values.size());
  // E[Var(set means)] = σ²_A + σ²_W / R: remove the chance part of the spread of the means.
  s.assumptions = std::max(0.0, s.between_means - (r > 0 ? s.within / r : 0));
  const double total = s.assumptions + s.within;
  s.share = total > 0 ? s.assumptions / total : 0.0;
  return s;
}

std::vector<double> standardized_regression(const std::vector<std::vector<double>>& x,
                                            const std::vector<double>& y, double* r2) {
  const std::size_t n = y.size();
  const std::size_t k = x.empty() ? 0 : x.front().size();
  std::vector<double> out(k, 0.0);
  if (r2) *r2 = 0;
  if (n < 2 || k == 0) return out;
  const double sy = std::sqrt(var_of(y));
  if (sy == 0) return out;
  std::vector<double> sx(k);
  std::vector<std::size_t> used;
  for (std::size_t j = 0; j < k; ++j) {
    std::vector<double> col(n);
    for (std::size_t i = 0; i < n; ++i) col[i] = x[i][j];
    sx[j] = std::sqrt(var_of(col));
    if (sx[j] > 0) used.push_back(j);
  }
  const double my = mean_of(y);
  if (n <= used.size() + 1) {
    // Too few sets for a regression: fall back on correlations.
    for (std::size_t j : used) {
      double c = 0, mx = 0;
      for (std::size_t i = 0; i < n; ++i) mx += x[i][j];
      mx /= static_cast<double>(n);
      for (std::size_t i = 0; i < n; ++i) c += (x[i][j] - mx) * (y[i] - my);
      out[j] = c / static_cast<double>(n - 1) / (sx[j] * sy);
    }
    return out;
  }
  // Regress standardized y on standardized x (with an intercept): the slopes are the SRCs.
  Eigen::MatrixXd a(n, used.size() + 1);
  Eigen::VectorXd b(n);
  std::vector<double> mx(used.size());
  for (std::size_t c = 0; c < used.size(); ++c) {
    double m = 0;
    for (std::size_t i = 0; i < n; ++i) m += x[i][used[c]];
    mx[c] = m / static_cast<double>(n);
  }
  for (std::size_t i = 0; i < n; ++i) {
    a(static_cast<Eigen::Index>(i), 0) = 1.0;
    for (std::size_t c = 0; c < used.size(); ++c)
      a(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c + 1)) =
          (x[i][used[c]] - mx[c]) / sx[used[c]];
    b(static_cast<Eigen::Index>(i)) = (y[i] - my) / sy;
  }
  const Eigen::VectorXd coef = a.colPivHouseholderQr().solve(b);
  for (std::size_t c = 0; c < used.size(); ++c)
    out[used[c]] = coef(static_cast<Eigen::Index>(c + 1));
  if (r2) {
    const Eigen::VectorXd resid = b - a * coef;
    const double ss_tot = b.squaredNorm();
    *r2 = ss_tot > 0 ? std::max(0.0, 1.0 - resid.squaredNorm() / ss_tot) : 0.0;
  }
  return out;
}

std::vector<std::vector<double>> sample_assumption_sets(
    const std::vector<scenario::Assumption>& assumptions, std::size_t n, std::uint64_t seed) {
  const auto u = latin_hypercube(n, assumptions.size(), seed);
  std::vector<std::vector<double>> sets(n, std::vector<double>(assumptions.size()));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < assumptions.size(); ++j)
      sets[i][j] = assumptions[j].quantile(u[i][j]);
  return sets;
}

AssumptionStudy analyse_assumptions(const std::vector<scenario::Assumption>& assumptions,
                                    const std::vector<std::vector<double>>& sets,
                                    const std::vector<MetricSpec>& metrics,
                                    const std::vector<std::vector<std::vector<double>>>& values,
                                    const std::vector<std::vector<double>>& nominal) {
  AssumptionStudy s;
  s.assumptions = assumptions;
  s.sets = sets;
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    HeadlineUncertainty h;
    h.metric = metrics[m];
    if (m < nominal.size())
      h.monte_carlo =
          summarise_within(nominal[m], value_range({metrics[m].metric, metrics[m].group}));
    std::vector<std::vector<double>> by_set;
    std::vector<double> means;
    bool finite = true;
    for (const auto& set : values) {
      by_set.push_back(set[m]);
      means.push_back(mean_of(set[m]));
      finite = finite && std::isfinite(means.back());
      s.replications = set[m].size();
    }
    if (!finite) continue;  // a metric this scenario does not have
    h.set_means = summarise(means);
    std::vector<double> sorted = means;
    std::sort(sorted.begin(), sorted.end());
    h.total_low = quantile_sorted(sorted, 0.025);
    h.total_high = quantile_sorted(sorted, 0.975);
    h.split = split_variance(by_set);
    h.src = standardized_regression(sets, means, &h.r2);
    h.ranking.resize(assumptions.size());
    std::iota(h.ranking.begin(), h.ranking.end(), std::size_t{0});
    std::stable_sort(h.ranking.begin(), h.ranking.end(), [&](std::size_t a, std::size_t b) {
      return std::abs(h.src[a]) > std::abs(h.src[b]);
    });
    s.headlines.push_back(std::move(h));
  }
  return s;
}

std::vector<scenario::Override> assumption_overrides(
    const std::vector<scenario::Assumption>& assumptions, const std::vector<double>& set) {
  std::vector<scenario::Override> ov;
  for (std::size_t j = 0; j < set.size() && j < assumptions.size(); ++j)
    ov.push_back(scenario::number_override(assumptions[j].pointer, set[j], assumptions[j].integer));
  return ov;
}

AssumptionStudy run_assumption_study(const scenario::LoadedScenario& base, std::size_t n_sets,
                                     const std::vector<MetricSpec>& metrics, const RunOptions& o,
                                     const std::vector<ReplicationResult>* nominal_reps) {
  const auto sets = sample_assumption_sets(base.assumptions, n_sets, o.seed);
  const auto overrides_of = [&](std::size_t k) {
    return assumption_overrides(base.assumptions, sets[k]);
  };
  // Every set is read once up front, one at a time (a set that breaks a rule throws
  // InvalidInput before any work), and made again only while its replications run: memory holds
  // a scenario per worker, not one per set (run_points).
  for (std::size_t k = 0; k < sets.size(); ++k)
    (void)scenario::with_overrides(base, overrides_of(k));
  // Point 0 is the nominal scenario unless its replications are given.
  const std::size_t first_set = nominal_reps ? 0 : 1;
  auto values = run_points(  // same seeds everywhere: common random numbers
      sets.size() + first_set,
      [&](std::size_t p) {
        return p < first_set
                   ? PointScenario(PointScenario(), &base.scenario)
                   : share_scenario(scenario::with_overrides(base, overrides_of(p - first_set)));
      },
      metrics, o);
  std::vector<std::vector<double>> nominal;
  if (nominal_reps) {
    const double years = run_years(base.scenario, o.until);
    nominal.assign(metrics.size(), std::vector<double>());
    for (const auto& r : *nominal_reps)
      for (std::size_t m = 0; m < metrics.size(); ++m)
        nominal[m].push_back(metric_value(r, metrics[m], years));
  } else {
    nominal = values.front();
    values.erase(values.begin());
  }
  AssumptionStudy s = analyse_assumptions(base.assumptions, sets, metrics, values, nominal);
  s.seed = o.seed;
  s.replications = o.replications;
  return s;
}

nlohmann::json assumption_study_json(const AssumptionStudy& s) {
  using json = nlohmann::json;
  json j;
  j["sets"] = s.sets.size();
  j["replications_per_set"] = s.replications;
  j["seed"] = s.seed;
  j["design"] =
      "Latin hypercube; every set uses the seeds of the nominal run (common random numbers)";
  json as = json::array();
  for (const auto& a : s.assumptions)
    as.push_back({{"pointer", a.pointer},
                  {"min", a.min},
                  {"max", a.max},
                  {"distribution", a.distribution},
                  {"value", a.value},
                  {"note", a.note}});
  j["assumptions"] = as;
  j["samples"] = s.sets;
  json hs = json::array();
  for (const auto& h : s.headlines) {
    json top = json::array();
    for (std::size_t i = 0; i < h.ranking.size(); ++i)
      top.push_back(
          {{"pointer", s.assumptions[h.ranking[i]].pointer}, {"src", h.src[h.ranking[i]]}});
    hs.push_back(
        {{"metric", h.metric.name},
         {"monte_carlo",
          {{"mean", h.monte_carlo.mean},
           {"ci_low", h.monte_carlo.ci_low},
           {"ci_high", h.monte_carlo.ci_high}}},
         {"total", {{"mean", h.set_means.mean}, {"low", h.total_low}, {"high", h.total_high}}},
         {"variance",
          {{"between_set_means", h.split.between_means},
           {"within_sets", h.split.within},
           {"assumptions", h.split.assumptions},
           {"assumption_share", h.split.share}}},
         {"regression_r2", h.r2},
         {"sensitivity", top}});
  }
  j["headlines"] = hs;
  return j;
}

std::string format_assumption_study(const AssumptionStudy& s, Lang lang) {
  // Numbers to 4 significant digits without exponents (a cost of 4,144,000,000 VND, not
  // 4.144e+09) and with the language's marks; an interval's bounds are separated as
  // format_interval does ("1.5 [1.2, 1.8]", "1,5 [1,2; 1,8]").
  const auto interval = [lang](double mean, double low, double high) {
    return plain_interval(mean, low, high, 4, false, lang);
  };
  std::string out(1, '\n');
  out +=
      trf(lang, "summary.assumptions.intro", s.sets.size(), s.assumptions.size(), s.replications);
  std::vector<std::vector<std::string>> rows{
      {std::string(tr(lang, "summary.compare.metric")),
       std::string(tr(lang, "summary.assumptions.monte_carlo")),
       std::string(tr(lang, "summary.assumptions.total")),
       std::string(tr(lang, "summary.assumptions.share")),
       std::string(tr(lang, "summary.assumptions.most_influential"))}};
  for (const auto& h : s.headlines) {
    std::string top;
    for (std::size_t i = 0; i < h.ranking.size() && i < 3; ++i)
      top += fmt::format("{}{} ({})", i ? ", " : "", s.assumptions[h.ranking[i]].pointer, [&] {
        std::string c = fmt::format("{:+.2f}", h.src[h.ranking[i]]);
        std::replace(c.begin(), c.end(), '.', decimal_mark(lang));
        return c;
      }());
    rows.push_back({h.metric.name,
                    interval(h.monte_carlo.mean, h.monte_carlo.ci_low, h.monte_carlo.ci_high),
                    interval(h.set_means.mean, h.total_low, h.total_high),
                    fmt::format("{:.0f}%", 100 * h.split.share), top});
  }
  out += format_table(rows, 4);  // columns as wide as their cells; the ranking left-aligned
  return out;
}

}  // namespace cadresim::analysis
