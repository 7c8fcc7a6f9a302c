// Reviewers' decisions (migration 8 table reviews): an append-only history,
// whose newest row per key is the decision in force.
#include "store/codec.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace citecheck {
namespace {

constexpr const char* kReviewColumns =
    "SELECT id, key, article_id, kind, state, note, reviewer, at, content_hash, quote_text, "
    "COALESCE(run_id, 0) FROM reviews ";

ReviewRow ReadReview(sql::Statement& select, const std::string& path) {
  ReviewRow row;
  row.id = select.getColumn(0).getInt64();
  row.key = select.getColumn(1).getString();
  row.article_id = select.getColumn(2).getInt64();
  row.kind = select.getColumn(3).getString();
  const std::string state = select.getColumn(4).getString();
  std::optional<ReviewState> parsed = ParseReviewState(state);
  if (!parsed || *parsed == ReviewState::kStale) {
    throw StoreError("review " + std::to_string(row.id) + " in " + path + " has unknown state \"" + state + "\"");
  }
  row.state = *parsed;
  row.note = select.getColumn(5).getString();
  row.by = select.getColumn(6).getString();
  row.at = select.getColumn(7).getString();
  row.content_hash = select.getColumn(8).getString();
  row.quote_text = select.getColumn(9).getString();
  row.run_id = select.getColumn(10).getInt64();
  return row;
}

std::vector<ReviewRow> ReadAll(sql::Statement& select, const std::string& path) {
  std::vector<ReviewRow> rows;
  while (select.executeStep()) rows.push_back(ReadReview(select, path));
  return rows;
}

}  // namespace

ReviewRow SqlStore::SaveReview(const ReviewRow& row) {
  return Guarded(*impl_, "recording a review of " + row.key, [&] {
    if (row.state == ReviewState::kStale) throw StoreError("a review is recorded accepted, rejected or cleared");
    ReviewRow saved = row;
    if (saved.at.empty()) saved.at = store_internal::UtcNow();
    WriteScope transaction(*impl_);
    sql::Statement insert(impl_->db,
                             "INSERT INTO reviews (key, article_id, kind, state, note, reviewer, at, content_hash, "
                             "quote_text, run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id");
    insert.bind(1, saved.key);
    insert.bind(2, saved.article_id);
    insert.bind(3, saved.kind);
    insert.bind(4, std::string(ToString(saved.state)));
    insert.bind(5, saved.note);
    insert.bind(6, saved.by);
    insert.bind(7, saved.at);
    insert.bind(8, saved.content_hash);
    insert.bind(9, saved.quote_text);
    if (saved.run_id > 0) insert.bind(10, saved.run_id);  // else NULL
    insert.executeStep();
    saved.id = insert.getColumn(0).getInt64();
    insert.reset();  // done with: a statement part way through its rows blocks the commit
    transaction.Commit();
    return saved;
  });
}

std::vector<ReviewRow> SqlStore::CurrentReviews(int64_t article_id) {
  return Guarded(*impl_, "reading reviews", [&] {
    // One article's reviews through reviews_by_article; an OR with "every
    // article" would scan all reviews for each article of a report.
    const std::string which = article_id == 0 ? "" : "WHERE article_id = ?1 ";
    StatementUse select(impl_->Cached(std::string(kReviewColumns) + "WHERE id IN (SELECT MAX(id) FROM reviews " +
                                      which + "GROUP BY key) AND state <> 'cleared' ORDER BY key"));
    if (article_id != 0) select->bind(1, article_id);
    return ReadAll(*select, impl_->name);
  });
}

std::vector<ReviewRow> SqlStore::ReviewHistory(const std::string& key) {
  return Guarded(*impl_, "reading the reviews of " + key, [&] {
    sql::Statement select(impl_->db, std::string(kReviewColumns) + "WHERE key = ?1 ORDER BY id");
    select.bind(1, key);
    return ReadAll(select, impl_->name);
  });
}

std::vector<int64_t> SqlStore::CheckedArticles() {
  return Guarded(*impl_, "listing checked articles", [&] {
    sql::Statement select(impl_->db, "SELECT DISTINCT article_id FROM run_articles ORDER BY article_id");
    std::vector<int64_t> ids;
    while (select.executeStep()) ids.push_back(select.getColumn(0).getInt64());
    return ids;
  });
}

}  // namespace citecheck
