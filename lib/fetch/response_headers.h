// Response-header parsing for libcurl's header callback, which delivers one
// raw line at a time (status lines and header blocks of every response on
// the way, redirects and 1xx included). Pure: no I/O, no libcurl. Used by the
// fetch loop's thread only (one parser per transfer).
#ifndef CITECHECK_FETCH_RESPONSE_HEADERS_H_
#define CITECHECK_FETCH_RESPONSE_HEADERS_H_

#include <optional>
#include <string>
#include <string_view>

namespace citecheck {

// The header values a fetch uses, of the response being received. Values
// are as sent, trimmed of surrounding blanks; a repeated header keeps its
// last value.
struct ResponseHeaders {
  long status = 0;  // from the status line; 0 when malformed
  std::string content_type;  // with its parameters ("text/html; charset=utf-8")
  std::string content_language;
  std::string etag;
  std::string last_modified;
  std::string retry_after;   // raw: seconds or an HTTP-date (fetch/retry_policy.h parses it)
  std::string server;
  std::string cf_mitigated;  // Cloudflare's challenge marker
  std::string memento_datetime;  // RFC 7089: the date an archived copy was captured
  std::optional<std::string> location;
};

// What a line was.
enum class HeaderLine {
  kStatus,   // "HTTP/1.1 301 Moved": a new response begins, earlier values are dropped
  kField,    // "Name: value" (kept or not), or a folded continuation of one
  kEnd,      // the blank line that ends a response's header block
  kIgnored,  // anything else (no colon)
};

class ResponseHeaderParser {
 public:
  // Feeds one line as libcurl gives it (CRLF or LF included or not).
  // Names are matched case-insensitively. A line that starts with a space
  // or tab continues the previous field (obsolete line folding): its text is
  // appended after one space.
  HeaderLine Feed(std::string_view raw_line);

  // The values so far; after the last kEnd, the final response's.
  const ResponseHeaders& headers() const { return headers_; }

 private:
  ResponseHeaders headers_;
  // The field a folded line continues; null when it is one not kept.
  std::string ResponseHeaders::*last_field_ = nullptr;
  bool last_is_location_ = false;
};

}  // namespace citecheck

#endif  // CITECHECK_FETCH_RESPONSE_HEADERS_H_
