#include "sim/scenario/csv.hpp"

#include <gtest/gtest.h>

#include <filesystem>  // temporary files for read_csv_file
#include <fstream>     // std::ofstream
#include <string>
#include <vector>

#include "../test_scratch.hpp"  // unique_temp_dir: scratch per test and process

using namespace cadresim::scenario;
using namespace std::string_literals;  // "..."s keeps embedded NUL bytes

namespace {

using Rows = std::vector<std::vector<std::string>>;
using Lines = std::vector<std::size_t>;

/// CSV text the reader must accept, with the table it must return.
struct CsvAccepted {
  const char* name;
  std::string input;
  std::vector<std::string> header;
  Rows rows;
  Lines row_lines;
};

const CsvAccepted kCsvAccepted[] = {
    {"LfLineEnds", "id,name\n1,An\n2,Binh\n", {"id", "name"}, {{"1", "An"}, {"2", "Binh"}}, {2, 3}},
    {"CrlfLineEnds",
     "id,name\r\n1,An\r\n2,Binh\r\n",
     {"id", "name"},
     {{"1", "An"}, {"2", "Binh"}},
     {2, 3}},
    {"MixedLineEnds",
     "id,name\r\n1,An\n2,Binh\r3,Chi",
     {"id", "name"},
     {{"1", "An"}, {"2", "Binh"}, {"3", "Chi"}},
     {2, 3, 4}},
    {"NoFinalLineEnd", "a,b\n1,2", {"a", "b"}, {{"1", "2"}}, {2}},
    {"LeadingBom", "\xEF\xBB\xBFid,name\n1,An\n", {"id", "name"}, {{"1", "An"}}, {2}},
    {"QuotedComma",
     "id,name\n1,\"Nguyen, Van A\"\n",
     {"id", "name"},
     {{"1", "Nguyen, Van A"}},
     {2}},
    {"DoubledQuotes",
     "id,note\n1,\"said \"\"yes\"\"\"\n",
     {"id", "note"},
     {{"1", "said \"yes\""}},
     {2}},
    {"EmbeddedNewlinesKeepPhysicalLineNumbers",
     "id,note\n1,\"two\r\nlines\"\n2,\"three\nline\nnote\"\n3,x\n",
     {"id", "note"},
     {{"1", "two\nlines"}, {"2", "three\nline\nnote"}, {"3", "x"}},
     {2, 4, 7}},
    {"QuotedHeader", "\"id\",\"full name\"\n1,An\n", {"id", "full name"}, {{"1", "An"}}, {2}},
    {"EmptyAndQuotedEmptyFields",
     "a,b,c\n,,\n\"\",x,\"\"\n",
     {"a", "b", "c"},
     {{"", "", ""}, {"", "x", ""}},
     {2, 3}},
    {"SpacesArePartOfValues", "a,b\n 1 , 2\n", {"a", "b"}, {{" 1 ", " 2"}}, {2}},
    {"TrailingBlankLines", "a,b\n1,2\n\n\r\n", {"a", "b"}, {{"1", "2"}}, {2}},
    {"HeaderOnly", "a,b\n", {"a", "b"}, {}, {}},
    {"SingleColumnWithQuotedEmptyValue",
     "name\nAn\n\"\"\nBinh\n",
     {"name"},
     {{"An"}, {""}, {"Binh"}},
     {2, 3, 4}},
    {"VietnameseUtf8",
     "t\xE1\xBB\x89nh,\xC4\x91\xC6\xA1n v\xE1\xBB\x8B\n\xC4\x90i\xE1\xBB\x87n Bi\xC3\xAAn,x\n",
     {"t\xE1\xBB\x89nh", "\xC4\x91\xC6\xA1n v\xE1\xBB\x8B"},
     {{"\xC4\x90i\xE1\xBB\x87n Bi\xC3\xAAn", "x"}},
     {2}},
};

/// Names the case in GoogleTest's failure messages instead of dumping its bytes.
void PrintTo(const CsvAccepted& c, std::ostream* os) {
  *os << c.name;
}

class CsvAccepts : public testing::TestWithParam<CsvAccepted> {};

TEST_P(CsvAccepts, AndReturnsHeaderRowsAndStartLines) {
  const CsvAccepted& c = GetParam();
  const CsvResult r = read_csv(c.input);
  ASSERT_TRUE(r.ok()) << format_error("input.csv", r.issues.front());
  EXPECT_EQ(r.table.header, c.header);
  EXPECT_EQ(r.table.rows, c.rows);
  EXPECT_EQ(r.table.row_lines, c.row_lines);
}

INSTANTIATE_TEST_SUITE_P(Table, CsvAccepts, testing::ValuesIn(kCsvAccepted),
                         [](const testing::TestParamInfo<CsvAccepted>& info) {
                           return std::string(info.param.name);
                         });

/// One expected issue: its line and a part of its message.
struct Expected {
  std::size_t line;
  const char* message_part;
};

/// CSV text the reader must refuse, with every issue it must report, in order.
struct CsvRejected {
  const char* name;
  std::string input;
  std::vector<Expected> issues;
};

const CsvRejected kCsvRejected[] = {
    {"RaggedRow", "a,b,c\n1,2,3\n4,5\n", {{3, "expected 3 fields (as in the header), found 2"}}},
    {"SeveralRaggedRowsAreAllReported",
     "a,b\n1\n2,3\n4,5,6\n7,8\n",
     {{2, "expected 2 fields (as in the header), found 1"},
      {4, "expected 2 fields (as in the header), found 3"}}},
    {"RaggedRowAfterMultiLineField", "a,b\n1,\"x\ny\"\n2\n", {{4, "found 1"}}},
    {"NulByte", "a,b\n1,2\n3,\0\n"s, {{3, "NUL byte"}}},
    {"Utf16Bom",
     "\xFF\xFE"
     "a\0,\0b\0"s,
     {{1, "UTF-16"}}},
    {"EmptyHeaderName", "id,,name\n1,2,3\n", {{1, "header column 2 has no name"}}},
    {"BlankHeaderName", "id, \n1,2\n", {{1, "header column 2 has no name"}}},
    {"DuplicateHeaderNames",
     "id,name,id,name\n",
     {{1,
       "header column 3 repeats the name \"id\" of "
       "column 1"},
      {1, "column 4 repeats the name \"name\""}}},
    {"Windows1258Export",
     "id,name\n1,An\n2,\xD0i\xEA\xF2n Bi\xEAn\n",
     {{3,
       "not valid UTF-8 (byte 0xD0); the file looks like a Windows-1258 (or other legacy) "
       "export: save it as UTF-8"}}},
    {"MostlyUtf8WithOneBadByte",
     "name\n\xC4\x90i\xE1\xBB\x87n\n\xC4\x90i\xE1\xBB\x87n\nx\xE9y\n",
     {{4, "the file mixes UTF-8 with another encoding or is damaged"}}},
    {"UnterminatedQuotedField",
     "id,note\n1,ok\n2,\"starts here\n3,x\n4,y\n",
     {{3, "unterminated quoted field: the quote opened on line 3 is never closed"}}},
    {"QuoteInsideUnquotedField",
     "id,name\n1,Nguyen \"Ba\" An\n2,x\n",
     {{2, "field 2 has a quote in the middle of an unquoted value"}}},
    {"TextAfterClosingQuote",
     "id,name\n1,\"An\"x,\n2,y\n",
     {{2, "field 2 has text after its closing quote"}}},
    {"BlankLineBetweenRows", "a,b\n1,2\n\n3,4\n", {{3, "blank line between rows"}}},
    {"BlankLineBeforeHeader", "\na,b\n1,2\n", {{1, "blank line before the header row"}}},
    {"EmptyFile", "", {{0, "the file is empty"}}},
    {"OnlyBom", "\xEF\xBB\xBF", {{0, "the file is empty"}}},
    {"OnlyBlankLines", "\n\r\n", {{0, "the file is empty"}}},
    {"ProblemsInHeaderAndRowsTogether", "a,a\n1\n", {{1, "repeats"}, {2, "found 1"}}},
    {"RawTabInAField", "id,name\n1,Nguyen\tAn\n", {{2, "field 2 contains a TAB character"}}},
    {"RawTabInAQuotedField", "id,name\n1,\"Nguyen\tAn\"\n", {{2, "field 2 contains a TAB"}}},
    {"TabSeparatedFile", "id\tname\n1\tAn\n", {{1, "is this a tab-separated file?"}, {2, "TAB"}}},
    {"EscapeCharacterInAField",
     "id,name\n1,\x1B[31mAn\n",
     {{2, "field 2 contains the control character 0x1B"}}},
    {"DeleteCharacterInAField", "id,name\n1,A\x7F\n", {{2, "control character 0x7F"}}},
    {"ControlCharacterInTheHeader", "id,na\x01me\n", {{1, "control character 0x01"}}},
    {"OneProblemPerField", "id,name\n1,\x01\x02\x03\n", {{2, "0x01"}}},
};

/// Names the case in GoogleTest's failure messages instead of dumping its bytes.
void PrintTo(const CsvRejected& c, std::ostream* os) {
  *os << c.name;
}

class CsvRejects : public testing::TestWithParam<CsvRejected> {};

TEST_P(CsvRejects, WithEveryIssueAndItsLine) {
  const CsvRejected& c = GetParam();
  const CsvResult r = read_csv(c.input);
  ASSERT_EQ(r.issues.size(), c.issues.size());
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    EXPECT_EQ(r.issues[i].line, c.issues[i].line) << r.issues[i].message;
    EXPECT_NE(r.issues[i].message.find(c.issues[i].message_part), std::string::npos)
        << r.issues[i].message;
  }
  EXPECT_TRUE(r.table.header.empty());
  EXPECT_TRUE(r.table.rows.empty());
}

INSTANTIATE_TEST_SUITE_P(Table, CsvRejects, testing::ValuesIn(kCsvRejected),
                         [](const testing::TestParamInfo<CsvRejected>& info) {
                           return std::string(info.param.name);
                         });

TEST(Csv, ListsAtMostTheCapAndGivesTheTotal) {
  std::string text = "a,b\n";
  for (int i = 0; i < 150; ++i) text += "1\n";
  const CsvResult r = read_csv(text);
  ASSERT_EQ(r.issues.size(), 21U);
  EXPECT_EQ(r.issues[19].line, 21U);
  EXPECT_EQ(r.issues[20].line, 0U);
  EXPECT_EQ(r.issues[20].message, "150 problems in all; only the first 20 are listed");
}

TEST(Csv, DoesNotSayTheListWasCutWhenItHoldsExactlyTheCap) {
  CsvLimits limits;
  limits.max_issues = 2;
  const CsvResult r = read_csv("a,b\n1\n2\n", limits);
  EXPECT_EQ(r.issues.size(), 2U);
}

TEST(Csv, RefusesAFieldLongerThanTheLimitOnce) {
  const std::string big(2 * 1024 * 1024, 'x');  // 2 MiB, over the default 64 KiB
  for (const std::string& field : {big, "\"" + big + "\""}) {
    const CsvResult r = read_csv("id,name\n1," + field + "\n2,ok\n");
    ASSERT_EQ(r.issues.size(), 1U) << r.issues[1].message;
    EXPECT_EQ(r.issues[0].line, 2U);
    EXPECT_EQ(r.issues[0].message, "field 2 is longer than the limit of 65536 bytes");
  }
  CsvLimits limits;
  limits.max_field_bytes = 3;
  EXPECT_TRUE(read_csv("a,b\n1,abc\n", limits).ok());
  EXPECT_FALSE(read_csv("a,b\n1,abcd\n", limits).ok());
}

TEST(Csv, LineBreaksInsideQuotesAreDataNotControlCharacters) {
  const CsvResult r = read_csv("id,note\n1,\"two\r\nlines\"\n");
  ASSERT_TRUE(r.ok()) << r.issues[0].message;
  EXPECT_EQ(r.table.rows[0][1], "two\nlines");
}

// 100,000 header columns, every one a duplicate: read in linear time (the old pairwise check
// took 12 s) and reported as the first 20 problems and a total, not 100,000 lines.
TEST(Csv, AHugeHeaderOfDuplicatesIsReportedAsTwentyProblemsAndATotal) {
  std::string text = "id";
  for (int i = 0; i < 100'000; ++i) text += ",id";
  const CsvResult r = read_csv(text + "\n");
  ASSERT_EQ(r.issues.size(), 21U);
  EXPECT_EQ(r.issues[0].message, "header column 2 repeats the name \"id\" of column 1");
  EXPECT_EQ(r.issues[20].message, "100000 problems in all; only the first 20 are listed");
}

TEST(Csv, RefusesInputLargerThanTheLimit) {
  CsvLimits limits;
  limits.max_input_bytes = 4;
  const CsvResult r = read_csv("a,b\n1,2\n", limits);
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_NE(r.issues[0].message.find("over the limit of 4 bytes"), std::string::npos);
}

TEST(Csv, FormatsAnIssueOnOneLine) {
  EXPECT_EQ(format_error("r.csv", CsvIssue{"header column 2 repeats the name \"a\nb\"", 1}),
            "r.csv:1: header column 2 repeats the name \"a\\u000Ab\"");
  EXPECT_EQ(format_error("r.csv", CsvIssue{"file not found", 0}), "r.csv: file not found");
}

std::filesystem::path csv_scratch_dir(const std::string& name) {
  const std::filesystem::path dir = cadresim::testing_support::unique_temp_dir("csv") / name;
  std::filesystem::create_directories(dir);
  return dir;
}

TEST(ReadCsvFile, ReadsAFileInBinaryMode) {
  const auto dir = csv_scratch_dir("reads");
  std::ofstream(dir / "r.csv", std::ios::binary) << "id,name\r\n1,\"a\r\nb\"\r\n";
  const CsvResult r = read_csv_file(dir / "r.csv");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.table.rows, (Rows{{"1", "a\nb"}}));
}

TEST(ReadCsvFile, RefusesAMissingFileAndADirectory) {
  const auto dir = csv_scratch_dir("refuses");
  const CsvResult missing = read_csv_file(dir / "nope.csv");
  ASSERT_EQ(missing.issues.size(), 1U);
  EXPECT_EQ(missing.issues[0].message, "file not found");
  EXPECT_EQ(missing.issues[0].line, 0U);
  const CsvResult directory = read_csv_file(dir);
  ASSERT_EQ(directory.issues.size(), 1U);
  EXPECT_NE(directory.issues[0].message.find("directory"), std::string::npos);
}

}  // namespace
