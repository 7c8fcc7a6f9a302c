#include "daemon/membership.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

#include "core/utc_time.h"
#include "daemon/log.h"

namespace citecheck {
namespace {

// Three heartbeats per lease: one lost or late beat never lets it lapse.
std::chrono::milliseconds BeatInterval(int lease_s) {
  return std::chrono::milliseconds(std::max(250, lease_s * 1000 / 3));
}

}  // namespace

WorkerRow DescribeThisWorker(const std::string& listen) {
  WorkerRow row;
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') std::snprintf(host, sizeof host, "unknown");
  row.machine = host;
  row.pid = getpid();
  row.listen = listen;
  row.started_at = UtcIso8601(std::time(nullptr));
  char suffix[9];
  std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(std::random_device{}()));
  row.id = row.machine + ":" + std::to_string(row.pid) + ":" + suffix;
  return row;
}

Membership::Membership(std::string db, WorkerRow self, int lease_s, std::function<CurrentClaim()> current,
                       std::function<void()> on_rescued)
    : db_(std::move(db)), self_(std::move(self)), lease_s_(lease_s), current_(std::move(current)),
      on_rescued_(std::move(on_rescued)) {}

Membership::~Membership() { Leave(); }

void Membership::Leave() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
  try {
    Store::Open(db_)->RemoveWorker(self_.id);
  } catch (const std::exception& e) {
    // Its row lapses with its lease instead.
    Log(LogLevel::kWarn, "worker.leave_error", {{"worker", self_.id}, {"error", e.what()}});
  }
}

void Membership::Start() {
  auto store = Store::Open(db_);
  Beat(*store);
  Log(LogLevel::kInfo, "worker.join", {{"worker", self_.id}, {"lease_s", std::to_string(lease_s_)}});
  thread_ = std::thread([this] { Loop(); });
}

void Membership::Beat(Store& store) {
  // Read before the heartbeat: a job claimed after it started is not in
  // its answer, and must not look lost; nor must one that ended meanwhile.
  const CurrentClaim claim = current_();
  const std::vector<int64_t> held = store.HeartbeatWorker(self_, lease_s_);
  if (claim.job != 0 && std::find(held.begin(), held.end(), claim.job) == held.end() && current_() == claim) {
    if (lost_claim_.exchange(claim.serial) != claim.serial) {
      Log(LogLevel::kWarn, "job.lease_lost", {{"job", std::to_string(claim.job)}, {"worker", self_.id}});
    }
  }
  if (const int rescued = store.RescueLapsedWork(); rescued > 0) {
    Log(LogLevel::kWarn, "worker.rescued", {{"jobs", std::to_string(rescued)}, {"worker", self_.id}});
    if (on_rescued_) on_rescued_();
  }
}

void Membership::Loop() {
  std::unique_ptr<Store> store;
  std::unique_lock<std::mutex> lock(mu_);
  while (!cv_.wait_for(lock, BeatInterval(lease_s_), [this] { return stopping_; })) {
    lock.unlock();
    try {
      if (!store) store = Store::Open(db_);
      Beat(*store);
    } catch (const std::exception& e) {
      Log(LogLevel::kError, "worker.heartbeat_error", {{"worker", self_.id}, {"error", e.what()}});
      store.reset();
    }
    lock.lock();
  }
}

}  // namespace citecheck
