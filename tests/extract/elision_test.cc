// The differential proof of the raw-text elider (docs/matching.md "Eliding
// what cannot be seen"): every page of the shared corpus and every edge page
// below extract to the same text, title, language and canonical URL with and
// without the elision.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "html/raw_text_elider.h"
#include "support/gzip.h"

namespace citecheck {
namespace {

namespace fs = std::filesystem;

void ExpectSameExtraction(const std::string& html, const std::string& what) {
  ExtractResult full = ExtractHtml(html, Elision::kOff);
  ExtractResult elided = ExtractHtml(html, Elision::kOn);
  EXPECT_EQ(elided.ok, full.ok) << what;
  EXPECT_EQ(elided.error, full.error) << what;
  EXPECT_EQ(elided.page.text, full.page.text) << what;
  EXPECT_EQ(elided.page.title, full.page.title) << what;
  EXPECT_EQ(elided.page.language, full.page.language) << what;
  EXPECT_EQ(elided.page.canonical_url, full.page.canonical_url) << what;
  EXPECT_EQ(elided.page.optional_spans, full.page.optional_spans) << what;
  EXPECT_EQ(elided.page.paywalled, full.page.paywalled) << what;
}

// ../shared/corpus from the project root; worktrees sit deeper, so the
// nearest ancestor holding shared/corpus (CITECHECK_CORPUS overrides).
fs::path CorpusPages() {
  if (const char* dir = std::getenv("CITECHECK_CORPUS")) return fs::path(dir) / "pages";
  for (fs::path dir = fs::path(CITECHECK_SOURCE_DIR).parent_path(); !dir.empty();
       dir = dir.parent_path()) {
    if (fs::is_directory(dir / "shared" / "corpus" / "pages")) return dir / "shared" / "corpus" / "pages";
    if (dir == dir.root_path()) break;
  }
  return {};
}

TEST(ElisionCorpusTest, EveryPageExtractsTheSame) {
  fs::path pages = CorpusPages();
  ASSERT_FALSE(pages.empty()) << "no shared/corpus/pages above " << CITECHECK_SOURCE_DIR;
  size_t count = 0;
  size_t elided_pages = 0;
  size_t bytes = 0;
  size_t kept = 0;
  for (const auto& entry : fs::directory_iterator(pages)) {
    if (entry.path().extension() != ".gz") continue;
    std::string html = testing::GunzipFile(entry.path().string());
    ExpectSameExtraction(html, entry.path().filename().string());
    std::optional<std::string> elided = ElideRawText(html);
    bytes += html.size();
    kept += elided ? elided->size() : html.size();
    if (elided) ++elided_pages;
    ++count;
  }
  EXPECT_EQ(count, 100u);
  // The point of the pass: most pages shrink, by about half of their bytes.
  EXPECT_GE(elided_pages, 90u);
  EXPECT_LT(kept, bytes * 3 / 4);
  std::printf("corpus: %zu pages, %zu elided, %zu of %zu bytes left for gumbo\n", count, elided_pages,
              kept, bytes);
}

const char* const kEdgePages[] = {
    // script data and its end tag
    "<p>a<script>x</script>b</p>",
    "<p>a<script>if (a</b) {}</script>b</p>",
    "<p>a<script>s = '</scriptx>';</script>b</p>",
    "<p>a<SCRIPT>x</ScRiPt >b</p>",
    "<p>a<script>x</script/>b</p>",
    "<p>a<script>x</script\tfoo='>'>b</p>",
    "<p>a<script>x</script",
    "<p>a<script>never closed <p>still script",
    "<p>a<script/>b</script>c</p>",
    // escaped and double-escaped script data
    "<p>a<script><!-- x </script> b</p>",
    "<p>a<script><!-- <script> </script> still </script>c</p>",
    "<p>a<script><!-- <script> </script> --> x</script>c</p>",
    "<p>a<script><!-- <script> --> </script>c</p>",
    "<p>a<script><!--> </script>c</p>",
    "<p>a<script><!---> </script>c</p>",
    "<p>a<script><!-- <SCRIPT\n> </script> x</script>c</p>",
    "<p>a<script><!-- <scripts> </script>c</p>",
    "<p>a<script><!-x </script>c</p>",
    "<p>a<script><!-- --!> </script>c</p>",
    // JSON data blocks stay
    "<p>a<script type=\"application/ld+json\">{\"isAccessibleForFree\": false}</script>b</p>",
    // style and the other raw-text and RCDATA elements
    "<style>p { content: '<b>' }</style><p>shown</p>",
    "<style><!-- </style> --><p>after</p>",
    "<p>a<xmp><b>bold?</b></xmp>b</p>",
    "<p>a<iframe><p>x</p></iframe>b</p>",
    "<p>a<noembed><p>x</noembed>b</p>",
    "<p>a<noframes><p>x</noframes>b</p>",
    "<title>T &amp; <b>U</b> <!-- c --></title><p>b</p>",
    "<textarea><script>x</script></textarea><p>b</p>",
    "<p>a<plaintext><script>x</script></p>",
    "<p>a<noscript><script>x</script>shown?</noscript>b</p>",
    // comments and their odd endings
    "<p>one <!-- secret --> two</p>",
    "<p>one <!--> two</p>", "<p>one <!---> two</p>", "<p>one <!----> two</p>",
    "<p>one <!-- x --!> two</p>", "<p>one <!-- x -- > y --> two</p>",
    "<p>one <!-- <script> --> two</p>", "<p>one <!-- never closed",
    "<p>one <!-x> two <!> three <?php x ?> four</p>",
    "<!DOCTYPE html \"a>b\"><p>x</p>",
    "<table><tr><td>a</td></tr>  <!-- c -->x<tr><td>b</td></tr></table>",
    // tags and attribute values
    "<p title=\"<script>\">a</p><p>b</p>",
    "<div data-x='<script>alert(1)</script>'>a</div><script>y</script><p>b</p>",
    "<a href=x>y</a><img alt=\">\" src=x><p>z</p>",
    "<p a=\"unclosed>x</p><script>y</script><p>b</p>",
    "<p x=<script>a</p><script>y</script>",
    "<p/><script/x>y</script>z",
    "<p =\"<script>\">a</p>",
    "</p foo=\"<script>\">a<script>b</script>c",
    "<p>a</ >b</!x>c</1>d",
    // select, frameset
    "<select><style>a<b>c</style></select><p>visible</p>",
    "<select><script>x</script></select><p>b</p>",
    "<select></select><style>x</style><p>b</p>",
    "<frameset><noframes>x</noframes></frameset>",
    // foreign content
    "<p>a<svg><style>b</style></svg>c</p>",
    "<p>a<svg><script>b</script></svg>c<script>d</script></p>",
    "<p>a<svg><title>t</title><![CDATA[</svg><script>]]></svg>c<script>d</script></p>",
    "<p>a<svg><foreignObject><title>t<b>x</b></title></foreignObject></svg>c</p>",
    "<p>a<svg><p>broke out</p><script>x</script>",
    "<div>a<svg><g></div>c<script>x</script>",
    "<p>a<math><mi><script>x</script></mi></math>b</p>",
    "<p>a<svg/><script>x</script>b</p>",
    "<p>a<svg><image href=x/></svg><style>y</style>b</p>",
    "<p>a<svg><font color=red>x</font></svg>b</p>",
    // metadata
    "<html lang=\"en-GB\"><head><title>Page title</title><script>x</script>"
    "<link rel=canonical href=\"https://example.com/a\"></head><body><h1>H</h1></body></html>",
    "<body><script>document.title='x'</script><h1>Heading as title</h1></body>",
    "<body><h1>Harbour <style>p{}</style>news<script>var x=1</script></h1></body>",
    "", "<", "<script>", "<!--", "<svg", "<p>\xFF<script>\xE2</script>\xE2\x80</p>",
};

TEST(ElisionEdgeTest, EdgePagesExtractTheSame) {
  for (const char* page : kEdgePages) ExpectSameExtraction(page, page);
}

}  // namespace
}  // namespace citecheck
