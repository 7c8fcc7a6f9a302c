// Giving the space of pruned rows back to the file system (docs/storage.md
// "Retention"): incremental vacuum in bounded steps (SQLite; PostgreSQL's
// autovacuum does its own).
#include <algorithm>
#include <string>
#include <thread>

#include "store/prune_internal.h"

namespace citecheck::store_internal {
namespace {

// Pages moved and freed per step, each its own write transaction: 2 MB at
// the default page size.
constexpr int kVacuumPagesPerStep = 512;
constexpr int kAutoVacuumIncremental = 2;  // PRAGMA auto_vacuum's value for INCREMENTAL
constexpr auto kMaxPause = std::chrono::milliseconds(20);

int64_t Pragma(sql::Connection& db, const char* name) { return db.QueryInt64(std::string("PRAGMA ") + name); }

}  // namespace

Pace::~Pace() {
  const auto took = std::chrono::steady_clock::now() - start_;
  std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(took, kMaxPause));
}

int64_t DatabaseBytes(sql::Connection& db) {
  if (db.engine() == sql::Engine::kPostgres) return db.QueryInt64("SELECT pg_database_size(current_database())");
  return Pragma(db, "page_count") * Pragma(db, "page_size");
}

void Reclaim(sql::Connection& db, PruneReport* report) {
  // PostgreSQL's autovacuum makes deleted rows' space reusable by the
  // tables they left; giving it back to the file system takes VACUUM FULL,
  // an exclusive lock on each table that an operator schedules, not a prune.
  if (db.engine() == sql::Engine::kPostgres) return;
  if (Pragma(db, "auto_vacuum") != kAutoVacuumIncremental) {
    if (Pragma(db, "freelist_count") == 0) return;  // nothing freed: no reason for a VACUUM yet
    // Turning auto-vacuum on in a database that has tables takes a VACUUM,
    // which cannot run in a transaction (so no migration can do it): the
    // first prune that frees anything does it, once.
    db.exec("PRAGMA auto_vacuum = INCREMENTAL");
    db.exec("VACUUM");
    report->converted_to_incremental = true;
  } else {
    while (Pragma(db, "freelist_count") > 0) {
      Pace pace;
      db.exec("PRAGMA incremental_vacuum(" + std::to_string(kVacuumPagesPerStep) + ")");
    }
  }
  // Busy (a reader holds an old snapshot) is fine: the next checkpoint does it.
  db.tryExec("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace citecheck::store_internal
