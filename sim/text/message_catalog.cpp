// The message catalog: every user-facing text in English and Vietnamese (data; see
// sim/text/messages.hpp and docs/architecture.md § Messages and languages). Ids are grouped by
// where they appear: metric.* (figure labels shared by the summary and report.html), verdict.*,
// summary.* (terminal summary); cli.* (command line) are in message_catalog_cli.cpp, html.*
// (report.html; may hold markup) are in message_catalog_html.cpp, story.* and lever.* in
// message_catalog_story.cpp, page.* (the workspace page) in message_catalog_page.cpp, problem.*
// (scenario problems) in message_catalog_problem.cpp, sweep.* and optimise.* in
// message_catalog_sweep.cpp. The Vietnamese follows the vocabulary of the
// domain documents: cán bộ, luân chuyển, chức danh chủ chốt, quy hoạch, nguồn kế cận, đại hội, thu
// nhập.
#include "sim/text/messages.hpp"

#include <iterator>  // std::begin, std::end
#include <vector>    // the whole catalog

#include "sim/text/message_catalog.hpp"

namespace cadresim::text {

namespace {

constexpr CatalogEntry kCatalog[] = {
    // ---- Figure labels: one vocabulary for the summary and report.html.
    {"metric.vacancies_run_mean", "Vacant posts (average over the period's month ends)",
     "Vị trí còn trống (bình quân cuối các tháng trong kỳ)"},
    {"metric.vacancies_key_run_mean", "Vacant key posts (average over the period's month ends)",
     "Chức danh chủ chốt còn trống (bình quân cuối các tháng trong kỳ)"},
    {"metric.vacancy_months", "Vacancy-months, all posts (sum over the period)",
     "Tháng-vị trí trống, mọi vị trí (cộng dồn cả kỳ)"},
    {"metric.time_to_fill_days_mean", "Average days to fill a vacancy",
     "Số ngày bình quân để bố trí vị trí trống"},
    {"metric.successor_coverage_1_run_mean",
     "Key posts with at least one ready successor, % (average over month ends)",
     "Chức danh chủ chốt có ít nhất một nguồn kế cận sẵn sàng, % (bình quân cuối tháng)"},
    {"metric.successor_coverage_2_run_mean",
     "Key posts with at least two ready successors, % (average over month ends)",
     "Chức danh chủ chốt có ít nhất hai nguồn kế cận sẵn sàng, % (bình quân cuối tháng)"},
    {"metric.bench_strength_run_mean", "Planned successors per key post (average over month ends)",
     "Số người trong quy hoạch trên một chức danh chủ chốt (bình quân cuối tháng)"},
    {"metric.without_post_run_mean", "Cadres without a post (average over month ends)",
     "Cán bộ chưa có chức vụ (bình quân cuối tháng)"},
    {"metric.appointments", "Appointments", "Bổ nhiệm"},
    {"metric.elections", "Elections of a new holder", "Bầu người mới giữ chức"},
    {"metric.retirements", "Retirements", "Nghỉ hưu"},
    {"metric.exits", "Cadres who left the service (resignation, health, discipline)",
     "Cán bộ thôi công tác (xin nghỉ, sức khỏe, kỷ luật)"},
    {"metric.recruitments", "Recruitments", "Tuyển dụng"},
    {"metric.rotations", "Rotations carried out", "Lượt luân chuyển đã thực hiện"},
    {"metric.plan_fulfilment", "Rotation plan fulfilled, % of the planned quota",
     "Hoàn thành kế hoạch luân chuyển, % chỉ tiêu"},
    {"metric.refusals", "Rotation offers refused", "Lượt từ chối luân chuyển"},
    {"metric.early_returns", "Early returns from rotation", "Trở về trước hạn luân chuyển"},
    {"metric.completed_well_share", "Rotated cadres rated \"completed well\", %",
     "Cán bộ luân chuyển được đánh giá \"hoàn thành tốt nhiệm vụ\", %"},
    {"metric.shortfall_mean", "Average income shortfall of a rotated cadre, % of previous income",
     "Mức giảm thu nhập bình quân của cán bộ luân chuyển, % thu nhập trước đó"},
    {"metric.shortfall_positive_share",
     "Rotations that leave the cadre with less income (after support), %",
     "Lượt luân chuyển làm cán bộ giảm thu nhập (sau hỗ trợ), %"},
    {"metric.support_cost_vnd", "Support cost over the period, million VND",
     "Chi phí hỗ trợ cả kỳ, triệu đồng"},
    {"metric.support_cost_per_rotation_vnd", "Support cost per rotation, million VND",
     "Chi phí hỗ trợ trên một lượt luân chuyển, triệu đồng"},
    {"metric.effectiveness_key_run_mean",
     "Effectiveness of key-post holders (1 = full; average over month ends)",
     "Hiệu quả công tác của người giữ chức danh chủ chốt (1 = đầy đủ; bình quân cuối tháng)"},
    {"metric.units_short_mean", "Units short of establishment (mean over the run)",
     "Đơn vị thiếu biên chế (bình quân cả kỳ)"},
    {"metric.units_in_surplus_mean", "Units in surplus (mean over the run)",
     "Đơn vị dôi dư biên chế (bình quân cả kỳ)"},
    {"metric.headcount_surplus_mean", "Staff surplus, persons (mean over the run)",
     "Số người dôi dư (bình quân cả kỳ)"},
    {"metric.reform_posts_ended", "Structural change: posts ended",
     "Sắp xếp tổ chức bộ máy: vị trí chấm dứt"},
    {"metric.reform_placed", "Structural change: holders placed in new posts",
     "Sắp xếp tổ chức bộ máy: người được bố trí vào vị trí mới"},
    {"metric.reform_surplus", "Structural change: surplus holders (no new post)",
     "Sắp xếp tổ chức bộ máy: người dôi dư (chưa có vị trí mới)"},
    {"metric.reform_surplus.reassigned", "  of whom reassigned (in service, no post yet)",
     "  trong đó bố trí công tác khác (còn công tác, chưa có chức vụ)"},
    {"metric.reform_surplus.seconded", "  of whom seconded", "  trong đó biệt phái"},
    {"metric.reform_surplus.exited", "  of whom left early (Decrees 178/2024, 67/2025)",
     "  trong đó nghỉ trước tuổi (Nghị định 178/2024, 67/2025)"},
    {"metric.reform_exit_cost_vnd", "Structural change: exit cost, million VND",
     "Sắp xếp tổ chức bộ máy: chi phí cho người nghỉ, triệu đồng"},
    {"metric.vacancies.last_day", "Vacant posts on the last day", "Vị trí còn trống ngày cuối kỳ"},
    {"metric.vacancies_key.last_day", "Vacant key posts on the last day (end-of-run value)",
     "Chức danh chủ chốt còn trống ngày cuối kỳ (giá trị cuối kỳ)"},
    {"metric.successor_coverage_1.last_day",
     "Key posts with at least one ready successor, % (last day)",
     "Chức danh chủ chốt có ít nhất một nguồn kế cận sẵn sàng, % (ngày cuối kỳ)"},
    {"metric.imbalance_index.last_day", "Staffing imbalance on the last day, % of establishment",
     "Mất cân đối biên chế ngày cuối kỳ, % biên chế"},

    // ---- Verdicts on a paired difference (report.html's rule, the summary's column).
    {"verdict.better", "better", "tốt hơn"},
    {"verdict.worse", "worse", "kém hơn"},
    {"verdict.unclear", "no clear difference", "không khác biệt rõ"},
    {"verdict.same", "the same in every replication", "như nhau ở mọi lần lặp"},
    {"verdict.no_interval", "no interval", "không có khoảng tin cậy"},
    {"verdict.too_few", "too few replications to tell", "quá ít lần lặp để kết luận"},
    {"verdict.higher", "higher", "cao hơn"},
    {"verdict.lower", "lower", "thấp hơn"},
    {"verdict.higher_better", "higher (better)", "cao hơn (tốt hơn)"},
    {"verdict.lower_better", "lower (better)", "thấp hơn (tốt hơn)"},
    {"verdict.higher_worse", "higher (worse)", "cao hơn (kém hơn)"},
    {"verdict.lower_worse", "lower (worse)", "thấp hơn (kém hơn)"},
    {"verdict.not_applicable", "not applicable", "không áp dụng"},
    // A figure that applies in no replication (a ratio with nothing to divide by, such as the
    // income shortfall per move in a scenario without moves).
    {"value.not_applicable", "n/a", "không áp dụng"},
    // A figure that applies in only some replications: the mean is over those.
    {"value.applies_in", "(in {} of {} replications)", "(ở {} trên {} lần lặp)"},
    {"summary.compare.applies_in",
     "{}: in {}, applies in {} of {} replications (where there is nothing to divide by, a ratio "
     "does not apply); the figure is over those replications.",
     "{}: ở {}, áp dụng ở {} trên {} lần lặp (khi không có gì để chia, tỷ lệ không áp dụng); số "
     "liệu tính trên các lần lặp đó."},
    {"summary.compare.not_applicable_rule",
     "(\"n/a\": the figure does not apply, e.g. an income shortfall per move where no cadre "
     "moved.)",
     "(\"không áp dụng\": chỉ tiêu không có nghĩa, ví dụ mức hụt thu nhập mỗi lượt luân chuyển "
     "khi không ai được luân chuyển.)"},

    // ---- The terminal summary.
    {"summary.period",
     "Period {} to {}; {} replication(s), seed {}. Figures: mean [95% confidence interval].",
     "Giai đoạn từ {} đến {}; {} lần lặp, hạt giống {}. Số liệu: bình quân [khoảng tin cậy 95%]."},
    {"summary.end_values", "End-of-run values (the last day only)",
     "Giá trị cuối kỳ (chỉ ngày cuối cùng)"},
    {"summary.vacancies_by_level", "Vacant posts on the last day, by level",
     "Vị trí còn trống ngày cuối kỳ, theo cấp"},
    {"summary.actions.title", "Personnel actions by managing tier (whole run)",
     "Công tác cán bộ theo cấp quản lý (cả kỳ)"},
    {"summary.actions.tier", "tier", "cấp quản lý"},
    {"summary.actions.planned", "planned", "quy hoạch"},
    {"summary.actions.appointed", "appointed", "bổ nhiệm"},
    {"summary.actions.mobilised", "mobilised", "điều động"},
    {"summary.actions.rotated", "rotated", "luân chuyển"},
    {"summary.pipeline.congress", "party congress", "đại hội Đảng"},
    {"summary.pipeline.state_election", "state election", "bầu cử HĐND"},
    {"summary.pipeline.title", "{} {}: pipeline before the election and how posts were filled",
     "{} {}: nguồn kế cận trước bầu cử và cách bố trí các chức danh"},
    {"summary.pipeline.title_column", "title", "chức danh"},
    {"summary.pipeline.posts", "posts", "vị trí"},
    {"summary.pipeline.ready_0", "0 ready", "0 sẵn sàng"},
    {"summary.pipeline.ready_1", "1 ready", "1 sẵn sàng"},
    {"summary.pipeline.ready_2", "2+ ready", "2+ sẵn sàng"},
    {"summary.pipeline.reelected", "re-elected", "tái cử"},
    {"summary.pipeline.ready_succ", "ready succ.", "kế cận sẵn sàng"},
    {"summary.pipeline.not_ready_succ", "not-ready succ.", "kế cận chưa sẵn"},
    {"summary.pipeline.unit_deputy", "unit deputy", "cấp phó đơn vị"},
    {"summary.pipeline.designated", "designated", "chỉ định"},
    {"summary.pipeline.held_over", "held over", "kéo dài"},
    {"summary.pipeline.vacant", "vacant", "để trống"},
    {"summary.pipeline.from_outside", "from outside", "từ nơi khác"},
    {"summary.pipeline.renewed", "renewed %", "% đổi mới"},
    {"summary.pipeline.all_key", "all key posts", "mọi chức danh chủ chốt"},
    {"summary.pipeline.all_elected", "all elected posts", "mọi chức danh bầu cử"},
    {"summary.shocks.title", "Shock cards of {}", "Cú sốc của {}"},
    {"summary.shocks.departure", "cadres who left: {}", "cán bộ thôi công tác: {}"},
    {"summary.shocks.change", "a dated change of the parameters, in force from this date",
     "thay đổi tham số, có hiệu lực từ ngày này"},
    {"summary.shocks.hiring_freeze", "no recruitment of non-leadership staff from this date",
     "dừng tuyển dụng công chức không giữ chức vụ từ ngày này"},
    {"summary.shocks.extra_round",
     "a rotation plan held on this date (counted in rotations and plan fulfilment)",
     "một đợt luân chuyển vào ngày này (tính vào luân chuyển và hoàn thành kế hoạch)"},
    {"summary.shocks.merge", "units merged: see \"Structural change\" below",
     "hợp nhất đơn vị: xem \"Sắp xếp tổ chức bộ máy\" dưới đây"},
    {"summary.flows.title",
     "Rotations by flow (whole run; first calendar years as in the article's window)",
     "Luân chuyển theo luồng (cả kỳ; các năm đầu như giai đoạn của bài báo)"},
    {"summary.flows.flow", "flow", "luồng"},
    {"summary.flows.whole_run", "whole run", "cả kỳ"},
    {"summary.flows.per_year", "per year (mean)", "mỗi năm (bình quân)"},
    {"summary.outcomes.title", "Rotation outcomes (whole run)", "Kết quả luân chuyển (cả kỳ)"},
    {"summary.outcomes.returned", "returned", "trở về nơi công tác cũ"},
    {"summary.outcomes.promoted", "promoted", "được đề bạt"},
    {"summary.outcomes.stayed", "stayed", "ở lại nơi luân chuyển đến"},
    {"summary.shortfall_per_move",
     "Income shortfall per move (pooled over {} moves): mean {}%, median {}%, 5-95%: {}% to {}%",
     "Mức giảm thu nhập mỗi lượt luân chuyển (gộp {} lượt): bình quân {}%, trung vị {}%, "
     "5-95%: {}% đến {}%"},
    {"summary.compare.metric", "metric", "chỉ tiêu"},
    {"summary.compare.difference", "difference [95% CI]", "chênh lệch [KTC 95%]"},
    {"summary.compare.difference_of", "{} - {} [95% CI]", "{} - {} [KTC 95%]"},
    {"summary.compare.verdict", "verdict", "đánh giá"},
    {"summary.compare.title", "{} versus {} (paired by replication: common random numbers)",
     "{} so với {} (ghép cặp theo lần lặp: cùng chuỗi số ngẫu nhiên)"},
    {"summary.compare.variants_title",
     "Variants versus {} (paired by replication: common random numbers)",
     "Các phương án so với {} (ghép cặp theo lần lặp: cùng chuỗi số ngẫu nhiên)"},
    {"summary.compare.verdict_rule",
     "(verdict: a difference whose 95% interval contains zero is \"no clear difference\".)",
     "(đánh giá: chênh lệch có khoảng tin cậy 95% chứa số 0 là \"không khác biệt rõ\".)"},
    {"summary.compare.versus", "{} versus {}", "{} so với {}"},
    {"summary.cost.vacancy_month", "vacancy-month avoided", "tháng-vị trí trống giảm được"},
    {"summary.cost.ready_successor", "additional key post with a ready successor",
     "chức danh chủ chốt có thêm nguồn kế cận sẵn sàng"},
    {"summary.cost.early_return", "early return avoided", "lượt trở về trước hạn tránh được"},
    {"summary.cost.not_meaningful", "Support cost per {}: not meaningful (no clear improvement)",
     "Chi phí hỗ trợ cho mỗi {}: không có ý nghĩa (không cải thiện rõ)"},
    {"summary.cost.none",
     "Support cost per {}: none — the variant improves this and costs {} million VND less",
     "Chi phí hỗ trợ cho mỗi {}: không có — phương án cải thiện chỉ tiêu này và tốn ít hơn {} "
     "triệu đồng"},
    {"summary.cost.per", "Support cost per {}: {} million VND",
     "Chi phí hỗ trợ cho mỗi {}: {} triệu đồng"},
    {"summary.warning.replications",
     "Warning: with fewer than {} replications the intervals are unstable; use -n {} or more.",
     "Cảnh báo: với ít hơn {} lần lặp, khoảng tin cậy không ổn định; hãy dùng -n {} trở lên."},
    {"summary.changes.title",
     "What {} changes from {} ({} value(s)):", "Những gì {} thay đổi so với {} ({} giá trị):"},
    {"summary.changes.pointer", "pointer", "vị trí trong tệp"},
    {"summary.changes.base", "base", "gốc"},
    {"summary.changes.variant", "this scenario", "kịch bản này"},
    {"summary.changes.absent", "(absent)", "(không có)"},
    // ---- run --assumptions: the uncertainty table.
    {"summary.assumptions.intro",
     "Uncertainty from assumptions: {} parameter sets (Latin hypercube over {} assumption ranges) "
     "x {} replications, common random numbers.\n"
     "  Monte Carlo = 95% interval of the nominal scenario's mean (chance only); total = "
     "2.5-97.5th percentiles of the set means (assumptions and chance);\n"
     "  share = part of a replication's variance that comes from the assumptions; then the three "
     "assumptions that matter most (standardized regression coefficient).\n",
     "Bất định do các giả định: {} bộ tham số (siêu khối Latin trên {} khoảng giả định) x {} lần "
     "lặp, cùng chuỗi số ngẫu nhiên.\n"
     "  Monte Carlo = khoảng tin cậy 95% của bình quân kịch bản danh nghĩa (chỉ do ngẫu nhiên); "
     "tổng = bách phân vị 2,5-97,5 của bình quân các bộ (giả định và ngẫu nhiên);\n"
     "  tỷ phần = phần phương sai của một lần lặp do các giả định; sau đó là ba giả định ảnh "
     "hưởng nhiều nhất (hệ số hồi quy chuẩn hóa).\n"},
    {"summary.assumptions.monte_carlo", "Monte Carlo", "Monte Carlo (ngẫu nhiên)"},
    {"summary.assumptions.total", "total", "tổng"},
    {"summary.assumptions.share", "share", "tỷ phần"},
    {"summary.assumptions.most_influential", "most influential", "ảnh hưởng nhiều nhất"},
    {"summary.report_path", "Report: {}", "Báo cáo: {}"},
};

}  // namespace

std::span<const CatalogEntry> message_catalog() {
  // Every table, this file's first, copied once into one list.
  static const std::vector<CatalogEntry> all = [] {
    std::vector<CatalogEntry> v(std::begin(kCatalog), std::end(kCatalog));
    for (const auto part :
         {report_html_messages(), story_messages(), page_messages(), problem_messages(),
          problem_section_messages(), cli_messages(), markov_messages(), sweep_messages()})
      v.insert(v.end(), part.begin(), part.end());
    return v;
  }();
  return all;
}

}  // namespace cadresim::text
