// `cadresim markov FILE.json [--format json|table] [--out FILE]`: the analytic Markov manpower
// model of a set of grades (analysis/markov): projection, fundamental matrix, limiting or
// stationary stocks, attainability of a target structure and vacancy chains.
// `cadresim markov --from-scenario SCENARIO [-n N] [--seed S] [--by level|title|pool]`: the
// yearly transition matrix estimated from simulated histories (analysis/markov/estimation),
// with its standard errors, and the analytic projection next to the simulated mean stocks.
// See docs/cli.md.
#include <fmt/core.h>                 // fmt::format, fmt::print
#include <fmt/ostream.h>              // fmt::streamed (the options description)
#include <fmt/ranges.h>               // fmt::join
#include <boost/program_options.hpp>  // options and the FILE positional
#include <nlohmann/json.hpp>          // nlohmann::ordered_json (keys in a readable order)

#include <cmath>   // std::abs, std::pow
#include <cstdio>  // std::fflush
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/markov/estimation.hpp"
#include "analysis/markov/manpower_model.hpp"
#include "analysis/markov/markov_input.hpp"
#include "analysis/output_set.hpp"  // write_file_atomically
#include "cli/commands.hpp"         // ExitCode
#include "cli/options.hpp"          // parse_run_numbers, check_writable_file
#include "cli/run_support.hpp"      // load_for_cli, interrupts, progress

namespace cadresim::cli {
namespace {

namespace po = boost::program_options;
namespace mk = cadresim::analysis::markov;
using Json = nlohmann::ordered_json;

// Everything computed from one input; each optional is present when the input allows it.
struct Report {
  explicit Report(const mk::MarkovInput& input) : in(input) {}
  const mk::MarkovInput& in;
  std::string file;
  Eigen::VectorXd leaving;
  bool closed = false;
  std::optional<mk::Projection> projection;
  std::optional<mk::OpenChain> open;
  std::optional<Eigen::RowVectorXd> limiting;
  std::optional<Eigen::RowVectorXd> stationary;
  std::optional<mk::Attainability> attainability;
  std::string attainability_statement;
  std::optional<mk::VacancyChains> vacancy;
  std::vector<std::string> notes;  // why a quantity the reader might expect is absent
};

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

Report analyse(const mk::MarkovInput& in, std::string file) {
  Report r(in);
  r.file = std::move(file);
  r.leaving = mk::leaving_probabilities(in.transitions);
  r.closed = mk::is_closed(in.transitions);
  const Eigen::MatrixXd& p = in.transitions;
  const auto groups = mk::closed_classes(p);

  if (in.stocks)
    r.projection = mk::project(p, *in.stocks, in.recruitment, in.periods);
  else
    r.notes.push_back("No \"stocks\" given, so there is no projection, flows or exits.");

  if (r.closed) {
    r.notes.push_back(
        "Every row sums to 1: nobody leaves (a closed chain), so there is no fundamental matrix, "
        "expected time in the system, exit distribution or limiting stocks.");
    try {
      r.stationary = mk::stationary_distribution(p);
    } catch (const mk::MarkovError& e) {
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
    r.open = mk::analyse_open_chain(p);
    if (in.constant_recruitment())
      r.limiting = mk::limiting_stocks(p, in.recruitment.front());
    else if (in.recruitment_per_period)
      r.notes.push_back(
          "Recruitment changes by period, so there are no limiting stocks (they "
          "need the same recruitment every period).");
  }

  if (in.target_stocks) {
    r.attainability = mk::recruitment_for_target(p, *in.target_stocks);
    r.attainability_statement = mk::describe_attainability(*r.attainability, in.states);
  }
  if (in.vacancy_moves) r.vacancy = mk::analyse_vacancy_chains(*in.vacancy_moves);
  return r;
}

// ---- JSON -------------------------------------------------------------------------------

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

std::string render_json(const Report& r) {
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

// ---- table ------------------------------------------------------------------------------

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

std::string render_table(const Report& r) {
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

// ---- --from-scenario ---------------------------------------------------------------------

// The estimate, the projection from it, and how far the projection is from the simulation.
struct FromScenario {
  std::string source;
  std::string scenario;
  mk::StateBy by = mk::StateBy::kLevel;
  std::uint64_t seed = 1;
  mk::TransitionEstimate estimate;
  mk::Projection projection;
  double max_gap = 0;  // largest |projected − simulated| / se over years ≥ 1
  std::string max_gap_state;
  std::string max_gap_date;
  std::vector<std::string> notes;
};

FromScenario analyse_estimate(mk::TransitionEstimate e, const std::string& source,
                              const std::string& name, mk::StateBy by, std::uint64_t seed) {
  FromScenario r;
  r.source = source;
  r.scenario = name;
  r.by = by;
  r.seed = seed;
  const int periods = static_cast<int>(e.stock_mean.size()) - 1;
  r.projection =
      mk::project(e.transitions(), e.stock_mean.front(), std::span(&e.recruitment, 1), periods);
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
  if (by != mk::StateBy::kPool)
    r.notes.push_back(
        "A gap of more than about 4 standard errors means the detailed model is not a "
        "time-homogeneous Markov chain over these states (durations, quotas, ages, vacancies).");
  r.estimate = std::move(e);
  return r;
}

std::string render_estimate_json(const FromScenario& r) {
  const auto& e = r.estimate;
  const auto n = static_cast<Eigen::Index>(e.states.size());
  Json j;
  j["source"] = r.source;
  j["scenario"] = r.scenario;
  j["by"] = mk::to_string(r.by);
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

std::string render_estimate_table(const FromScenario& r) {
  const auto& e = r.estimate;
  const auto n = static_cast<Eigen::Index>(e.states.size());
  std::vector<std::string> with_leaving = e.states;
  with_leaving.push_back("leaving");
  std::string out;
  out += fmt::format("cadresim markov --from-scenario: {} (scenario '{}')\n", r.source, r.scenario);
  out += fmt::format(
      "{} replication(s), seed {}; states: {} ({}); observed at {} year ends, {} to {}\n\n",
      e.replications, r.seed, mk::to_string(r.by), e.states.size(), e.dates.size(),
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

// Writes `content` to a temporary file in the same directory, flushed, then renamed over
// `path`, so readers never see a half-written file (errors give the system's reason).
void write_atomically(const std::string& path, const std::string& content) {
  analysis::write_file_atomically(path, content);
}

// Writes `text` to --out or stdout.
void emit(const po::variables_map& vm, const std::string& text) {
  if (vm.count("out")) {
    write_atomically(vm["out"].as<std::string>(), text);
  } else {
    fmt::print("{}", text);
    std::fflush(stdout);
  }
}

// `cadresim markov --from-scenario SCENARIO ...` once the options are checked.
int from_scenario_main(const po::variables_map& vm, const std::string& format) {
  const std::string path = vm["from-scenario"].as<std::string>();
  const auto numbers =
      parse_run_numbers(vm["replications"].as<std::string>(), vm["seed"].as<std::string>(),
                        vm["threads"].as<std::string>(), "markov");
  if (!numbers) return kUsageError;
  const std::size_t n = numbers->replications;
  const std::uint64_t seed = numbers->seed;
  const std::string by_name = vm["by"].as<std::string>();
  if (by_name != "auto" && by_name != "level" && by_name != "title" && by_name != "pool") {
    fmt::print(stderr, "cadresim markov: --by must be 'level', 'title' or 'pool', got '{}'\n",
               by_name);
    return kUsageError;
  }
  if (path.empty()) {
    fmt::print(stderr, "cadresim markov: --from-scenario needs a scenario file\n");
    return kUsageError;
  }
  auto loaded = load_for_cli(path, "markov");
  if (!loaded) return kInvalidInput;
  const model::Scenario& sc = loaded->scenario;
  mk::StateBy by = by_name == "title"        ? mk::StateBy::kTitle
                   : by_name == "pool"       ? mk::StateBy::kPool
                   : by_name == "level"      ? mk::StateBy::kLevel
                   : sc.pools.states.empty() ? mk::StateBy::kLevel
                                             : mk::StateBy::kPool;
  if (mk::state_ids(sc, by).empty()) {
    fmt::print(stderr, "cadresim markov: scenario '{}' has no {} (choose another --by)\n", sc.name,
               by == mk::StateBy::kPool    ? "pools"
               : by == mk::StateBy::kTitle ? "titles"
                                           : "levels");
    return kUsageError;
  }
  if (!check_run_size(n, horizon_months(sc), "markov")) return kInvalidInput;
  install_interrupt_handler();
  try {
    mk::EstimateOptions o;
    o.by = by;
    o.seed = seed;
    o.replications = n;
    o.threads = numbers->threads;
    o.cancel = &g_interrupted;
    TerminalProgress progress("simulating " + sc.name);
    o.progress = &progress;
    mk::TransitionEstimate e = mk::estimate_transitions(sc, o);
    const FromScenario r = analyse_estimate(std::move(e), path, sc.name, by, seed);
    emit(vm, format == "json" ? render_estimate_json(r) : render_estimate_table(r));
    return kOk;
  } catch (const mk::EstimateCancelled&) {
    fmt::print(stderr, "cadresim markov: interrupted; nothing was written\n");
    return kInterrupted;
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "cadresim markov: {}: {}\n", path, e.what());
    return kInvalidInput;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim markov: {}\n", e.what());
    return kRuntimeFailure;
  }
}

}  // namespace

/// Entry point of `cadresim markov`; `args` are the arguments after the command name.
int markov_main(std::span<const std::string> args) {
  po::options_description visible(
      "Usage: cadresim markov FILE.json [--format json|table] [--out FILE]\n"
      "       cadresim markov --from-scenario SCENARIO [-n N] [--seed S] [--by level|title|pool]\n"
      "                       [--threads T] [--format json|table] [--out FILE]\n\n"
      "Analytic Markov manpower model: projection, fundamental matrix, limiting or stationary\n"
      "stocks, recruitment for a target structure, vacancy chains. With --from-scenario: the\n"
      "yearly transition matrix estimated from simulated histories, with standard errors, and\n"
      "the analytic projection next to the simulated mean stocks. Options");
  visible.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("json"), "output format: json or table")(
      "out,o", po::value<std::string>(), "write the output to this file instead of stdout")(
      "from-scenario", po::value<std::string>(), "estimate the matrix from runs of this scenario")(
      "replications,n", po::value<std::string>()->default_value("100"),
      "with --from-scenario: number of replications (1 to 100000)")(
      "seed", po::value<std::string>()->default_value("1"),
      "with --from-scenario: random seed (replication r uses the key (seed, r))")(
      "by", po::value<std::string>()->default_value("auto"),
      "with --from-scenario: states are levels, titles or pool states (auto: pool states when "
      "the scenario has pools, else levels)")(
      "threads", po::value<std::string>()->default_value("0"),
      "with --from-scenario: worker threads (0 = all cores)");
  po::options_description all;
  all.add(visible).add_options()("input", po::value<std::vector<std::string>>(), "input file");
  po::positional_options_description positional;
  positional.add("input", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(std::vector<std::string>(args.begin(), args.end()))
                  .options(all)
                  .positional(positional)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    fmt::print(stderr, "cadresim markov: {} (see 'cadresim markov --help')\n", e.what());
    return kUsageError;
  }
  if (vm.count("help")) {
    fmt::print("{}\n", fmt::streamed(visible));
    return kOk;
  }
  const auto inputs =
      vm.count("input") ? vm["input"].as<std::vector<std::string>>() : std::vector<std::string>{};
  const bool from_scenario = vm.count("from-scenario") > 0;
  if (from_scenario && !inputs.empty()) {
    fmt::print(stderr,
               "cadresim markov: give either FILE.json or --from-scenario SCENARIO, not both (see "
               "'cadresim markov --help')\n");
    return kUsageError;
  }
  if (!from_scenario && inputs.size() != 1) {
    fmt::print(stderr,
               "cadresim markov: expected exactly one input file, got {} (see 'cadresim "
               "markov --help')\n",
               inputs.size());
    return kUsageError;
  }
  if (!from_scenario) {
    for (const char* opt : {"replications", "seed", "by", "threads"})
      if (!vm[opt].defaulted()) {
        fmt::print(stderr, "cadresim markov: --{} only applies with --from-scenario\n", opt);
        return kUsageError;
      }
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "json" && format != "table") {
    fmt::print(stderr, "cadresim markov: --format must be 'json' or 'table', got '{}'\n", format);
    return kUsageError;
  }
  if (vm.count("out")) {
    // Before any work: an --out that cannot be written fails now, not after the runs.
    if (const std::string why = check_writable_file(vm["out"].as<std::string>()); !why.empty()) {
      fmt::print(stderr, "cadresim markov: cannot write --out: {}\n", why);
      return kRuntimeFailure;
    }
  }
  if (from_scenario) return from_scenario_main(vm, format);

  try {
    const mk::MarkovInput in = mk::read_markov_input(inputs.front());
    const Report report = analyse(in, inputs.front());
    emit(vm, format == "json" ? render_json(report) : render_table(report));
    return kOk;
  } catch (const mk::InputError& e) {
    fmt::print(stderr, "{}\n", e.what());
    return kInvalidInput;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim markov: {}\n", e.what());
    return kRuntimeFailure;
  }
}

}  // namespace cadresim::cli
