// PDF text with the real poppler, in its child process: the fixtures of
// scripts/make_pdf.py, and hostile files made here.
#include "extract/pdf_extractor.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <string>

#include "extract/pdf_lines.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

std::string Fixture(const std::string& name) { return testing::ReadFile(testing::FixturePath("pdf/" + name)); }

// Text with line breaks read as spaces: reading order, not line layout, is what these tests check.
std::string Flat(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

int64_t CodePointOffset(const std::string& text, size_t byte) {
  int64_t n = 0;
  for (size_t i = 0; i < byte; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

TEST(PdfExtractorTest, MultiPageDocumentKeepsItsPageMap) {
  ExtractResult r = ExtractPdf(Fixture("multipage.pdf"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(std::count(r.page.text.begin(), r.page.text.end(), kPdfPageEnd), 7);
  std::string flat = Flat(r.page.text);
  size_t first = flat.find("the lamp burned through all three nights");
  size_t last = flat.rfind("the lamp burned through all three nights");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(PdfPageAt(r.page.text, CodePointOffset(r.page.text, first)), 1);
  EXPECT_EQ(PdfPageAt(r.page.text, CodePointOffset(r.page.text, last)), 7);
}

TEST(PdfExtractorTest, TwoColumnsReadInReadingOrder) {
  ExtractResult r = ExtractPdf(Fixture("two_columns.pdf"));
  ASSERT_TRUE(r.ok) << r.error;
  // A sentence set over four lines of the left column reads whole: the right
  // column's lines are not interleaved with it.
  EXPECT_NE(Flat(r.page.text).find("The lighthouse keeper wrote that the storm of 1887 was the worst anyone on the "
                                   "headland could remember, and that the lamp burned through all three nights"),
            std::string::npos)
      << r.page.text.substr(0, 400);
}

TEST(PdfExtractorTest, HyphenatedLineEndsJoin) {
  ExtractResult r = ExtractPdf(Fixture("hyphenated.pdf"));
  ASSERT_TRUE(r.ok) << r.error;
  std::string flat = Flat(r.page.text);
  EXPECT_NE(flat.find("the headland could remember, and"), std::string::npos) << r.page.text.substr(0, 400);
  EXPECT_EQ(flat.find("remem-"), std::string::npos);
}

TEST(PdfExtractorTest, ScanWithoutATextLayerHasNoText) {
  ExtractResult r = ExtractPdf(Fixture("scan.pdf"));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "no text: PDF without a text layer (a scan)");
}

TEST(PdfExtractorTest, EncryptedDocumentHasNoText) {
  ExtractResult r = ExtractPdf(Fixture("encrypted.pdf"));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "no text: encrypted PDF");
}

TEST(PdfExtractorTest, GarbageIsAnUnreadablePdf) {
  ExtractResult r = ExtractPdf("%PDF-1.4\nnothing here but noise\n");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "unreadable PDF");
}

TEST(PdfExtractorTest, ExtractBodyReadsPdfByTypeOrSignature) {
  std::string pdf = Fixture("multipage.pdf");
  EXPECT_TRUE(ExtractBody(pdf, "application/pdf").ok);
  EXPECT_TRUE(ExtractBody(pdf, "application/octet-stream").ok);
  EXPECT_TRUE(ExtractBody(pdf, "").ok);
  EXPECT_EQ(ExtractBody(Fixture("scan.pdf"), "application/pdf").error, "no text: PDF without a text layer (a scan)");
}

// A one-page PDF around `content` (a page's content stream, compressed
// here). The cross-reference table is left out: poppler rebuilds it, as it
// does for the damaged files a hostile server sends.
std::string PdfWithContent(const std::string& content, const std::string& extra_objects = "") {
  uLongf packed_size = compressBound(content.size());
  std::string packed(packed_size, '\0');
  compress2(reinterpret_cast<Bytef*>(&packed[0]), &packed_size, reinterpret_cast<const Bytef*>(content.data()),
            content.size(), 9);
  packed.resize(packed_size);
  return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
         "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
         "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
         "/Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
         "4 0 obj << /Length " + std::to_string(packed.size()) + " /Filter /FlateDecode >>\nstream\n" + packed +
         "\nendstream endobj\n"
         "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n" + extra_objects +
         "trailer << /Root 1 0 R >>\n%%EOF\n";
}

TEST(PdfExtractorTest, HostileContentStreamStopsAtTheLimits) {
  // 300 MB of text operators in a stream of a few hundred KB: a decompression
  // bomb whose text would outgrow any bound.
  std::string ops = "BT /F1 1 Tf ";
  std::string chunk;
  for (int i = 0; i < 1000; ++i) chunk += "1 0 0 1 10 10 Tm (bomb) Tj ";
  ops.reserve(ops.size() + chunk.size() * 11000);
  for (int i = 0; i < 11000; ++i) ops += chunk;
  ops += "ET";
  PdfLimits limits;
  limits.time_ms = 3000;
  limits.memory_bytes = int64_t{256} << 20;
  limits.max_text_bytes = int64_t{8} << 20;
  ExtractResult r = ExtractPdf(PdfWithContent(ops), limits);
  ASSERT_FALSE(r.ok);
  EXPECT_TRUE(r.error.find("time limit") != std::string::npos || r.error.find("memory limit") != std::string::npos ||
              r.error.find("larger than") != std::string::npos)
      << r.error;
}

TEST(PdfExtractorTest, DeeplyNestedObjectsDoNotCrash) {
  std::string nested = "6 0 obj " + std::string(200000, '[') + std::string(200000, ']') + " endobj\n";
  ExtractResult r = ExtractPdf(PdfWithContent("BT /F1 10 Tf 1 0 0 1 50 700 Tm (still readable) Tj ET", nested));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_NE(r.page.text.find("still readable"), std::string::npos);
}

TEST(PdfExtractorTest, HugePageCountIsBounded) {
  // A page tree that claims a billion pages, each a reference to the same page.
  std::string kids;
  for (int i = 0; i < 200000; ++i) kids += "3 0 R ";
  std::string pdf = PdfWithContent("BT /F1 10 Tf 1 0 0 1 50 700 Tm (page) Tj ET");
  size_t at = pdf.find("/Kids [3 0 R] /Count 1");
  pdf.replace(at, std::string("/Kids [3 0 R] /Count 1").size(), "/Kids [" + kids + "] /Count 1000000000");
  PdfLimits limits;
  limits.time_ms = 3000;
  ExtractResult r = ExtractPdf(pdf, limits);
  // poppler refuses a page tree that repeats a page and does not match its
  // count; had it walked it, the time limit would have stopped it.
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.error == "unreadable PDF" || r.error.find("time limit") != std::string::npos) << r.error;
}

}  // namespace
}  // namespace citecheck
