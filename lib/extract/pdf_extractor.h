// A fetched PDF's text, read by poppler in a child process under time and
// memory limits (docs/matching.md "PDF sources"): poppler is a large C++
// parser of untrusted input with no bound of its own on the work one file
// costs (a decompression bomb in a content stream, a page tree of millions
// of pages), and a crash or an exhausted limit in the child only costs that
// document its text, never the run.
#ifndef CITECHECK_EXTRACT_PDF_EXTRACTOR_H_
#define CITECHECK_EXTRACT_PDF_EXTRACTOR_H_

#include <cstdint>
#include <string_view>

#include "extract/extractor.h"

namespace citecheck {

struct PdfLimits {
  int time_ms = 20000;                        // wall clock for one document
  int64_t memory_bytes = int64_t{768} << 20;  // address space the child may add
  int64_t max_text_bytes = int64_t{64} << 20; // text taken back from the child
};

// ExtractResult of a PDF: the text with a kPdfPageEnd after each page
// (extract/pdf_lines.h), or an error: "no text: encrypted PDF", "no text:
// PDF without a text layer (a scan)", "unreadable PDF", or the limit the
// reader ran into. Thread-safe: each call starts its own citecheck-pdftext
// (extract/pdf_helper.h).
ExtractResult ExtractPdf(std::string_view bytes, const PdfLimits& limits = PdfLimits());

}  // namespace citecheck

#endif  // CITECHECK_EXTRACT_PDF_EXTRACTOR_H_
