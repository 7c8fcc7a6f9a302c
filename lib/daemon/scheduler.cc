#include "daemon/scheduler.h"

#include <chrono>

#include "core/utc_time.h"
#include "daemon/cron.h"
#include "daemon/log.h"

namespace citecheck {
namespace {

constexpr const char* kLastFiredKey = "schedule.last_fired";

}  // namespace

Scheduler::Scheduler(SharedConfig& config, const std::atomic<bool>& stop, Clock& clock,
                     std::function<void()> on_queued)
    : config_(config), stop_(stop), clock_(clock), on_queued_(std::move(on_queued)) {
  clock_subscription_ = clock_.Subscribe([this] { Wake(); });
}

Scheduler::~Scheduler() { clock_.Unsubscribe(clock_subscription_); }

void Scheduler::Wake() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void Scheduler::SleepUntil(std::time_t when) {
  // At most a second at a time: the wall clock may be set (a fake clock
  // that jumps wakes us itself). Read before taking mu_: the clock calls
  // Wake(), which takes it, with its own lock held.
  const std::time_t now = Now();
  auto wait = std::chrono::seconds(std::max<std::time_t>(0, std::min<std::time_t>(when - now, 1)));
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, wait == std::chrono::seconds(0) ? std::chrono::milliseconds(50) : wait,
               [this] { return woken_ || stop_.load(); });
  woken_ = false;
}

void Scheduler::Fire(Store& store, const std::string& last, std::time_t now, bool missed) {
  std::optional<Job> fired = store.FireSchedule(kLastFiredKey, last, std::to_string(now));
  if (!fired) {
    Log(LogLevel::kInfo, "schedule.fired_elsewhere", {{"at", UtcIso8601(now)}});
    return;
  }
  const Job& job = *fired;
  // Only the worker that fired writes it, so it names the job of this firing.
  store.SetDaemonState(kScheduledJobKey, std::to_string(job.id));
  Log(LogLevel::kInfo, "schedule.fire",
      {{"job", std::to_string(job.id)}, {"at", UtcIso8601(now)}, {"missed", missed ? "true" : "false"}});
  if (on_queued_) on_queued_();
}

void Scheduler::RecordFirstStart(Store& store) {
  if (!store.GetDaemonState(kLastFiredKey)) store.SetDaemonState(kLastFiredKey, std::to_string(Now()));
}

void Scheduler::Run() {
  std::unique_ptr<Store> store;
  std::string logged_error;
  while (!stop_) {
    try {
      auto config = config_.Get();
      std::string error;
      auto schedule = CronSchedule::Parse(config->daemon.schedule, &error);
      if (!schedule) {  // validated at start and reload; kept for safety
        if (error != logged_error) Log(LogLevel::kError, "schedule.invalid", {{"error", error}});
        logged_error = error;
        SleepUntil(Now() + 1);
        continue;
      }
      if (!store) store = Store::Open(config->db);
      const std::time_t now = Now();
      auto last_text = store->GetDaemonState(kLastFiredKey);
      if (!last_text) {  // the state was removed while running: nothing was missed
        store->SetDaemonState(kLastFiredKey, std::to_string(now));
        continue;
      }
      const std::time_t last = std::stoll(*last_text);
      auto next = schedule->Next(last);
      if (next && *next <= now) {
        // Due now, or missed while down (fires once, whatever was missed).
        Fire(*store, *last_text, now, now - *next >= 60);
        continue;
      }
      SleepUntil(next ? *next : now + 60);
    } catch (const std::exception& e) {
      Log(LogLevel::kError, "schedule.error", {{"error", e.what()}});
      store.reset();
      SleepUntil(Now() + 1);
    }
  }
}

}  // namespace citecheck
