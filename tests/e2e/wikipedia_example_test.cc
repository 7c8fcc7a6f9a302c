// End to end on the bundled Wikipedia example (examples/wikipedia/): the
// real citecheck checks the article's rendered HTML given as its URL on a
// (loopback) wiki, and the wikitext file, against the example's sources,
// and gives the verdicts examples/wikipedia/README.md lists.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "e2e/e2e_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

namespace fs = std::filesystem;

const std::string kExample = std::string(CITECHECK_SOURCE_DIR) + "/examples/wikipedia";

// The example names 127.0.0.1:8765; the test server has a port of its own.
std::string WithPort(std::string text, int port) {
  const std::string from = "127.0.0.1:8765", to = "127.0.0.1:" + std::to_string(port);
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

struct QuoteWant {
  const char* fragment;
  const char* status;
  std::vector<std::string> citations;
  const char* origin;
};

struct CitationWant {
  const char* id;
  const char* link_status;
};

class WikipediaExampleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Every source as the demo's python server sends it: text/html, no charset.
    for (const auto& entry : fs::recursive_directory_iterator(kExample + "/sources")) {
      if (!entry.is_regular_file() || entry.path().extension() != ".html") continue;
      // lexically: fs::relative resolves the symlink that serves the rendered
      // page as the wiki's article URL, which would name its target instead.
      std::string path = "/" + entry.path().lexically_relative(kExample + "/sources").generic_string();
      if (path.size() >= 11 && path.compare(path.size() - 11, 11, "/index.html") == 0) path.resize(path.size() - 10);
      std::string body = WithPort(ReadFile(entry.path().string()), server_.port());
      server_.server().Get(path, [body](const httplib::Request&, httplib::Response& res) {
        res.set_content(body, "text/html");
      });
    }
    server_.Start();
  }

  void ExpectVerdicts(const CheckOutput& out) {
    ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
    EXPECT_EQ(out.run.exit_code, 1) << out.run.err;  // a dead link and a near_match
    const CitationWant citations[] = {{"1", "ok"}, {"note 1", "no_url"}, {"2", "broken"},
                                      {"3", "ok"}, {"4", "ok"},          {"5", "no_url"}};
    EXPECT_EQ(out.report["articles"][0]["citations"].size(), std::size(citations));
    for (const CitationWant& want : citations) {
      auto c = FindCitation(out.report, want.id);
      ASSERT_FALSE(c.is_null()) << want.id;
      EXPECT_EQ(c["link_status"], want.link_status) << c.dump(2);
    }
    const QuoteWant quotes[] = {
        {"never once let the light go out", "verified", {"1"}, "text"},
        {"On clear nights the lamp", "verified", {"1"}, "ref"},
        {"We kept the light through every storm", "verified", {"1"}, "text"},
        {"left without a roof", "unverifiable", {"2"}, "text"},
        {"had served the town well", "near_match", {"3"}, "text"},
        {"\u041C\u0430\u044F\u043A \u0432\u0438\u0434\u0435\u043D", "verified", {"4"}, "ref"},
        {"the last working monument", "unverifiable", {"5"}, "text"},
        {"the crow's nest", "skipped", {"5"}, "text"},
        {"a candle for the drowned", "uncited", {}, "text"},
    };
    EXPECT_EQ(out.report["articles"][0]["quotes"].size(), std::size(quotes));
    for (const QuoteWant& want : quotes) {
      auto q = FindQuote(out.report, want.fragment);
      ASSERT_FALSE(q.is_null()) << want.fragment;
      EXPECT_EQ(q["status"], want.status) << q.dump(2);
      EXPECT_EQ(q["citations"], nlohmann::json(want.citations)) << q.dump(2);
      EXPECT_EQ(q["origin"], want.origin) << q.dump(2);
    }
    // The romanized quote= and the trans-quote= are never checked.
    EXPECT_TRUE(FindQuote(out.report, "Mayak viden").is_null());
    EXPECT_TRUE(FindQuote(out.report, "can be seen from every house").is_null());
    EXPECT_EQ(FindQuote(out.report, "had served")["evidence"]["matched"],
              "had served the town faithfully but could no longer be afforded");
  }

  TestServer server_;
  TempDir dir_;
};

TEST_F(WikipediaExampleTest, RenderedPageGivenAsItsWikiUrl) {
  std::vector<std::string> args = {"check", server_.Url("/wiki/Aldery_Head_Lighthouse/"), "--format", "json",
                                   "--db", dir_.File("citecheck.db"), "--allow-private"};
  CheckOutput out;
  out.run = RunCitecheck(args);
  out.report = nlohmann::json::parse(out.run.out, nullptr, /*allow_exceptions=*/false);
  ExpectVerdicts(out);
  auto dead = FindCitation(out.report, "2");
  EXPECT_EQ(dead["name"], "storm") << dead.dump(2);
  EXPECT_EQ(dead["url_status"], "dead") << dead.dump(2);
  EXPECT_EQ(dead["access_date"], "2009-01-20") << dead.dump(2);
}

// Disabled until the wikitext reader is in main (see above).
TEST_F(WikipediaExampleTest, WikitextFile) {
  std::string wiki = WithPort(ReadFile(kExample + "/Aldery_Head_Lighthouse.wiki"), server_.port());
  ExpectVerdicts(CheckArticle(dir_, "Aldery_Head_Lighthouse.wiki", wiki, {"--allow-private"}));
}

}  // namespace
}  // namespace citecheck::testing
