// The libcurl multi event loop (curl's docs/examples/multi-double.c and
// crawler.c): one thread adds easy handles when the HostScheduler lets them
// start, drives them with curl_multi_perform / curl_multi_poll, drains
// curl_multi_info_read, and either reports each finished URL or queues a
// retry with a backoff (never sleeping while transfers run: they go on
// meanwhile). All timing comes from TransferSettings::clock; when nothing
// runs and the next start waits only on time, the loop sleeps on that clock,
// so a fake clock runs the schedule without delay. Not thread-safe; lives
// for one FetchAll call.
#ifndef CITECHECK_FETCH_FETCH_LOOP_H_
#define CITECHECK_FETCH_FETCH_LOOP_H_

#include <curl/curl.h>

#include <functional>
#include <memory>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/types.h"
#include "fetch/host_scheduler.h"
#include "fetch/transfer.h"

namespace citecheck {

class FetchLoop {
 public:
  // `settings` (with its clock set) and `on_done` must outlive the loop.
  // `hosts` is the politeness state it shares with other loops (null: its own).
  FetchLoop(const TransferSettings& settings, const std::function<void(FetchResult)>& on_done,
            std::shared_ptr<HostTable> hosts = nullptr);
  // Removes and cleans up any easy handle still in the multi, and tells the
  // host table those requests are over.
  ~FetchLoop();
  FetchLoop(const FetchLoop&) = delete;
  FetchLoop& operator=(const FetchLoop&) = delete;

  // Queues `url` (distinct URLs only: the caller dedupes).
  void Add(const std::string& url);

  // Runs until every queued URL was reported to on_done exactly once, or
  // until RunHooks::abandon says to stop (the rest is not reported).
  void Run();

 private:
  struct MultiCleanup {
    void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
  };

  bool Abandoned() const;
  // Queues what RunHooks::follow_ups hands over; true while more may come.
  bool TakeFollowUps();
  // RunHooks::hand_back, once only follow-ups are left: their first tries
  // not yet started leave the loop.
  void HandBackFollowUps();
  // on_done for the job of `url`.
  void Report(const std::string& url, FetchResult result);
  // Waits for a transfer to progress or the next start to be due.
  bool Wait(std::string* error);
  void StartReady();
  void Start(FetchJob job);
  void DrainMessages();
  void Finish(Transfer* transfer, CURLcode code);
  // Reports everything still queued or running as `error` (multi failure).
  void FailEverything(const std::string& error);
  int PollTimeoutMs() const;
  void Log(const std::string& text) const;

  const TransferSettings& settings_;
  const std::function<void(FetchResult)>& on_done_;
  std::unique_ptr<CURLM, MultiCleanup> multi_;
  HostScheduler scheduler_;
  // Owns the running transfers; each easy handle points back via CURLOPT_PRIVATE.
  std::unordered_map<Transfer*, std::unique_ptr<Transfer>> active_;
  std::mt19937 random_;
  bool deferred_ = false;  // the admission gate said no on the last StartReady
  bool following_ = false;  // RunHooks::follow_ups said more may come
  // Follow-ups queued or running (each is one job, queued or running).
  std::unordered_set<std::string> follow_ups_;
  bool handed_back_ = false;  // HandBackFollowUps handed some back: take no more
};

}  // namespace citecheck

#endif  // CITECHECK_FETCH_FETCH_LOOP_H_
