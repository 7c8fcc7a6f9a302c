// When to try a URL again (docs/fetching.md "Retries": retries on timeouts, connection
// errors, 429 and 5xx, exponential backoff with jitter, Retry-After honoured
// up to a cap). Pure functions; the fetch loop schedules the retry without
// sleeping, so other transfers go on meanwhile.
#ifndef CITECHECK_FETCH_RETRY_POLICY_H_
#define CITECHECK_FETCH_RETRY_POLICY_H_

#include <chrono>
#include <cstdint>
#include <ctime>
#include <optional>
#include <random>
#include <string_view>

namespace citecheck {

// Seconds to wait from a Retry-After value: delta-seconds ("120") or an HTTP
// date (IMF-fixdate, RFC 850 or asctime), relative to `now`. A date in the
// past gives 0. nullopt for anything unparseable.
std::optional<int64_t> ParseRetryAfter(std::string_view value, std::time_t now);

// True for HTTP statuses worth retrying: 429 and 5xx.
bool IsRetryableHttpStatus(long http_status);

// Delay before retry number `attempt` (0 for the first retry): base * 2^attempt
// plus up to 50% random jitter, so that many clients do not retry in step.
// When the server sent Retry-After (`retry_after_s`, already parsed), the delay
// is at least that, capped at `cap_s`. The backoff itself is capped at
// `cap_s` too (when positive), so no single wait exceeds the cap whatever
// fetch.retries is: retries are bounded in count and in time.
std::chrono::milliseconds RetryDelay(int attempt, int base_ms, std::optional<int64_t> retry_after_s,
                                     int cap_s, std::mt19937& random);

}  // namespace citecheck

#endif  // CITECHECK_FETCH_RETRY_POLICY_H_
