// docs/api.md lists every route the daemon serves, and only those.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "docs/docs_util.h"

namespace citecheck::testing {
namespace {

// "GET /v1/jobs/{id}" for every s.Get(R"(/v1/jobs/(\d+))", ...) registration in
// lib/daemon: a capture group of the path pattern is written {id}.
std::set<std::string> ServedRoutes() {
  std::set<std::string> routes;
  const std::regex route(R"re(\.(Get|Post|Put|Patch|Delete)\(\s*(?:R"\((.*?)\)"|"([^"]*)"))re");
  const std::regex group(R"(\([^)]*\))");
  for (const std::string& file : SourceFiles("lib/daemon", {".cc"})) {
    const std::string text = ReadFile(SourcePath(file));
    for (auto it = std::sregex_iterator(text.begin(), text.end(), route); it != std::sregex_iterator();
         ++it) {
      std::string method = (*it)[1].str();
      for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      std::string path = (*it)[2].matched ? (*it)[2].str() : (*it)[3].str();
      routes.insert(method + " " + std::regex_replace(path, group, "{id}"));
    }
  }
  return routes;
}

TEST(ApiDocsTest, EveryRouteIsDocumentedAndNoOther) {
  const std::set<std::string> served = ServedRoutes();
  ASSERT_GE(served.size(), 5u) << "the route scan of lib/daemon found too few routes: has the API moved?";
  const std::set<std::string> documented = TableNames(Section(ReadDoc("api.md"), "Endpoints"));
  for (const std::string& route : served) {
    EXPECT_TRUE(documented.count(route)) << route << " is served but not in docs/api.md \"Endpoints\"";
  }
  for (const std::string& route : documented) {
    EXPECT_TRUE(served.count(route)) << route << " is in docs/api.md but not served";
  }
}

TEST(ApiDocsTest, EveryDocumentedRouteHasItsOwnSection) {
  const std::string api = ReadDoc("api.md");
  for (const std::string& route : TableNames(Section(api, "Endpoints"))) {
    EXPECT_FALSE(Section(api, route).empty()) << "docs/api.md has no section \"### " << route << "\"";
  }
}

}  // namespace
}  // namespace citecheck::testing
