// The message catalog's texts of report.html (html.*): data, in English and Vietnamese. Texts
// may hold markup; the values filled into their placeholders are escaped by the caller.
#include <iterator>  // std::size

#include "sim/text/message_catalog.hpp"

namespace cadresim::text {

namespace {

constexpr CatalogEntry kHtmlCatalog[] = {
    // ---- report.html (texts may hold markup; values filled in are escaped by the caller).
    {"html.title", "cadresim report: {}", "Báo cáo cadresim: {}"},
    {"html.title.empty", "cadresim report", "Báo cáo cadresim"},
    {"html.title.variant", " and {} variant", " và {} phương án"},
    {"html.title.variants", " and {} variants", " và {} phương án"},
    {"html.nav.how_to_read", "How to read", "Cách đọc"},
    {"html.nav.differences", "Differences", "Chênh lệch"},
    {"html.nav.key_figures", "Key figures", "Số liệu chính"},
    {"html.nav.vacancies", "Vacant posts", "Vị trí trống"},
    {"html.nav.successors", "Successors", "Nguồn kế cận"},
    {"html.nav.congresses", "Congresses", "Đại hội"},
    {"html.nav.rotations", "Rotations", "Luân chuyển"},
    {"html.nav.costs", "Costs and income", "Chi phí và thu nhập"},
    {"html.nav.leadership", "Non-native leaders, effectiveness",
     "Lãnh đạo không là người địa phương, hiệu quả"},
    {"html.nav.managing_tiers", "Managing tiers", "Cấp quản lý"},
    {"html.footer",
     "Made by cadresim {}. This file is self-contained: it opens offline and embeds the full "
     "results (the same content as report.json, including every resolved scenario) in the "
     "element <code>#cadresim-data</code>. Run the command above again with the same seed and "
     "replications to reproduce these figures exactly. The charts are drawn by Chart.js 3 (MIT "
     "licence; its licence header is kept in the page's script), included in this file.",
     "Tạo bởi cadresim {}. Tệp này đầy đủ trong chính nó: mở được khi không có mạng và chứa toàn "
     "bộ kết quả (cùng nội dung với report.json, kể cả mọi kịch bản đã phân giải) trong phần tử "
     "<code>#cadresim-data</code>. Chạy lại lệnh ở trên với cùng hạt giống và số lần lặp để có "
     "lại đúng các số liệu này. Biểu đồ được vẽ bằng Chart.js 3 (giấy phép MIT; phần đầu giấy "
     "phép được giữ trong mã của trang), có sẵn trong tệp này."},
    {"html.h1.run", "Cadre rotation and succession: {}", "Luân chuyển và kế cận cán bộ: {}"},
    {"html.h1.comparison", "Policy comparison: {} and {} variant",
     "So sánh chính sách: {} và {} phương án"},
    {"html.h1.comparison_variants", "Policy comparison: {} and {} variants",
     "So sánh chính sách: {} và {} phương án"},
    {"html.no_scenario", "no scenario", "không có kịch bản"},
    {"html.lede", "Simulated future of posts, successors and rotations",
     "Mô phỏng tương lai của các vị trí, nguồn kế cận và luân chuyển"},
    {"html.lede.period", " from {} to {}", " từ {} đến {}"},
    {"html.lede.replication",
     ", {} replication of chance events (retirements, exits, who accepts a rotation) per "
     "scenario.",
     ", {} lần lặp các sự kiện ngẫu nhiên (nghỉ hưu, thôi công tác, ai nhận luân chuyển) cho mỗi "
     "kịch bản."},
    {"html.lede.replications",
     ", {} replications of chance events (retirements, exits, who accepts a rotation) per "
     "scenario.",
     ", {} lần lặp các sự kiện ngẫu nhiên (nghỉ hưu, thôi công tác, ai nhận luân chuyển) cho mỗi "
     "kịch bản."},
    {"html.facts.scenario", "Scenario", "Kịch bản"},
    {"html.facts.base", "Base scenario", "Kịch bản gốc"},
    {"html.facts.variant", "Variant", "Phương án"},
    {"html.facts.period", "Period", "Giai đoạn"},
    {"html.facts.replications", "Replications", "Số lần lặp"},
    {"html.facts.seed", "Random seed", "Hạt giống ngẫu nhiên"},
    {"html.facts.version", "cadresim version", "Phiên bản cadresim"},
    {"html.facts.created", "Created", "Thời điểm tạo"},
    {"html.facts.command", "Command", "Lệnh"},
    {"html.period", "{} to {}", "{} đến {}"},
    {"html.interval", "{} to {}", "{} đến {}"},
    {"html.warnings", "Warnings", "Cảnh báo"},
    {"html.chart.download", "Download the data behind this chart (CSV)",
     "Tải số liệu của biểu đồ này (CSV)"},
    {"html.chart.numbers", "The numbers behind this chart", "Số liệu của biểu đồ này"},
    {"html.words.interval", "95 % interval", "khoảng tin cậy 95 %"},
    {"html.words.mean", "mean", "bình quân"},
    {"html.words.median", "median", "trung vị"},
    {"html.words.mark", "quota", "chỉ tiêu"},
    {"html.words.col.date", "Date", "Ngày"},
    {"html.words.col.scenario", "Scenario", "Kịch bản"},
    {"html.words.col.category", "Category", "Hạng mục"},
    {"html.words.col.mean", "Average", "Bình quân"},
    {"html.words.col.ci_low", "95 % interval: from", "Khoảng tin cậy 95 %: từ"},
    {"html.words.col.ci_high", "to", "đến"},
    {"html.words.col.p05", "5th percentile", "Phân vị thứ 5"},
    {"html.words.col.p50", "Median", "Trung vị"},
    {"html.words.col.p95", "95th percentile", "Phân vị thứ 95"},
    {"html.words.col.quota", "Quota of the plan", "Chỉ tiêu của kế hoạch"},
    {"html.words.col.band", "Band (95 %)", "Dải (95 %)"},
    {"html.words.col.low", "From", "Từ"},
    {"html.words.col.high", "To", "Đến"},
    {"html.render_errors_lead", "Some charts could not be drawn:", "Một số biểu đồ không vẽ được:"},
    {"html.noscript", "The charts need JavaScript; the tables below do not.",
     "Biểu đồ cần JavaScript; các bảng dưới đây thì không."},
    {"html.howto.title", "How to read this report", "Cách đọc báo cáo này"},
    {"html.howto.model",
     "The model follows every post and cadre month by month and replays the same period {} "
     "times, each time with different chance events. Charts show the <strong>average</strong> "
     "over these replications as a line. The band around it is the <strong>95&nbsp;% interval "
     "of the average</strong>: with more replications the average would very likely stay inside "
     "it.",
     "Mô hình theo dõi từng vị trí và từng cán bộ theo từng tháng và chạy lại cùng giai đoạn {} "
     "lần, mỗi lần với các sự kiện ngẫu nhiên khác nhau. Biểu đồ vẽ <strong>giá trị bình "
     "quân</strong> của các lần lặp thành một đường. Dải bao quanh là <strong>khoảng tin cậy "
     "95&nbsp;% của giá trị bình quân</strong>: nếu lặp nhiều hơn, giá trị bình quân rất có thể "
     "vẫn nằm trong dải này."},
    {"html.howto.colours", "Each scenario has its own colour.", "Mỗi kịch bản có một màu riêng."},
    {"html.howto.spread",
     "The lighter, wider band shows where <strong>90&nbsp;% of the individual "
     "replications</strong> fell (5th to 95th percentile): the spread of futures that chance "
     "alone produces.",
     "Dải nhạt và rộng hơn cho thấy <strong>90&nbsp;% số lần lặp</strong> rơi vào đâu (bách phân "
     "vị 5 đến 95): độ phân tán của tương lai do riêng yếu tố ngẫu nhiên tạo ra."},
    {"html.howto.lines",
     "Dotted vertical lines mark party congresses and state elections, when many posts change "
     "hands.",
     "Các đường dọc chấm chấm đánh dấu đại hội Đảng và bầu cử HĐND, khi nhiều chức danh thay "
     "người."},
    {"html.howto.structure",
     "A line marked <em>Structural change</em> is a date on which units were merged, created or "
     "abolished: posts of units that ended stop counting, their holders were placed in the new "
     "units' posts by rank or became surplus, and new posts opened.",
     "Đường ghi <em>Sắp xếp tổ chức bộ máy</em> là ngày các đơn vị được hợp nhất, thành lập hoặc "
     "giải thể: vị trí của đơn vị đã chấm dứt không còn được tính, người giữ các vị trí đó được "
     "bố trí vào vị trí của đơn vị mới theo thứ bậc hoặc trở thành dôi dư, và các vị trí mới được "
     "mở."},
    {"html.howto.paired",
     "In a comparison every scenario replays the <strong>same chance events</strong> for each "
     "cadre (common random numbers), so a difference comes from the policy and not from luck. "
     "Differences are measured replication by replication (<strong>paired</strong>); their "
     "95&nbsp;% interval is usually much narrower than the overlap of the two bands suggests. "
     "When that interval contains zero the report says <em>no clear difference</em>: the policy "
     "may still have an effect, but this run cannot tell it apart from chance.",
     "Khi so sánh, mọi kịch bản chạy lại <strong>cùng các sự kiện ngẫu nhiên</strong> cho từng "
     "cán bộ (cùng chuỗi số ngẫu nhiên), nên chênh lệch đến từ chính sách chứ không do may rủi. "
     "Chênh lệch được đo theo từng lần lặp (<strong>ghép cặp</strong>); khoảng tin cậy 95&nbsp;% "
     "của nó thường hẹp hơn nhiều so với phần chồng lấn của hai dải. Khi khoảng này chứa số 0, "
     "báo cáo ghi <em>không khác biệt rõ</em>: chính sách vẫn có thể có tác động, nhưng lần chạy "
     "này không tách được nó khỏi yếu tố ngẫu nhiên."},
    {"html.howto.assumptions",
     "The results depend on the assumptions in the scenario file; use them to compare policies "
     "rather than as a forecast of exact numbers. Hover over a chart to read its values; under "
     "each chart, <em>The numbers behind this chart</em> lists them and a button downloads them "
     "as a CSV file.",
     "Kết quả phụ thuộc vào các giả định trong tệp kịch bản; hãy dùng chúng để so sánh chính "
     "sách, không phải để dự báo con số chính xác. Di chuột lên biểu đồ để đọc giá trị; dưới mỗi "
     "biểu đồ, mục <em>Số liệu của biểu đồ này</em> liệt kê các giá trị và một nút tải chúng về "
     "dưới dạng tệp CSV."},
    {"html.key.title", "Key figures", "Số liệu chính"},
    {"html.key.run_intro",
     "Average over the replications, the 95&nbsp;% interval of that average, and the range "
     "that 90&nbsp;% of single replications fell in.",
     "Bình quân của các lần lặp, khoảng tin cậy 95&nbsp;% của giá trị bình quân đó, và khoảng "
     "mà 90&nbsp;% số lần lặp rơi vào."},
    {"html.key.compare_intro",
     "Average of each scenario, with the 95&nbsp;% interval of the average in small type. The "
     "section above gives the paired differences.",
     "Bình quân của từng kịch bản, kèm khoảng tin cậy 95&nbsp;% của giá trị bình quân bằng chữ "
     "nhỏ. Phần trên nêu chênh lệch ghép cặp."},
    {"html.col.indicator", "Indicator", "Chỉ tiêu"},
    {"html.col.average", "Average", "Bình quân"},
    {"html.col.interval", "95&nbsp;% interval", "Khoảng tin cậy 95&nbsp;%"},
    {"html.col.spread", "90&nbsp;% of replications", "90&nbsp;% số lần lặp"},
    {"html.col.difference", "Difference", "Chênh lệch"},
    {"html.col.difference_interval", "95&nbsp;% interval of the difference",
     "Khoảng tin cậy 95&nbsp;% của chênh lệch"},
    {"html.col.change", "Change", "Thay đổi"},
    {"html.col.reading", "Reading", "Nhận định"},
    {"html.unit.pp", "pp", "điểm %"},
    {"html.diff.title", "Differences from the base scenario", "Chênh lệch so với kịch bản gốc"},
    {"html.diff.intro",
     "Each variant minus <strong>{}</strong>, paired by replication (common random numbers). A "
     "difference whose 95&nbsp;% interval contains zero is marked <em>no clear difference</em>. "
     "\u201cBetter\u201d and \u201cworse\u201d read the direction of a clear difference: fewer "
     "vacancies are better, a higher cost is worse.",
     "Mỗi phương án trừ <strong>{}</strong>, ghép cặp theo lần lặp (cùng chuỗi số ngẫu nhiên). "
     "Chênh lệch có khoảng tin cậy 95&nbsp;% chứa số 0 được ghi <em>không khác biệt rõ</em>. "
     "\u201cTốt hơn\u201d và \u201ckém hơn\u201d đọc chiều của một chênh lệch rõ: ít vị trí "
     "trống hơn là tốt hơn, chi phí cao hơn là kém hơn."},
    {"html.versus", "{} versus {}", "{} so với {}"},
    {"html.diff.none", "This report holds no paired difference for this variant.",
     "Báo cáo này không có chênh lệch ghép cặp cho phương án này."},
    {"html.cost.per", "Extra support cost per …", "Chi phí hỗ trợ tăng thêm cho mỗi …"},
    {"html.unit.million_vnd", "Million VND", "Triệu đồng"},
    {"html.cost.vacancy_month", "vacancy-month avoided", "tháng-vị trí trống giảm được"},
    {"html.cost.coverage_point",
     "percentage point more key posts with a ready successor (average over month ends)",
     "điểm phần trăm chức danh chủ chốt có nguồn kế cận sẵn sàng tăng thêm (bình quân cuối "
     "tháng)"},
    {"html.cost.early_return", "early return from rotation avoided",
     "lượt trở về trước hạn luân chuyển tránh được"},
    {"html.cost.not_meaningful", "not meaningful: no clear improvement",
     "không có ý nghĩa: không cải thiện rõ"},
    {"html.cost.no_extra", "no extra cost", "không tốn thêm"},
    {"html.diff.over_time", "Differences over time", "Chênh lệch theo thời gian"},
    {"html.diff.over_time_intro",
     "Variant minus base, month by month, with the 95&nbsp;% interval of the paired difference. "
     "Where the band crosses the zero line the difference is not clear at that date.",
     "Phương án trừ kịch bản gốc, theo từng tháng, kèm khoảng tin cậy 95&nbsp;% của chênh lệch "
     "ghép cặp. Nơi dải cắt đường số 0, chênh lệch tại thời điểm đó không rõ."},
    {"html.diff.chart.vacancies", "Vacant posts: difference from the base",
     "Vị trí còn trống: chênh lệch so với kịch bản gốc"},
    {"html.diff.chart.vacancies_key", "Vacant key posts: difference from the base",
     "Chức danh chủ chốt còn trống: chênh lệch so với kịch bản gốc"},
    {"html.diff.chart.coverage", "Key posts with a ready successor: difference",
     "Chức danh chủ chốt có nguồn kế cận sẵn sàng: chênh lệch"},
    {"html.diff.chart.rotated", "Cadres away on rotation: difference",
     "Cán bộ đang đi luân chuyển: chênh lệch"},
    {"html.diff.axis.posts", "Difference, posts", "Chênh lệch, vị trí"},
    {"html.diff.axis.points", "Difference, percentage points", "Chênh lệch, điểm phần trăm"},
    {"html.diff.axis.cadres", "Difference, cadres", "Chênh lệch, cán bộ"},

    // ---- report.html: the topic sections, legends, flows, what changes, uncertainty.
    {"html.vacancies.title", "Vacant posts over time", "Vị trí còn trống theo thời gian"},
    {"html.vacancies.intro",
     "A post is counted as vacant at the end of a month when it has no holder; a post covered by "
     "an acting cadre still counts as vacant. Vacancies rise when many terms end at once "
     "(congresses, elections) and with retirements, and fall as posts are filled by successors, "
     "rotations, promotions and recruitment.",
     "Một vị trí được tính là trống vào cuối tháng khi không có người giữ; vị trí do cán bộ phụ "
     "trách tạm thời vẫn tính là trống. Số vị trí trống tăng khi nhiều nhiệm kỳ kết thúc cùng lúc "
     "(đại hội, bầu cử) và khi có người nghỉ hưu, và giảm khi các vị trí được bố trí bằng nguồn kế "
     "cận, luân chuyển, đề bạt và tuyển dụng."},
    {"html.chart.vacancies_all", "Vacant posts, all levels", "Vị trí còn trống, mọi cấp"},
    {"html.axis.vacant_posts", "Vacant posts", "Vị trí còn trống"},
    {"html.chart.vacancies_key", "Vacant key posts (leadership), all levels",
     "Chức danh chủ chốt (lãnh đạo) còn trống, mọi cấp"},
    {"html.axis.vacant_key_posts", "Vacant key posts", "Chức danh chủ chốt còn trống"},
    {"html.chart.vacancies_level", "Vacant posts at {} level", "Vị trí còn trống cấp {}"},
    {"html.successors.title", "Key posts with a ready successor",
     "Chức danh chủ chốt có nguồn kế cận sẵn sàng"},
    {"html.successors.intro",
     "The share of key (leadership) posts for which the succession plan holds at least one, or at "
     "least two, cadres rated <em>ready now</em>. A post without a ready successor must be filled "
     "from further away or stay vacant longer. The bench counts every cadre in the plan, split "
     "between the posts they are planned for (a candidate planned for two posts counts half for "
     "each). Readiness needs a competence that most of the cadres in post at the start reach only "
     "through the model's own growth of competence (an assumption), so part of the rise in the "
     "first years is that start catching up: compare it with another scenario rather than read "
     "it as a trend (docs/model.md, The start and the growth of competence).",
     "Tỷ lệ chức danh chủ chốt (lãnh đạo) mà quy hoạch có ít nhất một, hoặc ít nhất hai, cán bộ "
     "được đánh giá <em>sẵn sàng ngay</em>. Vị trí không có nguồn kế cận sẵn sàng phải lấy người "
     "từ xa hơn hoặc để trống lâu hơn. Nguồn quy hoạch tính mọi cán bộ trong quy hoạch, chia đều "
     "cho các chức danh họ được quy hoạch (người được quy hoạch hai chức danh tính một nửa cho mỗi "
     "chức danh). Để sẵn sàng cần một mức năng lực mà phần lớn cán bộ đương nhiệm lúc bắt đầu chỉ "
     "đạt được nhờ đà tăng năng lực của chính mô hình, vốn là một giả định, nên một phần mức tăng "
     "trong những năm đầu là do điểm xuất phát bắt kịp: hãy so với một kịch bản khác thay vì đọc "
     "như một xu hướng (docs/model.md, The start and the growth of competence)."},
    {"html.chart.coverage_1", "Key posts with at least one ready successor",
     "Chức danh chủ chốt có ít nhất một nguồn kế cận sẵn sàng"},
    {"html.axis.share_key_posts", "Share of key posts, %", "Tỷ lệ chức danh chủ chốt, %"},
    {"html.chart.coverage_2", "Key posts with at least two ready successors",
     "Chức danh chủ chốt có ít nhất hai nguồn kế cận sẵn sàng"},
    {"html.chart.bench", "Planned successors per key post (bench)",
     "Số người trong quy hoạch trên một chức danh chủ chốt"},
    {"html.axis.bench", "Successors per key post", "Nguồn kế cận trên một chức danh chủ chốt"},
    {"html.chart.plan_women", "Women among planned successors (target: at least 25 %)",
     "Cán bộ nữ trong quy hoạch (chỉ tiêu: ít nhất 25 %)"},
    {"html.axis.share_plan", "Share of the plan, %", "Tỷ lệ trong quy hoạch, %"},
    {"html.chart.plan_young",
     "Young cadres (under the plan's age limit, 40 by default) among planned successors (target: "
     "at least 15 %)",
     "Cán bộ trẻ (dưới tuổi giới hạn của quy hoạch, mặc định 40) trong quy hoạch (chỉ tiêu: ít "
     "nhất 15 %)"},
    {"html.rotations.title", "Rotations", "Luân chuyển"},
    {"html.rotations.intro",
     "Rotation moves a cadre from one unit to another for a fixed time, to train future leaders at "
     "the grassroots and to place leaders outside their home area.",
     "Luân chuyển đưa cán bộ từ đơn vị này sang đơn vị khác trong một thời gian nhất định, để rèn "
     "luyện cán bộ lãnh đạo tương lai ở cơ sở và bố trí lãnh đạo không là người địa phương."},
    {"html.rotations.matrix_title", "Where rotated cadres came from and went to",
     "Cán bộ luân chuyển đi từ đâu, đến đâu"},
    {"html.rotations.matrix_intro",
     "Number of rotations over the whole period, by the level of the cadre's post (origin) and "
     "the level of the destination post: the average, with its 95&nbsp;% interval. Only pairs of "
     "levels with rotations are shown.",
     "Số lượt luân chuyển trong cả kỳ, theo cấp của vị trí cán bộ đang giữ (nơi đi) và cấp của vị "
     "trí nơi đến: giá trị bình quân, kèm khoảng tin cậy 95&nbsp;%. Chỉ hiện các cặp cấp có luân "
     "chuyển."},
    {"html.chart.matrix", "Rotations by origin and destination level",
     "Luân chuyển theo cấp nơi đi và cấp nơi đến"},
    {"html.chart.matrix_of", "Rotations by origin and destination level: {}",
     "Luân chuyển theo cấp nơi đi và cấp nơi đến: {}"},
    {"html.chart.on_rotation", "Cadres away on rotation at the end of each month",
     "Cán bộ đang đi luân chuyển vào cuối mỗi tháng"},
    {"html.axis.on_rotation", "Cadres on rotation", "Cán bộ đang luân chuyển"},
    {"html.rotations.per_year_title", "Rotations per year, by flow of the rotation plan",
     "Luân chuyển mỗi năm, theo luồng của kế hoạch luân chuyển"},
    {"html.rotations.per_year_intro",
     "Bars: rotations carried out in each calendar year, with the 95&nbsp;% interval of the "
     "average. Dashed marks: the quota of the annual plan for that flow. A bar below its mark "
     "means the plan was not fulfilled (no eligible cadre, no suitable post, or the offer was "
     "refused).",
     "Cột: số lượt luân chuyển thực hiện trong mỗi năm, kèm khoảng tin cậy 95&nbsp;% của giá trị "
     "bình quân. Vạch đứt: chỉ tiêu của kế hoạch năm cho luồng đó. Cột thấp hơn vạch nghĩa là kế "
     "hoạch không hoàn thành (không có cán bộ đủ điều kiện, không có vị trí phù hợp, hoặc cán bộ "
     "từ chối)."},
    {"html.axis.rotations_per_year", "Rotations per year", "Lượt luân chuyển mỗi năm"},
    {"html.outcomes.title", "How rotations turned out", "Kết quả luân chuyển"},
    {"html.outcomes.intro",
     "At the planned end of a rotation the cadre <em>returns</em> to the home unit, is "
     "<em>promoted</em>, or <em>stays</em> at the destination. Some cadres <em>refuse</em> an "
     "offered rotation, mostly when it costs them income; some <em>return early</em> before the "
     "planned end. Counts over the whole period, with the 95&nbsp;% interval of the average.",
     "Khi hết thời hạn luân chuyển, cán bộ <em>trở về</em> đơn vị cũ, được <em>đề bạt</em>, hoặc "
     "<em>ở lại</em> nơi luân chuyển đến. Một số cán bộ <em>từ chối</em> luân chuyển, phần lớn khi "
     "bị giảm thu nhập; một số <em>trở về trước hạn</em>. Số lượng cả kỳ, kèm khoảng tin cậy "
     "95&nbsp;% của giá trị bình quân."},
    {"html.chart.outcomes", "Outcomes of rotations (whole period)", "Kết quả luân chuyển (cả kỳ)"},
    {"html.bar.returned", "Returned home at the end", "Trở về đơn vị cũ khi hết hạn"},
    {"html.bar.promoted", "Promoted at the end", "Được đề bạt khi hết hạn"},
    {"html.bar.stayed", "Stayed at the destination", "Ở lại nơi luân chuyển đến"},
    {"html.bar.refused", "Offers refused", "Lượt từ chối"},
    {"html.bar.early_returns", "Early returns", "Trở về trước hạn"},
    {"html.axis.cadres_whole_period", "Number of cadres (whole period)", "Số cán bộ (cả kỳ)"},
    {"html.chart.quality", "Quality of the rotation programme (whole period)",
     "Chất lượng công tác luân chuyển (cả kỳ)"},
    {"html.bar.plan_fulfilled", "Plan fulfilled (rotations / planned quota)",
     "Hoàn thành kế hoạch (lượt luân chuyển / chỉ tiêu)"},
    {"html.bar.refusal_share", "Offers refused (share of offers)",
     "Từ chối (tỷ lệ trên số lượt đề nghị)"},
    {"html.bar.completed_well", "Rated \"completed well\" at the annual evaluation",
     "Được đánh giá \"hoàn thành tốt nhiệm vụ\" khi đánh giá hằng năm"},
    {"html.axis.per_cent", "Per cent", "Phần trăm"},
    {"html.lever.top_up", "Monthly income top-up", "Hỗ trợ thêm thu nhập hằng tháng"},
    {"html.lever.grant", "One-off relocation grant", "Trợ cấp một lần khi chuyển đến"},
    {"html.lever.housing", "Housing", "Nhà ở công vụ"},
    {"html.lever.travel", "Travel allowance", "Hỗ trợ đi lại"},
    {"html.lever.reserved_allowance", "Keeping the old position allowance",
     "Bảo lưu phụ cấp chức vụ cũ"},
    {"html.lever.mentoring", "Mentoring", "Kèm cặp, hướng dẫn"},
    {"html.lever.supervision", "Supervision", "Theo dõi, giám sát"},
    {"html.costs.title", "Costs and income", "Chi phí và thu nhập"},
    {"html.costs.support_title", "Support paid to rotated cadres",
     "Hỗ trợ chi cho cán bộ luân chuyển"},
    {"html.costs.support_intro",
     "What the support policies cost the budget, in million Vietnamese dong (VND) per calendar "
     "year: the total, then each lever that was used. Bars show the average with its 95&nbsp;% "
     "interval.",
     "Chi phí ngân sách cho các chính sách hỗ trợ, tính bằng triệu đồng mỗi năm: tổng số, rồi từng "
     "chính sách được áp dụng. Cột là giá trị bình quân kèm khoảng tin cậy 95&nbsp;%."},
    {"html.chart.support_all", "Support cost per year, all levers",
     "Chi phí hỗ trợ mỗi năm, mọi chính sách"},
    {"html.axis.million_vnd_year", "Million VND per year", "Triệu đồng mỗi năm"},
    {"html.chart.support_lever", "Support cost per year: {}", "Chi phí hỗ trợ mỗi năm: {}"},
    {"html.chart.cost_per_rotation", "Support cost per rotation",
     "Chi phí hỗ trợ trên một lượt luân chuyển"},
    {"html.bar.cost_per_rotation", "Support cost per rotation (move)",
     "Chi phí hỗ trợ trên một lượt luân chuyển"},
    {"html.note.cost_per_rotation",
     "Total support cost of the period divided by the number of rotations.",
     "Tổng chi phí hỗ trợ cả kỳ chia cho số lượt luân chuyển."},
    {"html.income.title", "Income lost by moving", "Thu nhập bị giảm khi luân chuyển"},
    {"html.income.intro",
     "The <em>income shortfall</em> of a move is the monthly income at the origin post minus the "
     "income at the destination (after support payments, and after the extra costs of keeping a "
     "second household and travelling home), as a share of the income at the origin. A positive "
     "shortfall is a loss for the cadre; a negative one is a gain. Losses make cadres refuse "
     "rotations, ask to return early or leave, and lower their effort while they last.",
     "<em>Mức giảm thu nhập</em> của một lượt luân chuyển là thu nhập hằng tháng ở nơi đi trừ thu "
     "nhập ở nơi đến (sau các khoản hỗ trợ, và sau chi phí tăng thêm do phải duy trì hai nơi ở và "
     "đi lại về nhà), tính theo tỷ lệ thu nhập ở nơi đi. Mức giảm dương là cán bộ bị thiệt; âm là "
     "được lợi. Thu nhập giảm khiến cán bộ từ chối luân chuyển, xin về trước hạn hoặc thôi việc, "
     "và giảm nỗ lực khi còn bị thiệt."},
    {"html.income.none", "no rotations, so no income shortfall.",
     "không có luân chuyển, nên không giảm thu nhập."},
    {"html.income.lost",
     "Over {} moves in all replications, a rotated cadre lost <strong>{}&nbsp;%</strong> of "
     "monthly income on average (median {}&nbsp;%); 90&nbsp;% of moves lay between {}&nbsp;% and "
     "{}&nbsp;%.",
     "Qua {} lượt luân chuyển của mọi lần lặp, cán bộ luân chuyển bị giảm bình quân "
     "<strong>{}&nbsp;%</strong> thu nhập hằng tháng (trung vị {}&nbsp;%); 90&nbsp;% số lượt nằm "
     "trong khoảng {}&nbsp;% đến {}&nbsp;%."},
    {"html.income.gained",
     "Over {} moves in all replications, a rotated cadre gained <strong>{}&nbsp;%</strong> of "
     "monthly income on average (median {}&nbsp;%); 90&nbsp;% of moves lay between {}&nbsp;% and "
     "{}&nbsp;%.",
     "Qua {} lượt luân chuyển của mọi lần lặp, cán bộ luân chuyển được tăng bình quân "
     "<strong>{}&nbsp;%</strong> thu nhập hằng tháng (trung vị {}&nbsp;%); 90&nbsp;% số lượt nằm "
     "trong khoảng {}&nbsp;% đến {}&nbsp;%."},
    {"html.income.per_replication", "Averaged per replication: {}&nbsp;% (95&nbsp;% interval {}).",
     "Bình quân theo lần lặp: {}&nbsp;% (khoảng tin cậy 95&nbsp;%: {})."},
    {"html.income.losing", "{}&nbsp;% of moves meant a loss.",
     "{}&nbsp;% số lượt bị giảm thu nhập."},
    {"html.chart.shortfall", "Income shortfall of a rotated cadre, % of previous income",
     "Mức giảm thu nhập của cán bộ luân chuyển, % thu nhập trước đó"},
    {"html.axis.shortfall", "Income shortfall, % of income before the move (negative: a gain)",
     "Mức giảm thu nhập, % thu nhập trước khi luân chuyển (âm: được lợi)"},
    {"html.axis.no_change", "no change", "không đổi"},
    {"html.axis.rotations_whole_period", "Rotations (whole period)", "Lượt luân chuyển (cả kỳ)"},
    {"html.note.shortfall",
     "Bar: the middle 90&nbsp;% of moves (5th to 95th percentile); thick tick: the median; circle: "
     "the mean.",
     "Thanh: 90&nbsp;% số lượt ở giữa (bách phân vị 5 đến 95); vạch đậm: trung vị; chấm tròn: bình "
     "quân."},
    {"html.leadership.title", "Non-native leaders, effectiveness and staffing balance",
     "Lãnh đạo không là người địa phương, hiệu quả công tác và cân đối biên chế"},
    {"html.non_native.title", "Leaders who are not natives of the area",
     "Lãnh đạo không là người địa phương"},
    {"html.non_native.intro",
     "For each title with a non-native rule, the share of its held posts whose holder does not "
     "come from the area the post serves. The rule is <em>required</em> (every holder should be "
     "non-native) or <em>preferred</em>.",
     "Với mỗi chức danh có quy định bố trí không là người địa phương, tỷ lệ vị trí đang có người "
     "giữ mà người đó không phải người của địa bàn. Quy định là <em>bắt buộc</em> (mọi người giữ "
     "đều không là người địa phương) hoặc <em>ưu tiên</em>."},
    {"html.non_native.rule", "(non-native {})", "(không là người địa phương: {})"},
    {"html.axis.non_native", "Held by a non-native, %",
     "Do người không là người địa phương giữ, %"},
    {"html.effectiveness.title", "Effectiveness and staffing balance",
     "Hiệu quả công tác và cân đối biên chế"},
    {"html.effectiveness.intro",
     "<em>Effectiveness</em> is the average, over key posts with a holder, of how well the holder "
     "performs (1 = full effectiveness): it drops after a move while the cadre adapts, more so "
     "without experience at that level, and with the lost effort of a cadre who loses income. It "
     "also rises through every run: competence only grows, and the cadres in post at the start "
     "begin below where that growth takes them, so read its level and trend against another "
     "scenario, not as a forecast (docs/model.md, The start and the growth of competence). The "
     "<em>imbalance index</em> adds up, unit by unit, the gap between the posts held and the "
     "establishment, as a share of the establishment (0 = every unit exactly at its "
     "establishment).",
     "<em>Hiệu quả công tác</em> là bình quân, trên các chức danh chủ chốt có người giữ, mức người "
     "giữ hoàn thành công việc (1 = đầy đủ): giảm sau khi chuyển công tác trong thời gian cán bộ "
     "thích nghi, giảm nhiều hơn khi chưa có kinh nghiệm ở cấp đó, và khi cán bộ bị giảm thu nhập "
     "nên giảm nỗ lực. Chỉ số này cũng tăng dần trong mọi lần chạy: năng lực chỉ tăng, và cán bộ "
     "đương nhiệm lúc bắt đầu có năng lực thấp hơn mức mà đà tăng đó đưa tới, nên hãy đọc mức và "
     "xu hướng của nó khi so với một kịch bản khác, không như một dự báo (docs/model.md, The start "
     "and the growth of competence). <em>Chỉ số mất cân đối</em> cộng dồn, theo từng đơn vị, chênh "
     "lệch giữa số vị trí có người và biên chế, tính theo tỷ lệ biên chế (0 = mọi đơn vị đúng biên "
     "chế)."},
    {"html.chart.effectiveness", "Effectiveness of key-post holders",
     "Hiệu quả công tác của người giữ chức danh chủ chốt"},
    {"html.axis.effectiveness", "Effectiveness (1 = full)", "Hiệu quả (1 = đầy đủ)"},
    {"html.chart.imbalance", "Staffing imbalance index", "Chỉ số mất cân đối biên chế"},
    {"html.axis.imbalance", "Gap, % of establishment", "Chênh lệch, % biên chế"},
    {"html.marker.shock", "Shock: ", "Cú sốc: "},
    {"html.marker.congress", "Party congress", "Đại hội Đảng"},
    {"html.marker.structure", "Structural change", "Sắp xếp tổ chức bộ máy"},
    {"html.marker.election", "State election", "Bầu cử HĐND"},
    {"html.first_year", "The first year, {}, covers {} to December only.",
     "Năm đầu, {}, chỉ tính từ tháng {} đến tháng 12."},
    {"html.tiers.tier", "Managing tier", "Cấp quản lý"},
    {"html.tiers.planned", "Planned", "Quy hoạch"},
    {"html.tiers.appointed", "Appointed or elected", "Bổ nhiệm hoặc bầu"},
    {"html.tiers.mobilised", "Mobilised", "Điều động"},
    {"html.tiers.rotated", "Rotated", "Luân chuyển"},
    {"html.tiers.title", "Personnel actions by managing tier", "Công tác cán bộ theo cấp quản lý"},
    {"html.tiers.intro",
     "Whole run, average over the replications with its 95&nbsp;% interval in small type. Planned: "
     "cadres added to a succession plan; appointed or elected: new holders of the posts the tier "
     "manages; mobilised: of those, cadres who came from a post in another unit (not the end of a "
     "rotation); rotated: rotation moves of cadres whose title the tier manages.",
     "Cả kỳ, bình quân các lần lặp kèm khoảng tin cậy 95&nbsp;% bằng chữ nhỏ. Quy hoạch: cán bộ "
     "được đưa vào quy hoạch; bổ nhiệm hoặc bầu: người mới giữ các chức danh do cấp đó quản lý; "
     "điều động: trong số đó, cán bộ đến từ một vị trí ở đơn vị khác (không phải kết thúc luân "
     "chuyển); luân chuyển: lượt luân chuyển của cán bộ có chức danh do cấp đó quản lý."},
    {"html.congress.all_key", "All key posts", "Mọi chức danh chủ chốt"},
    {"html.congress.all_elected", "All elected posts", "Mọi chức danh bầu cử"},
    {"html.congress.title_column", "Title", "Chức danh"},
    {"html.congress.posts", "Posts", "Vị trí"},
    {"html.congress.ready_0", "No ready successor", "Không có nguồn kế cận sẵn sàng"},
    {"html.congress.ready_1", "1 ready", "1 sẵn sàng"},
    {"html.congress.ready_2", "2+ ready", "2+ sẵn sàng"},
    {"html.congress.reelected", "Re-elected", "Tái cử"},
    {"html.congress.ready", "Ready successor", "Nguồn kế cận sẵn sàng"},
    {"html.congress.not_ready", "Not-ready successor", "Nguồn kế cận chưa sẵn sàng"},
    {"html.congress.deputy", "Deputy of the unit", "Cấp phó của đơn vị"},
    {"html.congress.designated", "Designated from any unit", "Chỉ định từ đơn vị bất kỳ"},
    {"html.congress.held_over", "Held over", "Kéo dài thời gian giữ chức"},
    {"html.congress.vacant", "Left vacant", "Để trống"},
    {"html.congress.outside", "From outside the unit", "Từ ngoài đơn vị"},
    {"html.congress.section_title", "The pipeline at each congress and state election",
     "Nguồn kế cận tại mỗi kỳ đại hội và bầu cử HĐND"},
    {"html.congress.intro",
     "For each election in the period and each key title: the posts it elects, how many had 0, 1 "
     "or 2+ planned successors rated <em>ready now</em> just before the election, and how each "
     "post was filled on the day: the incumbent re-elected, a ready successor, a successor not yet "
     "ready, an unplanned deputy of the same unit, a cadre designated by the managing tier from "
     "any unit, the outgoing holder held over (nobody eligible), or left vacant. <em>From outside "
     "the unit</em> counts new holders who came from another unit. Average over the replications, "
     "95&nbsp;% interval in small type.",
     "Với mỗi kỳ bầu cử trong giai đoạn và mỗi chức danh chủ chốt: số vị trí được bầu, bao nhiêu "
     "vị trí có 0, 1 hoặc 2+ người trong quy hoạch được đánh giá <em>sẵn sàng ngay</em> ngay trước "
     "bầu cử, và mỗi vị trí được bố trí thế nào vào ngày đó: người đương nhiệm tái cử, nguồn kế "
     "cận sẵn sàng, nguồn kế cận chưa sẵn sàng, cấp phó của đơn vị không trong quy hoạch, cán bộ "
     "do cấp quản lý chỉ định từ đơn vị bất kỳ, người đang giữ chức được kéo dài (không ai đủ điều "
     "kiện), hoặc để trống. <em>Từ ngoài đơn vị</em> đếm người mới đến từ đơn vị khác. Bình quân "
     "các lần lặp, khoảng tin cậy 95&nbsp;% bằng chữ nhỏ."},
    {"html.legend.base", "(base)", "(gốc)"},
    {"html.legend.average", "average", "bình quân"},
    {"html.legend.interval", "95&nbsp;% interval of the average",
     "khoảng tin cậy 95&nbsp;% của bình quân"},
    {"html.legend.spread", "90&nbsp;% of replications", "90&nbsp;% số lần lặp"},
    {"html.flow.between_sectors", "(between sectors)", "(giữa các khối, ngành)"},
    {"html.flow.within", "(within the same {})", "(trong cùng {})"},
    {"html.flow.within_parent", "(within the same parent unit)", "(trong cùng đơn vị cấp trên)"},
    {"html.flow.non_native", "(placing non-native leaders)",
     "(bố trí lãnh đạo không là người địa phương)"},
    {"html.flow.scripted", "Scripted moves of named cadres",
     "Điều động theo kịch bản của cán bộ có tên"},
    {"html.changes.absent", "absent", "không có"},
    {"html.changes.compared", "{} compared with {}", "{} so với {}"},
    {"html.changes.pointer", "JSON pointer", "Vị trí (JSON pointer)"},
    {"html.changes.base", "base value", "giá trị gốc"},
    {"html.changes.variant", "this scenario", "kịch bản này"},
    {"html.changes.title", "What each scenario changes", "Mỗi kịch bản thay đổi những gì"},
    {"html.changes.intro",
     "Every value that differs from the base scenario, after <code>extends</code>, JSON Patch "
     "operations and <code>--set</code> overrides, with defaults filled in.",
     "Mọi giá trị khác với kịch bản gốc, sau <code>extends</code>, các thao tác JSON Patch và các "
     "giá trị <code>--set</code>, đã điền giá trị mặc định."},
    {"html.uncertainty.title", "How sure are these figures? Chance and assumptions",
     "Các số liệu này chắc chắn đến đâu? Yếu tố ngẫu nhiên và giả định"},
    {"html.uncertainty.intro",
     "Many behavioural parameters are assumptions. Each was given a plausible range in the "
     "scenario; {} parameter sets were drawn from those ranges (Latin hypercube) and each was run "
     "{} times with the same random numbers as the main run. The <b>narrow band</b> is the "
     "95&nbsp;% interval from chance alone (the main run); the <b>wide band</b> is where 95&nbsp;% "
     "of the parameter sets' averages fell: chance and assumptions together.",
     "Nhiều tham số hành vi là giả định. Mỗi tham số có một khoảng hợp lý trong kịch bản; {} bộ "
     "tham số được rút từ các khoảng đó (siêu khối Latin) và mỗi bộ được chạy {} lần với cùng "
     "chuỗi số ngẫu nhiên như lần chạy chính. <b>Dải hẹp</b> là khoảng tin cậy 95&nbsp;% do riêng "
     "yếu tố ngẫu nhiên (lần chạy chính); <b>dải rộng</b> là nơi 95&nbsp;% giá trị bình quân của "
     "các bộ tham số rơi vào: yếu tố ngẫu nhiên và giả định cộng lại."},
    {"html.uncertainty.chance", "Chance only (95&nbsp;%)", "Riêng ngẫu nhiên (95&nbsp;%)"},
    {"html.uncertainty.total", "Chance and assumptions (95&nbsp;%)",
     "Ngẫu nhiên và giả định (95&nbsp;%)"},
    {"html.uncertainty.share", "Share of the variance from assumptions",
     "Tỷ lệ phương sai do giả định"},
    {"html.uncertainty.band_chance", "Chance only", "Riêng ngẫu nhiên"},
    {"html.uncertainty.band_total", "Chance and assumptions", "Ngẫu nhiên và giả định"},
    {"html.uncertainty.chart_title", "{}: chance and assumptions", "{}: ngẫu nhiên và giả định"},
    {"html.uncertainty.and", " and ", " và "},
    {"html.uncertainty.raise", "<code>{}</code> (higher values raise it; coefficient {})",
     "<code>{}</code> (giá trị cao hơn làm tăng; hệ số {})"},
    {"html.uncertainty.lower", "<code>{}</code> (higher values lower it; coefficient {})",
     "<code>{}</code> (giá trị cao hơn làm giảm; hệ số {})"},
    {"html.uncertainty.matters",
     "<b>{}</b>: {}&nbsp;% of the variance comes from the assumptions; the assumptions that matter "
     "most are {}.",
     "<b>{}</b>: {}&nbsp;% phương sai đến từ các giả định; các giả định quan trọng nhất là {}."},
    {"html.uncertainty.note",
     "For each indicator: the 95&nbsp;% band from chance only (blue) and from chance and "
     "assumptions (orange); circle: the average of the main run.",
     "Với mỗi chỉ tiêu: dải 95&nbsp;% do riêng ngẫu nhiên (xanh) và do ngẫu nhiên cùng giả định "
     "(cam); chấm tròn: bình quân của lần chạy chính."},
    {"html.uncertainty.matter_title", "Which assumptions matter most",
     "Những giả định quan trọng nhất"},
    {"html.uncertainty.matter_intro",
     "Ranked by the standardized regression coefficient of each headline's set average on the "
     "sampled values (docs/model.md, Uncertainty from assumptions).",
     "Xếp theo hệ số hồi quy chuẩn hóa của bình quân mỗi bộ tham số của từng chỉ tiêu theo các giá "
     "trị đã rút (docs/model.md, Uncertainty from assumptions)."},

};

}  // namespace

std::span<const CatalogEntry> report_html_messages() {
  return {kHtmlCatalog, std::size(kHtmlCatalog)};
}

}  // namespace cadresim::text
