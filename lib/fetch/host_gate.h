// Politeness beyond this process (docs/scale-out.md "Politeness"): when
// several daemons share a database, a HostTable asks a gate before each start, so that each host's concurrency and interval hold
// across all of them. The daemon's gate is the shared store
// (lib/daemon/store_host_gate.h); a table without one decides alone.
#ifndef CITECHECK_FETCH_HOST_GATE_H_
#define CITECHECK_FETCH_HOST_GATE_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace citecheck {

class HostGate {
 public:
  struct Decision {
    bool started = false;
    int64_t slot = 0;                    // when started: given back with Finished
    std::chrono::milliseconds wait{0};   // when not: ask again no sooner
  };
  // A start of a request to `host`, counted against `per_host` and
  // `interval` wherever the other starters are.
  virtual Decision TryStart(const std::string& host, int per_host, std::chrono::milliseconds interval) = 0;
  // The request that took `slot` is over.
  virtual void Finished(int64_t slot) = 0;
  // The host asked to wait `duration` (429, Retry-After): every starter waits.
  virtual void Pause(const std::string& host, std::chrono::milliseconds duration) = 0;
  virtual ~HostGate() = default;
};

}  // namespace citecheck

#endif  // CITECHECK_FETCH_HOST_GATE_H_
