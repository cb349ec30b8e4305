#pragma once
/// @file The event log as CSV (date, event, cadre, name, from, to, reason, value): an observer
/// that renders each domain event with readable labels (cadre ids, posts "unit/title").

#include <string>   // std::string
#include <utility>  // std::move

#include "sim/engine/observer.hpp"
#include "sim/model/scenario.hpp"

namespace cadresim::analysis {

/// Collects the event log of one replication as CSV text. The `name` column is empty unless
/// `with_names` (cadre names are personal data: docs/cli.md § Privacy). Text cells go through
/// csv_cell (RFC 4180 quoting, formula neutralisation).
class EventLogCsv : public engine::Observer {
 public:
  explicit EventLogCsv(const model::Scenario& scenario, bool with_names = false);
  void on_events(std::span<const events::DomainEvent> events, const model::World& world) override;
  /// The CSV text so far (header included).
  const std::string& text() const { return text_; }
  /// Replaces the text so far (a run continued from a snapshot: docs/architecture.md § Saved
  /// state), header included.
  void restore(std::string text) { text_ = std::move(text); }

 private:
  const model::Scenario& s_;
  bool with_names_;
  std::string text_;
};

}  // namespace cadresim::analysis
