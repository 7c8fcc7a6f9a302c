// Opening a SqlStore and every write. URLs are stored without user:password
// (docs/fetching.md "Credentials in URLs": they are never stored); lookups by URL drop them the
// same way, so the keys still meet. Each Save* is one BEGIN IMMEDIATE
// transaction (or a savepoint of a WriteBatch's): taking the write lock up
// front means a concurrent writer waits in the busy handler instead of
// failing on a read-to-write lock upgrade.
#include "store/sql_store.h"

#include <unistd.h>

#include <cmath>

#include "core/url.h"
#include "store/codec.h"
#include "store/schema.h"
#include "store/store_impl.h"

namespace citecheck {
namespace {

using store_internal::EncodeDiagnostics;
using store_internal::EncodeEvidence;
using store_internal::EncodeSpans;
using store_internal::EncodeStrings;
using store_internal::PageHashMaterial;
using store_internal::Sha256Hex;
using store_internal::UtcNow;

std::string Str(std::string_view view) { return std::string(view); }

}  // namespace

SqlStore::SqlStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqlStore::~SqlStore() = default;

std::unique_ptr<Store> SqlStore::OpenAnother() const { return Open(impl_->path); }

bool SqlStore::Broken() const { return impl_->db.Broken(); }

std::unique_ptr<SqlStore> SqlStore::Open(const std::string& path) {
  try {
    return std::unique_ptr<SqlStore>(new SqlStore(std::make_unique<Impl>(path)));
  } catch (const sql::Error& e) {  // preparing statements; opening wraps its own
    throw StoreError("opening database " + RedactUrlCredentials(path) + ": " + e.what());
  }
}

bool SqlStore::BeginBatch() {
  if (impl_->batch_open) return false;
  Guarded(*impl_, "starting a batch of writes", [&] { impl_->db.BeginWrite(); });
  impl_->batch_open = true;
  return true;
}

void SqlStore::CommitBatch() {
  Guarded(*impl_, "committing a batch of writes", [&] { impl_->db.exec("COMMIT"); });
  impl_->batch_open = false;
}

void SqlStore::RollbackBatch() noexcept {
  impl_->db.tryExec("ROLLBACK");
  impl_->batch_open = false;
}

int SqlStore::SchemaVersion() { return static_cast<int>(store_internal::Migrations().size()); }

int64_t SqlStore::UpsertArticle(const std::string& identity, const std::string& source) {
  return Guarded(*impl_, "registering article " + identity, [&] {
    WriteScope transaction(*impl_);
    sql::Statement& insert = Impl::Fresh(impl_->insert_article);
    insert.bind(1, RedactUrlCredentials(identity));
    insert.bind(2, RedactUrlCredentials(source));
    insert.bind(3, UtcNow());
    insert.exec();
    sql::Statement& find = Impl::Fresh(impl_->find_article);
    find.bind(1, RedactUrlCredentials(identity));
    find.executeStep();
    int64_t id = find.getColumn(0).getInt64();
    find.reset();
    transaction.Commit();
    return id;
  });
}

int64_t SqlStore::BeginRun(const std::string& trigger) {
  return Guarded(*impl_, "starting a " + trigger + " run", [&] {
    WriteScope transaction(*impl_);
    sql::Statement& insert = Impl::Fresh(impl_->insert_run);
    insert.bind(1, trigger);
    insert.bind(2, UtcNow());
    insert.bind(3, static_cast<int64_t>(getpid()));
    insert.executeStep();
    const int64_t id = insert.getColumn(0).getInt64();
    insert.reset();
    transaction.Commit();
    return id;
  });
}

// Saving an article again in the same run (a resumed run re-reading it)
// replaces its citations and quotes, verdicts included; its position stays.
void SqlStore::SaveArticle(int64_t run_id, int64_t article_id, const Article& article) {
  Guarded(*impl_, "saving article " + RedactUrlCredentials(article.source) + " for run " + std::to_string(run_id), [&] {
    const std::string now = UtcNow();
    WriteScope transaction(*impl_);
    sql::Statement& upsert = Impl::Fresh(impl_->upsert_run_article);
    upsert.bind(1, run_id);
    upsert.bind(2, article_id);
    upsert.bind(3, RedactUrlCredentials(article.source));
    if (article.title) upsert.bind(4, *article.title);  // else NULL
    upsert.bind(5, EncodeDiagnostics(article.diagnostics));
    upsert.bind(6, now);
    upsert.exec();
    for (sql::Statement* clear : {&impl_->delete_citations, &impl_->delete_quotes}) {
      Impl::Fresh(*clear).bind(1, run_id);
      clear->bind(2, article_id);
      clear->exec();
    }
    sql::Statement& citation = impl_->insert_citation;
    for (size_t i = 0; i < article.citations.size(); ++i) {
      const Citation& c = article.citations[i];
      Impl::Fresh(citation).bind(1, run_id);
      citation.bind(2, article_id);
      citation.bind(3, static_cast<int64_t>(i));
      citation.bind(4, c.id);
      citation.bind(5, RedactUrlCredentials(c.url));
      citation.bind(6, RedactUrlCredentials(c.normalized_url));
      citation.bind(7, c.line);
      citation.bind(8, c.url_error);
      citation.bind(9, std::string(ToString(c.url_error_status)));
      citation.bind(10, c.no_url ? 1 : 0);
      citation.bind(11, c.name);
      citation.bind(12, c.group);
      citation.bind(13, c.ref_title);
      citation.bind(14, c.access_date);
      citation.bind(15, c.url_status);
      citation.bind(16, RedactUrlCredentials(c.archive_url));
      citation.bind(17, c.archive_date);
      citation.exec();
    }
    sql::Statement& quote = impl_->insert_quote;
    for (size_t i = 0; i < article.quotes.size(); ++i) {
      const Quote& q = article.quotes[i];
      Impl::Fresh(quote).bind(1, run_id);
      quote.bind(2, article_id);
      quote.bind(3, static_cast<int64_t>(i));
      quote.bind(4, q.text);
      quote.bind(5, q.line);
      quote.bind(6, q.column);
      quote.bind(7, EncodeStrings(q.citation_ids));
      quote.bind(8, q.skipped ? 1 : 0);
      quote.bind(9, q.skip_reason);
      quote.bind(10, std::string(q.origin == QuoteOrigin::kRef ? "ref" : "text"));
      quote.exec();
    }
    transaction.Commit();
  });
}

std::string SqlStore::SaveFetch(int64_t run_id, const FetchResult& result, const std::optional<PageText>& page,
                             const std::string& detected_language, const std::string& no_text_reason,
                             const std::string& known_content_hash) {
  return Guarded(*impl_, "saving fetch result for URL " + RedactUrlCredentials(result.url), [&] {
    const std::string now = UtcNow();
    WriteScope transaction(*impl_);
    std::string hash = page ? known_content_hash : "";
    if (page && hash.empty()) {
      hash = Sha256Hex(PageHashMaterial(*page));
      sql::Statement& insert = Impl::Fresh(impl_->insert_page);
      insert.bind(1, hash);
      insert.bind(2, page->text);
      insert.bind(3, now);
      insert.bind(4, EncodeSpans(page->optional_spans));
      insert.exec();
    }
    sql::Statement& fetch = Impl::Fresh(impl_->upsert_fetch);
    fetch.bind(1, run_id);
    fetch.bind(2, RedactUrlCredentials(result.url));
    fetch.bind(3, RedactUrlCredentials(result.final_url));
    fetch.bind(4, Str(ToString(result.status)));
    fetch.bind(5, static_cast<int64_t>(result.http_status));
    fetch.bind(6, result.error);
    fetch.bind(7, result.content_type);
    fetch.bind(8, result.content_language);
    fetch.bind(9, result.etag);
    fetch.bind(10, result.last_modified);
    fetch.bind(11, result.truncated ? 1 : 0);
    if (result.permanent_redirect) fetch.bind(12, RedactUrlCredentials(*result.permanent_redirect));
    fetch.bind(13, static_cast<int64_t>(std::llround(result.elapsed_s * 1000)));
    fetch.bind(14, result.bytes);
    fetch.bind(15, now);
    if (page) {
      fetch.bind(16, hash);
      fetch.bind(17, page->title);
      fetch.bind(18, page->language);
      fetch.bind(19, page->canonical_url);
    } else {
      fetch.bind(17, "");
      fetch.bind(18, "");
      fetch.bind(19, "");
    }
    fetch.bind(20, detected_language);
    fetch.bind(21, no_text_reason);
    fetch.bind(22, result.body_hash);
    fetch.bind(23, known_content_hash.empty() ? 0 : 1);
    fetch.bind(24, page && page->paywalled ? 1 : 0);
    fetch.exec();
    transaction.Commit();
    return hash;
  });
}

void SqlStore::SaveVerdict(int64_t run_id, int64_t article_id, int quote_index, const Verdict& verdict) {
  const std::string what = "saving the verdict of quote " + std::to_string(quote_index) +
                           " of article " + std::to_string(article_id) + " in run " +
                           std::to_string(run_id);
  Guarded(*impl_, what, [&] {
    WriteScope transaction(*impl_);
    sql::Statement& update = Impl::Fresh(impl_->update_verdict);
    update.bind(1, run_id);
    update.bind(2, article_id);
    update.bind(3, quote_index);
    update.bind(4, Str(ToString(verdict.status)));
    update.bind(5, verdict.score);
    if (verdict.evidence) update.bind(6, EncodeEvidence(*verdict.evidence));
    update.bind(7, verdict.reason);
    update.bind(8, UtcNow());
    if (update.exec() == 0) {
      throw StoreError(what + " in " + impl_->name + ": no such quote (was the article saved?)");
    }
    transaction.Commit();
  });
}

void SqlStore::FinishRun(int64_t run_id, RunState state) {
  const std::string what = "finishing run " + std::to_string(run_id) + " as " + std::string(ToString(state));
  Guarded(*impl_, what, [&] {
    WriteScope transaction(*impl_);
    sql::Statement& update = Impl::Fresh(impl_->finish_run);
    update.bind(1, run_id);
    update.bind(2, UtcNow());
    update.bind(3, std::string(ToString(state)));
    if (update.exec() == 0) throw StoreError(what + " in " + impl_->name + ": no such run");
    if (state == RunState::kDone) {
      // A run that ended has nothing left to share; an interrupted one
      // keeps its tasks for the worker that resumes it.
      sql::Statement clear(impl_->db, "DELETE FROM url_tasks WHERE run_id = ?1");
      clear.bind(1, run_id);
      clear.exec();
    }
    transaction.Commit();
  });
}

}  // namespace citecheck
