// Each article's changes since its previous run, stored when a run ends
// (Store::SaveRunChanges) and read by reports (ReadRunChanges): reading
// one row per article instead of two runs is what keeps `report --changes`
// and a nightly run's own report fast at ten thousand articles.
#include "store/codec.h"
#include "store/store.h"
#include "store/sql_text.h"
#include "store/store_impl.h"

namespace citecheck {
namespace {

// Raised whenever the encoding or the rules for changes change: rows of
// another version are not read (the reader works the changes out again).
constexpr int kStoredChangesVersion = 2;  // 2: quotes_moved_to_archive

}  // namespace

void SqlStore::SaveRunChanges(int64_t run_id, const std::vector<RunChanges>& rows) {
  Guarded(*impl_, "storing the changes of run " + std::to_string(run_id), [&] {
    WriteScope transaction(*impl_);
    StatementUse insert(impl_->Cached(store_internal::ReplaceRowSql(
        "article_changes",
        {"run_id", "article_id", "version", "previous_run_id", "previous_checked_at", "changes", "problems"}, 2)));
    for (const RunChanges& row : rows) {
      insert->bind(1, run_id);
      insert->bind(2, row.article_id);
      insert->bind(3, kStoredChangesVersion);
      insert->bind(4, row.previous_run_id);
      insert->bind(5, row.changes.previous_checked_at);
      insert->bind(6, store_internal::EncodeChanges(row.changes));
      insert->bind(7, row.problems);
      insert->exec();
      insert->reset();
    }
    transaction.Commit();
  });
}

std::vector<int64_t> SqlStore::ReadRunChanges(int64_t run_id, const std::vector<int64_t>& article_ids,
                                           const std::function<void(ArticleRecord& article, int problems)>& visit) {
  return Guarded(*impl_, "reading the changes of run " + std::to_string(run_id), [&] {
    std::vector<int64_t> missing;
    sql::Transaction transaction(impl_->db, sql::Transaction::kRead);
    RunRecord run;
    store_internal::ReadRunRow(*impl_, run_id, &run);
    const std::string checked_at = store_internal::CheckedAt(*impl_, run);
    // In key order, like the ids: one pass over the run's rows.
    sql::Statement select(impl_->db,
                             "SELECT ra.article_id, ra.source, ra.title, c.previous_run_id, c.previous_checked_at, "
                             "       c.changes, c.problems "
                             "FROM run_articles ra JOIN article_changes c "
                             "  ON c.run_id = ra.run_id AND c.article_id = ra.article_id AND c.version = ?2 "
                             "WHERE ra.run_id = ?1 AND ra.article_id BETWEEN ?3 AND ?4 ORDER BY ra.article_id");
    select.bind(1, run_id);
    select.bind(2, kStoredChangesVersion);
    // Only the ids' range: one article's changes (a report streamed an
    // article at a time) is a key lookup, not a walk over the run.
    select.bind(3, article_ids.empty() ? int64_t{0} : article_ids.front());
    select.bind(4, article_ids.empty() ? int64_t{-1} : article_ids.back());
    bool has_row = select.executeStep();
    ArticleRecord article;
    for (int64_t id : article_ids) {
      while (has_row && select.getColumn(0).getInt64() < id) has_row = select.executeStep();
      if (!has_row || select.getColumn(0).getInt64() != id) {
        missing.push_back(id);
        continue;
      }
      article = ArticleRecord{};
      article.article_id = id;
      article.source = select.getColumn(1).getString();
      if (!select.getColumn(2).isNull()) article.title = select.getColumn(2).getString();
      article.checked_at = checked_at;
      article.changes = store_internal::DecodeChanges(
          select.getColumn(5).getString(), "the changes of article " + std::to_string(id) + " in run " +
                                               std::to_string(run_id) + " of " + impl_->name);
      article.changes->previous_run_id = select.getColumn(3).getInt64();
      article.changes->previous_checked_at = select.getColumn(4).getString();
      visit(article, select.getColumn(6).getInt());
    }
    transaction.commit();
    return missing;
  });
}

}  // namespace citecheck
