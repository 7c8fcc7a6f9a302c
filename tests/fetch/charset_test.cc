// Charset choice and decoding to UTF-8 (lib/fetch/charset).
#include "fetch/charset.h"

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

using testing::FixturePath;
using testing::ReadFile;

// "Привет" in windows-1251.
const std::string kPrivet1251 = "\xCF\xF0\xE8\xE2\xE5\xF2";

TEST(MediaTypeTest, LowerCasedWithoutParameters) {
  EXPECT_EQ(MediaType("Text/HTML; charset=UTF-8"), "text/html");
  EXPECT_EQ(MediaType(" application/pdf "), "application/pdf");
  EXPECT_EQ(MediaType(""), "");
}

TEST(CharsetParameterTest, Reads) {
  EXPECT_EQ(CharsetParameter("text/html; charset=Windows-1251"), "windows-1251");
  EXPECT_EQ(CharsetParameter("text/html;charset=\"utf-8\""), "utf-8");
  EXPECT_EQ(CharsetParameter("text/html; q=1; charset = koi8-r"), "koi8-r");
  EXPECT_EQ(CharsetParameter("text/html"), "");
}

TEST(MetaCharsetTest, FindsBothForms) {
  EXPECT_EQ(MetaCharset("<html><head><META CHARSET='Windows-1251'>"), "windows-1251");
  EXPECT_EQ(MetaCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"),
            "koi8-r");
  EXPECT_EQ(MetaCharset("<meta name=\"x\"><meta charset=utf-8>"), "utf-8");
  EXPECT_EQ(MetaCharset("<p>charset=latin1</p>"), "");
  EXPECT_EQ(MetaCharset(std::string(5000, ' ') + "<meta charset=koi8-r>"), "");  // past 4 KB
}

TEST(IsTextMediaTypeTest, TextTypes) {
  for (const char* type : {"text/html", "text/plain", "application/xhtml+xml", "application/xml",
                           "application/json", "application/ld+json", "image/svg+xml", ""}) {
    EXPECT_TRUE(IsTextMediaType(type)) << type;
  }
  for (const char* type : {"application/pdf", "image/png", "application/octet-stream"}) {
    EXPECT_FALSE(IsTextMediaType(type)) << type;
  }
}

struct ChooseCase {
  std::string body;
  std::string http_charset;
  std::string expected;
};

class ChooseCharsetTest : public ::testing::TestWithParam<ChooseCase> {};

TEST_P(ChooseCharsetTest, Chooses) {
  EXPECT_EQ(ChooseCharset(GetParam().body, GetParam().http_charset), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ChooseCharsetTest,
    ::testing::Values(
        // The BOM wins over everything.
        ChooseCase{"\xEF\xBB\xBFhello", "windows-1251", "UTF-8"},
        ChooseCase{std::string("\xFF\xFEh\0i\0", 6), "", "UTF-16LE"},
        ChooseCase{std::string("\xFE\xFF\0h\0i", 6), "", "UTF-16BE"},
        // Then the HTTP charset, then <meta>.
        ChooseCase{"<meta charset=koi8-r>" + kPrivet1251, "windows-1251", "WINDOWS-1251"},
        ChooseCase{"<meta charset=koi8-r>" + kPrivet1251, "", "KOI8-R"},
        // Unknown names fall through to the next signal.
        ChooseCase{"<meta charset=windows-1251>" + kPrivet1251, "x-no-such-charset", "WINDOWS-1251"},
        ChooseCase{"plain ascii", "no-such", "UTF-8"},
        // WHATWG: latin1 means windows-1252; a UTF-16 <meta> cannot be true.
        ChooseCase{"caf\xE9", "iso-8859-1", "WINDOWS-1252"},
        ChooseCase{"<meta charset=utf-16>", "", "UTF-8"},
        // No declaration: valid UTF-8 stays UTF-8.
        ChooseCase{"\xD0\x9F\xD1\x80\xD0\xB8", "", "UTF-8"}));

TEST(ChooseCharsetTest, DetectsWindows1251WithoutDeclaration) {
  std::string page = ReadFile(FixturePath("fetch/cp1251_header.html"));
  EXPECT_EQ(ChooseCharset(page, ""), "WINDOWS-1251");
  EXPECT_EQ(ChooseCharset(page, "bogus"), "WINDOWS-1251");
}

TEST(DecodeToUtf8Test, Windows1251FromEachSource) {
  std::string page = ReadFile(FixturePath("fetch/cp1251_header.html"));
  std::string meta_page = ReadFile(FixturePath("fetch/cp1251_meta.html"));
  for (const std::string& decoded :
       {DecodeToUtf8(page, "windows-1251"), DecodeToUtf8(page, ""), DecodeToUtf8(meta_page, "")}) {
    EXPECT_NE(decoded.find("Привет, мир!"), std::string::npos) << decoded;
    EXPECT_TRUE(IsValidUtf8(decoded));
  }
}

TEST(DecodeToUtf8Test, BomRemoved) {
  EXPECT_EQ(DecodeToUtf8("\xEF\xBB\xBFhi", ""), "hi");
  EXPECT_EQ(DecodeToUtf8(std::string("\xFF\xFEh\0i\0", 6), ""), "hi");
  EXPECT_EQ(DecodeToUtf8(std::string("\xFE\xFF\x04\x1F", 4), ""), "П");
}

TEST(DecodeToUtf8Test, InvalidBytesReplacedNeverCrash) {
  EXPECT_EQ(DecodeToUtf8("a\xFF" "b", "utf-8"), "a\xEF\xBF\xBD" "b");
  // A lone trailing byte of UTF-16 and invalid Shift_JIS lead bytes.
  EXPECT_EQ(DecodeToUtf8(std::string("\xFF\xFEh\0i", 5), ""), "h\xEF\xBF\xBD");
  std::string sjis = DecodeToUtf8("ok\x81\xFF\x82", "shift_jis");
  EXPECT_TRUE(IsValidUtf8(sjis));
  EXPECT_EQ(sjis.substr(0, 2), "ok");
  std::string all_bytes;
  for (int i = 0; i < 256; ++i) all_bytes += static_cast<char>(i);
  for (const char* charset : {"", "utf-8", "utf-16le", "euc-jp", "gb18030", "big5", "koi8-r"}) {
    EXPECT_TRUE(IsValidUtf8(DecodeToUtf8(all_bytes, charset))) << charset;
  }
}

TEST(DecodeBodyToUtf8Test, SameAsDecodeToUtf8) {
  std::string all_bytes;
  for (int i = 0; i < 256; ++i) all_bytes += static_cast<char>(i);
  const std::string bodies[] = {"plain ascii", "\xEF\xBB\xBFwith BOM \xD0\x9F", "a\xFF" "b",
                                std::string("\xFF\xFEh\0i\0", 6), "<meta charset=koi8-r>\xF0", all_bytes};
  for (const std::string& body : bodies) {
    for (const char* charset : {"", "utf-8", "windows-1251", "utf-16le"}) {
      EXPECT_EQ(DecodeBodyToUtf8(body, charset), DecodeToUtf8(body, charset)) << body << " " << charset;
    }
  }
}

}  // namespace
}  // namespace citecheck
