// End to end: GET /v1/articles pages (docs/api.md "GET /v1/articles") from
// the real citecheckd on loopback over a real SQLite file, and the same
// pages from `citecheck list --limit --after`.
#include <string>
#include <vector>

#include "e2e/daemon_util.h"
#include "support/run_binary.h"

namespace citecheck::testing {
namespace {

// 101 registered articles: one more than the default page.
constexpr int kArticles = 101;

std::vector<int64_t> Ids(const nlohmann::json& page) {
  std::vector<int64_t> ids;
  for (const auto& a : page["articles"]) ids.push_back(a["id"].get<int64_t>());
  return ids;
}

class DaemonPaginationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> args = {"add"};
    for (int i = 0; i < kArticles; ++i) {
      args.push_back(env_.dir().Write("a" + std::to_string(i) + ".md", "# Article " + std::to_string(i) + "\n"));
    }
    args.insert(args.end(), {"--db", env_.db()});
    RunOutput added = RunCitecheck(args);
    ASSERT_EQ(added.exit_code, 0) << added.err;
  }
  DaemonEnv env_;
};

TEST_F(DaemonPaginationTest, PagesWalkEveryArticleOnceInIdOrder) {
  ASSERT_TRUE(env_.Start()) << env_.daemon().Log();
  auto client = env_.Client();

  // Without parameters: the default page of 100, and where the next begins.
  auto first = Json(client.Get("/v1/articles"));
  ASSERT_EQ(first["articles"].size(), 100u) << first.dump();
  std::vector<int64_t> ids = Ids(first);
  EXPECT_EQ(first["next_after"], ids.back());
  auto rest = Json(client.Get("/v1/articles?after=" + std::to_string(ids.back())));
  ASSERT_EQ(rest["articles"].size(), 1u) << rest.dump();
  EXPECT_TRUE(rest["next_after"].is_null()) << rest.dump();  // a short page is the last
  ids.push_back(Ids(rest)[0]);

  // Small pages give the same articles in the same order, each once.
  std::vector<int64_t> walked;
  std::string after = "0";
  for (int pages = 0; pages < kArticles; ++pages) {
    auto page = Json(client.Get("/v1/articles?limit=7&after=" + after));
    ASSERT_TRUE(page["articles"].is_array()) << page.dump();
    for (int64_t id : Ids(page)) walked.push_back(id);
    if (page["next_after"].is_null()) break;
    after = std::to_string(page["next_after"].get<int64_t>());
  }
  EXPECT_EQ(walked, ids);
  for (size_t i = 1; i < ids.size(); ++i) EXPECT_LT(ids[i - 1], ids[i]);

  // The largest page holds them all; an exact fit still names a next page,
  // which is empty.
  EXPECT_EQ(Json(client.Get("/v1/articles?limit=1000"))["articles"].size(), static_cast<size_t>(kArticles));
  auto exact = Json(client.Get("/v1/articles?limit=1&after=" + std::to_string(ids[ids.size() - 2])));
  ASSERT_EQ(Ids(exact), std::vector<int64_t>{ids.back()});
  EXPECT_EQ(exact["next_after"], ids.back());
  auto empty = Json(client.Get("/v1/articles?limit=1&after=" + std::to_string(ids.back())));
  EXPECT_TRUE(empty["articles"].empty()) << empty.dump();
  EXPECT_TRUE(empty["next_after"].is_null());

  // Out of range or not a number: 400 naming the parameter.
  for (const std::string query : {"limit=0", "limit=1001", "limit=abc", "limit=-5", "after=-1", "after=x1"}) {
    auto res = client.Get("/v1/articles?" + query);
    ASSERT_TRUE(res) << query;
    EXPECT_EQ(res->status, 400) << query << ": " << res->body;
    const std::string name = query.substr(0, query.find('='));
    EXPECT_NE(Json(res)["error"].get<std::string>().find(name), std::string::npos) << res->body;
  }
}

TEST_F(DaemonPaginationTest, CliListTakesTheSamePages) {
  RunOutput page = RunCitecheck({"list", "--limit", "2", "--after", "3", "--db", env_.db()});
  ASSERT_EQ(page.exit_code, 0) << page.err;
  // A header and IDs 4 and 5, then where the next page starts.
  EXPECT_NE(page.out.find("\n4 "), std::string::npos) << page.out;
  EXPECT_NE(page.out.find("\n5 "), std::string::npos) << page.out;
  EXPECT_EQ(page.out.find("\n6 "), std::string::npos) << page.out;
  EXPECT_EQ(page.out.find("\n3 "), std::string::npos) << page.out;
  EXPECT_NE(page.err.find("--limit 2 --after 5"), std::string::npos) << page.err;

  RunOutput all = RunCitecheck({"list", "--db", env_.db()});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_NE(all.out.find("\n" + std::to_string(kArticles) + " "), std::string::npos);
  EXPECT_TRUE(all.err.empty()) << all.err;

  RunOutput past = RunCitecheck({"list", "--after", std::to_string(kArticles), "--db", env_.db()});
  EXPECT_EQ(past.exit_code, 0) << past.err;
  EXPECT_NE(past.out.find("No registered articles after ID"), std::string::npos) << past.out;

  RunOutput bad = RunCitecheck({"list", "--limit", "-1", "--db", env_.db()});
  EXPECT_NE(bad.exit_code, 0);
}

}  // namespace
}  // namespace citecheck::testing
