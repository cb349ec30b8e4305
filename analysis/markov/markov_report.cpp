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

#include "sim/kernel/calendar.hpp"  // kernel::format_iso_date, split, parse_iso_date
#include "sim/text/formats.hpp"     // text::short_date: the tables' dates

namespace cadresim::analysis::markov {
namespace {

using Json = nlohmann::ordered_json;

// The closed groups as a value of a note: "{'a', 'b'} and {'c'}" ("và" in Vietnamese).
text::MessageArg quoted_groups(const std::vector<std::vector<Eigen::Index>>& groups,
                               const std::vector<std::string>& names) {
  std::vector<std::string> parts;
  for (const auto& g : groups) {
    std::vector<std::string> members;
    for (Eigen::Index i : g)
      members.push_back(fmt::format("'{}'", names[static_cast<std::size_t>(i)]));
    parts.push_back(fmt::format("{{{}}}", fmt::join(members, ", ")));
  }
  if (parts.empty()) return {};
  text::MessageArg joined{parts.back(), false, nullptr};
  for (std::size_t k = parts.size() - 1; k-- > 0;)
    joined = text::message_arg(text::message("markov.and", parts[k], joined));
  return joined;
}

// The notes in English, for the language-neutral JSON.
Json notes_json(const std::vector<text::Message>& notes) {
  Json out = Json::array();
  for (const auto& n : notes) out.push_back(text::render(text::Lang::kEn, n));
  return out;
}

// "2059-12-31" as a date of `lang` ("31 Dec 2059", "31/12/2059").
std::string table_date(const std::string& iso, text::Lang lang) {
  const auto day = kernel::parse_iso_date(iso);
  if (!day) return iso;
  const kernel::Ymd d = kernel::split(*day);
  return text::short_date(lang, d.year, static_cast<int>(d.month), static_cast<int>(d.day));
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

// Fixed-point text of x with `lang`'s decimal mark, not grouped; values that would print as
// -0.000 print as 0.000.
std::string number(double x, int decimals, text::Lang lang) {
  if (std::abs(x) < 0.5 * std::pow(10.0, -decimals)) x = 0;
  std::string s = fmt::format("{:.{}f}", x, decimals);
  for (char& c : s)
    if (c == '.') c = text::decimal_mark(lang);
  return s;
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
           const Eigen::MatrixXd& m, int decimals, text::Lang lang) {
  std::size_t row_w = width(corner);
  for (const auto& name : rows) row_w = std::max(row_w, width(name));
  std::vector<std::size_t> col_w(cols.size());
  std::vector<std::vector<std::string>> cells(rows.size(), std::vector<std::string>(cols.size()));
  for (std::size_t k = 0; k < cols.size(); ++k) {
    col_w[k] = width(cols[k]);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      cells[i][k] =
          number(m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)), decimals, lang);
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
    r.notes.push_back(text::message("markov.note.no_stocks"));

  if (r.closed) {
    r.notes.push_back(text::message("markov.note.closed"));
    try {
      r.stationary = stationary_distribution(p);
    } catch (const MarkovError& e) {
      r.notes.push_back(groups.size() > 1 ? text::message("markov.note.not_unique",
                                                          quoted_groups(groups, in.states))
                                          : text::untranslated(e.what()));
    }
  } else if (!groups.empty()) {
    r.notes.push_back(text::message("markov.note.absorbing", quoted_groups(groups, in.states)));
  } else {
    r.open = analyse_open_chain(p);
    if (in.constant_recruitment())
      r.limiting = limiting_stocks(p, in.recruitment.front());
    else if (in.recruitment_per_period)
      r.notes.push_back(text::message("markov.note.recruitment_varies"));
  }

  if (in.target_stocks) {
    r.attainability = recruitment_for_target(p, *in.target_stocks);
    r.attainability_text = attainability_text(*r.attainability, in.states);
    r.attainability_statement = text::render(text::Lang::kEn, r.attainability_text);
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
  j["notes"] = notes_json(r.notes);
  return j.dump(2, ' ', false) + "\n";
}

std::string model_report_table(const ModelReport& r, text::Lang lang) {
  const auto t = [lang](std::string_view id) { return std::string(text::tr(lang, id)); };
  const auto& names = r.in.states;
  const auto n = static_cast<Eigen::Index>(names.size());
  std::vector<std::string> with_leaving = names;
  with_leaving.push_back(t("markov.leaving"));
  std::string out;
  out += fmt::format("cadresim markov: {}\n", r.file) +
         text::trf(lang, r.closed ? "markov.states_closed" : "markov.states_open", names.size());
  if (r.projection) out += text::trf(lang, "markov.projection_over", r.in.periods);
  out += "\n\n";

  table(out, t("markov.transitions"), t("markov.from_to"), names, with_leaving,
        with_column(r.in.transitions, r.leaving), 4, lang);

  if (r.projection) {
    const auto& pr = *r.projection;
    std::vector<std::string> periods;
    Eigen::MatrixXd stocks(static_cast<Eigen::Index>(pr.stocks.size()), n + 1);
    for (std::size_t k = 0; k < pr.stocks.size(); ++k) {
      periods.push_back(std::to_string(k));
      stocks.row(static_cast<Eigen::Index>(k)) << pr.stocks[k], pr.stocks[k].sum();
    }
    std::vector<std::string> cols = names;
    cols.push_back(t("markov.total"));
    table(out, t("markov.stocks"), "t", periods, cols, stocks, 1, lang);
    for (std::size_t k = 0; k < pr.flows.size(); ++k)
      table(out, text::trf(lang, "markov.flows", k, k + 1), t("markov.from_to"), names,
            with_leaving, with_column(pr.flows[k], pr.exits[k].transpose()), 1, lang);
  }
  if (r.open) {
    table(out, t("markov.fundamental"), t("markov.from_in"), names, names, r.open->fundamental, 2,
          lang);
    table(out, t("markov.expected_periods"), t("markov.from"), names, {t("markov.periods")},
          r.open->expected_periods, 2, lang);
    table(out, t("markov.exit_distribution"), t("markov.from_leaves_from"), names, names,
          r.open->exit_distribution, 4, lang);
  }
  if (r.limiting)
    table(out, t("markov.limiting"), "", {t("markov.stock")}, names, *r.limiting, 1, lang);
  if (r.stationary)
    table(out, t("markov.stationary"), "", {t("markov.share")}, names, *r.stationary, 4, lang);
  if (r.attainability) {
    Eigen::MatrixXd m(2, n);
    m << *r.in.target_stocks, r.attainability->recruitment;
    table(out, t("markov.target_structure"), "", {t("markov.target"), t("markov.recruitment")},
          names, m, 1, lang);
    out += text::render(lang, r.attainability_text) + "\n\n";
  }
  if (r.vacancy) {
    Eigen::MatrixXd m(n, n + 1);
    m << r.vacancy->expected_length, r.vacancy->end_distribution;
    std::vector<std::string> cols{t("markov.length")};
    for (const auto& name : names) cols.push_back(text::trf(lang, "markov.ends_at", name));
    table(out, t("markov.vacancy_chains"), t("markov.starts_at"), names, cols, m, 4, lang);
  }
  for (const auto& note : r.notes)
    out += text::trf(lang, "markov.note", text::render(lang, note)) + "\n";
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
    r.notes.push_back(
        text::message("markov.note.unseen", fmt::format("{}", fmt::join(unseen, ", "))));
  r.notes.push_back(text::message("markov.note.observed"));
  if (by != StateBy::kPool) r.notes.push_back(text::message("markov.note.gap"));
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
  j["notes"] = notes_json(r.notes);
  return j.dump(2, ' ', false) + "\n";
}

std::string estimate_report_table(const EstimateReport& r, text::Lang lang) {
  const auto t = [lang](std::string_view id) { return std::string(text::tr(lang, id)); };
  const auto date = [lang](kernel::Day d) {
    const kernel::Ymd ymd = kernel::split(d);
    return text::short_date(lang, ymd.year, static_cast<int>(ymd.month), static_cast<int>(ymd.day));
  };
  const auto& e = r.estimate;
  const auto n = static_cast<Eigen::Index>(e.states.size());
  std::vector<std::string> with_leaving = e.states;
  with_leaving.push_back(t("markov.leaving"));
  std::string out;
  out += text::trf(lang, "markov.estimate.title", r.source, r.scenario) + "\n";
  out += text::trf(lang, "markov.estimate.header", e.replications, r.seed, to_string(r.by),
                   e.states.size(), e.dates.size(), date(e.dates.front()), date(e.dates.back())) +
         "\n\n";
  table(out, t("markov.estimated"), t("markov.from_to"), e.states, with_leaving, e.probability, 4,
        lang);
  table(out, t("markov.standard_errors"), t("markov.from_to"), e.states, with_leaving,
        e.standard_error, 4, lang);
  Eigen::MatrixXd ex(n, 2);
  ex << e.exposure, e.recruitment.transpose();
  table(out, t("markov.exposure"), t("markov.state"), e.states,
        {t("markov.cadre_years"), t("markov.recruits_per_year")}, ex, 2, lang);
  std::vector<std::string> cols, rows;
  for (const auto& id : e.states) {
    cols.push_back(text::trf(lang, "markov.sim", id));
    cols.push_back("±");
    cols.push_back(text::trf(lang, "markov.proj", id));
  }
  Eigen::MatrixXd m(static_cast<Eigen::Index>(e.dates.size()), 3 * n);
  for (std::size_t k = 0; k < e.dates.size(); ++k) {
    rows.push_back(date(e.dates[k]));
    for (Eigen::Index i = 0; i < n; ++i) {
      const auto kk = static_cast<Eigen::Index>(k);
      m(kk, 3 * i) = e.stock_mean[k](i);
      m(kk, 3 * i + 1) = e.stock_se[k](i);
      m(kk, 3 * i + 2) = r.projection.stocks[k](i);
    }
  }
  table(out, t("markov.year_end_stocks"), t("markov.date"), rows, cols, m, 1, lang);
  if (!r.max_gap_state.empty())
    out += text::trf(lang, "markov.largest_gap", number(r.max_gap, 2, lang), r.max_gap_state,
                     table_date(r.max_gap_date, lang)) +
           "\n";
  for (const auto& note : r.notes)
    out += text::trf(lang, "markov.note", text::render(lang, note)) + "\n";
  return out;
}

}  // namespace cadresim::analysis::markov
