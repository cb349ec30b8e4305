// The message catalog's texts of `cadresim markov --format table` (markov.*): headings, row and
// column labels and notes of the analytic Markov reports (analysis/markov/markov_report.cpp), in
// English and Vietnamese. The JSON reports stay language-neutral (their notes are the English).
#include <iterator>  // std::size

#include "sim/text/message_catalog.hpp"

namespace cadresim::text {

namespace {

constexpr CatalogEntry kMarkovCatalog[] = {
    // ---- A model read from a file.
    {"markov.states_closed", "{} states; closed chain (nobody leaves)",
     "{} trạng thái; chuỗi đóng (không ai rời đi)"},
    {"markov.states_open", "{} states; open chain (people leave)",
     "{} trạng thái; chuỗi mở (có người rời đi)"},
    {"markov.projection_over", "; projection over {} periods", "; dự báo qua {} kỳ"},
    {"markov.leaving", "leaving", "rời đi"},
    {"markov.total", "total", "tổng"},
    {"markov.from_to", "from \\ to", "từ \\ đến"},
    {"markov.from_in", "from \\ in", "từ \\ ở"},
    {"markov.from_leaves_from", "from \\ leaves from", "từ \\ rời đi từ"},
    {"markov.from", "from", "từ"},
    {"markov.periods", "periods", "số kỳ"},
    {"markov.stock", "stock", "số lượng"},
    {"markov.share", "share", "tỷ phần"},
    {"markov.target", "target n*", "mục tiêu n*"},
    {"markov.recruitment", "recruitment r", "tuyển dụng r"},
    {"markov.length", "length", "độ dài"},
    {"markov.ends_at", "ends at {}", "kết thúc ở {}"},
    {"markov.starts_at", "starts at", "bắt đầu ở"},
    {"markov.transitions", "Transition probabilities per period (row = from, column = to)",
     "Xác suất chuyển trạng thái mỗi kỳ (hàng = từ, cột = đến)"},
    {"markov.stocks", "Projected stocks n(t+1) = n(t) P + r (t = 0 is the initial stock)",
     "Số lượng dự báo n(t+1) = n(t) P + r (t = 0 là số lượng ban đầu)"},
    {"markov.flows", "Flows during period {} → {} (row = from, column = to; people)",
     "Dòng chuyển trong kỳ {} → {} (hàng = từ, cột = đến; người)"},
    {"markov.fundamental",
     "Fundamental matrix N = (I − P)^-1: expected periods spent in each state (column) by "
     "someone now in a state (row), current period included",
     "Ma trận cơ bản N = (I − P)^-1: số kỳ kỳ vọng ở mỗi trạng thái (cột) của một người hiện ở "
     "một trạng thái (hàng), kể cả kỳ hiện tại"},
    {"markov.expected_periods", "Expected periods in the system (N·1), current period included",
     "Số kỳ kỳ vọng còn ở trong hệ thống (N·1), kể cả kỳ hiện tại"},
    {"markov.exit_distribution",
     "Exit distribution N·diag(w): probability that someone now in a state (row) leaves from "
     "each state (column)",
     "Phân phối rời đi N·diag(w): xác suất một người hiện ở một trạng thái (hàng) rời đi từ mỗi "
     "trạng thái (cột)"},
    {"markov.limiting", "Limiting stocks under constant recruitment r (r N)",
     "Số lượng giới hạn khi mức tuyển dụng r không đổi (r N)"},
    {"markov.stationary", "Stationary distribution (π P = π, shares summing to 1)",
     "Phân phối dừng (π P = π, các tỷ phần có tổng bằng 1)"},
    {"markov.target_structure", "Recruitment that holds the target structure, r = n* (I − P)",
     "Mức tuyển dụng giữ được cơ cấu mục tiêu, r = n* (I − P)"},
    {"markov.vacancy_chains",
     "Vacancy chains: expected length (moves, final fill from outside included) and where a "
     "chain starting at each stratum (row) ends",
     "Chuỗi vị trí trống: độ dài kỳ vọng (số lượt chuyển, kể cả lần bổ sung cuối từ bên ngoài) "
     "và nơi kết thúc của chuỗi bắt đầu ở mỗi tầng (hàng)"},
    {"markov.note", "Note: {}", "Ghi chú: {}"},
    {"markov.attainable",
     "Attainable: holding the target needs recruitment ≥ 0 in every state ({} a period in total, "
     "equal to the expected exits from the target structure).",
     "Đạt được: giữ cơ cấu mục tiêu cần mức tuyển dụng ≥ 0 ở mọi trạng thái (tổng cộng {} mỗi "
     "kỳ, bằng số rời đi kỳ vọng từ cơ cấu mục tiêu)."},
    {"markov.not_attainable.one",
     "Not attainable by recruitment alone: holding the target would need negative recruitment "
     "(forced exits) in {}. The moves into this state from other states bring more people than it "
     "loses by leaving and moving on; lower the moves into it, raise its target, or raise its "
     "leaving rate.",
     "Không đạt được chỉ bằng tuyển dụng: giữ cơ cấu mục tiêu sẽ cần tuyển dụng âm (buộc thôi "
     "việc) ở {}. Số người chuyển vào trạng thái này từ các trạng thái khác nhiều hơn số người nó "
     "mất đi do rời đi và chuyển tiếp; hãy giảm số chuyển vào, nâng mục tiêu của nó, hoặc nâng tỷ "
     "lệ rời đi của nó."},
    {"markov.not_attainable.many",
     "Not attainable by recruitment alone: holding the target would need negative recruitment "
     "(forced exits) in {}. The moves into these states from other states bring more people than "
     "they lose by leaving and moving on; lower the moves into them, raise their targets, or "
     "raise their leaving rates.",
     "Không đạt được chỉ bằng tuyển dụng: giữ cơ cấu mục tiêu sẽ cần tuyển dụng âm (buộc thôi "
     "việc) ở {}. Số người chuyển vào các trạng thái này từ các trạng thái khác nhiều hơn số người "
     "chúng mất đi do rời đi và chuyển tiếp; hãy giảm số chuyển vào, nâng mục tiêu của chúng, "
     "hoặc nâng tỷ lệ rời đi của chúng."},
    {"markov.and", "{} and {}", "{} và {}"},
    {"markov.note.no_stocks", "No \"stocks\" given, so there is no projection, flows or exits.",
     "Không có \"stocks\" nên không có dự báo, dòng chuyển hay số rời đi."},
    {"markov.note.closed",
     "Every row sums to 1: nobody leaves (a closed chain), so there is no fundamental matrix, "
     "expected time in the system, exit distribution or limiting stocks.",
     "Mọi hàng có tổng bằng 1: không ai rời đi (chuỗi đóng), nên không có ma trận cơ bản, thời "
     "gian kỳ vọng trong hệ thống, phân phối rời đi hay số lượng giới hạn."},
    {"markov.note.not_unique",
     "The stationary distribution is not unique: the states split into separate closed groups {} "
     "that never exchange people, so the long-run shares depend on where people start.",
     "Phân phối dừng không duy nhất: các trạng thái tách thành các nhóm đóng riêng biệt {} không "
     "bao giờ trao đổi người, nên tỷ phần dài hạn phụ thuộc vào nơi mọi người bắt đầu."},
    {"markov.note.absorbing",
     "States {} are never left once entered (their rows sum to 1 and no move goes outside the "
     "group), so I − P is singular: there is no fundamental matrix, expected time in the system, "
     "exit distribution or limiting stocks, and no stationary distribution because other states "
     "lose people.",
     "Các trạng thái {} không bao giờ bị rời khỏi khi đã vào (các hàng của chúng có tổng bằng 1 "
     "và không có lượt chuyển nào ra ngoài nhóm), nên I − P suy biến: không có ma trận cơ bản, "
     "thời gian kỳ vọng trong hệ thống, phân phối rời đi hay số lượng giới hạn, và không có phân "
     "phối dừng vì các trạng thái khác mất người."},
    {"markov.note.recruitment_varies",
     "Recruitment changes by period, so there are no limiting stocks (they need the same "
     "recruitment every period).",
     "Mức tuyển dụng thay đổi theo kỳ nên không có số lượng giới hạn (cần cùng một mức tuyển "
     "dụng ở mọi kỳ)."},

    // ---- The estimate from a scenario's simulation (--from-scenario).
    {"markov.estimate.title", "cadresim markov --from-scenario: {} (scenario '{}')",
     "cadresim markov --from-scenario: {} (kịch bản '{}')"},
    {"markov.estimate.header",
     "{} replication(s), seed {}; states: {} ({}); observed at {} year ends, {} to {}",
     "{} lần lặp, hạt giống {}; trạng thái: {} ({}); quan sát tại {} thời điểm cuối năm, {} "
     "đến {}"},
    {"markov.estimated",
     "Estimated yearly transition probabilities (row = from, column = to; counts over exposure)",
     "Xác suất chuyển trạng thái hằng năm ước lượng (hàng = từ, cột = đến; số lượt chia cho "
     "thời gian quan sát)"},
    {"markov.standard_errors", "Standard errors, sqrt(p (1 − p) / exposure)",
     "Sai số chuẩn, sqrt(p (1 − p) / thời gian quan sát)"},
    {"markov.exposure", "Exposure (cadre-years observed) and mean recruitment per year",
     "Thời gian quan sát (năm-cán bộ) và số tuyển dụng bình quân mỗi năm"},
    {"markov.state", "state", "trạng thái"},
    {"markov.cadre_years", "cadre-years", "năm-cán bộ"},
    {"markov.recruits_per_year", "recruits/year", "tuyển/năm"},
    {"markov.sim", "{} sim", "{} mô phỏng"},
    {"markov.proj", "{} proj", "{} dự báo"},
    {"markov.date", "date", "ngày"},
    {"markov.year_end_stocks",
     "Stocks at each year end: simulated mean, its standard error, and the analytic projection "
     "n(t+1) = n(t) P + r",
     "Số lượng cuối mỗi năm: bình quân mô phỏng, sai số chuẩn của nó và dự báo giải tích "
     "n(t+1) = n(t) P + r"},
    {"markov.largest_gap",
     "Largest gap between projection and simulation: {} standard errors ('{}', {}).",
     "Chênh lệch lớn nhất giữa dự báo và mô phỏng: {} sai số chuẩn ('{}', {})."},
    {"markov.note.unseen",
     "No cadre was observed in {} at a year end, so there is no estimate: their rows of "
     "transitions and leaving are 0, and the projection treats anyone there as leaving.",
     "Không quan sát được cán bộ nào ở {} vào cuối năm, nên không có ước lượng: các hàng chuyển "
     "trạng thái và rời đi của chúng bằng 0, và dự báo coi người ở đó là rời đi."},
    {"markov.note.observed",
     "States are observed at the end of each 31 December. The projection starts from the mean "
     "simulated stocks of the first year end and applies the estimated P and the mean observed "
     "recruitment every year; recruits who join and leave within one year are not seen.",
     "Trạng thái được quan sát vào cuối ngày 31 tháng 12 hằng năm. Dự báo bắt đầu từ số lượng "
     "mô phỏng bình quân của cuối năm đầu tiên và áp dụng P ước lượng cùng số tuyển dụng quan "
     "sát bình quân mỗi năm; người được tuyển và rời đi trong cùng một năm không được quan sát."},
    {"markov.note.gap",
     "A gap of more than about 4 standard errors means the detailed model is not a "
     "time-homogeneous Markov chain over these states (durations, quotas, ages, vacancies).",
     "Chênh lệch lớn hơn khoảng 4 sai số chuẩn nghĩa là mô hình chi tiết không phải là chuỗi "
     "Markov thuần nhất theo thời gian trên các trạng thái này (thời gian giữ chức vụ, chỉ tiêu, "
     "tuổi, vị trí trống)."},
};

}  // namespace

std::span<const CatalogEntry> markov_messages() {
  return {kMarkovCatalog, std::size(kMarkovCatalog)};
}

}  // namespace cadresim::text
