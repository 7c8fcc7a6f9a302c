#include "fetch/fetch_loop.h"

#include <algorithm>
#include <cstdio>

#include "core/ascii.h"
#include "core/url.h"
#include "fetch/retry_policy.h"

namespace citecheck {
namespace {

// Upper bound on one poll, so a loop with nothing to wait for still checks
// the scheduler now and then.
constexpr int kMaxPollMs = 1000;
// Poll interval while the admission gate (RunHooks::may_start) holds
// new transfers back.
constexpr int kDeferredPollMs = 5;
// Longest poll while RunHooks::abandon may turn true: nothing wakes the loop
// when it does, so it looks that often.
constexpr int kAbandonPollMs = 50;
// Longest poll while RunHooks::follow_ups may still hand over URLs: nothing
// wakes the loop when it does either, and a follow-up waits that long at most.
constexpr int kFollowUpPollMs = 10;

// A 429, or a 503 with Retry-After, speaks for the whole host: its other
// queued URLs wait too (other hosts do not).
bool HostAskedToWait(const TransferReport& report) {
  long status = report.result.http_status;
  return status == 429 || (status == 503 && report.retry_after_s.has_value());
}

// Subscribed for as long as it lives (on_done may throw).
class ClockSubscription {
 public:
  ClockSubscription(Clock& clock, std::function<void()> on_jump)
      : clock_(clock), id_(clock.Subscribe(std::move(on_jump))) {}
  ~ClockSubscription() { clock_.Unsubscribe(id_); }
  ClockSubscription(const ClockSubscription&) = delete;
  ClockSubscription& operator=(const ClockSubscription&) = delete;

 private:
  Clock& clock_;
  int id_;
};

FetchResult ErrorResult(const std::string& url, const std::string& error) {
  FetchResult result;
  result.url = url;
  result.status = LinkStatus::kError;
  result.error = error;
  return result;
}

}  // namespace

FetchLoop::FetchLoop(const TransferSettings& settings,
                     const std::function<void(FetchResult)>& on_done, std::shared_ptr<HostTable> hosts)
    : settings_(settings),
      on_done_(on_done),
      multi_(curl_multi_init()),
      scheduler_(*settings.clock, settings.options->concurrency, settings.options->per_host_concurrency,
                 std::chrono::milliseconds(settings.options->per_host_interval_ms), std::move(hosts)),
      random_(std::random_device{}()) {
  if (!multi_) return;
  const FetchOptions& options = *settings.options;
  // The scheduler already keeps within these; libcurl's own caps also cover
  // redirects to hosts the scheduler never saw.
  curl_multi_setopt(multi_.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS,
                    static_cast<long>(std::max(1, options.concurrency)));
  int max_per_host = std::max(1, options.per_host_concurrency);
  for (const auto& [host, limits] : options.hosts) {
    // fetch.hosts keys are host names as the user wrote them; jobs carry
    // UrlHost(), which is lower-case.
    scheduler_.SetHostLimits(AsciiLower(host), limits.concurrency,
                             std::chrono::milliseconds(limits.interval_ms));
    max_per_host = std::max(max_per_host, limits.concurrency);
  }
  // libcurl's per-host cap is one number for all hosts: the largest limit, so
  // that it never holds back a host the scheduler allows more.
  curl_multi_setopt(multi_.get(), CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(max_per_host));
}

FetchLoop::~FetchLoop() {
  for (auto& [transfer, owned] : active_) {
    if (multi_) curl_multi_remove_handle(multi_.get(), transfer->easy());
    scheduler_.Finished(transfer->job().host);
  }
  active_.clear();
}

void FetchLoop::Add(const std::string& url) {
  std::string host = UrlHost(url);
  scheduler_.Add(FetchJob{url, host.empty() ? url : host, 0, settings_.clock->Now()});
}

void FetchLoop::Run() {
  if (!multi_) {
    FailEverything("cannot create a libcurl multi handle");
    return;
  }
  // A clock moved by someone else (a test's fake) ends the current poll.
  CURLM* multi = multi_.get();
  ClockSubscription subscription(*settings_.clock, [multi] { curl_multi_wakeup(multi); });
  std::string error;
  bool open = TakeFollowUps();
  while (open || scheduler_.HasQueued() || !active_.empty()) {
    if (Abandoned()) return;  // the destructor removes the running transfers
    open = TakeFollowUps();
    StartReady();
    int running = 0;
    CURLMcode code = curl_multi_perform(multi_.get(), &running);
    if (code != CURLM_OK) {
      error = std::string("libcurl: ") + curl_multi_strerror(code);
      break;
    }
    DrainMessages();
    open = TakeFollowUps();
    HandBackFollowUps();
    if (!open && !scheduler_.HasQueued() && active_.empty()) break;
    if (!Wait(&error)) break;
  }
  if (!error.empty()) FailEverything(error);
}

bool FetchLoop::Wait(std::string* error) {
  if (active_.empty() && !deferred_) {
    // Nothing runs: only the clock can make a queued job ready. With an
    // abandon hook, wake often enough to ask it.
    if (std::optional<SteadyClock::time_point> wakeup = scheduler_.NextWakeup()) {
      SteadyClock::time_point until = *wakeup;
      if (settings_.hooks->abandon) {
        until = std::min(until, settings_.clock->Now() + std::chrono::milliseconds(kAbandonPollMs));
      }
      if (following_) {
        until = std::min(until, settings_.clock->Now() + std::chrono::milliseconds(kFollowUpPollMs));
      }
      settings_.clock->SleepUntil(until);
      return true;
    }
  }
  CURLMcode code = curl_multi_poll(multi_.get(), nullptr, 0, PollTimeoutMs(), nullptr);
  if (code == CURLM_OK) return true;
  *error = std::string("libcurl: ") + curl_multi_strerror(code);
  return false;
}

bool FetchLoop::TakeFollowUps() {
  const auto& follow_ups = settings_.hooks->follow_ups;
  // Once some were handed back, this loop takes no more: the caller would
  // hand the same ones over again, and whatever comes now is the next
  // batch's.
  if (!follow_ups || handed_back_) return false;
  std::vector<std::string> more;
  const bool open = follow_ups(&more);
  for (const std::string& url : more) {
    if (follow_ups_.insert(url).second) Add(url);
  }
  following_ = open;
  return open;
}

void FetchLoop::HandBackFollowUps() {
  const auto& hand_back = settings_.hooks->hand_back;
  if (!hand_back || following_ || follow_ups_.empty()) return;
  // Every queued or running job not a follow-up is one of the loop's own.
  const size_t jobs = static_cast<size_t>(scheduler_.queued()) + active_.size();
  if (jobs > follow_ups_.size()) return;
  std::vector<FetchJob> unstarted =
      scheduler_.TakeQueuedIf([this](const FetchJob& job) { return job.attempt == 0 && follow_ups_.count(job.url); });
  if (unstarted.empty()) return;
  handed_back_ = true;
  std::vector<std::string> urls;
  for (FetchJob& job : unstarted) {
    follow_ups_.erase(job.url);
    urls.push_back(std::move(job.url));
  }
  hand_back(std::move(urls));
}

void FetchLoop::Report(const std::string& url, FetchResult result) {
  follow_ups_.erase(url);
  on_done_(std::move(result));
}

bool FetchLoop::Abandoned() const {
  const auto& abandon = settings_.hooks->abandon;
  return abandon && abandon();
}

void FetchLoop::StartReady() {
  const auto& may_start = settings_.hooks->may_start;
  deferred_ = may_start && !may_start();
  if (deferred_) return;
  for (FetchJob& job : scheduler_.TakeReady()) Start(std::move(job));
}

void FetchLoop::Start(FetchJob job) {
  auto transfer = std::make_unique<Transfer>(std::move(job), settings_);
  std::string error;
  CURLMcode code = CURLM_OK;
  if (transfer->Configured(&error)) {
    code = curl_multi_add_handle(multi_.get(), transfer->easy());
    if (code != CURLM_OK) error = std::string("libcurl: ") + curl_multi_strerror(code);
  }
  if (!error.empty()) {
    scheduler_.Finished(transfer->job().host);
    Report(transfer->job().url, ErrorResult(transfer->job().url, error));
    return;
  }
  Log("GET " + RedactUrlCredentials(transfer->job().url) +
      (transfer->job().attempt > 0 ? " (retry " + std::to_string(transfer->job().attempt) + ")" : ""));
  Transfer* key = transfer.get();
  active_.emplace(key, std::move(transfer));
}

void FetchLoop::DrainMessages() {
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(multi_.get(), &left)) {
    if (message->msg != CURLMSG_DONE) continue;
    // Copy out before remove_handle: the message is invalid afterwards.
    CURL* easy = message->easy_handle;
    CURLcode result = message->data.result;
    void* state = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, &state);
    curl_multi_remove_handle(multi_.get(), easy);
    Finish(static_cast<Transfer*>(state), result);
  }
}

void FetchLoop::Finish(Transfer* transfer, CURLcode code) {
  auto it = active_.find(transfer);
  if (it == active_.end()) return;  // not ours; cannot happen
  std::unique_ptr<Transfer> owned = std::move(it->second);
  active_.erase(it);
  TransferReport report = owned->Complete(code);
  FetchJob job = owned->job();
  owned.reset();  // curl_easy_cleanup now, before anything else can fail
  scheduler_.Finished(job.host);

  const FetchOptions& options = *settings_.options;
  std::chrono::milliseconds delay = RetryDelay(job.attempt, options.retry_base_ms,
                                               report.retry_after_s, options.retry_after_cap_s, random_);
  const SteadyClock::time_point now = settings_.clock->Now();
  if (HostAskedToWait(report)) scheduler_.PauseHost(job.host, now + delay);
  if (report.retryable && job.attempt < options.retries) {
    Log(RedactUrlCredentials(job.url) + ": " + report.result.error + ", retrying in " +
        std::to_string(delay.count()) + " ms");
    ++job.attempt;
    job.not_before = now + delay;
    scheduler_.Add(std::move(job));
    return;
  }
  Log(RedactUrlCredentials(job.url) + ": " + std::string(ToString(report.result.status)) +
      (report.result.error.empty() ? "" : " (" + report.result.error + ")"));
  Report(job.url, std::move(report.result));
}

void FetchLoop::FailEverything(const std::string& error) {
  for (auto& [transfer, owned] : active_) {
    if (multi_) curl_multi_remove_handle(multi_.get(), transfer->easy());
    scheduler_.Finished(transfer->job().host);
    Report(transfer->job().url, ErrorResult(transfer->job().url, error));
  }
  active_.clear();
  for (const FetchJob& job : scheduler_.TakeAllQueued()) Report(job.url, ErrorResult(job.url, error));
}

int FetchLoop::PollTimeoutMs() const {
  // The consumer frees room without waking libcurl: look again soon.
  if (deferred_ && scheduler_.HasQueued()) return kDeferredPollMs;
  const int longest = following_               ? kFollowUpPollMs
                      : settings_.hooks->abandon ? kAbandonPollMs
                                                 : kMaxPollMs;
  SteadyClock::time_point now = settings_.clock->Now();
  std::optional<SteadyClock::time_point> wakeup = scheduler_.NextWakeup();
  if (!wakeup) return longest;
  auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*wakeup - now).count();
  // Round up so the loop does not spin through the last sub-millisecond.
  if (*wakeup > now + std::chrono::milliseconds(wait)) ++wait;
  return static_cast<int>(std::clamp<int64_t>(wait, 0, longest));
}

void FetchLoop::Log(const std::string& text) const {
  if (settings_.options->verbose) std::fprintf(stderr, "citecheck: %s\n", text.c_str());
}

}  // namespace citecheck
