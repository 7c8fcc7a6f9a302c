// Markers, reference entries, footnotes, inline links and attribution.
#include <gtest/gtest.h>

#include "article/reader.h"
#include "article/test_util.h"

namespace citecheck {
namespace {

using testing_article::CitationIds;
using testing_article::HasDiagnostic;
using testing_article::Read;

using Ids = std::vector<std::string>;

TEST(CitationsTest, MarkerListsAndAdjacentMarkers) {
  Article a = Read("One \"a b c d\" [1, 2]. Two \"e f g h\" [3][4].\n");
  EXPECT_EQ(CitationIds(a), (Ids{"1", "2", "3", "4"}));
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].citation_ids, (Ids{"1", "2"}));
  EXPECT_EQ(a.quotes[1].citation_ids, (Ids{"3", "4"}));
}

TEST(CitationsTest, UniqueIdsInOrderOfFirstAppearance) {
  Article a = Read("B [2]. A [1]. B again [2].\n\n[1] https://a.example/\n[2] https://b.example/\n");
  EXPECT_EQ(CitationIds(a), (Ids{"2", "1"}));
  EXPECT_EQ(a.citations[0].url, "https://b.example/");
  EXPECT_EQ(a.citations[0].line, 4);
}

TEST(CitationsTest, ReferenceEntryForms) {
  Article a = Read(
      "Text [1] [2] [3] [4].\n\n"
      "[1] Smith, <https://one.example/a>.\n"
      "- [2]: https://two.example/b (accessed 2020)\n"
      "[3] No link here\n"
      "[4] \"Title\", https://FOUR.example:443/c#frag, 2020.\n");
  ASSERT_EQ(a.citations.size(), 4u);
  EXPECT_EQ(a.citations[0].url, "https://one.example/a");
  EXPECT_EQ(a.citations[1].url, "https://two.example/b");
  EXPECT_EQ(a.citations[2].url, "");  // not an entry outside a References section
  EXPECT_EQ(a.citations[3].url, "https://FOUR.example:443/c#frag");
  EXPECT_EQ(a.citations[3].normalized_url, "https://four.example/c");
  EXPECT_TRUE(a.quotes.empty());  // the entry's "Title" is not a quotation
}

TEST(CitationsTest, NumberedListOnlyUnderReferencesHeading) {
  const std::string body = "Text \"one two three four\" [1] [2].\n\n";
  const std::string list = "1. Smith, https://one.example/\n2) Jones, https://two.example/\n";
  for (const char* heading : {"## References\n", "Sources:\n", "NOTES\n", "Works cited\n",
                              "Bibliography\n=====\n", "**Citations**\n"}) {
    Article a = Read(body + heading + "\n" + list);
    ASSERT_EQ(a.citations.size(), 2u) << heading;
    EXPECT_EQ(a.citations[0].url, "https://one.example/") << heading;
    EXPECT_EQ(a.citations[1].url, "https://two.example/") << heading;
    EXPECT_EQ(a.quotes.size(), 1u) << heading;
  }
  Article plain = Read(body + "## Further\n\n" + list);
  EXPECT_EQ(plain.citations[0].id, "1");
  EXPECT_EQ(plain.citations[0].url, "");
}

TEST(CitationsTest, ReferenceSectionIsNotScanned) {
  Article a = Read(
      "Body \"one two three four\" [1].\n\n# References\n\n"
      "1. Smith, \"A long title of the paper\", https://one.example/ [7]\n"
      "Some note \"with a quoted phrase in it\".\n\n# Appendix\n\nAfter \"five six seven eight\".\n");
  EXPECT_EQ(testing_article::Texts(a), (Ids{"one two three four", "five six seven eight"}));
  EXPECT_EQ(CitationIds(a), (Ids{"1"}));
}

TEST(CitationsTest, EntryUrlOnContinuationLine) {
  Article a = Read("Text [1].\n\n## References\n\n1. Smith. A paper.\n   https://one.example/p\n");
  ASSERT_EQ(a.citations.size(), 1u);
  EXPECT_EQ(a.citations[0].url, "https://one.example/p");
}

TEST(CitationsTest, Footnotes) {
  Article a = Read(
      "He said \"one two three four\"[^smith]. Unresolved[^nope].\n\n"
      "[^smith]: Smith, 2020. https://smith.example/x.\n");
  EXPECT_EQ(CitationIds(a), (Ids{"^smith", "^nope"}));
  EXPECT_EQ(a.citations[0].url, "https://smith.example/x");
  EXPECT_EQ(a.citations[0].line, 3);
  EXPECT_EQ(a.citations[1].url, "");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].citation_ids, Ids{"^smith"});
}

TEST(CitationsTest, TrailingPunctuationIsNotPartOfTheUrl) {
  Article a = Read(
      "A [1] B [2] C [3] D [4].\n\n[1] (https://one.example/a).\n[2] https://two.example/b,\n"
      "[3] <https://three.example/c>\n[4] https://en.example/wiki/X_(y).\n");
  ASSERT_EQ(a.citations.size(), 4u);
  EXPECT_EQ(a.citations[0].url, "https://one.example/a");
  EXPECT_EQ(a.citations[1].url, "https://two.example/b");
  EXPECT_EQ(a.citations[2].url, "https://three.example/c");
  EXPECT_EQ(a.citations[3].url, "https://en.example/wiki/X_(y)");
}

struct MalformedCase {
  const char* entry;
  const char* url;
};

class MalformedUrlTest : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedUrlTest, KeepsCitationAndWarns) {
  Article a = Read(std::string("Text [1].\n\n[1] ") + GetParam().entry + "\n");
  ASSERT_EQ(a.citations.size(), 1u);
  EXPECT_EQ(a.citations[0].url, GetParam().url);
  EXPECT_EQ(a.citations[0].normalized_url, "");
  EXPECT_NE(a.citations[0].url_error.find("malformed URL"), std::string::npos);
  ASSERT_TRUE(HasDiagnostic(a, Diagnostic::Severity::kWarning, "malformed URL"));
  for (const Diagnostic& d : a.diagnostics) {
    if (d.message.find("malformed") == std::string::npos) continue;
    EXPECT_EQ(d.line, 3);
    EXPECT_EQ(d.column, 5);
    EXPECT_EQ(d.file, "article.md");
  }
}

INSTANTIATE_TEST_SUITE_P(Entries, MalformedUrlTest,
                         ::testing::Values(MalformedCase{"https://exa mple.com", "https://exa mple.com"},
                                           MalformedCase{"http://[::1", "http://[::1"},
                                           MalformedCase{"https://", "https://"}));

// An entry's URL of another scheme is kept and refused (link status
// blocked), not mistaken for a missing entry.
struct SchemeCase {
  const char* entry;
  const char* url;
  const char* error;
};

class OtherSchemeTest : public ::testing::TestWithParam<SchemeCase> {};

TEST_P(OtherSchemeTest, EntryKeepsItsUrlAndIsBlocked) {
  Article a = Read(std::string("Text [1].\n\n[1] ") + GetParam().entry + "\n");
  ASSERT_EQ(a.citations.size(), 1u);
  EXPECT_EQ(a.citations[0].url, GetParam().url);
  EXPECT_EQ(a.citations[0].normalized_url, "");
  EXPECT_EQ(a.citations[0].url_error, GetParam().error);
  EXPECT_EQ(a.citations[0].url_error_status, LinkStatus::kBlocked);
  EXPECT_TRUE(HasDiagnostic(a, Diagnostic::Severity::kWarning, GetParam().error));
}

INSTANTIATE_TEST_SUITE_P(
    Entries, OtherSchemeTest,
    ::testing::Values(SchemeCase{"The archive. ftp://ftp.example.org/pub/a.txt", "ftp://ftp.example.org/pub/a.txt",
                                 "scheme ftp not allowed"},
                      SchemeCase{"FTP://ftp.example.org/", "FTP://ftp.example.org/", "scheme ftp not allowed"},
                      SchemeCase{"file:///etc/passwd", "file:///etc/passwd", "scheme file not allowed"},
                      SchemeCase{"gopher://gopher.example.org/1/", "gopher://gopher.example.org/1/",
                                 "scheme gopher not allowed"},
                      SchemeCase{"javascript:fetch('https://x.example/')", "javascript:fetch('https://x.example/')",
                                 "scheme javascript not allowed"}));

TEST(CitationsTest, EntryWithTitleColonAndAnHttpUrlIsNotBlocked) {
  Article a = Read("Text [1].\n\n[1] Smith, Title: a subtitle. https://example.org/a\n");
  ASSERT_EQ(a.citations.size(), 1u);
  EXPECT_EQ(a.citations[0].url, "https://example.org/a");
  EXPECT_EQ(a.citations[0].url_error, "");
}

TEST(CitationsTest, InlineLinksOfOtherSchemes) {
  // A link naming a document is a citation, blocked; scheme-only links
  // (mailto:, javascript:) in running text are none, as before.
  Article a = Read("See [log](ftp://ftp.example.org/log) and <gopher://g.example/> and "
                   "[run](javascript:alert(1)) and [mail](mailto:x@y.z).\n");
  ASSERT_EQ(CitationIds(a), (Ids{"link-1", "link-2"}));
  EXPECT_EQ(a.citations[0].url, "ftp://ftp.example.org/log");
  EXPECT_EQ(a.citations[0].url_error_status, LinkStatus::kBlocked);
  EXPECT_EQ(a.citations[1].url_error, "scheme gopher not allowed");
}

TEST(CitationsTest, InlineLinks) {
  Article a = Read(
      "See [one](https://one.example/a) and [rel](/local) and [mail](mailto:x@y.z) and "
      "[frag](#top). Also <https://two.example/> and [again](https://ONE.example/a#x).\n");
  EXPECT_EQ(CitationIds(a), (Ids{"link-1", "link-2"}));
  EXPECT_EQ(a.citations[0].url, "https://one.example/a");
  EXPECT_EQ(a.citations[0].line, 1);
  EXPECT_EQ(a.citations[1].url, "https://two.example/");
}

TEST(CitationsTest, InlineLinkCitesTheSentenceItStandsIn) {
  Article a = Read(
      "He said \"one two three four\". [Smith](https://smith.example/) said \"five six seven "
      "eight\" too.\n");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[1].citation_ids, Ids{"link-1"});
  // The link opens the next sentence: the first quote takes it only as the
  // first marker after it in the paragraph.
  EXPECT_EQ(a.quotes[0].citation_ids, Ids{"link-1"});
}

struct AttributionCase {
  const char* name;
  const char* text;
  std::vector<Ids> ids;  // per quote
};

class AttributionTest : public ::testing::TestWithParam<AttributionCase> {};

TEST_P(AttributionTest, AttributesQuotes) {
  Article a = Read(GetParam().text);
  ASSERT_EQ(a.quotes.size(), GetParam().ids.size()) << GetParam().text;
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    EXPECT_EQ(a.quotes[i].citation_ids, GetParam().ids[i]) << i;
  }
}

const AttributionCase kAttributionCases[] = {
    {"same_sentence", "First [1]. He said \"a b c d\" [2]. Then [3].\n", {{"2"}}},
    {"after_full_stop", "First [1]. He said \"a b c d\". [2] Then [3].\n", {{"2"}}},
    {"after_closing_quote", "He said \"a b c d.\" [2] Then more [3].\n", {{"2"}}},
    {"full_stop_inside_quote", "He said \"a b. C d e\" today [2]. Next [3].\n", {{"2"}}},
    {"abbreviation", "Dr. Smith said \"a b c d\" to Mr. Jones [2].\n", {{"2"}}},
    {"first_after", "He said \"a b c d\". Later it was noted [4] and [5].\n", {{"4"}}},
    {"last_before", "It was noted [1][2]. Then he said \"a b c d\".\n", {{"1", "2"}}},
    {"uncited", "He said \"a b c d\".\n\nOther paragraph [1].\n", {{}}},
    {"every_line_paragraph", "He said \"a b c d\".\nOther line [1].\n", {{}}},
    {"blank_line_paragraph", "Intro.\n\nHe said \"a b c d\".\nSame paragraph [1].\n", {{"1"}}},
};

INSTANTIATE_TEST_SUITE_P(Rules, AttributionTest, ::testing::ValuesIn(kAttributionCases),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace citecheck
