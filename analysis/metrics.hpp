#pragma once
/// @file Per-replication metrics: an Observer that turns the engine's domain events and
/// month-end states into named series. Every metric is defined once here (and in
/// docs/model.md § Metrics): monthly series (state at each month end), yearly series (counts
/// and sums per calendar year, dated 31 December or the end date), and whole-run totals.

#include <array>          // std::array
#include <cstdint>        // std::uint8_t
#include <limits>         // quiet_NaN: kNotApplicable
#include <map>            // std::map (ordered: deterministic output)
#include <string>         // std::string
#include <string_view>    // std::string_view: keys looked up without building strings
#include <unordered_map>  // std::unordered_map: the index of the year's accumulators
#include <vector>         // std::vector

#include "analysis/statistics.hpp"  // ValueRange
#include "sim/engine/observer.hpp"
#include "sim/kernel/binary_io.hpp"  // ByteWriter, ByteReader for saved state
#include "sim/model/scenario.hpp"

namespace cadresim::analysis {

using kernel::Day;

/// Identifies a series: the metric and the group it is broken down by ("all", a level, a
/// title, a flow, "commune>district", ...).
struct SeriesKey {
  std::string metric;
  std::string group;
  auto operator<=>(const SeriesKey&) const = default;
};

/// A series key's two parts as views, for lookups that build no string.
struct SeriesKeyView {
  std::string_view metric;
  std::string_view group;
};

/// Hash and equality over SeriesKey and SeriesKeyView alike (heterogeneous lookup).
struct SeriesKeyHash {
  using is_transparent = void;
  std::size_t operator()(SeriesKeyView k) const;
  std::size_t operator()(const SeriesKey& k) const {
    return (*this)(SeriesKeyView{k.metric, k.group});
  }
};
struct SeriesKeyEqual {
  using is_transparent = void;
  static SeriesKeyView view(const SeriesKey& k) { return {k.metric, k.group}; }
  static SeriesKeyView view(SeriesKeyView k) { return k; }
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    return view(a).metric == view(b).metric && view(a).group == view(b).group;
  }
};

/// A replication's value of a quantity that does not apply there: a ratio with nothing to
/// divide by (the income shortfall per move in a replication without moves, the share of
/// rotated cadres rated well without any rotated cadre evaluated). NaN, which the summaries
/// count apart (Summary::not_applicable) and the outputs show as not applicable, never as 0.
inline constexpr double kNotApplicable = std::numeric_limits<double>::quiet_NaN();

/// The values a series can take (docs/model.md § Statistics): a share in [0, 1]; an income
/// change (shortfall: a gain is negative) or a unit's staffing gap without bound; everything
/// else (counts, sums, days, means of non-negative quantities) at least 0. The summaries of one
/// scenario keep their intervals of the mean in it (analysis::within); paired differences do not.
ValueRange value_range(const SeriesKey& key);

/// Everything measured in one replication.
struct ReplicationResult {
  std::vector<Day> months;                           ///< month-end dates
  std::map<SeriesKey, std::vector<double>> monthly;  ///< one value per month
  std::vector<Day> years;                            ///< year-end dates (last = end date)
  std::map<SeriesKey, std::vector<double>> yearly;   ///< one value per year
  std::map<SeriesKey, double> totals;                ///< whole run
  std::vector<double> shortfalls;                    ///< shortfall s of every move
  std::vector<double> fill_days;                     ///< days vacant of every filled post
};

/// The observer that fills a ReplicationResult.
class MetricsCollector : public engine::Observer {
 public:
  /// Prepares every series key (so all replications share them, zeros included).
  /// `pipeline_units`: units whose key posts also get the pipeline per unit (monthly
  /// unit_pipeline_ready and a row per unit at each election), on request (run --pipeline-units).
  explicit MetricsCollector(const model::Scenario& scenario,
                            std::vector<model::UnitId> pipeline_units = {});
  /// Not copyable (month_slots_ and year_index_ point into result_ and year_acc_); moving keeps
  /// the maps' nodes, so the pointers stay valid.
  MetricsCollector(const MetricsCollector&) = delete;
  MetricsCollector& operator=(const MetricsCollector&) = delete;
  MetricsCollector(MetricsCollector&&) = default;

  void on_start(Day day, const model::World& world) override;
  void on_events(std::span<const events::DomainEvent> events, const model::World& world) override;
  void on_month_end(Day day, const model::World& world) override;
  void on_year_end(int year, const model::World& world) override;
  void on_finish(Day day, const model::World& world) override;

  /// The result (complete after on_finish).
  ReplicationResult& result() { return result_; }

  /// Writes the accumulators (series so far, the open year, per-unit and per-election state)
  /// so that a run continued from a snapshot reports the whole period (docs/architecture.md
  /// § Saved state). Call before on_finish.
  void save_state(kernel::ByteWriter& w) const;
  /// Restores accumulators written by save_state into this collector, freshly built for the
  /// scenario that continues (the saved one or a variant with the same organisation and
  /// calendar). A series the saved run did not have starts with zeros. Throws
  /// kernel::FormatError if the shapes do not match.
  void load_state(kernel::ByteReader& r);

 private:
  void add(std::string_view metric, std::string_view group, double v = 1.0);
  /// The year's accumulator of a series: found through year_index_ (a hash of the two strings,
  /// no string built), created in year_acc_ on first use.
  double& year_value(std::string_view metric, std::string_view group);
  void close_year(Day date);
  /// Declares a yearly series (zeros included in every replication); its accumulator.
  double& declare_yearly(const std::string& metric, const std::string& group);
  /// The year's accumulator of on_events' series `counter` (a ReasonCounter in metrics.cpp) for
  /// the group named by `reason`: looked up by name at its first use, then by its address.
  double& by_reason(std::size_t counter, std::uint16_t reason);
  /// Appends `v` to the monthly series (m, g), the `slot`-th series written this month, and
  /// advances `slot` (month_slots_). `verify`: check the slot's key first (and look the series
  /// up again if it differs), as on the first month and after the organisation changes.
  void put_month(std::size_t& slot, bool verify, std::string_view m, std::string_view g, double v);
  /// Staffing series (docs/model.md § Staffing), written through put_month from `slot` on.
  void staffing_month(const model::World& w, std::size_t& slot, bool verify);
  void count_personnel_action(const events::DomainEvent& e, const model::World& world);
  void count_election_outcome(const events::DomainEvent& e);  ///< election_pipeline slots
  void write_election_totals();                               ///< election_pipeline totals

  const model::Scenario& s_;
  ReplicationResult result_;
  std::map<SeriesKey, double> year_acc_;
  /// Every key of year_acc_ seen so far, with its value (the map's nodes never move or go).
  std::unordered_map<SeriesKey, double*, SeriesKeyHash, SeriesKeyEqual> year_index_;
  /// What close_year does with each accumulator of year_acc_, in the map's order: append it to
  /// its yearly series, add it to its total (none for a ratio), and reset it. Found in the maps
  /// when year_acc_ has grown since the last close (entries are never removed, so the same size
  /// means the same keys), not at every close.
  struct YearCloseSlot {
    double* accumulator;
    std::vector<double>* yearly;
    double* total;  ///< nullptr for a ratio (is_ratio)
  };
  std::vector<YearCloseSlot> year_close_slots_;
  std::vector<std::string> level_ids_;
  std::vector<std::string> flow_ids_;
  std::vector<std::string> tier_groups_;  ///< "<tier id>/<action>", kTierActions per tier
  // The accumulators on_events adds to, found once (year_acc_'s nodes never move or go), so an
  // event costs no string-keyed lookup: the "all" series (AllCounter in metrics.cpp), each
  // tier's personnel actions (as tier_groups_), vacancies opened per level, and the series by
  // reason (ReasonCounter × reason code, filled at first use).
  std::vector<double*> all_counters_;
  std::vector<double*> tier_counters_;
  std::vector<double*> vacancies_opened_by_level_;
  std::vector<double*> reason_counters_;
  Day last_year_end_ = 0;
  std::vector<std::uint8_t> unit_flags_;  ///< per unit: 1 ever in surplus, 2 ever short
  bool finished_ = false;
  std::vector<double> last_headcount_;  ///< per unit, at the last month end
  /// Per post, refilled at each month end (kept to avoid allocating them every month): ready-now
  /// planned successors, and the bench strength (each planned cadre shared among their posts).
  std::vector<std::uint8_t> month_ready_;
  std::vector<double> month_bench_;
  /// Month-end sums refilled every month, kept for the same reason: vacancies per level, and
  /// the six staffing sums per level and in all (staffing_month).
  std::vector<double> month_vacancies_;
  std::vector<double> month_staffing_;
  /// The key posts of the structure in force, in post order (rebuilt when the organisation
  /// changes): the monthly pass reads their holders only, and asks for those ahead.
  std::vector<model::PostId> key_posts_;
  const model::Organisation* key_posts_org_ = nullptr;
  std::size_t key_posts_of_ = 0;  ///< the organisation's post count when key_posts_ was built
  /// What the plan's shares read of a planned cadre: birth day and sex, set when the cadre is
  /// created and never changed.
  struct PlannedCadreTraits {
    Day birth = 0;
    bool female = false;
  };
  /// Per cadre, its traits, copied for new cadres at each month end: the plan's shares read
  /// these instead of each planned cadre's record, scattered in a large organisation, and read
  /// both in one line (docs/performance.md).
  std::vector<PlannedCadreTraits> cadre_traits_;
  // The congress pipeline (docs/model.md § Metrics, election_pipeline): per election in the
  // period, per slot (each key title of its tenure, then "key", then "all"), per field.
  struct ElectionSlot {
    Day date = 0;
    model::TenureKind tenure = model::TenureKind::kPartyTerm;
    std::vector<model::TitleId> titles;  ///< key titles it elects (slots 0..n-1)
  };
  std::vector<ElectionSlot> elections_;
  std::vector<std::vector<double>> election_acc_;  ///< [election][slot * fields + field]
  std::vector<model::UnitId> pipeline_units_;      ///< units with a pipeline of their own
  std::vector<std::int32_t> pipeline_slot_;        ///< per unit: index in pipeline_units_, or -1
  /// Monthly pipeline_ready series per key title (0, 1, 2+ ready), resolved once.
  std::vector<model::TitleId> key_titles_;
  std::vector<std::array<std::vector<double>*, 3>> pipeline_series_;
  /// The monthly series on_month_end writes, in the order it writes them, found in the map on
  /// the first month and then reused: no string-keyed lookup or comparison per month. Which
  /// series a month writes, and in what order, depends only on the scenario and the
  /// organisation in force (its titles with a non-native rule), so the keys are checked again
  /// (and looked up where they differ) only in a month whose organisation is not the one
  /// they were last checked for (month_slots_org_).
  std::vector<std::pair<const SeriesKey*, std::vector<double>*>> month_slots_;
  const model::Organisation* month_slots_org_ = nullptr;
};

/// Display name of a level pair "from>to".
std::string flow_group(const std::string& from, const std::string& to);

}  // namespace cadresim::analysis
