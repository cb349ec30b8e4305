// Issue #17 in the analysis layer: the cancel check inside a replication does not change the
// simulation and stops it at a month end; CSV text cells are quoted (RFC 4180) and formulas
// neutralised; names are withheld from the resolved scenario of a report unless asked.
#include <gtest/gtest.h>

#include <atomic>      // the cancel flag
#include <cstdint>     // std::uint64_t
#include <functional>  // std::hash

#include "analysis/csv_cell.hpp"
#include "analysis/report.hpp"
#include "analysis/runner.hpp"
#include "sim/engine/engine.hpp"
#include "sim/scenario/loader.hpp"

namespace cadresim::analysis {
namespace {

/// Hashes every event in order: two runs with the same hash saw the same history.
class Hash : public engine::Observer {
 public:
  void on_events(std::span<const events::DomainEvent> batch, const model::World&) override {
    for (const auto& e : batch) {
      mix(static_cast<std::uint64_t>(e.day));
      mix(static_cast<std::uint64_t>(e.type));
      mix(e.reason);
      mix(e.cadre);
      mix(e.from);
      mix(e.to);
      mix(std::hash<double>{}(e.value));
      ++count;
    }
  }
  std::uint64_t value = 1469598103934665603ULL;
  std::size_t count = 0;

 private:
  void mix(std::uint64_t x) { value = (value ^ x) * 1099511628211ULL; }
};

Hash history(const model::Scenario& s, const std::atomic<bool>* cancel, bool with_check) {
  engine::Engine e(s, 1, 0);
  Hash h;
  e.add_observer(h);
  CancelCheck check(cancel);
  if (with_check) e.add_observer(check);
  e.run();
  return h;
}

TEST(CancelCheck, DoesNotChangeTheSimulationOfTheBaseline) {
  const auto base = scenario::load_builtin_baseline();
  const std::atomic<bool> never{false};
  const Hash plain = history(base.scenario, nullptr, false);
  const Hash checked = history(base.scenario, &never, true);
  EXPECT_GT(plain.count, 1000U);
  EXPECT_EQ(plain.count, checked.count);
  EXPECT_EQ(plain.value, checked.value);
}

TEST(CancelCheck, StopsAReplicationAtTheNextMonthEnd) {
  const auto base = scenario::load_builtin_baseline();
  const std::atomic<bool> cancel{true};
  engine::Engine e(base.scenario, 1, 0);
  CancelCheck check(&cancel);
  e.add_observer(check);
  EXPECT_THROW(e.run(), RunCancelled);
  EXPECT_LT(e.now(), kernel::add_months(base.scenario.calendar.start, 2));
}

TEST(CsvCell, QuotesWhatRfc4180RequiresAndNothingElse) {
  EXPECT_EQ(csv_cell("plain"), "plain");
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_cell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_cell("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(csv_cell(""), "");
  EXPECT_EQ(csv_cell("Lò Văn Hùng"), "Lò Văn Hùng");
}

TEST(CsvCell, NeutralisesCellsASpreadsheetWouldRunAsFormulas) {
  EXPECT_EQ(csv_cell("=1+1"), "'=1+1");
  EXPECT_EQ(csv_cell("+1"), "'+1");
  EXPECT_EQ(csv_cell("-cmd"), "'-cmd");
  EXPECT_EQ(csv_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_cell("\tx"), "'\tx");
  EXPECT_EQ(csv_cell("\rx"), "\"'\rx\"");
  EXPECT_EQ(csv_cell("=HYPERLINK(\"u\",\"a,b\")"), "\"'=HYPERLINK(\"\"u\"\",\"\"a,b\"\")\"");
  EXPECT_EQ(csv_cell("a=b"), "a=b");  // only the first character matters
}

TEST(WithoutNames, RemovesTheNamesOfNamedCadresAndNothingElse) {
  const nlohmann::json resolved = {
      {"name", "scenario name stays"},
      {"population",
       {{"named_cadres", {{{"id", "c1"}, {"name", "Lò Văn Hùng"}, {"sex", "male"}}}}}}};
  const nlohmann::json out = without_names(resolved);
  EXPECT_EQ(out["name"], "scenario name stays");
  EXPECT_EQ(out["population"]["named_cadres"][0], (nlohmann::json{{"id", "c1"}, {"sex", "male"}}));
  EXPECT_EQ(without_names(nlohmann::json::array()), nlohmann::json::array());
}

}  // namespace
}  // namespace cadresim::analysis
