#pragma once
/// @file A cadre's story (or a post's or a unit's history) as dated sentences, in English or
/// Vietnamese, from the domain events of one replication: where they served, why they moved,
/// what a rotation did to their income, how they were rated, when they entered the succession
/// plan and became ready, how elections went. Used by `cadresim story` (docs/cli.md). Every
/// sentence is a story.* text of the message catalog (sim/text/message_catalog_story.cpp).

#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "analysis/messages.hpp"  // Lang
#include "sim/engine/observer.hpp"
#include "sim/model/scenario.hpp"

namespace cadresim::analysis {

using kernel::Day;

/// What a story follows.
struct StorySubject {
  enum class Kind { kCadre, kPost, kUnit } kind = Kind::kCadre;
  model::CadreId cadre = model::kNoCadre;
  model::PostId post = model::kNoPost;
  model::UnitId unit = model::kNoUnit;
  std::string label;  ///< display name of the subject
};

/// Lower-case ASCII form of UTF-8 text with Vietnamese diacritics removed ("Vàng A Kỷ" →
/// "vang a ky", "Điện Biên" → "dien bien"), for matching names typed either way.
std::string fold_vietnamese(std::string_view utf8);

/// Finds the subject `who` in a finished replication: a cadre by id, or by name (case and
/// diacritics ignored; an error if several cadres match); "post:UNIT/TITLE" (nth post
/// "post:UNIT/TITLE#n"); "unit:UNIT". On failure returns nothing and sets `error` (in `lang`).
std::optional<StorySubject> find_subject(const model::Scenario& s, const model::World& w,
                                         const std::string& who, std::string& error,
                                         Lang lang = Lang::kEn);

/// Keeps every event of a replication (a story needs the whole log; one replication only).
class StoryRecorder : public engine::Observer {
 public:
  void on_events(std::span<const events::DomainEvent> e, const model::World&) override {
    log.insert(log.end(), e.begin(), e.end());
  }
  void on_month_end(Day day, const model::World& w) override;
  /// The subject cadre whose readiness to follow month by month (set before the run, or none).
  model::CadreId follow = model::kNoCadre;
  std::vector<events::DomainEvent> log;
  /// Readiness changes of `follow`: day, post, readiness (as recorded in the plan).
  struct ReadinessChange {
    Day day;
    model::PostId post;
    model::Readiness readiness;
  };
  std::vector<ReadinessChange> readiness;

 private:
  std::vector<std::pair<model::PostId, model::Readiness>> last_;
};

/// One dated sentence.
struct StoryLine {
  Day day = 0;
  std::string text;
};

/// The subject's story: one sentence per event that concerns it (support payments summed per
/// rotation), in time order.
std::vector<StoryLine> tell_story(const model::Scenario& s, const model::World& w,
                                  const StoryRecorder& rec, const StorySubject& subject, Lang lang);
/// The story as text: a heading and one line per sentence ("YYYY-MM-DD  sentence").
std::string story_text(const StorySubject& subject, const std::vector<StoryLine>& lines, Lang lang);
/// The story as a self-contained HTML page.
std::string story_html(const StorySubject& subject, const std::vector<StoryLine>& lines, Lang lang);

}  // namespace cadresim::analysis
