// The message catalog's texts of `cadresim sweep` and `cadresim optimise` (sweep.*, optimise.*):
// their summaries (summary.txt and the terminal) and sweep.html, in English and Vietnamese.
// Metric names and JSON pointers stay as written, since they are what the user types
// (--metric, --vary, --target); sweep.csv, sweep.json and optimise.csv are language-neutral.
#include <iterator>  // std::size

#include "sim/text/message_catalog.hpp"

namespace cadresim::text {

namespace {

constexpr CatalogEntry kSweepCatalog[] = {
    // ---- The sweep's summary.
    {"sweep.title", "cadresim {} — sweep of {} ({})", "cadresim {} — quét tham số {} ({})"},
    {"sweep.intro",
     "Sweep ({}): {} point(s) x {} replication(s), seed {}, common random numbers; mean [95% CI]; "
     "difference from point {} (the base) paired by replication.",
     "Quét tham số ({}): {} điểm x {} lần lặp, hạt giống {}, cùng các số ngẫu nhiên; bình quân "
     "[KTC 95%]; chênh lệch so với điểm {} (điểm gốc) ghép cặp theo từng lần lặp."},
    {"sweep.design.grid", "grid", "lưới"},
    {"sweep.design.lhs", "Latin hypercube", "siêu khối Latin"},
    {"sweep.design.oat", "one at a time", "từng tham số một"},
    {"sweep.point", "point", "điểm"},
    {"sweep.mean", "mean [95% CI]", "bình quân [KTC 95%]"},
    {"sweep.difference", "difference [95% CI]", "chênh lệch [KTC 95%]"},
    {"sweep.base", "(base)", "(gốc)"},
    {"sweep.written", "Sweep: {}", "Quét tham số: {}"},

    // ---- sweep.html.
    {"sweep.html.intro",
     "Design: {}; {} point(s) × {} replication(s), seed {}. Every point uses the same seeds and "
     "replication numbers (common random numbers), so differences between points are paired. "
     "Bands are 95&nbsp;% intervals of the mean over replications (chance only).",
     "Thiết kế: {}; {} điểm × {} lần lặp, hạt giống {}. Mọi điểm dùng cùng hạt giống và số thứ tự "
     "lần lặp (cùng các số ngẫu nhiên), nên chênh lệch giữa các điểm được ghép cặp. Dải màu là "
     "khoảng tin cậy 95&nbsp;% của bình quân qua các lần lặp (chỉ do ngẫu nhiên)."},
    {"sweep.html.levers", "Levers", "Các tham số thay đổi"},
    {"sweep.html.pointer", "pointer", "con trỏ JSON"},
    {"sweep.html.from", "from", "từ"},
    {"sweep.html.to", "to", "đến"},
    {"sweep.html.step", "step", "bước"},
    {"sweep.html.ends", "ends", "hai đầu"},
    {"sweep.html.scenario_value", "scenario value", "giá trị trong kịch bản"},
    {"sweep.html.tornado", "Sensitivity, one lever at a time (tornado)",
     "Độ nhạy, từng tham số một (biểu đồ lốc xoáy)"},
    {"sweep.html.tornado_axis",
     "change in {} from the base (blue: lever at its low end, orange: high end; ±{})",
     "thay đổi của {} so với gốc (xanh: tham số ở đầu thấp, cam: đầu cao; ±{})"},
    {"sweep.html.low_end", "{} at its low end: {}", "{} ở đầu thấp: {}"},
    {"sweep.html.high_end", "{} at its high end: {}", "{} ở đầu cao: {}"},
    {"sweep.html.against", "Each metric against the varied parameter",
     "Từng chỉ tiêu theo tham số thay đổi"},
    {"sweep.html.table", "Table", "Bảng số liệu"},
    {"sweep.html.metric", "metric", "chỉ tiêu"},
    {"sweep.html.mean", "mean", "bình quân"},
    {"sweep.html.interval", "95&nbsp;% interval", "khoảng tin cậy 95&nbsp;%"},
    {"sweep.html.difference", "difference from base [95&nbsp;%]",
     "chênh lệch so với gốc [95&nbsp;%]"},
    {"sweep.html.base", "base", "gốc"},
    {"sweep.html.interval_words", "{} to {}", "{} đến {}"},

    // ---- The optimiser's summary.
    {"optimise.title", "cadresim {} — optimise {} ({})", "cadresim {} — tối ưu hóa {} ({})"},
    {"optimise.intro",
     "Searched {} point(s) (grid) x {} replication(s), seed {}, common random numbers. Cost: {} "
     "(mean). Targets (on the mean):",
     "Đã tìm {} điểm (lưới) x {} lần lặp, hạt giống {}, cùng các số ngẫu nhiên. Chi phí: {} "
     "(bình quân). Mục tiêu (trên bình quân):"},
    {"optimise.rank", "rank", "hạng"},
    {"optimise.cost", "cost mean [95% CI]", "chi phí bình quân [KTC 95%]"},
    {"optimise.meets", "meets", "đạt"},
    {"optimise.share_meeting", "reps meeting", "lần lặp đạt"},
    {"optimise.levers", "levers", "tham số"},
    {"optimise.yes", "yes", "có"},
    {"optimise.no", "no", "không"},
    {"optimise.more", "... {} more in optimise.csv", "... còn {} điểm trong optimise.csv"},
    {"optimise.none",
     "No point in the searched space meets every target. The closest is {} (cost {}); there:",
     "Không điểm nào trong vùng tìm kiếm đạt mọi mục tiêu. Gần nhất là {} (chi phí {}); tại đó:"},
    {"optimise.target_value", "{} = {} (target {})", "{} = {} (mục tiêu {})"},
    {"optimise.widen", "Widen the levers' ranges or relax the targets.",
     "Hãy mở rộng khoảng của các tham số hoặc nới lỏng mục tiêu."},
    {"optimise.answer", "Answer: {} — the cheapest point whose means meet every target; cost {}.",
     "Kết quả: {} — điểm rẻ nhất mà các bình quân đạt mọi mục tiêu; chi phí {}."},
    {"optimise.how_sure",
     "How sure: all targets are met together in {}% of single replications at this point.",
     "Độ chắc chắn: mọi mục tiêu cùng đạt trong {}% số lần lặp đơn lẻ tại điểm này."},
    {"optimise.assumption_sets",
     "Across {} assumption sets (Latin hypercube over {} ranges, {} replications each): the "
     "targets' means are met in {} set(s) ({}%), and all targets together in {}% of set x "
     "replication runs.",
     "Qua {} bộ giả định (siêu khối Latin trên {} khoảng, mỗi bộ {} lần lặp): bình quân đạt mục "
     "tiêu ở {} bộ ({}%), và mọi mục tiêu cùng đạt trong {}% số lượt chạy bộ x lần lặp."},
    {"optimise.written", "Optimise: {}", "Tối ưu hóa: {}"},
};

}  // namespace

std::span<const CatalogEntry> sweep_messages() {
  return {kSweepCatalog, std::size(kSweepCatalog)};
}

}  // namespace cadresim::text
