// End to end (issue 13): the real binary against loopback pages with hidden
// text, note markers, visually-hidden link suffixes and paywall markup, one
// quote per row of the table; the paywall shown in the JSON report
// and in every other format.
#include <gtest/gtest.h>

#include "e2e/e2e_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

struct RowCase {
  const char* quote;
  const char* fragment;  // identifies the quote in the report
  const char* status;
};

TEST(CheckPageFeaturesTest, EveryRowOfTheTable) {
  TestServer server;
  server.ServeDirectory(FixturePath("e2e/pages"));
  server.Start();
  const RowCase rows[] = {
      {"the budget would never balance before the election", "would never balance", "near_match"},
      {"the budget would balance before the election", "would balance before", "verified"},
      {"the widening as secretly a necessary step for the growing town", "as secretly", "near_match"},
      {"the widening as a necessary step for the growing town", "widening as a necessary", "verified"},
      {"in the spring of 1932. It carried trams across the river", "spring of 1932", "verified"},
      {"the last line closed. Later it was widened twice.", "last line closed", "verified"},
      {"40 percent of the funds went to repairs", "40 percent", "verified"},
      {"in the guide about the walkway and its history", "in the guide about", "verified"},
      {"History edit the budget would balance", "History edit", "not_found"},
  };
  std::string article = "# Bridge\n\n";
  for (const RowCase& row : rows) article += std::string("The source says \"") + row.quote + "\" [1].\n\n";
  article += "A teaser line says \"voted on Tuesday to close the old harbour road\" [2].\n\n";
  article += "And the rest says \"the harbour will reopen to lorries next spring\" [2].\n\n";
  article += "## References\n\n[1] " + server.Url("/furniture.html") + "\n[2] " + server.Url("/paywalled.html") + "\n";

  TempDir dir;
  CheckOutput out = CheckArticle(dir, "bridge.md", article, {"--allow-private"});
  ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
  for (const RowCase& row : rows) {
    auto q = FindQuote(out.report, row.fragment);
    ASSERT_FALSE(q.is_null()) << row.fragment;
    EXPECT_EQ(q["status"], row.status) << row.quote << "\n" << q.dump(2);
    if (std::string(row.status) == "verified") {
      EXPECT_DOUBLE_EQ(q["score"].get<double>(), 1.0);
    }
  }
  // The evidence shows the page as it is, marker included, at its offset.
  auto spring = FindQuote(out.report, "spring of 1932");
  EXPECT_NE(spring["evidence"]["matched"].get<std::string>().find("1932.[4] It carried"), std::string::npos);

  EXPECT_EQ(FindCitation(out.report, "1")["paywalled"], false);
  EXPECT_EQ(FindCitation(out.report, "2")["paywalled"], true);
  EXPECT_EQ(FindQuote(out.report, "voted on Tuesday")["status"], "verified");
  auto missing = FindQuote(out.report, "reopen to lorries");
  EXPECT_EQ(missing["status"], "unverifiable");
  EXPECT_EQ(missing["reason"], "paywalled page: only part of its text is public");

  // Every format says the page is paywalled, from the stored run.
  for (const char* format : {"text", "markdown", "html", "junit"}) {
    RunOutput report = RunCitecheck({"report", "--format", format, "--db", dir.File("citecheck.db")});
    EXPECT_NE(report.out.find("paywalled page"), std::string::npos) << format << "\n" << report.out;
  }
}

}  // namespace
}  // namespace citecheck::testing
