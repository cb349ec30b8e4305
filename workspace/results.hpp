#pragma once
/// @file What the page shows of a finished run, and the league table of a room: a few headline
/// quantities with 95 % intervals, chosen series for the charts, the pipeline at each election,
/// for the base and every what-if, with the paired differences (common random numbers).

#include <nlohmann/json.hpp>

#include <string>  // std::string
#include <vector>  // std::vector

#include "analysis/runner.hpp"  // Aggregate, Summary

namespace cadresim::workspace {

/// One scenario of a finished run, summarised for the page.
struct ScenarioOutcome {
  std::string label;               ///< "baseline" or the what-if's (team's) name
  analysis::Aggregate values;      ///< across replications
  analysis::Aggregate difference;  ///< paired difference from the base (not for the base)
  bool has_difference = false;
};

/// Support cost over the period, million VND (mean and 95 % interval across replications).
analysis::Summary cost_million_vnd(const analysis::Aggregate& a);
/// Key posts covered: 1 − (vacant key posts, averaged over the run's month ends) / key posts,
/// with the interval transformed the same way (a linear map of the mean).
analysis::Summary key_posts_covered(const analysis::Aggregate& a, std::size_t key_posts);

/// {"key_posts", "replications", "scenarios": [{label, headlines: [{metric, value, difference}],
/// series: {metric: {dates, mean, ci_low, ci_high}}, difference_series, pipeline: [...]}]}.
nlohmann::json outcomes_json(const std::vector<ScenarioOutcome>& outcomes, std::size_t key_posts);

/// One row of a room's league table.
struct LeagueRow {
  std::string team;
  analysis::Summary cost;          ///< million VND over the period
  analysis::Summary covered;       ///< share of key posts covered (0–1)
  analysis::Summary covered_gain;  ///< paired difference of `covered` from the base
  bool over_budget = false;        ///< mean cost above the room's budget
  std::size_t rank = 0;            ///< 1 = best
};

/// Ranks teams: those within budget first, then by key posts covered (higher first), then by
/// cost (lower first), then by name. `outcomes[0]` is the base (not ranked).
std::vector<LeagueRow> league_table(const std::vector<ScenarioOutcome>& outcomes,
                                    std::size_t key_posts, double budget_million_vnd);
/// The league table as JSON rows.
nlohmann::json league_json(const std::vector<LeagueRow>& rows);

}  // namespace cadresim::workspace
