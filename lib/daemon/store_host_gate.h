// The HostGate of daemons sharing a database: each start asks the store
// (Store::TryStartHost: a host row locked, slot rows leased to this worker),
// so per-host limits hold across workers on the database's clock
// (docs/scale-out.md "Politeness"). Its own connection; thread-safe.
#ifndef CITECHECK_DAEMON_STORE_HOST_GATE_H_
#define CITECHECK_DAEMON_STORE_HOST_GATE_H_

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "fetch/host_gate.h"
#include "store/store.h"

namespace citecheck {

class StoreHostGate : public HostGate {
 public:
  StoreHostGate(std::string db, JobLease lease) : db_(std::move(db)), lease_(std::move(lease)) {}

  // A database error refuses every start, of every host, for a second,
  // doubling while errors go on (up to 30 s; logged), without asking the
  // database meanwhile: without the store no worker can know a host's
  // state, and each attempt to reach a database that is down can block the
  // fetch loop for libpq's connect timeout, stalling the transfers in
  // flight. Politeness is never given up for want of the database.
  Decision TryStart(const std::string& host, int per_host, std::chrono::milliseconds interval) override;
  // Errors are logged; the slot lapses with the lease instead.
  void Finished(int64_t slot) override;
  void Pause(const std::string& host, std::chrono::milliseconds duration) override;

 private:
  Store& Connected();  // with mu_ held
  // After an error: the store is dropped and no start is allowed before
  // the backoff has passed.
  void Failed(const std::string& what, const std::string& subject, const std::exception& e);
  // Runs `call` on the store unless the database is in its backoff; an
  // error starts (or lengthens) the backoff. `what`/`subject` name it in the log.
  void Tell(const std::string& what, const std::string& subject, const std::function<void(Store&)>& call);

  const std::string db_;
  const JobLease lease_;
  std::mutex mu_;
  std::unique_ptr<Store> store_;
  std::chrono::steady_clock::time_point down_until_{};
  std::chrono::milliseconds backoff_{0};
};

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_STORE_HOST_GATE_H_
