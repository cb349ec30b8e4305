// The workspace page's words (workspace/page_words.hpp) are the message catalog's: page.* under
// their id without "page.", metric.* as "m_...", lever.* as "t_..."; every word the page asks for
// is there in both languages.
#include <gtest/gtest.h>

#include <fstream>   // reading the page
#include <iterator>  // std::istreambuf_iterator
#include <nlohmann/json.hpp>
#include <regex>  // the page's keys
#include <string>

#include "analysis/messages.hpp"
#include "workspace/page_words.hpp"

namespace cadresim::workspace {
namespace {

using analysis::Lang;
using analysis::tr;

nlohmann::json words() {
  const std::string script = page_words_script();
  const auto start = script.find('{');
  const auto end = script.rfind('}');
  return nlohmann::json::parse(script.substr(start, end - start + 1));
}

std::string slurp(const char* relative) {
  std::ifstream in(std::string(CADRESIM_SOURCE_DIR) + "/" + relative, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(WorkspacePageWords, AreTheCatalogsTextsInBothLanguages) {
  const auto w = words();
  EXPECT_EQ(w["en"]["title"], tr(Lang::kEn, "page.title"));
  EXPECT_EQ(w["vi"]["title"], tr(Lang::kVi, "page.title"));
  EXPECT_EQ(w["vi"]["grant_band"], "từ {km} km");
  // One vocabulary: the page's measure and lever names are the summary's and the stories'.
  EXPECT_EQ(w["vi"]["m_vacancies_key_run_mean"], tr(Lang::kVi, "metric.vacancies_key_run_mean"));
  EXPECT_EQ(w["en"]["m_support_cost_vnd"], tr(Lang::kEn, "metric.support_cost_vnd"));
  EXPECT_EQ(w["vi"]["t_top_up"], tr(Lang::kVi, "lever.top_up"));
  EXPECT_EQ(w["en"].size(), w["vi"].size());
}

TEST(WorkspacePageWords, EveryWordThePageAsksForIsThereInBothLanguages) {
  const auto w = words();
  const std::string html = slurp("workspace/page/index.html");
  const std::string js = slurp("workspace/page/app.js");
  std::size_t asked = 0;
  const std::regex in_html(R"re(data-i18n="([^"]+)")re"), in_js(R"re(\bt\("([^"]+)")re");
  for (const auto& [text, pattern] : {std::pair{&html, &in_html}, std::pair{&js, &in_js}})
    for (std::sregex_iterator it(text->begin(), text->end(), *pattern), end; it != end; ++it) {
      const std::string key = (*it)[1];
      if (key.ends_with("_")) continue;  // t("l_" + lever.key): the start of a built key
      ++asked;
      EXPECT_TRUE(w["en"].contains(key)) << key << " is not in the catalog (page." << key << ")";
      EXPECT_TRUE(w["vi"].contains(key)) << key;
    }
  EXPECT_GT(asked, 60u);
  // The measures the results table shows (workspace/results.cpp) have names in both languages.
  for (const char* metric :
       {"vacancies_key_run_mean", "successor_coverage_1_run_mean", "vacancy_months", "rotations",
        "refusals", "early_returns", "plan_fulfilment", "support_cost_vnd", "key_posts_covered"})
    EXPECT_TRUE(w["vi"].contains(std::string("m_") + metric)) << metric;
}

}  // namespace
}  // namespace cadresim::workspace
