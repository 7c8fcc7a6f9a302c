// The page cache between runs (SPEC "Storage": a 304 or an unchanged page
// reuses the stored text): validators for conditional requests, and the
// stored copy a 304 stands for.
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

std::optional<StoredFetch> Store::FindCachedPage(const std::string& url) {
  return Guarded(*impl_, "reading the cached page of " + url, [&]() -> std::optional<StoredFetch> {
    SQLite::Statement select(impl_->db, std::string(kStoredFetchColumns) +
                                            " WHERE f.url = ?1 AND f.link_status = 'ok' AND p.text IS NOT NULL"
                                            " ORDER BY f.fetched_at DESC, f.run_id DESC LIMIT 1");
    select.bind(1, url);
    if (!select.executeStep()) return std::nullopt;
    return ReadStoredFetch(select);
  });
}

}  // namespace citecheck
