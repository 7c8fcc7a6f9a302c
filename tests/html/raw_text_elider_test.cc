#include "html/raw_text_elider.h"

#include <gtest/gtest.h>

#include <string>

namespace citecheck {
namespace {

constexpr const char* kFullParse = "(full parse)";

struct ElideCase {
  const char* name;
  const char* html;
  const char* elided;  // kFullParse: ElideRawText gives nullopt
};

class RawTextEliderTest : public testing::TestWithParam<ElideCase> {};

TEST_P(RawTextEliderTest, ElidesByTheTokenizerRules) {
  std::optional<std::string> out = ElideRawText(GetParam().html);
  EXPECT_EQ(out.value_or(kFullParse), GetParam().elided) << GetParam().html;
}

const ElideCase kCases[] = {
    {"NothingToElide", "<p>plain <b>text</b></p>", kFullParse},
    {"Script", "<p>a<script>var x = 1;</script>b", "<p>a<script></script>b"},
    {"ScriptAttributesKept", "<script src=a.js async>x</script>", "<script src=a.js async></script>"},
    {"EndTagAnyCase", "<SCRIPT>x</ScRiPt>b", "<SCRIPT></ScRiPt>b"},
    {"EndTagNeedsDelimiter", "<script>'</scripts>'</script >b", "<script></script >b"},
    {"EndTagSlash", "<script>x</script/>b", "<script></script/>b"},
    {"EndTagWithQuotedGt", "<script>x</script a='>'>b", "<script></script a='>'>b"},
    {"LessThanInScript", "<script>if (a<b && c</d) {}</script>e", "<script></script>e"},
    {"UnclosedScript", "<p>a<script>x <p>y", "<p>a<script>"},
    {"SelfClosingScriptIsNotEmpty", "<script/>x</script>y", "<script/></script>y"},
    {"Escaped", "<script><!-- x </script>y", "<script></script>y"},
    {"DoubleEscaped", "<script><!-- <script> </script> z </script>y", "<script></script>y"},
    {"DoubleEscapedThenCommentEnd", "<script><!-- <script> --> </script>y", "<script></script>y"},
    {"DoubleEscapedUpperCase", "<script><!-- <SCRIPT\t> </SCRIPT\n> q </script>y", "<script></script>y"},
    {"EscapedNotDoubleWithoutDelimiter", "<script><!-- <scripts> </script>y", "<script></script>y"},
    {"EscapeEndsAtOnce", "<script><!--> </script>y", "<script></script>y"},
    {"EscapeEndsAtOnceThreeDashes", "<script><!---> </script>y", "<script></script>y"},
    {"NotAnEscape", "<script><!-x <script> </script>y", "<script></script>y"},
    {"EscapeEndedThenScriptIsPlain", "<script><!-- --> <script> </script>y", "<script></script>y"},
    {"JsonKept", "<script type=\"application/ld+json\">{\"a\": 1}</script>", kFullParse},
    {"Style", "<style>p{x:'<b>'}</style><p>s", "<style></style><p>s"},
    {"StyleHasNoEscape", "<style><!-- </style> -->b", "<style></style> -->b"},
    {"TitleKept", "<title>a <!-- b --> c</title><p>d<!-- e -->", "<title>a <!-- b --> c</title><p>d<!---->"},
    {"TextareaKept", "<textarea><script>x</script></textarea>", kFullParse},
    {"XmpKept", "<xmp><!-- x --><script>y</script></xmp>", kFullParse},
    {"IframeKept", "<iframe><script>x</script></iframe>", kFullParse},
    {"PlaintextToTheEnd", "<plaintext><script>x</script><!-- y -->", kFullParse},
    {"Comment", "a<!-- x -->b", "a<!---->b"},
    {"CommentEmpty", "a<!-->b<!-- x -->", "a<!-->b<!---->"},
    {"CommentThreeDashes", "a<!--->b<!-- x -->", "a<!--->b<!---->"},
    {"CommentBang", "a<!-- x --!>b", "a<!----!>b"},
    {"CommentSpacedEndIsNot", "a<!-- x -- > y -->b", "a<!---->b"},
    {"CommentHoldsScript", "a<!-- <script> -->b<script>c</script>", "a<!---->b<script></script>"},
    {"CommentUnclosed", "a<!-- never", "a<!--"},
    {"BogusComment", "<!x <script>> <?php <script> ?>b", kFullParse},
    {"AttributeHoldsScript", "<p title=\"<script>\">a<script>b</script>",
     "<p title=\"<script>\">a<script></script>"},
    {"AttributeHoldsGt", "<img alt='>' src=x><script>b</script>", "<img alt='>' src=x><script></script>"},
    {"UnquotedValue", "<p x=<script>a<script>b</script>", "<p x=<script>a<script></script>"},
    {"NameStartsWithQuote", "<p \"<script>\">a<script>b</script>", "<p \"<script>\">a<script></script>"},
    {"EndTagHoldsScript", "</p x=\"<script>\">a<script>b</script>", "</p x=\"<script>\">a<script></script>"},
    {"UnclosedAttribute", "<p a=\"<script>x</script>", kFullParse},
    {"StyleInSelectIsNotRawText", "<select><style>a</style></select>", kFullParse},
    {"ScriptInSelect", "<select><script>x</script></select>", "<select><script></script></select>"},
    {"AfterSelect", "<select></select><style>x</style>", "<select></select><style></style>"},
    {"Frameset", "<frameset><script>x</script>", kFullParse},
    {"SvgStyleIsNotRawText", "<svg><style>x</style></svg>", kFullParse},
    {"SvgClosedThenHtml", "<svg><g/><title>t</title></svg><style>x</style>",
     "<svg><g/><title>t</title></svg><style></style>"},
    {"SvgSelfClosing", "<svg/><style>x</style>", "<svg/><style></style>"},
    {"SvgCdata", "<svg><![CDATA[</svg><style>]]></svg><style>x</style>",
     "<svg><![CDATA[</svg><style>]]></svg><style></style>"},
    {"SvgCommentElided", "<svg><!-- x --></svg>", "<svg><!----></svg>"},
    {"SvgBreakout", "<svg><p>x</p></svg><style>y</style>", kFullParse},
    {"SvgEndTagClosingHtml", "<div><svg></div><style>y</style>", kFullParse},
    {"MathIntegrationPointTitle", "<math><mi><title>x</title></mi></math><style>y</style>", kFullParse},
};

INSTANTIATE_TEST_SUITE_P(Cases, RawTextEliderTest, testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(RawTextEliderLinearTest, ManyScriptsAndComments) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<script><!-- <script> x";
  html += "<!--";
  for (int i = 0; i < 100000; ++i) html += "<!-- -- -";
  std::optional<std::string> out = ElideRawText(html);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(*out, "<script>");
}

TEST(RawTextEliderLinearTest, ManyClosedComments) {
  // Each comment's end is found by one forward scan (a search for "--!>" of
  // its own rescanned the rest of the page for every comment).
  std::string html;
  for (int i = 0; i < 200000; ++i) html += "<!-- c -->";
  std::optional<std::string> out = ElideRawText(html);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->size(), html.size() - 3 * 200000);
}

TEST(RawTextEliderLinearTest, DeepSvgIsAFullParse) {
  std::string html = "<svg>";
  for (int i = 0; i < 2000; ++i) html += "<g>";
  html += "<style>x</style>";
  EXPECT_FALSE(ElideRawText(html).has_value());
}

}  // namespace
}  // namespace citecheck
