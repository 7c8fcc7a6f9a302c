// End to end: registered articles through the CLI (add, list, run, report,
// remove) and what changed between runs after the fixture pages change: a
// link starts failing, a quote disappears, one comes back.
#include <atomic>

#include "e2e/e2e_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

class RegistryCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& s = server_.server();
    s.Get("/a", [this](const httplib::Request&, httplib::Response& r) {
      r.set_content(changed_ ? "<p>The harbour was quiet all week long.</p>"
                             : "<p>The harbour master counted forty ships in the bay.</p>",
                    "text/html");
    });
    s.Get("/b", [this](const httplib::Request&, httplib::Response& r) {
      if (changed_) {
        r.status = 404;
        return;
      }
      r.set_content("<p>Fishermen returned before the storm broke over the cliffs.</p>", "text/html");
    });
    s.Get("/c", [this](const httplib::Request&, httplib::Response& r) {
      r.set_content(changed_ ? "<p>Now it says the lighthouse stood for two hundred years.</p>"
                             : "<p>Nothing about the tower here.</p>",
                    "text/html");
    });
    server_.Start();
    config_ = dir_.Write("config.json", R"({"fetch": {"retries": 0, "per_host_interval_ms": 0}})");
    article_ = dir_.Write("harbour.md",
                          "# Harbour\n\n"
                          "He said \"the harbour master counted forty ships\" [1].\n\n"
                          "They said \"fishermen returned before the storm broke\" [2].\n\n"
                          "It said \"the lighthouse stood for two hundred years\" [3].\n\n"
                          "## References\n\n[1] " + server_.Url("/a") + "\n[2] " + server_.Url("/b") +
                              "\n[3] " + server_.Url("/c") + "\n");
  }

  RunOutput Cli(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", dir_.File("c.db"), "--config", config_});
    return RunCitecheck(args);
  }
  RunOutput RunAll() { return Cli({"run", "--all", "--allow-private", "--format", "json"}); }

  TestServer server_;
  std::atomic<bool> changed_{false};
  TempDir dir_;
  std::string config_;
  std::string article_;
};

TEST_F(RegistryCliTest, AddListRunReportChangesRemove) {
  RunOutput add = Cli({"add", article_});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(add.out.rfind("1\t", 0), 0u) << add.out;
  EXPECT_EQ(Cli({"add", dir_.File("missing.md")}).exit_code, 2);
  EXPECT_NE(Cli({"list"}).out.find("never"), std::string::npos);

  RunOutput first = RunAll();
  EXPECT_EQ(first.exit_code, 1) << first.err;  // quote 3 is not_found
  RunOutput list = Cli({"list"});
  EXPECT_NE(list.out.find("3 ok"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("2 verified, 1 not_found"), std::string::npos) << list.out;

  changed_ = true;
  RunOutput second = RunAll();
  EXPECT_EQ(second.exit_code, 1);
  auto report = nlohmann::json::parse(second.out, nullptr, false);
  ASSERT_TRUE(report.is_object()) << second.out << second.err;
  const auto& changes = report["articles"][0]["changes"];
  ASSERT_TRUE(changes.is_object()) << second.out;
  ASSERT_EQ(changes["links_newly_broken"].size(), 1u) << changes.dump(2);
  EXPECT_EQ(changes["links_newly_broken"][0]["id"], "2");
  EXPECT_EQ(changes["links_newly_broken"][0]["after"], "broken");
  ASSERT_EQ(changes["quotes_no_longer_verified"].size(), 2u) << changes.dump(2);
  EXPECT_EQ(changes["quotes_no_longer_verified"][0]["after"], "not_found");    // vanished from page a
  EXPECT_EQ(changes["quotes_no_longer_verified"][1]["after"], "unverifiable");  // its link broke
  ASSERT_EQ(changes["quotes_newly_verified"].size(), 1u);
  EXPECT_EQ(changes["quotes_newly_verified"][0]["text"], "the lighthouse stood for two hundred years");
  EXPECT_EQ(changes["pages_changed"].size(), 2u) << changes.dump(2);  // a and c
  ASSERT_EQ(changes["broken_links"].size(), 1u);
  EXPECT_EQ(changes["broken_links"][0]["consecutive_runs"], 1);

  RunOutput third = RunAll();  // nothing changed: b is still broken
  auto third_report = nlohmann::json::parse(third.out, nullptr, false);
  const auto& still = third_report["articles"][0]["changes"];
  EXPECT_TRUE(still["links_newly_broken"].empty());
  EXPECT_EQ(still["broken_links"][0]["consecutive_runs"], 2);
  EXPECT_EQ(still["broken_links"][0]["since"], changes["broken_links"][0]["since"]);

  RunOutput text = Cli({"report", "--changes"});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find("since"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("2 consecutive runs"), std::string::npos) << text.out;
  RunOutput by_id = Cli({"report", "1", "--format", "json"});
  EXPECT_EQ(by_id.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(by_id.out)["articles"][0]["source"], article_);
  RunOutput changes_json = Cli({"report", "--changes", "--format", "json"});
  auto only = nlohmann::json::parse(changes_json.out, nullptr, false);
  EXPECT_EQ(only["schema"], "citecheck.changes/1") << changes_json.out;
  EXPECT_EQ(Cli({"report", "99"}).exit_code, 2);

  RunOutput remove = Cli({"remove", "1"});
  EXPECT_EQ(remove.exit_code, 0) << remove.err;
  EXPECT_NE(Cli({"list"}).out.find("No registered articles"), std::string::npos);
  EXPECT_EQ(Cli({"remove", "1"}).exit_code, 2);
  EXPECT_EQ(Cli({"run"}).exit_code, 2);  // --all or IDs
}

TEST_F(RegistryCliTest, ARegisteredFileIsReReadOnEveryRun) {
  ASSERT_EQ(Cli({"add", article_}).exit_code, 0);
  ASSERT_EQ(RunAll().exit_code, 1);
  dir_.Write("harbour.md", "# Harbour\n\nHe said \"the harbour master counted forty ships\" [1].\n\n"
                           "## References\n\n[1] " + server_.Url("/a") + "\n");
  RunOutput second = RunAll();
  EXPECT_EQ(second.exit_code, 0) << second.out;
  auto report = nlohmann::json::parse(second.out);
  EXPECT_EQ(report["articles"][0]["quotes"].size(), 1u);
}

TEST_F(RegistryCliTest, StdinNeedsAName) {
  RunOutput nameless = RunCitecheck({"add", "-", "--db", dir_.File("c.db")}, "# Draft\n");
  EXPECT_EQ(nameless.exit_code, 2);
  EXPECT_NE(nameless.err.find("--name"), std::string::npos);
  RunOutput named = RunCitecheck({"add", "-", "--name", "draft-42", "--db", dir_.File("c.db")}, "# Draft\n");
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_NE(Cli({"list"}).out.find("draft-42"), std::string::npos);
}

// Credentials are never stored, so an article URL that needs them cannot be
// registered for later runs; the refusal does not repeat the password.
TEST_F(RegistryCliTest, AnArticleUrlWithCredentialsIsRefused) {
  RunOutput add = Cli({"add", "https://alice:s3cret@news.example/story"});
  EXPECT_EQ(add.exit_code, 2);
  EXPECT_NE(add.err.find("https://news.example/story"), std::string::npos) << add.err;
  EXPECT_NE(add.err.find("credentials are never stored"), std::string::npos) << add.err;
  EXPECT_EQ(add.err.find("s3cret"), std::string::npos) << add.err;
  EXPECT_EQ(Cli({"list"}).out.find("news.example"), std::string::npos);
}

}  // namespace
}  // namespace citecheck::testing
