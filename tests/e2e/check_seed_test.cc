// End to end on the seed article this project started from
// (../shared/seed/rare-earths-article.txt): nested straight quotes, scare
// quotes, a quote with no citation, markers without a reference list.
#include <gtest/gtest.h>

#include "e2e/e2e_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

std::string SeedArticle() {
  return ReadFile(std::string(CITECHECK_SHARED_DIR) + "/seed/rare-earths-article.txt");
}

std::string WithReferences(const TestServer& server, const std::string& page5) {
  std::string refs = "\n";
  for (int i = 1; i <= 6; ++i) {
    std::string page = i == 5 ? page5 : "/page-1.html";
    refs += "[" + std::to_string(i) + "] " + server.Url(page) + "\n";
  }
  return SeedArticle() + refs;
}

class CheckSeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.ServeDirectory(FixturePath("seed"));
    server_.Start();
  }
  TestServer server_;
  TempDir dir_;
};

TEST_F(CheckSeedTest, LongNestedQuoteIsVerifiedAgainstAPageThatHasIt) {
  CheckOutput out = CheckArticle(dir_, "seed.txt", WithReferences(server_, "/page-5-exact.html"),
                                 {"--allow-private"});
  ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
  const auto& article = out.report["articles"][0];
  ASSERT_EQ(article["citations"].size(), 6u);
  for (int i = 1; i <= 6; ++i) {
    EXPECT_EQ(FindCitation(out.report, std::to_string(i))["link_status"], "ok") << i;
  }
  auto q = FindQuote(out.report, "after the collapse of the Soviet Union");
  ASSERT_FALSE(q.is_null());
  std::string text = q["text"];
  // Whole, inner quotes included, and not reported on their own.
  EXPECT_EQ(text.rfind("after the collapse of the Soviet Union", 0), 0u) << text;
  EXPECT_NE(text.find("\"main enemy\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"creeping campaign\" against Russia"), std::string::npos) << text;
  EXPECT_TRUE(FindQuote(out.report, "hyenas")["text"] == q["text"]);
  EXPECT_EQ(q["citations"], nlohmann::json::array({"5"}));
  EXPECT_EQ(q["line"], 7);
  EXPECT_EQ(q["status"], "verified") << q.dump(2);
  EXPECT_EQ(q["evidence"]["citation"], "5");

  EXPECT_EQ(FindQuote(out.report, "green")["status"], "skipped");
  EXPECT_EQ(FindQuote(out.report, "National Defense")["status"], "skipped");
  EXPECT_EQ(FindQuote(out.report, "foreign partners")["status"], "skipped");
  auto flood = FindQuote(out.report, "After me, the flood");
  ASSERT_FALSE(flood.is_null());
  EXPECT_EQ(flood["status"], "uncited");
  EXPECT_TRUE(flood["citations"].empty());
}

TEST_F(CheckSeedTest, OneWordChangedInThePageIsANearMatch) {
  CheckOutput out = CheckArticle(dir_, "seed.txt", WithReferences(server_, "/page-5-one-word-differs.html"),
                                 {"--allow-private"});
  ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
  auto q = FindQuote(out.report, "after the collapse of the Soviet Union");
  EXPECT_EQ(q["status"], "near_match") << q.dump(2);
  EXPECT_LT(q["score"].get<double>(), 1.0);
  EXPECT_GT(q["score"].get<double>(), 0.8);
  EXPECT_NE(q["evidence"]["snippet"].get<std::string>().find("jackals"), std::string::npos);
  EXPECT_EQ(out.run.exit_code, 1);
}

TEST_F(CheckSeedTest, WithoutAReferenceListEveryCitationIsUnresolved) {
  CheckOutput out = CheckArticle(dir_, "seed.txt", SeedArticle(), {"--allow-private"});
  ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
  const auto& citations = out.report["articles"][0]["citations"];
  ASSERT_EQ(citations.size(), 6u);
  for (const auto& c : citations) EXPECT_EQ(c["link_status"], "unresolved") << c.dump();
  EXPECT_EQ(out.report["articles"][0]["summary"]["links_broken"], 6);
  EXPECT_EQ(out.run.exit_code, 1);
  EXPECT_EQ(FindQuote(out.report, "after the collapse")["status"], "unverifiable");
}

}  // namespace
}  // namespace citecheck::testing
