// The message citecheck-pdftext writes back to ExtractPdf: 8 bytes of
// payload length (little-endian), then one byte of PdfRead::Kind and the
// text. A message whose length does not add up is a reader that died while
// writing.
#ifndef CITECHECK_EXTRACT_PDF_MESSAGE_H_
#define CITECHECK_EXTRACT_PDF_MESSAGE_H_

#include <cstddef>
#include <optional>
#include <string>

#include "extract/pdf_reader.h"

namespace citecheck {

inline constexpr size_t kPdfMessageHeaderBytes = 8;

std::string EncodePdfRead(const PdfRead& read);

// The read a whole message holds; nullopt for a truncated or malformed one.
std::optional<PdfRead> DecodePdfRead(const std::string& message);

}  // namespace citecheck

#endif  // CITECHECK_EXTRACT_PDF_MESSAGE_H_
