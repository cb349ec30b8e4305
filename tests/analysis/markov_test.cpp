// Tests of the analytic Markov manpower model (analysis/markov/manpower_model) and of the
// reader of its JSON input (analysis/markov/markov_input). Hand-computed cases use small
// chains whose answers are exact in a few lines of algebra (shown in comments); identities are
// checked to 1e-10, far above the rounding of LU on matrices this size (~1e-15 · cond).
#include <fmt/core.h>     // fmt::format
#include <gmock/gmock.h>  // HasSubstr
#include <gtest/gtest.h>

#include <unistd.h>    // getpid: a per-process temporary directory
#include <filesystem>  // temporary input files
#include <fstream>
#include <string>
#include <vector>

#include "analysis/markov/manpower_model.hpp"
#include "analysis/markov/markov_input.hpp"

using namespace cadresim::analysis::markov;
using nlohmann::json;
using testing::HasSubstr;

namespace {

constexpr double kTol = 1e-10;

Eigen::MatrixXd mat(std::initializer_list<std::initializer_list<double>> rows) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(rows.size()),
                    static_cast<Eigen::Index>(rows.begin()->size()));
  Eigen::Index i = 0;
  for (const auto& row : rows) {
    Eigen::Index j = 0;
    for (double x : row) m(i, j++) = x;
    ++i;
  }
  return m;
}

Eigen::RowVectorXd row(std::initializer_list<double> xs) {
  Eigen::RowVectorXd v(static_cast<Eigen::Index>(xs.size()));
  Eigen::Index i = 0;
  for (double x : xs) v(i++) = x;
  return v;
}

// Two grades: 80 % stay in grade 0, 10 % are promoted, 10 % leave; grade 1 keeps 90 %.
// I − P = [[0.2, -0.1], [0, 0.1]] is upper triangular, so N = [[5, 5], [0, 10]].
const Eigen::MatrixXd kTwoGrades = mat({{0.8, 0.1}, {0.0, 0.9}});

// A 4-state open chain with moves in both directions (demotions and returns), so N has no
// zero pattern to hide mistakes behind.
const Eigen::MatrixXd kFourOpen = mat({{0.70, 0.15, 0.05, 0.00},
                                       {0.05, 0.75, 0.10, 0.02},
                                       {0.00, 0.04, 0.80, 0.08},
                                       {0.01, 0.00, 0.03, 0.90}});

// A 4-state closed chain (rows sum to 1), irreducible.
const Eigen::MatrixXd kFourClosed = mat({{0.70, 0.20, 0.10, 0.00},
                                         {0.10, 0.60, 0.20, 0.10},
                                         {0.00, 0.30, 0.50, 0.20},
                                         {0.25, 0.00, 0.25, 0.50}});

template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const MarkovError& e) {
    return e.what();
  }
  return "(no MarkovError thrown)";
}

}  // namespace

// ---- hand-computed cases ------------------------------------------------------------------

TEST(MarkovOpenChain, TwoGradeChainHasHandComputedFundamentalMatrix) {
  const OpenChain c = analyse_open_chain(kTwoGrades);
  EXPECT_TRUE(c.fundamental.isApprox(mat({{5, 5}, {0, 10}}), kTol));
  // N·1: 5 + 5 periods from grade 0 (5 in each grade), 10 from grade 1.
  EXPECT_NEAR(c.expected_periods(0), 10, kTol);
  EXPECT_NEAR(c.expected_periods(1), 10, kTol);
  // N·diag(w), w = (0.1, 0.1): from grade 0, half leave from each grade.
  EXPECT_TRUE(c.exit_distribution.isApprox(mat({{0.5, 0.5}, {0, 1}}), kTol));
}

TEST(MarkovOpenChain, LimitingStocksSolveTheStockBalance) {
  // 10 recruits a year into grade 0: n = r N = (10·5, 10·5) = (50, 50).
  const Eigen::RowVectorXd n = limiting_stocks(kTwoGrades, row({10, 0}));
  EXPECT_NEAR(n(0), 50, kTol);
  EXPECT_NEAR(n(1), 50, kTol);
  EXPECT_TRUE((n * kTwoGrades + row({10, 0})).isApprox(n, kTol));
}

TEST(MarkovProjection, OnePeriodGivesHandComputedStocksFlowsAndExits) {
  // n(0) = (100, 50), r = (10, 0): flows [[80, 10], [0, 45]], exits (10, 5), n(1) = (90, 55).
  const Eigen::RowVectorXd r = row({10, 0});
  const Projection p = project(kTwoGrades, row({100, 50}), std::span(&r, 1), 1);
  ASSERT_EQ(p.stocks.size(), 2u);
  ASSERT_EQ(p.flows.size(), 1u);
  ASSERT_EQ(p.exits.size(), 1u);
  EXPECT_TRUE(p.stocks[1].isApprox(row({90, 55}), kTol));
  EXPECT_TRUE(p.flows[0].isApprox(mat({{80, 10}, {0, 45}}), kTol));
  EXPECT_TRUE(p.exits[0].isApprox(row({10, 5}), kTol));
}

TEST(MarkovProjection, StocksAreConservedFlowsExitsAndRecruits) {
  const Eigen::RowVectorXd r = row({20, 5, 0, 1});
  const Projection p = project(kFourOpen, row({100, 80, 40, 10}), std::span(&r, 1), 25);
  ASSERT_EQ(p.stocks.size(), 26u);
  for (std::size_t t = 0; t < 25; ++t) {
    // Everyone in a state moves somewhere or leaves: row sums of flows + exits = stocks.
    const Eigen::VectorXd out = p.flows[t].rowwise().sum() + p.exits[t].transpose();
    EXPECT_TRUE(out.isApprox(p.stocks[t].transpose(), kTol)) << "t = " << t;
    // Arrivals are column sums of flows plus recruits.
    EXPECT_TRUE(p.stocks[t + 1].isApprox(p.flows[t].colwise().sum() + r, kTol)) << "t = " << t;
  }
}

TEST(MarkovProjection, ConvergesToTheLimitingStocks) {
  // The slowest mode decays like the spectral radius of P (< 0.95 here): after 1000 periods
  // the distance is below 0.95^1000 ≈ 5e-23 of the start.
  const Eigen::RowVectorXd r = row({20, 5, 0, 1});
  const Projection p = project(kFourOpen, row({100, 80, 40, 10}), std::span(&r, 1), 1000);
  EXPECT_TRUE(p.stocks.back().isApprox(limiting_stocks(kFourOpen, r), 1e-9));
}

TEST(MarkovProjection, UsesOneRecruitmentVectorPerPeriodWhenGiven) {
  const std::vector<Eigen::RowVectorXd> r{row({10, 0}), row({0, 20})};
  const Projection p = project(kTwoGrades, row({100, 50}), r, 2);
  // n(1) = (90, 55); n(2) = (72, 9 + 49.5 + 20) = (72, 78.5).
  EXPECT_TRUE(p.stocks[2].isApprox(row({72, 78.5}), kTol));
}

TEST(MarkovProjection, ZeroPeriodsGivesOnlyTheInitialStock) {
  const Projection p = project(kTwoGrades, row({1, 2}), {}, 0);
  ASSERT_EQ(p.stocks.size(), 1u);
  EXPECT_TRUE(p.flows.empty());
}

TEST(MarkovStationary, TwoStateClosedChainHasHandComputedDistribution) {
  // Balance: π0 · 0.1 = π1 · 0.2, so π = (2/3, 1/3).
  const Eigen::RowVectorXd pi = stationary_distribution(mat({{0.9, 0.1}, {0.2, 0.8}}));
  EXPECT_NEAR(pi(0), 2.0 / 3, kTol);
  EXPECT_NEAR(pi(1), 1.0 / 3, kTol);
}

TEST(MarkovStationary, TransientStatesGetZeroShare) {
  // State 0 drains into the closed pair {1, 2}; π = (0, 1/2, 1/2).
  const Eigen::RowVectorXd pi =
      stationary_distribution(mat({{0.5, 0.5, 0.0}, {0.0, 0.5, 0.5}, {0.0, 0.5, 0.5}}));
  EXPECT_EQ(pi(0), 0.0);
  EXPECT_NEAR(pi(1), 0.5, kTol);
  EXPECT_NEAR(pi(2), 0.5, kTol);
}

TEST(MarkovAttainability, TargetWithEnoughExitsIsAttainable) {
  // n* = (10, 100): r = (10·0.2, −10·0.1 + 100·0.1) = (2, 9); total = exits = 1 + 10 = 11.
  const Attainability a = recruitment_for_target(kTwoGrades, row({10, 100}));
  EXPECT_TRUE(a.attainable);
  EXPECT_TRUE(a.negative.empty());
  EXPECT_TRUE(a.recruitment.isApprox(row({2, 9}), kTol));
  const std::vector<std::string> names{"junior", "senior"};
  EXPECT_THAT(describe_attainability(a, names), HasSubstr("Attainable"));
  EXPECT_THAT(describe_attainability(a, names), HasSubstr("11 a period"));
}

TEST(MarkovAttainability, TargetNeedingNegativeRecruitmentIsNamed) {
  // n* = (100, 5): promotions bring 10 a year into the senior grade, which loses only 0.5:
  // r = (100·0.2, −100·0.1 + 5·0.1) = (20, −9.5).
  const Attainability a = recruitment_for_target(kTwoGrades, row({100, 5}));
  EXPECT_FALSE(a.attainable);
  ASSERT_EQ(a.negative.size(), 1u);
  EXPECT_EQ(a.negative[0], 1);
  EXPECT_NEAR(a.recruitment(1), -9.5, kTol);
  const std::vector<std::string> names{"junior", "senior"};
  const std::string text = describe_attainability(a, names);
  EXPECT_THAT(text, HasSubstr("Not attainable"));
  EXPECT_THAT(text, HasSubstr("'senior' (-9.5)"));
  EXPECT_THAT(text, testing::Not(HasSubstr("'junior'")));
}

TEST(MarkovVacancyChains, OneStepChainHasHandComputedLengthAndEnds) {
  // A vacancy at the top (0) is filled from below (1) with probability 0.6, which opens a
  // vacancy at 1 that is always filled from outside. Length from 0 = 1 + 0.6 = 1.6.
  const VacancyChains v = analyse_vacancy_chains(mat({{0.0, 0.6}, {0.0, 0.0}}));
  EXPECT_NEAR(v.expected_length(0), 1.6, kTol);
  EXPECT_NEAR(v.expected_length(1), 1.0, kTol);
  EXPECT_TRUE(v.end_distribution.isApprox(mat({{0.4, 0.6}, {0.0, 1.0}}), kTol));
}

TEST(MarkovVacancyChains, SelfRefillingStratumHasGeometricLength) {
  // Each fill moves the vacancy within the stratum with probability 1/2: mean 1 / (1/2) = 2.
  const VacancyChains v = analyse_vacancy_chains(mat({{0.5}}));
  EXPECT_NEAR(v.expected_length(0), 2.0, kTol);
  EXPECT_NEAR(v.end_distribution(0, 0), 1.0, kTol);
}

// ---- identities ---------------------------------------------------------------------------

TEST(MarkovIdentities, FundamentalMatrixIsTheSumOfPowersOfP) {
  // N = Σ_k P^k; the terms shrink like ρ(P)^k, ρ < 0.95, so 2000 terms leave < 1e-40.
  Eigen::MatrixXd sum = Eigen::MatrixXd::Identity(4, 4);
  Eigen::MatrixXd power = Eigen::MatrixXd::Identity(4, 4);
  for (int k = 1; k < 2000 && power.cwiseAbs().maxCoeff() > 1e-18; ++k) {
    power = power * kFourOpen;
    sum += power;
  }
  EXPECT_TRUE(analyse_open_chain(kFourOpen).fundamental.isApprox(sum, kTol));
}

TEST(MarkovIdentities, FundamentalMatrixInvertsIMinusP) {
  const Eigen::MatrixXd n = analyse_open_chain(kFourOpen).fundamental;
  const Eigen::MatrixXd i = Eigen::MatrixXd::Identity(4, 4);
  EXPECT_LT((n * (i - kFourOpen) - i).cwiseAbs().maxCoeff(), kTol);
  EXPECT_LT(((i - kFourOpen) * n - i).cwiseAbs().maxCoeff(), kTol);
}

TEST(MarkovIdentities, ExitDistributionRowsSumToOne) {
  const OpenChain c = analyse_open_chain(kFourOpen);
  for (Eigen::Index i = 0; i < 4; ++i) EXPECT_NEAR(c.exit_distribution.row(i).sum(), 1, kTol);
  EXPECT_GE(c.exit_distribution.minCoeff(), -kTol);
}

TEST(MarkovIdentities, ExpectedPeriodsAreRowSumsOfN) {
  const OpenChain c = analyse_open_chain(kFourOpen);
  EXPECT_TRUE(c.expected_periods.isApprox(c.fundamental.rowwise().sum(), kTol));
}

TEST(MarkovIdentities, StationaryDistributionIsFixedByP) {
  const Eigen::RowVectorXd pi = stationary_distribution(kFourClosed);
  EXPECT_LT((pi * kFourClosed - pi).cwiseAbs().maxCoeff(), kTol);
  EXPECT_NEAR(pi.sum(), 1, kTol);
  EXPECT_GT(pi.minCoeff(), 0);
}

TEST(MarkovIdentities, VacancyChainEndsSumToOne) {
  const VacancyChains v = analyse_vacancy_chains(kFourOpen);
  for (Eigen::Index i = 0; i < 4; ++i) EXPECT_NEAR(v.end_distribution.row(i).sum(), 1, kTol);
}

// ---- structure and errors -------------------------------------------------------------------

TEST(MarkovChecks, ClosedClassesFindsEachGroupNeverLeft) {
  // {1} is absorbing, {2, 3} swap forever, 0 leaks into 1 and out of the system.
  const auto groups = closed_classes(mat(
      {{0.5, 0.3, 0.0, 0.0}, {0.0, 1.0, 0.0, 0.0}, {0.0, 0.0, 0.0, 1.0}, {0.0, 0.0, 1.0, 0.0}}));
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (std::vector<Eigen::Index>{1}));
  EXPECT_EQ(groups[1], (std::vector<Eigen::Index>{2, 3}));
  EXPECT_TRUE(closed_classes(kFourOpen).empty());
}

TEST(MarkovChecks, RefusesNonSquareMatrix) {
  EXPECT_THAT(error_of([] { check_transition_matrix(Eigen::MatrixXd::Zero(2, 3)); }),
              HasSubstr("must be square"));
}

TEST(MarkovChecks, RefusesEmptyMatrix) {
  EXPECT_THAT(error_of([] { check_transition_matrix(Eigen::MatrixXd(0, 0)); }), HasSubstr("empty"));
}

TEST(MarkovChecks, RefusesNegativeEntryAndNamesIt) {
  EXPECT_THAT(error_of([] {
                check_transition_matrix(mat({{0.5, 0.1}, {-0.1, 0.5}}));
              }),
              HasSubstr("entry (1, 0) is negative"));
}

TEST(MarkovChecks, RefusesRowSummingOverOne) {
  EXPECT_THAT(error_of([] {
                check_transition_matrix(mat({{0.5, 0.6}, {0.0, 0.5}}));
              }),
              HasSubstr("row 0 sums to 1.1, over 1"));
}

TEST(MarkovChecks, AcceptsRowOverOneByRoundingOnly) {
  const Eigen::MatrixXd p = mat({{0.5, 0.5 + 1e-12}, {0.0, 0.5}});
  EXPECT_NO_THROW(check_transition_matrix(p));
  EXPECT_EQ(leaving_probabilities(p)(0), 0.0);
}

TEST(MarkovChecks, RefusesNonFiniteEntry) {
  EXPECT_THAT(error_of([] {
                check_transition_matrix(mat({{std::nan(""), 0}, {0, 0.5}}));
              }),
              HasSubstr("not a finite number"));
}

TEST(MarkovChecks, RefusesStocksOfTheWrongSize) {
  EXPECT_THAT(error_of([] {
                project(kTwoGrades, row({1, 2, 3}), {}, 1);
              }),
              HasSubstr("has 3 entries but the chain has 2 states"));
}

TEST(MarkovChecks, RefusesWrongNumberOfRecruitmentVectors) {
  const std::vector<Eigen::RowVectorXd> r{row({1, 0}), row({1, 0})};
  EXPECT_THAT(error_of([&] {
                project(kTwoGrades, row({1, 2}), r, 3);
              }),
              HasSubstr("one per period (3)"));
}

TEST(MarkovChecks, RefusesNegativeTarget) {
  EXPECT_THAT(error_of([] {
                recruitment_for_target(kTwoGrades, row({1, -2}));
              }),
              HasSubstr("negative"));
}

TEST(MarkovChecks, OpenChainAnalysisRefusesAStateNeverLeft) {
  // Grade 1 keeps everyone: I − P is singular.
  const std::string msg = error_of([] { analyse_open_chain(mat({{0.5, 0.4}, {0.0, 1.0}})); });
  EXPECT_THAT(msg, HasSubstr("states {1}"));
  EXPECT_THAT(msg, HasSubstr("I − P is singular"));
  EXPECT_THAT(error_of([] {
                limiting_stocks(mat({{0.5, 0.4}, {0.0, 1.0}}), row({1, 0}));
              }),
              HasSubstr("I − P is singular"));
}

TEST(MarkovChecks, StationaryDistributionRefusesOpenChain) {
  EXPECT_THAT(error_of([] { stationary_distribution(kTwoGrades); }), HasSubstr("open"));
}

TEST(MarkovChecks, StationaryDistributionRefusesSeparateClosedGroups) {
  const std::string msg = error_of([] { stationary_distribution(mat({{1, 0}, {0, 1}})); });
  EXPECT_THAT(msg, HasSubstr("not unique"));
  EXPECT_THAT(msg, HasSubstr("{0} and {1}"));
}

TEST(MarkovChecks, VacancyChainsRefuseChainsThatNeverEnd) {
  // A vacancy at 1 is always filled from 0 and vice versa: the chain never ends.
  const std::string msg = error_of([] { analyse_vacancy_chains(mat({{0, 1}, {1, 0}})); });
  EXPECT_THAT(msg, HasSubstr("never filled from outside"));
}

// ---- the JSON input reader ------------------------------------------------------------------

namespace {

// All problems of a document as "pointer: message" lines.
std::vector<std::string> problems_of(const json& doc) {
  try {
    parse_markov_input(doc, "in.json");
  } catch (const InputError& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(p.pointer + ": " + p.message);
    return out;
  }
  return {};
}

json minimal() {
  return json::parse(R"({"states": ["A", "B"], "transitions": [[0.8, 0.1], [0.0, 0.9]]})");
}

// A scratch directory for files, removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("cadresim-markov-test-" + std::to_string(::getpid()) + "-" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

}  // namespace

TEST(MarkovInputReader, ReadsTheWorkedExample) {
  const MarkovInput in = read_markov_input(std::filesystem::path(CADRESIM_SOURCE_DIR) /
                                           "scenarios/examples/markov-grades.json");
  ASSERT_EQ(in.states.size(), 4u);
  EXPECT_EQ(in.transitions.rows(), 4);
  ASSERT_TRUE(in.stocks.has_value());
  EXPECT_TRUE(in.constant_recruitment());
  EXPECT_NEAR(in.recruitment[0].sum(), 140, kTol);
  EXPECT_EQ(in.periods, 10);
  EXPECT_TRUE(in.target_stocks.has_value());
  EXPECT_TRUE(in.vacancy_moves.has_value());
}

TEST(MarkovInputReader, MinimalInputHasDefaultsAndNoOptionalParts) {
  const MarkovInput in = parse_markov_input(minimal(), "in.json");
  EXPECT_EQ(in.periods, kDefaultPeriods);
  EXPECT_FALSE(in.periods_given);
  EXPECT_FALSE(in.stocks);
  EXPECT_TRUE(in.recruitment.empty());
  EXPECT_FALSE(in.target_stocks);
  EXPECT_FALSE(in.vacancy_moves);
}

TEST(MarkovInputReader, AcceptsRecruitmentAsOneVector) {
  json doc = minimal();
  doc["recruitment"] = {3, 4};
  const MarkovInput in = parse_markov_input(doc, "in.json");
  ASSERT_TRUE(in.constant_recruitment());
  EXPECT_TRUE(in.recruitment[0].isApprox(row({3, 4})));
}

TEST(MarkovInputReader, AcceptsRecruitmentAsTotalAndDistribution) {
  json doc = minimal();
  doc["recruitment"] = {{"total", 50}, {"distribution", {0.2, 0.8}}};
  const MarkovInput in = parse_markov_input(doc, "in.json");
  ASSERT_TRUE(in.constant_recruitment());
  EXPECT_TRUE(in.recruitment[0].isApprox(row({10, 40})));
}

TEST(MarkovInputReader, PerPeriodRecruitmentSetsThePeriods) {
  json doc = minimal();
  doc["recruitment"] = {{1, 0}, {2, 0}, {3, 0}};
  const MarkovInput in = parse_markov_input(doc, "in.json");
  EXPECT_FALSE(in.constant_recruitment());
  EXPECT_EQ(in.recruitment.size(), 3u);
  EXPECT_EQ(in.periods, 3);
}

TEST(MarkovInputReader, ReportsEveryProblemWithItsPointer) {
  const json doc = json::parse(R"({
    "states": ["A", "B", "A"],
    "transitions": [[0.5, 0.6, 0.0], [-0.1, 0.5, 0.0], [0.0, 0.0]],
    "stocks": [1, 2],
    "periods": 2.5,
    "recruitment": {"total": 10, "distribution": [0.5, 0.4, 0.0]},
    "target_stocks": [1, "two", 3],
    "colour": "blue"
  })");
  EXPECT_THAT(problems_of(doc),
              testing::UnorderedElementsAre(
                  HasSubstr("/states/2: 'A' is already the name of state 0"),
                  HasSubstr("/transitions/0: the probabilities in this row sum to 1.1, over 1"),
                  HasSubstr("/transitions/1/0: must be ≥ 0 (a probability), got -0.1"),
                  HasSubstr("/transitions/2: must have one entry per state (3), got 2"),
                  HasSubstr("/stocks: must have one entry per state (3), got 2"),
                  HasSubstr("/periods: must be a whole number"),
                  HasSubstr("/recruitment/distribution: the shares sum to 0.9, not 1"),
                  HasSubstr("/target_stocks/1: must be a number, got a string"),
                  HasSubstr("/colour: unknown key")));
}

TEST(MarkovInputReader, RowSumMessageNamesTheState) {
  json doc = minimal();
  doc["transitions"][1] = {0.5, 0.6};
  EXPECT_THAT(problems_of(doc), testing::ElementsAre(HasSubstr("moves from 'B'")));
}

TEST(MarkovInputReader, RequiresStatesAndTransitions) {
  EXPECT_THAT(problems_of(json::object()),
              testing::UnorderedElementsAre(HasSubstr("/states: is missing"),
                                            HasSubstr("/transitions: is missing")));
}

TEST(MarkovInputReader, RefusesDocumentThatIsNotAnObject) {
  EXPECT_THAT(problems_of(json::array()), testing::ElementsAre(HasSubstr("must be a JSON object")));
}

TEST(MarkovInputReader, RefusesPerPeriodRecruitmentNotMatchingPeriods) {
  json doc = minimal();
  doc["periods"] = 3;
  doc["recruitment"] = {{1, 0}, {2, 0}};
  EXPECT_THAT(problems_of(doc),
              testing::ElementsAre(
                  HasSubstr("/recruitment: has 2 per-period vectors but \"periods\" is 3")));
}

TEST(MarkovInputReader, RefusesUnknownKeyInRecruitmentObject) {
  json doc = minimal();
  doc["recruitment"] = {{"total", 5}, {"distribution", {1, 0}}, {"per", "year"}};
  EXPECT_THAT(problems_of(doc), testing::ElementsAre(HasSubstr("/recruitment/per: unknown key")));
}

TEST(MarkovInputReader, EscapesKeysInPointers) {
  json doc = minimal();
  doc["a/b~c"] = 1;
  EXPECT_THAT(problems_of(doc), testing::ElementsAre(HasSubstr("/a~1b~0c: unknown key")));
}

TEST(MarkovInputReader, RefusesVacancyChainsThatNeverEnd) {
  json doc = minimal();
  doc["vacancy_moves"] = {{0.0, 1.0}, {1.0, 0.0}};
  EXPECT_THAT(problems_of(doc),
              testing::ElementsAre(HasSubstr("/vacancy_moves: vacancies at {'A', 'B'} are never "
                                             "filled from outside")));
}

TEST(MarkovInputReader, RefusesAProjectionTooLargeToHold) {
  // 200 states × 200 × 1000 periods = 4e7 flow entries, over kMaxFlowCells (1e7).
  json doc;
  doc["states"] = json::array();
  doc["transitions"] = json::array();
  for (int i = 0; i < 200; ++i) {
    doc["states"].push_back(fmt::format("s{}", i));
    doc["transitions"].push_back(std::vector<double>(200, 0.0));
  }
  doc["stocks"] = std::vector<double>(200, 1.0);
  doc["periods"] = 1000;
  EXPECT_THAT(problems_of(doc), testing::ElementsAre(HasSubstr("/periods: 1000 periods of 200 × "
                                                               "200 flows would be 40000000")));
}

TEST(MarkovInputReader, ErrorTextNamesFilePointerAndProblemOnEachLine) {
  json doc = minimal();
  doc["stocks"] = {1, -2};
  try {
    parse_markov_input(doc, "grades.json");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "grades.json");
    EXPECT_STREQ(e.what(), "grades.json: /stocks/1: must be ≥ 0 (a number of people), got -2");
  }
}

TEST(MarkovInputReader, SyntaxErrorGivesByteOffsetLineAndColumn) {
  TempDir dir;
  // The stray 'x' (where ':' should be) is at byte offset 29: line 2, column 13.
  const auto file = dir.write("bad.json", "{\"states\": [\"A\",\n  \"B\"], \"x\" x}");
  try {
    read_json_file(file);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(),
                HasSubstr("bad.json: not valid JSON at byte offset 29 (line 2, column 13)"));
  }
}

TEST(MarkovInputReader, MissingFileIsAnInputError) {
  TempDir dir;
  EXPECT_THROW(read_json_file(dir.path / "absent.json"), InputError);
  EXPECT_THROW(read_json_file(dir.path), InputError);
}
