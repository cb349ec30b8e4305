#include "analysis/event_log_csv.hpp"

#include <fmt/core.h>  // fmt::format

#include "analysis/csv_cell.hpp"  // csv_cell

namespace cadresim::analysis {

EventLogCsv::EventLogCsv(const model::Scenario& scenario, bool with_names)
    : s_(scenario), with_names_(with_names) {
  text_ = "date,event,cadre,name,from,to,reason,value\n";
}

void EventLogCsv::on_events(std::span<const events::DomainEvent> events, const model::World& w) {
  const auto& org = s_.organisation;
  auto post = [&](model::PostId p) {
    return p == model::kNoPost ? std::string() : org.post_label(p);
  };
  for (const auto& e : events) {
    std::string reason;
    if (e.type == events::EventType::kMoved || e.type == events::EventType::kOffered ||
        e.type == events::EventType::kAccepted || e.type == events::EventType::kRefused ||
        e.type == events::EventType::kRotationPlanned) {
      reason = model::flow_id_on(s_, e.day, e.reason);
      if (reason.empty()) reason = "scripted";
    } else if (e.type == events::EventType::kPoolMove || e.type == events::EventType::kPoolLeave ||
               e.type == events::EventType::kPoolRecruit)
      reason = e.reason < s_.pools.states.size() ? s_.pools.states[e.reason].id : std::string();
    else if (e.type == events::EventType::kStaffExited ||
             e.type == events::EventType::kStaffRedeployed ||
             e.type == events::EventType::kStaffRecruited)  // reason = level
      reason = e.reason < s_.organisation.levels.size() ? s_.organisation.levels[e.reason].id
                                                        : std::string();
    else
      reason = std::string(events::reason_name(e.reason));
    if (e.type == events::EventType::kUnitMapped) {  // units, not cadres or posts
      const auto unit = [&](double u) {
        return u >= 0 && u < static_cast<double>(org.units.size())
                   ? csv_cell(org.units[static_cast<model::UnitId>(u)].id)
                   : std::string();
      };
      text_ += fmt::format("{},{},,,{},{},{},{:.10g}\n", kernel::format_iso_date(e.day),
                           events::event_name(e.type), unit(e.cadre), unit(e.value),
                           csv_cell(reason), e.value);
      continue;
    }
    const bool has_cadre = e.cadre != model::kNoCadre && e.cadre < w.cadres.size();
    text_ +=
        fmt::format("{},{},{},{},{},{},{},{:.10g}\n", kernel::format_iso_date(e.day),
                    events::event_name(e.type), has_cadre ? csv_cell(w.cadres[e.cadre].id) : "",
                    has_cadre && with_names_ ? csv_cell(w.cadres[e.cadre].name) : "",
                    csv_cell(post(e.from)), csv_cell(post(e.to)), csv_cell(reason), e.value);
  }
}

}  // namespace cadresim::analysis
