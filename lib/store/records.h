// What the store holds about a run, as read back for reports (STYLE.md:
// reports are rendered from the store, not from a run's memory).
#ifndef CITECHECK_STORE_RECORDS_H_
#define CITECHECK_STORE_RECORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/types.h"

namespace citecheck {

struct CitationRecord {
  Citation citation;
  LinkStatus link_status = LinkStatus::kUnresolved;
  std::string error;        // empty when none
  long http_status = 0;     // 0 when none
  std::string final_url;    // empty when not fetched
  std::string content_type;
  std::string language;     // page language (declared, else detected); empty when unknown
  std::string title;        // page title; empty when unknown
};

struct QuoteRecord {
  Quote quote;
  Verdict verdict;
  bool decided = false;  // false while the run has not stored a verdict yet
};

struct ArticleRecord {
  int64_t article_id = 0;
  std::string source;
  std::optional<std::string> title;
  std::string checked_at;  // ISO 8601 UTC, e.g. "2026-11-26T03:00:00Z"
  std::vector<CitationRecord> citations;
  std::vector<QuoteRecord> quotes;
  std::vector<Diagnostic> diagnostics;
};

struct RunRecord {
  int64_t run_id = 0;
  std::string trigger;     // "check", "run", "daemon", ...
  std::string started_at;  // ISO 8601 UTC
  std::string finished_at; // empty while running
  std::string state;       // "running", "done", "interrupted", "failed"
  std::vector<ArticleRecord> articles;
};

}  // namespace citecheck

#endif  // CITECHECK_STORE_RECORDS_H_
