// Reading a PDF's text with poppler (libpoppler-cpp), in this process and
// without limits: the part the child process of pdf_extractor.h runs and the
// fuzz target drives directly.
#ifndef CITECHECK_EXTRACT_PDF_READER_H_
#define CITECHECK_EXTRACT_PDF_READER_H_

#include <string>
#include <string_view>

namespace citecheck {

struct PdfRead {
  enum class Kind {
    kText,        // text: the document's text as JoinPdfPages makes it
    kEncrypted,   // opening it needs a password
    kNoText,      // it opens, but no page has a text layer (a scan)
    kUnreadable,  // not a PDF poppler can open
  };
  Kind kind = Kind::kUnreadable;
  std::string text;
  int pages = 0;
};

// The text of each page in reading order (poppler's non-raw, non-physical
// layout: columns one after the other, not interleaved line by line), joined
// by JoinPdfPages. An encrypted document that opens with an empty user
// password (one that only restricts printing or copying) is read like any
// other: every reader opens it without asking.
PdfRead ReadPdf(std::string_view bytes);

}  // namespace citecheck

#endif  // CITECHECK_EXTRACT_PDF_READER_H_
