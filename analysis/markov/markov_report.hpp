#pragma once
/// @file Reports of the analytic Markov manpower model, as `cadresim markov` prints them: what
/// can be computed from one input (projection, fundamental matrix, limiting or stationary stocks,
/// recruitment for a target, vacancy chains) with notes on what cannot and why, and the
/// comparison of a matrix estimated from simulated histories with the simulation itself. Each
/// report renders as JSON or as fixed-width text tables.

#include <Eigen/Dense>  // Eigen::VectorXd, Eigen::RowVectorXd

#include <cstdint>   // std::uint64_t
#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "analysis/markov/estimation.hpp"      // TransitionEstimate, StateBy
#include "analysis/markov/manpower_model.hpp"  // Projection, OpenChain, Attainability, ...
#include "analysis/markov/markov_input.hpp"    // MarkovInput
#include "sim/text/messages.hpp"               // text::Message notes, text::Lang tables

namespace cadresim::analysis::markov {

/// Everything computed from one input; each optional is present when the input allows it.
/// Refers to the input, which must outlive it.
struct ModelReport {
  explicit ModelReport(const MarkovInput& input) : in(input) {}
  const MarkovInput& in;                         ///< the input analysed
  std::string file;                              ///< its file name, for the heading
  Eigen::VectorXd leaving;                       ///< w_i = 1 − Σ_j P_ij
  bool closed = false;                           ///< every row sums to 1
  std::optional<Projection> projection;          ///< when stocks are given
  std::optional<OpenChain> open;                 ///< open chains without absorbing groups
  std::optional<Eigen::RowVectorXd> limiting;    ///< under constant recruitment
  std::optional<Eigen::RowVectorXd> stationary;  ///< closed chains with a unique one
  std::optional<Attainability> attainability;    ///< when target stocks are given
  std::string attainability_statement;           ///< the same, in words (English)
  text::Message attainability_text;              ///< the same, to render in a language
  std::optional<VacancyChains> vacancy;          ///< when vacancy moves are given
  std::vector<text::Message> notes;  ///< why a quantity the reader might expect is absent
};

/// Analyses `in` (read from `file`, named in the table's heading).
ModelReport analyse_model(const MarkovInput& in, std::string file);
/// The report as indented JSON (keys in reading order), ending with a line break.
std::string model_report_json(const ModelReport& r);
/// The report as titled fixed-width tables, then the notes, in `lang` (its words, decimal mark
/// and dates; the JSON form is language-neutral, its notes in English).
std::string model_report_table(const ModelReport& r, text::Lang lang = text::Lang::kEn);

/// An estimated matrix, the projection from it, and how far that projection is from the
/// simulation.
struct EstimateReport {
  std::string source;                ///< the scenario file
  std::string scenario;              ///< the scenario's name
  StateBy by = StateBy::kLevel;      ///< what the states are
  std::uint64_t seed = 1;            ///< seed of the simulated replications
  TransitionEstimate estimate;       ///< the estimate itself
  Projection projection;             ///< n(t+1) = n(t) P + r from the first year end
  double max_gap = 0;                ///< largest |projected − simulated| / se over years ≥ 1
  std::string max_gap_state;         ///< where that gap is
  std::string max_gap_date;          ///< and when (ISO date)
  std::vector<text::Message> notes;  ///< how to read the comparison
};

/// Projects the estimate from the first year end's mean stocks and measures the largest gap to
/// the simulated stocks. `source` is the scenario file, `scenario` its name.
EstimateReport analyse_estimate(TransitionEstimate e, const std::string& source,
                                const std::string& scenario, StateBy by, std::uint64_t seed);
/// The estimate report as indented JSON, ending with a line break.
std::string estimate_report_json(const EstimateReport& r);
/// The estimate report as titled fixed-width tables, then the notes, in `lang`.
std::string estimate_report_table(const EstimateReport& r, text::Lang lang = text::Lang::kEn);

}  // namespace cadresim::analysis::markov
