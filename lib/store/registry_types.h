// Values the store hands out about registered articles, the daemon's job
// queue, run history and resumable runs (docs/storage.md "Runs", docs/api.md "Jobs and the queue").
#ifndef CITECHECK_STORE_REGISTRY_TYPES_H_
#define CITECHECK_STORE_REGISTRY_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/types.h"
#include "store/states.h"

namespace citecheck {

// How a registered article is read on each run.
inline constexpr const char* kArticleKindFile = "file";  // identity is the real path, re-read each run
inline constexpr const char* kArticleKindUrl = "url";    // identity is the normalized URL, fetched each run
inline constexpr const char* kArticleKindText = "text";  // body stored (stdin, API); identity is the name

struct ArticleEntry {
  int64_t id = 0;
  std::string identity;
  std::string source;   // as first given
  std::string kind;     // kArticleKind*
  std::string body;     // kind text only
  std::string media_type;  // of body ("text/html", ...), may be empty
  std::string created_at;
  bool registered = false;  // false: only ever checked with `check`, or removed
};

// A run that included an article, newest first in lists.
struct RunRef {
  int64_t run_id = 0;
  std::string trigger;
  std::string started_at;
  std::string finished_at;  // empty while running or interrupted
  RunState state = RunState::kRunning;
};

// A registered article and the newest run that includes it, if any: one row
// of `list` and GET /v1/articles (Store::ListRegisteredWithLatestRun).
struct RegisteredWithRun {
  ArticleEntry article;
  std::optional<RunRef> latest_run;
};

// The link status of one URL of an article in one run (LinkHistory).
struct LinkHistoryEntry {
  int64_t run_id = 0;
  std::string started_at;
  bool fetched = false;  // false: the run stopped before fetching it
  LinkStatus status = LinkStatus::kError;
};

// A committed fetch of a run, as a resumed run reuses it without fetching,
// or the stored copy of a page that a later run reuses.
struct StoredFetch {
  FetchResult fetch;  // body empty: the text is in `page`
  std::optional<PageText> page;
  std::string detected_language;
  std::string no_text_reason;
  std::string content_hash;  // of the stored text, "" when none
};

inline constexpr const char* kJobKindArticle = "article";
inline constexpr const char* kJobKindAll = "all";

struct Job {
  int64_t id = 0;
  std::string kind;        // kJobKindArticle or kJobKindAll
  int64_t article_id = 0;  // 0 for kind all
  JobState state = JobState::kQueued;
  int64_t run_id = 0;      // 0 until started; kept when requeued so the run resumes
  std::string error;
  std::string created_at;
  std::string started_at;
  std::string finished_at;
  std::string worker;      // the id of the worker holding its lease while running, else empty
};

// One stored review decision (docs/review.md "Stored decisions").
inline constexpr const char* kReviewKindQuote = "quote";
inline constexpr const char* kReviewKindCitation = "citation";

struct ReviewRow {
  int64_t id = 0;
  std::string key;
  int64_t article_id = 0;
  std::string kind;  // kReviewKindQuote or kReviewKindCitation
  ReviewState state = ReviewState::kAccepted;  // accepted, rejected or cleared
  std::string note;
  std::string by;
  std::string at;            // ISO 8601 UTC; SaveReview sets it when empty
  std::string content_hash;  // page text hash(es) the decision was made on
  std::string quote_text;    // the quote as written then; empty for a citation
  int64_t run_id = 0;        // the run that was reviewed, 0 when unknown
};

}  // namespace citecheck

#endif  // CITECHECK_STORE_REGISTRY_TYPES_H_
