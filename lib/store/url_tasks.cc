// A run's URLs as tasks that every worker on the database may claim
// (docs/scale-out.md "Shared runs"): the worker whose job the run is queues
// them and claims batches like any other worker; each fetch is committed
// with its task's end, by whoever fetched it, and the run's worker reads
// the fetches others committed to decide the quotes.
#include <algorithm>
#include <utility>

#include "core/url.h"
#include "store/codec.h"
#include "store/sql_text.h"
#include "store/store_impl.h"
#include "store/stored_fetch_row.h"

namespace citecheck {
namespace {

using store_internal::NowMillisSql;
using store_internal::RowLockSql;
using store_internal::SqlLiteral;

// Rows per INSERT while queueing: one statement per row would make
// queueing a large run on PostgreSQL a round trip per URL.
constexpr size_t kTasksPerInsert = 200;

std::string InsertTasksSql(size_t rows) {
  std::string sql = "INSERT INTO url_tasks (run_id, url, position) VALUES ";
  for (size_t i = 0; i < rows; ++i) {
    const std::string n = std::to_string(2 * i + 2);
    const std::string p = std::to_string(2 * i + 3);
    sql += (i == 0 ? "" : ", ") + std::string("(?1, ?") + n + ", ?" + p + ")";
  }
  return sql + " ON CONFLICT (run_id, url) DO NOTHING";
}

// A task a claimer may take: not done, and nobody's or under a lapsed lease.
std::string ClaimableSql(const std::string& now) {
  return "done = 0 AND (owner IS NULL OR lease_until < " + now + ")";
}

}  // namespace

void SqlStore::QueueUrlTasks(int64_t run_id, const std::vector<std::string>& urls) {
  Guarded(*impl_, "queueing the URLs of run " + std::to_string(run_id), [&] {
    WriteScope transaction(*impl_);
    const std::string now = NowMillisSql(impl_->db.engine());
    sql::Statement clear(impl_->db, "DELETE FROM url_tasks WHERE run_id = ?1 AND " + ClaimableSql(now));
    clear.bind(1, run_id);
    clear.exec();
    for (size_t start = 0; start < urls.size(); start += kTasksPerInsert) {
      const size_t rows = std::min(kTasksPerInsert, urls.size() - start);
      StatementUse insert(impl_->Cached(InsertTasksSql(rows)));
      insert->bind(1, run_id);
      for (size_t i = 0; i < rows; ++i) {
        insert->bind(static_cast<int>(2 * i + 2), urls[start + i]);
        insert->bind(static_cast<int>(2 * i + 3), static_cast<int64_t>(start + i));
      }
      insert->exec();
    }
    transaction.Commit();
  });
}

UrlTaskBatch SqlStore::ClaimUrlTasks(int64_t run_id, int limit, const JobLease& lease) {
  return Guarded(*impl_, "claiming URLs to fetch", [&] {
    WriteScope transaction(*impl_);
    const std::string now = NowMillisSql(impl_->db.engine());
    UrlTaskBatch batch;
    batch.run_id = run_id;
    if (batch.run_id == 0) {
      // Helping: the oldest run still running (an interrupted run's tasks
      // wait for its resumption, not for helpers).
      StatementUse find(impl_->Cached("SELECT t.run_id FROM url_tasks t JOIN runs r ON r.id = t.run_id WHERE r.state = " +
                                      SqlLiteral(RunState::kRunning) + " AND t." + ClaimableSql(now) +
                                      " ORDER BY t.run_id LIMIT 1"));
      if (!find->executeStep()) return batch;
      batch.run_id = find->getColumn(0).getInt64();
    }
    // The subquery locks what it picks and passes over what another
    // claimer locked (SKIP LOCKED), so that two claimers never share a task.
    // It starts after the last task this connection claimed: on PostgreSQL
    // every claimed or finished task leaves a dead entry in the index until
    // a vacuum, and a scan from the first position would walk them all at
    // each claim (quadratic in the run). Only when nothing is left there
    // does it look again from the start, for lapsed or handed-back tasks.
    StatementUse claim(impl_->Cached(
        "UPDATE url_tasks SET owner = ?2, lease_until = " + now + " + ?3 WHERE run_id = ?1 AND url IN "
        "(SELECT url FROM url_tasks WHERE run_id = ?1 AND position > ?5 AND " + ClaimableSql(now) +
        " ORDER BY position LIMIT ?4" + RowLockSql(impl_->db.engine()) + ") RETURNING url, position"));
    auto hint = impl_->claimed_through.find(batch.run_id);
    std::vector<std::pair<int64_t, std::string>> claimed;
    for (int64_t after : {hint == impl_->claimed_through.end() ? int64_t{-1} : hint->second, int64_t{-1}}) {
      claim->bind(1, batch.run_id);
      claim->bind(2, lease.owner);
      claim->bind(3, int64_t{lease.seconds} * 1000);
      claim->bind(4, int64_t{std::max(limit, 1)});
      claim->bind(5, after);
      while (claim->executeStep()) claimed.emplace_back(claim->getColumn(1).getInt64(), claim->getColumn(0).getString());
      claim->reset();
      if (!claimed.empty() || after == -1) break;
    }
    transaction.Commit();
    std::sort(claimed.begin(), claimed.end());  // RETURNING keeps no order
    if (!claimed.empty()) impl_->claimed_through[batch.run_id] = claimed.back().first;
    for (auto& [position, url] : claimed) batch.urls.push_back(std::move(url));
    if (batch.urls.empty()) batch.run_id = 0;
    return batch;
  });
}

bool SqlStore::FinishUrlTask(int64_t run_id, const std::string& url, const std::string& owner) {
  return Guarded(*impl_, "finishing the task of " + RedactUrlCredentials(url), [&] {
    WriteScope transaction(*impl_);
    // COALESCE keeps the owner index out of this statement: before the
    // table's first ANALYZE, PostgreSQL would rather walk every entry of
    // the owner (dead ones included) than take the primary key.
    StatementUse finish(impl_->Cached("UPDATE url_tasks SET done = 1, done_by = ?3, owner = NULL, lease_until = NULL "
                                      "WHERE run_id = ?1 AND url = ?2 AND done = 0 AND COALESCE(owner, '') = ?3"));
    finish->bind(1, run_id);
    finish->bind(2, url);
    finish->bind(3, owner);
    const bool finished = finish->exec() == 1;
    transaction.Commit();
    return finished;
  });
}

std::vector<std::string> SqlStore::TakeFinishedUrlTasks(int64_t run_id, const std::string& owner) {
  return Guarded(*impl_, "reading what other workers fetched for run " + std::to_string(run_id), [&] {
    WriteScope transaction(*impl_);
    StatementUse take(impl_->Cached("UPDATE url_tasks SET collected = 1 WHERE run_id = ?1 AND done = 1 "
                                    "AND collected = 0 AND done_by <> ?2 RETURNING url"));
    take->bind(1, run_id);
    take->bind(2, owner);
    std::vector<std::string> urls;
    while (take->executeStep()) urls.push_back(take->getColumn(0).getString());
    take->reset();
    transaction.Commit();
    return urls;
  });
}

int64_t SqlStore::CountPendingUrlTasks(int64_t run_id) {
  return Guarded(*impl_, "counting the URLs run " + std::to_string(run_id) + " still waits for", [&] {
    StatementUse count(impl_->Cached("SELECT count(*) FROM url_tasks WHERE run_id = ?1 AND done = 0"));
    count->bind(1, run_id);
    count->executeStep();
    return count->getColumn(0).getInt64();
  });
}

void SqlStore::ReleaseUrlTasks(int64_t run_id, const std::string& owner) {
  Guarded(*impl_, "handing back the URLs of worker " + owner, [&] {
    WriteScope transaction(*impl_);
    sql::Statement release(impl_->db, "UPDATE url_tasks SET owner = NULL, lease_until = NULL WHERE run_id = ?1 "
                                      "AND owner = ?2 AND done = 0");
    release.bind(1, run_id);
    release.bind(2, owner);
    release.exec();
    transaction.Commit();
  });
}

std::optional<StoredFetch> SqlStore::CommittedFetch(int64_t run_id, const std::string& url) {
  return Guarded(*impl_, "reading the fetch of " + RedactUrlCredentials(url), [&]() -> std::optional<StoredFetch> {
    StatementUse select(impl_->Cached(std::string(kStoredFetchColumns) + " WHERE f.run_id = ?1 AND f.url = ?2"));
    select->bind(1, run_id);
    select->bind(2, url);
    if (!select->executeStep()) return std::nullopt;
    return ReadStoredFetch(*select);
  });
}

}  // namespace citecheck
