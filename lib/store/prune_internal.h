// Shared by prune.cc and prune_reclaim.cc. Internal to lib/store.
#ifndef CITECHECK_STORE_PRUNE_INTERNAL_H_
#define CITECHECK_STORE_PRUNE_INTERNAL_H_

#include "store/sql_connection.h"

#include <chrono>
#include <cstdint>

#include "store/prune_types.h"

namespace citecheck::store_internal {

// Page count x page size: the database's size once its WAL is checkpointed
// (PostgreSQL: pg_database_size).
int64_t DatabaseBytes(sql::Connection& db);

// Reclaims the pages the prune freed, `PRAGMA incremental_vacuum` a few
// megabytes at a time; a database created without incremental auto-vacuum
// (before retention existed) is converted by one VACUUM first, when the
// prune freed anything. Then checkpoints the WAL so the file shrinks.
void Reclaim(sql::Connection& db, PruneReport* report);

// Lives across one write transaction of a prune: when it ends, waits as long
// as the transaction took (at most 20 ms), so that writers waiting in their
// busy handler get the lock between two transactions of a long prune.
class Pace {
 public:
  Pace() : start_(std::chrono::steady_clock::now()) {}
  ~Pace();
  Pace(const Pace&) = delete;
  Pace& operator=(const Pace&) = delete;

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace citecheck::store_internal

#endif  // CITECHECK_STORE_PRUNE_INTERNAL_H_
