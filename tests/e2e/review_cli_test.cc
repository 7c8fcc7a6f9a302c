// End to end: `citecheck review` on the real binary against a loopback
// server (docs/review.md): accepting a near match makes the run pass until
// the page changes (then stale, exit 1, listed in the changes), rejecting
// fails even a verified quote, clearing undoes it, an unknown key is exit 2,
// and keys stay put across runs and article edits that leave the quote alone.
#include <atomic>

#include "e2e/e2e_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

class ReviewCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/near", [this](const httplib::Request&, httplib::Response& r) {
      r.set_content(changed_ ? "<p>The harbour master counted fourty ships in the bay, he wrote later.</p>"
                             : "<p>The harbour master counted fourty ships in the bay.</p>",
                    "text/html");
    });
    server_.server().Get("/exact", [](const httplib::Request&, httplib::Response& r) {
      r.set_content("<p>Fishermen returned before the storm broke over the cliffs.</p>", "text/html");
    });
    server_.Start();
    config_ = dir_.Write("config.json", R"({"fetch": {"retries": 0, "per_host_interval_ms": 0}})");
  }

  std::string Article(const std::string& preface = "") const {
    return "# Harbour\n\n" + preface + "He said \"the harbour master counted forty ships in the bay\" [1].\n\n"
           "They said \"fishermen returned before the storm broke\" [2].\n\n## References\n\n[1] " +
           server_.Url("/near") + "\n[2] " + server_.Url("/exact") + "\n";
  }

  RunOutput Cli(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", dir_.File("citecheck.db"), "--config", config_});
    return RunCitecheck(args);
  }

  CheckOutput Check(const std::string& article) {
    return CheckArticle(dir_, "harbour.md", article, {"--allow-private", "--config", config_});
  }

  TestServer server_;
  std::atomic<bool> changed_{false};
  TempDir dir_;
  std::string config_;
};

TEST_F(ReviewCliTest, AcceptedNearMatchPassesUntilThePageChanges) {
  CheckOutput first = Check(Article());
  ASSERT_EQ(first.run.exit_code, 1) << first.run.err;
  nlohmann::json near = FindQuote(first.report, "harbour master");
  ASSERT_EQ(near["status"], "near_match") << first.run.out;
  ASSERT_TRUE(near["key"].is_string());
  EXPECT_TRUE(near["review"].is_null());
  const std::string key = near["key"];

  RunOutput accept = Cli({"review", key, "--accept", "--note", "known misspelling in the source", "--by", "alice"});
  ASSERT_EQ(accept.exit_code, 0) << accept.err;
  EXPECT_NE(accept.out.find("accepted " + key), std::string::npos) << accept.out;

  RunOutput report = Cli({"report", "--format", "json"});
  EXPECT_EQ(report.exit_code, 0) << report.out;
  nlohmann::json after = FindQuote(nlohmann::json::parse(report.out), "harbour master");
  EXPECT_EQ(after["status"], "near_match");  // the verdict stays
  EXPECT_EQ(after["review"]["state"], "accepted");
  EXPECT_EQ(after["review"]["by"], "alice");
  EXPECT_EQ(after["review"]["note"], "known misspelling in the source");
  CheckOutput again = Check(Article());
  EXPECT_EQ(again.run.exit_code, 0) << again.run.out;
  EXPECT_EQ(FindQuote(again.report, "harbour master")["review"]["state"], "accepted");

  changed_ = true;
  CheckOutput stale = Check(Article());
  EXPECT_EQ(stale.run.exit_code, 1) << stale.run.out;
  nlohmann::json stale_quote = FindQuote(stale.report, "harbour master");
  EXPECT_EQ(stale_quote["review"]["state"], "stale");
  const auto& listed = stale.report["articles"][0]["changes"]["stale_reviews"];
  ASSERT_EQ(listed.size(), 1u) << stale.run.out;
  EXPECT_EQ(listed[0]["key"], key);
  RunOutput text = Cli({"report"});
  EXPECT_NE(text.out.find("accepted on " + after["review"]["at"].get<std::string>().substr(0, 10) +
                          " by alice, the page has changed since"),
            std::string::npos)
      << text.out;
  RunOutput list = Cli({"review", "--list"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find(key), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("stale"), std::string::npos) << list.out;
}

TEST_F(ReviewCliTest, RejectFailsEvenVerifiedAndClearUndoesIt) {
  CheckOutput first = Check(Article());
  const std::string near = FindQuote(first.report, "harbour master")["key"];
  const std::string verified = FindQuote(first.report, "fishermen")["key"];
  ASSERT_EQ(Cli({"review", near, "--accept", "--by", "alice"}).exit_code, 0);
  EXPECT_EQ(Cli({"report"}).exit_code, 0);
  RunOutput reject = Cli({"review", verified, "--reject", "--note", "wrong speaker", "--by", "bob"});
  ASSERT_EQ(reject.exit_code, 0) << reject.err;
  RunOutput report = Cli({"report", "--format", "json"});
  EXPECT_EQ(report.exit_code, 1);
  nlohmann::json rejected = FindQuote(nlohmann::json::parse(report.out), "fishermen");
  EXPECT_EQ(rejected["status"], "verified");
  EXPECT_EQ(rejected["review"]["state"], "rejected");
  EXPECT_EQ(Cli({"review", verified, "--clear"}).exit_code, 0);  // --by: $USER or the login name
  RunOutput cleared = Cli({"report", "--format", "json"});
  EXPECT_EQ(cleared.exit_code, 0) << cleared.out;
  EXPECT_TRUE(FindQuote(nlohmann::json::parse(cleared.out), "fishermen")["review"].is_null());
}

TEST_F(ReviewCliTest, UnknownKeyIsAUsageErrorNamingIt) {
  Check(Article());
  RunOutput unknown = Cli({"review", "q0123456789ab", "--accept", "--by", "alice"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("q0123456789ab"), std::string::npos) << unknown.err;
  EXPECT_EQ(Cli({"review", "q0123456789ab"}).exit_code, 2);  // no decision given
  EXPECT_EQ(Cli({"review", "q0123456789ab", "--accept", "--reject"}).exit_code, 2);
}

TEST_F(ReviewCliTest, KeysAreStableAcrossRunsAndEditsThatLeaveTheQuoteAlone) {
  CheckOutput first = Check(Article());
  CheckOutput second = Check(Article());
  const std::string key = FindQuote(first.report, "harbour master")["key"];
  EXPECT_EQ(FindQuote(second.report, "harbour master")["key"], key);
  EXPECT_EQ(FindCitation(second.report, "1")["key"], FindCitation(first.report, "1")["key"]);
  // A new paragraph above moves the quote's line; its key stays.
  CheckOutput edited = Check(Article("A new first paragraph about the weather.\n\n"));
  nlohmann::json moved = FindQuote(edited.report, "harbour master");
  EXPECT_NE(moved["line"], FindQuote(first.report, "harbour master")["line"]);
  EXPECT_EQ(moved["key"], key);
  EXPECT_NE(FindQuote(edited.report, "fishermen")["key"], key);
  // A changed quote is another item.
  std::string changed = Article();
  changed.replace(changed.find("forty ships"), 11, "fifty ships");
  EXPECT_NE(FindQuote(Check(changed).report, "harbour master")["key"], key);
}

}  // namespace
}  // namespace citecheck::testing
