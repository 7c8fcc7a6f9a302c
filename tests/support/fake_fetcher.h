// A Fetcher that answers from a script instead of the network, for unit tests
// of what drives a fetcher (the check pipeline). It keeps the Fetcher
// contract: on_done once per distinct URL, on the FetchAll caller's thread;
// RunHooks honoured (validators asked before each answer, the admission gate
// waited for, abandon checked before each URL). The real CurlFetcher is
// tested against real servers in tests/fetch.
#ifndef CITECHECK_TESTS_SUPPORT_FAKE_FETCHER_H_
#define CITECHECK_TESTS_SUPPORT_FAKE_FETCHER_H_

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fetch/fetcher.h"

namespace citecheck::testing {

// One page the fake serves: an ok answer with this body, or a 304 when the
// request carries its ETag.
struct ScriptedPage {
  std::string body;
  std::string content_type = "text/html";
  std::string etag;  // empty: the answer has none
  LinkStatus status = LinkStatus::kOk;
  long http_status = 200;
};

class FakeFetcher : public Fetcher {
 public:
  // The answer to `url`, given the validators a real request would send.
  using Script = std::function<FetchResult(const std::string& url, const std::optional<Validators>& sent)>;

  explicit FakeFetcher(Script script);
  // Serves `pages` by URL; any other URL is broken (404).
  explicit FakeFetcher(std::map<std::string, ScriptedPage> pages);

  void FetchAll(const std::vector<std::string>& urls,
                const std::function<void(FetchResult)>& on_done) override;
  void SetRunHooks(RunHooks hooks) override;

  // Every URL answered, in order, over all FetchAll calls.
  std::vector<std::string> requested() const;
  // How many answers were 304s.
  int not_modified_count() const;
  // The hooks as last set (to call abandon from a script).
  const RunHooks& hooks() const { return hooks_; }

  // An answer as the real fetcher gives it for a served page.
  static FetchResult Answer(const std::string& url, const ScriptedPage& page,
                            const std::optional<Validators>& sent);

 private:
  Script script_;
  RunHooks hooks_;
  mutable std::mutex mu_;
  std::vector<std::string> requested_;
  int not_modified_ = 0;
};

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_FAKE_FETCHER_H_
