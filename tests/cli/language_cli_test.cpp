// `--lang vi|en` and CADRESIM_LANG (docs/cli.md § Language): the summary, report.html and the
// main messages in Vietnamese from the message catalog; report.json stays language-neutral.
#include <gtest/gtest.h>

#include "cli_test_support.hpp"

#include <filesystem>
#include <fstream>  // the variant
#include <nlohmann/json.hpp>
#include <sstream>  // lines of stderr
#include <string>

#include "analysis/messages.hpp"  // the catalog: no English text of it is left in Vietnamese

namespace fs = std::filesystem;

namespace {

using cadresim::analysis::Lang;
using cadresim::analysis::message_catalog;
using cadresim::analysis::tr;
using cadresim::clitest::CliRun;
using cadresim::clitest::q;
using cadresim::clitest::run_cadresim;
using cadresim::clitest::scratch_path;
using cadresim::clitest::slurp;

using cadresim::clitest::kSmall;
using cadresim::clitest::kSource;

/// report.html without its embedded data and script: the text a reader sees.
std::string visible_html(const std::string& html) {
  return html.substr(0, html.find("<script"));
}

/// The English texts of the catalog found in `text` (those long enough to be unambiguous and
/// without placeholders or markup, which are checked by their parts).
std::string english_leftovers(const std::string& text) {
  std::string found;
  for (const auto& e : message_catalog()) {
    const std::string en(e.en);
    if (en.size() < 14 || en.find('{') != std::string::npos || en.find('<') != std::string::npos ||
        en.find('&') != std::string::npos)
      continue;
    if (text.find(en) != std::string::npos) found += "\n  " + std::string(e.id) + ": " + en;
  }
  return found;
}

TEST(Language, RunInVietnameseHasVietnameseSummaryAndReport) {
  const fs::path out = scratch_path("lang", "out");
  const CliRun r = run_cadresim("run " + q(kSmall) + " -n 10 --lang vi --out " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* id : {"metric.vacancies_key_run_mean", "metric.successor_coverage_1_run_mean",
                         "metric.rotations", "summary.end_values"})
    EXPECT_NE(r.out.find(tr(Lang::kVi, id)), std::string::npos) << id << "\n" << r.out;
  EXPECT_NE(r.out.find("Giai đoạn"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Báo cáo: "), std::string::npos) << r.out;
  EXPECT_EQ(english_leftovers(r.out), "");
  const std::string html = slurp(out / "report.html");
  EXPECT_NE(html.find("<html lang=\"vi\">"), std::string::npos);
  const std::string page = visible_html(html);
  for (const char* id : {"html.key.title", "html.howto.title", "html.nav.rotations",
                         "metric.vacancies_key_run_mean", "html.col.indicator"})
    EXPECT_NE(page.find(tr(Lang::kVi, id)), std::string::npos) << id;
  EXPECT_EQ(english_leftovers(page), "");
  // report.json stays language-neutral: ids and raw numbers, as in English.
  const std::string json = slurp(out / "report.json");
  EXPECT_EQ(json.find("Chức danh"), std::string::npos);
  fs::remove_all(out);
}

TEST(Language, CompareInVietnameseGivesVerdictsInVietnamese) {
  const fs::path dir = scratch_path("lang", "dir"), out = dir / "out";
  fs::create_directories(dir);
  fs::copy_file(kSmall, dir / "base.json");
  std::ofstream(dir / "variant.json")
      << R"({"extends": "base.json", "name": "Hỗ trợ cán bộ luân chuyển",)"
      << R"( "attrition": {"rate_per_year_by_level": {"commune": 0.08}}})";
  const CliRun r = run_cadresim("compare " + q(dir / "base.json") + " " + q(dir / "variant.json") +
                                " -n 10 --lang vi --out " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(" so với "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(tr(Lang::kVi, "summary.compare.verdict")), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("no clear difference"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("better"), std::string::npos) << r.out;
  EXPECT_EQ(english_leftovers(r.out), "");
  const std::string page = visible_html(slurp(out / "report.html"));
  EXPECT_NE(page.find(tr(Lang::kVi, "html.diff.title")), std::string::npos);
  EXPECT_EQ(english_leftovers(page), "");
  fs::remove_all(dir);
}

// A bad scenario under --lang vi: the same problems, each with the same file and JSON pointer,
// the sentence in Vietnamese (from the catalog's problem.* rows); English is as it always was.
TEST(Language, ScenarioProblemsAreInTheChosenLanguageWithTheSameFileAndPointer) {
  const fs::path dir = scratch_path("lang", "bad"), out = dir / "out";
  fs::create_directories(dir);
  nlohmann::json doc = nlohmann::json::parse(slurp(kSmall));
  doc["name"] = 5;                                 // must be a string, found an integer
  doc["calendr"] = 1;                              // unknown key (did you mean "calendar"?)
  doc["attrition"]["rate_per_year_by_level"] = 1;  // must be an object, found an integer
  std::ofstream(dir / "bad.json") << doc.dump(2);
  const std::string command = "run " + q(dir / "bad.json") + " -n 2 -q --out " + q(out);
  const CliRun en = run_cadresim(command + " --lang en");
  const CliRun vi = run_cadresim(command + " --lang vi");
  EXPECT_EQ(en.exit_code, 3);
  EXPECT_EQ(vi.exit_code, 3);
  EXPECT_FALSE(fs::exists(out));
  const auto lines = [](const std::string& text) {
    std::vector<std::string> v;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) v.push_back(l);
    return v;
  };
  const auto en_lines = lines(en.err), vi_lines = lines(vi.err);
  ASSERT_EQ(en_lines.size(), 4u) << en.err;  // three problems and the closing line
  ASSERT_EQ(vi_lines.size(), en_lines.size()) << vi.err;
  const std::string file = (dir / "bad.json").string();
  EXPECT_NE(en.err.find(file + ": /calendr: unknown key \"calendr\" (did you mean \"calendar\"?)"),
            std::string::npos)
      << en.err;
  EXPECT_NE(en.err.find(file + ": /name: must be a string, found an integer"), std::string::npos)
      << en.err;
  EXPECT_NE(vi.err.find(file + ": /calendr: khóa không xác định \"calendr\" (có phải là "
                               "\"calendar\"?)"),
            std::string::npos)
      << vi.err;
  EXPECT_NE(vi.err.find(file + ": /name: phải là một chuỗi, nhận được một số nguyên"),
            std::string::npos)
      << vi.err;
  for (std::size_t i = 0; i + 1 < en_lines.size(); ++i) {
    // "file: pointer: " is the same; the sentence after it is not.
    const auto cut = en_lines[i].find(": ", file.size() + 2);
    ASSERT_NE(cut, std::string::npos) << en_lines[i];
    EXPECT_EQ(vi_lines[i].substr(0, cut + 2), en_lines[i].substr(0, cut + 2));
    EXPECT_NE(vi_lines[i], en_lines[i]);
  }
  EXPECT_EQ(english_leftovers(vi.err), "");
  fs::remove_all(dir);
}

// A bad --set and a bad JSON Patch in a variant under --lang vi: each problem at the same file
// and pointer as in English, its sentence from the catalog (problem.set.*, problem.patch.*).
TEST(Language, ABadSetOrPatchVariantIsReportedInVietnameseAtTheSamePointer) {
  const fs::path out = scratch_path("lang", "set");
  const std::string run = "run " + q(kSmall) + " -n 1 -q --out " + q(out);
  const CliRun set_en = run_cadresim(run + " --set /support/nope/x=1");
  const CliRun set_vi = run_cadresim(run + " --set /support/nope/x=1 --lang vi");
  EXPECT_EQ(set_en.exit_code, 3) << set_en.err;
  EXPECT_EQ(set_vi.exit_code, set_en.exit_code) << set_vi.err;
  const std::string at = kSmall.string() + ": /support/nope/x: ";
  EXPECT_NE(set_en.err.find(at + "--set: this pointer does not resolve in the resolved scenario"),
            std::string::npos)
      << set_en.err;
  EXPECT_NE(set_vi.err.find(at + "--set: con trỏ này không trỏ đến giá trị nào"), std::string::npos)
      << set_vi.err;
  const CliRun form_vi = run_cadresim(run + " --set nope --lang vi");
  EXPECT_EQ(form_vi.exit_code, 2) << form_vi.err;
  EXPECT_NE(form_vi.err.find("--set \"nope\" không có dạng /con_trỏ=giá_trị"), std::string::npos)
      << form_vi.err;
  EXPECT_FALSE(fs::exists(out));

  const fs::path dir = scratch_path("lang", "patch");
  fs::create_directories(dir);
  fs::copy_file(kSmall, dir / "base.json");  // a base a variant may refer to: its folder
  const fs::path variant = dir / "variant.json";
  std::ofstream(variant) << nlohmann::json{
      {"extends", "base.json"},
      {"json_patch",
       {{{"op", "replace"}, {"path", "/support/top_up_vnd_per_month"}, {"value", 1}, {"valeu", 2}},
        {{"op", "remove"},
         {"path", "/nosuch"}}}}}.dump(2);
  const CliRun en = run_cadresim("validate " + q(variant));
  const CliRun vi = run_cadresim("validate " + q(variant) + " --lang vi");
  EXPECT_EQ(en.exit_code, 3) << en.err;
  EXPECT_EQ(vi.exit_code, en.exit_code) << vi.err;
  const std::string file = variant.string();
  EXPECT_NE(en.err.find(file + ": /json_patch/0/valeu: unknown key \"valeu\" in a JSON Patch "
                               "operation"),
            std::string::npos)
      << en.err;
  EXPECT_NE(vi.err.find(file + ": /json_patch/0/valeu: khóa \"valeu\" không hợp lệ trong một "
                               "thao tác JSON Patch"),
            std::string::npos)
      << vi.err;
  EXPECT_NE(en.err.find(file + ": /json_patch/1: cannot apply \"remove\" at \"/nosuch\": "),
            std::string::npos)
      << en.err;
  EXPECT_NE(vi.err.find(file + ": /json_patch/1: không thể áp dụng \"remove\" tại \"/nosuch\": "),
            std::string::npos)
      << vi.err;
  fs::remove_all(dir);
}

TEST(Language, VietnameseNumbersUseADecimalComma) {
  const fs::path out = scratch_path("lang", "out");
  const CliRun r = run_cadresim("run " + q(kSmall) + " -n 10 --lang vi --out " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // "Chi phí hỗ trợ cả kỳ, triệu đồng  1.234,5 [1.100,0; 1.300,2]": a decimal comma and a
  // semicolon between the bounds; never an English "1,234.5".
  const std::string label(tr(Lang::kVi, "metric.vacancies_run_mean"));
  const auto pos = r.out.find(label);
  ASSERT_NE(pos, std::string::npos) << r.out;
  const std::string line = r.out.substr(pos, r.out.find('\n', pos) - pos);
  EXPECT_NE(line.find(','), std::string::npos) << line;
  EXPECT_NE(line.find("; "), std::string::npos) << line;
  EXPECT_EQ(line.find('.'), std::string::npos) << line;  // values under 1,000 here
  fs::remove_all(out);
}

TEST(Language, TheEnvironmentChoosesTheLanguageAndTheOptionWins) {
  const fs::path out = scratch_path("lang", "out");
  const CliRun vi =
      run_cadresim("run " + q(kSmall) + " -n 10 -q --out " + q(out), "", "CADRESIM_LANG=vi ");
  ASSERT_EQ(vi.exit_code, 0) << vi.err;
  EXPECT_NE(slurp(out / "summary.txt").find("Giai đoạn"), std::string::npos);
  const CliRun en =
      run_cadresim("run " + q(kSmall) + " -n 10 -q --lang en --overwrite --out " + q(out), "",
                   "CADRESIM_LANG=vi ");
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_NE(slurp(out / "summary.txt").find("Period"), std::string::npos);
  fs::remove_all(out);
}

// Without --lang and CADRESIM_LANG the locale decides (LC_ALL, LC_MESSAGES, LANG: the first
// set); CADRESIM_LANG wins over it. (run_cadresim sets LC_ALL=C.UTF-8 first; `env` overrides.)
TEST(Language, TheLocaleChoosesWhenNothingElseDoes) {
  const fs::path out = scratch_path("lang", "out");
  const CliRun vi =
      run_cadresim("run " + q(kSmall) + " -n 10 -q --out " + q(out), "", "LC_ALL=vi_VN.UTF-8 ");
  ASSERT_EQ(vi.exit_code, 0) << vi.err;
  EXPECT_NE(slurp(out / "summary.txt").find("Giai đoạn"), std::string::npos);
  const CliRun messages = run_cadresim("run " + q(kSmall) + " -n 10 -q --overwrite --out " + q(out),
                                       "", "LC_ALL= LC_MESSAGES=vi_VN.UTF-8 LANG=en_US.UTF-8 ");
  ASSERT_EQ(messages.exit_code, 0) << messages.err;
  EXPECT_NE(slurp(out / "summary.txt").find("Giai đoạn"), std::string::npos);
  const CliRun en = run_cadresim("run " + q(kSmall) + " -n 10 -q --overwrite --out " + q(out), "",
                                 "LC_ALL=vi_VN.UTF-8 CADRESIM_LANG=en ");
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_NE(slurp(out / "summary.txt").find("Period"), std::string::npos);
  fs::remove_all(out);
}

TEST(Language, AnUnknownLanguageIsAUsageError) {
  const fs::path out = scratch_path("lang", "out");
  for (const char* command : {"run", "compare baseline"}) {
    const CliRun r = run_cadresim(std::string(command) + " -n 2 --lang xx --out " + q(out));
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find("--lang must be en or vi, got 'xx'"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out));
  }
  const CliRun env = run_cadresim("run -n 2 --out " + q(out), "", "CADRESIM_LANG=fr ");
  EXPECT_EQ(env.exit_code, 2);
  EXPECT_NE(env.err.find("CADRESIM_LANG must be en or vi, got 'fr'"), std::string::npos) << env.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST(Language, MainMessagesAreInVietnamese) {
  const CliRun r = run_cadresim("run -n 0 --lang vi");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("phải là số nguyên từ 1 đến"), std::string::npos) << r.err;
  const CliRun unknown = run_cadresim("nosuch", "", "CADRESIM_LANG=vi ");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("không có lệnh 'nosuch'"), std::string::npos) << unknown.err;
}

// The usage errors of the subcommands come from the catalog too (cli.*): in Vietnamese with its
// diacritics, the same exit code as in English, and no English sentence left.
TEST(Language, UsageErrorsOfEverySubcommandAreInVietnamese) {
  struct Case {
    std::string args, vi, en;
  };
  const std::vector<Case> cases{
      {"run -n 2 --overwrite", "cadresim run: --overwrite chỉ dùng được cùng với --out",
       "cadresim run: --overwrite only applies with --out"},
      {"run --save-state s.bin", "cadresim run: --save-state cần --until DATE (ngày của trạng thái",
       "cadresim run: --save-state needs --until DATE"},
      {"compare", "cadresim compare: hãy cho một kịch bản gốc và ít nhất một phương án",
       "cadresim compare: give a base and at least one variant"},
      {"markov", "cadresim markov: cần đúng một tệp đầu vào, nhận được 0",
       "cadresim markov: expected exactly one input file, got 0"},
      {"validate --at 2020-13-01", "cadresim validate: --at phải là ngày dạng YYYY-MM-DD",
       "cadresim validate: --at must be a date YYYY-MM-DD"},
      {"rerun", "cadresim rerun: hãy cho thư mục của lần chạy cần chạy lại",
       "cadresim rerun: give the run folder to repeat"},
  };
  for (const auto& c : cases) {
    // CADRESIM_LANG: markov and rerun have no --lang (their outputs are language-neutral).
    const CliRun vi = run_cadresim(c.args, "", "CADRESIM_LANG=vi ");
    const CliRun en = run_cadresim(c.args, "", "CADRESIM_LANG=en ");
    EXPECT_NE(vi.exit_code, 0) << c.args;
    EXPECT_EQ(vi.exit_code, en.exit_code) << c.args;
    EXPECT_NE(vi.err.find(c.vi), std::string::npos) << c.args << ": " << vi.err;
    EXPECT_EQ(vi.err.find(c.en), std::string::npos) << c.args << ": " << vi.err;
    EXPECT_NE(en.err.find(c.en), std::string::npos) << c.args << ": " << en.err;
  }
}

}  // namespace
