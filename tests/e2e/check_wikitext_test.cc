// End to end: the real binary checks a wikitext article (refs, CS1
// templates, template quotes) against loopback pages.
#include <gtest/gtest.h>

#include "e2e/e2e_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

std::string WikitextArticle(const TestServer& server) {
  const std::string harbour = server.Url("/harbour.html");
  const std::string bridge = server.Url("/bridge-ru.html");
  return "'''Harbour Town''' is a port.\n\n"
         "== History ==\n"
         "The mayor promised visitors.<ref name=\"pier\">{{cite news |url=" + harbour +
         " |title=New pier opens |access-date=3 May 2019\n"
         " |quote=the new pier would bring visitors back to the harbour for good}}</ref>"
         " Engineers were confident.<ref name=storms>{{Cite web|url=" + harbour +
         "|quote=the structure can withstand storms far weaker than any recorded on this coast}}</ref>"
         " A bridge followed.<ref>{{cite news|url=" + bridge +
         "|quote=Glava goroda skazal, chto novyi most soedinit dva berega|"
         "script-quote=ru:Глава города сказал, что новый мост соединит два берега реки навсегда"
         "|trans-quote=The head of the city said the new bridge would join the two banks forever}}</ref>\n\n"
         "Fishermen agreed.<ref name=\"pier\" /> The history is in a book.<ref>{{cite book |title=A History of "
         "the Harbour |year=1990 |quote=a quote from a printed book only}}</ref>{{sfn|Smith|1990|p=4}}\n\n"
         "== References ==\n{{reflist}}\n";
}

TEST(CheckWikitextTest, TemplateQuotesAgainstRealPages) {
  TestServer server;
  server.ServeDirectory(FixturePath("e2e/wikitext"));
  server.Start();
  TempDir dir;
  CheckOutput out = CheckArticle(dir, "harbour.wiki", WikitextArticle(server), {"--allow-private"});
  ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
  const auto& article = out.report["articles"][0];

  auto pier = FindQuote(out.report, "new pier would bring");
  ASSERT_FALSE(pier.is_null()) << article.dump(2);
  EXPECT_EQ(pier["status"], "verified");
  EXPECT_EQ(pier["origin"], "ref");
  EXPECT_EQ(pier["citations"], nlohmann::json::array({"1"}));
  EXPECT_EQ(pier["line"], 5);

  auto storms = FindQuote(out.report, "withstand storms");
  ASSERT_FALSE(storms.is_null());
  EXPECT_EQ(storms["status"], "near_match");

  auto bridge = FindQuote(out.report, "Глава города");
  ASSERT_FALSE(bridge.is_null()) << article.dump(2);
  EXPECT_EQ(bridge["status"], "verified");
  EXPECT_TRUE(FindQuote(out.report, "Glava goroda").is_null());
  EXPECT_TRUE(FindQuote(out.report, "head of the city").is_null());  // trans-quote never checked

  auto book = FindQuote(out.report, "printed book");
  ASSERT_FALSE(book.is_null());
  EXPECT_EQ(book["status"], "unverifiable");
  EXPECT_EQ(book["reason"], "no online source");

  auto first = FindCitation(out.report, "1");
  EXPECT_EQ(first["name"], "pier");
  EXPECT_EQ(first["ref_title"], "New pier opens");
  EXPECT_EQ(first["access_date"], "2019-05-03");
  EXPECT_EQ(first["link_status"], "ok");
  EXPECT_EQ(first["line"], 4);
  auto book_citation = FindCitation(out.report, "4");
  EXPECT_EQ(book_citation["link_status"], "no_url");
  EXPECT_TRUE(book_citation["url"] == "" || book_citation["url"].is_null());
  auto sfn = FindCitation(out.report, "5");
  EXPECT_EQ(sfn["link_status"], "no_url");
  EXPECT_EQ(article["summary"]["links_by_status"]["no_url"], 2);
  EXPECT_EQ(article["summary"]["links_broken"], 0);
  // The near_match fails the run (exit 1); no_url citations alone never do.
  EXPECT_EQ(out.run.exit_code, 1) << out.run.err;
}

TEST(CheckWikitextTest, NoUrlCitationsDoNotFailTheRun) {
  TestServer server;
  server.ServeDirectory(FixturePath("e2e/wikitext"));
  server.Start();
  TempDir dir;
  const std::string article =
      "A port.<ref>{{cite web|url=" + server.Url("/harbour.html") +
      "|quote=the new pier would bring visitors back to the harbour for good}}</ref>"
      " Old.<ref>{{cite book|title=Annals}}</ref> Older.<ref>Parish records, 1850.</ref>\n";
  CheckOutput out = CheckArticle(dir, "port.txt", article, {"--allow-private", "--input-format", "wikitext"});
  ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
  EXPECT_EQ(out.run.exit_code, 0) << out.run.out << out.run.err;
  EXPECT_EQ(out.report["articles"][0]["summary"]["links_by_status"]["no_url"], 2);
}

TEST(CheckWikitextTest, StdinWithInputFormat) {
  TempDir dir;
  RunOutput bad = RunCitecheck({"check", "-", "--input-format", "latex", "--db", dir.File("c.db")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown --input-format"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace citecheck::testing
