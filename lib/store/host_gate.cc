// Politeness across workers (docs/scale-out.md "Politeness"):
// each host's row carries its next allowed start, and each request in
// flight holds a slot row with a lease. A starter locks the host's row
// (FOR UPDATE on PostgreSQL; SQLite's write transaction admits one writer)
// and only then counts the slots: every earlier starter of the host
// committed its slot before letting the lock go, so the count sees it, and
// a slot given back meanwhile can only make the count too high, never too
// low. Counting without the lock is the race other PostgreSQL queues have:
// two starters each see one free slot under READ COMMITTED and both take it.
#include <algorithm>

#include "store/sql_text.h"
#include "store/store_impl.h"

namespace citecheck {
namespace {

using store_internal::NowMillisSql;
using store_internal::RowLockSql;

// How long a starter waits before asking again when every slot of the
// host is taken: a slot frees when a transfer ends, which no one announces.
int64_t FullHostRetryMs(int64_t interval_ms) { return std::clamp<int64_t>(interval_ms / 2, 10, 100); }

}  // namespace

HostStart SqlStore::TryStartHost(const std::string& host, int per_host, int64_t interval_ms, const JobLease& lease) {
  return Guarded(*impl_, "starting a request to " + host, [&] {
    WriteScope transaction(*impl_);
    const std::string now = NowMillisSql(impl_->db.engine());
    const std::string lock = RowLockSql(impl_->db.engine(), /*skip=*/false);
    StatementUse row(impl_->Cached("SELECT next_start_ms, " + now + " FROM host_politeness WHERE host = ?1" + lock));
    row->bind(1, host);
    if (!row->executeStep()) {
      row->reset();
      // Racing first starters of a new host: one inserts, the others find it.
      StatementUse insert(impl_->Cached("INSERT INTO host_politeness (host, next_start_ms) VALUES (?1, 0) "
                                        "ON CONFLICT (host) DO NOTHING"));
      insert->bind(1, host);
      insert->exec();
      row->bind(1, host);
      row->executeStep();
    }
    const int64_t next_start = row->getColumn(0).getInt64();
    const int64_t now_ms = row->getColumn(1).getInt64();
    row->reset();
    HostStart start;
    if (now_ms < next_start) {
      start.wait_ms = next_start - now_ms;
      transaction.Commit();
      return start;
    }
    StatementUse count(impl_->Cached("SELECT count(*) FROM host_slots WHERE host = ?1 AND lease_until >= ?2"));
    count->bind(1, host);
    count->bind(2, now_ms);
    count->executeStep();
    const int64_t held = count->getColumn(0).getInt64();
    count->reset();
    if (held >= per_host) {
      start.wait_ms = FullHostRetryMs(interval_ms);
      transaction.Commit();
      return start;
    }
    StatementUse slot(impl_->Cached("INSERT INTO host_slots (host, owner, lease_until) VALUES (?1, ?2, ?3) RETURNING id"));
    slot->bind(1, host);
    slot->bind(2, lease.owner);
    slot->bind(3, now_ms + int64_t{lease.seconds} * 1000);
    slot->executeStep();
    start.slot = slot->getColumn(0).getInt64();
    slot->reset();
    StatementUse advance(impl_->Cached("UPDATE host_politeness SET next_start_ms = ?2 WHERE host = ?1"));
    advance->bind(1, host);
    advance->bind(2, now_ms + interval_ms);
    advance->exec();
    transaction.Commit();
    start.started = true;
    return start;
  });
}

void SqlStore::FinishHost(int64_t slot) {
  Guarded(*impl_, "giving back host slot " + std::to_string(slot), [&] {
    WriteScope transaction(*impl_);
    StatementUse remove(impl_->Cached("DELETE FROM host_slots WHERE id = ?1"));
    remove->bind(1, slot);
    remove->exec();
    transaction.Commit();
  });
}

void SqlStore::PauseHost(const std::string& host, int64_t pause_ms) {
  Guarded(*impl_, "pausing " + host, [&] {
    WriteScope transaction(*impl_);
    sql::Statement pause(impl_->db,
                         "INSERT INTO host_politeness (host, next_start_ms) VALUES (?1, " +
                             NowMillisSql(impl_->db.engine()) + " + ?2) ON CONFLICT (host) DO UPDATE SET "
                             "next_start_ms = CASE WHEN excluded.next_start_ms > host_politeness.next_start_ms "
                             "THEN excluded.next_start_ms ELSE host_politeness.next_start_ms END");
    pause.bind(1, host);
    pause.bind(2, pause_ms);
    pause.exec();
    transaction.Commit();
  });
}

}  // namespace citecheck
