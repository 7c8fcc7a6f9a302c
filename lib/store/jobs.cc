// The daemon's job queue in the database: the CLI (`check --queue`) and the HTTP
// API write it, the daemon's worker claims from it, and it survives restarts.
#include "store/codec.h"
#include "store/store.h"
#include "store/sql_text.h"
#include "store/store_impl.h"

namespace citecheck {
namespace {

using store_internal::DecodeJobState;
using store_internal::NowMillisSql;
using store_internal::RowLockSql;
using store_internal::SqlLiteral;
using store_internal::UtcNow;

constexpr const char* kJobColumns =
    "SELECT id, kind, COALESCE(article_id, 0), state, COALESCE(run_id, 0), error, created_at, "
    "COALESCE(started_at, ''), COALESCE(finished_at, ''), COALESCE(lease_owner, '') FROM jobs ";

Job ReadJob(sql::Statement& select) {
  Job job;
  job.id = select.getColumn(0).getInt64();
  job.kind = select.getColumn(1).getString();
  job.article_id = select.getColumn(2).getInt64();
  job.state = DecodeJobState(select.getColumn(3).getString(), "job " + std::to_string(job.id));
  job.run_id = select.getColumn(4).getInt64();
  job.error = select.getColumn(5).getString();
  job.created_at = select.getColumn(6).getString();
  job.started_at = select.getColumn(7).getString();
  job.finished_at = select.getColumn(8).getString();
  job.worker = select.getColumn(9).getString();
  return job;
}

std::optional<Job> SelectJob(sql::Connection& db, int64_t id) {
  sql::Statement select(db, std::string(kJobColumns) + "WHERE id = ?1");
  select.bind(1, id);
  if (!select.executeStep()) return std::nullopt;
  return ReadJob(select);
}

// Within the caller's transaction: the queued job of `kind` for `article_id`
// (0 for kind all), or a new one.
Job EnqueueIn(sql::Connection& db, const std::string& kind, int64_t article_id) {
  // Look-then-insert must not interleave with another enqueuer's, or both
  // would insert. SQLite's write transaction excludes every other writer
  // already; on PostgreSQL this lock excludes other enqueuers (it conflicts
  // with itself) until commit, while claims and reads go on.
  if (db.engine() == sql::Engine::kPostgres) db.exec("LOCK TABLE jobs IN SHARE ROW EXCLUSIVE MODE");
  sql::Statement find(db, "SELECT id FROM jobs WHERE kind = ?1 AND COALESCE(article_id, 0) = ?2 "
                             "AND state = " + SqlLiteral(JobState::kQueued) + " ORDER BY id LIMIT 1");
  find.bind(1, kind);
  find.bind(2, article_id);
  int64_t id = 0;
  if (find.executeStep()) {
    id = find.getColumn(0).getInt64();
  } else {
    sql::Statement insert(db, "INSERT INTO jobs (kind, article_id, state, created_at) VALUES (?1, ?2, " +
                                     SqlLiteral(JobState::kQueued) + ", ?3) RETURNING id");
    insert.bind(1, kind);
    if (article_id != 0) insert.bind(2, article_id);
    insert.bind(3, UtcNow());
    insert.executeStep();
    id = insert.getColumn(0).getInt64();
    insert.reset();
  }
  return *SelectJob(db, id);
}

}  // namespace

Job SqlStore::EnqueueArticleJob(int64_t article_id) {
  return Guarded(*impl_, "queueing a check of article " + std::to_string(article_id), [&] {
    WriteScope transaction(*impl_);
    Job job = EnqueueIn(impl_->db, kJobKindArticle, article_id);
    transaction.Commit();
    return job;
  });
}

Job SqlStore::EnqueueAllJob() {
  return Guarded(*impl_, "queueing a check of every registered article", [&] {
    WriteScope transaction(*impl_);
    Job job = EnqueueIn(impl_->db, kJobKindAll, 0);
    transaction.Commit();
    return job;
  });
}

std::optional<Job> SqlStore::ClaimNextJob(const JobLease& lease) {
  return Guarded(*impl_, "claiming the next job", [&]() -> std::optional<Job> {
    WriteScope transaction(*impl_);
    // One statement, so that two workers never claim the same job: on
    // PostgreSQL the oldest queued row not locked by another claimer (SKIP
    // LOCKED: they take the next one instead of waiting); SQLite's write
    // transaction admits one claimer at a time anyway.
    const std::string skip_locked = RowLockSql(impl_->db.engine());
    StatementUse claim(impl_->Cached("UPDATE jobs SET state = " + SqlLiteral(JobState::kRunning) +
                                     ", started_at = ?1, lease_owner = ?2, lease_until = " +
                                     NowMillisSql(impl_->db.engine()) +
                                     " + ?3 WHERE id = (SELECT id FROM jobs WHERE state = " +
                                     SqlLiteral(JobState::kQueued) + " ORDER BY id LIMIT 1" + skip_locked +
                                     ") RETURNING id"));
    claim->bind(1, UtcNow());
    claim->bind(2, lease.owner);
    claim->bind(3, int64_t{lease.seconds} * 1000);
    if (!claim->executeStep()) return std::nullopt;
    const int64_t id = claim->getColumn(0).getInt64();
    claim->reset();
    std::optional<Job> job = SelectJob(impl_->db, id);
    transaction.Commit();
    return job;
  });
}

void SqlStore::SetJobRun(int64_t job_id, int64_t run_id) {
  Guarded(*impl_, "recording the run of job " + std::to_string(job_id), [&] {
    WriteScope transaction(*impl_);
    sql::Statement update(impl_->db, "UPDATE jobs SET run_id = ?2 WHERE id = ?1");
    update.bind(1, job_id);
    update.bind(2, run_id);
    update.exec();
    transaction.Commit();
  });
}

bool SqlStore::FinishJob(int64_t job_id, const std::string& owner, JobState state, const std::string& error) {
  return Guarded(*impl_, "finishing job " + std::to_string(job_id), [&] {
    WriteScope transaction(*impl_);
    // The owner check makes a worker whose lease was taken over (the rescuer
    // requeued the job, which clears its owner) unable to overwrite what
    // the job's new worker does with it.
    sql::Statement update(impl_->db,
                             "UPDATE jobs SET state = ?2, error = ?3, lease_owner = NULL, lease_until = NULL, "
                             "finished_at = CASE WHEN ?2 IN (" + SqlLiteral(JobState::kDone) + ", " +
                                 SqlLiteral(JobState::kFailed) + ") THEN ?4 END "
                             "WHERE id = ?1 AND lease_owner = ?5");
    update.bind(1, job_id);
    update.bind(2, std::string(ToString(state)));
    update.bind(3, error);
    update.bind(4, UtcNow());
    update.bind(5, owner);
    const bool finished = update.exec() == 1;
    transaction.Commit();
    return finished;
  });
}

std::optional<Job> SqlStore::GetJob(int64_t job_id) {
  return Guarded(*impl_, "reading job " + std::to_string(job_id), [&] { return SelectJob(impl_->db, job_id); });
}

int SqlStore::RequeueRunningJobs() {
  return Guarded(*impl_, "requeueing running jobs", [&] {
    WriteScope transaction(*impl_);
    sql::Statement update(impl_->db, "UPDATE jobs SET state = " + SqlLiteral(JobState::kQueued) +
                                            ", lease_owner = NULL, lease_until = NULL WHERE state = " +
                                            SqlLiteral(JobState::kRunning));
    int count = update.exec();
    transaction.Commit();
    return count;
  });
}

int SqlStore::RescueLapsedWork() {
  return Guarded(*impl_, "returning lapsed leases", [&] {
    WriteScope transaction(*impl_);
    const std::string now = NowMillisSql(impl_->db.engine());
    // Jobs first, returning their runs: a worker renewing its lease while
    // this runs either renews first (PostgreSQL re-checks the condition on
    // the updated row, and the job stays) or finds the job taken.
    sql::Statement requeue(impl_->db, "UPDATE jobs SET state = " + SqlLiteral(JobState::kQueued) +
                                          ", lease_owner = NULL, lease_until = NULL WHERE state = " +
                                          SqlLiteral(JobState::kRunning) + " AND (lease_until IS NULL OR lease_until < " +
                                          now + ") RETURNING COALESCE(run_id, 0)");
    std::vector<int64_t> runs;
    int jobs = 0;
    while (requeue.executeStep()) {
      ++jobs;
      if (const int64_t run = requeue.getColumn(0).getInt64(); run > 0) runs.push_back(run);
    }
    // Their runs resume when the jobs are claimed again.
    sql::Statement interrupt(impl_->db, "UPDATE runs SET state = " + SqlLiteral(RunState::kInterrupted) +
                                            " WHERE id = ?1 AND state = " + SqlLiteral(RunState::kRunning));
    for (int64_t run : runs) {
      interrupt.bind(1, run);
      interrupt.exec();
      interrupt.reset();
    }
    impl_->db.exec("DELETE FROM host_slots WHERE lease_until < " + now);
    impl_->db.exec("DELETE FROM workers WHERE lease_until < " + now);
    // A host quiet for an hour constrains nothing (no interval is that
    // long); without this the table would keep every host ever fetched.
    impl_->db.exec("DELETE FROM host_politeness WHERE next_start_ms < " + now + " - 3600000");
    transaction.Commit();
    return jobs;
  });
}

int64_t SqlStore::CountJobs(JobState state) {
  const std::string name(ToString(state));
  return Guarded(*impl_, "counting " + name + " jobs", [&] {
    sql::Statement select(impl_->db, "SELECT count(*) FROM jobs WHERE state = ?1");
    select.bind(1, name);
    select.executeStep();
    return select.getColumn(0).getInt64();
  });
}

std::optional<std::string> SqlStore::GetDaemonState(const std::string& key) {
  return Guarded(*impl_, "reading daemon state " + key, [&]() -> std::optional<std::string> {
    sql::Statement select(impl_->db, "SELECT value FROM daemon_state WHERE key = ?1");
    select.bind(1, key);
    if (!select.executeStep()) return std::nullopt;
    return select.getColumn(0).getString();
  });
}

void SqlStore::SetDaemonState(const std::string& key, const std::string& value) {
  Guarded(*impl_, "writing daemon state " + key, [&] {
    WriteScope transaction(*impl_);
    sql::Statement upsert(impl_->db,
                             "INSERT INTO daemon_state (key, value) VALUES (?1, ?2) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key);
    upsert.bind(2, value);
    upsert.exec();
    transaction.Commit();
  });
}

std::optional<Job> SqlStore::FireSchedule(const std::string& key, const std::string& expected,
                                          const std::string& fired) {
  return Guarded(*impl_, "firing the schedule", [&]() -> std::optional<Job> {
    WriteScope transaction(*impl_);
    // Compare and set: of the workers that saw the same `expected`, the
    // first one's update wins; PostgreSQL makes the others wait for its row
    // lock and then re-checks their condition, which no longer holds.
    sql::Statement swap(impl_->db, "UPDATE daemon_state SET value = ?3 WHERE key = ?1 AND value = ?2");
    swap.bind(1, key);
    swap.bind(2, expected);
    swap.bind(3, fired);
    if (swap.exec() != 1) return std::nullopt;
    Job job = EnqueueIn(impl_->db, kJobKindAll, 0);
    transaction.Commit();
    return job;
  });
}

}  // namespace citecheck
