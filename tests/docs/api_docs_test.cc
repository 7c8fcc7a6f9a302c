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

// Metric names written by lib/daemon ("citecheck_runs_total"), a summary's
// _sum and _count counted as the summary.
std::set<std::string> ExportedMetrics() {
  std::set<std::string> metrics;
  const std::regex name(R"re("(citecheck_[a-z_]+))re");
  for (const std::string& file : SourceFiles("lib/daemon", {".cc"})) {
    const std::string text = ReadFile(SourcePath(file));
    for (auto it = std::sregex_iterator(text.begin(), text.end(), name); it != std::sregex_iterator(); ++it) {
      std::string metric = (*it)[1].str();
      for (const std::string suffix : {"_sum", "_count"}) {
        if (metric.size() > suffix.size() &&
            metric.compare(metric.size() - suffix.size(), suffix.size(), suffix) == 0) {
          metric.erase(metric.size() - suffix.size());
        }
      }
      metrics.insert(metric);
    }
  }
  return metrics;
}

TEST(ApiDocsTest, EveryMetricIsDocumented) {
  const std::set<std::string> metrics = ExportedMetrics();
  ASSERT_GE(metrics.size(), 8u) << "the metric scan of lib/daemon found too few metrics: have they moved?";
  const std::string section = Section(ReadDoc("api.md"), "Metrics");
  for (const std::string& metric : metrics) {
    EXPECT_NE(section.find("`" + metric), std::string::npos)
        << metric << " is not in docs/api.md \"Metrics\"";
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
