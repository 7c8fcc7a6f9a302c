// What a reader never sees is never page text; note markers stay in the text
// as optional spans; paywall markup marks the page (docs/matching.md).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/visibility.h"

namespace citecheck {
namespace {

struct HiddenCase {
  const char* name;
  const char* html;
  const char* text;
};

class InvisibleTextTest : public testing::TestWithParam<HiddenCase> {};

TEST_P(InvisibleTextTest, NeverInPageText) {
  for (Elision elision : {Elision::kOn, Elision::kOff}) {
    ExtractResult result = ExtractHtml(GetParam().html, elision);
    ASSERT_TRUE(result.ok) << result.error;
    EXPECT_EQ(result.page.text, GetParam().text);
  }
}

const HiddenCase kHiddenCases[] = {
    {"DisplayNone", "<p>the budget would <span style=\"display:none\">never</span> balance</p>",
     "the budget would balance"},
    {"DisplayNoneSpacedImportant", "<p>a <b style=\"color: red; DISPLAY : none !important\">x</b> b</p>", "a b"},
    {"VisibilityHidden", "<p>a <span style='visibility:hidden'>x</span> b</p>", "a b"},
    {"VisibilityCollapse", "<p>a <span style='visibility: collapse'>x</span> b</p>", "a b"},
    {"DisplayBlockIsShown", "<p>a <span style='display:block'>x</span> b</p>", "a x b"},
    {"NoneInAnotherPropertyIsShown", "<p>a <span style='border:none'>x</span> b</p>", "a x b"},
    {"HiddenAttribute", "<p>the widening as <span hidden>secretly</span> \"a necessary step\"</p>",
     "the widening as \"a necessary step\""},
    {"HiddenBlock", "<div hidden><p>gone</p></div><p>kept</p>", "kept"},
    {"HiddenUntilFoundIsText", "<p>a <span hidden=until-found>found</span> b</p>", "a found b"},
    {"VisuallyHidden", "<p>in the guide<span class=\"visually-hidden\"> (opens in a new tab)</span> about it</p>",
     "in the guide about it"},
    {"SrOnly", "<p>x <span class='icon sr-only'>Share on</span> y</p>", "x y"},
    {"Visuallyhidden", "<p>x <span class=visuallyhidden>v</span> y</p>", "x y"},
    {"ScreenReaderText", "<p>x <span class='screen-reader-text'>v</span> y</p>", "x y"},
    {"ClassPrefixIsShown", "<p>x <span class='sr-only-note'>v</span> y</p>", "x v y"},
    {"MediaWikiEditLink",
     "<h2><span class=mw-headline>History</span><span class=mw-editsection><span class=mw-editsection-bracket>"
     "[</span><a href='?action=edit'>edit</a>]</span></h2><p>text</p>",
     "History\ntext"},
    {"NestedInsideHidden", "<p>a <span hidden><b>x</b><i style=display:block>y</i></span> b</p>", "a b"},
};

INSTANTIATE_TEST_SUITE_P(Cases, InvisibleTextTest, testing::ValuesIn(kHiddenCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(VisibilityTest, StyleAndClassRules) {
  EXPECT_TRUE(StyleHides("display:none"));
  EXPECT_TRUE(StyleHides("  display : NONE ; color: red"));
  EXPECT_FALSE(StyleHides("display: inline-block"));
  EXPECT_FALSE(StyleHides("displaynone"));
  EXPECT_TRUE(ClassHides("a  visually-hidden b"));
  EXPECT_FALSE(ClassHides("not-visually-hidden"));
  EXPECT_FALSE(ClassHides(""));
}

// The optional parts of a page's text, as strings.
std::vector<std::string> Optional(const PageText& page) {
  std::vector<std::string> parts;
  for (const TextSpan& span : page.optional_spans) parts.push_back(page.text.substr(span.begin, span.end - span.begin));
  return parts;
}

struct MarkerCase {
  const char* name;
  const char* html;
  const char* text;
  std::vector<std::string> optional;
};

class NoteMarkerTest : public testing::TestWithParam<MarkerCase> {};

TEST_P(NoteMarkerTest, KeptInTextAsOptional) {
  for (Elision elision : {Elision::kOn, Elision::kOff}) {
    ExtractResult result = ExtractHtml(GetParam().html, elision);
    ASSERT_TRUE(result.ok) << result.error;
    EXPECT_EQ(result.page.text, GetParam().text);
    EXPECT_EQ(Optional(result.page), GetParam().optional);
  }
}

const MarkerCase kMarkerCases[] = {
    {"WikipediaReference",
     "<p>in the spring of 1932.<sup id=cite_ref-4 class=\"reference\"><a href=\"#cite_note-4\">&#91;4&#93;</a></sup> "
     "It carried trams</p>",
     "in the spring of 1932.[4] It carried trams", {"[4]"}},
    {"WrittenMarkerAndTag", "<p>until 1958, when the last line closed.[5][citation needed] Later it was widened.</p>",
     "until 1958, when the last line closed.[5][citation needed] Later it was widened.",
     {"[5][citation needed]"}},
    {"MaintenanceTagMarkup",
     "<p>closed.<sup class=\"noprint Inline-Template Template-Fact\">[<i><a href=\"/wiki/Wikipedia:Citation_needed\">"
     "<span>citation needed</span></a></i>]</sup> Later</p>",
     "closed.[citation needed] Later", {"[citation needed]"}},
    {"BareSupNumber", "<p>40 percent<sup>1</sup> of the funds</p>", "40 percent1 of the funds", {"1"}},
    {"BareSupLetter", "<p>the claim<sup>a</sup> holds</p>", "the claima holds", {"a"}},
    {"FootnoteLink", "<p>as stated<a href=\"#fn3\">[note 3]</a> before</p>", "as stated[note 3] before",
     {"[note 3]"}},
    {"ExponentIsNotAMarker", "<p>10<sup>6</sup> cells</p>", "106 cells", {}},
    {"OrdinalIsNotAMarker", "<p>the 1<sup>e</sup> row</p>", "the 1e row", {}},
    {"WordSupIsNotAMarker", "<p>M<sup>me</sup> Curie</p>", "Mme Curie", {}},
    {"YearLinkIsNotAMarker", "<p>in <a href=\"/1932\">1932</a> it</p>", "in 1932 it", {}},
    {"LongNoteLinkIsProse", "<p>see <a href=\"#footnotes\">the notes at the end</a> now</p>",
     "see the notes at the end now", {}},
    {"BracketedProseIsNotAMarker", "<p>he said [the minister] was wrong</p>", "he said [the minister] was wrong", {}},
    {"MarkerAtLineEnd", "<p>last words.<sup><a href=\"#cite_note-9\">[9]</a></sup></p><p>next</p>",
     "last words.[9]\nnext", {"[9]"}},
    {"SpacedMarker", "<p>words <sup> [2] </sup> more</p>", "words [2] more", {"[2]"}},
};

INSTANTIATE_TEST_SUITE_P(Cases, NoteMarkerTest, testing::ValuesIn(kMarkerCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(NoteMarkerTest, PlainTextMarkers) {
  ExtractResult result = ExtractBody("It closed.[5] Then [citation needed] and [a].", "text/plain");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(Optional(result.page), (std::vector<std::string>{"[5]", "[citation needed]", "[a]"}));
}

TEST(NoteMarkerTest, ControlCharactersOfThePageAreDropped) {
  // gumbo reads them as U+FFFD; either way they never bracket a span.
  ExtractResult result = ExtractHtml("<p>a\x01 b\x02 c</p>");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.page.text.find_first_of("\x01\x02"), std::string::npos);
  EXPECT_TRUE(result.page.optional_spans.empty());
}

TEST(PageFurnitureTest, LabelLinesAreOptional) {
  ExtractResult result = ExtractHtml(
      "<p>First paragraph ends.</p><div class=ad>ADVERTISEMENT</div><p>Second one.</p>"
      "<ul><li>Share</li><li>Tweet</li></ul><span class=badge>4 min read</span>"
      "<p>An advertisement for soap.</p><figcaption>Photo: J. Smith / Reuters</figcaption>");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(Optional(result.page), (std::vector<std::string>{"ADVERTISEMENT", "Share", "Tweet", "4 min read"}));
  EXPECT_NE(result.page.text.find("Photo: J. Smith / Reuters"), std::string::npos);
}

// Markers around nothing visible, by the ten thousand: no spans, and each
// lookback stays short (a quadratic walk would not finish under the test timeout).
TEST(NoteMarkerTest, ManyMarkersAroundHiddenText) {
  std::string html = "<p>word";
  for (int i = 0; i < 20000; ++i) html += "<sup><span hidden>1</span></sup>";
  html += "<sup>2</sup> end</p>";
  ExtractResult result = ExtractHtml(html);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.page.text, "word2 end");
  EXPECT_EQ(Optional(result.page), (std::vector<std::string>{"2"}));
}

struct PaywallCase {
  const char* name;
  const char* html;
  bool paywalled;
};

class PaywallTest : public testing::TestWithParam<PaywallCase> {};

TEST_P(PaywallTest, FromStructuredData) {
  for (Elision elision : {Elision::kOn, Elision::kOff}) {
    ExtractResult result = ExtractHtml(GetParam().html, elision);
    ASSERT_TRUE(result.ok) << result.error;
    EXPECT_EQ(result.page.paywalled, GetParam().paywalled);
    // Structured data is never text: a full parse reads the JSON-LD, but
    // does not show it.
    if (GetParam().paywalled) {
      EXPECT_EQ(result.page.text.find("isAccessibleForFree"), std::string::npos);
    }
  }
}

const PaywallCase kPaywallCases[] = {
    {"JsonLdBoolean",
     "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"isAccessibleForFree\": false}"
     "</script></head><p>teaser</p>",
     true},
    {"JsonLdString", "<script type='application/ld+json'>{\"isAccessibleForFree\":\"False\"}</script><p>t</p>", true},
    {"JsonLdHasPart",
     "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
     "\"hasPart\":{\"@type\":\"WebPageElement\",\"isAccessibleForFree\":\"False\",\"cssSelector\":\".paywall\"}}"
     "</script><p>t</p>",
     true},
    {"JsonLdGraphInBody",
     "<p>t</p><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\"},"
     "{\"@type\":\"Article\",\"isAccessibleForFree\" :\n false}]}</script>",
     true},
    {"JsonLdFree", "<script type=\"application/ld+json\">{\"isAccessibleForFree\":true}</script><p>t</p>", false},
    {"JsonLdMalformedStillSays", "<script type=\"application/ld+json\">{\"isAccessibleForFree\":false,,}</script><p>t</p>",
     true},
    {"OtherScriptIgnored", "<script>var isAccessibleForFree = false; x = {\"isAccessibleForFree\":false}</script><p>t</p>",
     false},
    {"MicrodataMeta",
     "<article itemscope itemtype=\"https://schema.org/NewsArticle\"><meta itemprop=\"isAccessibleForFree\" "
     "content=\"False\"><p>teaser</p></article>",
     true},
    {"MicrodataHasPart",
     "<article itemscope itemtype=\"http://schema.org/NewsArticle\"><p>teaser</p><div itemprop=hasPart itemscope "
     "itemtype=\"http://schema.org/WebPageElement\"><link itemprop=isAccessibleForFree "
     "href=\"http://schema.org/False\"><div class=paywall>rest</div></div></article>",
     true},
    {"MicrodataText", "<p>t <span itemprop=\"isAccessibleForFree\" hidden>false</span></p>", true},
    {"MicrodataTrue", "<meta itemprop=\"isAccessibleForFree\" content=\"True\"><p>t</p>", false},
    {"ProseMentionIsNotMarkup", "<p>The isAccessibleForFree property is false on some pages.</p>", false},
};

INSTANTIATE_TEST_SUITE_P(Cases, PaywallTest, testing::ValuesIn(kPaywallCases),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace citecheck
