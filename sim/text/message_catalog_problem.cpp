// The message catalog's texts of scenario problems (problem.*): data, in English and Vietnamese
// (sim/text/messages.hpp). sim/scenario records each problem as a message id with its values
// (scenario::Problem::text); the command line prints it in the user's language. The English
// texts are the loader's sentences as they always were (tests match them).
#include <iterator>  // std::size

#include "sim/text/message_catalog.hpp"

namespace cadresim::text {

namespace {

constexpr CatalogEntry kProblemCatalog[] = {
    // ---- JSON types, as values of the sentences below ("found a string").
    {"problem.type.null", "null", "giá trị null"},
    {"problem.type.boolean", "a boolean", "một giá trị đúng/sai"},
    {"problem.type.integer", "an integer", "một số nguyên"},
    {"problem.type.number", "a number", "một số"},
    {"problem.type.string", "a string", "một chuỗi"},
    {"problem.type.array", "an array", "một mảng"},
    {"problem.type.object", "an object", "một đối tượng"},
    {"problem.type.unsupported", "an unsupported value", "một giá trị không được hỗ trợ"},

    // ---- Fields of any section (sim/scenario/json_fields.cpp).
    {"problem.must_be_object", "must be an object, found {}",
     "phải là một đối tượng, nhận được {}"},
    {"problem.must_be_number", "must be a number, found {}", "phải là một số, nhận được {}"},
    {"problem.between", "must be between {} and {}, found {}",
     "phải nằm trong khoảng từ {} đến {}, nhận được {}"},
    {"problem.must_be_whole", "must be a whole number, found {}",
     "phải là số nguyên, nhận được {}"},
    {"problem.must_be_boolean", "must be true or false, found {}",
     "phải là true hoặc false, nhận được {}"},
    {"problem.required", "is required but missing", "là bắt buộc nhưng bị thiếu"},
    {"problem.must_be_string", "must be a string, found {}", "phải là một chuỗi, nhận được {}"},
    {"problem.not_empty", "must not be empty", "không được để trống"},
    {"problem.one_of", "must be one of {}, found \"{}\"", "phải là một trong {}, nhận được \"{}\""},
    {"problem.one_of_did_you_mean", "must be one of {}, found \"{}\" (did you mean \"{}\"?)",
     "phải là một trong {}, nhận được \"{}\" (có phải là \"{}\"?)"},
    {"problem.required_date", "is required but missing (a date YYYY-MM-DD)",
     "là bắt buộc nhưng bị thiếu (một ngày YYYY-MM-DD)"},
    {"problem.must_be_date", "must be a date string YYYY-MM-DD, found {}",
     "phải là một chuỗi ngày YYYY-MM-DD, nhận được {}"},
    {"problem.invalid_date", "is not a valid date YYYY-MM-DD: \"{}\"",
     "không phải là ngày hợp lệ YYYY-MM-DD: \"{}\""},
    {"problem.annual_date", "must be an annual date \"MM-DD\", found {}",
     "phải là một ngày trong năm \"MM-DD\", nhận được {}"},
    {"problem.uniform_needs_min_max", "a uniform distribution needs both \"min\" and \"max\"",
     "phân phối đều (uniform) cần cả \"min\" và \"max\""},
    {"problem.min_over_max", "must not exceed max ({} > {})", "không được lớn hơn max ({} > {})"},
    {"problem.positive_for_distribution", "must be positive for a {} distribution",
     "phải là số dương với phân phối {}"},
    {"problem.number_or_distribution", "must be a number or a distribution object, found {}",
     "phải là một số hoặc một đối tượng phân phối, nhận được {}"},
    {"problem.required_array", "is required but missing (an array)",
     "là bắt buộc nhưng bị thiếu (một mảng)"},
    {"problem.must_be_array", "must be an array, found {}", "phải là một mảng, nhận được {}"},
    {"problem.unknown_key", "unknown key \"{}\"", "khóa không xác định \"{}\""},
    {"problem.unknown_key_did_you_mean", "unknown key \"{}\" (did you mean \"{}\"?)",
     "khóa không xác định \"{}\" (có phải là \"{}\"?)"},

    // ---- Reading a file (sim/scenario/strict_json.cpp read_file_bytes).
    {"problem.file.not_found", "file not found", "không tìm thấy tệp"},
    {"problem.file.cannot_open", "cannot open the file for reading: {}",
     "không mở được tệp để đọc: {}"},
    {"problem.file.cannot_access", "cannot access the file: {}", "không truy cập được tệp: {}"},
    {"problem.file.directory", "this is a directory, not a file",
     "đây là một thư mục, không phải một tệp"},
    {"problem.file.not_regular", "this is not a regular file ({}); give the path of a file",
     "đây không phải là tệp thông thường ({}); hãy cho đường dẫn của một tệp"},
    {"problem.file.fifo", "a named pipe", "một đường ống có tên"},
    {"problem.file.character_device", "a character device", "một thiết bị ký tự"},
    {"problem.file.block_device", "a block device", "một thiết bị khối"},
    {"problem.file.socket", "a socket", "một socket"},
    {"problem.file.special", "a special file", "một tệp đặc biệt"},
    {"problem.file.too_large", "the file is {} bytes, over the limit of {} bytes",
     "tệp có {} byte, vượt giới hạn {} byte"},
    {"problem.file.cannot_read", "cannot read the file: {}", "không đọc được tệp: {}"},
    {"problem.file.grew", "the file is over the limit of {} bytes", "tệp vượt giới hạn {} byte"},

    // ---- Strict JSON (sim/scenario/strict_json.cpp, strict_sax.cpp). The JSON library's own
    // words, filled into problem.json.invalid*, stay in English.
    {"problem.json.document_too_large", "the document is {} bytes, over the limit of {} bytes",
     "văn bản có {} byte, vượt giới hạn {} byte"},
    {"problem.json.second_bom",
     "a second byte-order mark (bytes EF BB BF) follows the first; a byte-order mark may only be "
     "the first bytes of the file",
     "có dấu thứ tự byte (các byte EF BB BF) thứ hai ngay sau dấu thứ nhất; dấu thứ tự byte chỉ "
     "được nằm ở các byte đầu tiên của tệp"},
    {"problem.json.utf16",
     "the file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8",
     "tệp được mã hóa UTF-16 (bắt đầu bằng dấu thứ tự byte UTF-16): hãy lưu lại dưới dạng UTF-8"},
    {"problem.json.invalid_utf8",
     "invalid UTF-8: byte 0x{} does not form a valid character; save the file as UTF-8",
     "UTF-8 không hợp lệ: byte 0x{} không tạo thành ký tự hợp lệ; hãy lưu tệp dưới dạng UTF-8"},
    {"problem.json.nul",
     "raw NUL byte (0x00) in the input; JSON text cannot contain one (is this a binary or UTF-16 "
     "file?)",
     "có byte NUL (0x00) trong dữ liệu; văn bản JSON không được chứa byte này (đây có phải là tệp "
     "nhị phân hoặc UTF-16 không?)"},
    {"problem.json.empty", "the document is empty: expected a JSON value",
     "văn bản trống: cần một giá trị JSON"},
    {"problem.json.internal",
     "internal error: the JSON passed the strict checks but could not be parsed",
     "lỗi nội bộ: JSON đã qua các bước kiểm tra chặt nhưng không phân tích được"},
    {"problem.json.internal_reading", "internal error while reading JSON: {}",
     "lỗi nội bộ khi đọc JSON: {}"},
    {"problem.json.integer_range",
     "integer {} does not fit in 64 bits (allowed range is -9223372036854775808 to "
     "18446744073709551615)",
     "số nguyên {} vượt quá 64 bit (khoảng cho phép từ -9223372036854775808 đến "
     "18446744073709551615)"},
    {"problem.json.too_small", "number {} is too small for a double: it would silently become 0",
     "số {} quá nhỏ với kiểu double: nó sẽ âm thầm trở thành 0"},
    {"problem.json.too_large", "number {} is too large for a double (it overflows to infinity)",
     "số {} quá lớn với kiểu double (tràn thành vô cực)"},
    {"problem.json.number_too_long", "number of {} characters is longer than the limit of {}",
     "số có {} ký tự, dài hơn giới hạn {}"},
    {"problem.json.string_too_long", "string of {} bytes is longer than the limit of {} bytes",
     "chuỗi có {} byte, dài hơn giới hạn {} byte"},
    {"problem.json.key_too_long", "key of {} bytes is longer than the limit of {} bytes",
     "khóa có {} byte, dài hơn giới hạn {} byte"},
    {"problem.json.escaped_nul",
     "escaped NUL character (\\u0000) in a string; text in scenario files cannot contain one",
     "ký tự NUL (\\u0000) trong một chuỗi; văn bản trong tệp kịch bản không được chứa ký tự này"},
    {"problem.json.too_many_members", "object has more than {} members",
     "đối tượng có nhiều hơn {} thành phần"},
    {"problem.json.too_many_elements", "array has more than {} elements",
     "mảng có nhiều hơn {} phần tử"},
    {"problem.json.too_deep", "nesting is deeper than {} levels of arrays and objects",
     "các mảng và đối tượng lồng nhau sâu hơn {} cấp"},
    {"problem.json.duplicate_key", "duplicate key {} (first defined at line {}, column {})",
     "khóa {} bị lặp (định nghĩa lần đầu ở dòng {}, cột {})"},
    {"problem.json.invalid_in", "invalid JSON in {}: {}{}", "JSON không hợp lệ trong {}: {}{}"},
    {"problem.json.invalid", "invalid JSON: {}{}", "JSON không hợp lệ: {}{}"},
    {"problem.json.truncated", " (is the file truncated?)", " (tệp có bị cắt cụt không?)"},

    // ---- CSV files: the roster (sim/scenario/csv.cpp).
    {"problem.csv.legacy_encoding",
     "not valid UTF-8 (byte 0x{}); the file looks like a Windows-1258 (or other legacy) export: "
     "save it as UTF-8",
     "không phải UTF-8 hợp lệ (byte 0x{}); tệp có vẻ được xuất theo Windows-1258 (hoặc bảng mã "
     "cũ khác): hãy lưu lại dưới dạng UTF-8"},
    {"problem.csv.mixed_encoding",
     "not valid UTF-8 (byte 0x{}); the file mixes UTF-8 with another encoding or is damaged: save "
     "it as UTF-8",
     "không phải UTF-8 hợp lệ (byte 0x{}); tệp trộn UTF-8 với bảng mã khác hoặc bị hỏng: hãy lưu "
     "lại dưới dạng UTF-8"},
    {"problem.csv.blank_between_rows", "blank line between rows: remove it",
     "dòng trống giữa các hàng: hãy xóa đi"},
    {"problem.csv.blank_before_header", "blank line before the header row: remove it",
     "dòng trống trước hàng tiêu đề: hãy xóa đi"},
    {"problem.csv.empty", "the file is empty: expected a header row",
     "tệp trống: cần một hàng tiêu đề"},
    {"problem.csv.tab",
     "field {} contains a TAB character; fields are separated by commas (is this a tab-separated "
     "file? save it as CSV)",
     "trường {} chứa ký tự TAB; các trường được ngăn cách bằng dấu phẩy (đây có phải là tệp ngăn "
     "cách bằng tab không? hãy lưu dưới dạng CSV)"},
    {"problem.csv.control", "field {} contains the control character 0x{}; remove it",
     "trường {} chứa ký tự điều khiển 0x{}; hãy xóa đi"},
    {"problem.csv.field_too_long", "field {} is longer than the limit of {} bytes",
     "trường {} dài hơn giới hạn {} byte"},
    {"problem.csv.after_quote",
     "field {} has text after its closing quote; a quoted field must end at the quote (write a "
     "quote inside it as \"\")",
     "trường {} có chữ sau dấu ngoặc kép đóng; trường trong ngoặc kép phải kết thúc ở dấu ngoặc "
     "(viết dấu ngoặc kép bên trong thành \"\")"},
    {"problem.csv.inner_quote",
     "field {} has a quote in the middle of an unquoted value; enclose the whole field in quotes "
     "and double the inner quote (\"\")",
     "trường {} có dấu ngoặc kép giữa một giá trị không trong ngoặc; hãy đặt cả trường trong "
     "ngoặc kép và viết đôi dấu ngoặc bên trong (\"\")"},
    {"problem.csv.unterminated",
     "unterminated quoted field: the quote opened on line {} is never closed",
     "trường trong ngoặc kép chưa đóng: dấu ngoặc mở ở dòng {} không bao giờ được đóng"},
    {"problem.csv.unnamed_column", "header column {} has no name: every column needs one",
     "cột tiêu đề {} không có tên: cột nào cũng cần tên"},
    {"problem.csv.repeated_column", "header column {} repeats the name \"{}\" of column {}",
     "cột tiêu đề {} lặp lại tên \"{}\" của cột {}"},
    {"problem.csv.field_count", "expected {} fields (as in the header), found {}",
     "cần {} trường (như hàng tiêu đề), nhận được {}"},
    {"problem.csv.nul",
     "NUL byte (0x00) in the file: it is binary or UTF-16, not UTF-8 text; save it as UTF-8 CSV",
     "có byte NUL (0x00) trong tệp: đây là tệp nhị phân hoặc UTF-16, không phải văn bản UTF-8; "
     "hãy lưu dưới dạng CSV UTF-8"},
    {"problem.csv.only_first_listed", "{} problems in all; only the first {} are listed",
     "tổng cộng {} lỗi; chỉ liệt kê {} lỗi đầu tiên"},

    // ---- Files a scenario refers to (sim/scenario/input_paths.cpp); the first value is what
    // the file is ("base scenario ", "roster ").
    {"problem.path.base_scenario", "base scenario ", "kịch bản gốc "},
    {"problem.path.roster", "roster ", "danh sách cán bộ (roster) "},
    {"problem.path.the_scenario", "the scenario", "kịch bản"},
    {"problem.path.extension", "{}\"{}\" must name a {} file (its name must end in {})",
     "{}\"{}\" phải là tệp {} (tên tệp phải kết thúc bằng {})"},
    {"problem.path.missing", "{}\"{}\" does not exist", "{}\"{}\" không tồn tại"},
    {"problem.path.cannot_access", "{}\"{}\" cannot be accessed: {}",
     "{}\"{}\" không truy cập được: {}"},
    {"problem.path.not_regular", "{}\"{}\" is not a regular file (a folder, device or named pipe)",
     "{}\"{}\" không phải là tệp thông thường (là thư mục, thiết bị hoặc đường ống có tên)"},
    {"problem.path.cannot_resolve", "{}\"{}\" cannot be resolved: {}",
     "{}\"{}\" không xác định được đường dẫn: {}"},
    {"problem.path.outside",
     "{}\"{}\" is outside the folders a scenario may refer to: the folder of {} and below, a "
     "folder named 'scenarios' and below, or a folder of CADRESIM_SCENARIO_PATH; copy the file "
     "there (docs/scenarios.md § Referenced files)",
     "{}\"{}\" nằm ngoài các thư mục mà kịch bản được tham chiếu: thư mục của {} và các thư mục "
     "con, một thư mục tên 'scenarios' và các thư mục con, hoặc một thư mục trong "
     "CADRESIM_SCENARIO_PATH; hãy chép tệp vào đó (docs/scenarios.md § Referenced files)"},
    {"problem.extends_not_string", "must be the path of the base scenario (a string)",
     "phải là đường dẫn của kịch bản gốc (một chuỗi)"},
    {"problem.extends_cycle", "\"{}\" leads back to a file already in the chain (a cycle)",
     "\"{}\" dẫn trở lại một tệp đã có trong chuỗi extends (vòng lặp)"},

    // ---- Size limits (sim/scenario/loader.cpp; docs/scenarios.md § Limits).
    {"problem.limit.units", "the scenario has {} units, over the limit of {}",
     "kịch bản có {} đơn vị, vượt giới hạn {}"},
    {"problem.limit.posts",
     "the titles create more than {} posts (the limit); use fewer units, titles or posts_per_unit",
     "các chức danh tạo ra hơn {} vị trí (giới hạn); hãy dùng ít đơn vị, chức danh hoặc "
     "posts_per_unit hơn"},
    {"problem.limit.cadres",
     "the scenario starts with {} cadres (posts, named cadres and pool members), over the limit "
     "of {}",
     "kịch bản bắt đầu với {} cán bộ (vị trí, cán bộ có tên và thành viên nguồn), vượt giới hạn "
     "{}"},

    // ---- References to ids of the scenario (any section): "unknown level \"x\"".
    {"problem.unknown_reference", "unknown {} \"{}\"", "không có {} \"{}\""},
    {"problem.unknown_reference_did_you_mean", "unknown {} \"{}\" (did you mean \"{}\"?)",
     "không có {} \"{}\" (có phải là \"{}\"?)"},
    {"problem.ref.level", "level", "cấp"},
    {"problem.ref.unit", "unit", "đơn vị"},
    {"problem.ref.parent_unit", "parent unit", "đơn vị cấp trên"},
    {"problem.ref.title", "title", "chức danh"},
    {"problem.ref.pool_state", "pool state", "trạng thái nguồn"},
    {"problem.ref.column", "column", "cột"},

    // ---- The organisation: calendar, levels, units, titles (organisation_section.cpp).
    {"problem.org.levels_count", "must list between 1 and {} levels, found {}",
     "phải liệt kê từ 1 đến {} cấp, nhận được {}"},
    {"problem.org.duplicate_level", "duplicate level id \"{}\"", "mã cấp \"{}\" bị trùng"},
    {"problem.org.level_id", "must be a level id (a string)", "phải là một mã cấp (một chuỗi)"},
    {"problem.org.dates_increasing", "dates must be in increasing order",
     "các ngày phải theo thứ tự tăng dần"},
    {"problem.org.end_after_start", "must be after the start date {}", "phải sau ngày bắt đầu {}"},
    {"problem.org.horizon", "the horizon is limited to 100 years",
     "thời kỳ mô phỏng tối đa là 100 năm"},
    {"problem.org.count_required", "is required but missing (how many units)",
     "là bắt buộc nhưng bị thiếu (số đơn vị)"},
    {"problem.org.difficult_over_count", "must not exceed count ({} > {})",
     "không được lớn hơn count ({} > {})"},
    {"problem.org.units_over_limit", "would bring the scenario to {} units, over the limit of {}",
     "sẽ đưa kịch bản lên {} đơn vị, vượt giới hạn {}"},
    {"problem.org.duplicate_unit", "duplicate unit id \"{}\"", "mã đơn vị \"{}\" bị trùng"},
    {"problem.org.no_units", "the organisation has no units", "tổ chức không có đơn vị nào"},
    {"problem.org.no_root", "the unit tree has no root (a unit with \"parent\": null)",
     "cây đơn vị không có gốc (một đơn vị có \"parent\": null)"},
    {"problem.org.several_roots",
     "the unit tree has {} roots (\"{}\" and \"{}\"...); exactly one unit may have no parent",
     "cây đơn vị có {} gốc (\"{}\" và \"{}\"...); chỉ đúng một đơn vị được không có cấp trên"},
    {"problem.org.parent_cycle", "unit \"{}\" is in a cycle of parents",
     "đơn vị \"{}\" nằm trong một vòng cấp trên khép kín"},
    {"problem.org.parent_below", "parent \"{}\" is at level \"{}\", below this unit's level \"{}\"",
     "đơn vị cấp trên \"{}\" ở cấp \"{}\", thấp hơn cấp \"{}\" của đơn vị này"},
    {"problem.org.sector_name", "must be a sector name (a string)",
     "phải là tên một lĩnh vực (một chuỗi)"},
    {"problem.org.title_id", "must be a title id (a string)",
     "phải là một mã chức danh (một chuỗi)"},
    {"problem.org.duplicate_title", "duplicate title id \"{}\"", "mã chức danh \"{}\" bị trùng"},
    {"problem.org.too_many_titles", "too many titles", "quá nhiều chức danh"},
    {"problem.org.feeds_lower",
     "\"{}\" (rank {}) is not higher than \"{}\" (rank {}): a title may only feed a higher post",
     "\"{}\" (bậc {}) không cao hơn \"{}\" (bậc {}): một chức danh chỉ được là nguồn cho vị trí "
     "cao hơn"},
    {"problem.org.title_no_posts", "title \"{}\" has no posts: no unit at level \"{}\"",
     "chức danh \"{}\" không có vị trí nào: không có đơn vị ở cấp \"{}\""},
    {"problem.org.title_no_posts_sectors",
     "title \"{}\" has no posts: no unit at level \"{}\" with one of its sectors",
     "chức danh \"{}\" không có vị trí nào: không có đơn vị ở cấp \"{}\" thuộc một trong các lĩnh "
     "vực của nó"},
    {"problem.org.no_entry", "no title has \"entry\": true, so no one can ever be recruited",
     "không chức danh nào có \"entry\": true, nên không bao giờ tuyển dụng được ai"},
    {"problem.org.unreachable",
     "title \"{}\" can never be filled: it is not an entry title and no chain of \"feeds\" leads "
     "to it from one",
     "chức danh \"{}\" không bao giờ bố trí được người: nó không phải chức danh tuyển dụng đầu vào "
     "và không có chuỗi \"feeds\" nào dẫn đến nó từ một chức danh như vậy"},
    {"problem.org.establishment", "unit \"{}\" has establishment {} but its titles create {} posts",
     "đơn vị \"{}\" có biên chế {} nhưng các chức danh của nó tạo ra {} vị trí"},

    // ---- The roster of named cadres (sim/scenario/roster.cpp): "line N" of the CSV file.
    {"problem.ref.home_unit", "home_unit", "đơn vị quê quán (home_unit)"},
    {"problem.roster.missing_column", "missing required column \"{}\"",
     "thiếu cột bắt buộc \"{}\""},
    {"problem.roster.empty_id", "empty id", "mã cán bộ để trống"},
    {"problem.roster.duplicate_id", "duplicate cadre id \"{}\"", "mã cán bộ \"{}\" bị trùng"},
    {"problem.roster.sex", "sex must be M or F, found \"{}\"",
     "giới tính phải là M hoặc F, nhận được \"{}\""},
    {"problem.roster.impossible_birth", "impossible birth date {} (age {} at the scenario start)",
     "ngày sinh {} không thể có (tuổi {} khi bắt đầu kịch bản)"},
    {"problem.roster.not_a_date", "{} is not a date YYYY-MM-DD: \"{}\"",
     "{} không phải là ngày YYYY-MM-DD: \"{}\""},
    {"problem.roster.post_not_in_force", "post \"{}\" is not in force on the start date",
     "vị trí \"{}\" chưa hoặc không còn tồn tại vào ngày bắt đầu"},
    {"problem.roster.post_held", "post \"{}\" already has a holder",
     "vị trí \"{}\" đã có người giữ"},
    {"problem.roster.post_since", "post_since {} is after the scenario start or before birth",
     "post_since {} sau ngày bắt đầu kịch bản hoặc trước ngày sinh"},
    {"problem.roster.number", "{} must be a number between {} and {}, found \"{}\"",
     "{} phải là một số từ {} đến {}, nhận được \"{}\""},

    // ---- Posts written "unit-id/title-id" and the population (population_section.cpp).
    {"problem.post.format", "must be a post \"unit-id/title-id\", found \"{}\"",
     "phải là một vị trí \"mã-đơn-vị/mã-chức-danh\", nhận được \"{}\""},
    {"problem.post.unknown_part", "unknown {} \"{}\" in post \"{}\"",
     "không có {} \"{}\" trong vị trí \"{}\""},
    {"problem.post.none", "unit \"{}\" has no post \"{}\"", "đơn vị \"{}\" không có vị trí \"{}\""},
    {"problem.post.not_in_force",
     "post \"{}\" is not in force on the start date (its unit is created later or has ended)",
     "vị trí \"{}\" không tồn tại vào ngày bắt đầu (đơn vị của nó được lập sau hoặc đã chấm dứt)"},
    {"problem.population.birth", "is not before the scenario start",
     "không trước ngày bắt đầu kịch bản"},
    {"problem.population.post_since", "is after the scenario start", "sau ngày bắt đầu kịch bản"},
    {"problem.population.script_cadre",
     "unknown cadre \"{}\": scripted moves name a cadre from population.named_cadres or the roster",
     "không có cán bộ \"{}\": các điều động theo kịch bản phải nêu một cán bộ trong "
     "population.named_cadres hoặc danh sách cán bộ (roster)"},
    {"problem.population.date_outside", "is outside the simulated period",
     "nằm ngoài thời kỳ mô phỏng"},

    // ---- Pools (pools_section.cpp) and managing tiers (managing_tiers_section.cpp).
    {"problem.pools.row_sum",
     "the probabilities sum to {}, more than 1 (the rest of the row, 1 − sum, is the probability "
     "of leaving)",
     "tổng các xác suất là {}, lớn hơn 1 (phần còn lại của hàng, 1 − tổng, là xác suất rời "
     "khỏi nguồn)"},
    {"problem.pools.no_state",
     "must list at least one pool state (remove \"pools\" for a scenario without pools)",
     "phải liệt kê ít nhất một trạng thái nguồn (bỏ \"pools\" nếu kịch bản không có nguồn)"},
    {"problem.pools.too_many", "too many pool states ({}; at most {})",
     "quá nhiều trạng thái nguồn ({}; tối đa {})"},
    {"problem.pools.duplicate", "duplicate pool state id \"{}\"",
     "mã trạng thái nguồn \"{}\" bị trùng"},
    {"problem.tiers.duplicate", "duplicate managing tier id \"{}\"",
     "mã cấp quản lý \"{}\" bị trùng"},
    {"problem.tiers.already_managed",
     "title \"{}\" is already managed by tier \"{}\" ({}): every title is managed by exactly one "
     "tier",
     "chức danh \"{}\" đã do cấp quản lý \"{}\" quản lý ({}): mỗi chức danh do đúng một cấp quản "
     "lý"},
    {"problem.tiers.below_title",
     "tier \"{}\" sits at level \"{}\", below the level \"{}\" of title \"{}\": a body manages "
     "posts at its own level or below",
     "cấp quản lý \"{}\" ở cấp \"{}\", thấp hơn cấp \"{}\" của chức danh \"{}\": một cơ quan chỉ "
     "quản lý vị trí ở cấp của mình hoặc thấp hơn"},
    {"problem.tiers.too_many", "too many managing tiers", "quá nhiều cấp quản lý"},
    {"problem.tiers.unmanaged_one",
     "a title is not managed by any tier: {}; list each in the \"titles\" of exactly one tier",
     "một chức danh không do cấp quản lý nào quản lý: {}; hãy liệt kê mỗi chức danh trong "
     "\"titles\" của đúng một cấp quản lý"},
    {"problem.tiers.unmanaged",
     "{} titles are not managed by any tier: {}; list each in the \"titles\" of exactly one tier",
     "{} chức danh không do cấp quản lý nào quản lý: {}; hãy liệt kê mỗi chức danh trong "
     "\"titles\" của đúng một cấp quản lý"},
    {"problem.tiers.no_scope",
     "post \"{}\" has no unit at level \"{}\" above it, so tier \"{}\" has no scope for it",
     "vị trí \"{}\" không có đơn vị ở cấp \"{}\" phía trên, nên cấp quản lý \"{}\" không có phạm "
     "vi quản lý đối với nó"},

    // ---- Assumption ranges (assumptions_section.cpp).
    {"problem.assumptions.not_object", "must be an object keyed by JSON pointer, not {}",
     "phải là một đối tượng có khóa là con trỏ JSON, không phải {}"},
    {"problem.assumptions.min", "is required: the lower end of the range",
     "là bắt buộc: cận dưới của khoảng"},
    {"problem.assumptions.max", "is required: the upper end of the range",
     "là bắt buộc: cận trên của khoảng"},
    {"problem.assumptions.min_below_max", "min ({}) must be below max ({})",
     "min ({}) phải nhỏ hơn max ({})"},
    {"problem.assumptions.pointer_target",
     "must point at a parameter of the scenario, not at the document or the assumptions "
     "themselves",
     "phải trỏ đến một tham số của kịch bản, không phải cả văn bản hay chính phần assumptions"},
    {"problem.assumptions.unresolved",
     "\"{}\" does not resolve in the resolved scenario (see 'cadresim validate --resolved')",
     "\"{}\" không trỏ đến giá trị nào trong kịch bản đã phân giải (xem 'cadresim validate "
     "--resolved')"},
    {"problem.assumptions.not_pointer", "\"{}\" is not a JSON pointer (RFC 6901: \"/section/key\")",
     "\"{}\" không phải là con trỏ JSON (RFC 6901: \"/section/key\")"},
    {"problem.assumptions.not_number",
     "\"{}\" is {} in the resolved scenario; a range needs a number",
     "\"{}\" là {} trong kịch bản đã phân giải; một khoảng cần một số"},
    {"problem.assumptions.mode_range", "must lie in [{}, {}]", "phải nằm trong [{}, {}]"},
    {"problem.assumptions.mode_triangular", "is only for a triangular distribution",
     "chỉ dùng cho phân phối tam giác (triangular)"},

    // ---- Lists of problems (sim/scenario/problems.cpp).
    {"problem.more_not_listed", "... and {} more problem(s) not listed",
     "... và {} lỗi khác không được liệt kê"},
};

}  // namespace

std::span<const CatalogEntry> problem_messages() {
  return {kProblemCatalog, std::size(kProblemCatalog)};
}

}  // namespace cadresim::text
