// What several daemons sharing one database record about each other
// (docs/scale-out.md): who is alive, who holds which job, and each host's
// politeness across all of them. Times are milliseconds since the epoch on
// the database's clock, never a worker's own.
#ifndef CITECHECK_STORE_WORKER_TYPES_H_
#define CITECHECK_STORE_WORKER_TYPES_H_

#include <cstdint>
#include <string>
#include <vector>

namespace citecheck {

// Whether a daemon is the only one on its database (Store::LockInstance).
enum class InstanceMode { kAlone, kShared };

// A worker's hold on what it claims: another worker may take the work over
// once `seconds` pass without a renewal (daemon.lease_s).
struct JobLease {
  std::string owner;  // the worker's id
  int seconds = 60;
};

// One registered worker (a citecheckd process).
struct WorkerRow {
  std::string id;       // "<machine>:<pid>:<random>", unique per process start
  std::string machine;  // its host name
  int64_t pid = 0;
  std::string listen;   // its API address
  std::string started_at;  // ISO 8601 UTC
  int64_t heartbeat_ms = 0;  // its last heartbeat (set by the store)
  int64_t lease_until_ms = 0;  // considered dead after this (set by the store)
};

// Tasks of one run claimed at once (Store::ClaimUrlTasks).
struct UrlTaskBatch {
  int64_t run_id = 0;
  std::vector<std::string> urls;
};

// The answer to a request to start a fetch from a host (Store::TryStartHost).
struct HostStart {
  bool started = false;
  int64_t slot = 0;     // when started: the slot to give back (Store::FinishHost)
  int64_t wait_ms = 0;  // when not: how long before asking again makes sense
};

}  // namespace citecheck

#endif  // CITECHECK_STORE_WORKER_TYPES_H_
