// End to end on scripts/demo itself: the script, its demo server
// (scripts/demo_server.py: the example's sources and a local Memento
// TimeGate) and the real citecheck, on a free port. The mayor's press
// release is gone from the sources; the demo's archive holds a copy of it,
// so its quote is verified there and the copy is suggested. The suite's
// CITECHECK_NO_ARCHIVE is set (support/spawn.cc): the demo's own config must
// turn archives on, at its local TimeGate only.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "e2e/e2e_util.h"
#include "support/closed_port.h"
#include "support/spawn.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

const std::string kSource = CITECHECK_SOURCE_DIR;
const std::string kDemo = kSource + "/scripts/demo";

class DemoScriptTest : public ::testing::Test {
 protected:
  // The demo with the tests' own citecheck (no setup, no build) on port_.
  RunOutput Demo(const std::vector<std::string>& args) {
    return RunBinary(kDemo, args, "",
                     {"CITECHECK_DEMO_PORT=" + std::to_string(port_),
                      std::string("CITECHECK_DEMO_BINARY=") + CITECHECK_BINARY, "NO_COLOR=1"});
  }

  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  // The JSON report at the head of the demo's stdout (its last line is the
  // demo's own message).
  static nlohmann::json Report(const RunOutput& run) {
    size_t end = run.out.rfind("\ndemo: ");
    return nlohmann::json::parse(run.out.substr(0, end == std::string::npos ? run.out.size() : end), nullptr,
                                 /*allow_exceptions=*/false);
  }

  int port_ = ClosedPort();
};

TEST_F(DemoScriptTest, MarkdownExampleShowsTheArchivedCopyAndTheSuggestion) {
  RunOutput run = Demo({});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;  // the demo's own exit code: the run went as intended
  const std::string original = Url("/mayor-press-release.html");
  const std::string memento = Url("/memento/20260314112000/") + original;
  const std::string want[] = {
      "broken  404  " + original,
      "archived copy 2026-03-14: add " + memento +
          " (dead: not ok in this run; no earlier run; the copy holds 1 of its 1 quote)",
      "“opening hours will be extended on weekends from next spring” [4]",
      "evidence [4], archived copy 2026-03-14: ",
      "Summary: 4 citations, 3 ok, 1 not ok; 7 quotes: 4 verified, 1 near_match, 0 not_found, 0 "
      "unverifiable, "
      "1 skipped, 1 uncited",
      "demo: citecheck exited 1: it found problems, as the example intends (a misquote, and a dead link "
      "whose "
      "quote its archived copy holds: add the copy to the article)",
  };
  for (const std::string& line : want)
    EXPECT_NE(run.out.find(line), std::string::npos) << line << "\n" << run.out;
  // The quote's own line says verified, in the copy.
  size_t quote = run.out.find("“opening hours will be extended");
  ASSERT_NE(quote, std::string::npos);
  size_t line_start = run.out.rfind('\n', quote) + 1;
  EXPECT_NE(run.out.substr(line_start, quote - line_start).find("verified"), std::string::npos) << run.out;
}

TEST_F(DemoScriptTest, JsonReportOfTheArchivedCopy) {
  RunOutput run = Demo({"--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  nlohmann::json report = Report(run);
  ASSERT_FALSE(report.is_null()) << run.out;
  nlohmann::json dead = FindCitation(report, "4");
  EXPECT_EQ(dead["link_status"], "broken") << dead.dump(2);
  const nlohmann::json& archive = dead["archive"];
  EXPECT_EQ(archive["url"], Url("/memento/20260314112000/") + Url("/mayor-press-release.html"))
      << dead.dump(2);
  EXPECT_EQ(archive["datetime"], "2026-03-14T11:20:00Z") << dead.dump(2);
  EXPECT_EQ(archive["from"], "lookup") << dead.dump(2);
  EXPECT_EQ(archive["suggested"], true) << dead.dump(2);
  nlohmann::json mayor = FindQuote(report, "opening hours will be extended");
  EXPECT_EQ(mayor["status"], "verified") << mayor.dump(2);
  EXPECT_EQ(mayor["evidence"]["archived"], true) << mayor.dump(2);
  // Live pages that hold their quotes are not looked up.
  EXPECT_TRUE(FindCitation(report, "1")["archive"].is_null());
}

// The Wikipedia article's dead link has its own archive-url= (a file among
// its sources): read although the suite sets CITECHECK_NO_ARCHIVE, so the
// demo's config is in force, and its quote is verified there. Nothing else
// needs a copy (the near_match is held by its live page), so nothing is
// looked up; a lookup would go to the demo's TimeGate (the config's).
TEST_F(DemoScriptTest, WikipediaExampleReadsTheArticlesOwnCopy) {
  for (const char* mode : {"--wikipedia", "--wikipedia-html"}) {
    RunOutput run = Demo({mode, "--format", "json"});
    ASSERT_EQ(run.exit_code, 0) << mode << "\n" << run.out << run.err;
    nlohmann::json report = Report(run);
    ASSERT_FALSE(report.is_null()) << run.out;
    nlohmann::json storm = FindCitation(report, "2");
    EXPECT_EQ(storm["archive"]["from"], "article") << mode << storm.dump(2);
    EXPECT_EQ(storm["archive"]["url"], Url("/archive/20150302/gazette-storm.html")) << mode << storm.dump(2);
    EXPECT_EQ(storm["archive"]["link_status"], "ok") << mode << storm.dump(2);
    EXPECT_EQ(FindQuote(report, "left without a roof")["status"], "verified") << mode;
    for (const char* id : {"1", "3", "4"})
      EXPECT_TRUE(FindCitation(report, id)["archive"].is_null()) << mode << id;
    EXPECT_NE(run.out.find("demo: citecheck exited 1: "), std::string::npos) << run.out;
  }
}

// The demo server alone, as the Memento (RFC 7089) archive citecheck reads.
class DemoServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    pid_ = SpawnChild("/usr/bin/env",
                      {"python3", kSource + "/scripts/demo_server.py", "--port", std::to_string(port_),
                       "--site", kSource + "/examples/sources", "--archive", kSource + "/examples/archive"},
                      {}, {"/dev/null", dir_.File("out"), dir_.File("err")});
    for (int i = 0; i < 200; ++i) {
      if (client_.Get("/")) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "demo_server.py did not start: " << ReadFile(dir_.File("err"));
  }
  void TearDown() override {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }

  TempDir dir_;
  int port_ = ClosedPort();
  pid_t pid_ = -1;
  httplib::Client client_{"127.0.0.1", port_};
};

// The example names port 8765; the archive keys its copies by those URLs.
const std::string kPressRelease = "http://127.0.0.1:8765/mayor-press-release.html";

TEST_F(DemoServerTest, TimeGateRedirectsToTheMementoWithItsHeaders) {
  auto gate =
      client_.Get("/timegate/" + kPressRelease, {{"Accept-Datetime", "Thu, 01 Jan 2026 12:00:00 GMT"}});
  ASSERT_TRUE(gate);
  EXPECT_EQ(gate->status, 302);
  const std::string memento =
      "http://127.0.0.1:" + std::to_string(port_) + "/memento/20260314112000/" + kPressRelease;
  EXPECT_EQ(gate->get_header_value("Location"), memento);
  EXPECT_EQ(gate->get_header_value("Vary"), "accept-datetime");
  EXPECT_NE(gate->get_header_value("Link").find("<" + kPressRelease + ">; rel=\"original\""),
            std::string::npos);
  EXPECT_NE(gate->get_header_value("Link").find("rel=\"timemap\""), std::string::npos);

  auto copy = client_.Get(memento.substr(memento.find("/memento/")));
  ASSERT_TRUE(copy);
  EXPECT_EQ(copy->status, 200);
  EXPECT_EQ(copy->get_header_value("Memento-Datetime"), "Sat, 14 Mar 2026 11:20:00 GMT");
  EXPECT_EQ(copy->body, ReadFile(kSource + "/examples/archive/mayor-press-release.html"));

  auto map = client_.Get("/timemap/" + kPressRelease);
  ASSERT_TRUE(map);
  EXPECT_EQ(map->status, 200);
  EXPECT_NE(map->body.find("<" + memento + ">; rel=\"memento\""), std::string::npos) << map->body;
}

TEST_F(DemoServerTest, NoCopyIs404AndABadDateIs400) {
  auto none = client_.Get("/timegate/http://127.0.0.1:8765/council-report.html");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  auto wrong_time = client_.Get("/memento/20200101000000/" + kPressRelease);
  ASSERT_TRUE(wrong_time);
  EXPECT_EQ(wrong_time->status, 404);
  auto bad = client_.Get("/timegate/" + kPressRelease, {{"Accept-Datetime", "next spring"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  // The sources are still served, and the press release is still gone from them.
  auto live = client_.Get("/council-report.html");
  ASSERT_TRUE(live);
  EXPECT_EQ(live->status, 200);
  auto gone = client_.Get("/mayor-press-release.html");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404);
}

}  // namespace
}  // namespace citecheck::testing
