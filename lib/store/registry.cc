// Registered articles: the `articles` rows that `run --all` and the daemon's
// schedule check (migration 2 columns registered, kind, body, media_type).
#include <limits>

#include "core/url.h"
#include "store/codec.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace citecheck {
namespace {

constexpr const char* kArticleColumns =
    "SELECT id, identity, source, kind, COALESCE(body, ''), media_type, created_at, registered "
    "FROM articles ";

// A page of registered articles by id (?1: after this id, ?2: at most this
// many, -1 for all); the id order walks articles' primary key.
constexpr const char* kRegisteredPage = "WHERE a.registered = 1 AND a.id > ?1 ORDER BY a.id LIMIT ?2";

ArticleEntry ReadEntry(sql::Statement& select) {
  ArticleEntry entry;
  entry.id = select.getColumn(0).getInt64();
  entry.identity = select.getColumn(1).getString();
  entry.source = select.getColumn(2).getString();
  entry.kind = select.getColumn(3).getString();
  entry.body = select.getColumn(4).getString();
  entry.media_type = select.getColumn(5).getString();
  entry.created_at = select.getColumn(6).getString();
  entry.registered = select.getColumn(7).getInt() != 0;
  return entry;
}

std::optional<ArticleEntry> FirstEntry(sql::Statement& select) {
  if (!select.executeStep()) return std::nullopt;
  return ReadEntry(select);
}

}  // namespace

int64_t SqlStore::RegisterArticle(const std::string& identity, const std::string& source, const std::string& kind,
                               const std::string& body, const std::string& media_type) {
  return Guarded(*impl_, "registering article " + RedactUrlCredentials(identity), [&] {
    WriteScope transaction(*impl_);
    sql::Statement upsert(
        impl_->db,
        "INSERT INTO articles (identity, source, created_at, registered, kind, body, media_type) "
        "VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6) "
        "ON CONFLICT (identity) DO UPDATE SET registered = 1, kind = excluded.kind, "
        "body = excluded.body, media_type = excluded.media_type");
    upsert.bind(1, RedactUrlCredentials(identity));
    upsert.bind(2, RedactUrlCredentials(source));
    upsert.bind(3, store_internal::UtcNow());
    upsert.bind(4, kind);
    if (kind == kArticleKindText) upsert.bind(5, body);  // else NULL
    upsert.bind(6, media_type);
    upsert.exec();
    sql::Statement find(impl_->db, "SELECT id FROM articles WHERE identity = ?1");
    find.bind(1, RedactUrlCredentials(identity));
    find.executeStep();
    int64_t id = find.getColumn(0).getInt64();
    find.reset();
    transaction.Commit();
    return id;
  });
}

std::vector<ArticleEntry> SqlStore::ListRegistered(int64_t after_id, int limit) {
  return Guarded(*impl_, "listing registered articles", [&] {
    sql::Statement select(impl_->db, std::string(kArticleColumns) + "a " + kRegisteredPage);
    select.bind(1, after_id);
    select.bind(2, limit > 0 ? static_cast<int64_t>(limit) : std::numeric_limits<int64_t>::max());  // no limit
    std::vector<ArticleEntry> entries;
    while (select.executeStep()) entries.push_back(ReadEntry(select));
    return entries;
  });
}

std::vector<RegisteredWithRun> SqlStore::ListRegisteredWithLatestRun(int64_t after_id, int limit) {
  return Guarded(*impl_, "listing registered articles with their latest runs", [&] {
    // The newest run of each article is one probe of run_articles_by_article
    // (article_id, run_id); the runs join is by primary key.
    sql::Statement select(
        impl_->db,
        "SELECT a.id, a.identity, a.source, a.kind, COALESCE(a.body, ''), a.media_type, a.created_at, "
        "       a.registered, r.id, r.trigger, r.started_at, r.finished_at, r.state "
        "FROM articles a LEFT JOIN runs r "
        "  ON r.id = (SELECT MAX(ra.run_id) FROM run_articles ra WHERE ra.article_id = a.id) " +
            std::string(kRegisteredPage));
    select.bind(1, after_id);
    select.bind(2, limit > 0 ? static_cast<int64_t>(limit) : std::numeric_limits<int64_t>::max());
    std::vector<RegisteredWithRun> rows;
    while (select.executeStep()) {
      RegisteredWithRun row;
      row.article = ReadEntry(select);
      if (!select.getColumn(8).isNull()) row.latest_run = ReadRunRef(select, 8);
      rows.push_back(std::move(row));
    }
    return rows;
  });
}

std::optional<ArticleEntry> SqlStore::FindArticle(int64_t id) {
  return Guarded(*impl_, "finding article " + std::to_string(id), [&] {
    StatementUse select(impl_->Cached(std::string(kArticleColumns) + "WHERE id = ?1"));
    select->bind(1, id);
    return FirstEntry(*select);
  });
}

std::optional<ArticleEntry> SqlStore::FindArticleBySource(const std::string& identity_or_source) {
  return Guarded(*impl_, "finding article " + RedactUrlCredentials(identity_or_source), [&] {
    sql::Statement select(impl_->db, std::string(kArticleColumns) +
                                            "WHERE identity = ?1 OR source = ?1 "
                                            "ORDER BY identity = ?1 DESC, registered DESC, id LIMIT 1");
    select.bind(1, RedactUrlCredentials(identity_or_source));
    return FirstEntry(select);
  });
}

bool SqlStore::UnregisterArticle(int64_t id) {
  return Guarded(*impl_, "removing article " + std::to_string(id), [&] {
    WriteScope transaction(*impl_);
    sql::Statement update(impl_->db, "UPDATE articles SET registered = 0 WHERE id = ?1 AND registered = 1");
    update.bind(1, id);
    const bool changed = update.exec() > 0;
    // Its queued jobs would check an article nobody wants checked any more.
    sql::Statement drop(impl_->db, "DELETE FROM jobs WHERE article_id = ?1 AND state = " +
                                          store_internal::SqlLiteral(JobState::kQueued));
    drop.bind(1, id);
    drop.exec();
    transaction.Commit();
    return changed;
  });
}

}  // namespace citecheck
