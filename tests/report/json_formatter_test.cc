// The JSON report keeps its schema (docs/report-json.md): names, types, null-ness, counts.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/sample_run.h"

namespace citecheck {
namespace {

using nlohmann::json;
using testing::SampleRun;

json Render(const RunRecord& run) {
  std::string text = MakeFormatter("json", {})->Render(run);
  EXPECT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  return json::parse(text);  // throws (fails the test) when invalid
}

TEST(JsonFormatterTest, FollowsTheSpecSchema) {
  const json report = Render(SampleRun());
  EXPECT_EQ(report.at("schema"), "citecheck.report/1");
  ASSERT_TRUE(report.at("articles").is_array());
  ASSERT_EQ(report["articles"].size(), 2u);

  const json& a = report["articles"][0];
  EXPECT_EQ(a.at("source"), "articles/seed.md");
  EXPECT_EQ(a.at("title"), "The seed article");
  EXPECT_EQ(a.at("checked_at"), "2026-11-26T03:00:00Z");

  const json& s = a.at("summary");
  for (const char* key : {"citations", "links_ok", "links_broken", "quotes", "verified", "near_match",
                          "not_found", "unverifiable", "skipped", "uncited"}) {
    EXPECT_TRUE(s.at(key).is_number_integer()) << key;
  }
  EXPECT_TRUE(s.at("links_by_status").is_object());

  ASSERT_EQ(a.at("citations").size(), 6u);
  const json& c = a["citations"][0];
  EXPECT_EQ(c.at("id"), "1");
  EXPECT_EQ(c.at("url"), "https://example.org/a");
  EXPECT_EQ(c.at("final_url"), "https://example.org/a");
  EXPECT_TRUE(c.at("http_status").is_number_integer());
  EXPECT_EQ(c.at("http_status"), 200);
  EXPECT_EQ(c.at("link_status"), "ok");
  EXPECT_TRUE(c.at("error").is_null());
  EXPECT_EQ(c.at("content_type"), "text/html");
  EXPECT_EQ(c.at("language"), "en");
  EXPECT_EQ(c.at("title"), "Page 1");

  ASSERT_EQ(a.at("quotes").size(), 7u);
  const json& q = a["quotes"][0];
  EXPECT_EQ(q.at("text"), "the quick brown fox jumps");
  EXPECT_EQ(q.at("line"), 14);
  EXPECT_EQ(q.at("column"), 73);
  EXPECT_EQ(q.at("citations"), json::array({"1"}));
  EXPECT_EQ(q.at("status"), "verified");
  EXPECT_TRUE(q.at("score").is_number());
  EXPECT_DOUBLE_EQ(q.at("score").get<double>(), 1.0);
  const json& e = q.at("evidence");
  EXPECT_EQ(e.at("citation"), "1");
  EXPECT_EQ(e.at("snippet"), "…see: the quick brown fox jumps over…");
  EXPECT_EQ(e.at("offset"), 1234);
  EXPECT_TRUE(q.at("reason").is_null());
}

TEST(JsonFormatterTest, NullsStandForNone) {
  const json a = Render(SampleRun())["articles"][0];
  const json& timeout = a["citations"][3];
  EXPECT_EQ(timeout.at("link_status"), "timeout");
  EXPECT_EQ(timeout.at("error"), "timed out after 30 s");
  for (const char* key : {"final_url", "http_status", "content_type", "language", "title"}) {
    EXPECT_TRUE(timeout.at(key).is_null()) << key;
  }
  const json& unresolved = a["citations"][5];
  EXPECT_EQ(unresolved.at("link_status"), "unresolved");
  EXPECT_EQ(unresolved.at("url"), "");
  EXPECT_TRUE(unresolved.at("line").is_null());

  const json& missing = a["quotes"][2];
  EXPECT_EQ(missing.at("status"), "not_found");
  EXPECT_TRUE(missing.at("evidence").is_null());
  EXPECT_TRUE(missing.at("reason").is_null());
  EXPECT_EQ(a["quotes"][3].at("reason"), "link broken: HTTP 404");
  EXPECT_EQ(a["quotes"][5].at("citations"), json::array());

  const json empty = Render(SampleRun())["articles"][1];
  EXPECT_TRUE(empty.at("title").is_null());
  EXPECT_EQ(empty.at("citations"), json::array());
  EXPECT_EQ(empty.at("quotes"), json::array());
  EXPECT_EQ(empty["summary"].at("links_by_status"), json::object());
}

TEST(JsonFormatterTest, SummaryCountsEveryStatus) {
  const json s = Render(SampleRun())["articles"][0]["summary"];
  EXPECT_EQ(s["citations"], 6);
  EXPECT_EQ(s["links_ok"], 2);
  EXPECT_EQ(s["links_broken"], 3);  // broken, timeout, unresolved; not excluded
  EXPECT_EQ(s["links_by_status"],
            json({{"ok", 2}, {"broken", 1}, {"timeout", 1}, {"excluded", 1}, {"unresolved", 1}}));
  EXPECT_EQ(s["quotes"], 7);
  EXPECT_EQ(s["verified"], 1);
  EXPECT_EQ(s["near_match"], 1);
  EXPECT_EQ(s["not_found"], 1);
  EXPECT_EQ(s["unverifiable"], 1);
  EXPECT_EQ(s["skipped"], 1);
  EXPECT_EQ(s["uncited"], 1);
  EXPECT_EQ(s["pending"], 1);
}

TEST(JsonFormatterTest, NearMatchCarriesItsDifferences) {
  const json q = Render(SampleRun())["articles"][0]["quotes"][1];
  EXPECT_EQ(q["status"], "near_match");
  EXPECT_NEAR(q["score"].get<double>(), 0.8333, 1e-9);
  EXPECT_EQ(q["citations"], json::array({"3", "1"}));
  EXPECT_EQ(q["evidence"]["citation"], "3");
  EXPECT_EQ(q["evidence"]["differences"],
            json::parse(R"([{"article":"misquoted","page":"mis-quoted"},{"article":"text","page":"texts"}])"));
}

TEST(JsonFormatterTest, UndecidedQuoteIsPending) {
  const json q = Render(SampleRun())["articles"][0]["quotes"][6];
  EXPECT_EQ(q["status"], "pending");
  EXPECT_TRUE(q["evidence"].is_null());
  EXPECT_TRUE(q["reason"].is_null());
  EXPECT_TRUE(q["score"].is_number());
}

TEST(JsonFormatterTest, DiagnosticsAndRunAreIncluded) {
  const json report = Render(SampleRun());
  EXPECT_EQ(report["run"]["id"], 7);
  EXPECT_EQ(report["run"]["state"], "done");
  const json d = report["articles"][0]["diagnostics"][0];
  EXPECT_EQ(d["severity"], "warning");
  EXPECT_EQ(d["file"], "articles/seed.md");
  EXPECT_EQ(d["line"], 12);
  EXPECT_EQ(d["column"], 4);
  EXPECT_EQ(d["message"], "reference [9] is never cited");
}

TEST(JsonFormatterTest, PrettyPrintedWithTwoSpacesInSpecOrder) {
  const std::string text = MakeFormatter("json", {})->Render(SampleRun());
  EXPECT_EQ(text.rfind("{\n  \"schema\": \"citecheck.report/1\",\n  \"articles\": [\n    {\n", 0), 0u)
      << text.substr(0, 80);
}

TEST(JsonFormatterTest, UntrustedStringsStayValidJson) {
  RunRecord run = SampleRun();
  ArticleRecord& a = run.articles[0];
  const std::string nasty = std::string("say \"hi\" \\ back\\slash \x1b[31m\x07\n\t") + "\xff\xfe bad \xc3";
  a.title = nasty;
  a.source = nasty;
  a.citations[0].title = nasty;
  a.citations[0].error = nasty;
  a.quotes[0].quote.text = nasty;
  a.quotes[0].verdict.evidence->snippet = nasty;
  a.quotes[1].verdict.evidence->differences[0].first = nasty;
  a.diagnostics[0].message = nasty;

  const std::string text = MakeFormatter("json", {})->Render(run);
  json report;
  ASSERT_NO_THROW(report = json::parse(text));
  const std::string title = report["articles"][0]["title"];
  EXPECT_EQ(title.rfind("say \"hi\" \\ back\\slash \x1b[31m\x07\n\t", 0), 0u);
  EXPECT_NE(title.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD for invalid bytes
  // Control characters are escaped, never raw, in the JSON text.
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\x07'), std::string::npos);
}

TEST(JsonFormatterTest, EmptyRunHasNoArticles) {
  const json report = Render(RunRecord{});
  EXPECT_EQ(report["articles"], json::array());
}

}  // namespace
}  // namespace citecheck
