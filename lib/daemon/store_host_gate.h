// The HostGate of daemons sharing a database: each start asks the store
// (Store::TryStartHost: a host row locked, slot rows leased to this worker),
// so per-host limits hold across workers on the database's clock
// (docs/scale-out.md "Politeness"). Its own connection; thread-safe.
#ifndef CITECHECK_DAEMON_STORE_HOST_GATE_H_
#define CITECHECK_DAEMON_STORE_HOST_GATE_H_

#include <memory>
#include <mutex>
#include <string>

#include "fetch/host_gate.h"
#include "store/store.h"

namespace citecheck {

class StoreHostGate : public HostGate {
 public:
  StoreHostGate(std::string db, JobLease lease) : db_(std::move(db)), lease_(std::move(lease)) {}

  // A database error refuses the start for a second (logged): without the
  // store no worker can know the host's state, and the job's own store
  // calls fail and end it meanwhile.
  Decision TryStart(const std::string& host, int per_host, std::chrono::milliseconds interval) override;
  // Errors are logged; the slot lapses with the lease instead.
  void Finished(int64_t slot) override;
  void Pause(const std::string& host, std::chrono::milliseconds duration) override;

 private:
  Store& Connected();  // with mu_ held

  const std::string db_;
  const JobLease lease_;
  std::mutex mu_;
  std::unique_ptr<Store> store_;
};

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_STORE_HOST_GATE_H_
