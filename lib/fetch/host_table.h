// Each host's politeness state (docs/fetching.md "Politeness"): when the last
// request to it started, how many run now, until when it asked us to wait;
// and the open connections to it (a libcurl share handle), so that a new
// batch or job reuses them instead of connecting again.
// Kept apart from the queues of one FetchAll so that it outlives them: the
// batches of one run, the runs of one `citecheck run --all` and the jobs of
// one daemon all share one table, and none of them can break a host's
// interval or concurrency because an earlier one just ended. Thread-safe;
// every caller must use the same clock for the time points it passes.
#ifndef CITECHECK_FETCH_HOST_TABLE_H_
#define CITECHECK_FETCH_HOST_TABLE_H_

#include <curl/curl.h>

#include <array>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "fetch/host_gate.h"

namespace citecheck {

class HostTable {
 public:
  // `gate`, when given, is asked before every start that this table allows
  // (host_gate.h); it is called with the table's lock held, so the table's
  // users wait for it (one fetch loop per daemon: it is that loop's time).
  explicit HostTable(std::shared_ptr<HostGate> gate = nullptr);
  ~HostTable();  // closes the pooled connections; every transfer using them must be gone
  HostTable(const HostTable&) = delete;
  HostTable& operator=(const HostTable&) = delete;

  // For CURLOPT_SHARE: the connection cache shared by every transfer of
  // every loop using this table (null if libcurl could not make one).
  CURLSH* connections() const { return share_; }

  // When `host` allows another start by its interval and pauses alone
  // (time_point::min() for a host never seen), and how many of its requests
  // run now.
  struct View {
    SteadyClock::time_point ready_at = SteadyClock::time_point::min();
    int running = 0;
  };
  View Look(const std::string& host, std::chrono::milliseconds interval) const;

  // Starts a request to `host` at `now` when fewer than `per_host` run and
  // its interval and pause allow it, and the gate agrees; false otherwise
  // (a gate's refusal pauses the host here for as long as it says).
  bool TryStart(const std::string& host, int per_host, std::chrono::milliseconds interval,
                SteadyClock::time_point now);
  // A request started with TryStart is over.
  void Finished(const std::string& host);
  // No request to `host` starts before `until` (a later pause only extends);
  // `now` says how long that is, for the gate.
  void Pause(const std::string& host, SteadyClock::time_point until, SteadyClock::time_point now);

  size_t size() const;

 private:
  struct State {
    int running = 0;
    bool started = false;
    SteadyClock::time_point last_start;
    SteadyClock::time_point paused_until = SteadyClock::time_point::min();
    std::vector<int64_t> gate_slots;  // one per running request the gate let start
  };
  static SteadyClock::time_point ReadyAt(const State& state, std::chrono::milliseconds interval);
  // Drops hosts idle long enough that they constrain nothing any more, so a
  // daemon that has seen millions of hosts does not keep them all.
  void Forget(SteadyClock::time_point now);

  static void LockShare(CURL*, curl_lock_data data, curl_lock_access, void* self);
  static void UnlockShare(CURL*, curl_lock_data data, void* self);

  std::shared_ptr<HostGate> gate_;
  CURLSH* share_ = nullptr;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> share_locks_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, State> hosts_;
  size_t forget_at_ = 4096;  // table size at which Forget runs next
};

}  // namespace citecheck

#endif  // CITECHECK_FETCH_HOST_TABLE_H_
