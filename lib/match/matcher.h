// Deciding whether a page contains a quote (docs/matching.md).
#ifndef CITECHECK_MATCH_MATCHER_H_
#define CITECHECK_MATCH_MATCHER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace citecheck {

// The version of the matching rules. Verdicts cached between runs are keyed
// by it: raise it with every change that can turn any verdict, score or
// evidence out differently for the same quote and page text, so that an
// upgraded binary never serves verdicts the old rules decided.
inline constexpr int kMatcherVersion = 3;  // 3: optional text (note markers) is skippable

struct MatchOptions {
  // match.near_threshold: largest word edit distance accepted as near_match,
  // as a fraction of the quote's words: max(1, floor(near_threshold * words)).
  double near_threshold = 0.15;
};

// A page prepared once (normalized, tokenized, with a map back to the page's
// own text) and matched against many quotes. Immutable after construction, so
// one PreparedPage can be shared by threads.
class PreparedPage {
 public:
  // `optional`: sorted, disjoint byte spans of `text` that a quote may write
  // or leave out (PageText::optional_spans).
  explicit PreparedPage(std::string text, std::string language_hint = "",
                        std::vector<TextSpan> optional = {});
  ~PreparedPage();
  PreparedPage(const PreparedPage&) = delete;
  PreparedPage& operator=(const PreparedPage&) = delete;

  const std::string& text() const;
  // Language of the text by character statistics ("en", "ru", "de", "fr",
  // "es", ...), or "" when unsure.
  const std::string& detected_language() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Verdict for one quote against one page: verified, near_match, not_found, or
// unverifiable (the page's text is in another language than the quote). The
// evidence's citation_id is left empty for the caller to fill in.
Verdict MatchQuote(std::string_view quote, const PreparedPage& page, const MatchOptions& options);

// Language of a short text by character statistics, or "" when unsure.
std::string DetectLanguage(std::string_view text);

}  // namespace citecheck

#endif  // CITECHECK_MATCH_MATCHER_H_
