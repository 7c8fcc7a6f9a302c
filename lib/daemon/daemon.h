// citecheckd as a library: one process with the HTTP API, the scheduler and
// the worker over one database (docs/api.md). cmd/citecheckd parses flags,
// takes the instance lock, handles signals and calls this.
#ifndef CITECHECK_DAEMON_DAEMON_H_
#define CITECHECK_DAEMON_DAEMON_H_

#include <httplib.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "config/config.h"
#include "daemon/membership.h"
#include "daemon/metrics.h"
#include "daemon/scheduler.h"
#include "daemon/shared_state.h"
#include "daemon/worker.h"

namespace citecheck {

struct DaemonOptions {
  Config config;             // db must be set
  std::string token;         // bearer token of the API
  int stop_grace_s = 10;     // how long a stop waits for in-flight transfers
  size_t max_request_bytes = 4 * 1024 * 1024;  // larger request bodies get 413
  // Whether this daemon holds the database alone (Store::LockInstance).
  bool sole = true;
  // The scheduler's clock (tests pass a fake one); must outlive the daemon.
  Clock* clock = &RealClock();
};

class Daemon {
 public:
  explicit Daemon(DaemonOptions options);
  ~Daemon();

  // Recovers what dead daemons left: alone on the database (options.sole),
  // every running run is interrupted and its job requeued; sharing it, only
  // the work whose lease lapsed (docs/scale-out.md). Registers as a worker,
  // binds daemon.listen, and starts the API, scheduler and
  // worker threads. False with *error (bad listen address, port in use, bad
  // schedule, database error).
  bool Start(std::string* error);
  int port() const { return port_; }

  // From any thread (the signal thread): stop taking work and stop.
  void RequestStop();
  // New settings for the next jobs and the schedule (SIGHUP). The database
  // and the listen address stay as they were (logged when they differ).
  void Reload(const Config& config);

  // Blocks until RequestStop, then waits for the worker at most
  // stop_grace_s. Returns false when the worker did not finish in time: its
  // run was marked interrupted and its job requeued from here, and the
  // caller should exit at once without waiting for it.
  bool Wait();

 private:
  DaemonOptions options_;
  std::atomic<bool> stop_{false};
  SharedConfig config_;
  Metrics metrics_;
  StorePool stores_;
  std::unique_ptr<httplib::Server> server_;
  std::shared_ptr<void> api_;
  std::shared_ptr<void> web_;  // the reviewer's pages (lib/web), after the API's routes
  std::unique_ptr<Membership> membership_;  // before the worker, which uses it
  std::unique_ptr<Worker> worker_;
  std::unique_ptr<Scheduler> scheduler_;
  std::thread server_thread_;
  std::thread worker_thread_;
  std::thread scheduler_thread_;
  std::atomic<bool> worker_done_{false};
  std::atomic<bool> server_done_{false};  // listen_after_bind() returned
  int port_ = 0;
  int listen_socket_ = -1;
};

// Splits "HOST:PORT" ("[::1]:8383" for IPv6). False when malformed.
bool ParseListen(const std::string& listen, std::string* host, int* port);

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_DAEMON_H_
