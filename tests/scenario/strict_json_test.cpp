#include "sim/scenario/strict_json.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>  // mkfifo

#include <filesystem>  // temporary files for read_json_file
#include <fstream>     // std::ofstream
#include <optional>
#include <random>  // std::mt19937 for the mutation test
#include <string>

#include "../test_scratch.hpp"  // unique_temp_dir: scratch per test and process

using namespace cadresim::scenario;
using namespace std::string_literals;  // "..."s keeps embedded NUL bytes

namespace {

/// An input the strict parser must refuse, with where it must say the problem is.
struct Rejected {
  const char* name;
  std::string input;
  const char* message_part;  ///< must appear in the first issue's message
  std::size_t line;
  std::size_t column;
  std::optional<std::string> pointer;
};

std::string nested(const std::string& open, std::size_t depth, const std::string& close) {
  std::string text;
  for (std::size_t i = 0; i < depth; ++i) text += open;
  text += "1";
  for (std::size_t i = 0; i < depth; ++i) text += close;
  return text;
}

std::string repeat(const std::string& token, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) text += token;
  return text;
}

/// Names the case in GoogleTest's failure messages instead of dumping its bytes.
void PrintTo(const Rejected& c, std::ostream* os) {
  *os << c.name;
}

const Rejected kRejected[] = {
    {"TruncatedObject", R"({"a":)", "unexpected end of input", 1, 6, "/a"},
    {"TruncatedArray", "[1,2", "is the file truncated?", 1, 5, ""},
    {"TruncatedString", R"({"a":"abc)", "missing closing quote", 1, 10, "/a"},
    {"TruncatedKey", R"({"units":[{"na)", "missing closing quote", 1, 15, "/units/0"},
    {"NulBetweenDocuments", "{\"a\":1}\0{\"b\":2}"s, "NUL byte", 1, 8, std::nullopt},
    {"NulInsideString", "{\"a\":\"x\0y\"}"s, "NUL byte", 1, 8, "/a"},
    {"DuplicateKeyAtDepth", "{\"x\":{\"y\":[1,{\"k\":1,\n  \"k\":2}]}}",
     "duplicate key \"k\" (first defined at line 1, column 15)", 2, 3, "/x/y/1/k"},
    {"DuplicateKeyWithCrlf", "{\r\n  \"a\": 1,\r\n  \"a\": 2\r\n}", "duplicate key \"a\"", 3, 3,
     "/a"},
    {"TwentyDigitInteger", "99999999999999999999", "does not fit in 64 bits", 1, 1, ""},
    {"NegativeTwentyDigitInteger", "[0, -99999999999999999999]", "does not fit in 64 bits", 1, 5,
     "/1"},
    {"OneAboveUint64Max", "18446744073709551616", "does not fit in 64 bits", 1, 1, ""},
    {"OneBelowInt64Min", "-9223372036854775809", "does not fit in 64 bits", 1, 1, ""},
    {"Underflow", R"({"rate": 1e-400})", "too small for a double", 1, 10, "/rate"},
    {"UnderflowWithFraction", "[0.5e-400]", "too small for a double", 1, 2, "/0"},
    {"UnderflowBelowSmallestSubnormal", "2e-324", "too small for a double", 1, 1, ""},
    {"Overflow", R"({"a": [1e400]})", "too large for a double", 1, 8, "/a/0"},
    {"NegativeOverflow", "-1e400", "too large for a double", 1, 1, ""},
    {"BadUtf8InsideString", "{\"a\":{\"b\":\"x\xC3(\"}}", "invalid UTF-8: byte 0xC3", 1, 13,
     "/a/b"},
    {"BadUtf8OutsideString", "[1, \xFF]", "invalid UTF-8: byte 0xFF", 1, 5, ""},
    {"BadUtf8AfterDocument", "{}\n\xFF", "invalid UTF-8", 2, 1, std::nullopt},
    {"OverlongUtf8", "\"\xC0\xAF\"", "invalid UTF-8: byte 0xC0", 1, 2, ""},
    {"EncodedSurrogateUtf8", "\"\xED\xA0\x80\"", "invalid UTF-8: byte 0xED", 1, 2, ""},
    {"Utf8CutAtEnd", "\"\xE4\xB8", "invalid UTF-8: byte 0xE4", 1, 2, ""},
    {"Windows1258Text", "{\"name\": \"\xD0i\xEA\xF2n Bi\xEAn\"}", "invalid UTF-8: byte 0xD0", 1, 11,
     "/name"},
    {"Empty", "", "the document is empty", 1, 1, std::nullopt},
    {"OnlyWhitespace", "  \n\t\r\n ", "the document is empty", 1, 1, std::nullopt},
    {"OnlyBom", "\xEF\xBB\xBF", "the document is empty", 1, 1, std::nullopt},
    {"Utf16Bom", "\xFF\xFE{\0}\0"s, "UTF-16", 1, 1, std::nullopt},
    {"LoneHighSurrogateEscape", R"("\ud800")", "surrogate U+D800..U+DBFF", 1, 8, ""},
    {"LoneLowSurrogateEscape", R"({"a":"\udc00"})", "surrogate U+DC00..U+DFFF", 1, 12, "/a"},
    {"TrailingGarbage", "{} x", "expected end of input", 1, 4, std::nullopt},
    {"TrailingComma", "[1,]", "unexpected ']'", 1, 4, ""},
    {"MissingComma", "[1 2]", "expected ']'", 1, 4, ""},
    {"ControlCharacterInString", "\"a\x01\"", "control character U+0001", 1, 3, ""},
    {"Comment", "// note\n{}", "invalid literal", 1, 1, ""},
    {"NaN", "NaN", "invalid literal", 1, 1, ""},
    {"SingleQuotes", "{'a':1}", "invalid literal", 1, 2, ""},
    {"TenThousandNestedArrays", std::string(10000, '['), "deeper than 64 levels", 1, 65,
     repeat("/0", 64)},
    {"TenThousandNestedObjects", nested("{\"a\":", 10000, "}"), "deeper than 64 levels", 1,
     64 * 5 + 1, repeat("/a", 64)},
    {"DepthSixtyFive", nested("[", 65, "]"), "deeper than 64 levels", 1, 65, repeat("/0", 64)},
    {"BomDoesNotCountInColumns", "\xEF\xBB\xBF{\"a\": 1e-999}", "too small", 1, 7, "/a"},
};

class StrictJsonRejects : public testing::TestWithParam<Rejected> {};

TEST_P(StrictJsonRejects, WithMessageLineColumnAndPointer) {
  const Rejected& c = GetParam();
  const StrictJsonResult r = parse_strict_json(c.input);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.value.is_null());
  const JsonIssue& issue = r.issues.front();
  EXPECT_NE(issue.message.find(c.message_part), std::string::npos) << issue.message;
  EXPECT_EQ(issue.line, c.line) << issue.message;
  EXPECT_EQ(issue.column, c.column) << issue.message;
  EXPECT_EQ(issue.pointer, c.pointer) << issue.message;
  EXPECT_LE(issue.offset, c.input.size());
}

INSTANTIATE_TEST_SUITE_P(Table, StrictJsonRejects, testing::ValuesIn(kRejected),
                         [](const testing::TestParamInfo<Rejected>& info) {
                           return std::string(info.param.name);
                         });

/// An input the strict parser must accept, with its value printed by nlohmann's dump().
struct Accepted {
  const char* name;
  std::string input;
  std::string dump;
};

const Accepted kAccepted[] = {
    {"NegativeZero", "-0", "0"},
    {"ZeroWithHugeNegativeExponent", "0e-400", "0.0"},
    {"NegativeZeroFractionWithHugeExponent", "[-0.000e-999]", "[-0.0]"},
    {"SmallestSubnormal", "5e-324", "5e-324"},
    {"LargestDouble", "1.7976931348623157e308", "1.7976931348623157e+308"},
    {"Uint64Max", "18446744073709551615", "18446744073709551615"},
    {"Int64Min", "-9223372036854775808", "-9223372036854775808"},
    {"LeadingBom", "\xEF\xBB\xBF{\"a\": 1}", R"({"a":1})"},
    {"SurrogatePairEscape", R"("\ud83d\ude00")", "\"\xF0\x9F\x98\x80\""},
    {"VietnameseUtf8", "{\"t\\u1EC9nh\": \"\xC4\x90i\xE1\xBB\x87n Bi\xC3\xAAn\"}",
     "{\"t\xE1\xBB\x89nh\":\"\xC4\x90i\xE1\xBB\x87n Bi\xC3\xAAn\"}"},
    {"DepthSixtyFour", nested("[", 64, "]"), nested("[", 64, "]")},
    {"SameKeyInSiblingObjects", R"([{"a":1},{"a":2}])", R"([{"a":1},{"a":2}])"},
    {"EscapedSlashAndTildeKeys", R"({"a/b":1,"a~b":2})", R"({"a/b":1,"a~b":2})"},
    {"WhitespaceAround", " \r\n\t[ 1 ,\r\n 2 ]\n\n", "[1,2]"},
};

void PrintTo(const Accepted& c, std::ostream* os) {
  *os << c.name;
}

class StrictJsonAccepts : public testing::TestWithParam<Accepted> {};

TEST_P(StrictJsonAccepts, AndReturnsTheDocument) {
  const Accepted& c = GetParam();
  const StrictJsonResult r = parse_strict_json(c.input);
  ASSERT_TRUE(r.ok()) << format_error("input", r.issues.front());
  EXPECT_EQ(r.value.dump(), c.dump);
}

INSTANTIATE_TEST_SUITE_P(Table, StrictJsonAccepts, testing::ValuesIn(kAccepted),
                         [](const testing::TestParamInfo<Accepted>& info) {
                           return std::string(info.param.name);
                         });

TEST(StrictJson, CollectsSeveralIssuesInInputOrder) {
  const StrictJsonResult r =
      parse_strict_json("{\"a\": 1, \"a\": 2,\n \"b\": 1e-400, \"c\": 123456789012345678901}");
  ASSERT_EQ(r.issues.size(), 3U);
  EXPECT_EQ(r.issues[0].pointer, "/a");
  EXPECT_EQ(r.issues[1].pointer, "/b");
  EXPECT_EQ(r.issues[1].line, 2U);
  EXPECT_EQ(r.issues[2].pointer, "/c");
}

TEST(StrictJson, KeepsIssuesUpToTheCapAndCountsTheRest) {
  StrictJsonLimits limits;
  limits.max_issues = 2;
  const StrictJsonResult r = parse_strict_json(R"({"a":1,"a":2,"a":3,"a":4,"a":5})", limits);
  EXPECT_EQ(r.issues.size(), 2U);
  EXPECT_EQ(r.total_issues, 4U);
  std::string many = "{\"a\":0";
  for (int i = 0; i < 1000; ++i) many += ",\"a\":0";
  const StrictJsonResult d = parse_strict_json(many + "}");
  EXPECT_EQ(d.issues.size(), 20U);
  EXPECT_EQ(d.total_issues, 1000U);
}

TEST(StrictJson, RefusesASecondByteOrderMark) {
  const StrictJsonResult r = parse_strict_json("\xEF\xBB\xBF\xEF\xBB\xBF{}");
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_NE(r.issues[0].message.find("a second byte-order mark"), std::string::npos);
  EXPECT_EQ(r.issues[0].offset, 3U);
  EXPECT_EQ(r.issues[0].line, 1U);
  EXPECT_EQ(r.issues[0].column, 1U);
  EXPECT_TRUE(parse_strict_json("\xEF\xBB\xBF{}").ok());
  // Inside a string, U+FEFF is an ordinary (zero-width) character.
  EXPECT_TRUE(parse_strict_json("[\"\xEF\xBB\xBF\"]").ok());
}

TEST(StrictJson, RefusesAnEscapedNulInAValueOrAKey) {
  const StrictJsonResult value = parse_strict_json(R"({"name": "ab\u0000cd"})");
  ASSERT_EQ(value.issues.size(), 1U);
  EXPECT_NE(value.issues[0].message.find("escaped NUL character"), std::string::npos);
  EXPECT_EQ(value.issues[0].pointer, "/name");
  EXPECT_EQ(value.issues[0].column, 10U);
  const StrictJsonResult key = parse_strict_json("{\"a\\u0000\": 1}");
  ASSERT_EQ(key.issues.size(), 1U);
  EXPECT_NE(key.issues[0].message.find("escaped NUL character"), std::string::npos);
  EXPECT_TRUE(parse_strict_json(R"(["\u0001"])").ok());  // other escapes stay valid
}

TEST(StrictJson, RefusesNumberTokensLongerThanTheLimit) {
  const std::string digits(1'000'000, '0');
  for (const std::string& number : {"1." + digits, "0." + digits + "1", "1" + digits, "-1" + digits,
                                    "1" + digits + "e-999999"}) {
    const StrictJsonResult r = parse_strict_json("{\"x\": " + number + "}");
    ASSERT_FALSE(r.ok()) << number.substr(0, 10);
    EXPECT_NE(r.issues[0].message.find("is longer than the limit of 100"), std::string::npos)
        << r.issues[0].message;
    EXPECT_EQ(r.issues[0].pointer, "/x");
    EXPECT_EQ(r.issues[0].column, 7U);
    EXPECT_LT(r.issues[0].message.size(), 200U);  // the token is never quoted whole
  }
  const std::string ones(98, '1');
  EXPECT_TRUE(parse_strict_json("[1." + ones + "]").ok());  // 100 characters
  EXPECT_TRUE(parse_strict_json("[1234567890123456789]").ok());
  EXPECT_FALSE(parse_strict_json("[1." + ones + "1]").ok());  // 101
}

TEST(StrictJson, SingleLineEscapesEveryTerminalControlCharacter) {
  EXPECT_EQ(single_line("a\x1B[2Jb"), "a\\u001B[2Jb");
  EXPECT_EQ(single_line("x\x7Fy"), "x\\u007Fy");
  EXPECT_EQ(single_line("x\xC2\x9B"
                        "31m"),
            "x\\u009B31m");  // C1 CSI, UTF-8 encoded
  EXPECT_EQ(single_line("\xC4\x90i\xE1\xBB\x87n Bi\xC3\xAAn"),
            "\xC4\x90i\xE1\xBB\x87n Bi\xC3\xAAn");  // Vietnamese stays as it is
}

TEST(StrictJson, RefusesStringsAndKeysLongerThanTheLimit) {
  StrictJsonLimits limits;
  limits.max_string_bytes = 4;
  EXPECT_TRUE(parse_strict_json(R"({"abcd":"abcd"})", limits).ok());
  const StrictJsonResult value = parse_strict_json(R"({"a":["abcde"]})", limits);
  ASSERT_FALSE(value.ok());
  EXPECT_NE(value.issues[0].message.find("longer than the limit of 4 bytes"), std::string::npos);
  EXPECT_EQ(value.issues[0].pointer, "/a/0");
  EXPECT_EQ(value.issues[0].column, 7U);
  const StrictJsonResult key = parse_strict_json(R"({"abcde":1})", limits);
  ASSERT_FALSE(key.ok());
  EXPECT_NE(key.issues[0].message.find("key of 5 bytes"), std::string::npos);
}

TEST(StrictJson, RefusesContainersWithMoreElementsThanTheLimit) {
  StrictJsonLimits limits;
  limits.max_elements = 3;
  EXPECT_TRUE(parse_strict_json("[1,2,3]", limits).ok());
  const StrictJsonResult array = parse_strict_json(R"({"x":[1,2,3,4]})", limits);
  ASSERT_FALSE(array.ok());
  EXPECT_NE(array.issues[0].message.find("more than 3 elements"), std::string::npos);
  const StrictJsonResult object = parse_strict_json(R"({"a":1,"b":2,"c":3,"d":4})", limits);
  ASSERT_FALSE(object.ok());
  EXPECT_NE(object.issues[0].message.find("more than 3 members"), std::string::npos);
}

TEST(StrictJson, RefusesInputLargerThanTheLimitWithoutParsing) {
  StrictJsonLimits limits;
  limits.max_input_bytes = 8;
  const StrictJsonResult r = parse_strict_json("[1, 2, 3, 4]", limits);
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_EQ(r.issues[0].line, 0U);
  EXPECT_NE(r.issues[0].message.find("over the limit of 8 bytes"), std::string::npos);
}

TEST(StrictJson, ShortensTheQuotedTokenOfAnUnterminatedLongString) {
  // Built in steps: `"[\"" + std::string(...)` trips GCC 12's -Warray-bounds false positive.
  std::string text = "[\"";
  text.append(100000, 'x');
  const StrictJsonResult r = parse_strict_json(text);
  ASSERT_FALSE(r.ok());
  EXPECT_LT(r.issues[0].message.size(), 300U);
}

TEST(StrictJson, FormatsAnIssueOnOneLine) {
  const JsonIssue issue{"duplicate key \"k\"", 10, 2, 3, "/x/k\nl"};
  EXPECT_EQ(format_error("a.json", issue), "a.json:2:3: duplicate key \"k\" (at /x/k\\u000Al)");
  EXPECT_EQ(format_error("a.json", JsonIssue{"bad", 0, 1, 1, ""}),
            "a.json:1:1: bad (at the document root)");
  EXPECT_EQ(format_error("a.json", JsonIssue{"file not found", 0, 0, 0, std::nullopt}),
            "a.json: file not found");
}

TEST(StrictJson, FindsTheFirstInvalidUtf8Byte) {
  EXPECT_EQ(find_invalid_utf8(""), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("\xC4\x90i\xE1\xBB\x87n \xF0\x9F\x98\x80"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("\xF4\x8F\xBF\xBF"), std::string_view::npos);  // U+10FFFF
  EXPECT_EQ(find_invalid_utf8("ab\x80"), 2U);            // lone continuation byte
  EXPECT_EQ(find_invalid_utf8("a\xC1\xBF"), 1U);         // overlong 2-byte form
  EXPECT_EQ(find_invalid_utf8("\xE0\x9F\xBF"), 0U);      // overlong 3-byte form
  EXPECT_EQ(find_invalid_utf8("\xF0\x8F\xBF\xBF"), 0U);  // overlong 4-byte form
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0U);  // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("x\xE1\xBB"), 1U);         // cut short at the end
  EXPECT_EQ(find_invalid_utf8("\xE1"
                              "a"
                              "\xBB"),
            0U);  // interrupted sequence
}

TEST(StrictJson, EveryProperPrefixOfADocumentIsRefusedWithASaneLocation) {
  const std::string doc =
      "\xEF\xBB\xBF{\n  \"units\": [{\"id\": \"u1\", \"n\": -12.5e3, \"ok\": true},\r\n"
      "            {\"id\": \"\\u0110i\\u1ec7n\", \"x\": null, \"list\": [1, 2, [3]]}]\n}";
  ASSERT_TRUE(parse_strict_json(doc).ok());
  for (std::size_t n = 0; n < doc.size(); ++n) {
    const std::string prefix = doc.substr(0, n);
    const StrictJsonResult r = parse_strict_json(prefix);
    ASSERT_FALSE(r.ok()) << "prefix of " << n << " bytes";
    EXPECT_LE(r.issues[0].offset, prefix.size());
    EXPECT_GE(r.issues[0].line, 1U);
  }
}

TEST(StrictJson, RandomMutationsNeverCrashAndAgreeWithNlohmannWhenAccepted) {
  const std::string doc = R"({"a": [1, 2.5, "x\"y", {"b": null, "c": [true, false]}], "d": -7})";
  std::mt19937 rng(20240611);  // fixed seed: the test is deterministic
  const std::string alphabet = "{}[]\",:0123456789.eE-+ \\u\xC3\xA9\xFF\n";
  std::uniform_int_distribution<std::size_t> pick_char(0, alphabet.size() - 1);
  for (int round = 0; round < 3000; ++round) {
    std::string text = doc;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % (text.size() + 1);
      switch (rng() % 3) {
        case 0:
          text.insert(at, 1, alphabet[pick_char(rng)]);
          break;
        case 1:
          if (at < text.size()) text.erase(at, 1);
          break;
        default:
          if (at < text.size()) text[at] = alphabet[pick_char(rng)];
          break;
      }
    }
    const StrictJsonResult r = parse_strict_json(text);
    if (r.ok()) {
      EXPECT_EQ(r.value, nlohmann::json::parse(text)) << text;
    } else {
      EXPECT_LE(r.issues[0].offset, text.size()) << text;
      EXPECT_GE(r.issues[0].line, 1U) << text;
    }
  }
}

/// A fresh directory under this test's scratch folder (removed when the test passes).
std::filesystem::path scratch_dir(const std::string& name) {
  const std::filesystem::path dir =
      cadresim::testing_support::unique_temp_dir("strict-json") / name;
  std::filesystem::create_directories(dir);
  return dir;
}

void write_file(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

TEST(ReadJsonFile, ReadsAFile) {
  const auto dir = scratch_dir("reads");
  write_file(dir / "a.json", "{\"a\": [1, 2]}\n");
  const StrictJsonResult r = read_json_file(dir / "a.json");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value["a"][1], 2);
}

TEST(ReadJsonFile, ParsesTheWholeFileIncludingBytesAfterANul) {
  const auto dir = scratch_dir("nul");
  write_file(dir / "a.json", "{\"a\":1}\0{\"b\":2}"s);
  const StrictJsonResult r = read_json_file(dir / "a.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(format_error("a.json", r.issues[0]).substr(0, 13), "a.json:1:8: r");
}

TEST(ReadJsonFile, RefusesAMissingFileADirectoryAndATooLargeFile) {
  const auto dir = scratch_dir("refuses");
  const StrictJsonResult missing = read_json_file(dir / "nope.json");
  ASSERT_EQ(missing.issues.size(), 1U);
  EXPECT_EQ(missing.issues[0].message, "file not found");
  EXPECT_EQ(missing.issues[0].line, 0U);

  const StrictJsonResult directory = read_json_file(dir);
  ASSERT_EQ(directory.issues.size(), 1U);
  EXPECT_NE(directory.issues[0].message.find("directory"), std::string::npos);

  write_file(dir / "big.json", std::string(100, ' ') + "[]");
  StrictJsonLimits limits;
  limits.max_input_bytes = 50;
  const StrictJsonResult big = read_json_file(dir / "big.json", limits);
  ASSERT_EQ(big.issues.size(), 1U);
  EXPECT_NE(big.issues[0].message.find("over the limit of 50 bytes"), std::string::npos);
}

TEST(ReadJsonFile, RefusesANamedPipeWithoutWaitingForAWriter) {
  const auto dir = scratch_dir("fifo");
  const auto fifo = dir / "pipe.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const StrictJsonResult r = read_json_file(fifo);  // would block forever if opened normally
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_EQ(r.issues[0].message,
            "this is not a regular file (a named pipe); give the path of a file");
  const StrictJsonResult device = read_json_file("/dev/zero");
  ASSERT_EQ(device.issues.size(), 1U);
  EXPECT_NE(device.issues[0].message.find("a character device"), std::string::npos);
}

TEST(ReadJsonFile, RefusesAnUnreadableFile) {
  const auto dir = scratch_dir("unreadable");
  const auto file = dir / "secret.json";
  write_file(file, "{}");
  std::filesystem::permissions(file, std::filesystem::perms::none);
  if (std::ifstream(file).good()) {
    std::filesystem::permissions(file, std::filesystem::perms::owner_all);
    GTEST_SKIP() << "running with privileges that ignore file permissions";
  }
  const StrictJsonResult r = read_json_file(file);
  std::filesystem::permissions(file, std::filesystem::perms::owner_all);
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_NE(r.issues[0].message.find("cannot open"), std::string::npos);
}

}  // namespace
