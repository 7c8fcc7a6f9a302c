#include "check/url_task_helper.h"

#include <algorithm>
#include <memory>
#include <thread>
#include <vector>

#include "check/page_done.h"
#include "check/host_batches.h"
#include "check/page_reuse.h"
#include "check/stage_threads.h"
#include "check/work_queue.h"

namespace citecheck {

HelpedBatch HelpWithSharedRun(Store& store, const Config& config,
                              const std::function<std::unique_ptr<Fetcher>()>& make_fetcher, const JobLease& lease,
                              const std::atomic<bool>& stop) {
  HelpedBatch result;
  const UrlTaskBatch batch = store.ClaimUrlTasks(0, static_cast<int>(DefaultBatchSize(config.fetch)), lease);
  if (batch.urls.empty()) return result;
  result.run_id = batch.run_id;
  std::unique_ptr<Fetcher> owned_fetcher = make_fetcher();
  Fetcher& fetcher = *owned_fetcher;

  PageReuse reuse(config.fetch.cache_max_age_s, config.match, config.fetch.max_body_bytes);
  reuse.Load(store, batch.urls);
  WorkQueue<FetchResult> fetched;
  WorkQueue<PageDone> parsed;
  RunFailure failure;
  RunHooks hooks;
  hooks.validators = [&reuse](const std::string& url) { return reuse.ConditionalValidators(url); };
  hooks.may_start = [&fetched] { return fetched.Size() < kMaxWaitingBodies; };
  hooks.abandon = [&failure, &stop] { return failure.failed() || stop.load(); };
  fetcher.SetRunHooks(std::move(hooks));
  std::thread fetch_thread([&] {
    RunGuarded(failure, [&] { fetcher.FetchAll(batch.urls, [&](FetchResult r) { fetched.Push(std::move(r)); }); });
    fetched.Close();
  });
  const unsigned worker_count = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> workers = StartWorkers(worker_count, fetched, parsed, failure, [&] {
    return [&, reader = std::unique_ptr<Store>()](FetchResult fetch) mutable {
      if (reuse.IsUnchanged(&fetch)) {
        if (!reader) reader = store.OpenAnother();
        return reuse.StoredCopy(std::move(fetch), *reader);
      }
      const int64_t cap = BodyCapOf(fetch, config.fetch);  // before the move
      return ParsePage(std::move(fetch), cap);
    };
  });
  RunGuarded(failure, [&] {
    while (std::optional<PageDone> done = parsed.Pop()) {
      Store::WriteBatch write(store);
      for (size_t pages = 1; done; ++pages) {
        if (store.FinishUrlTask(batch.run_id, done->fetch.url, lease.owner)) {
          store.SaveFetch(batch.run_id, done->fetch, done->page, done->detected_language,
                          done->outcome.no_text_reason, done->known_content_hash);
          ++result.committed;
        } else {
          ++result.taken_over;
        }
        done = pages < kMaxPagesPerCommit ? parsed.TryPop() : std::nullopt;
      }
      write.Commit();
      if (failure.failed()) return;
    }
  });
  while (parsed.Pop()) {
  }  // after a failure: let the workers finish
  fetch_thread.join();
  for (std::thread& w : workers) w.join();
  fetcher.SetRunHooks({});  // they refer to this frame
  failure.RethrowIfFailed();
  return result;
}

}  // namespace citecheck
