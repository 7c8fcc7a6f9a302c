// Telling real failures from noise (docs/fetching.md "Soft 404", "Bot challenges and login walls"): a
// response that HTTP calls a success may be a soft 404, and one that HTTP
// calls an error may be the site refusing robots rather than a dead link.
//   - soft 404 -> broken: a 2xx page whose title consists of "not found"
//     wording ("Page not found | Example", "Error 404"), a short page (at most
//     kShortPageWords visible words) that says so, or a deep URL redirected to
//     the root of the same site;
//   - bot challenge / block -> blocked: a 403, 429 or 503 carrying a known
//     challenge marker (Cloudflare, DDoS-Guard, Akamai, CAPTCHA, "Access
//     denied"); a login wall -> blocked: a 401, or a redirect to a login page.
// Deliberately conservative: a wrong "broken" is worse than a missed soft 404,
// so plain wording in a long page never counts. Pure functions; thread-safe.
#ifndef CITECHECK_FETCH_PAGE_CLASSIFIER_H_
#define CITECHECK_FETCH_PAGE_CLASSIFIER_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace citecheck {

// A page with more visible words than this is never a soft 404 by its text.
inline constexpr int kShortPageWords = 120;

// What is known about a finished response (after redirects).
struct PageSignals {
  std::string url;           // as requested
  std::string final_url;     // after redirects
  long http_status = 0;
  std::string content_type;  // media type, lower-case, no parameters
  std::string_view body;     // decoded to UTF-8; empty for binary types
  std::string server;        // Server header
  std::string cf_mitigated;  // cf-mitigated header (Cloudflare: "challenge")
};

struct PageVerdict {
  LinkStatus status = LinkStatus::kBroken;
  std::string error;  // "soft 404: ...", "bot challenge (Cloudflare)", "login wall: ..."
};

// nullopt when the HTTP status tells the truth; otherwise the status to report.
std::optional<PageVerdict> ClassifyPage(const PageSignals& page);

// The pieces, for tests. Each returns the detail text, or nullopt.
std::optional<std::string> SoftNotFoundReason(const PageSignals& page);
std::optional<std::string> BotBlockReason(const PageSignals& page);
std::optional<std::string> LoginWallReason(const PageSignals& page);

// The <title> text of an HTML page, entities and whitespace collapsed to
// single spaces; empty when there is none.
std::string HtmlTitle(std::string_view html);

}  // namespace citecheck

#endif  // CITECHECK_FETCH_PAGE_CLASSIFIER_H_
