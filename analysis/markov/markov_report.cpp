// Reports of the Markov manpower model (markov_report.hpp): analysis of one input with notes,
// the estimate-versus-simulation comparison, and their JSON and table renderings.
#include "analysis/markov/markov_report.hpp"

#include <fmt/core.h>    // fmt::format
#include <fmt/ranges.h>  // fmt::join

#include <nlohmann/json.hpp>  // nlohmann::ordered_json (keys in a readable order)

#include <algorithm>  // std::max
#include <cmath>      // std::abs, std::pow
#include <span>       // std::span
#include <utility>    // std::move

#include "sim/kernel/calendar.hpp"  // kernel::format_iso_date

namespace cadresim::analysis::markov {
namespace {

using Json = nlohmann::ordered_json;

std::string quoted_groups(const std::vector<std::vector<Eigen::Index>>& groups,
                          const std::vector<std::string>& names) {
  std::vector<std::string> parts;
  for (const auto& g : groups) {
    std::vector<std::string> members;
    for (Eigen::Index i : g)
      members.push_back(fmt::format("'{}'", names[static_cast<std::size_t>(i)]));
    parts.push_back(fmt::format("{{{}}}", fmt::join(members, ", ")));
  }
  return fmt::format("{}", fmt::join(parts, " and "));
}

template <typename Vector>
Json vector_json(const Vector& v) {
  Json out = Json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) out.push_back(v(i));
  return out;
}

Json matrix_json(const Eigen::MatrixXd& m) {
  Json out = Json::array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) out.push_back(vector_json(m.row(i)));
  return out;
}

// Fixed-point text of x; values that would print as -0.000 print as 0.000.
std::string number(double x, int decimals) {
  if (std::abs(x) < 0.5 * std::pow(10.0, -decimals)) x = 0;
  return fmt::format("{:.{}f}", x, decimals);
}

// Display width of UTF-8 text, counting code points (state names are precomposed text).
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string pad_left(const std::string& s, std::size_t w) {
  return std::string(w > width(s) ? w - width(s) : 0, ' ') + s;
}
std::string pad_right(const std::string& s, std::size_t w) {
  return s + std::string(w > width(s) ? w - width(s) : 0, ' ');
}

// A titled table: a header row of column names, then one row per row name.
void table(std::string& out, const std::string& title, const std::string& corner,
           const std::vector<std::string>& rows, const std::vector<std::string>& cols,
           const Eigen::MatrixXd& m, int decimals) {
  std::size_t row_w = width(corner);
  for (const auto& name : rows) row_w = std::max(row_w, width(name));
  std::vector<std::size_t> col_w(cols.size());
  std::vector<std::vector<std::string>> cells(rows.size(), std::vector<std::string>(cols.size()));
  for (std::size_t k = 0; k < cols.size(); ++k) {
    col_w[k] = width(cols[k]);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      cells[i][k] = number(m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)), decimals);
      col_w[k] = std::max(col_w[k], width(cells[i][k]));
    }
  }
  out += title + "\n";
  out += "  " + pad_right(corner, row_w);
  for (std::size_t k = 0; k < cols.size(); ++k) out += "  " + pad_left(cols[k], col_w[k]);
  out += "\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out += "  " + pad_right(rows[i], row_w);
    for (std::size_t k = 0; k < cols.size(); ++k) out += "  " + pad_left(cells[i][k], col_w[k]);
    out += "\n";
  }
  out += "\n";
}

// Appends a column to a matrix (e.g. leaving probabilities next to transition probabilities).
Eigen::MatrixXd with_column(const Eigen::MatrixXd& m, const Eigen::VectorXd& c) {
  Eigen::MatrixXd out(m.rows(), m.cols() + 1);
  out << m, c;
  return out;
}

}  // namespace

ModelReport analyse_model(const MarkovInput& in, std::string file) {
  ModelReport r(in);
  r.file = std::move(file);
  r.leaving = leaving_probabilities(in.transitions);
  r.closed = is_closed(in.transitions);
  const Eigen::MatrixXd& p = in.transitions;
  const auto groups = closed_classes(p);

  if (in.stocks)
    r.projection = project(p, *in.stocks, in.recruitment, in.periods);
  else
    r.notes.push_back("No \"stocks\" given, so there is no projection, flows or exits.");

  if (r.closed) {
    r.notes.push_back(
        "Every row sums to 1: nobody leaves (a closed chain), so there is no fundamental matrix, "
        "expected time in the system, exit distribution or limiting stocks.");
    try {
      r.stationary = stationary_distribution(p);
    } catch (const MarkovError& e) {
      r.notes.push_back(groups.size() > 1
                            ? fmt::format("The stationary distribution is not unique: the states "
                                          "split into separate closed groups {} that never "
                                          "exchange people, so the long-run shares depend on "
                                          "where people start.",
                                          quoted_groups(groups, in.states))
                            : std::string(e.what()));
    }
  } else if (!groups.empty()) {
    r.notes.push_back(fmt::format(
        "States {} are never left once entered (their rows sum to 1 and no move goes outside "
        "the group), so I − P is singular: there is no fundamental matrix, expected time in "
        "the system, exit distribution or limiting stocks, and no stationary distribution "
        "because other states lose people.",
        quoted_groups(groups, in.states)));
  } else {
    r.open = analyse_open_chain(p);
    if (in.constant_recruitment())
      r.limiting = limiting_stocks(p, in.recruitment.front());
    else if (in.recruitment_per_period)
      r.notes.push_back(
          "Recruitment changes by period, so there are no limiting stocks (they "
          "need the same recruitment every period).");
  }

  if (in.target_stocks) {
    r.attainability = recruitment_for_target(p, *in.target_stocks);
    r.attainability_statement = describe_attainability(*r.attainability, in.states);
  }
  if (in.vacancy_moves) r.vacancy = analyse_vacancy_chains(*in.vacancy_moves);
  return r;
}

std::string model_report_json(const ModelReport& r) {
  Json j;
  j["states"] = r.in.states;
  j["closed"] = r.closed;
  j["leaving"] = vector_json(r.leaving);
  if (r.projection) {
    j["periods"] = r.in.periods;
    Json stocks = Json::array(), flows = Json::array(), exits = Json::array();
    for (const auto& s : r.projection->stocks) stocks.push_back(vector_json(s));
    for (const auto& f : r.projection->flows) flows.push_back(matrix_json(f));
    for (const auto& e : r.projection->exits) exits.push_back(vector_json(e));
    j["projection"] = std::move(stocks);
    j["flows"] = std::move(flows);
    j["exits"] = std::move(exits);
  }
  if (r.open) {
    j["fundamental_matrix"] = matrix_json(r.open->fundamental);
    j["expected_periods_in_system"] = vector_json(r.open->expected_periods);
    j["exit_distribution"] = matrix_json(r.open->exit_distribution);
  }
  if (r.limiting) j["limiting_stocks"] = vector_json(*r.limiting);
  if (r.stationary) j["stationary_distribution"] = vector_json(*r.stationary);
  if (r.attainability) {
    j["recruitment_for_target"] = vector_json(r.attainability->recruitment);
    j["attainable"] = r.attainability->attainable;
    j["attainability"] = r.attainability_statement;
  }
  if (r.vacancy) {
    j["vacancy_chain_length"] = vector_json(r.vacancy->expected_length);
    j["vacancy_chain_end_distribution"] = matrix_json(r.vacancy->end_distribution);
  }
  j["notes"] = r.notes;
  return j.dump(2, ' ', false) + "\n";
}

std::string model_report_table(const ModelReport& r) {
  const auto& names = r.in.states;
  const auto n = static_cast<Eigen::Index>(names.size());
  std::vector<std::string> with_leaving = names;
  with_leaving.push_back("leaving");
  std::string out;
  out += fmt::format("cadresim markov: {}\n{} states; {}", r.file, names.size(),
                     r.closed ? "closed chain (nobody leaves)" : "open chain (people leave)");
  if (r.projection) out += fmt::format("; projection over {} periods", r.in.periods);
  out += "\n\n";

  table(out, "Transition probabilities per period (row = from, column = to)", "from \\ to", names,
        with_leaving, with_column(r.in.transitions, r.leaving), 4);

  if (r.projection) {
    const auto& pr = *r.projection;
    std::vector<std::string> periods;
    Eigen::MatrixXd stocks(static_cast<Eigen::Index>(pr.stocks.size()), n + 1);
    for (std::size_t t = 0; t < pr.stocks.size(); ++t) {
      periods.push_back(std::to_string(t));
      stocks.row(static_cast<Eigen::Index>(t)) << pr.stocks[t], pr.stocks[t].sum();
    }
    std::vector<std::string> cols = names;
    cols.push_back("total");
    table(out, "Projected stocks n(t+1) = n(t) P + r (t = 0 is the initial stock)", "t", periods,
          cols, stocks, 1);
    for (std::size_t t = 0; t < pr.flows.size(); ++t)
      table(out,
            fmt::format("Flows during period {} → {} (row = from, column = to; people)", t, t + 1),
            "from \\ to", names, with_leaving, with_column(pr.flows[t], pr.exits[t].transpose()),
            1);
  }
  if (r.open) {
    table(out,
          "Fundamental matrix N = (I − P)^-1: expected periods spent in each state (column) by "
          "someone now in a state (row), current period included",
          "from \\ in", names, names, r.open->fundamental, 2);
    table(out, "Expected periods in the system (N·1), current period included", "from", names,
          {"periods"}, r.open->expected_periods, 2);
    table(out,
          "Exit distribution N·diag(w): probability that someone now in a state (row) leaves "
          "from each state (column)",
          "from \\ leaves from", names, names, r.open->exit_distribution, 4);
  }
  if (r.limiting)
    table(out, "Limiting stocks under constant recruitment r (r N)", "", {"stock"}, names,
          *r.limiting, 1);
  if (r.stationary)
    table(out, "Stationary distribution (π P = π, shares summing to 1)", "", {"share"}, names,
          *r.stationary, 4);
  if (r.attainability) {
    Eigen::MatrixXd m(2, n);
    m << *r.in.target_stocks, r.attainability->recruitment;
    table(out, "Recruitment that holds the target structure, r = n* (I − P)", "",
          {"target n*", "recruitment r"}, names, m, 1);
    out += r.attainability_statement + "\n\n";
  }
  if (r.vacancy) {
    Eigen::MatrixXd m(n, n + 1);
    m << r.vacancy->expected_length, r.vacancy->end_distribution;
    std::vector<std::string> cols{"length"};
    for (const auto& name : names) cols.push_back("ends at " + name);
    table(out,
          "Vacancy chains: expected length (moves, final fill from outside included) and where a "
          "chain starting at each stratum (row) ends",
          "starts at", names, cols, m, 4);
  }
  for (const auto& note : r.notes) out += "Note: " + note + "\n";
  return out;
}

EstimateReport analyse_estimate(TransitionEstimate e, const std::string& source,
                                const std::string& name, StateBy by, std::uint64_t seed) {
  EstimateReport r;
  r.source = source;
  r.scenario = name;
  r.by = by;
  r.seed = seed;
  const int periods = static_cast<int>(e.stock_mean.size()) - 1;
  r.projection =
      project(e.transitions(), e.stock_mean.front(), std::span(&e.recruitment, 1), periods);
  for (int t = 1; t <= periods; ++t) {
    const auto k = static_cast<std::size_t>(t);
    for (Eigen::Index i = 0; i < e.recruitment.size(); ++i) {
      const double se = e.stock_se[k](i);
      const double gap = std::abs(r.projection.stocks[k](i) - e.stock_mean[k](i));
      if (se <= 0 || gap / se <= r.max_gap) continue;
      r.max_gap = gap / se;
      r.max_gap_state = e.states[static_cast<std::size_t>(i)];
      r.max_gap_date = kernel::format_iso_date(e.dates[k]);
    }
  }
  std::vector<std::string> unseen;
  for (Eigen::Index i = 0; i < e.exposure.size(); ++i)
    if (e.exposure(i) <= 0)
      unseen.push_back(fmt::format("'{}'", e.states[static_cast<std::size_t>(i)]));
  if (!unseen.empty())
    r.notes.push_back(fmt::format(
        "No cadre was observed in {} at a year end, so there is no estimate: their rows of "
        "transitions and leaving are 0, and the projection treats anyone there as leaving.",
        fmt::join(unseen, ", ")));
  r.notes.push_back(
      "States are observed at the end of each 31 December. The projection starts from the mean "
      "simulated stocks of the first year end and applies the estimated P and the mean observed "
      "recruitment every year; recruits who join and leave within one year are not seen.");
  if (by != StateBy::kPool)
    r.notes.push_back(
        "A gap of more than about 4 standard errors means the detailed model is not a "
        "time-homogeneous Markov chain over these states (durations, quotas, ages, vacancies).");
  r.estimate = std::move(e);
  return r;
}

std::string estimate_report_json(const EstimateReport& r) {
  const auto& e = r.estimate;
  const auto n = static_cast<Eigen::Index>(e.states.size());
  Json j;
  j["source"] = r.source;
  j["scenario"] = r.scenario;
  j["by"] = to_string(r.by);
  j["replications"] = e.replications;
  j["seed"] = r.seed;
  j["states"] = e.states;
  Json dates = Json::array();
  for (kernel::Day d : e.dates) dates.push_back(kernel::format_iso_date(d));
  j["snapshot_dates"] = std::move(dates);
  j["exposure"] = vector_json(e.exposure);
  j["counts"] = matrix_json(e.counts);
  j["transitions"] = matrix_json(e.probability.leftCols(n));
  j["leaving"] = vector_json(e.probability.col(n));
  j["transitions_se"] = matrix_json(e.standard_error.leftCols(n));
  j["leaving_se"] = vector_json(e.standard_error.col(n));
  j["recruitment"] = vector_json(e.recruitment);
  Json sim = Json::array(), se = Json::array(), proj = Json::array();
  for (const auto& v : e.stock_mean) sim.push_back(vector_json(v));
  for (const auto& v : e.stock_se) se.push_back(vector_json(v));
  for (const auto& v : r.projection.stocks) proj.push_back(vector_json(v));
  j["simulated_stocks"] = std::move(sim);
  j["simulated_stocks_se"] = std::move(se);
  j["projected_stocks"] = std::move(proj);
  j["max_gap_in_standard_errors"] = r.max_gap;
  j["notes"] = r.notes;
  return j.dump(2, ' ', false) + "\n";
}

std::string estimate_report_table(const EstimateReport& r) {
  const auto& e = r.estimate;
  const auto n = static_cast<Eigen::Index>(e.states.size());
  std::vector<std::string> with_leaving = e.states;
  with_leaving.push_back("leaving");
  std::string out;
  out += fmt::format("cadresim markov --from-scenario: {} (scenario '{}')\n", r.source, r.scenario);
  out += fmt::format(
      "{} replication(s), seed {}; states: {} ({}); observed at {} year ends, {} to {}\n\n",
      e.replications, r.seed, to_string(r.by), e.states.size(), e.dates.size(),
      kernel::format_iso_date(e.dates.front()), kernel::format_iso_date(e.dates.back()));
  table(out,
        "Estimated yearly transition probabilities (row = from, column = to; counts over exposure)",
        "from \\ to", e.states, with_leaving, e.probability, 4);
  table(out, "Standard errors, sqrt(p (1 − p) / exposure)", "from \\ to", e.states, with_leaving,
        e.standard_error, 4);
  Eigen::MatrixXd ex(n, 2);
  ex << e.exposure, e.recruitment.transpose();
  table(out, "Exposure (cadre-years observed) and mean recruitment per year", "state", e.states,
        {"cadre-years", "recruits/year"}, ex, 2);
  std::vector<std::string> cols, rows;
  for (const auto& id : e.states) {
    cols.push_back(id + " sim");
    cols.push_back("±");
    cols.push_back(id + " proj");
  }
  Eigen::MatrixXd m(static_cast<Eigen::Index>(e.dates.size()), 3 * n);
  for (std::size_t k = 0; k < e.dates.size(); ++k) {
    rows.push_back(kernel::format_iso_date(e.dates[k]));
    for (Eigen::Index i = 0; i < n; ++i) {
      const auto kk = static_cast<Eigen::Index>(k);
      m(kk, 3 * i) = e.stock_mean[k](i);
      m(kk, 3 * i + 1) = e.stock_se[k](i);
      m(kk, 3 * i + 2) = r.projection.stocks[k](i);
    }
  }
  table(out,
        "Stocks at each year end: simulated mean, its standard error, and the analytic "
        "projection n(t+1) = n(t) P + r",
        "date", rows, cols, m, 1);
  if (!r.max_gap_state.empty())
    out += fmt::format(
        "Largest gap between projection and simulation: {:.2f} standard errors ('{}', {}).\n",
        r.max_gap, r.max_gap_state, r.max_gap_date);
  for (const auto& note : r.notes) out += "Note: " + note + "\n";
  return out;
}

}  // namespace cadresim::analysis::markov
