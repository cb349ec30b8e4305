#include "workspace/cadre_story.hpp"

#include <optional>  // std::optional

#include "analysis/messages.hpp"  // short_date: the date as the page's language writes it
#include "analysis/story.hpp"
#include "sim/engine/engine.hpp"
#include "sim/kernel/calendar.hpp"  // format_iso_date
#include "workspace/request.hpp"    // RequestError

namespace cadresim::workspace {

nlohmann::json cadre_story_json(const scenario::LoadedScenario& loaded, std::uint64_t seed,
                                std::uint64_t replication, const std::string& who,
                                bool vietnamese) {
  const model::Scenario& sc = loaded.scenario;
  const analysis::Lang lang = vietnamese ? analysis::Lang::kVi : analysis::Lang::kEn;
  std::string error;
  analysis::StoryRecorder rec;
  std::optional<analysis::StorySubject> subject;
  {
    engine::Engine probe(sc, seed, replication);
    subject = analysis::find_subject(sc, probe.world(), who, error, lang);
  }
  if (subject && subject->kind == analysis::StorySubject::Kind::kCadre) rec.follow = subject->cadre;
  engine::Engine engine(sc, seed, replication);
  engine.add_observer(rec);
  engine.run_until(sc.calendar.end);
  if (!subject) {  // a cadre who joined during the run
    subject = analysis::find_subject(sc, engine.world(), who, error, lang);
    if (!subject) throw RequestError(404, "/who", error);
  }
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : analysis::tell_story(sc, engine.world(), rec, *subject, lang))
    lines.push_back({{"date", kernel::format_iso_date(l.day)},
                     {"date_text", analysis::short_date(lang, l.day)},
                     {"text", l.text}});
  return {{"subject", subject->label}, {"lines", lines}};
}

}  // namespace cadresim::workspace
