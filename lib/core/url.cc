#include "core/url.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "core/ascii.h"

namespace citecheck {
namespace {

// RAII for libcurl's URL API, which does the RFC 3986 parsing for us.
struct CurlUrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;

std::string GetPart(CURLU* u, CURLUPart part) {
  char* value = nullptr;
  if (curl_url_get(u, part, &value, 0) != CURLUE_OK || value == nullptr) return "";
  std::string out(value);
  curl_free(value);
  return out;
}

bool HasSpaceOrControl(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c <= 0x20 || c == 0x7f; });
}

}  // namespace

std::optional<std::string> NormalizeUrl(std::string_view url, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<std::string> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (url.empty()) return fail("empty URL");
  if (HasSpaceOrControl(url)) return fail("URL contains a space or control character");
  CurlUrl u(curl_url());
  if (!u) return fail("out of memory");
  std::string text(url);
  CURLUcode rc = curl_url_set(u.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (rc != CURLUE_OK) return fail(std::string("malformed URL: ") + curl_url_strerror(rc));
  std::string scheme = AsciiLower(GetPart(u.get(), CURLUPART_SCHEME));
  if (scheme != "http" && scheme != "https") return fail("not an http(s) URL");
  std::string host = AsciiLower(GetPart(u.get(), CURLUPART_HOST));
  if (host.empty()) return fail("URL has no host");
  curl_url_set(u.get(), CURLUPART_FRAGMENT, nullptr, 0);
  curl_url_set(u.get(), CURLUPART_SCHEME, scheme.c_str(), 0);
  curl_url_set(u.get(), CURLUPART_HOST, host.c_str(), 0);
  std::string port = GetPart(u.get(), CURLUPART_PORT);
  if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) {
    curl_url_set(u.get(), CURLUPART_PORT, nullptr, 0);
  }
  char* out = nullptr;
  if (curl_url_get(u.get(), CURLUPART_URL, &out, 0) != CURLUE_OK || out == nullptr) {
    return fail("malformed URL");
  }
  std::string normalized(out);
  curl_free(out);
  return normalized;
}

std::string UrlScheme(std::string_view url) {
  size_t colon = url.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > 32) return "";
  std::string scheme = AsciiLower(std::string(url.substr(0, colon)));
  if (!std::isalpha(static_cast<unsigned char>(scheme[0]))) return "";
  for (char c : scheme) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return "";
  }
  return scheme;
}

std::string UrlHost(std::string_view url) {
  CurlUrl u(curl_url());
  std::string text(url);
  if (!u || curl_url_set(u.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return "";
  }
  return AsciiLower(GetPart(u.get(), CURLUPART_HOST));
}

std::string RedactUrlCredentials(std::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  size_t authority = scheme_end + 3;
  size_t authority_end = url.find_first_of("/?#", authority);
  if (authority_end == std::string_view::npos) authority_end = url.size();
  size_t at = url.rfind('@', authority_end - 1);
  if (at == std::string_view::npos || at < authority) return std::string(url);
  return std::string(url.substr(0, authority)) + std::string(url.substr(at + 1));
}

}  // namespace citecheck
