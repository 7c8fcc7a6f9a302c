#include "daemon/store_host_gate.h"

#include "daemon/log.h"

namespace citecheck {
namespace {

constexpr std::chrono::milliseconds kRetryAfterError{1000};

}  // namespace

Store& StoreHostGate::Connected() {
  if (!store_) store_ = Store::Open(db_);
  return *store_;
}

HostGate::Decision StoreHostGate::TryStart(const std::string& host, int per_host,
                                           std::chrono::milliseconds interval) {
  std::lock_guard<std::mutex> lock(mu_);
  Decision decision;
  try {
    const HostStart start = Connected().TryStartHost(host, per_host, interval.count(), lease_);
    decision.started = start.started;
    decision.slot = start.slot;
    decision.wait = std::chrono::milliseconds(start.wait_ms);
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "politeness.error", {{"host", host}, {"error", e.what()}});
    store_.reset();
    decision.wait = kRetryAfterError;
  }
  return decision;
}

void StoreHostGate::Finished(int64_t slot) {
  std::lock_guard<std::mutex> lock(mu_);
  try {
    Connected().FinishHost(slot);
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "politeness.error", {{"slot", std::to_string(slot)}, {"error", e.what()}});
    store_.reset();
  }
}

void StoreHostGate::Pause(const std::string& host, std::chrono::milliseconds duration) {
  std::lock_guard<std::mutex> lock(mu_);
  try {
    Connected().PauseHost(host, duration.count());
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "politeness.error", {{"host", host}, {"error", e.what()}});
    store_.reset();
  }
}

}  // namespace citecheck
