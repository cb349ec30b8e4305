#pragma once
/// @file Reads the input of `cadresim markov` (JSON) into Eigen matrices and vectors.
///
/// Format (docs/cli.md, "cadresim markov"):
///   {"states": [names], "transitions": [[...]], "stocks": [...]?, "recruitment": ...?,
///    "periods": T?, "target_stocks": [...]?, "vacancy_moves": [[...]]?, "$comment": "..."?}
/// "recruitment" is one vector of n numbers (the same every period), a list of T such vectors
/// (one per period), or {"total": x, "distribution": [n shares summing to 1]}.
/// Reading is strict: unknown keys are errors, and every problem in the file is reported at
/// once, each with the file name, its JSON pointer and a plain sentence.

#include <Eigen/Dense>        // Eigen::MatrixXd, Eigen::RowVectorXd
#include <nlohmann/json.hpp>  // nlohmann::json

#include <filesystem>  // std::filesystem::path
#include <optional>    // std::optional
#include <span>        // std::span
#include <stdexcept>   // std::runtime_error
#include <string>      // std::string
#include <vector>      // std::vector

namespace cadresim::analysis::markov {

/// Projection length used when "stocks" is given without "periods" or per-period recruitment.
inline constexpr int kDefaultPeriods = 10;
/// Largest accepted number of states (dense n × n matrices are formed and factorised).
inline constexpr std::size_t kMaxStates = 1000;
/// Largest accepted number of projection periods (the output holds one flow matrix per period).
inline constexpr int kMaxPeriods = 1000;
/// Largest accepted states² × periods when a projection is asked for (one n × n flow matrix is
/// kept per period).
inline constexpr std::size_t kMaxFlowCells = 10'000'000;

/// One problem found in an input file.
struct InputProblem {
  std::string pointer;  ///< JSON pointer of the offending value ("" for the whole document)
  std::string message;  ///< plain sentence saying what is wrong
};

/// An input file that cannot be used; carries every problem found. what() is one line per
/// problem: "FILE: POINTER: MESSAGE" (or "FILE: MESSAGE" when the pointer is empty).
class InputError : public std::runtime_error {
 public:
  /// Builds the error for `file` from at least one problem.
  InputError(std::string file, std::vector<InputProblem> problems);
  /// The file name as given by the user.
  const std::string& file() const { return file_; }
  /// Every problem, in the order they were found.
  std::span<const InputProblem> problems() const { return problems_; }

 private:
  std::string file_;
  std::vector<InputProblem> problems_;
};

/// A validated markov input. Sizes are consistent and values are in range; the chain-level
/// conditions (open or closed, unique stationary distribution) are left to the model.
struct MarkovInput {
  std::vector<std::string> states;           ///< state names, unique, non-empty
  Eigen::MatrixXd transitions;               ///< n × n one-period transition probabilities
  std::optional<Eigen::RowVectorXd> stocks;  ///< initial stocks n(0)
  /// Empty: none given; one vector: the same every period; else one vector per period.
  std::vector<Eigen::RowVectorXd> recruitment;
  /// True when "recruitment" was a list of per-period vectors (even a list of one).
  bool recruitment_per_period = false;
  /// Projection length: "periods", else the number of per-period recruitment vectors, else
  /// kDefaultPeriods.
  int periods = kDefaultPeriods;
  bool periods_given = false;                       ///< true when "periods" was in the file
  std::optional<Eigen::RowVectorXd> target_stocks;  ///< target structure n*
  std::optional<Eigen::MatrixXd> vacancy_moves;     ///< n × n vacancy move matrix Q

  /// True when recruitment is given and is the same every period.
  bool constant_recruitment() const { return recruitment.size() == 1 && !recruitment_per_period; }
};

/// Reads and parses the JSON file at `path`. Throws InputError when the file cannot be read or
/// its text is not JSON (then with the byte offset, line and column).
/// The single place where text becomes JSON, so a stricter reader can replace it.
nlohmann::json read_json_file(const std::filesystem::path& path);

/// Validates a parsed document; `file` names it in errors. Throws InputError listing every
/// problem found.
MarkovInput parse_markov_input(const nlohmann::json& doc, const std::string& file);

/// read_json_file then parse_markov_input.
MarkovInput read_markov_input(const std::filesystem::path& path);

}  // namespace cadresim::analysis::markov
