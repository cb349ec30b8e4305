// MetricsCollector's election pipeline (docs/model.md § Metrics): each outcome of an election
// or congress counted per election and slot, and the totals written at the end of the run.
#include "analysis/metric_keys.hpp"
#include "analysis/metrics.hpp"

namespace cadresim::analysis {

using namespace metric_keys;

void MetricsCollector::count_election_outcome(const events::DomainEvent& e) {
  const auto& org = s_.organisation;
  const model::TitleId title = org.posts[e.to].title;
  const model::TenureKind tenure = org.titles[title].tenure;
  for (std::size_t k = 0; k < elections_.size(); ++k) {
    const ElectionSlot& el = elections_[k];
    if (el.date != e.day || el.tenure != tenure) continue;
    const std::size_t n = el.titles.size();
    std::size_t field = kFieldLeftVacant;
    switch (e.reason) {
      case events::kReasonOutcomeReelected:
        field = kFieldReelected;
        break;
      case events::kReasonOutcomeReadySuccessor:
        field = kFieldReadySuccessor;
        break;
      case events::kReasonOutcomeLaterSuccessor:
        field = kFieldNotReadySuccessor;
        break;
      case events::kReasonOutcomeUnitDeputy:
        field = kFieldUnitDeputy;
        break;
      case events::kReasonOutcomeDesignated:
        field = kFieldDesignated;
        break;
      case events::kReasonOutcomeHeldOver:
        field = kFieldHeldOver;
        break;
      default:
        break;
    }
    // A newcomer from a post in another unit (or without a post) came from outside the unit.
    const bool newcomer = e.reason != events::kReasonOutcomeReelected &&
                          e.reason != events::kReasonOutcomeHeldOver && e.cadre != model::kNoCadre;
    const bool outside =
        newcomer && (e.from == model::kNoPost || org.posts[e.from].unit != org.posts[e.to].unit);
    const std::size_t ready = e.value >= 2   ? kFieldReady2
                              : e.value >= 1 ? kFieldReady1
                                             : kFieldReady0;
    auto bump = [&](std::size_t slot) {
      double* row = &election_acc_[k][slot * kElectionFieldCount];
      row[kFieldPosts] += 1;
      row[ready] += 1;
      row[field] += 1;
      if (outside) row[kFieldFromOutside] += 1;
    };
    bump(n + 1);  // all elected posts
    if (!org.titles[title].key) return;
    bump(n);  // all key posts
    for (std::size_t t = 0; t < n; ++t)
      if (el.titles[t] == title) bump(t);
    if (const std::int32_t j = pipeline_slot_[org.posts[e.to].unit]; j >= 0)
      bump(n + 2 + static_cast<std::size_t>(j));  // the unit's own row, on request
    return;
  }
}

void MetricsCollector::write_election_totals() {
  const auto& org = s_.organisation;
  for (std::size_t k = 0; k < elections_.size(); ++k) {
    const ElectionSlot& el = elections_[k];
    const std::string date = kernel::format_iso_date(el.date);
    const std::size_t n = el.titles.size();
    for (std::size_t slot = 0; slot < n + 2 + pipeline_units_.size(); ++slot) {
      const std::string who = slot < n    ? org.titles[el.titles[slot]].id
                              : slot == n ? std::string("key")
                              : slot == n + 1
                                  ? std::string("all")
                                  : "unit:" + org.units[pipeline_units_[slot - n - 2]].id;
      const double* row = &election_acc_[k][slot * kElectionFieldCount];
      for (std::size_t f = 0; f < kElectionFieldCount; ++f)
        result_.totals[{"election_pipeline", date + "/" + who + "/" + kElectionFields[f]}] = row[f];
      // Renewal: the share of posts that got a new holder (not re-elected, not held over).
      const double posts = row[kFieldPosts];
      result_.totals[{"election_pipeline", date + "/" + who + "/renewal_share"}] =
          posts > 0
              ? (posts - row[kFieldReelected] - row[kFieldHeldOver] - row[kFieldLeftVacant]) / posts
              : kNotApplicable;
    }
  }
}

}  // namespace cadresim::analysis
