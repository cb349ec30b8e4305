#pragma once
/// @file The observation interface: how analysis code watches a replication. Observers are
/// called once per batch (each month end) with the events since the previous batch, and at
/// month and year ends with the world's state — never once per event, so observation stays
/// off the hot path. The engine holds no metric or formatting code.

#include <span>  // std::span

#include "sim/model/domain_events.hpp"
#include "sim/model/world.hpp"

namespace cadresim::engine {

using kernel::Day;

/// Base class for observers; override what you need.
class Observer {
 public:
  virtual ~Observer() = default;
  /// Once, after the initial population is placed (events: initial placements, vacancies).
  virtual void on_start(Day /*day*/, const model::World& /*world*/) {}
  /// A batch of domain events in time order.
  virtual void on_events(std::span<const events::DomainEvent> /*events*/, const model::World& /*world*/) {}
  /// At each month end, after that day's events (the batch up to it was delivered first).
  virtual void on_month_end(Day /*day*/, const model::World& /*world*/) {}
  /// At each 31 December, after on_month_end.
  virtual void on_year_end(int /*year*/, const model::World& /*world*/) {}
  /// Once, when the run reaches its end date (or --until).
  virtual void on_finish(Day /*day*/, const model::World& /*world*/) {}
};

}  // namespace cadresim::engine
