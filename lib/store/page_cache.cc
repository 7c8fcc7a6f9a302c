// The page cache between runs (docs/storage.md "Page cache": a 304 or an unchanged page
// reuses the stored text): validators for conditional requests, and the
// stored copy a 304 stands for.
#include <ctime>

#include "core/url.h"
#include "core/utc_time.h"
#include "store/codec.h"
#include "store/store.h"
#include "store/store_impl.h"
#include "store/stored_fetch_row.h"

namespace citecheck {

std::optional<Validators> SqlStore::FindCachedValidators(const std::string& url, int64_t max_age_s) {
  return Guarded(*impl_, "reading cached validators of " + RedactUrlCredentials(url), [&]() -> std::optional<Validators> {
    StatementUse full(impl_->select_recent_full_fetch);
    full->bind(1, RedactUrlCredentials(url));
    // ISO 8601 UTC strings compare as the times they name.
    full->bind(2, UtcIso8601(std::time(nullptr) - max_age_s));
    if (!full->executeStep()) return std::nullopt;
    StatementUse latest(impl_->select_latest_validators);
    latest->bind(1, RedactUrlCredentials(url));
    if (!latest->executeStep()) return std::nullopt;
    Validators v{latest->getColumn(0).getString(), latest->getColumn(1).getString(),
                 latest->getColumn(2).getString()};
    if (v.etag.empty() && v.last_modified.empty() && v.body_hash.empty()) return std::nullopt;
    return v;
  });
}

std::optional<StoredFetch> SqlStore::FindCachedPage(const std::string& url, bool with_text) {
  return Guarded(*impl_, "reading the cached page of " + RedactUrlCredentials(url), [&]() -> std::optional<StoredFetch> {
    StatementUse select(with_text ? impl_->select_cached_page : impl_->select_cached_page_meta);
    select->bind(1, RedactUrlCredentials(url));
    if (!select->executeStep()) return std::nullopt;
    return ReadStoredFetch(*select);
  });
}

}  // namespace citecheck

namespace citecheck {

std::optional<Verdict> SqlStore::FindCachedVerdict(const std::string& content_hash, const std::string& quote,
                                                const std::string& options_key) {
  return Guarded(*impl_, "reading a cached verdict", [&]() -> std::optional<Verdict> {
    StatementUse use(impl_->select_cached_verdict);
    sql::Statement& select = *use;
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

void SqlStore::CacheVerdicts(const std::string& content_hash, const std::string& options_key,
                          const std::vector<std::pair<std::string, Verdict>>& quote_verdicts) {
  Guarded(*impl_, "caching verdicts", [&] {
    WriteScope transaction(*impl_);
    sql::Statement& insert = impl_->insert_cached_verdict;
    for (const auto& [quote, verdict] : quote_verdicts) {
      Impl::Fresh(insert);
      insert.bind(1, content_hash);
      insert.bind(2, quote);
      insert.bind(3, options_key);
      insert.bind(4, std::string(ToString(verdict.status)));
      insert.bind(5, verdict.score);
      if (verdict.evidence) insert.bind(6, store_internal::EncodeEvidence(*verdict.evidence));
      insert.bind(7, verdict.reason);
      insert.exec();
    }
    transaction.Commit();
  });
}

}  // namespace citecheck
