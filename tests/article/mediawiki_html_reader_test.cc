// MediaWiki's rendered HTML (docs/reading.md "MediaWiki's rendered HTML"):
// the bundled example's saved page, read citation by citation and quote by
// quote, and small pages for the markup variants of the Cite extension and
// Citation Style 1.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "article/reader.h"
#include "article/test_util.h"

namespace citecheck {
namespace {

using testing_article::CitationIds;
using testing_article::Read;
using Ids = std::vector<std::string>;

const std::string kP = "http://127.0.0.1:8765";

std::string ExampleHtml() {
  return testing_article::ReadFile(std::string(CITECHECK_SOURCE_DIR) +
                                   "/examples/wikipedia/Aldery_Head_Lighthouse.html");
}

const Citation* FindCitation(const Article& a, const std::string& id) {
  for (const Citation& c : a.citations) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

struct CitationCase {
  std::string id;
  std::string url;
  bool no_url;
  std::string name;
  std::string group;
  std::string title;
  std::string access_date;
  std::string url_status;
  std::string archive_url;
  std::string archive_date;
};

TEST(MediaWikiHtmlTest, ExampleCitationsAsCs1RendersThem) {
  Article a = Read(ExampleHtml(), "Aldery_Head_Lighthouse.html");
  ASSERT_TRUE(a.title.has_value());
  EXPECT_EQ(*a.title, "Aldery Head Lighthouse");
  // Order of first appearance; the reused "trust" and "hale" are one citation each.
  EXPECT_EQ(CitationIds(a), (Ids{"1", "note 1", "2", "3", "4", "5"}));
  const CitationCase cases[] = {
      {"1", kP + "/harbour-trust/keeper-diary.html", false, "trust", "", "The keeper's diary", "2019-06-05",
       "live", kP + "/archive/20190604/keeper-diary.html", "2019-06-04"},
      {"note 1", "", true, "", "note", "", "", "", "", ""},
      {"2", kP + "/gazette/2009/storm.html", false, "storm", "", "Storm closes the old light", "2009-01-20", "dead",
       kP + "/archive/20150302/gazette-storm.html", "2015-03-02"},
      {"3", kP + "/council/minutes-1991.html", false, "", "", "Minutes of the harbour committee, 14 March 1991",
       "2019-06-05", "", "", ""},
      {"4", kP + "/ru/mayak.html", false, "", "", "Mayak na mysu Oldri", "2011-09-02", "", "", ""},
      {"5", "", true, "hale", "", "Lights of the Northern Coast", "", "", "", ""},
  };
  for (const CitationCase& want : cases) {
    SCOPED_TRACE(want.id);
    const Citation* c = FindCitation(a, want.id);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->url, want.url);
    EXPECT_EQ(c->no_url, want.no_url);
    EXPECT_EQ(c->name, want.name);
    EXPECT_EQ(c->group, want.group);
    EXPECT_EQ(c->ref_title, want.title);
    EXPECT_EQ(c->access_date, want.access_date);
    EXPECT_EQ(c->url_status, want.url_status);
    EXPECT_EQ(c->archive_url, want.archive_url);
    EXPECT_EQ(c->archive_date, want.archive_date);
    EXPECT_TRUE(c->url_error.empty()) << c->url_error;
    EXPECT_GT(c->line, 0);
  }
}

struct QuoteCase {
  std::string text;
  Ids citations;
  QuoteOrigin origin;
  bool skipped;
};

TEST(MediaWikiHtmlTest, ExampleQuotesProseAndTemplate) {
  Article a = Read(ExampleHtml(), "Aldery_Head_Lighthouse.html");
  // Article order: prose first, then each reference's quote= where the list holds it.
  const QuoteCase cases[] = {
      {"never once let the light go out in forty-one years", {"1"}, QuoteOrigin::kText, false},
      {"left without a roof for the whole of the winter", {"2"}, QuoteOrigin::kText, false},
      {"had served the town well but could no longer be afforded", {"3"}, QuoteOrigin::kText, false},
      {"the last working monument of the old harbour", {"5"}, QuoteOrigin::kText, false},
      {"the crow's nest", {"5"}, QuoteOrigin::kText, true},
      {"We kept the light through every storm, and the town kept us.", {"1"}, QuoteOrigin::kText, false},
      {"a candle for the drowned", {}, QuoteOrigin::kText, false},
      {"On clear nights the lamp could be seen from every cottage on the headland.", {"1"}, QuoteOrigin::kRef,
       false},
      // script-quote= is checked, not its romanization; the bracketed trans-quote= never.
      {"\u041C\u0430\u044F\u043A \u0432\u0438\u0434\u0435\u043D \u0441 \u043A\u0430\u0436\u0434\u043E\u0433\u043E "
       "\u0434\u043E\u043C\u0430 \u043D\u0430 \u043C\u044B\u0441\u0443.",
       {"4"}, QuoteOrigin::kRef, false},
  };
  ASSERT_EQ(a.quotes.size(), std::size(cases)) << testing::PrintToString(testing_article::Texts(a));
  for (size_t i = 0; i < std::size(cases); ++i) {
    SCOPED_TRACE(cases[i].text);
    EXPECT_EQ(a.quotes[i].text, cases[i].text);
    EXPECT_EQ(a.quotes[i].citation_ids, cases[i].citations);
    EXPECT_EQ(a.quotes[i].origin, cases[i].origin);
    EXPECT_EQ(a.quotes[i].skipped, cases[i].skipped) << a.quotes[i].skip_reason;
    EXPECT_GT(a.quotes[i].line, 0);
  }
}

// Nothing of the skin, the infobox, the navigation, the edit links or the
// footer is prose: the quoted words there are not quotations.
TEST(MediaWikiHtmlTest, ChromeIsNotProse) {
  Article a = Read(ExampleHtml(), "Aldery_Head_Lighthouse.html");
  for (const Quote& q : a.quotes) {
    for (const char* chrome : {"brightest light", "Random article", "Creative Commons", "edit"}) {
      EXPECT_EQ(q.text.find(chrome), std::string::npos) << q.text;
    }
  }
  for (const Citation& c : a.citations) EXPECT_EQ(c.url.find("foundation.example"), std::string::npos);
}

TEST(MediaWikiHtmlTest, QuoteLinePointsAtItsMarkup) {
  std::string html = ExampleHtml();
  Article a = Read(html, "Aldery_Head_Lighthouse.html");
  const Quote* q = testing_article::FindQuote(a, "On clear nights");
  ASSERT_NE(q, nullptr);
  size_t at = html.find("<q>On clear nights");
  ASSERT_NE(at, std::string::npos);
  int line = 1 + static_cast<int>(std::count(html.begin(), html.begin() + static_cast<long>(at), '\n'));
  EXPECT_EQ(q->line, line);
}

}  // namespace
}  // namespace citecheck
