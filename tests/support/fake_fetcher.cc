#include "support/fake_fetcher.h"

#include <set>
#include <thread>
#include <utility>

namespace citecheck::testing {

FakeFetcher::FakeFetcher(Script script) : script_(std::move(script)) {}

FakeFetcher::FakeFetcher(std::map<std::string, ScriptedPage> pages)
    : script_([pages = std::move(pages)](const std::string& url, const std::optional<Validators>& sent) {
        auto it = pages.find(url);
        if (it != pages.end()) return Answer(url, it->second, sent);
        ScriptedPage missing;
        missing.status = LinkStatus::kBroken;
        missing.http_status = 404;
        return Answer(url, missing, sent);
      }) {}

FetchResult FakeFetcher::Answer(const std::string& url, const ScriptedPage& page,
                                const std::optional<Validators>& sent) {
  FetchResult result;
  result.url = url;
  result.final_url = url;
  result.status = page.status;
  result.http_status = page.http_status;
  result.content_type = page.content_type;
  result.etag = page.etag;
  if (page.status != LinkStatus::kOk) {
    result.error = "HTTP " + std::to_string(page.http_status);
    return result;
  }
  if (sent && !page.etag.empty() && sent->etag == page.etag) {
    result.not_modified = true;
    result.http_status = 304;
    return result;
  }
  result.body = page.body;
  result.bytes = static_cast<int64_t>(page.body.size());
  return result;
}

void FakeFetcher::FetchAll(const std::vector<std::string>& urls,
                           const std::function<void(FetchResult)>& on_done) {
  std::set<std::string> seen;
  for (const std::string& url : urls) {
    if (!seen.insert(url).second) continue;
    if (hooks_.abandon && hooks_.abandon()) return;
    // The real loop defers new transfers while the gate is closed; the
    // consumer opens it by taking results, on another thread.
    while (hooks_.may_start && !hooks_.may_start()) {
      if (hooks_.abandon && hooks_.abandon()) return;
      std::this_thread::yield();
    }
    std::optional<Validators> sent = hooks_.validators ? hooks_.validators(url) : std::nullopt;
    FetchResult result = script_(url, sent);
    {
      std::lock_guard<std::mutex> lock(mu_);
      requested_.push_back(url);
      if (result.not_modified) ++not_modified_;
    }
    on_done(std::move(result));
  }
}

void FakeFetcher::SetRunHooks(RunHooks hooks) { hooks_ = std::move(hooks); }

std::vector<std::string> FakeFetcher::requested() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requested_;
}

int FakeFetcher::not_modified_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return not_modified_;
}

}  // namespace citecheck::testing
