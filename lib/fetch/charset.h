// Decoding fetched bodies to UTF-8 (docs/fetching.md "Charsets"). The charset is chosen
// as browsers do, most explicit signal first: a byte order mark, then the
// HTTP Content-Type charset, then <meta charset> / <meta http-equiv> in the
// first 4 KB, then statistical detection (uchardet), else UTF-8.
// Stateless and thread-safe.
#ifndef CITECHECK_FETCH_CHARSET_H_
#define CITECHECK_FETCH_CHARSET_H_

#include <string>
#include <string_view>

#include "core/media_type.h"

namespace citecheck {

// MediaType ("text/html" from "Text/HTML; charset=UTF-8") is core's.

// The charset parameter of a Content-Type value, lower-case, unquoted; "" if none.
std::string CharsetParameter(std::string_view content_type);

// The charset declared by a <meta> tag in the first 4 KB of `html`, lower-case; "" if none.
std::string MetaCharset(std::string_view html);

// True for media types whose bodies are text worth decoding (text/*, XML,
// XHTML, JSON). An empty media type counts as text: servers that omit it
// usually serve HTML.
bool IsTextMediaType(std::string_view media_type);

// The charset `body` will be decoded from, by the order above; the result is
// a name iconv knows (e.g. "UTF-8", "WINDOWS-1251", "UTF-16LE").
std::string ChooseCharset(std::string_view body, std::string_view http_charset);

// Converts `body` from `charset` to UTF-8. Invalid or truncated sequences
// become U+FFFD; never fails. An unknown charset name decodes as UTF-8.
std::string ConvertToUtf8(std::string_view body, const std::string& charset);

// ChooseCharset + ConvertToUtf8, with the BOM removed.
std::string DecodeToUtf8(std::string_view body, std::string_view http_charset);

// DecodeToUtf8 taking the body: one that is already valid UTF-8 (most pages)
// comes back without a copy.
std::string DecodeBodyToUtf8(std::string body, std::string_view http_charset);

}  // namespace citecheck

#endif  // CITECHECK_FETCH_CHARSET_H_
