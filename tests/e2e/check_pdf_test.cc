// End to end: the real binary checks quotes against PDFs served on 127.0.0.1
// (tests/fixtures/pdf, made by scripts/make_pdf.py) and read with poppler.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "e2e/e2e_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

class CheckPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.ServeDirectory(FixturePath("pdf"));
    // The same PDF without a useful type: the %PDF- signature decides.
    std::string pdf = ReadFile(FixturePath("pdf/multipage.pdf"));
    server_.server().Get("/download", [pdf](const httplib::Request&, httplib::Response& res) {
      res.set_content(pdf, "application/octet-stream");
    });
    server_.Start();
  }

  TestServer server_;
  TempDir dir_;
};

TEST_F(CheckPdfTest, QuotesInPdfsVerifiedWithTheirPage) {
  std::string article =
      "# PDFs\n\n"
      "The keeper wrote that \"the lamp burned through all three nights without failing\" [1].\n\n"
      "The log ends: \"the lamp was handed over to the new keeper in good order\" [1].\n\n"
      "In two columns: \"the worst anyone on the headland could remember, and that the lamp burned\" [2].\n\n"
      "Hyphenated: \"the storm of 1887 was the worst anyone on the headland could remember\" [3].\n\n"
      "A scan: \"the keepers covered the windward panes with canvas\" [4].\n\n"
      "Locked: \"the keepers covered the windward panes with canvas and kept\" [5].\n\n"
      "Untyped, one word changed: \"the lamp is handed over to the new keeper in good order\" [6].\n\n"
      "Invented: \"the keeper abandoned the lamp during the storm\" [1].\n\n"
      "Ligatures: \"The final flight of the season left the office at five\" [7].\n\n"
      "## References\n\n"
      "[1] " + server_.Url("/multipage.pdf") + "\n"
      "[2] " + server_.Url("/two_columns.pdf") + "\n"
      "[3] " + server_.Url("/hyphenated.pdf") + "\n"
      "[4] " + server_.Url("/scan.pdf") + "\n"
      "[5] " + server_.Url("/encrypted.pdf") + "\n"
      "[6] " + server_.Url("/download") + "\n"
      "[7] " + server_.Url("/ligatures.pdf") + "\n";
  CheckOutput out = CheckArticle(dir_, "pdfs.md", article, {"--allow-private"});
  ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
  EXPECT_EQ(out.run.exit_code, 1) << out.run.err;  // the invented quote fails the run

  auto first = FindQuote(out.report, "three nights");
  EXPECT_EQ(first["status"], "verified") << first.dump(2);
  EXPECT_EQ(first["evidence"]["page"], 1);
  auto last = FindQuote(out.report, "the lamp was handed over");
  EXPECT_EQ(last["status"], "verified") << last.dump(2);
  EXPECT_EQ(last["evidence"]["page"], 7);
  EXPECT_EQ(last["evidence"]["snippet"].get<std::string>().find('\f'), std::string::npos);

  auto columns = FindQuote(out.report, "headland could remember, and");
  EXPECT_EQ(columns["status"], "verified") << columns.dump(2);
  EXPECT_EQ(columns["evidence"]["page"], 1);
  EXPECT_EQ(FindQuote(out.report, "storm of 1887")["status"], "verified");

  auto scan = FindQuote(out.report, "windward panes with canvas");
  EXPECT_EQ(scan["status"], "unverifiable");
  EXPECT_EQ(scan["reason"], "no text: PDF without a text layer (a scan)");
  auto locked = FindQuote(out.report, "canvas and kept");
  EXPECT_EQ(locked["status"], "unverifiable");
  EXPECT_EQ(locked["reason"], "no text: encrypted PDF");
  EXPECT_EQ(FindQuote(out.report, "the lamp is handed")["status"], "near_match");
  EXPECT_EQ(FindQuote(out.report, "abandoned the lamp")["status"], "not_found");
  EXPECT_EQ(FindCitation(out.report, "4")["link_status"], "ok");
  EXPECT_EQ(FindQuote(out.report, "final flight")["status"], "verified");
}

TEST_F(CheckPdfTest, ScanReasonAndDocumentCap) {
  std::string config = dir_.Write("config.json", R"({"fetch": {"retries": 0, "max_document_bytes": 1200}})");
  std::string article =
      "# PDFs\n\nA scan: \"the keepers covered the windward panes with canvas\" [1].\n\n"
      "Cut: \"the lamp burned through all three nights without failing\" [2].\n\n"
      "## References\n\n[1] " + server_.Url("/scan.pdf") + "\n[2] " + server_.Url("/multipage.pdf") + "\n";
  CheckOutput out = CheckArticle(dir_, "cap.md", article, {"--allow-private", "--config", config});
  ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
  auto scan = FindQuote(out.report, "windward");
  EXPECT_EQ(scan["status"], "unverifiable");
  // scan.pdf is under 1200 bytes and read whole.
  EXPECT_EQ(scan["reason"], "no text: PDF without a text layer (a scan)");
  auto cut = FindQuote(out.report, "three nights");
  EXPECT_EQ(cut["status"], "unverifiable") << cut.dump(2);
  EXPECT_EQ(cut["reason"], "document truncated at 1200 bytes (fetch.max_document_bytes)");
  EXPECT_EQ(FindCitation(out.report, "2")["link_status"], "ok");
}

TEST_F(CheckPdfTest, AReaderThatIsMissingOrFailsCostsOnlyTheDocumentsText) {
  // ExtractPdf execs citecheck-pdftext (extract/pdf_helper.h); whatever
  // happens to that program, the quote is unverifiable with a reason saying
  // so and the run goes on.
  std::string article = "# PDFs\n\nThe keeper wrote that \"the lamp burned through all three nights\" [1].\n\n"
                        "## References\n\n[1] " + server_.Url("/multipage.pdf") + "\n";
  std::string missing = dir_.File("no-such-reader");
  CheckOutput out = CheckArticle(dir_, "a.md", article, {"--allow-private"}, {"CITECHECK_PDFTEXT=" + missing});
  ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
  auto quote = FindQuote(out.report, "three nights");
  EXPECT_EQ(quote["status"], "unverifiable");
  EXPECT_EQ(quote["reason"], "PDF reader: CITECHECK_PDFTEXT=" + missing + " is not an executable program");

  for (const std::string& body : {std::string("exit 1"), std::string("kill -SEGV $$")}) {
    std::string reader = dir_.Write("reader.sh", "#!/bin/sh\n" + body + "\n");
    ASSERT_EQ(chmod(reader.c_str(), 0755), 0);
    out = CheckArticle(dir_, "a.md", article, {"--allow-private"}, {"CITECHECK_PDFTEXT=" + reader});
    ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
    quote = FindQuote(out.report, "three nights");
    EXPECT_EQ(quote["status"], "unverifiable") << body;
    EXPECT_EQ(quote["reason"].get<std::string>().rfind("PDF reader failed", 0), 0u) << body << ": " << quote.dump();
  }
}

}  // namespace
}  // namespace citecheck::testing
