// Issue 14's proof for rendered HTML: the same article read as wikitext and
// as MediaWiki's rendered HTML (examples/wikipedia/) gives the same
// citations, by URL, and the same quotations, with the same attribution.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "article/reader.h"
#include "article/test_util.h"

namespace citecheck {
namespace {

const std::string kExample = std::string(CITECHECK_SOURCE_DIR) + "/examples/wikipedia/Aldery_Head_Lighthouse";

Article ReadForm(const std::string& extension) {
  return testing_article::Read(testing_article::ReadFile(kExample + extension), "Aldery_Head_Lighthouse" + extension);
}

// What a citation is, whatever the form: its id and URL and what the
// reference says of it.
using CitationKey = std::tuple<std::string, std::string, bool, std::string, std::string, std::string,
                               std::string, std::string>;

std::vector<CitationKey> Citations(const Article& a) {
  std::vector<CitationKey> out;
  for (const Citation& c : a.citations) {
    out.emplace_back(c.id, c.normalized_url, c.no_url, c.name, c.group, c.access_date, c.archive_url,
                     c.archive_date);
  }
  return out;
}

using QuoteKey = std::tuple<std::string, std::vector<std::string>, QuoteOrigin, bool>;

// Quotes as a set: the wikitext reader finds a template quote where its
// <ref> stands, the HTML one where the references list holds it.
std::multiset<QuoteKey> Quotes(const Article& a) {
  std::multiset<QuoteKey> out;
  for (const Quote& q : a.quotes) out.emplace(q.text, q.citation_ids, q.origin, q.skipped);
  return out;
}

TEST(MediaWikiHtmlWikitextTest, SameCitationsByUrl) {
  Article wiki = ReadForm(".wiki");
  Article html = ReadForm(".html");
  ASSERT_FALSE(wiki.citations.empty());
  EXPECT_EQ(Citations(wiki), Citations(html));
  std::set<std::string> wiki_urls, html_urls;
  for (const Citation& c : wiki.citations) wiki_urls.insert(c.normalized_url);
  for (const Citation& c : html.citations) html_urls.insert(c.normalized_url);
  EXPECT_EQ(wiki_urls, html_urls);
}

TEST(MediaWikiHtmlWikitextTest, SameQuotes) {
  Article wiki = ReadForm(".wiki");
  Article html = ReadForm(".html");
  ASSERT_FALSE(wiki.quotes.empty());
  EXPECT_EQ(Quotes(wiki), Quotes(html)) << testing::PrintToString(testing_article::Texts(wiki)) << "\n"
                                         << testing::PrintToString(testing_article::Texts(html));
}

}  // namespace
}  // namespace citecheck
