#include "fetch/retry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace citecheck {
namespace {

// Beyond this the exponent would only overflow; no retry waits that long.
constexpr int kMaxDoublings = 16;

}  // namespace

std::optional<int64_t> ParseRetryAfter(std::string_view value, std::time_t now) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.remove_prefix(1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 12) return std::nullopt;
    return std::stoll(std::string(value));
  }
  // curl_getdate parses exactly the three date formats HTTP allows.
  std::string text(value);
  std::time_t when = curl_getdate(text.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  return std::max<int64_t>(0, static_cast<int64_t>(when) - static_cast<int64_t>(now));
}

bool IsRetryableHttpStatus(long http_status) {
  return http_status == 429 || (http_status >= 500 && http_status <= 599);
}

std::chrono::milliseconds RetryDelay(int attempt, int base_ms, std::optional<int64_t> retry_after_s,
                                     int cap_s, std::mt19937& random) {
  int64_t backoff = static_cast<int64_t>(std::max(0, base_ms)) << std::clamp(attempt, 0, kMaxDoublings);
  std::uniform_int_distribution<int64_t> jitter(0, backoff / 2);
  int64_t delay_ms = backoff + jitter(random);
  if (cap_s > 0) delay_ms = std::min<int64_t>(delay_ms, static_cast<int64_t>(cap_s) * 1000);
  if (retry_after_s) {
    int64_t capped_s = std::min<int64_t>(*retry_after_s, std::max(0, cap_s));
    delay_ms = std::max(delay_ms, capped_s * 1000);
  }
  return std::chrono::milliseconds(delay_ms);
}

}  // namespace citecheck
