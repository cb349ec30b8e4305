#include "analysis/event_log_csv.hpp"

#include <fmt/core.h>  // fmt::format

namespace cadresim::analysis {

EventLogCsv::EventLogCsv(const model::Scenario& scenario) : s_(scenario) {
  text_ = "date,event,cadre,name,from,to,reason,value\n";
}

namespace {
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}
}  // namespace

void EventLogCsv::on_events(std::span<const engine::DomainEvent> events, const model::World& w) {
  const auto& org = s_.organisation;
  auto post = [&](model::PostId p) {
    return p == model::kNoPost ? std::string() : org.post_label(p);
  };
  for (const auto& e : events) {
    std::string reason;
    if (e.type == engine::EventType::kMoved || e.type == engine::EventType::kOffered ||
        e.type == engine::EventType::kAccepted || e.type == engine::EventType::kRefused ||
        e.type == engine::EventType::kRotationPlanned)
      reason = e.reason < s_.rotation.flows.size() ? s_.rotation.flows[e.reason].id
                                                   : std::string("scripted");
    else if (e.type == engine::EventType::kPoolMove || e.type == engine::EventType::kPoolLeave ||
             e.type == engine::EventType::kPoolRecruit)
      reason = e.reason < s_.pools.states.size() ? s_.pools.states[e.reason].id : std::string();
    else
      reason = std::string(engine::reason_name(e.reason));
    const bool has_cadre = e.cadre != model::kNoCadre && e.cadre < w.cadres.size();
    text_ +=
        fmt::format("{},{},{},{},{},{},{},{:.10g}\n", kernel::format_iso_date(e.day),
                    engine::event_name(e.type), has_cadre ? csv_field(w.cadres[e.cadre].id) : "",
                    has_cadre ? csv_field(w.cadres[e.cadre].name) : "", csv_field(post(e.from)),
                    csv_field(post(e.to)), reason, e.value);
  }
}

}  // namespace cadresim::analysis
