#include "fetch/response_headers.h"

#include <strings.h>

#include <cstring>

namespace citecheck {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.back() == '\r' || text.back() == '\n' || IsBlank(text.back()))) {
    text.remove_suffix(1);
  }
  while (!text.empty() && IsBlank(text.front())) text.remove_prefix(1);
  return text;
}

bool NameIs(std::string_view name, const char* wanted) {
  return name.size() == std::strlen(wanted) && strncasecmp(name.data(), wanted, name.size()) == 0;
}

// "HTTP/1.1 301 Moved Permanently" -> 301; 0 when malformed.
long ParseStatusLine(std::string_view line) {
  size_t space = line.find(' ');
  if (space == std::string_view::npos) return 0;
  long status = 0;
  for (size_t i = space + 1; i < line.size() && i < space + 4 && line[i] >= '0' && line[i] <= '9'; ++i) {
    status = status * 10 + (line[i] - '0');
  }
  return status;
}

// The member a header name is kept in, or null.
std::string ResponseHeaders::*FieldFor(std::string_view name) {
  if (NameIs(name, "content-type")) return &ResponseHeaders::content_type;
  if (NameIs(name, "content-language")) return &ResponseHeaders::content_language;
  if (NameIs(name, "etag")) return &ResponseHeaders::etag;
  if (NameIs(name, "last-modified")) return &ResponseHeaders::last_modified;
  if (NameIs(name, "retry-after")) return &ResponseHeaders::retry_after;
  if (NameIs(name, "server")) return &ResponseHeaders::server;
  if (NameIs(name, "cf-mitigated")) return &ResponseHeaders::cf_mitigated;
  if (NameIs(name, "memento-datetime")) return &ResponseHeaders::memento_datetime;
  return nullptr;
}

}  // namespace

HeaderLine ResponseHeaderParser::Feed(std::string_view raw) {
  const bool folded = !raw.empty() && IsBlank(raw.front());
  std::string_view line = Trim(raw);
  if (line.empty()) {
    last_field_ = nullptr;
    last_is_location_ = false;
    return HeaderLine::kEnd;
  }
  if (folded) {
    std::string* value = last_field_ ? &(headers_.*last_field_)
                                     : (last_is_location_ ? &*headers_.location : nullptr);
    if (value) (value->empty() ? *value : value->append(" ")).append(line);
    return HeaderLine::kField;
  }
  last_field_ = nullptr;
  last_is_location_ = false;
  if (line.size() > 5 && strncasecmp(line.data(), "HTTP/", 5) == 0) {
    headers_ = ResponseHeaders();
    headers_.status = ParseStatusLine(line);
    return HeaderLine::kStatus;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return HeaderLine::kIgnored;
  std::string_view name = Trim(line.substr(0, colon));
  std::string value(Trim(line.substr(colon + 1)));
  if (NameIs(name, "location")) {
    headers_.location = std::move(value);
    last_is_location_ = true;
  } else if ((last_field_ = FieldFor(name))) {
    headers_.*last_field_ = std::move(value);
  }
  return HeaderLine::kField;
}

}  // namespace citecheck
