// Media types: the type/subtype of a Content-Type header, and recognising
// HTML that came without one (an article file without an extension, a page
// served without a Content-Type).
#ifndef CITECHECK_CORE_MEDIA_TYPE_H_
#define CITECHECK_CORE_MEDIA_TYPE_H_

#include <string>
#include <string_view>

namespace citecheck {

// "Text/HTML; charset=utf-8" -> "text/html": the part before any parameter,
// trimmed and lower-cased; "" for an empty header.
std::string MediaType(std::string_view content_type);

// text/html or application/xhtml+xml (parameters allowed).
bool IsHtmlMediaType(std::string_view content_type);

// Whether `text` reads as an HTML document rather than Markdown or plain
// text that mentions a tag: after a byte-order mark and white space it opens
// with a doctype, <html> or an XML declaration, or its first 8 KiB hold a
// <body>, or it opens with a tag and holds a block or document element
// (<p>, <div>, <article>, <h1>, <main>, <section>, <head>, <title>, <meta>,
// <br>, <span>, <a href>). Looks at the first 8 KiB only.
bool LooksLikeHtml(std::string_view text);

// application/pdf (or the older application/x-pdf), parameters allowed.
bool IsPdfMediaType(std::string_view content_type);

// Whether a body is read as a PDF (docs/matching.md "PDF sources"): served as
// one, or starting with the "%PDF-" signature whatever its type says.
bool IsPdfBody(std::string_view content_type, std::string_view body);

}  // namespace citecheck

#endif  // CITECHECK_CORE_MEDIA_TYPE_H_
