#include "daemon/worker.h"

#include <chrono>

#include "daemon/log.h"
#include "registry/registry.h"

namespace citecheck {
namespace {

// Jobs may be queued by another process (citecheck check --queue), which
// cannot wake us: poll.
constexpr auto kPollInterval = std::chrono::milliseconds(250);

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
      std::optional<Job> job = store->ClaimNextJob();
      if (!job) {
        WaitForWork();
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

void Worker::Execute(Store& store, const Job& job) {
  current_job_ = job.id;
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
    store.FinishJob(job.id, JobState::kDone, job.kind == kJobKindAll ? "" : "article no longer exists");
    metrics_.RecordJob(JobState::kDone);
    current_job_ = 0;
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  auto fetcher = MakeCurlFetcher(config->fetch);
  RegisteredRun result;
  try {
    result = RunRegistered(store, *config, *fetcher, articles, "daemon", resume, &stop_, nullptr,
                           [&](int64_t run_id) {
                             current_run_ = run_id;
                             store.SetJobRun(job.id, run_id);
                           });
  } catch (...) {
    current_run_ = 0;
    current_job_ = 0;
    store.FinishJob(job.id, JobState::kFailed, "database error during the run");
    metrics_.RecordJob(JobState::kFailed);
    throw;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  JobState state = JobState::kDone;
  std::string error = Join(result.input_errors);
  if (result.run.run_id == 0) {
    state = JobState::kFailed;
  } else if (result.run.interrupted) {
    state = JobState::kQueued;  // resumes at the next start
  }
  if (result.run.run_id != 0) metrics_.RecordRun(store.LoadRun(result.run.run_id), seconds, result.run.unchanged_pages);
  store.FinishJob(job.id, state, error);
  metrics_.RecordJob(state);
  Log(state == JobState::kFailed ? LogLevel::kWarn : LogLevel::kInfo, "job.finish",
      {{"job", std::to_string(job.id)}, {"state", std::string(ToString(state))}, {"run", std::to_string(result.run.run_id)},
       {"reused_fetches", std::to_string(result.run.reused_fetches)},
       {"unchanged_pages", std::to_string(result.run.unchanged_pages)},
       {"seconds", std::to_string(seconds)}, {"error", error}});
  current_run_ = 0;
  current_job_ = 0;
}

}  // namespace citecheck
