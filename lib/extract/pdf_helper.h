// Where citecheck-pdftext, the program that reads a PDF with poppler for
// ExtractPdf, lives. It is a program of its own, started with exec, because
// a forked copy of a multithreaded process may only call async-signal-safe
// functions: poppler allocating in such a copy can wait forever on a lock
// another thread held at the fork (it did under AddressSanitizer).
#ifndef CITECHECK_EXTRACT_PDF_HELPER_H_
#define CITECHECK_EXTRACT_PDF_HELPER_H_

#include <string>

namespace citecheck {

struct PdfHelper {
  std::string path;   // empty when no helper was found
  std::string error;  // then: what was tried
};

// In this order: $CITECHECK_PDFTEXT; the build tree's helper when this
// program runs from the build tree (tests, benchmarks); the installed one
// beside this program (bin/../libexec/citecheck/, so a relocated install
// works); the installed one at the configured prefix. Looked up once.
const PdfHelper& FindPdfHelper();

}  // namespace citecheck

#endif  // CITECHECK_EXTRACT_PDF_HELPER_H_
