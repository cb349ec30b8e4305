// The report's page template (analysis/report/html_template.hpp): values, optional sections,
// comments, and loud failure on a broken template. The shipped template itself is covered by
// report_html_test.cpp through the whole page.
#include <gtest/gtest.h>

#include <stdexcept>  // std::logic_error
#include <string>

#include "analysis/report/html_template.hpp"
#include "analysis/report/resources.hpp"

using cadresim::analysis::html::fill_template;

TEST(HtmlTemplate, ReplacesValuesAndKeepsTheRestByteForByte) {
  EXPECT_EQ(fill_template("<p>{{a}} and {{b}}</p>\n", {{"a", "x"}, {"b", "{{c}}"}}, {}),
            "<p>x and {{c}}</p>\n");  // a value is inserted as is, never scanned for tags
}

TEST(HtmlTemplate, KeepsASectionOnlyWhenItsFlagIsSet) {
  const char* tpl = "a{{#f}}b{{#g}}c{{/g}}{{/f}}d";
  EXPECT_EQ(fill_template(tpl, {}, {{"f", true}, {"g", true}}), "abcd");
  EXPECT_EQ(fill_template(tpl, {}, {{"f", true}, {"g", false}}), "abd");
  EXPECT_EQ(fill_template(tpl, {}, {{"f", false}, {"g", true}}), "ad");
}

TEST(HtmlTemplate, DropsCommentsWithTheirLineEnd) {
  EXPECT_EQ(fill_template("{{! about {{x}} !}}\nbody\n", {}, {}), "body\n");
  EXPECT_EQ(fill_template("a{{! note !}}b", {}, {}), "ab");
}

TEST(HtmlTemplate, ABrokenTemplateThrows) {
  EXPECT_THROW(fill_template("{{missing}}", {}, {}), std::logic_error);
  EXPECT_THROW(fill_template("{{#f}}never closed", {}, {{"f", true}}), std::logic_error);
  EXPECT_THROW(fill_template("{{#f}}x{{/f}}", {}, {}), std::logic_error);
  EXPECT_THROW(fill_template("x{{/f}}", {}, {}), std::logic_error);
  EXPECT_THROW(fill_template("{{open", {}, {}), std::logic_error);
  EXPECT_THROW(fill_template("{{! open", {}, {}), std::logic_error);
}

TEST(HtmlTemplate, ResourcesAreEmbeddedWhole) {
  using namespace cadresim::embedded;
  EXPECT_EQ(report_template.substr(0, 3), "{{!");
  EXPECT_EQ(report_template.substr(report_template.size() - 8), "</html>\n");
  EXPECT_EQ(report_css.substr(0, 5), ":root");
  EXPECT_EQ(report_js.substr(0, 30), "// Draws report.html's charts ");
  EXPECT_EQ(report_js.substr(report_js.size() - 6), "})();\n");
  EXPECT_EQ(charts_js.substr(0, 18), "// CadresimCharts:");
  EXPECT_EQ(charts_js.substr(charts_js.size() - 12), "})(window);\n");
  // Chart.js as Debian ships it, licence header first, every byte (about 200 kB).
  EXPECT_EQ(chartjs.substr(0, 19), "/*!\n * Chart.js v3.");
  EXPECT_GT(chartjs.size(), 150000u);
  EXPECT_EQ(chartjs.substr(chartjs.size() - 5), "}));\n");
  EXPECT_EQ(chartjs.find('\0'), std::string_view::npos);
}
