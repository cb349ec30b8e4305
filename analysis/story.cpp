// A cadre's, post's or unit's story as dated sentences in English or Vietnamese.
#include "analysis/story.hpp"

#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::find_if
#include <cmath>      // std::abs, std::llround
#include <cstdlib>    // std::atoi
#include <map>        // std::map

#include "analysis/report/html_parts.hpp"  // html::esc
#include "sim/kernel/calendar.hpp"

namespace cadresim::analysis {

using events::EventType;
using model::CadreId;
using model::PostId;

namespace {

// --- Text helpers -------------------------------------------------------------------------------

// Decodes one UTF-8 code point at s[i] (advancing i); invalid bytes come back as themselves.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  int extra = (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : 0;
  char32_t cp = extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
  if (extra == 0) return b;
  while (extra-- > 0 && i < s.size()) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

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

// Whole VND with thousands separators: "1,500,000" (en) or "1.500.000" (vi).
std::string money(double vnd, StoryLanguage lang) {
  const auto v = static_cast<long long>(std::llround(vnd));
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += lang == StoryLanguage::kEnglish ? ',' : '.';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out + (lang == StoryLanguage::kEnglish ? " VND" : " đồng");
}

std::string percent(double share, StoryLanguage lang) {
  std::string s = fmt::format("{:.1f}", std::abs(share) * 100);
  if (lang == StoryLanguage::kVietnamese) std::replace(s.begin(), s.end(), '.', ',');
  return s + " %";
}

// --- What the sentences say ---------------------------------------------------------------------

struct Teller {
  const model::Scenario& s;
  const model::World& w;
  StoryLanguage lang;

  bool en() const { return lang == StoryLanguage::kEnglish; }
  std::string t(const char* english, const char* vietnamese) const {
    return en() ? english : vietnamese;
  }
  std::string post(PostId p) const {
    if (p == model::kNoPost) return t("no post", "không có chức vụ");
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
  std::string decimal(double v) const {
    std::string x = fmt::format("{:.2f}", v);
    if (!en()) std::replace(x.begin(), x.end(), '.', ',');
    return x;
  }
  std::string cadre(CadreId c) const {
    if (c == model::kNoCadre || c >= w.cadres.size()) return t("nobody", "không ai");
    const auto& k = w.cadres[c];
    return k.name.empty() ? k.id : k.name;
  }
  std::string flow(Day day, std::uint16_t f) const {  // the flows in force on the day
    const std::string id = model::flow_id_on(s, day, f);
    return id.empty() ? t("scripted", "theo kịch bản") : id;
  }
  std::string rating(std::uint16_t r) const {
    switch (r) {
      case events::kReasonRatingExcellent:
        return t("excellent", "hoàn thành xuất sắc nhiệm vụ");
      case events::kReasonRatingGood:
        return t("good (completed well)", "hoàn thành tốt nhiệm vụ");
      case events::kReasonRatingCompleted:
        return t("completed", "hoàn thành nhiệm vụ");
      default:
        return t("not completed", "không hoàn thành nhiệm vụ");
    }
  }
  std::string readiness(model::Readiness r) const {
    switch (r) {
      case model::Readiness::kReadyNow:
        return t("ready now", "sẵn sàng ngay");
      case model::Readiness::kReadyLater:
        return t("ready later", "sẵn sàng sau");
      case model::Readiness::kNotReady:
        break;
    }
    return t("not ready", "chưa sẵn sàng");
  }
  std::string why(std::uint16_t r) const {
    switch (r) {
      case events::kReasonSuccessor:
        return t("as a planned successor", "là người trong quy hoạch");
      case events::kReasonDeputy:
        return t("promoted from a feeding post", "đề bạt từ cấp phó, cấp dưới");
      case events::kReasonPlacement:
        return t("placed after a time without a post", "bố trí lại sau thời gian chưa có chức vụ");
      case events::kReasonReturn:
        return t("back from a rotation", "trở về sau luân chuyển");
      case events::kReasonPromote:
        return t("promoted at the end of a rotation", "được đề bạt khi kết thúc luân chuyển");
      case events::kReasonScripted:
        return t("as the scenario's script says", "theo kịch bản");
      case events::kReasonRecruitment:
        return t("recruited", "tuyển dụng");
      case events::kReasonAgedOut:
        return t("too close to retirement for the next term", "không đủ tuổi cho nhiệm kỳ tới");
      case events::kReasonFailed:
        return t("rated not completed at the evaluation", "không hoàn thành nhiệm vụ khi đánh giá");
      case events::kReasonGone:
        return t("left the service", "đã thôi công tác");
      case events::kReasonHeldAlready:
        return t("now holds this post or a higher one", "đã giữ chức vụ này hoặc cao hơn");
      case events::kReasonOtherCause:
        return t("other causes (discipline, health or own request)",
                 "lý do khác (kỷ luật, sức khỏe, xin rút)");
      case events::kReasonStatutory:
        return t("at the statutory age", "đúng tuổi");
      case events::kReasonEarly:
        return t("early, after long service in hardship areas",
                 "trước tuổi, sau thời gian dài ở vùng khó khăn");
      case events::kReasonResignation:
        return t("resignation", "xin nghỉ việc");
      case events::kReasonHealth:
        return t("health", "sức khỏe");
      case events::kReasonDiscipline:
        return t("discipline", "kỷ luật");
      case events::kReasonTransfer:
        return t("transfer out of the province", "điều động ra ngoài tỉnh");
      case events::kReasonExit:
        return t("its holder left the service", "người giữ chức thôi công tác");
      case events::kReasonPromotion:
        return t("its holder moved up", "người giữ chức được đề bạt");
      case events::kReasonTermEnd:
        return t("the term ended", "hết nhiệm kỳ");
      case events::kReasonInitial:
        return t("vacant at the start", "khuyết từ đầu");
      case events::kReasonRotation:
        return t("a rotation", "luân chuyển");
      default:
        return std::string(events::reason_name(r));
    }
  }
  std::string income(double shortfall) const {
    if (std::abs(shortfall) < 0.0005)
      return t("about the same income", "thu nhập gần như không đổi");
    return shortfall > 0 ? t("", "thu nhập giảm ") + percent(shortfall, lang) +
                               t(" less income after support", " sau hỗ trợ")
                         : t("", "thu nhập tăng ") + percent(shortfall, lang) +
                               t(" more income after support", " sau hỗ trợ");
  }

  // The sentence for one event seen from the story's subject.
  std::string sentence(const events::DomainEvent& e, bool about_cadre) const {
    const std::string who = about_cadre ? "" : cadre(e.cadre) + ": ";
    switch (e.type) {
      case EventType::kAppointed:
        return who + t("Appointed ", "Được bổ nhiệm ") + post(e.to) + " (" + why(e.reason) + ").";
      case EventType::kElected:
        return who + t("Elected ", "Được bầu giữ chức ") + post(e.to) + ".";
      case EventType::kReelected:
        return who + t("Re-elected ", "Tái cử ") + post(e.to) + ".";
      case EventType::kRetired:
        return who + t("Retired (", "Nghỉ hưu (") + why(e.reason) + ").";
      case EventType::kLeft:
        return who + t("Left the service (", "Thôi công tác (") + why(e.reason) + ").";
      case EventType::kRecruited:
        return who + t("Recruited as ", "Được tuyển dụng vào ") + post(e.to) + ".";
      case EventType::kPlanned:
        return who + t("Entered the succession plan for ", "Được đưa vào quy hoạch chức danh ") +
               post(e.to) + ".";
      case EventType::kUnplanned:
        return who + t("Left the succession plan for ", "Ra khỏi quy hoạch chức danh ") +
               post(e.to) + " (" + why(e.reason) + ").";
      case EventType::kTermLimitReached:
        return who +
               t("Reached the limit of consecutive terms as ",
                 "Đã hết số nhiệm kỳ liên tiếp ở chức ") +
               post(e.from) + ".";
      case EventType::kOffered:
        return who + t("Offered a rotation to ", "Được đề nghị luân chuyển đến ") + post(e.to) +
               " (" + income(e.value) + ").";
      case EventType::kAccepted:
        return who + t("Accepted the rotation.", "Nhận nhiệm vụ luân chuyển.");
      case EventType::kRefused:
        return who + t("Refused the rotation to ", "Từ chối luân chuyển đến ") + post(e.to) + ".";
      case EventType::kMoved:
        return who + t("Rotated from ", "Được luân chuyển từ ") + post(e.from) +
               t(" to ", " đến ") + post(e.to) + " (" + t("flow ", "luồng ") +
               flow(e.day, e.reason) + "; " + income(e.value) + ").";
      case EventType::kReturnedEarly:
        return who + t("Asked to return early and left ", "Xin về sớm, rời ") + post(e.from) + ".";
      case EventType::kRotationEnded:
        return who + (e.reason == events::kReasonReturn
                          ? t("The rotation ended: returned home.",
                              "Kết thúc luân chuyển: trở về đơn vị cũ.")
                      : e.reason == events::kReasonPromote
                          ? t("The rotation ended with a promotion.",
                              "Kết thúc luân chuyển: được đề bạt.")
                          : t("The rotation ended; stayed at ", "Kết thúc luân chuyển; ở lại ") +
                                post(e.to) + ".");
      case EventType::kEvaluated:
        return who + t("Rated ", "Được đánh giá ") + rating(e.reason) + " (" +
               t("effectiveness ", "hiệu quả ") + decimal(e.value) + ").";
      case EventType::kActingAssigned:
        return who + t("Acting as ", "Quyền ") + post(e.to) +
               t(" while it was vacant.", " trong thời gian khuyết.");
      case EventType::kVacancyOpened:
        return t("The post ", "Chức vụ ") + post(e.to) + t(" fell vacant (", " bị khuyết (") +
               why(e.reason) + ").";
      case EventType::kVacancyClosed:
        return t("The post ", "Chức vụ ") + post(e.to) +
               t(" was filled after ", " được kiện toàn sau ") + fmt::format("{:.0f}", e.value) +
               t(" days by ", " ngày, người giữ: ") + cadre(e.cadre) + ".";
      case EventType::kNonNativeUnmet:
        return t("No eligible non-native candidate for ",
                 "Không có ứng viên không phải người địa phương cho ") +
               post(e.to) + ".";
      case EventType::kShock: {  // a shock card (docs/scenarios.md § Shock cards)
        const auto i = static_cast<std::size_t>(e.value);
        const std::string label = i < s.shocks.size() ? s.shocks[i].label : std::string();
        return who + t("Shock card: ", "Tình huống đột xuất: ") + label +
               (e.from != model::kNoPost ? " — " + post(e.from) : std::string()) + ".";
      }
      default:
        return who + std::string(events::event_name(e.type)) + " " + post(e.to) + ".";
    }
  }
};

bool concerns(const StorySubject& sub, const model::Organisation& org,
              const events::DomainEvent& e) {
  switch (sub.kind) {
    case StorySubject::Kind::kCadre:
      if (e.type == EventType::kVacancyOpened || e.type == EventType::kVacancyClosed) return false;
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
                                         const std::string& who, std::string& error) {
  const auto& org = s.organisation;
  StorySubject sub;
  if (who.rfind("unit:", 0) == 0) {
    sub.kind = StorySubject::Kind::kUnit;
    sub.unit = org.find_unit(who.substr(5));
    if (sub.unit == model::kNoUnit) {
      error = "no unit with id \"" + who.substr(5) + "\"";
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
      error = "no post \"" + who.substr(5) +
              "\" (write post:UNIT-ID/TITLE-ID, e.g. post:" + org.post_label(0) + ")";
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
  error = found.empty() ? "no cadre with id or name \"" + who + "\"" +
                              " (synthesised cadres have ids like c12; named cadres are in the "
                              "scenario's population or roster)"
                        : fmt::format("{} cadres are named \"{}\": give the id", found.size(), who);
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
                                  StoryLanguage lang) {
  const Teller teller{s, w, lang};
  const bool about_cadre = subject.kind == StorySubject::Kind::kCadre;
  std::vector<StoryLine> lines;
  std::map<std::uint16_t, double> support;  // lever -> VND during the current rotation
  auto flush_support = [&](Day day) {
    if (support.empty()) return;
    std::string text = teller.t("Support received during the rotation: ",
                                "Hỗ trợ nhận được trong thời gian luân chuyển: ");
    bool first = true;
    for (const auto& [lever, vnd] : support) {
      text += (first ? "" : ", ") + teller.why(lever) + " " + money(vnd, lang);
      first = false;
    }
    lines.push_back({day, text + "."});
    support.clear();
  };
  std::size_t r = 0;
  for (const auto& e : rec.log) {
    // Readiness changes recorded up to this day come first.
    while (about_cadre && r < rec.readiness.size() && rec.readiness[r].day <= e.day) {
      const auto& c = rec.readiness[r++];
      lines.push_back({c.day, teller.t("Became ", "Trở thành ") + teller.readiness(c.readiness) +
                                  teller.t(" for ", " cho chức danh ") + teller.post(c.post) +
                                  "."});
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
    lines.push_back({c.day, teller.t("Became ", "Trở thành ") + teller.readiness(c.readiness) +
                                teller.t(" for ", " cho chức danh ") + teller.post(c.post) + "."});
  }
  flush_support(rec.log.empty() ? s.calendar.end : rec.log.back().day);
  return lines;
}

std::string story_text(const StorySubject& subject, const std::vector<StoryLine>& lines,
                       StoryLanguage lang) {
  std::string out = (lang == StoryLanguage::kEnglish ? "The story of " : "Câu chuyện của ") +
                    subject.label + "\n\n";
  for (const auto& l : lines) out += kernel::format_iso_date(l.day) + "  " + l.text + "\n";
  if (lines.empty())
    out += lang == StoryLanguage::kEnglish ? "(nothing happened in this replication)\n"
                                           : "(không có sự kiện nào trong lần chạy này)\n";
  return out;
}

std::string story_html(const StorySubject& subject, const std::vector<StoryLine>& lines,
                       StoryLanguage lang) {
  const bool en = lang == StoryLanguage::kEnglish;
  std::string title = (en ? "The story of " : "Câu chuyện của ") + subject.label;
  std::string out = std::string("<!doctype html>\n<html lang=\"") + (en ? "en" : "vi") +
                    "\">\n<head><meta charset=\"utf-8\"><title>" + html::esc(title) +
                    "</title>\n<style>body{font-family:system-ui,sans-serif;max-width:56rem;"
                    "margin:2rem auto;padding:0 1rem;line-height:1.5}td{padding:.2rem .6rem;"
                    "vertical-align:top}td.d{white-space:nowrap;color:#555;font-variant-numeric:"
                    "tabular-nums}</style></head>\n<body>\n<h1>" +
                    html::esc(title) + "</h1>\n<table>\n";
  for (const auto& l : lines)
    out += "<tr><td class=\"d\">" + kernel::format_iso_date(l.day) + "</td><td>" +
           html::esc(l.text) + "</td></tr>\n";
  out += "</table>\n</body>\n</html>\n";
  return out;
}

}  // namespace cadresim::analysis
