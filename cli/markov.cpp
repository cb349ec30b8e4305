// `cadresim markov FILE.json [--format json|table] [--out FILE]`: the analytic Markov manpower
// model of a set of grades (analysis/markov): projection, fundamental matrix, limiting or
// stationary stocks, attainability of a target structure and vacancy chains. See docs/cli.md.
#include <fmt/core.h>                 // fmt::format, fmt::print
#include <fmt/ostream.h>              // fmt::streamed (the options description)
#include <fmt/ranges.h>               // fmt::join
#include <unistd.h>                   // getpid: unique temporary file name for --out
#include <boost/program_options.hpp>  // options and the FILE positional
#include <nlohmann/json.hpp>          // nlohmann::ordered_json (keys in a readable order)

#include <cmath>       // std::abs, std::pow
#include <cstdio>      // std::fflush
#include <filesystem>  // temporary file + rename for --out
#include <fstream>     // std::ofstream
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/markov/manpower_model.hpp"
#include "analysis/markov/markov_input.hpp"
#include "cli/commands.hpp"  // ExitCode

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

// Writes `content` to a temporary file in the same directory, then renames it over `path`, so
// readers never see a half-written file.
void write_atomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const fs::path tmp = dir / fmt::format(".{}.tmp-{}", target.filename().string(), ::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw std::runtime_error(fmt::format("cannot create '{}'", tmp.string()));
    f.write(content.data(), static_cast<std::streamsize>(content.size()));
    f.close();
    if (!f) {
      std::error_code ignored;
      fs::remove(tmp, ignored);
      throw std::runtime_error(fmt::format("cannot write '{}'", tmp.string()));
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw std::runtime_error(fmt::format("cannot write '{}': {}", path, ec.message()));
  }
}

}  // namespace

/// Entry point of `cadresim markov`; `args` are the arguments after the command name.
int markov_main(std::span<const std::string> args) {
  po::options_description visible(
      "Usage: cadresim markov FILE.json [--format json|table] [--out FILE]\n\n"
      "Analytic Markov manpower model: projection, fundamental matrix, limiting or stationary\n"
      "stocks, recruitment for a target structure, vacancy chains. Options");
  visible.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("json"), "output format: json or table")(
      "out,o", po::value<std::string>(), "write the output to this file instead of stdout");
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
  if (inputs.size() != 1) {
    fmt::print(stderr,
               "cadresim markov: expected exactly one input file, got {} (see 'cadresim "
               "markov --help')\n",
               inputs.size());
    return kUsageError;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "json" && format != "table") {
    fmt::print(stderr, "cadresim markov: --format must be 'json' or 'table', got '{}'\n", format);
    return kUsageError;
  }

  try {
    const mk::MarkovInput in = mk::read_markov_input(inputs.front());
    const Report report = analyse(in, inputs.front());
    const std::string text = format == "json" ? render_json(report) : render_table(report);
    if (vm.count("out")) {
      write_atomically(vm["out"].as<std::string>(), text);
    } else {
      fmt::print("{}", text);
      std::fflush(stdout);
    }
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
