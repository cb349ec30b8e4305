// The message catalog's texts of the stories of `cadresim story` and the workspace's "follow a
// cadre" (story.*): data, in English and Vietnamese (sim/text/messages.hpp). A sentence is one
// row with placeholders; the values filled in (posts, names, numbers) are formatted by
// analysis/story.cpp in the story's language.
#include <iterator>  // std::size

#include "sim/text/message_catalog.hpp"

namespace cadresim::text {

namespace {

constexpr CatalogEntry kStoryCatalog[] = {
    // ---- Titles and parts of sentences.
    {"story.title", "The story of {}", "Câu chuyện của {}"},
    {"story.nothing_happened", "(nothing happened in this replication)",
     "(không có sự kiện nào trong lần chạy này)"},
    {"story.no_post", "no post", "không có chức vụ"},
    {"story.nobody", "nobody", "không ai"},
    {"story.flow_scripted", "scripted", "theo kịch bản"},
    {"story.money", "{} VND", "{} đồng"},
    {"story.income.same", "about the same income", "thu nhập gần như không đổi"},
    {"story.income.less", "{} less income after support", "thu nhập giảm {} sau hỗ trợ"},
    {"story.income.more", "{} more income after support", "thu nhập tăng {} sau hỗ trợ"},
    {"story.rating.excellent", "excellent", "hoàn thành xuất sắc nhiệm vụ"},
    {"story.rating.good", "good (completed well)", "hoàn thành tốt nhiệm vụ"},
    {"story.rating.completed", "completed", "hoàn thành nhiệm vụ"},
    {"story.rating.not_completed", "not completed", "không hoàn thành nhiệm vụ"},
    {"story.readiness.ready_now", "ready now", "sẵn sàng ngay"},
    {"story.readiness.ready_later", "ready later", "sẵn sàng sau"},
    {"story.readiness.not_ready", "not ready", "chưa sẵn sàng"},

    // ---- Why something happened (an event's reason).
    {"story.why.successor", "as a planned successor", "là người trong quy hoạch"},
    {"story.why.deputy", "promoted from a feeding post", "đề bạt từ cấp phó, cấp dưới"},
    {"story.why.placement", "placed after a time without a post",
     "bố trí lại sau thời gian chưa có chức vụ"},
    {"story.why.return", "back from a rotation", "trở về sau luân chuyển"},
    {"story.why.promote", "promoted at the end of a rotation",
     "được đề bạt khi kết thúc luân chuyển"},
    {"story.why.scripted", "as the scenario's script says", "theo kịch bản"},
    {"story.why.recruitment", "recruited", "tuyển dụng"},
    {"story.why.aged_out", "too close to retirement for the next term",
     "không đủ tuổi cho nhiệm kỳ tới"},
    {"story.why.failed", "rated not completed at the evaluation",
     "không hoàn thành nhiệm vụ khi đánh giá"},
    {"story.why.gone", "left the service", "đã thôi công tác"},
    {"story.why.held_already", "now holds this post or a higher one",
     "đã giữ chức vụ này hoặc cao hơn"},
    {"story.why.other_cause", "other causes (discipline, health or own request)",
     "lý do khác (kỷ luật, sức khỏe, xin rút)"},
    {"story.why.statutory", "at the statutory age", "đúng tuổi"},
    {"story.why.early", "early, after long service in hardship areas",
     "trước tuổi, sau thời gian dài ở vùng khó khăn"},
    {"story.why.resignation", "resignation", "xin nghỉ việc"},
    {"story.why.health", "health", "sức khỏe"},
    {"story.why.discipline", "discipline", "kỷ luật"},
    {"story.why.transfer", "transfer out of the province", "điều động ra ngoài tỉnh"},
    {"story.why.exit", "its holder left the service", "người giữ chức thôi công tác"},
    {"story.why.promotion", "its holder moved up", "người giữ chức được đề bạt"},
    {"story.why.term_end", "the term ended", "hết nhiệm kỳ"},
    {"story.why.initial", "vacant at the start", "khuyết từ đầu"},
    {"story.why.rotation", "a rotation", "luân chuyển"},
    {"story.why.post_ended", "the post ended in a structural change",
     "vị trí chấm dứt do sắp xếp tổ chức bộ máy"},
    {"story.why.term_limit", "term limit reached", "đã hết số nhiệm kỳ liên tiếp"},
    {"story.why.age_rule", "too old for another term", "không đủ tuổi tái cử"},
    {"story.why.merge_target", "in the unit its old unit merged into",
     "ở đơn vị mà đơn vị cũ hợp nhất vào"},
    {"story.why.same_area", "elsewhere in the same area", "ở nơi khác trong cùng địa bàn"},
    {"story.why.reassigned", "reassigned, in service without a post yet",
     "bố trí công tác khác, còn công tác nhưng chưa có chức vụ"},
    {"story.why.seconded", "seconded", "biệt phái"},
    {"story.why.exited", "left early (Decrees 178/2024, 67/2025)",
     "nghỉ trước tuổi (Nghị định 178/2024, 67/2025)"},
    // Support levers by their short names: one vocabulary for the stories' support sentence and
    // the workspace page's cost chart.
    {"lever.top_up", "top-up", "phụ cấp bổ sung"},
    {"lever.grant", "grant", "hỗ trợ một lần"},
    {"lever.housing", "housing", "nhà công vụ"},
    {"lever.travel", "travel", "đi lại"},
    {"lever.reserved_allowance", "reserved allowance", "bảo lưu phụ cấp"},
    {"lever.mentoring", "mentoring", "kèm cặp"},
    {"lever.supervision", "supervision", "giám sát"},
    // How an elected post was filled (election outcomes).
    {"story.outcome.reelected", "the holder was re-elected", "người đương nhiệm tái cử"},
    {"story.outcome.ready_successor", "a ready planned successor was elected",
     "bầu nguồn kế cận sẵn sàng trong quy hoạch"},
    {"story.outcome.not_ready_successor", "a planned successor not yet ready was elected",
     "bầu nguồn kế cận trong quy hoạch chưa sẵn sàng"},
    {"story.outcome.unit_deputy", "a deputy of the unit was elected", "bầu cấp phó của đơn vị"},
    {"story.outcome.designated", "a cadre designated by the managing tier was elected",
     "bầu cán bộ do cấp quản lý chỉ định"},
    {"story.outcome.held_over", "nobody eligible: the holder serves on",
     "không có người đủ điều kiện: người đương nhiệm tiếp tục giữ chức"},
    {"story.outcome.vacant", "nobody eligible: the post is left vacant",
     "không có người đủ điều kiện: để trống chức danh"},

    // ---- One sentence per event (the subject's name comes first in a post's or unit's story).
    {"story.appointed", "Appointed {} ({}).", "Được bổ nhiệm {} ({})."},
    {"story.elected", "Elected {}.", "Được bầu giữ chức {}."},
    {"story.reelected", "Re-elected {}.", "Tái cử {}."},
    {"story.election_outcome", "Election for {}: {}.", "Bầu cử chức danh {}: {}."},
    {"story.retired", "Retired ({}).", "Nghỉ hưu ({})."},
    {"story.left", "Left the service ({}).", "Thôi công tác ({})."},
    {"story.recruited", "Recruited as {}.", "Được tuyển dụng vào {}."},
    {"story.planned", "Entered the succession plan for {}.",
     "Được đưa vào quy hoạch chức danh {}."},
    {"story.unplanned", "Left the succession plan for {} ({}).",
     "Ra khỏi quy hoạch chức danh {} ({})."},
    {"story.term_limit", "Reached the limit of consecutive terms as {}.",
     "Đã hết số nhiệm kỳ liên tiếp ở chức {}."},
    {"story.offered", "Offered a rotation to {} ({}).", "Được đề nghị luân chuyển đến {} ({})."},
    {"story.accepted", "Accepted the rotation.", "Nhận nhiệm vụ luân chuyển."},
    {"story.refused", "Refused the rotation to {}.", "Từ chối luân chuyển đến {}."},
    {"story.moved", "Rotated from {} to {} (flow {}; {}).",
     "Được luân chuyển từ {} đến {} (luồng {}; {})."},
    {"story.returned_early", "Asked to return early and left {}.", "Xin về sớm, rời {}."},
    {"story.rotation_ended.returned", "The rotation ended: returned home.",
     "Kết thúc luân chuyển: trở về đơn vị cũ."},
    {"story.rotation_ended.promoted", "The rotation ended with a promotion.",
     "Kết thúc luân chuyển: được đề bạt."},
    {"story.rotation_ended.stayed", "The rotation ended; stayed at {}.",
     "Kết thúc luân chuyển; ở lại {}."},
    {"story.evaluated", "Rated {} (effectiveness {}).", "Được đánh giá {} (hiệu quả {})."},
    {"story.acting", "Acting as {} while it was vacant.", "Quyền {} trong thời gian khuyết."},
    {"story.vacancy_opened", "The post {} fell vacant ({}).", "Chức vụ {} bị khuyết ({})."},
    {"story.vacancy_closed", "The post {} was filled after {} days by {}.",
     "Chức vụ {} được kiện toàn sau {} ngày, người giữ: {}."},
    {"story.non_native_unmet", "No eligible non-native candidate for {}.",
     "Không có ứng viên không phải người địa phương cho {}."},
    {"story.shock", "Shock card: {}.", "Tình huống đột xuất: {}."},
    {"story.shock_at", "Shock card: {} — {}.", "Tình huống đột xuất: {} — {}."},
    {"story.not_standing", "Will not stand again for {} ({}).", "Không tái ứng cử chức {} ({})."},
    {"story.post_ended", "The post {} ended in a structural change.",
     "Vị trí {} chấm dứt do sắp xếp tổ chức bộ máy."},
    {"story.restructured", "Placed in {} after the structural change ({}).",
     "Được bố trí vào {} sau sắp xếp tổ chức bộ máy ({})."},
    {"story.surplus", "Without a post after the structural change ended {} ({}).",
     "Chưa có chức vụ sau khi {} chấm dứt do sắp xếp tổ chức bộ máy ({})."},
    {"story.secondment_ended", "The secondment ended; back without a post.",
     "Kết thúc biệt phái; trở về, chưa có chức vụ."},
    {"story.support", "Support received during the rotation: {}.",
     "Hỗ trợ nhận được trong thời gian luân chuyển: {}."},
    {"story.became", "Became {} for {}.", "Trở thành {} cho chức danh {}."},

    // ---- Who the story is about: errors (exit code 2, HTTP 404).
    {"story.error.no_unit", "no unit with id \"{}\"", "không có đơn vị mang mã \"{}\""},
    {"story.error.no_post", "no post \"{}\" (write post:UNIT-ID/TITLE-ID, e.g. post:{})",
     "không có vị trí \"{}\" (viết post:MÃ-ĐƠN-VỊ/MÃ-CHỨC-DANH, ví dụ post:{})"},
    {"story.error.no_cadre",
     "no cadre with id or name \"{}\" (synthesised cadres have ids like c12; named cadres are in "
     "the scenario's population or roster)",
     "không có cán bộ mang mã hoặc tên \"{}\" (cán bộ được tạo ra có mã như c12; cán bộ có tên "
     "nằm trong phần population hoặc danh sách cán bộ của kịch bản)"},
    {"story.error.same_name", "{} cadres are named \"{}\": give the id",
     "{} cán bộ cùng tên \"{}\": hãy cho mã cán bộ"},
};

}  // namespace

std::span<const CatalogEntry> story_messages() {
  return {kStoryCatalog, std::size(kStoryCatalog)};
}

}  // namespace cadresim::text
