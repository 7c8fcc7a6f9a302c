// Deciding a quote's verdict per citation and over all its citations: the
// part of docs/statuses.md "Quote verdicts" that depends on the link, not on the text.
#ifndef CITECHECK_CHECK_QUOTE_VERDICTS_H_
#define CITECHECK_CHECK_QUOTE_VERDICTS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "match/matcher.h"

namespace citecheck {

// What the pipeline knows about one fetched URL once its text is extracted.
struct PageOutcome {
  LinkStatus link_status = LinkStatus::kError;
  std::string link_error;
  long http_status = 0;
  bool truncated = false;
  int64_t max_body_bytes = 0;
  bool paywalled = false;  // PageText::paywalled: a quote not found is unverifiable
  std::string no_text_reason;           // set when the page has no usable text
  std::shared_ptr<const PreparedPage> page;  // null when there is no text
};

// The reason of a quote not found on a paywalled page.
inline constexpr std::string_view kPaywalledReason = "paywalled page: only part of its text is public";

// The verdict of `quote` against one citation. `outcome` is null when the
// citation has no fetchable URL (unresolved marker or malformed URL).
Verdict VerdictForCitation(const std::string& quote, const Citation& citation,
                           const PageOutcome* outcome, const MatchOptions& options);

// The best verdict over a quote's citations (verified > near_match >
// unverifiable > not_found); the first citation wins ties. `verdicts` must
// not be empty.
Verdict CombineVerdicts(const std::vector<Verdict>& verdicts);

// "10 MiB" for 10485760, "512 KiB", "1000 bytes".
std::string HumanBytes(int64_t bytes);

}  // namespace citecheck

#endif  // CITECHECK_CHECK_QUOTE_VERDICTS_H_
