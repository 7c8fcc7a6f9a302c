// The workers sharing a database (docs/scale-out.md "Workers"): each one's
// row, heartbeat and lease, renewed together with the lease of its job.
#include "store/sql_text.h"
#include "store/store_impl.h"
#include "store/codec.h"

namespace citecheck {

using store_internal::NowMillisSql;
using store_internal::RowLockSql;
using store_internal::SqlLiteral;

std::vector<int64_t> SqlStore::HeartbeatWorker(const WorkerRow& worker, int lease_s) {
  return Guarded(*impl_, "renewing worker " + worker.id, [&] {
    WriteScope transaction(*impl_);
    const std::string now = NowMillisSql(impl_->db.engine());
    const int64_t lease_ms = int64_t{lease_s} * 1000;
    // Its running job first, then its row: the rescuer takes the same
    // tables in the same order, so the two never wait on each other in a
    // cycle. Host slots are not renewed: each lasts a lease from its start,
    // longer than any transfer (daemon.lease_s > fetch.timeout_s), so one
    // whose end was never recorded (a lost reply) still lapses.
    sql::Statement jobs(impl_->db, "UPDATE jobs SET lease_until = " + now + " + ?2 WHERE lease_owner = ?1 AND state = " +
                                       SqlLiteral(JobState::kRunning) + " RETURNING id");
    jobs.bind(1, worker.id);
    jobs.bind(2, lease_ms);
    std::vector<int64_t> held;
    while (jobs.executeStep()) held.push_back(jobs.getColumn(0).getInt64());
    // The URL tasks it holds: those a transaction of its own is finishing
    // right now are passed over (SKIP LOCKED), not waited for, so that a
    // save that takes the same rows in another order never deadlocks with
    // the beat; they are done, or renewed at the next beat.
    sql::Statement tasks(impl_->db, "UPDATE url_tasks SET lease_until = " + now + " + ?2 WHERE owner = ?1 AND "
                                    "done = 0 AND (run_id, url) IN (SELECT run_id, url FROM url_tasks WHERE "
                                    "owner = ?1 AND done = 0" + RowLockSql(impl_->db.engine()) + ")");
    tasks.bind(1, worker.id);
    tasks.bind(2, lease_ms);
    tasks.exec();
    // A worker whose row the rescuer removed (it went silent past its
    // lease) registers again here.
    sql::Statement upsert(impl_->db,
                          "INSERT INTO workers (id, machine, pid, listen, started_at, heartbeat_ms, lease_until) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, " + now + ", " + now + " + ?6) ON CONFLICT (id) DO UPDATE SET "
                          "heartbeat_ms = excluded.heartbeat_ms, lease_until = excluded.lease_until, "
                          "listen = excluded.listen");
    upsert.bind(1, worker.id);
    upsert.bind(2, worker.machine);
    upsert.bind(3, worker.pid);
    upsert.bind(4, worker.listen);
    upsert.bind(5, worker.started_at);
    upsert.bind(6, lease_ms);
    upsert.exec();
    transaction.Commit();
    return held;
  });
}

void SqlStore::RemoveWorker(const std::string& id) {
  Guarded(*impl_, "removing worker " + id, [&] {
    WriteScope transaction(*impl_);
    for (const char* sql : {"DELETE FROM host_slots WHERE owner = ?1",
                            "UPDATE url_tasks SET owner = NULL, lease_until = NULL WHERE owner = ?1 AND done = 0",
                            "DELETE FROM workers WHERE id = ?1"}) {
      sql::Statement remove(impl_->db, sql);
      remove.bind(1, id);
      remove.exec();
    }
    transaction.Commit();
  });
}

std::vector<WorkerRow> SqlStore::ListWorkers() {
  return Guarded(*impl_, "listing workers", [&] {
    sql::Statement select(impl_->db, "SELECT id, machine, pid, listen, started_at, heartbeat_ms, lease_until "
                                     "FROM workers WHERE lease_until >= " + NowMillisSql(impl_->db.engine()) +
                                     " ORDER BY id");
    std::vector<WorkerRow> workers;
    while (select.executeStep()) {
      WorkerRow& row = workers.emplace_back();
      row.id = select.getColumn(0).getString();
      row.machine = select.getColumn(1).getString();
      row.pid = select.getColumn(2).getInt64();
      row.listen = select.getColumn(3).getString();
      row.started_at = select.getColumn(4).getString();
      row.heartbeat_ms = select.getColumn(5).getInt64();
      row.lease_until_ms = select.getColumn(6).getInt64();
    }
    return workers;
  });
}

}  // namespace citecheck
