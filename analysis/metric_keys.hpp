// Series keys shared by the files of MetricsCollector (metrics.cpp, metrics_month_end.cpp,
// metrics_elections.cpp): group names and the fields of election_pipeline.
#pragma once

#include <cstddef>   // std::size_t
#include <iterator>  // std::size
#include <string>

namespace cadresim::analysis::metric_keys {

/// Group of a series taken over all levels or units.
inline const std::string kAll = "all";
/// Groups of readiness counts: ready successors 0, 1, 2 or more.
inline constexpr const char* kReadyGroups[] = {"0", "1", "2+"};

/// Fields of election_pipeline, per election and slot (docs/model.md § Metrics).
inline constexpr const char* kElectionFields[] = {"posts",
                                                  "ready_0",
                                                  "ready_1",
                                                  "ready_2+",
                                                  "reelected",
                                                  "ready_successor",
                                                  "not_ready_successor",
                                                  "unit_deputy",
                                                  "designated",
                                                  "held_over",
                                                  "left_vacant",
                                                  "from_outside"};
inline constexpr std::size_t kElectionFieldCount = std::size(kElectionFields);
/// Index of each field in kElectionFields.
enum ElectionField : std::size_t {
  kFieldPosts,
  kFieldReady0,
  kFieldReady1,
  kFieldReady2,
  kFieldReelected,
  kFieldReadySuccessor,
  kFieldNotReadySuccessor,
  kFieldUnitDeputy,
  kFieldDesignated,
  kFieldHeldOver,
  kFieldLeftVacant,
  kFieldFromOutside
};

}  // namespace cadresim::analysis::metric_keys
