// Outcome enums shared by every stage: what happened to a link, and what was
// decided about a quote. They are data, not errors (see STYLE.md "Errors").
#ifndef CITECHECK_CORE_STATUS_H_
#define CITECHECK_CORE_STATUS_H_

#include <optional>
#include <string_view>

namespace citecheck {

// docs/statuses.md "Link statuses".
enum class LinkStatus {
  kOk,          // 2xx after redirects
  kBroken,      // final 4xx/5xx, DNS failure, refused/reset, soft 404
  kTimeout,     // connect or total timeout
  kBlocked,     // refused by a policy: ours (private address, scheme) or the site's
  kExcluded,    // not checked because the config excludes it
  kError,       // TLS, too many redirects, protocol error, undecodable
  kUnresolved,  // the marker has no reference entry
  kNoUrl,       // the reference exists but gives no online source ({{cite book}}, {{sfn}}, plain text)
};

// docs/statuses.md "Quote verdicts".
enum class QuoteStatus {
  kVerified,
  kNearMatch,
  kNotFound,
  kUnverifiable,
  kSkipped,
  kUncited,
};

std::string_view ToString(LinkStatus status);
std::string_view ToString(QuoteStatus status);
std::optional<LinkStatus> ParseLinkStatus(std::string_view text);
std::optional<QuoteStatus> ParseQuoteStatus(std::string_view text);

// Order used when a quote has several citations: verified > near_match >
// unverifiable > not_found. Higher is better; skipped/uncited rank lowest.
int VerdictRank(QuoteStatus status);

// Whether a link status fails the run (docs/exit-codes.md): every status but
// ok, excluded and no_url.
bool IsLinkProblem(LinkStatus status);

}  // namespace citecheck

#endif  // CITECHECK_CORE_STATUS_H_
