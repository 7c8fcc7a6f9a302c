#include "fetch/host_scheduler.h"

#include <algorithm>

namespace citecheck {

HostScheduler::HostScheduler(const Clock& clock, int total, int per_host,
                             std::chrono::milliseconds interval, std::shared_ptr<HostTable> table)
    : clock_(clock),
      table_(table ? std::move(table) : std::make_shared<HostTable>()),
      total_(std::max(1, total)),
      default_limits_{std::max(1, per_host), std::max(std::chrono::milliseconds(0), interval)} {}

void HostScheduler::SetHostLimits(const std::string& host, int per_host,
                                  std::chrono::milliseconds interval) {
  Limits limits{std::max(1, per_host), std::max(std::chrono::milliseconds(0), interval)};
  overrides_[host] = limits;
  auto it = hosts_.find(host);
  if (it != hosts_.end()) it->second.limits = limits;
}

HostScheduler::Host& HostScheduler::HostEntry(const std::string& name) {
  auto [it, inserted] = hosts_.try_emplace(name);
  if (inserted) {
    auto override_it = overrides_.find(name);
    it->second.limits = override_it != overrides_.end() ? override_it->second : default_limits_;
  }
  return it->second;
}

void HostScheduler::PauseHost(const std::string& host_name, SteadyClock::time_point until) {
  table_->Pause(host_name, until, clock_.Now());
}

void HostScheduler::Add(FetchJob job) {
  Host& host = HostEntry(job.host);
  host.queue.push_back(std::move(job));
  ++queued_;
}

std::vector<FetchJob> HostScheduler::TakeReady() {
  const SteadyClock::time_point now = clock_.Now();
  std::vector<FetchJob> ready;
  for (auto& [name, host] : hosts_) {
    // Loop per host: with no interval several jobs of one host may start at once.
    while (running_ < total_ && !host.queue.empty()) {
      auto due = std::find_if(host.queue.begin(), host.queue.end(),
                              [&](const FetchJob& job) { return job.not_before <= now; });
      if (due == host.queue.end()) break;
      if (!table_->TryStart(name, host.limits.per_host, host.limits.interval, now)) break;
      ready.push_back(std::move(*due));
      host.queue.erase(due);
      --queued_;
      ++host.running;
      ++running_;
    }
  }
  return ready;
}

void HostScheduler::Finished(const std::string& host_name) {
  auto it = hosts_.find(host_name);
  if (it == hosts_.end() || it->second.running == 0) return;
  --it->second.running;
  --running_;
  table_->Finished(host_name);
  // The table remembers its interval and pause; the queue is all that is ours.
  if (it->second.running == 0 && it->second.queue.empty()) hosts_.erase(it);
}

std::vector<FetchJob> HostScheduler::TakeQueuedIf(const std::function<bool(const FetchJob&)>& take) {
  std::vector<FetchJob> jobs;
  for (auto& [name, host] : hosts_) {
    std::deque<FetchJob> kept;
    for (FetchJob& job : host.queue) {
      if (take(job)) {
        jobs.push_back(std::move(job));
      } else {
        kept.push_back(std::move(job));
      }
    }
    host.queue = std::move(kept);
  }
  queued_ -= static_cast<int>(jobs.size());
  return jobs;
}

std::vector<FetchJob> HostScheduler::TakeAllQueued() {
  std::vector<FetchJob> jobs;
  for (auto& [name, host] : hosts_) {
    for (FetchJob& job : host.queue) jobs.push_back(std::move(job));
    host.queue.clear();
  }
  queued_ = 0;
  return jobs;
}

std::optional<SteadyClock::time_point> HostScheduler::NextWakeup() const {
  const SteadyClock::time_point now = clock_.Now();
  if (running_ >= total_) return std::nullopt;
  std::optional<SteadyClock::time_point> earliest;
  for (const auto& [name, host] : hosts_) {
    if (host.queue.empty()) continue;
    const HostTable::View state = table_->Look(name, host.limits.interval);
    if (state.running >= host.limits.per_host) continue;
    SteadyClock::time_point first_due = SteadyClock::time_point::max();
    for (const FetchJob& job : host.queue) first_due = std::min(first_due, job.not_before);
    SteadyClock::time_point when = std::max({state.ready_at, first_due, now});
    if (!earliest || when < *earliest) earliest = when;
  }
  return earliest;
}

}  // namespace citecheck
