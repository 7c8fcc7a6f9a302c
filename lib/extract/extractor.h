// Extracting a page's visible text (docs/matching.md "Visible text of a page") with gumbo-parser.
#ifndef CITECHECK_EXTRACT_EXTRACTOR_H_
#define CITECHECK_EXTRACT_EXTRACTOR_H_

#include <string>
#include <string_view>

#include "core/types.h"

namespace citecheck {

struct ExtractResult {
  bool ok = false;
  std::string error;  // when !ok, e.g. "too deeply nested"
  PageText page;
};

// Whether script and style bodies are removed before gumbo parses a page
// (the same text either way, in less time); kOff is the full parse the
// differential tests and the fuzz target compare against.
enum class Elision { kOn, kOff };

// Visible text of an HTML document given as UTF-8: no script, style, noscript,
// template or comment text; block elements and <br> break lines; inline
// elements join; entities decoded; whitespace collapsed. Also title, <html
// lang> and canonical URL. A document with more than 1,000 open elements is
// refused before parsing ("too deeply nested"). Thread-safe.
ExtractResult ExtractHtml(std::string_view html, Elision elision = Elision::kOn);

// Text for any fetched body by content type: text/html and
// application/xhtml+xml are parsed, text/plain is used as it is (whitespace
// collapsed), a PDF (core/media_type.h IsPdfBody) is read by ExtractPdf
// (extract/pdf_extractor.h), anything else has no text (error "no text: <type>").
ExtractResult ExtractBody(std::string_view body, const std::string& content_type);

}  // namespace citecheck

#endif  // CITECHECK_EXTRACT_EXTRACTOR_H_
