// End to end: the real binary checks an article whose quotes exercise every
// normalization and verdict rule against a fixture page on 127.0.0.1.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "e2e/e2e_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

struct QuoteCase {
  const char* quote;     // as written in the article (straight quotes added around it)
  const char* fragment;  // identifies the quote in the report
  const char* status;
};

TEST(CheckQuotesTest, VerdictsAgainstARealPage) {
  TestServer server;
  server.ServeDirectory(FixturePath("e2e/pages"));
  server.Start();

  const QuoteCase cases[] = {
      // exact, and the page writes it with curly quotes around it
      {"the river has never been cleaner than it is today", "river has never", "verified"},
      // curly quotes in the article
      {"\u201cpublic transport will be free for children\u201d", "public transport", "verified"},
      // other case, extra whitespace, a line break in the page
      {"Officials expect the harvest  to be larger than last year", "harvest", "verified"},
      // NBSP in the page
      {"the bridge will reopen in March after repairs", "bridge will reopen", "verified"},
      // soft hyphen in the page
      {"an extraordinary amount of rainfall overnight", "extraordinary", "verified"},
      // em dash in the page, hyphens in the article
      {"The results - all of them - were published on Monday", "all of them", "verified"},
      // split across <b>, <a>, <span>
      {"We will never give up on the coastal railway project", "coastal railway", "verified"},
      // ellipsis joining two sentences' parts in order
      {"The new school will open ... four hundred pupils from across the valley", "new school", "verified"},
      // one word changed: a misquote, never verified
      {"The factory employs four hundred workers from the town", "factory employs", "near_match"},
      // fabricated
      {"the minister resigned in disgrace after the vote", "minister resigned", "not_found"},
      // only inside <script>, only inside <style>, only inside a comment
      {"the secret plan was approved by everyone on the board", "secret plan", "not_found"},
      {"the stylesheet text is never visible to readers", "stylesheet", "not_found"},
      {"the hidden agenda was never discussed openly at the meeting", "hidden agenda", "not_found"},
  };
  std::string article = "# Quotes\n\n";
  for (const auto& c : cases) {
    std::string q = c.quote;
    bool curly = q.rfind("\u201c", 0) == 0;
    article += std::string("The source says ") + (curly ? q : "\"" + q + "\"") + " [1].\n\n";
  }
  article += "## References\n\n[1] " + server.Url("/quotes.html") + "\n";

  TempDir dir;
  CheckOutput out = CheckArticle(dir, "quotes.md", article, {"--allow-private"});
  ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
  EXPECT_EQ(out.run.exit_code, 1) << out.run.err;  // a near_match and not_found fail the run
  auto citation = FindCitation(out.report, "1");
  EXPECT_EQ(citation["link_status"], "ok");
  EXPECT_EQ(citation["http_status"], 200);
  EXPECT_EQ(citation["title"], "River Valley Gazette");
  for (const auto& c : cases) {
    auto q = FindQuote(out.report, c.fragment);
    ASSERT_FALSE(q.is_null()) << c.fragment;
    EXPECT_EQ(q["status"], c.status) << c.quote << "\n" << q.dump(2);
    EXPECT_EQ(q["citations"], nlohmann::json::array({"1"}));
  }
  auto exact = FindQuote(out.report, "river has never");
  EXPECT_DOUBLE_EQ(exact["score"].get<double>(), 1.0);
  ASSERT_TRUE(exact["evidence"].is_object());
  EXPECT_EQ(exact["evidence"]["citation"], "1");
  EXPECT_NE(exact["evidence"]["snippet"].get<std::string>().find("the river has never been cleaner"),
            std::string::npos);
  auto near = FindQuote(out.report, "factory employs");
  EXPECT_LT(near["score"].get<double>(), 1.0);
  // The evidence shows the page's own wording, not the article's.
  EXPECT_NE(near["evidence"]["snippet"].get<std::string>().find("three hundred workers"), std::string::npos);
  EXPECT_EQ(out.report["articles"][0]["summary"]["verified"], 8);
  EXPECT_EQ(out.report["articles"][0]["summary"]["near_match"], 1);
  EXPECT_EQ(out.report["articles"][0]["summary"]["not_found"], 4);
}

TEST(CheckQuotesTest, ResultsAreStoredAndTheRunIsOneRow) {
  TestServer server;
  server.ServeDirectory(FixturePath("e2e/pages"));
  server.Start();
  TempDir dir;
  std::string article = "A report said \"the harbour authority published its yearly figures\" [1].\n\n"
                        "[1] " + server.Url("/plain.html") + "\n";
  CheckOutput out = CheckArticle(dir, "a.md", article, {"--allow-private=127.0.0.1"});
  EXPECT_EQ(out.run.exit_code, 0) << out.run.err;
  auto q = FindQuote(out.report, "harbour authority");
  EXPECT_EQ(q["status"], "verified");
  // The database file exists and a second check adds a second run to it.
  CheckOutput again = CheckArticle(dir, "a.md", article, {"--allow-private=127.0.0.1"});
  EXPECT_EQ(again.run.exit_code, 0) << again.run.err;
  SQLite::Database db(dir.File("citecheck.db"));
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM runs").getInt(), 2);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM articles").getInt(), 1);  // same identity
}

}  // namespace
}  // namespace citecheck::testing

namespace citecheck::testing {
namespace {

TEST(CheckQuotesTest, QuoteNotFoundInAPageOfAnotherLanguageIsAPossibleTranslation) {
  TestServer server;
  server.server().Get("/ru", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<html><body><p>Директор службы заявил, что после распада Советского Союза главный противник "
        "снова возглавил кампанию против России. Он также сказал, что работа будет продолжена.</p>"
        "</body></html>",
        "text/html; charset=utf-8");
  });
  server.Start();
  TempDir dir;
  std::string article = "He said \"the main enemy again led the campaign against Russia\" [1].\n\n[1] " +
                        server.Url("/ru") + "\n";
  CheckOutput out = CheckArticle(dir, "t.md", article, {"--allow-private"});
  ASSERT_FALSE(out.report.is_null()) << out.run.err;
  auto q = FindQuote(out.report, "main enemy");
  EXPECT_EQ(q["status"], "unverifiable") << q.dump(2);
  EXPECT_EQ(q["reason"], "source is in ru; the quote may be a translation");
  EXPECT_EQ(out.run.exit_code, 0);  // unverifiable never fails a run
}

}  // namespace
}  // namespace citecheck::testing
