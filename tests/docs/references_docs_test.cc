// References to docs/ pages resolve: links between the pages, the README's
// links, and source comments such as `// docs/matching.md "Near search"` name
// a page that exists and, when they quote a section, a heading it has.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "docs/docs_util.h"

namespace citecheck::testing {
namespace {

// "" when docs/`page` exists and, unless `quoted` is empty, has that heading;
// else what is wrong. A quoted section may be wrapped over lines (of a
// comment, too).
std::string CheckReference(const std::string& page, const std::string& quoted) {
  if (!std::filesystem::is_regular_file(SourcePath("docs/" + page))) return "no page docs/" + page;
  if (quoted.empty()) return "";
  const std::string section = std::regex_replace(quoted, std::regex(R"([ \t]*\n[ \t]*(//[ \t]*)?)"), " ");
  std::vector<std::string> headings = Headings(ReadDoc(page));
  if (std::find(headings.begin(), headings.end(), section) == headings.end()) {
    return "docs/" + page + " has no section \"" + section + "\"";
  }
  return "";
}

// Every match of `pattern` in `file`: group 1 is the page, group 2 the section.
void CheckAll(const std::string& file, const std::regex& pattern, int* count) {
  const std::string text = ReadFile(SourcePath(file));
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator();
       ++it) {
    ++*count;
    std::string problem = CheckReference((*it)[1].str(), (*it)[2].str());
    EXPECT_EQ(problem, "") << file << ": " << it->str();
  }
}

TEST(ReferencesDocsTest, LinksBetweenPagesResolve) {
  // [text](page.md) "Section", or a bare [text](page.md).
  const std::regex link(R"re(\]\(([A-Za-z0-9-]+\.md)\)(?: "([^"]+)")?)re");
  int count = 0;
  for (const std::string& file : SourceFiles("docs", {".md"})) CheckAll(file, link, &count);
  EXPECT_GT(count, 10);
}

TEST(ReferencesDocsTest, ReadmeLinksResolve) {
  const std::regex link(R"re(\]\(docs/([A-Za-z0-9-]+\.md)\)(?: "([^"]+)")?)re");
  int count = 0;
  CheckAll("README.md", link, &count);
  EXPECT_GE(count, 3);
}

TEST(ReferencesDocsTest, SourceCommentsPointAtRealSections) {
  // docs/page.md "Section" (the section is optional).
  const std::regex comment(R"re(docs/([A-Za-z0-9-]+\.md)(?: "([^"]+)")?)re");
  int count = 0;
  for (const std::string dir : {"lib", "cmd"}) {
    for (const std::string& file : SourceFiles(dir, {".h", ".cc"})) CheckAll(file, comment, &count);
  }
  EXPECT_GE(count, 40) << "the sources' comments point at docs/ pages";
}

}  // namespace
}  // namespace citecheck::testing
