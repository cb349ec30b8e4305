#pragma once
/// @file The engine: builds the world of one replication from a scenario, a seed and a
/// replication number, and runs it on the kernel, dispatching each kernel event to its rule.
/// It reports what happens only through observers (sim/engine/observer.hpp).

#include <cstdint>  // std::uint64_t
#include <vector>   // std::vector

#include "sim/engine/observer.hpp"
#include "sim/kernel/binary_io.hpp"  // ByteWriter, ByteReader for saved state
#include "sim/kernel/simulation.hpp"
#include "sim/model/domain_events.hpp"
#include "sim/model/scenario.hpp"
#include "sim/model/world.hpp"
#include "sim/rules/attrition.hpp"  // AttritionRates
#include "sim/rules/context.hpp"

namespace cadresim::engine {

/// One replication of a scenario.
class Engine {
 public:
  /// Builds the initial world (population placed, first events scheduled). The scenario must
  /// outlive the engine.
  Engine(const model::Scenario& scenario, std::uint64_t seed, std::uint64_t replication);
  /// Restores a replication saved by save_state (docs/architecture.md § Saved state) and
  /// continues it under `scenario`: the saved one, or a variant with the same organisation and
  /// the same dated calendar (the caller checks that; analysis/snapshot.cpp), whose parameters
  /// are then in force from the saved day on. Observers added afterwards see no on_start.
  /// Throws kernel::FormatError if the state does not fit the scenario.
  Engine(const model::Scenario& scenario, std::uint64_t seed, std::uint64_t replication,
         kernel::ByteReader& state);
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// Adds an observer (not owned; must outlive the run). Add before run().
  void add_observer(Observer& observer) { observers_.push_back(&observer); }
  /// Runs to the scenario's end date.
  void run() { run_until(scenario_.calendar.end); }
  /// Runs to `until` (at most the end date); can be called again to continue.
  void run_until(Day until);
  /// Runs the kernel to `until` (before the end date) like run_until, but keeps the events of
  /// the month so far undelivered: save_state then records them, and the continued run
  /// delivers them at the month end with the rest, exactly as an uninterrupted run does.
  /// Call run_until(until) afterwards to deliver them here.
  void advance(Day until);
  /// Writes the whole state of the replication: the kernel (clock, queue, stamps), the world,
  /// undelivered events, per-post vacancy counters, the epoch in force and the counters. The
  /// random key is (seed, replication) and has no other state: it is not written.
  void save_state(kernel::ByteWriter& w) const;
  /// Current simulation day.
  Day now() const { return sim_.now(); }
  /// The world (read-only).
  const model::World& world() const { return world_; }
  /// Kernel events handled so far.
  std::uint64_t events_handled() const { return handled_; }

  /// Kernel event dispatch (called by the simulation loop).
  void handle(const kernel::Event& e);

 private:
  void build_world();
  void list_elections();
  void schedule_calendar();
  void month_end();
  void deliver_events();
  void check_invariants() const;
  rules::RuleContext ctx();
  void schedule_epochs();
  void switch_epoch(std::uint32_t index);

  const model::Scenario& scenario_;  ///< the base scenario (in force at the start)
  /// The parameters in force (docs/model.md § Dated changes): the base, then each epoch's
  /// when a dated change applies.
  const model::Scenario* current_ = &scenario_;
  /// The organisation in force (docs/model.md § Structural events).
  const model::Organisation* org_ = &scenario_.organisation;
  kernel::Simulation sim_;
  kernel::RandomKey rng_;
  model::World world_;
  events::EventLog log_;
  std::vector<std::uint32_t> vacancy_counter_;
  std::vector<Observer*> observers_;
  std::vector<std::pair<const model::Election*, model::TenureKind>> elections_;
  std::uint64_t handled_ = 0;
  std::uint64_t month_index_ = 0;
  /// The month-end pass's tables, for the parameters and organisation they were built from
  /// (rebuilt at a month end when either has changed since): per post, its unit's level (low
  /// byte) and kUnitHardship / kUnitEspeciallyDifficult (high byte), so that the pass reads a
  /// small array instead of the post's and its unit's records (docs/performance.md §
  /// Prefetching); and each post's monthly attrition hazard.
  std::vector<std::uint16_t> post_month_info_;
  rules::AttritionRates attrition_rates_;
  const model::Scenario* month_tables_parameters_ = nullptr;
  const model::Organisation* month_tables_organisation_ = nullptr;
  /// A cadre the month-end pass visits, with what the tables above say of the post it held at
  /// the last pass (kNoPost: nothing yet, or the tables were rebuilt since). The pass reads
  /// these in order, so a holder's level, flags and hazard cost no look-up in the post tables
  /// (a cache miss each in a large organisation) until the cadre's post changes.
  struct MonthPassEntry {
    model::CadreId id = model::kNoCadre;
    model::PostId post = model::kNoPost;
    double monthly_hazard = 0;    ///< attrition_rates_.monthly_by_post[post]
    std::uint16_t post_info = 0;  ///< post_month_info_[post]
    /// The cadre was rotated when `post` was looked up (a rotation starts and, usually, ends with
    /// a move, so it is looked up again then): only says whether to ask ahead for the lines a
    /// rotated cadre's month reads besides the first (the rotation record's second line, the
    /// grade, the post), so a stale value costs a wasted or a missed prefetch, never a
    /// different result.
    bool rotated = false;
  };
  /// The cadres the month-end pass visits (those active at the last pass, in id order), and
  /// how many cadre ids it has seen: later ids are new and join at the next pass.
  std::vector<MonthPassEntry> month_pass_cadres_;
  std::size_t month_pass_seen_ = 0;
  /// Entries of cadres no longer active that the last pass left in month_pass_cadres_: the pass
  /// drops them only once they are a 32nd of the list, so that in most months it moves no entry.
  std::size_t month_pass_inactive_ = 0;
  std::uint32_t plans_run_ = 0;
  std::int64_t epoch_ = -1;  ///< index of the last epoch switched to (-1: none yet)
  bool started_ = false;
  bool finished_ = false;
};

}  // namespace cadresim::engine
