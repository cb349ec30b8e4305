// A cadre's story (analysis/story.hpp): the subject is found by id or by name with or without
// diacritics; the story has one sentence per event of the event log that concerns the subject
// (support payments summed per rotation; readiness changes added); both languages render.
#include <gtest/gtest.h>

#include <filesystem>

#include "analysis/story.hpp"
#include "sim/engine/engine.hpp"
#include "sim/scenario/loader.hpp"

namespace cadresim::analysis {
namespace {

using events::EventType;

const model::Scenario& builtin_baseline() {
  static const model::Scenario s = scenario::load_builtin_baseline().scenario;
  return s;
}

TEST(Story, FoldingRemovesVietnameseDiacriticsAndCase) {
  EXPECT_EQ(fold_vietnamese("Vàng A Kỷ"), "vang a ky");
  EXPECT_EQ(fold_vietnamese("ĐIỆN BIÊN Phủ"), "dien bien phu");
  EXPECT_EQ(fold_vietnamese("Mường Nhé"), "muong nhe");
  EXPECT_EQ(fold_vietnamese("Nguyễn Thị Ánh"), "nguyen thi anh");
}

TEST(Story, TheSubjectIsFoundByIdByNameAndByPostOrUnit) {
  engine::Engine e(builtin_baseline(), 1, 0);
  std::string error;
  for (const char* who : {"vang-a-ky", "Vàng A Kỷ", "vang a ky", "VÀNG A KỶ"}) {
    const auto s = find_subject(builtin_baseline(), e.world(), who, error);
    ASSERT_TRUE(s) << who << ": " << error;
    EXPECT_EQ(e.world().cadres[s->cadre].id, "vang-a-ky");
  }
  EXPECT_FALSE(find_subject(builtin_baseline(), e.world(), "Nobody Here", error));
  EXPECT_NE(error.find("no cadre"), std::string::npos);
  EXPECT_FALSE(find_subject(builtin_baseline(), e.world(), "Nobody Here", error, Lang::kVi));
  EXPECT_EQ(error.rfind("không có cán bộ mang mã hoặc tên \"Nobody Here\"", 0), 0u) << error;
  const auto post =
      find_subject(builtin_baseline(), e.world(), "post:nam-po/district-party-secretary", error);
  ASSERT_TRUE(post) << error;
  EXPECT_EQ(post->kind, StorySubject::Kind::kPost);
  EXPECT_FALSE(find_subject(builtin_baseline(), e.world(), "post:nam-po/no-such-title", error));
  const auto unit = find_subject(builtin_baseline(), e.world(), "unit:nam-po", error);
  ASSERT_TRUE(unit) << error;
  EXPECT_EQ(unit->kind, StorySubject::Kind::kUnit);
}

// Sentence by sentence: every event of the log with this cadre (but support payments) gives
// exactly one sentence on its date, in order; support is summed into one sentence per rotation.
TEST(Story, TheStoryOfANamedCadreMatchesTheEventLogSentenceBySentence) {
  const auto& s = builtin_baseline();
  std::string error;
  StoryRecorder rec;
  {
    engine::Engine probe(s, 3, 0);
    rec.follow = find_subject(s, probe.world(), "Vang A Ky", error)->cadre;
  }
  engine::Engine e(s, 3, 0);
  e.add_observer(rec);
  e.run();
  const auto subject = find_subject(s, e.world(), "Vang A Ky", error);
  ASSERT_TRUE(subject);
  std::vector<events::DomainEvent> his;
  for (const auto& ev : rec.log)
    if (ev.cadre == subject->cadre && ev.type != EventType::kSupportPaid &&
        ev.type != EventType::kVacancyOpened && ev.type != EventType::kVacancyClosed)
      his.push_back(ev);
  ASSERT_GT(his.size(), 5u);
  for (Lang lang : {Lang::kEn, Lang::kVi}) {
    const auto lines = tell_story(s, e.world(), rec, *subject, lang);
    std::size_t k = 0;
    for (const auto& line : lines) {
      const bool extra = line.text.rfind("Became ", 0) == 0 ||
                         line.text.rfind("Trở thành ", 0) == 0 ||
                         line.text.rfind("Support received", 0) == 0 ||
                         line.text.rfind("Hỗ trợ nhận được", 0) == 0;
      if (extra) continue;
      ASSERT_LT(k, his.size()) << line.text;
      EXPECT_EQ(line.day, his[k].day) << line.text;
      ++k;
    }
    EXPECT_EQ(k, his.size());
    // The scripted move of July 2020 is told, with the names as written.
    const std::string text = story_text(*subject, lines, lang);
    EXPECT_NE(text.find("Vàng A Kỷ"), std::string::npos);
    EXPECT_NE(text.find("Si Pa Phìn"), std::string::npos);
    // Dates in the language's convention, of one width so that the lines align.
    const std::string date = lang == Lang::kEn ? "15 Jul 2020  " : "15/07/2020  ";
    EXPECT_NE(text.find("\n" + date), std::string::npos) << text;
    EXPECT_NE(text.find(lang == Lang::kEn ? "Rotated from" : "Được luân chuyển từ"),
              std::string::npos);
    const std::string html = story_html(*subject, lines, lang);
    EXPECT_NE(html.find(lang == Lang::kEn ? "lang=\"en\"" : "lang=\"vi\""), std::string::npos);
    EXPECT_NE(html.find("Vàng A Kỷ"), std::string::npos);
  }
}

// The Vietnamese history of a post is Vietnamese throughout: no English sentence of the catalog
// (story.*), no event or reason name of the event log (election_outcome, post_ended), and the
// elections are told ("Bầu cử chức danh ... : người đương nhiệm tái cử").
TEST(Story, AVietnameseStoryHasNoEnglishSentenceNorLogName) {
  const auto& s = builtin_baseline();
  engine::Engine e(s, 1, 0);
  StoryRecorder rec;
  e.add_observer(rec);
  e.run();
  std::string error;
  std::string vi, en;
  for (const char* who : {"post:nam-po/district-party-secretary", "unit:nam-po", "vang-a-ky"}) {
    const auto subject = find_subject(s, e.world(), who, error, Lang::kVi);
    ASSERT_TRUE(subject) << error;
    vi += story_text(*subject, tell_story(s, e.world(), rec, *subject, Lang::kVi), Lang::kVi);
    en += story_text(*subject, tell_story(s, e.world(), rec, *subject, Lang::kEn), Lang::kEn);
  }
  EXPECT_NE(vi.find("Bầu cử chức danh"), std::string::npos) << vi;
  EXPECT_NE(en.find("Election for "), std::string::npos) << en;
  for (const char* log_name : {"election_outcome", "post_ended", "top_up", "reelected"})
    EXPECT_EQ(vi.find(log_name), std::string::npos) << log_name;
  std::size_t english_found = 0;
  for (const auto& m : message_catalog()) {
    if (!m.id.starts_with("story.")) continue;
    // The words of the English text before its first placeholder, when long enough to be telling.
    const std::string_view words = m.en.substr(0, m.en.find('{'));
    if (words.size() < 8) continue;
    EXPECT_EQ(vi.find(words), std::string::npos) << m.id << ": \"" << words << "\"";
    english_found += en.find(words) != std::string::npos;
  }
  EXPECT_GT(english_found, 5u);  // the same check finds the English sentences in English
}

// A structural event names its unit in the event's cadre field (kUnitMapped): it belongs to no
// cadre's story, whichever cadre has that number.
TEST(Story, AUnitsStructuralChangeIsNotToldInTheStoryOfTheCadreWithItsNumber) {
  const auto& s = builtin_baseline();
  engine::Engine e(s, 1, 0);
  StoryRecorder rec;
  e.add_observer(rec);
  e.run();
  std::size_t checked = 0;
  for (const auto& ev : rec.log) {
    if (ev.type != EventType::kUnitMapped || ev.cadre >= e.world().cadres.size() || checked >= 3)
      continue;
    std::string error;
    const auto subject = find_subject(s, e.world(), e.world().cadres[ev.cadre].id, error);
    ASSERT_TRUE(subject) << error;
    const std::string text =
        story_text(*subject, tell_story(s, e.world(), rec, *subject, Lang::kEn), Lang::kEn);
    EXPECT_EQ(text.find("unit_mapped"), std::string::npos) << text;
    ++checked;
  }
  EXPECT_EQ(checked, 3u);
}

}  // namespace
}  // namespace cadresim::analysis
