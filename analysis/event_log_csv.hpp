#pragma once
/// @file The event log as CSV (date, event, cadre, name, from, to, reason, value): an observer
/// that renders each domain event with readable labels (cadre ids, posts "unit/title").

#include <string>  // std::string

#include "sim/engine/observer.hpp"
#include "sim/model/scenario.hpp"

namespace cadresim::analysis {

/// Collects the event log of one replication as CSV text.
class EventLogCsv : public engine::Observer {
 public:
  explicit EventLogCsv(const model::Scenario& scenario);
  void on_events(std::span<const events::DomainEvent> events, const model::World& world) override;
  /// The CSV text so far (header included).
  const std::string& text() const { return text_; }

 private:
  const model::Scenario& s_;
  std::string text_;
};

}  // namespace cadresim::analysis
