// A cadre's, post's or unit's story as dated sentences in English or Vietnamese.
#include "analysis/story.hpp"

#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::find_if
#include <cmath>      // std::abs, std::round
#include <cstdlib>    // std::atoi
#include <map>        // std::map

#include "analysis/report/html_parts.hpp"  // html::esc
#include "analysis/text_width.hpp"         // next_code_point
#include "sim/kernel/calendar.hpp"

namespace cadresim::analysis {

using events::EventType;
using model::CadreId;
using model::PostId;

namespace {

// --- Text helpers -------------------------------------------------------------------------------

// The base letter of a Vietnamese letter with diacritics (lower case), or 0.
char base_letter(char32_t cp) {
  static const std::map<char32_t, char> table = [] {
    std::map<char32_t, char> t;
    const std::pair<const char*, char> groups[] = {
        {"àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'},
        {"èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ", 'e'},
        {"ìíỉĩịÌÍỈĨỊ", 'i'},
        {"òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'},
        {"ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ", 'u'},
        {"ỳýỷỹỵỲÝỶỸỴ", 'y'},
        {"đĐ", 'd'},
    };
    for (const auto& [letters, base] : groups) {
      const std::string_view v(letters);
      for (std::size_t i = 0; i < v.size();) t[next_code_point(v, i)] = base;
    }
    return t;
  }();
  const auto it = table.find(cp);
  return it == table.end() ? 0 : it->second;
}

// Whole VND with thousands separators: "1,500,000 VND" (en) or "1.500.000 đồng" (vi); half a
// đồng is rounded away from zero.
std::string money(double vnd, Lang lang) {
  return trf(lang, "story.money", format_number(lang, std::round(vnd), 0));
}

std::string percent(double share, Lang lang) {
  return format_number(lang, std::abs(share) * 100, 1) + " %";
}

// The catalog id of an event's reason (why it happened), or nullptr for a reason without one.
const char* why_id(std::uint16_t r) {
  switch (r) {
    case events::kReasonSuccessor:
      return "story.why.successor";
    case events::kReasonDeputy:
      return "story.why.deputy";
    case events::kReasonPlacement:
      return "story.why.placement";
    case events::kReasonReturn:
      return "story.why.return";
    case events::kReasonPromote:
      return "story.why.promote";
    case events::kReasonScripted:
      return "story.why.scripted";
    case events::kReasonRecruitment:
      return "story.why.recruitment";
    case events::kReasonAgedOut:
      return "story.why.aged_out";
    case events::kReasonFailed:
      return "story.why.failed";
    case events::kReasonGone:
      return "story.why.gone";
    case events::kReasonHeldAlready:
      return "story.why.held_already";
    case events::kReasonOtherCause:
      return "story.why.other_cause";
    case events::kReasonStatutory:
      return "story.why.statutory";
    case events::kReasonEarly:
      return "story.why.early";
    case events::kReasonResignation:
      return "story.why.resignation";
    case events::kReasonHealth:
      return "story.why.health";
    case events::kReasonDiscipline:
      return "story.why.discipline";
    case events::kReasonTransfer:
      return "story.why.transfer";
    case events::kReasonExit:
      return "story.why.exit";
    case events::kReasonPromotion:
      return "story.why.promotion";
    case events::kReasonTermEnd:
      return "story.why.term_end";
    case events::kReasonInitial:
      return "story.why.initial";
    case events::kReasonRotation:
      return "story.why.rotation";
    case events::kReasonPostEnded:
      return "story.why.post_ended";
    case events::kReasonTermLimit:
      return "story.why.term_limit";
    case events::kReasonAgeRule:
      return "story.why.age_rule";
    case events::kReasonMergeTarget:
      return "story.why.merge_target";
    case events::kReasonSameArea:
      return "story.why.same_area";
    case events::kReasonSurplusReassigned:
      return "story.why.reassigned";
    case events::kReasonSurplusSeconded:
      return "story.why.seconded";
    case events::kReasonSurplusExited:
      return "story.why.exited";
    case events::kReasonTopUp:
      return "lever.top_up";
    case events::kReasonGrant:
      return "lever.grant";
    case events::kReasonHousing:
      return "lever.housing";
    case events::kReasonTravel:
      return "lever.travel";
    case events::kReasonReservedAllowance:
      return "lever.reserved_allowance";
    case events::kReasonMentoring:
      return "lever.mentoring";
    case events::kReasonSupervision:
      return "lever.supervision";
    case events::kReasonOutcomeReelected:
      return "story.outcome.reelected";
    case events::kReasonOutcomeReadySuccessor:
      return "story.outcome.ready_successor";
    case events::kReasonOutcomeLaterSuccessor:
      return "story.outcome.not_ready_successor";
    case events::kReasonOutcomeUnitDeputy:
      return "story.outcome.unit_deputy";
    case events::kReasonOutcomeDesignated:
      return "story.outcome.designated";
    case events::kReasonOutcomeHeldOver:
      return "story.outcome.held_over";
    case events::kReasonOutcomeVacant:
      return "story.outcome.vacant";
    default:
      return nullptr;
  }
}

// --- What the sentences say ---------------------------------------------------------------------

struct Teller {
  const model::Scenario& s;
  const model::World& w;
  Lang lang;

  std::string_view t(std::string_view id) const { return tr(lang, id); }
  template <class... Args>
  std::string tf(std::string_view id, Args&&... args) const {
    return trf(lang, id, std::forward<Args>(args)...);
  }
  std::string post(PostId p) const {
    if (p == model::kNoPost) return std::string(t("story.no_post"));
    const auto& org = s.organisation;
    // Posts of one title in one unit are numbered when there are several.
    const model::Title& title = org.title_of(p);
    std::string label = title.name;
    if (title.posts_per_unit > 1)
      for (int k = 0; k < title.posts_per_unit; ++k)
        if (org.find_post(org.posts[p].unit, org.posts[p].title, k) == p)
          label += fmt::format(" ({})", k + 1);
    return label + ", " + org.units[org.posts[p].unit].name;
  }
  std::string decimal(double v) const { return format_number(lang, v, 2); }
  std::string cadre(CadreId c) const {
    if (c == model::kNoCadre || c >= w.cadres.size()) return std::string(t("story.nobody"));
    const auto& k = w.cadres[c];
    return k.name.empty() ? k.id : k.name;
  }
  std::string flow(Day day, std::uint16_t f) const {  // the flows in force on the day
    const std::string id = model::flow_id_on(s, day, f);
    return id.empty() ? std::string(t("story.flow_scripted")) : id;
  }
  std::string_view rating(std::uint16_t r) const {
    switch (r) {
      case events::kReasonRatingExcellent:
        return t("story.rating.excellent");
      case events::kReasonRatingGood:
        return t("story.rating.good");
      case events::kReasonRatingCompleted:
        return t("story.rating.completed");
      default:
        return t("story.rating.not_completed");
    }
  }
  std::string_view readiness(model::Readiness r) const {
    switch (r) {
      case model::Readiness::kReadyNow:
        return t("story.readiness.ready_now");
      case model::Readiness::kReadyLater:
        return t("story.readiness.ready_later");
      case model::Readiness::kNotReady:
        break;
    }
    return t("story.readiness.not_ready");
  }
  std::string why(std::uint16_t r) const {
    const char* id = why_id(r);
    return id ? std::string(t(id)) : std::string(events::reason_name(r));
  }
  std::string income(double shortfall) const {
    if (std::abs(shortfall) < 0.0005) return std::string(t("story.income.same"));
    return tf(shortfall > 0 ? "story.income.less" : "story.income.more", percent(shortfall, lang));
  }

  // The sentence for one event seen from the story's subject.
  std::string sentence(const events::DomainEvent& e, bool about_cadre) const {
    const std::string who = about_cadre ? "" : cadre(e.cadre) + ": ";
    switch (e.type) {
      case EventType::kAppointed:
        return who + tf("story.appointed", post(e.to), why(e.reason));
      case EventType::kElected:
        return who + tf("story.elected", post(e.to));
      case EventType::kReelected:
        return who + tf("story.reelected", post(e.to));
      case EventType::kElectionOutcome:
        return who + tf("story.election_outcome", post(e.to), why(e.reason));
      case EventType::kRetired:
        return who + tf("story.retired", why(e.reason));
      case EventType::kLeft:
        return who + tf("story.left", why(e.reason));
      case EventType::kRecruited:
        return who + tf("story.recruited", post(e.to));
      case EventType::kPlanned:
        return who + tf("story.planned", post(e.to));
      case EventType::kUnplanned:
        return who + tf("story.unplanned", post(e.to), why(e.reason));
      case EventType::kTermLimitReached:
        return who + tf("story.term_limit", post(e.from));
      case EventType::kOffered:
        return who + tf("story.offered", post(e.to), income(e.value));
      case EventType::kAccepted:
        return who + std::string(t("story.accepted"));
      case EventType::kRefused:
        return who + tf("story.refused", post(e.to));
      case EventType::kMoved:
        return who +
               tf("story.moved", post(e.from), post(e.to), flow(e.day, e.reason), income(e.value));
      case EventType::kReturnedEarly:
        return who + tf("story.returned_early", post(e.from));
      case EventType::kRotationEnded:
        return who + (e.reason == events::kReasonReturn
                          ? std::string(t("story.rotation_ended.returned"))
                      : e.reason == events::kReasonPromote
                          ? std::string(t("story.rotation_ended.promoted"))
                          : tf("story.rotation_ended.stayed", post(e.to)));
      case EventType::kEvaluated:
        return who + tf("story.evaluated", rating(e.reason), decimal(e.value));
      case EventType::kActingAssigned:
        return who + tf("story.acting", post(e.to));
      case EventType::kVacancyOpened:
        return tf("story.vacancy_opened", post(e.to), why(e.reason));
      case EventType::kVacancyClosed:
        return tf("story.vacancy_closed", post(e.to), fmt::format("{:.0f}", e.value),
                  cadre(e.cadre));
      case EventType::kNonNativeUnmet:
        return tf("story.non_native_unmet", post(e.to));
      case EventType::kNotStanding:
        return who + tf("story.not_standing", post(e.from), why(e.reason));
      case EventType::kPostEnded:
        return who + tf("story.post_ended", post(e.from));
      case EventType::kRestructured:
        return who + tf("story.restructured", post(e.to), why(e.reason));
      case EventType::kSurplus:
        return who + tf("story.surplus", post(e.from), why(e.reason));
      case EventType::kSecondmentEnded:
        return who + std::string(t("story.secondment_ended"));
      case EventType::kShock: {  // a shock card (docs/scenarios.md § Shock cards)
        const auto i = static_cast<std::size_t>(e.value);
        const std::string label = i < s.shocks.size() ? s.shocks[i].label : std::string();
        return who + (e.from != model::kNoPost ? tf("story.shock_at", label, post(e.from))
                                               : tf("story.shock", label));
      }
      default:  // an event without a sentence of its own: its log name (language-neutral)
        return who + std::string(events::event_name(e.type)) + " " + post(e.to) + ".";
    }
  }
};

bool concerns(const StorySubject& sub, const model::Organisation& org,
              const events::DomainEvent& e) {
  switch (sub.kind) {
    case StorySubject::Kind::kCadre:
      // A structural event's cadre field holds a unit id (kUnitMapped): no cadre's event.
      if (e.type == EventType::kVacancyOpened || e.type == EventType::kVacancyClosed ||
          e.type == EventType::kUnitMapped)
        return false;
      return e.cadre == sub.cadre;
    case StorySubject::Kind::kPost:
      if (e.type == EventType::kPlanned || e.type == EventType::kUnplanned ||
          e.type == EventType::kEvaluated || e.type == EventType::kSupportPaid ||
          e.type == EventType::kOffered || e.type == EventType::kRefused)
        return false;
      return e.to == sub.post || (e.from == sub.post && e.type != EventType::kVacancyClosed &&
                                  e.type != EventType::kAppointed);
    case StorySubject::Kind::kUnit: {
      if (e.type != EventType::kVacancyOpened && e.type != EventType::kVacancyClosed &&
          e.type != EventType::kAppointed && e.type != EventType::kElected &&
          e.type != EventType::kMoved && e.type != EventType::kRecruited)
        return false;
      return e.to != model::kNoPost && org.posts[e.to].unit == sub.unit;
    }
  }
  return false;
}

}  // namespace

std::string fold_vietnamese(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
    } else if (const char b = base_letter(cp); b != 0) {
      out += b;
    }  // other non-ASCII (combining marks included) are dropped
  }
  return out;
}

std::optional<StorySubject> find_subject(const model::Scenario& s, const model::World& w,
                                         const std::string& who, std::string& error, Lang lang) {
  const auto& org = s.organisation;
  StorySubject sub;
  if (who.rfind("unit:", 0) == 0) {
    sub.kind = StorySubject::Kind::kUnit;
    sub.unit = org.find_unit(who.substr(5));
    if (sub.unit == model::kNoUnit) {
      error = trf(lang, "story.error.no_unit", who.substr(5));
      return std::nullopt;
    }
    sub.label = org.units[sub.unit].name;
    return sub;
  }
  if (who.rfind("post:", 0) == 0) {
    std::string rest = who.substr(5);
    int nth = 0;
    if (const auto hash = rest.find('#'); hash != std::string::npos) {
      nth = std::atoi(rest.c_str() + hash + 1);
      rest.resize(hash);
    }
    const auto slash = rest.find('/');
    const model::UnitId u =
        slash == std::string::npos ? model::kNoUnit : org.find_unit(rest.substr(0, slash));
    const model::TitleId t =
        slash == std::string::npos ? model::kNoTitle : org.find_title(rest.substr(slash + 1));
    sub.kind = StorySubject::Kind::kPost;
    sub.post =
        (u == model::kNoUnit || t == model::kNoTitle) ? model::kNoPost : org.find_post(u, t, nth);
    if (sub.post == model::kNoPost) {
      error = trf(lang, "story.error.no_post", who.substr(5), org.post_label(0));
      return std::nullopt;
    }
    sub.label = org.title_of(sub.post).name + ", " + org.units[org.posts[sub.post].unit].name;
    return sub;
  }
  for (CadreId c = 0; c < w.cadres.size(); ++c)
    if (w.cadres[c].id == who) {
      sub.cadre = c;
      sub.label = w.cadres[c].name.empty() ? who : w.cadres[c].name + " (" + who + ")";
      return sub;
    }
  const std::string key = fold_vietnamese(who);
  std::vector<CadreId> found;
  for (CadreId c = 0; c < w.cadres.size(); ++c)
    if (!w.cadres[c].name.empty() && fold_vietnamese(w.cadres[c].name) == key) found.push_back(c);
  if (found.size() == 1) {
    sub.cadre = found[0];
    sub.label = w.cadres[found[0]].name + " (" + w.cadres[found[0]].id + ")";
    return sub;
  }
  error = found.empty() ? trf(lang, "story.error.no_cadre", who)
                        : trf(lang, "story.error.same_name", found.size(), who);
  return std::nullopt;
}

void StoryRecorder::on_month_end(Day day, const model::World& w) {
  if (follow == model::kNoCadre) return;
  std::vector<std::pair<PostId, model::Readiness>> now;
  for (const auto& e : w.plan)
    if (e.cadre == follow) now.emplace_back(e.post, e.readiness);
  for (const auto& entry : now) {
    const PostId post = entry.first;
    const model::Readiness r = entry.second;
    const auto it =
        std::find_if(last_.begin(), last_.end(), [post](const auto& x) { return x.first == post; });
    if (r != model::Readiness::kNotReady && (it == last_.end() || it->second != r))
      readiness.push_back({day, post, r});
  }
  last_ = std::move(now);
}

std::vector<StoryLine> tell_story(const model::Scenario& s, const model::World& w,
                                  const StoryRecorder& rec, const StorySubject& subject,
                                  Lang lang) {
  const Teller teller{s, w, lang};
  const bool about_cadre = subject.kind == StorySubject::Kind::kCadre;
  std::vector<StoryLine> lines;
  std::map<std::uint16_t, double> support;  // lever -> VND during the current rotation
  auto flush_support = [&](Day day) {
    if (support.empty()) return;
    std::string received;
    for (const auto& [lever, vnd] : support)
      received += (received.empty() ? "" : ", ") + teller.why(lever) + " " + money(vnd, lang);
    lines.push_back({day, teller.tf("story.support", received)});
    support.clear();
  };
  std::size_t r = 0;
  for (const auto& e : rec.log) {
    // Readiness changes recorded up to this day come first.
    while (about_cadre && r < rec.readiness.size() && rec.readiness[r].day <= e.day) {
      const auto& c = rec.readiness[r++];
      lines.push_back(
          {c.day, teller.tf("story.became", teller.readiness(c.readiness), teller.post(c.post))});
    }
    if (!concerns(subject, s.organisation, e)) continue;
    if (e.type == EventType::kSupportPaid) {
      support[e.reason] += e.value;
      continue;
    }
    if (e.type == EventType::kRotationEnded || e.type == EventType::kReturnedEarly ||
        e.type == EventType::kRetired || e.type == EventType::kLeft)
      flush_support(e.day);
    lines.push_back({e.day, teller.sentence(e, about_cadre)});
  }
  while (about_cadre && r < rec.readiness.size()) {
    const auto& c = rec.readiness[r++];
    lines.push_back(
        {c.day, teller.tf("story.became", teller.readiness(c.readiness), teller.post(c.post))});
  }
  flush_support(rec.log.empty() ? s.calendar.end : rec.log.back().day);
  return lines;
}

std::string story_text(const StorySubject& subject, const std::vector<StoryLine>& lines,
                       Lang lang) {
  std::string out = trf(lang, "story.title", subject.label) + "\n\n";
  for (const auto& l : lines) out += short_date(lang, l.day) + "  " + l.text + "\n";
  if (lines.empty()) out += std::string(tr(lang, "story.nothing_happened")) + "\n";
  return out;
}

std::string story_html(const StorySubject& subject, const std::vector<StoryLine>& lines,
                       Lang lang) {
  const std::string title = trf(lang, "story.title", subject.label);
  std::string out = std::string("<!doctype html>\n<html lang=\"") + std::string(lang_code(lang)) +
                    "\">\n<head><meta charset=\"utf-8\"><title>" + html::esc(title) +
                    "</title>\n<style>body{font-family:system-ui,sans-serif;max-width:56rem;"
                    "margin:2rem auto;padding:0 1rem;line-height:1.5}td{padding:.2rem .6rem;"
                    "vertical-align:top}td.d{white-space:nowrap;color:#555;font-variant-numeric:"
                    "tabular-nums}</style></head>\n<body>\n<h1>" +
                    html::esc(title) + "</h1>\n<table>\n";
  for (const auto& l : lines)
    out += "<tr><td class=\"d\">" + short_date(lang, l.day) + "</td><td>" + html::esc(l.text) +
           "</td></tr>\n";
  out += "</table>\n</body>\n</html>\n";
  return out;
}

}  // namespace cadresim::analysis
