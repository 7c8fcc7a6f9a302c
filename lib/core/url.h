// URL identity (docs/reading.md "Citations"): two spellings of the same URL are
// one citation target and one fetch.
#ifndef CITECHECK_CORE_URL_H_
#define CITECHECK_CORE_URL_H_

#include <optional>
#include <string>
#include <string_view>

namespace citecheck {

// Normalizes an absolute http(s) URL: fragment dropped, scheme and host
// lower-cased, default port dropped, empty path made "/". Returns nullopt and
// sets *error (when given) for anything that is not a well-formed http(s) URL.
std::optional<std::string> NormalizeUrl(std::string_view url, std::string* error = nullptr);

// The scheme `url` starts with, lower-case ("ftp" for "FTP://host/x",
// "javascript" for "javascript:void(0)"): RFC 3986's letter, then letters,
// digits, '+', '-' or '.', then ':'. "" when it starts with none (a relative
// URL, "www.example.com").
std::string UrlScheme(std::string_view url);

// The host part of an absolute URL (lower-case), or "" when it has none.
std::string UrlHost(std::string_view url);

// The URL with any user:password@ part removed, for logs and storage.
std::string RedactUrlCredentials(std::string_view url);

}  // namespace citecheck

#endif  // CITECHECK_CORE_URL_H_
