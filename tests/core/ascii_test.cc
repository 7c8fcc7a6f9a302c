// ASCII case folding, media types and HTML sniffing (core/ascii.h,
// core/media_type.h): the one implementation every stage uses.
#include "core/ascii.h"

#include <gtest/gtest.h>


#include "core/media_type.h"

namespace citecheck {
namespace {

TEST(AsciiLowerTest, FoldsOnlyAsciiLetters) {
  EXPECT_EQ(AsciiLower("Text/HTML; Charset=UTF-8"), "text/html; charset=utf-8");
  EXPECT_EQ(AsciiLower(""), "");
  // UTF-8 bytes and Latin-1 capitals pass through: these are names, not prose.
  EXPECT_EQ(AsciiLower("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89");
  EXPECT_EQ(AsciiLower(std::string("A\0B", 3)), std::string("a\0b", 3));
  EXPECT_EQ(AsciiLower('Z'), 'z');
  EXPECT_EQ(AsciiLower('['), '[');
  EXPECT_EQ(AsciiLower('@'), '@');
}

struct MediaTypeCase {
  const char* header;
  const char* type;
  bool html;
};

class MediaTypeTest : public ::testing::TestWithParam<MediaTypeCase> {};

TEST_P(MediaTypeTest, TypeAndSubtypeOnly) {
  const MediaTypeCase& c = GetParam();
  EXPECT_EQ(MediaType(c.header), c.type) << c.header;
  EXPECT_EQ(IsHtmlMediaType(c.header), c.html) << c.header;
}

INSTANTIATE_TEST_SUITE_P(Cases, MediaTypeTest,
                         ::testing::Values(MediaTypeCase{"text/html", "text/html", true},
                                           MediaTypeCase{"Text/HTML; charset=UTF-8", "text/html", true},
                                           MediaTypeCase{"  text/markdown ;charset=utf-8", "text/markdown", false},
                                           MediaTypeCase{"application/xhtml+xml", "application/xhtml+xml", true},
                                           MediaTypeCase{"text/plain\t", "text/plain", false},
                                           MediaTypeCase{"", "", false}, MediaTypeCase{";q=1", "", false}));

struct SniffCase {
  const char* name;
  const char* text;
  bool html;
};

class LooksLikeHtmlTest : public ::testing::TestWithParam<SniffCase> {};

TEST_P(LooksLikeHtmlTest, Sniffs) {
  EXPECT_EQ(LooksLikeHtml(GetParam().text), GetParam().html) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LooksLikeHtmlTest,
    ::testing::Values(SniffCase{"Doctype", "<!DOCTYPE html><title>t</title>", true},
                      SniffCase{"BomAndSpace", "\xEF\xBB\xBF\n  <html><p>x</p></html>", true},
                      SniffCase{"XmlDeclaration", "<?xml version=\"1.0\"?><html/>", true},
                      SniffCase{"BodyAnywhere", "stray text <body>hi</body>", true},
                      SniffCase{"FragmentWithBlock", "<div><p>A paragraph.</p></div>", true},
                      SniffCase{"FragmentWithTitle", "<title>x</title> words", true},
                      SniffCase{"MarkdownMentioningATag", "Use a <div> here, and <p> there.", false},
                      SniffCase{"MarkdownMentioningHead", "Put it in the <head> of the page.", false},
                      SniffCase{"PlainWords", "just words here", false}, SniffCase{"Empty", "", false},
                      SniffCase{"OnlyAnInlineTag", "<em>hi</em> there", false}),
    [](const ::testing::TestParamInfo<SniffCase>& info) { return std::string(info.param.name); });

TEST(LooksLikeHtmlTest, LooksAtTheFirst8KiBOnly) {
  EXPECT_FALSE(LooksLikeHtml(std::string(9000, 'x') + "<body>"));
  EXPECT_TRUE(LooksLikeHtml(std::string(8000, 'x') + "<body>"));
}

}  // namespace
}  // namespace citecheck
