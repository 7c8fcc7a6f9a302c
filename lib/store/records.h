// What the store holds about a run, as read back for reports (STYLE.md:
// reports are rendered from the store, not from a run's memory).
#ifndef CITECHECK_STORE_RECORDS_H_
#define CITECHECK_STORE_RECORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/types.h"
#include "store/archive_types.h"
#include "store/states.h"

namespace citecheck {

// The review shown on a quote or citation of a run (lib/review ApplyReviews):
// accepted, rejected or stale, with the decision's note, reviewer and time.
struct ReviewMark {
  ReviewState state = ReviewState::kAccepted;
  std::string note;
  std::string by;
  std::string at;  // ISO 8601 UTC
};

struct CitationRecord {
  Citation citation;
  LinkStatus link_status = LinkStatus::kUnresolved;
  std::string error;        // empty when none
  long http_status = 0;     // 0 when none
  std::string final_url;    // empty when not fetched
  std::string content_type;
  std::string language;     // page language (declared, else detected); empty when unknown
  std::string title;        // page title; empty when unknown
  std::string content_hash; // SHA-256 of the page text; empty when no text
  // The page says its text is not free (PageText::paywalled).
  bool paywalled{};
  // The archived copy sought for it (SPEC "Archived copies"); nullopt when
  // none was sought.
  std::optional<CitationArchive> archive{};
  // Set by lib/review ApplyReviews: the stable key (docs/review.md) and the
  // review in force, if any.
  std::string key{};
  std::optional<ReviewMark> review{};
};

struct QuoteRecord {
  Quote quote;
  Verdict verdict;
  bool decided = false;  // false while the run has not stored a verdict yet
  std::string key{};                  // as CitationRecord::key
  std::optional<ReviewMark> review{};  // as CitationRecord::review
};

// What changed in an article since its previous run (lib/history computes
// it; reports render it when present). Links are matched across runs by
// normalized URL, quotes by their text.
struct LinkChange {
  std::string citation_id;
  std::string url;
  LinkStatus before = LinkStatus::kOk;
  LinkStatus after = LinkStatus::kOk;
  std::string error;  // the current error, if any
};

struct QuoteChange {
  std::string text;
  int line = 0;
  QuoteStatus before = QuoteStatus::kVerified;
  QuoteStatus after = QuoteStatus::kVerified;
  std::string reason;  // the current reason, if any
  // quotes_moved_to_archive: the Memento-Datetime of the copy that holds it now.
  std::string archive_datetime{};
};

struct PageChange {
  std::string citation_id;
  std::string url;
};

// A link that is not ok now, with how long it has been so: one-night outages
// are told apart from rot.
struct BrokenLink {
  std::string citation_id;
  std::string url;
  LinkStatus status = LinkStatus::kBroken;
  std::string since;         // started_at of the first run of the streak
  int consecutive_runs = 1;  // runs in a row (this one included) with the link not ok
};

// An accepted review that no longer holds: the quote or the page text
// changed since the decision, so the item counts again.
struct StaleReview {
  std::string key;
  std::string kind;     // "quote" or "citation"
  std::string subject;  // the quote's text, or the citation's URL
  int line = 0;
  std::string by;
  std::string at;       // when it was accepted
  std::string reason;   // "the page has changed since", "the quote has changed since"
};

struct ArticleChanges {
  int64_t previous_run_id = 0;      // 0: no previous run of this article
  std::string previous_checked_at;  // empty when none
  std::vector<LinkChange> links_newly_broken;
  std::vector<LinkChange> links_recovered;
  std::vector<QuoteChange> quotes_no_longer_verified;
  std::vector<QuoteChange> quotes_newly_verified;
  // Held by the live page last run, only by an archived copy now (SPEC
  // "Archived copies"): still verified, but the live page lost the words
  // or cannot be read, which an editor wants to hear about.
  std::vector<QuoteChange> quotes_moved_to_archive;
  std::vector<PageChange> pages_changed;  // text changed (content hash), link ok both times
  std::vector<BrokenLink> broken_links;   // every link not ok now (state, not change)
  std::vector<StaleReview> stale_reviews; // set by lib/review ApplyReviews

  // True when something changed since the previous run (broken_links alone
  // is not a change).
  bool HasChanges() const {
    return !links_newly_broken.empty() || !links_recovered.empty() ||
           !quotes_no_longer_verified.empty() || !quotes_newly_verified.empty() ||
           !quotes_moved_to_archive.empty() ||
           !pages_changed.empty() || !stale_reviews.empty();
  }
};

struct ArticleRecord {
  int64_t article_id = 0;
  std::string source;
  std::optional<std::string> title;
  std::string checked_at;  // ISO 8601 UTC, e.g. "2026-11-26T03:00:00Z"
  std::vector<CitationRecord> citations;
  std::vector<QuoteRecord> quotes;
  std::vector<Diagnostic> diagnostics;
  // Set when the caller asked for history (lib/history AttachChanges).
  std::optional<ArticleChanges> changes;
};

struct RunRecord {
  int64_t run_id = 0;
  std::string trigger;     // "check", "run", "daemon", ...
  std::string started_at;  // ISO 8601 UTC
  std::string finished_at; // empty while running
  RunState state = RunState::kRunning;
  std::vector<ArticleRecord> articles;
};

}  // namespace citecheck

#endif  // CITECHECK_STORE_RECORDS_H_
