// The message catalog's texts of scenario problems of the mechanism, structure and shock
// sections, of variants, of --set and of scripted changes (problem.mechanisms.*,
// problem.structure.*, problem.shocks.*, problem.patch.*, problem.set.*, problem.changes.*):
// data, in English and Vietnamese (sim/text/messages.hpp). The English texts are the loader's
// sentences as they always were (tests match them).
#include <iterator>  // std::size

#include "sim/text/message_catalog.hpp"

namespace cadresim::text {

namespace {

constexpr CatalogEntry kProblemSectionCatalog[] = {
    // ---- Mechanisms (mechanisms_section.cpp).
    {"problem.mechanisms.retirement_required", "is required but missing (the statutory age table)",
     "là bắt buộc nhưng bị thiếu (bảng tuổi nghỉ hưu theo luật định)"},
    {"problem.mechanisms.table_rows", "must have at least one row", "phải có ít nhất một dòng"},
    {"problem.mechanisms.year_required", "is required but missing (the calendar year)",
     "là bắt buộc nhưng bị thiếu (năm dương lịch)"},
    {"problem.mechanisms.age_required", "is required: the age as [years, months]",
     "là bắt buộc: tuổi dưới dạng [năm, tháng]"},
    {"problem.mechanisms.age_form",
     "must be [years, months] with years 40..80 and months 0..11, found {}",
     "phải là [năm, tháng] với năm từ 40 đến 80 và tháng từ 0 đến 11, nhận được {}"},
    {"problem.mechanisms.years_increasing", "years must be strictly increasing",
     "các năm phải tăng dần nghiêm ngặt"},
    {"problem.mechanisms.shares_zero", "the shares must not all be zero",
     "các tỷ lệ không được đều bằng 0"},
    {"problem.mechanisms.later_competence",
     "must not exceed ready_min_competence (ready-later is the weaker level)",
     "không được vượt quá ready_min_competence (nguồn kế cận dài hạn là mức thấp hơn)"},
    {"problem.mechanisms.preparation_end", "must not be more than preparation_start_months_before",
     "không được lớn hơn preparation_start_months_before"},
    {"problem.mechanisms.after_from", "must be after \"from\"", "phải sau \"from\""},
    {"problem.mechanisms.date", "must be a date YYYY-MM-DD", "phải là ngày YYYY-MM-DD"},
    {"problem.mechanisms.count_or_rate", "give either count_per_year or rate_per_year, not both",
     "chỉ cho count_per_year hoặc rate_per_year, không cho cả hai"},
    {"problem.mechanisms.sector_one_level", "a sector-to-sector flow must stay at one level",
     "luồng luân chuyển giữa các ngành phải ở cùng một cấp"},
    {"problem.mechanisms.duplicate_flow", "duplicate flow id \"{}\"",
     "mã luồng luân chuyển \"{}\" bị trùng"},
    {"problem.mechanisms.amount_required", "is required but missing (VND per month)",
     "là bắt buộc nhưng bị thiếu (đồng mỗi tháng)"},
    {"problem.mechanisms.dates_increasing", "dates must be strictly increasing",
     "các ngày phải tăng dần nghiêm ngặt"},
    {"problem.mechanisms.level_id", "must be a level id", "phải là mã cấp"},
    {"problem.mechanisms.thresholds", "thresholds must satisfy completed <= good <= excellent",
     "các ngưỡng phải thỏa mãn completed <= good <= excellent (hoàn thành <= tốt <= xuất sắc)"},
    {"problem.mechanisms.outcomes_sum", "return + promote + stay must sum to 1, found {}",
     "return + promote + stay (trở về + đề bạt + ở lại) phải có tổng bằng 1, nhận được {}"},
    {"problem.mechanisms.flow_id", "must be a rotation flow id",
     "phải là mã một luồng luân chuyển"},
    {"problem.mechanisms.unknown_flow",
     "unknown rotation flow \"{}\" (a flow id of /rotation/flows, or \"scripted\")",
     "không có luồng luân chuyển \"{}\" (cần một mã luồng trong /rotation/flows, hoặc "
     "\"scripted\")"},
    {"problem.mechanisms.bands_increasing", "bands must be in increasing order of min_km",
     "các khung phải theo thứ tự min_km tăng dần"},

    // ---- Structural changes over time (structure_section.cpp).
    {"problem.structure.not_in_force",
     "unit \"{}\" is not in force on {} (created later or already ended)",
     "đơn vị \"{}\" không còn hiệu lực vào ngày {} (được lập sau đó hoặc đã kết thúc)"},
    {"problem.structure.date_order", "structural events must be in increasing date order",
     "các thay đổi tổ chức bộ máy phải theo thứ tự ngày tăng dần"},
    {"problem.structure.after_end", "must not be after the end ({}) of the calendar",
     "không được sau ngày kết thúc ({}) của lịch mô phỏng"},
    {"problem.structure.same_date",
     "another structural event falls on this date (a shock card's merge needs a date of its own: "
     "move it a day)",
     "một thay đổi tổ chức khác cũng rơi vào ngày này (việc sáp nhập của một thẻ cú sốc cần một "
     "ngày riêng: dời nó đi một ngày)"},
    {"problem.structure.at_least_one_unit", "must list at least one unit",
     "phải liệt kê ít nhất một đơn vị"},
    {"problem.structure.unit_id", "must be a unit id (a string)",
     "phải là một mã đơn vị (một chuỗi)"},
    {"problem.structure.parent_ends",
     "unit \"{}\" stays in force on {} but its parent \"{}\" ends: move it to another parent "
     "or end it too",
     "đơn vị \"{}\" vẫn còn hiệu lực vào ngày {} nhưng đơn vị cấp trên \"{}\" kết thúc: "
     "chuyển nó sang đơn vị cấp trên khác hoặc cũng kết thúc nó"},
    {"problem.structure.own_ancestor", "moves make unit \"{}\" its own ancestor",
     "việc chuyển khiến đơn vị \"{}\" trở thành cấp trên của chính nó"},

    // ---- Shock cards (shocks_section.cpp).
    {"problem.shocks.cadre_or_count",
     "a departure names one cadre (\"cadre\") or draws holders (\"count\" with \"level\" or "
     "\"title\")",
     "một thẻ thôi việc nêu tên một cán bộ (\"cadre\") hoặc rút ngẫu nhiên người giữ chức danh "
     "(\"count\" kèm \"level\" hoặc \"title\")"},
    {"problem.shocks.cadre_not_both",
     "a departure names one cadre (\"cadre\") or draws holders (\"count\" with \"level\" or "
     "\"title\"), not both",
     "một thẻ thôi việc nêu tên một cán bộ (\"cadre\") hoặc rút ngẫu nhiên người giữ chức danh "
     "(\"count\" kèm \"level\" hoặc \"title\"), không được cả hai"},
    {"problem.shocks.unknown_cadre",
     "unknown cadre \"{}\": a departure names a cadre of population.named_cadres or the roster",
     "không có cán bộ \"{}\": thẻ thôi việc phải nêu một cán bộ trong population.named_cadres "
     "hoặc danh sách cán bộ (roster)"},
    {"problem.shocks.unknown_cadre_did_you_mean",
     "unknown cadre \"{}\": a departure names a cadre of population.named_cadres or the roster "
     "(did you mean \"{}\"?)",
     "không có cán bộ \"{}\": thẻ thôi việc phải nêu một cán bộ trong population.named_cadres "
     "hoặc danh sách cán bộ (roster) (có phải là \"{}\"?)"},
    {"problem.shocks.which_posts", "say which posts to draw from: \"level\" or \"title\"",
     "hãy cho biết rút từ những vị trí nào: \"level\" hoặc \"title\""},
    {"problem.shocks.title_not_at_level", "title \"{}\" is not at level \"{}\"",
     "chức danh \"{}\" không thuộc cấp \"{}\""},
    {"problem.shocks.kind_required",
     "is required: departure, change, allowance_cut, hiring_freeze, extra_rotation_round or merge",
     "là bắt buộc: departure, change, allowance_cut, hiring_freeze, extra_rotation_round hoặc "
     "merge"},
    {"problem.shocks.during_run",
     "a shock happens during the run: after the start ({}) and not after the end ({})",
     "cú sốc phải xảy ra trong thời gian mô phỏng: sau ngày bắt đầu ({}) và không sau ngày kết "
     "thúc ({})"},
    {"problem.shocks.duplicate_card", "duplicate card id \"{}\"", "mã thẻ \"{}\" bị trùng"},
    {"problem.shocks.patch_required", "is required: the JSON Merge Patch in force from the date",
     "là bắt buộc: bản vá JSON Merge Patch có hiệu lực từ ngày đó"},
    {"problem.shocks.required", "is required", "là bắt buộc"},
    {"problem.shocks.allowance_off", "not used: this allowance is switched off",
     "không dùng: khoản phụ cấp này đã tắt"},
    {"problem.shocks.to_required", "is required: the new value from the date",
     "là bắt buộc: giá trị mới kể từ ngày đó"},
    {"problem.shocks.freeze_needs_staffing",
     "a hiring freeze stops the recruitment of non-leadership staff: the scenario needs a "
     "\"staffing\" section (\"staffing\": {{}} turns it on)",
     "tạm dừng tuyển dụng là dừng tuyển công chức không giữ chức vụ lãnh đạo: kịch bản cần phần "
     "\"staffing\" (\"staffing\": {{}} sẽ bật nó)"},
    {"problem.shocks.until", "must be after the card's date and not after the end",
     "phải sau ngày của thẻ và không sau ngày kết thúc"},
    {"problem.shocks.merge_required",
     "is required: [{{\"into\": unit, \"from\": [units]}}], as in a structural event",
     "là bắt buộc: [{{\"into\": đơn vị, \"from\": [các đơn vị]}}], như trong một thay đổi tổ "
     "chức bộ máy"},
    {"problem.shocks.no_card", "lists no card", "không liệt kê thẻ nào"},
    {"problem.shocks.card_object", "must be an object (a shock card), found {}",
     "phải là một đối tượng (một thẻ cú sốc), nhận được {}"},

    // ---- --set /pointer=value (overrides.cpp).
    {"problem.set.form", "\"{}\" is not of the form /pointer=value",
     "\"{}\" không có dạng /con_trỏ=giá_trị (/pointer=value)"},
    {"problem.set.pointer_start",
     "\"{}\": the pointer must start with '/' (RFC 6901, e.g. /support/top_up_vnd_per_month)",
     "\"{}\": con trỏ phải bắt đầu bằng '/' (RFC 6901, ví dụ /support/top_up_vnd_per_month)"},
    {"problem.set.bad_pointer", "\"{}\" is not a valid JSON pointer (RFC 6901)",
     "\"{}\" không phải là con trỏ JSON hợp lệ (RFC 6901)"},
    {"problem.set.unresolved",
     "--set: this pointer does not resolve in the resolved scenario (see 'cadresim validate "
     "--resolved')",
     "--set: con trỏ này không trỏ đến giá trị nào trong kịch bản đã phân giải (xem 'cadresim "
     "validate --resolved')"},

    // ---- Variants: the merge patch's warnings and JSON Patch operations (variant.cpp).
    {"problem.patch.whole_array",
     "the merge patch replaces the whole array ({} element(s) in the base, {} in the variant); to "
     "change one element, use a \"json_patch\" operation such as {{\"op\": \"replace\", "
     "\"path\": \"{}/0/...\", \"value\": ...}}",
     "bản vá hợp nhất (merge patch) thay thế toàn bộ mảng ({} phần tử trong kịch bản gốc, {} "
     "trong biến thể); để đổi một phần tử, hãy dùng một thao tác \"json_patch\" như "
     "{{\"op\": \"replace\", \"path\": \"{}/0/...\", \"value\": ...}}"},
    {"problem.patch.not_array", "must be an array of JSON Patch operations (RFC 6902), found {}",
     "phải là một mảng các thao tác JSON Patch (RFC 6902), nhận được {}"},
    {"problem.patch.op_form", "must be an object with \"op\" and \"path\" (RFC 6902)",
     "phải là một đối tượng có \"op\" và \"path\" (RFC 6902)"},
    {"problem.patch.unknown_key", "unknown key \"{}\" in a JSON Patch operation",
     "khóa \"{}\" không hợp lệ trong một thao tác JSON Patch"},
    {"problem.patch.cannot_apply", "cannot apply \"{}\" at \"{}\": {}",
     "không thể áp dụng \"{}\" tại \"{}\": {}"},
    {"problem.patch.its_date", "its date", "ngày của nó"},
    {"problem.patch.dated_override",
     "this change holds only until {}: the dated change /changes/{} sets {} again from then on; "
     "to change it after that date too, patch /changes/{}/patch{} as well (a \"json_patch\" "
     "operation)",
     "thay đổi này chỉ có hiệu lực đến {}: thay đổi theo ngày /changes/{} đặt lại {} từ ngày đó; "
     "để thay đổi cả sau ngày đó, hãy vá thêm /changes/{}/patch{} (một thao tác \"json_patch\")"},

    // ---- Dated changes (changes_section.cpp). A problem of the scenario in force from a date
    // carries the problem found there as a value, rendered in the same language.
    {"problem.changes.titles_object",
     "must be an object keyed by title id, e.g. {{\"province-pc-chair\": {{\"non_native\": "
     "\"required\"}}}}, found {}",
     "phải là một đối tượng có khóa là mã chức danh, ví dụ {{\"province-pc-chair\": "
     "{{\"non_native\": \"required\"}}}}, nhận được {}"},
    {"problem.changes.title_fields",
     "must be an object of the title's fields that change, found {}",
     "phải là một đối tượng gồm các trường thay đổi của chức danh, nhận được {}"},
    {"problem.changes.title_field_frozen",
     "\"{}\" of a title cannot change on a date (only non_native, max_consecutive_terms, "
     "salary_coefficient, position_allowance and feeds can; the organisation changes through "
     "\"structure\")",
     "\"{}\" của một chức danh không thể thay đổi theo ngày (chỉ non_native, "
     "max_consecutive_terms, salary_coefficient, position_allowance và feeds được thay đổi; tổ "
     "chức bộ máy thay đổi qua \"structure\")"},
    {"problem.changes.patch_object", "must be an object (a JSON Merge Patch), found {}",
     "phải là một đối tượng (một JSON Merge Patch), nhận được {}"},
    {"problem.changes.frozen", "\"{}\" cannot change on a date: {}",
     "\"{}\" không thể thay đổi theo ngày: {}"},
    {"problem.changes.why_organisation",
     "the organisation cannot change through a dated patch: use a \"structure\" event "
     "(docs/scenarios.md § Structural events)",
     "tổ chức bộ máy không thể thay đổi qua một bản vá theo ngày: hãy dùng một thay đổi "
     "\"structure\" (docs/scenarios.md § Structural events)"},
    {"problem.changes.why_calendar", "the calendar is fixed for the whole run",
     "lịch mô phỏng cố định cho cả lượt chạy"},
    {"problem.changes.why_initial", "it describes the initial state and is read only at the start",
     "nó mô tả trạng thái ban đầu và chỉ được đọc lúc bắt đầu"},
    {"problem.changes.why_fixed", "it cannot change on a date", "nó không thể thay đổi theo ngày"},
    {"problem.changes.after_end", "must not be after the end ({}) of the calendar",
     "không được sau ngày kết thúc ({}) của lịch mô phỏng"},
    {"problem.changes.date_order", "dated changes must be in date order",
     "các thay đổi theo ngày phải theo thứ tự ngày"},
    {"problem.changes.patch_required", "is required but missing (a JSON Merge Patch object)",
     "là bắt buộc nhưng bị thiếu (một đối tượng JSON Merge Patch)"},
    {"problem.changes.in_force_from", "in the scenario in force from {}: {}: {}",
     "trong kịch bản có hiệu lực từ {}: {}: {}"},
    {"problem.changes.from_date", "from {}: {}", "từ {}: {}"},
};

}  // namespace

std::span<const CatalogEntry> problem_section_messages() {
  return {kProblemSectionCatalog, std::size(kProblemSectionCatalog)};
}

}  // namespace cadresim::text
