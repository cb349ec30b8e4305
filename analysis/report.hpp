#pragma once
/// @file Outputs of a run or a comparison: the terminal summary, report.json (all metrics with
/// the resolved scenario and provenance), tidy series.csv, and the self-contained report.html.
/// Files are written to a temporary name and renamed into place.

#include <nlohmann/json.hpp>  // report.json

#include <filesystem>  // std::filesystem::path
#include <string>      // std::string
#include <vector>      // std::vector

#include "analysis/messages.hpp"  // Lang
#include "analysis/runner.hpp"

namespace cadresim::analysis {

/// One scenario's results, ready to report.
struct ScenarioResults {
  std::string name;         ///< scenario name
  std::string source;       ///< file path or the built-in name
  nlohmann::json resolved;  ///< fully resolved scenario
  const model::Scenario* scenario = nullptr;
  Aggregate aggregate;   ///< across replications
  Aggregate difference;  ///< paired difference against the base (comparisons only)
  bool has_difference = false;
  /// What this scenario changes from its base: [{pointer, base, variant}] (empty: nothing).
  nlohmann::json changes = nlohmann::json::array();
  std::string changed_from;  ///< the base the changes are measured from
  /// Uncertainty from assumptions (run --assumptions; analysis/assumptions.hpp): report.json's
  /// "uncertainty" object and its terminal text; null and empty otherwise.
  nlohmann::json uncertainty;
  std::string uncertainty_summary;
};

/// Provenance of a run.
struct Provenance {
  std::uint64_t seed = 1;
  std::size_t replications = 0;
  unsigned threads = 0;
  std::string version;
  std::string created;  ///< ISO date-time (UTC) of the run
  std::string command;  ///< the command line
  /// Cadre names are written only when asked (--with-names); otherwise report.json (and the
  /// HTML report built from it) carries the resolved scenario without them.
  bool with_names = false;
};

/// `resolved` without the `name` of each entry of population.named_cadres (names do not
/// change the simulation, so the document still reproduces the run).
nlohmann::json without_names(nlohmann::json resolved);

/// The terminal summary of a run (one scenario) or a comparison (base first), in `lang`
/// (analysis/summary.cpp).
std::string format_summary(const std::vector<ScenarioResults>& results, const Provenance& prov,
                           Lang lang = Lang::kEn);
/// The warning for fewer than kMinStableReplications replications ("" otherwise), one line,
/// for standard error: it is not part of the summary (summary.txt), report.json has it as well.
std::string replication_warning(const Provenance& prov, Lang lang = Lang::kEn);
/// "What each scenario changes from its base" and the uncertainty from assumptions, for the
/// terminal summary (analysis/changes.cpp); empty when there is neither.
std::string format_changes(const std::vector<ScenarioResults>& results, Lang lang = Lang::kEn);
/// report.json.
nlohmann::json report_json(const std::vector<ScenarioResults>& results, const Provenance& prov);
/// Tidy series.csv: scenario, metric, group, date, mean, ci_low, ci_high, p05, p50, p95 (and
/// the same for paired differences, with scenario "<variant> - <base>").
std::string series_csv(const std::vector<ScenarioResults>& results);
/// The self-contained HTML report (inline data, script and styles; opens offline), its texts
/// in `lang`.
std::string report_html(const nlohmann::json& report, Lang lang = Lang::kEn);

/// Writes `content` to `path` through a temporary file in the same directory and a rename,
/// so readers never see a half-written file. Throws std::runtime_error on failure.
void write_file_atomic(const std::filesystem::path& path, const std::string& content);

/// Formats "mean [low, high]" with `decimals` decimals, in the number format of `lang`
/// (vi: "41.566,6 [40.100,2; 43.000,0]").
std::string format_interval(const Summary& s, int decimals = 1, Lang lang = Lang::kEn);

}  // namespace cadresim::analysis
