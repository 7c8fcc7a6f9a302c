#include "fetch/host_table.h"

#include <algorithm>

namespace citecheck {
namespace {

// A host whose last start is this old constrains no interval anyone
// configures (fetch.per_host_interval_ms is in milliseconds).
constexpr auto kIdleForgotten = std::chrono::minutes(10);

}  // namespace

HostTable::HostTable(std::shared_ptr<HostGate> gate) : gate_(std::move(gate)) {
  // curl_share_init does not initialise libcurl itself (curl_easy_init
  // does); a table may be made before any fetcher, e.g. by the daemon.
  static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
  (void)init;
  share_ = curl_share_init();
  if (share_ == nullptr) return;
  curl_share_setopt(share_, CURLSHOPT_LOCKFUNC, &HostTable::LockShare);
  curl_share_setopt(share_, CURLSHOPT_UNLOCKFUNC, &HostTable::UnlockShare);
  curl_share_setopt(share_, CURLSHOPT_USERDATA, this);
  curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
}

HostTable::~HostTable() {
  if (share_ != nullptr) curl_share_cleanup(share_);
}

void HostTable::LockShare(CURL*, curl_lock_data data, curl_lock_access, void* self) {
  if (data >= 0 && data < CURL_LOCK_DATA_LAST) static_cast<HostTable*>(self)->share_locks_[data].lock();
}

void HostTable::UnlockShare(CURL*, curl_lock_data data, void* self) {
  if (data >= 0 && data < CURL_LOCK_DATA_LAST) static_cast<HostTable*>(self)->share_locks_[data].unlock();
}

SteadyClock::time_point HostTable::ReadyAt(const State& state, std::chrono::milliseconds interval) {
  if (!state.started) return state.paused_until;
  return std::max(state.last_start + interval, state.paused_until);
}

HostTable::View HostTable::Look(const std::string& host, std::chrono::milliseconds interval) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = hosts_.find(host);
  if (it == hosts_.end()) return View{};
  return View{ReadyAt(it->second, interval), it->second.running};
}

bool HostTable::TryStart(const std::string& host, int per_host, std::chrono::milliseconds interval,
                         SteadyClock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  if (hosts_.size() >= forget_at_) Forget(now);
  State& state = hosts_[host];
  if (state.running >= per_host || ReadyAt(state, interval) > now) return false;
  if (gate_) {
    const HostGate::Decision decision = gate_->TryStart(host, per_host, interval);
    if (!decision.started) {
      // Another worker's start (or its slots): look again when the gate says.
      state.paused_until = std::max(state.paused_until, now + decision.wait);
      return false;
    }
    state.gate_slots.push_back(decision.slot);
  }
  ++state.running;
  state.started = true;
  state.last_start = now;
  return true;
}

void HostTable::Finished(const std::string& host) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = hosts_.find(host);
  if (it == hosts_.end() || it->second.running == 0) return;
  --it->second.running;
  // Slots are alike: any one of the host's goes back.
  if (!it->second.gate_slots.empty()) {
    const int64_t slot = it->second.gate_slots.back();
    it->second.gate_slots.pop_back();
    gate_->Finished(slot);
  }
}

void HostTable::Pause(const std::string& host, SteadyClock::time_point until, SteadyClock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  State& state = hosts_[host];
  state.paused_until = std::max(state.paused_until, until);
  if (gate_ && until > now) gate_->Pause(host, std::chrono::ceil<std::chrono::milliseconds>(until - now));
}

size_t HostTable::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hosts_.size();
}

void HostTable::Forget(SteadyClock::time_point now) {
  for (auto it = hosts_.begin(); it != hosts_.end();) {
    const State& s = it->second;
    const bool idle = s.running == 0 && s.paused_until <= now && (!s.started || s.last_start + kIdleForgotten <= now);
    it = idle ? hosts_.erase(it) : std::next(it);
  }
  forget_at_ = std::max<size_t>(4096, 2 * hosts_.size());
}

}  // namespace citecheck
