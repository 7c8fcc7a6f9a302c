// MakeCurlFetcher: validates the options once, then runs a FetchLoop per
// FetchAll call after settling what needs no request at all (duplicates,
// excluded URLs, schemes other than http/https).
#include <curl/curl.h>

#include <unordered_set>

#include "fetch/fetch_loop.h"
#include "fetch/fetcher.h"
#include "fetch/host_table.h"
#include "fetch/private_address.h"
#include "fetch/url_filter.h"

#ifndef CITECHECK_VERSION
#define CITECHECK_VERSION "unknown"
#endif

namespace citecheck {
namespace {

// curl_global_init is not thread-safe on every build; a function-local static
// runs it exactly once, whichever thread gets here first.
void EnsureCurlGlobalInit() {
  static const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
  (void)code;  // on failure every curl_easy_init fails and each URL reports it
}

FetchResult Settled(const std::string& url, LinkStatus status, std::string error) {
  FetchResult result;
  result.url = url;
  result.status = status;
  result.error = std::move(error);
  return result;
}

class CurlFetcher : public Fetcher {
 public:
  CurlFetcher(const FetchOptions& options, Clock& clock, std::shared_ptr<HostTable> hosts)
      : options_(options), hosts_(hosts ? std::move(hosts) : std::make_shared<HostTable>()) {
    EnsureCurlGlobalInit();
    std::vector<AddressRange> allowed;
    // The config layer validates these first; a bad list here makes every
    // URL an error rather than silently allowing or refusing everything.
    if (!ParseAddressRanges(options_.allowed_private_ranges, &allowed, &setup_error_) ||
        !CompileExcludePatterns(options_.exclude, &exclude_, &setup_error_)) {
      allowed.clear();
    }
    policy_ = std::make_unique<AddressPolicy>(options_.allow_all_private, std::move(allowed));
    settings_.options = &options_;
    settings_.hooks = &hooks_;
    settings_.address_policy = policy_.get();
    settings_.clock = &clock;
    settings_.connections = hosts_->connections();
    settings_.user_agent =
        options_.user_agent.empty() ? "citecheck/" CITECHECK_VERSION : options_.user_agent;
  }

  void FetchAll(const std::vector<std::string>& urls,
                const std::function<void(FetchResult)>& on_done) override {
    FetchLoop loop(settings_, on_done, hosts_);
    std::unordered_set<std::string> seen;
    for (const std::string& url : urls) {
      if (!seen.insert(url).second) continue;
      if (!setup_error_.empty()) {
        on_done(Settled(url, LinkStatus::kError, setup_error_));
      } else if (!HasFetchableScheme(url)) {
        on_done(Settled(url, LinkStatus::kBlocked, "scheme not allowed"));
      } else if (const ExcludePattern* pattern = FindExcludePattern(exclude_, url)) {
        on_done(Settled(url, LinkStatus::kExcluded, "excluded by pattern " + pattern->text));
      } else {
        loop.Add(url);
      }
    }
    loop.Run();
  }

  void SetRunHooks(RunHooks hooks) override { hooks_ = std::move(hooks); }

 private:
  FetchOptions options_;
  // Outlives each FetchAll: the next batch keeps to the intervals of the last.
  std::shared_ptr<HostTable> hosts_;
  RunHooks hooks_;
  std::string setup_error_;
  std::vector<ExcludePattern> exclude_;
  std::unique_ptr<AddressPolicy> policy_;
  TransferSettings settings_;
};

}  // namespace

std::unique_ptr<Fetcher> MakeCurlFetcher(const FetchOptions& options, Clock& clock,
                                         std::shared_ptr<HostTable> hosts) {
  return std::make_unique<CurlFetcher>(options, clock, std::move(hosts));
}

}  // namespace citecheck
