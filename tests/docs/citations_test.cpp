// Source citations cannot rot: every `sources.md#ID` named in docs/, scenarios/ or README.md has
// an anchor `<a id="ID">` in docs/sources.md, every anchor there is unique, and nothing cites the
// retired section numbers of the old domain notes (`reference.md §6.2`) any more.
#include <gtest/gtest.h>

#include <algorithm>   // std::sort
#include <filesystem>  // walking docs/ and scenarios/
#include <fstream>     // std::ifstream
#include <map>         // anchor counts
#include <regex>       // citation and anchor patterns
#include <set>         // cited IDs
#include <sstream>     // std::ostringstream
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kSource = fs::path(CADRESIM_SOURCE_DIR);

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// Every Markdown file of docs/, every JSON file under scenarios/, and README.md.
std::vector<fs::path> citing_files() {
  std::vector<fs::path> files{kSource / "README.md"};
  for (const auto& e : fs::directory_iterator(kSource / "docs"))
    if (e.path().extension() == ".md") files.push_back(e.path());
  for (const auto& e : fs::recursive_directory_iterator(kSource / "scenarios"))
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

/// The anchors of docs/sources.md with how often each is defined.
std::map<std::string, int> anchors() {
  static const std::regex anchor(R"re(<a id="([A-Za-z0-9_-]+)"></a>)re");
  const std::string text = read_file(kSource / "docs" / "sources.md");
  std::map<std::string, int> found;
  for (std::sregex_iterator it(text.begin(), text.end(), anchor), end; it != end; ++it)
    ++found[(*it)[1].str()];
  return found;
}

}  // namespace

TEST(SourceCitations, SourcesPageHasAnchors) {
  const auto found = anchors();
  EXPECT_GT(found.size(), 50u) << "docs/sources.md lost its <a id=\"S-...\"></a> anchors";
}

TEST(SourceCitations, EveryAnchorIsDefinedOnce) {
  for (const auto& [id, count] : anchors()) EXPECT_EQ(count, 1) << "anchor " << id;
}

TEST(SourceCitations, EveryCitedIdExistsInSourcesMd) {
  static const std::regex cite(R"(sources\.md#([A-Za-z0-9_-]+))");
  const auto found = anchors();
  int citations = 0;
  for (const auto& file : citing_files()) {
    const std::string text = read_file(file);
    for (std::sregex_iterator it(text.begin(), text.end(), cite), end; it != end; ++it) {
      ++citations;
      const std::string id = (*it)[1].str();
      EXPECT_TRUE(found.count(id)) << fs::relative(file, kSource).string() << " cites sources.md#"
                                   << id << ", which docs/sources.md does not define";
    }
  }
  EXPECT_GT(citations, 100) << "the docs and scenarios should cite docs/sources.md";
}

TEST(SourceCitations, NothingCitesTheOldDomainNotesBySection) {
  // "§ Pools" (a section of docs/model.md) is fine; "§6.2" or "reference.md" is the retired form.
  static const std::regex retired(R"(reference\.md|§ ?[0-9])");
  for (const auto& file : citing_files()) {
    const std::string text = read_file(file);
    std::smatch m;
    EXPECT_FALSE(std::regex_search(text, m, retired))
        << fs::relative(file, kSource).string() << " still cites '" << m.str()
        << "': cite an entry of docs/sources.md (docs/sources.md#S-...) instead";
  }
}
