// MetricsCollector::on_month_end writes its monthly series through slots found on the first
// month and checks their keys again only in a month whose organisation differs from the one they
// were checked for (analysis/metrics.hpp, month_slots_). Which series a month writes depends on
// the organisation: a dated change that gives a title a non-native rule (here the commune
// People's Committee chair, from 1 June 2023, added to the Điện Biên baseline) starts a
// compliance series for that title, written between the others from then on. Were the slots not
// checked again at that change, every later value would land in a neighbouring series. Checked
// here: every monthly series has one value per month end (the new title's from its first month),
// and the compliance series hold what an observer reading the same world computes.
#include <gtest/gtest.h>

#include <filesystem>  // std::filesystem::path
#include <map>         // the observer's values
#include <string>      // title ids
#include <vector>      // values per month

#include <nlohmann/json.hpp>  // the scenario with one more change

#include "analysis/metrics.hpp"
#include "analysis_test_support.hpp"  // paths in the source tree, the small scenario
#include "sim/engine/engine.hpp"
#include "sim/kernel/calendar.hpp"
#include "sim/scenario/loader.hpp"

namespace cadresim::analysis {
namespace {

using analysistest::src;

// The share of a title's held posts whose holder is not native to the post's unit, for every
// title with a non-native rule in the organisation in force, at every month end.
class Compliance : public engine::Observer {
 public:
  void on_month_end(kernel::Day day, const model::World& w) override {
    const auto& org = *w.org;
    for (model::TitleId t = 0; t < org.titles.size(); ++t) {
      if (org.titles[t].non_native == model::NonNativeRule::kNone) continue;
      double held = 0, ok = 0;
      for (const model::PostId p : org.posts_of_title[t]) {
        const model::CadreId h = w.posts[p].holder;
        if (h == model::kNoCadre) continue;
        ++held;
        const model::UnitId home = w.cadres[h].home_unit;
        ok += home == model::kNoUnit || !org.within(home, org.posts[p].unit);
      }
      values[org.titles[t].id].push_back(held > 0 ? ok / held : kNotApplicable);
      first_day.try_emplace(org.titles[t].id, day);
    }
  }
  std::map<std::string, std::vector<double>> values;
  std::map<std::string, kernel::Day> first_day;
};

TEST(MonthSeriesSlots, SeriesWrittenAfterTheOrganisationChangesKeepTheirOwnValues) {
  const auto path = src("scenarios/dien-bien/baseline.json");
  nlohmann::json doc = scenario::read_json_document(path);
  ASSERT_EQ(doc.count("extends"), 0u);
  auto& changes = doc["changes"];
  ASSERT_TRUE(changes.is_array());
  ASSERT_GT(changes.at(0).at("date").get<std::string>(), "2023-06-01");  // stays in date order
  changes.insert(
      changes.begin(),
      nlohmann::json{
          {"date", "2023-06-01"},
          {"patch", {{"titles", {{"commune-pc-chair", {{"non_native", "preferred"}}}}}}}});
  const auto loaded = scenario::build_scenario(doc, "baseline + a rule", path.parent_path());
  const auto& s = loaded.scenario;
  engine::Engine engine(s, 1, 0);
  MetricsCollector metrics(s);
  Compliance compliance;
  engine.add_observer(metrics);
  engine.add_observer(compliance);
  engine.run();
  const auto& r = metrics.result();
  ASSERT_GT(r.months.size(), 24u);
  // The title that gains a rule during the run.
  ASSERT_TRUE(compliance.first_day.count("commune-pc-chair"));
  const kernel::Day gained = compliance.first_day.at("commune-pc-chair");
  EXPECT_EQ(gained, kernel::make_day(2023, 6, 30));
  std::size_t months_since = 0;
  for (const kernel::Day d : r.months) months_since += d >= gained;
  ASSERT_GT(months_since, 0u);
  ASSERT_LT(months_since, r.months.size());  // the change falls inside the run
  for (const auto& [key, series] : r.monthly) {
    const bool late = key.metric == "non_native_compliance" && key.group == "commune-pc-chair";
    EXPECT_EQ(series.size(), late ? months_since : r.months.size())
        << key.metric << "/" << key.group;
  }
  int compared = 0;
  for (const auto& [title, values] : compliance.values) {
    const auto it = r.monthly.find(SeriesKey{"non_native_compliance", title});
    ASSERT_NE(it, r.monthly.end()) << title;
    EXPECT_EQ(analysistest::bits_of(it->second), analysistest::bits_of(values)) << title;
    ++compared;
  }
  EXPECT_GE(compared, 3);  // the new title and those with a rule from the start
}

}  // namespace
}  // namespace cadresim::analysis
