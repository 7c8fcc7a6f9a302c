#include "daemon/store_host_gate.h"

#include <algorithm>

#include "daemon/log.h"

namespace citecheck {
namespace {

constexpr std::chrono::milliseconds kFirstBackoff{1000};
constexpr std::chrono::milliseconds kLongestBackoff{30000};

}  // namespace

Store& StoreHostGate::Connected() {
  if (!store_) store_ = Store::Open(db_);
  return *store_;
}

void StoreHostGate::Failed(const std::string& what, const std::string& subject, const std::exception& e) {
  store_.reset();
  backoff_ = backoff_.count() == 0 ? kFirstBackoff : std::min(backoff_ * 2, kLongestBackoff);
  down_until_ = std::chrono::steady_clock::now() + backoff_;
  Log(LogLevel::kError, "politeness.error",
      {{what, subject}, {"error", e.what()}, {"retry_in_ms", std::to_string(backoff_.count())}});
}

HostGate::Decision StoreHostGate::TryStart(const std::string& host, int per_host,
                                           std::chrono::milliseconds interval) {
  std::lock_guard<std::mutex> lock(mu_);
  Decision decision;
  const auto now = std::chrono::steady_clock::now();
  if (now < down_until_) {
    decision.wait = std::chrono::duration_cast<std::chrono::milliseconds>(down_until_ - now) +
                    std::chrono::milliseconds(1);
    return decision;
  }
  try {
    const HostStart start = Connected().TryStartHost(host, per_host, interval.count(), lease_);
    backoff_ = std::chrono::milliseconds(0);
    decision.started = start.started;
    decision.slot = start.slot;
    decision.wait = std::chrono::milliseconds(start.wait_ms);
  } catch (const std::exception& e) {
    Failed("host", host, e);
    decision.wait = backoff_;
  }
  return decision;
}

void StoreHostGate::Tell(const std::string& what, const std::string& subject,
                         const std::function<void(Store&)>& call) {
  std::lock_guard<std::mutex> lock(mu_);
  if (std::chrono::steady_clock::now() < down_until_) return;
  try {
    call(Connected());
  } catch (const std::exception& e) {
    Failed(what, subject, e);
  }
}

void StoreHostGate::Finished(int64_t slot) {
  // While the database is down the slot is not given back: it lapses one
  // lease after its start (docs/scale-out.md "Politeness").
  Tell("slot", std::to_string(slot), [&](Store& store) { store.FinishHost(slot); });
}

void StoreHostGate::Pause(const std::string& host, std::chrono::milliseconds duration) {
  // While the database is down the local table keeps the pause; other
  // workers learn of it only from their own requests to the host.
  Tell("host", host, [&](Store& store) { store.PauseHost(host, duration.count()); });
}

}  // namespace citecheck
