// The text-fragment encoder against the WICG Text Fragments syntax: its
// examples, and the characters the syntax reserves (',', '-', '&') or that a
// URL cannot carry (spaces, non-ASCII).
#include "report/text_fragment.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

TEST(TextFragment, EncodesTermsAsTheSyntaxRequires) {
  EXPECT_EQ(EncodeTextDirectiveTerm("an example text fragment"), "an%20example%20text%20fragment");
  EXPECT_EQ(EncodeTextDirectiveTerm("a-b,c&d"), "a%2Db%2Cc%26d");
  EXPECT_EQ(EncodeTextDirectiveTerm("100% #1"), "100%25%20%231");
  EXPECT_EQ(EncodeTextDirectiveTerm("it's (so)! $5*2+1=11; a.b/c:d?e@f_g~h"),
            "it's%20(so)!%20$5*2+1=11;%20a.b/c:d?e@f_g~h");
  EXPECT_EQ(EncodeTextDirectiveTerm("“naïve” – café"), "%E2%80%9Cna%C3%AFve%E2%80%9D%20%E2%80%93%20caf%C3%A9");
  EXPECT_EQ(EncodeTextDirectiveTerm("\"<x>\""), "%22%3Cx%3E%22");
}

TEST(TextFragment, BuildsTheSpecsForms) {
  EXPECT_EQ(TextDirectiveString({"", "an example text fragment", "", ""}), "text=an%20example%20text%20fragment");
  EXPECT_EQ(TextDirectiveString({"", "an example", "text fragment", ""}), "text=an%20example,text%20fragment");
  EXPECT_EQ(TextDirectiveString({"this is", "an example", "", "text fragment"}),
            "text=this%20is-,an%20example,-text%20fragment");
  EXPECT_EQ(TextDirectiveString({"a", "b", "c", "d"}), "text=a-,b,c,-d");
  EXPECT_EQ(TextDirectiveString({"x", "", "y", "z"}), "");
  // A dash or comma inside a term never reads as the syntax's own.
  EXPECT_EQ(TextDirectiveString({"well-known", "one, two", "", "-3"}), "text=well%2Dknown-,one%2C%20two,-%2D3");
}

TEST(TextFragment, ReplacesTheUrlsFragment) {
  TextDirective d{"", "forty ships", "", ""};
  EXPECT_EQ(UrlWithTextFragment("https://example.org/a?b=1#top", d), "https://example.org/a?b=1#:~:text=forty%20ships");
  EXPECT_EQ(UrlWithTextFragment("https://example.org/a", TextDirective{}), "https://example.org/a");
}

TEST(TextFragment, TakesContextFromTheEvidencesLine) {
  Evidence e;
  e.snippet = "Title\nYesterday the harbour master counted forty ships in the bay, he said.\nNext";
  e.matched = "counted forty ships";
  e.offset = 31;
  TextDirective d = DirectiveForEvidence(e);
  EXPECT_EQ(d.start, "counted forty ships");
  EXPECT_EQ(d.prefix, "the harbour master");
  EXPECT_EQ(d.suffix, "in the bay,");
  EXPECT_EQ(d.end, "");
}

TEST(TextFragment, LongMatchesBecomeARangeAndCutWordsAreDropped) {
  Evidence e;
  e.snippet = "ibly long words then one two three four five six seven eight nine ten eleven twel";
  e.matched = "one two three four five six seven eight nine ten eleven";
  e.offset = 500;  // the snippet starts mid-page: its first word is cut
  TextDirective d = DirectiveForEvidence(e);
  EXPECT_EQ(d.start, "one two three four");
  EXPECT_EQ(d.end, "eight nine ten eleven");
  EXPECT_EQ(d.prefix, "long words then");
  EXPECT_EQ(d.suffix, "");  // "twel" is cut by the snippet's end
}

TEST(TextFragment, NoPrefixWhenTheMatchStartsInsideAWord) {
  Evidence e;
  e.snippet = "preamble";
  e.matched = "amble";
  TextDirective d = DirectiveForEvidence(e);
  EXPECT_EQ(d.start, "amble");
  EXPECT_EQ(d.prefix, "");
}

}  // namespace
}  // namespace citecheck
