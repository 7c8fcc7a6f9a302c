#include "daemon/worker.h"

#include <chrono>
#include <thread>

#include "check/url_task_helper.h"
#include "daemon/log.h"
#include "daemon/scheduler.h"
#include "registry/registry.h"

namespace citecheck {
namespace {

// Jobs may be queued by another process (citecheck check --queue), which
// cannot wake us: poll.
constexpr auto kPollInterval = std::chrono::milliseconds(250);

// How often the watchdog looks at the shutdown flag, which it cannot wait on.
constexpr auto kWatchInterval = std::chrono::milliseconds(50);

// The stop flag of one job's run: set when the worker stops (shutdown),
// when another worker took the job's lease over, or when the job has run
// for daemon.job_timeout_s. A thread of its own, so that
// the run (lib/check) needs to know nothing of either.
class JobWatchdog {
 public:
  JobWatchdog(const std::atomic<bool>& shutdown, const Membership& membership, int64_t job_id, uint64_t claim,
              int timeout_s)
      : shutdown_(shutdown), membership_(membership), job_id_(job_id), claim_(claim), timeout_s_(timeout_s),
        deadline_(std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s)),
        thread_([this] { Watch(); }) {}
  ~JobWatchdog() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  JobWatchdog(const JobWatchdog&) = delete;
  JobWatchdog& operator=(const JobWatchdog&) = delete;

  const std::atomic<bool>* stop() const { return &stop_; }
  bool timed_out() const { return timed_out_; }

 private:
  void Watch() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!done_) {
      if (shutdown_.load() || membership_.Lost(claim_)) stop_ = true;
      if (timeout_s_ > 0 && !timed_out_ && std::chrono::steady_clock::now() >= deadline_) {
        timed_out_ = true;
        stop_ = true;
        Log(LogLevel::kWarn, "job.timeout",
            {{"job", std::to_string(job_id_)}, {"job_timeout_s", std::to_string(timeout_s_)}});
      }
      cv_.wait_for(lock, kWatchInterval, [this] { return done_; });
    }
  }

  const std::atomic<bool>& shutdown_;
  const Membership& membership_;
  const int64_t job_id_;
  const uint64_t claim_;
  const int timeout_s_;
  const std::chrono::steady_clock::time_point deadline_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> timed_out_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += (out.empty() ? "" : "; ") + line;
  return out;
}

}  // namespace

void Worker::Wake() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void Worker::WaitForWork() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, kPollInterval, [this] { return woken_ || stop_.load(); });
  woken_ = false;
}

void Worker::Run() {
  std::unique_ptr<Store> store;
  while (!stop_) {
    try {
      if (!store) store = Store::Open(config_.Get()->db);
      std::optional<Job> job = store->ClaimNextJob(membership_.lease());
      if (!job) {
        if (!share_runs_ || !Help(*store)) WaitForWork();
        continue;
      }
      Execute(*store, *job);
    } catch (const std::exception& e) {
      Log(LogLevel::kError, "worker.error", {{"error", e.what()}});
      store.reset();
      WaitForWork();
    }
  }
}

uint64_t Worker::BeginClaim(int64_t job) {
  std::lock_guard<std::mutex> lock(claim_mu_);
  claim_ = {job, claim_.serial + 1};
  return claim_.serial;
}

bool Worker::Help(Store& store) {
  auto config = config_.Get();
  const auto start = std::chrono::steady_clock::now();
  const HelpedBatch helped = HelpWithSharedRun(
      store, *config, [&] { return MakeCurlFetcher(FetcherOptions(*config), RealClock(), hosts_); },
      membership_.lease(), stop_);
  if (helped.run_id == 0) return false;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Log(LogLevel::kInfo, "run.help",
      {{"run", std::to_string(helped.run_id)}, {"committed", std::to_string(helped.committed)},
       {"taken_over", std::to_string(helped.taken_over)}, {"seconds", std::to_string(seconds)}});
  return true;
}

void Worker::Execute(Store& store, const Job& job) {
  const uint64_t claim = BeginClaim(job.id);
  auto config = config_.Get();
  std::vector<ArticleEntry> articles;
  if (job.kind == kJobKindAll) {
    articles = store.ListRegistered();
  } else if (auto article = store.FindArticle(job.article_id)) {
    articles.push_back(*article);
  }
  // A run this job began before a shutdown or crash is resumed.
  int64_t resume = 0;
  if (job.run_id > 0) {
    auto run = store.FindRun(job.run_id);
    if (run && run->state != RunState::kDone) resume = job.run_id;
  }
  Log(LogLevel::kInfo, "job.start",
      {{"job", std::to_string(job.id)}, {"kind", job.kind}, {"articles", std::to_string(articles.size())},
       {"resume_run", std::to_string(resume)}});
  if (articles.empty()) {
    Finish(store, job.id, JobState::kDone, job.kind == kJobKindAll ? "" : "article no longer exists");
    metrics_.RecordJob(JobState::kDone);
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  auto fetcher = MakeCurlFetcher(FetcherOptions(*config), RealClock(), hosts_);
  RegisteredRun result;
  JobWatchdog watchdog(stop_, membership_, job.id, claim, config->daemon.job_timeout_s);
  try {
    result = RunRegistered(store, *config, *fetcher, articles, "daemon", resume, watchdog.stop(), nullptr,
                           [&](int64_t run_id) {
                             current_run_ = run_id;
                             store.SetJobRun(job.id, run_id);
                           },
                           share_runs_ ? membership_.lease() : JobLease{});
  } catch (...) {
    current_run_ = 0;
    Finish(store, job.id, JobState::kFailed, "database error during the run");
    metrics_.RecordJob(JobState::kFailed);
    throw;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  JobState state = JobState::kDone;
  std::string error = Join(result.input_errors);
  if (result.run.run_id == 0) {
    state = JobState::kFailed;
  } else if (result.run.interrupted && watchdog.timed_out()) {
    // Its run stays interrupted; a later job of the article begins anew.
    state = JobState::kFailed;
    error = "job exceeded daemon.job_timeout_s (" + std::to_string(config->daemon.job_timeout_s) + " s)" +
            (error.empty() ? "" : "; " + error);
  } else if (result.run.interrupted) {
    state = JobState::kQueued;  // resumes at the next start
  }
  if (result.run.run_id != 0) metrics_.RecordRun(store.LoadRun(result.run.run_id), seconds, result.run.unchanged_pages);
  current_run_ = 0;
  if (!Finish(store, job.id, state, error)) {
    return;  // the job is another worker's now: neither its end nor a prune is ours
  }
  metrics_.RecordJob(state);
  Log(state == JobState::kFailed ? LogLevel::kWarn : LogLevel::kInfo, "job.finish",
      {{"job", std::to_string(job.id)}, {"state", std::string(ToString(state))}, {"run", std::to_string(result.run.run_id)},
       {"reused_fetches", std::to_string(result.run.reused_fetches)},
       {"unchanged_pages", std::to_string(result.run.unchanged_pages)},
       {"seconds", std::to_string(seconds)}, {"error", error}});
  PruneAfterSchedule(store, job, state, config->store.keep_runs);
}

bool Worker::Finish(Store& store, int64_t job, JobState state, const std::string& error) {
  {
    std::lock_guard<std::mutex> lock(claim_mu_);
    claim_.job = 0;
  }
  if (store.FinishJob(job, membership_.id(), state, error)) return true;
  Log(LogLevel::kWarn, "job.lease_lost",
      {{"job", std::to_string(job)}, {"worker", membership_.id()}, {"state_not_written", std::string(ToString(state))}});
  return false;
}

void Worker::PruneAfterSchedule(Store& store, const Job& job, JobState state, int keep_runs) {
  if (job.kind != kJobKindAll || state != JobState::kDone) return;
  if (store.GetDaemonState(kScheduledJobKey) != std::to_string(job.id)) return;
  const auto start = std::chrono::steady_clock::now();
  try {
    PruneOptions options;
    options.keep_runs = keep_runs;
    const PruneReport r = store.Prune(options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Log(LogLevel::kInfo, "prune.finish",
        {{"job", std::to_string(job.id)}, {"keep_runs", std::to_string(keep_runs)}, {"runs", std::to_string(r.runs)},
         {"article_runs", std::to_string(r.article_runs)}, {"pages", std::to_string(r.pages)},
         {"pages_deferred", r.pages_deferred ? "true" : "false"}, {"bytes_before", std::to_string(r.bytes_before)},
         {"bytes_after", std::to_string(r.bytes_after)}, {"seconds", std::to_string(seconds)}});
  } catch (const StoreError& e) {
    // The database stays consistent (each prune transaction is whole); the
    // next scheduled run prunes again.
    Log(LogLevel::kError, "prune.error", {{"job", std::to_string(job.id)}, {"error", e.what()}});
  }
}

}  // namespace citecheck
