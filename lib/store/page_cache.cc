// The page cache between runs (SPEC "Storage": a 304 or an unchanged page
// reuses the stored text): validators for conditional requests, and the
// stored copy a 304 stands for.
#include "store/codec.h"
#include "store/store.h"
#include "store/store_impl.h"
#include "store/stored_fetch_row.h"

namespace citecheck {

std::optional<CachedValidators> Store::FindCachedValidators(const std::string& url, int64_t max_age_s) {
  return Guarded(*impl_, "reading cached validators of " + url, [&]() -> std::optional<CachedValidators> {
    // The age counts from the last full (non-304) fetch, so that a page is
    // fetched in full again once it is older than max_age_s, however many
    // 304s came in between.
    SQLite::Statement full(impl_->db,
                           "SELECT 1 FROM fetches WHERE url = ?1 AND link_status = 'ok' "
                           "AND http_status <> 304 AND content_hash IS NOT NULL "
                           "AND fetched_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?2) LIMIT 1");
    full.bind(1, url);
    full.bind(2, "-" + std::to_string(max_age_s) + " seconds");
    if (!full.executeStep()) return std::nullopt;
    SQLite::Statement latest(impl_->db,
                             "SELECT etag, last_modified FROM fetches WHERE url = ?1 AND link_status = 'ok' "
                             "AND content_hash IS NOT NULL ORDER BY fetched_at DESC, run_id DESC LIMIT 1");
    latest.bind(1, url);
    if (!latest.executeStep()) return std::nullopt;
    CachedValidators v{latest.getColumn(0).getString(), latest.getColumn(1).getString()};
    if (v.etag.empty() && v.last_modified.empty()) return std::nullopt;
    return v;
  });
}

std::optional<StoredFetch> Store::FindCachedPage(const std::string& url, bool with_text) {
  return Guarded(*impl_, "reading the cached page of " + url, [&]() -> std::optional<StoredFetch> {
    std::string columns = kStoredFetchColumns;
    // Without the text, ask for an empty string in its place: a page of
    // 100 KB need not be read to learn its hash and title.
    if (!with_text) columns.replace(columns.find("p.text"), 6, "CASE WHEN p.content_hash IS NULL THEN NULL ELSE '' END");
    SQLite::Statement select(impl_->db, columns +
                                            " WHERE f.url = ?1 AND f.link_status = 'ok' AND p.content_hash IS NOT NULL"
                                            " ORDER BY f.fetched_at DESC, f.run_id DESC LIMIT 1");
    select.bind(1, url);
    if (!select.executeStep()) return std::nullopt;
    return ReadStoredFetch(select);
  });
}

}  // namespace citecheck

namespace citecheck {

std::optional<Verdict> Store::FindCachedVerdict(const std::string& content_hash, const std::string& quote,
                                                const std::string& options_key) {
  return Guarded(*impl_, "reading a cached verdict", [&]() -> std::optional<Verdict> {
    SQLite::Statement select(impl_->db,
                             "SELECT status, score, evidence, reason FROM verdict_cache "
                             "WHERE content_hash = ?1 AND quote = ?2 AND options = ?3");
    select.bind(1, content_hash);
    select.bind(2, quote);
    select.bind(3, options_key);
    if (!select.executeStep()) return std::nullopt;
    std::optional<QuoteStatus> status = ParseQuoteStatus(select.getColumn(0).getString());
    if (!status) return std::nullopt;
    Verdict v;
    v.status = *status;
    v.score = select.getColumn(1).getDouble();
    if (!select.getColumn(2).isNull()) v.evidence = store_internal::DecodeEvidence(select.getColumn(2).getString(), "cached evidence");
    v.reason = select.getColumn(3).getString();
    return v;
  });
}

void Store::CacheVerdicts(const std::string& content_hash, const std::string& options_key,
                          const std::vector<std::pair<std::string, Verdict>>& quote_verdicts) {
  Guarded(*impl_, "caching verdicts", [&] {
    SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(impl_->db,
                             "INSERT OR REPLACE INTO verdict_cache "
                             "(content_hash, quote, options, status, score, evidence, reason) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const auto& [quote, verdict] : quote_verdicts) {
      insert.reset();
      insert.clearBindings();
      insert.bind(1, content_hash);
      insert.bind(2, quote);
      insert.bind(3, options_key);
      insert.bind(4, std::string(ToString(verdict.status)));
      insert.bind(5, verdict.score);
      if (verdict.evidence) insert.bind(6, store_internal::EncodeEvidence(*verdict.evidence));
      insert.bind(7, verdict.reason);
      insert.exec();
    }
    transaction.commit();
  });
}

}  // namespace citecheck
