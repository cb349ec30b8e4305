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

    // ---- Lists of problems (sim/scenario/problems.cpp).
    {"problem.more_not_listed", "... and {} more problem(s) not listed",
     "... và {} lỗi khác không được liệt kê"},
};

}  // namespace

std::span<const CatalogEntry> problem_messages() {
  return {kProblemCatalog, std::size(kProblemCatalog)};
}

}  // namespace cadresim::text
