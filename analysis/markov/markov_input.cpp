#include "analysis/markov/markov_input.hpp"

#include "sim/scenario/json_fields.hpp"  // pointer_token
#include "sim/scenario/problems.hpp"     // kMaxListedProblems
#include "sim/scenario/strict_json.hpp"  // read_json_file (strict), single_line

#include <fmt/core.h>    // fmt::format
#include <fmt/ranges.h>  // fmt::join

#include <algorithm>  // std::count
#include <cmath>      // std::abs, std::floor
#include <map>        // std::map (duplicate state names)

#include "analysis/markov/manpower_model.hpp"  // kRowSumTolerance, closed_classes

namespace cadresim::analysis::markov {
namespace {

using nlohmann::json;

/// Shares in a recruitment distribution must sum to 1 within this (typed decimals).
constexpr double kShareSumTolerance = 1e-6;

/// One line per problem, control characters escaped (keys come from the input), at most
/// scenario::kMaxListedProblems lines and then a count of the others.
std::string join_problems(const std::string& file, const std::vector<InputProblem>& problems) {
  std::string out;
  std::size_t listed = 0;
  for (const auto& p : problems) {
    if (listed == scenario::kMaxListedProblems) {
      out += fmt::format("\n... and {} more problem(s) not listed", problems.size() - listed);
      break;
    }
    if (!out.empty()) out += '\n';
    out += scenario::single_line(p.pointer.empty()
                                     ? fmt::format("{}: {}", file, p.message)
                                     : fmt::format("{}: {}: {}", file, p.pointer, p.message));
    ++listed;
  }
  return out;
}

// RFC 6901 escaping of an object key inside a JSON pointer.
// JSON pointer reference token (RFC 6901), shared with the scenario loader.
std::string escape_key(const std::string& key) {
  return scenario::pointer_token(key);
}

std::string type_phrase(const json& j) {
  switch (j.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::binary:
      return "binary data";
    case json::value_t::discarded:
      return "nothing";
    default:
      return "a number";
  }
}

// Collects problems while walking the document; each check returns nullopt on failure.
class Checker {
 public:
  std::vector<InputProblem> problems;

  void fail(std::string pointer, std::string message) {
    problems.push_back({std::move(pointer), std::move(message)});
  }

  std::optional<double> number(const json& j, const std::string& ptr) {
    if (!j.is_number()) {
      fail(ptr, fmt::format("must be a number, got {}", type_phrase(j)));
      return std::nullopt;
    }
    return j.get<double>();
  }

  std::optional<double> non_negative(const json& j, const std::string& ptr, const char* what) {
    const auto v = number(j, ptr);
    if (v && *v < 0) {
      fail(ptr, fmt::format("must be ≥ 0 ({}), got {}", what, *v));
      return std::nullopt;
    }
    return v;
  }

  // A vector with one non-negative entry per state (n known) or of any non-zero length.
  std::optional<Eigen::RowVectorXd> vector(const json& j, const std::string& ptr,
                                           std::optional<std::size_t> n, const char* what) {
    if (!j.is_array()) {
      fail(ptr, fmt::format("must be an array of numbers ({}), got {}", what, type_phrase(j)));
      return std::nullopt;
    }
    if (n && j.size() != *n) {
      fail(ptr, fmt::format("must have one entry per state ({}), got {}", *n, j.size()));
      return std::nullopt;
    }
    if (j.empty()) {
      fail(ptr, "must not be empty");
      return std::nullopt;
    }
    Eigen::RowVectorXd v(static_cast<Eigen::Index>(j.size()));
    bool ok = true;
    for (std::size_t i = 0; i < j.size(); ++i) {
      const auto x = non_negative(j[i], fmt::format("{}/{}", ptr, i), what);
      if (x)
        v(static_cast<Eigen::Index>(i)) = *x;
      else
        ok = false;
    }
    return ok ? std::optional(v) : std::nullopt;
  }

  // A square matrix of probabilities, one row and column per state, rows summing to ≤ 1.
  // `row_label(i)` names row i in the row-sum message.
  template <typename RowLabel>
  std::optional<Eigen::MatrixXd> matrix(const json& j, const std::string& ptr,
                                        std::optional<std::size_t> n, const char* remainder,
                                        RowLabel row_label) {
    if (!j.is_array()) {
      fail(ptr, fmt::format("must be an array of rows (arrays of probabilities), got {}",
                            type_phrase(j)));
      return std::nullopt;
    }
    if (j.empty()) {
      fail(ptr, "must not be empty");
      return std::nullopt;
    }
    const std::size_t size = n.value_or(j.size());
    if (j.size() != size) {
      fail(ptr, fmt::format("must have one row per state ({}), got {} rows", size, j.size()));
      return std::nullopt;
    }
    Eigen::MatrixXd m(static_cast<Eigen::Index>(size), static_cast<Eigen::Index>(size));
    bool ok = true;
    for (std::size_t i = 0; i < size; ++i) {
      const std::string row_ptr = fmt::format("{}/{}", ptr, i);
      const json& row = j[i];
      if (!row.is_array()) {
        fail(row_ptr,
             fmt::format("must be an array of {} probabilities, got {}", size, type_phrase(row)));
        ok = false;
        continue;
      }
      if (row.size() != size) {
        fail(row_ptr, fmt::format("must have one entry per state ({}), got {}", size, row.size()));
        ok = false;
        continue;
      }
      bool row_ok = true;
      double sum = 0;
      for (std::size_t k = 0; k < size; ++k) {
        const std::string cell = fmt::format("{}/{}", row_ptr, k);
        const auto x = non_negative(row[k], cell, "a probability");
        if (x && *x > 1) {
          fail(cell, fmt::format("must be at most 1 (a probability), got {}", *x));
          row_ok = false;
        } else if (x) {
          m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) = *x;
          sum += *x;
        } else {
          row_ok = false;
        }
      }
      if (row_ok && sum > 1 + kRowSumTolerance) {
        fail(row_ptr, fmt::format("the probabilities in this row sum to {:.12g}, over 1; the row "
                                  "holds the moves from {} and 1 − sum is {}",
                                  sum, row_label(i), remainder));
        row_ok = false;
      }
      ok = ok && row_ok;
    }
    return ok ? std::optional(m) : std::nullopt;
  }
};

std::optional<std::vector<std::string>> read_states(Checker& c, const json& j) {
  if (!j.is_array()) {
    c.fail("/states", fmt::format("must be an array of state names, got {}", type_phrase(j)));
    return std::nullopt;
  }
  if (j.empty()) {
    c.fail("/states", "must name at least one state");
    return std::nullopt;
  }
  if (j.size() > kMaxStates) {
    c.fail("/states", fmt::format("has {} states; at most {} are supported", j.size(), kMaxStates));
    return std::nullopt;
  }
  std::vector<std::string> names;
  std::map<std::string, std::size_t> seen;
  bool ok = true;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string ptr = fmt::format("/states/{}", i);
    if (!j[i].is_string()) {
      c.fail(ptr, fmt::format("must be a name (a string), got {}", type_phrase(j[i])));
      ok = false;
      continue;
    }
    const auto& name = j[i].get_ref<const std::string&>();
    if (name.find_first_not_of(" \t\r\n") == std::string::npos) {
      c.fail(ptr, "must not be empty");
      ok = false;
    } else if (const auto [it, inserted] = seen.emplace(name, i); !inserted) {
      c.fail(ptr, fmt::format("'{}' is already the name of state {}; names must be unique", name,
                              it->second));
      ok = false;
    }
    names.push_back(name);
  }
  return ok ? std::optional(names) : std::nullopt;
}

std::optional<int> read_periods(Checker& c, const json& j) {
  const auto v = c.number(j, "/periods");
  if (!v) return std::nullopt;
  if (std::floor(*v) != *v || *v < 0 || *v > kMaxPeriods) {
    c.fail("/periods",
           fmt::format("must be a whole number of periods from 0 to {}, got {}", kMaxPeriods, *v));
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

// Recruitment in one of its three forms; returns the vectors (one, or one per period).
std::optional<std::vector<Eigen::RowVectorXd>> read_recruitment(Checker& c, const json& j,
                                                                std::optional<std::size_t> n) {
  const std::string ptr = "/recruitment";
  if (j.is_object()) {
    bool ok = true;
    for (const auto& [key, value] : j.items()) {
      if (key != "total" && key != "distribution") {
        c.fail(fmt::format("{}/{}", ptr, escape_key(key)),
               "unknown key; recruitment as an object has \"total\" and \"distribution\"");
        ok = false;
      }
    }
    std::optional<double> total;
    std::optional<Eigen::RowVectorXd> shares;
    if (!j.contains("total")) {
      c.fail(ptr, "is missing \"total\" (the number recruited each period)");
      ok = false;
    } else {
      total = c.non_negative(j["total"], ptr + "/total", "a number of people");
    }
    if (!j.contains("distribution")) {
      c.fail(ptr, "is missing \"distribution\" (the share of recruits entering each state)");
      ok = false;
    } else {
      shares = c.vector(j["distribution"], ptr + "/distribution", n, "a share");
      if (shares && std::abs(shares->sum() - 1) > kShareSumTolerance) {
        c.fail(ptr + "/distribution",
               fmt::format("the shares sum to {:.12g}, not 1", shares->sum()));
        shares.reset();
      }
    }
    if (!ok || !total || !shares) return std::nullopt;
    return std::vector<Eigen::RowVectorXd>{*total * *shares};
  }
  if (!j.is_array()) {
    c.fail(ptr, fmt::format("must be an array (recruits into each state every period), an array "
                            "of such arrays (one per period), or {{\"total\": ..., "
                            "\"distribution\": [...]}}; got {}",
                            type_phrase(j)));
    return std::nullopt;
  }
  if (j.empty()) {
    c.fail(ptr, "must not be empty");
    return std::nullopt;
  }
  if (!j[0].is_array()) {
    auto v = c.vector(j, ptr, n, "a number of people");
    if (!v) return std::nullopt;
    return std::vector<Eigen::RowVectorXd>{*v};
  }
  if (j.size() > static_cast<std::size_t>(kMaxPeriods)) {
    c.fail(ptr, fmt::format("has {} periods; at most {} are supported", j.size(), kMaxPeriods));
    return std::nullopt;
  }
  std::vector<Eigen::RowVectorXd> out;
  bool ok = true;
  for (std::size_t t = 0; t < j.size(); ++t) {
    auto v = c.vector(j[t], fmt::format("{}/{}", ptr, t), n, "a number of people");
    if (v)
      out.push_back(*v);
    else
      ok = false;
  }
  return ok ? std::optional(out) : std::nullopt;
}

}  // namespace

InputError::InputError(std::string file, std::vector<InputProblem> problems)
    : std::runtime_error(join_problems(file, problems)),
      file_(std::move(file)),
      problems_(std::move(problems)) {}

nlohmann::json read_json_file(const std::filesystem::path& path) {
  // The strict reader shared with scenario files: duplicate keys, NUL in any form, numbers out
  // of range or too long, a second byte-order mark, deep nesting and oversized input are all
  // refused with their location. An input that cannot be read is reported like one that
  // cannot be parsed (exit code 3).
  scenario::StrictJsonResult r = scenario::read_json_file(path);
  if (r.ok()) return std::move(r.value);
  std::vector<InputProblem> problems;
  for (const auto& issue : r.issues) {
    std::string message =
        issue.line == 0 ? issue.message
                        : fmt::format("not valid JSON at byte offset {} (line {}, column {}): {}",
                                      issue.offset, issue.line, issue.column, issue.message);
    if (issue.pointer && !issue.pointer->empty())
      message += fmt::format(" (at {})", *issue.pointer);
    problems.push_back({"", std::move(message)});
  }
  if (r.total_issues > r.issues.size())
    problems.push_back({"", fmt::format("{} problems in all; only the first {} are listed",
                                        r.total_issues, r.issues.size())});
  throw InputError(path.string(), std::move(problems));
}

MarkovInput parse_markov_input(const nlohmann::json& doc, const std::string& file) {
  Checker c;
  if (!doc.is_object())
    throw InputError(file, {{"", fmt::format("the document must be a JSON object with "
                                             "\"states\" and \"transitions\", got {}",
                                             type_phrase(doc))}});
  static constexpr const char* kKnown[] = {"states",        "transitions", "stocks",
                                           "recruitment",   "periods",     "target_stocks",
                                           "vacancy_moves", "$comment",    "$schema"};
  for (const auto& [key, value] : doc.items()) {
    if (std::find(std::begin(kKnown), std::end(kKnown), key) == std::end(kKnown))
      c.fail(fmt::format("/{}", escape_key(key)),
             fmt::format("unknown key; the known keys are {}", fmt::join(kKnown, ", ")));
  }
  if (doc.contains("$comment")) {
    const json& comment = doc["$comment"];
    const bool ok =
        comment.is_string() ||
        (comment.is_array() &&
         std::all_of(comment.begin(), comment.end(), [](const json& x) { return x.is_string(); }));
    if (!ok) c.fail("/$comment", "must be a string or an array of strings");
  }

  MarkovInput in;
  std::optional<std::size_t> n;
  if (!doc.contains("states")) {
    c.fail("/states", "is missing; list the state names, e.g. [\"Grade 1\", \"Grade 2\"]");
  } else if (auto states = read_states(c, doc["states"])) {
    in.states = std::move(*states);
    n = in.states.size();
  } else if (doc["states"].is_array() && !doc["states"].empty()) {
    n = doc["states"].size();  // keep checking sizes against the intended count
  }
  auto state_label = [&](std::size_t i) {
    return i < in.states.size() ? fmt::format("'{}'", in.states[i]) : fmt::format("state {}", i);
  };

  if (!doc.contains("transitions")) {
    c.fail("/transitions",
           "is missing; give the one-period transition probabilities, one row "
           "per state (row = from, column = to)");
  } else if (auto p = c.matrix(doc["transitions"], "/transitions", n, "the probability of leaving",
                               state_label)) {
    in.transitions = std::move(*p);
    if (!n) n = static_cast<std::size_t>(in.transitions.rows());
  }

  if (doc.contains("stocks")) {
    if (auto v = c.vector(doc["stocks"], "/stocks", n, "a number of people"))
      in.stocks = std::move(*v);
  }
  std::optional<int> periods;
  if (doc.contains("periods")) {
    periods = read_periods(c, doc["periods"]);
  }
  if (doc.contains("recruitment")) {
    if (auto r = read_recruitment(c, doc["recruitment"], n)) {
      in.recruitment = std::move(*r);
      const bool per_period = doc["recruitment"].is_array() && doc["recruitment"][0].is_array();
      if (per_period && periods && static_cast<std::size_t>(*periods) != in.recruitment.size()) {
        c.fail("/recruitment",
               fmt::format("has {} per-period vectors but \"periods\" is {}; give one vector per "
                           "period, or a single vector used every period",
                           in.recruitment.size(), *periods));
      }
      if (per_period && !periods) periods = static_cast<int>(in.recruitment.size());
      in.recruitment_per_period = per_period;
    }
  }
  if (periods) {
    in.periods = *periods;
    in.periods_given = doc.contains("periods");
  }
  if (in.stocks && n) {
    // The projection keeps one n × n flow matrix per period: bound its size.
    const double cells = static_cast<double>(*n) * static_cast<double>(*n) * in.periods;
    if (cells > static_cast<double>(kMaxFlowCells))
      c.fail(doc.contains("periods") ? "/periods" : "/recruitment",
             fmt::format("{} periods of {} × {} flows would be {:.0f} numbers, over the limit of "
                         "{}; project fewer periods",
                         in.periods, *n, *n, cells, kMaxFlowCells));
  }
  if (doc.contains("target_stocks")) {
    if (auto v = c.vector(doc["target_stocks"], "/target_stocks", n, "a number of people"))
      in.target_stocks = std::move(*v);
  }
  if (doc.contains("vacancy_moves")) {
    if (auto q = c.matrix(
            doc["vacancy_moves"], "/vacancy_moves", n,
            "the probability that the vacancy is filled from outside",
            [&](std::size_t i) { return fmt::format("a vacancy at {}", state_label(i)); })) {
      const auto stuck = closed_classes(*q);
      if (!stuck.empty()) {
        std::vector<std::string> groups;
        for (const auto& g : stuck) {
          std::vector<std::string> names;
          for (Eigen::Index i : g) names.push_back(state_label(static_cast<std::size_t>(i)));
          groups.push_back(fmt::format("{{{}}}", fmt::join(names, ", ")));
        }
        c.fail("/vacancy_moves",
               fmt::format("vacancies at {} are never filled from outside (their rows sum to 1 "
                           "and no move leaves the group), so a vacancy chain reaching them "
                           "never ends; give some probability of filling from outside",
                           fmt::join(groups, " and ")));
      } else {
        in.vacancy_moves = std::move(*q);
      }
    }
  }
  if (!c.problems.empty()) throw InputError(file, std::move(c.problems));
  return in;
}

MarkovInput read_markov_input(const std::filesystem::path& path) {
  return parse_markov_input(read_json_file(path), path.string());
}

}  // namespace cadresim::analysis::markov
