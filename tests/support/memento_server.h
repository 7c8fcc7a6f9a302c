// A loopback Memento (RFC 7089) archive for tests: a TimeGate at
// /web/{URL} that redirects to a memento /web/{timestamp}/{URL}, and the
// memento's original bytes at /web/{timestamp}id_/{URL}, with the RFC's
// headers (Vary: accept-datetime, Link rel original/timemap,
// Memento-Datetime). What each original URL gets is set per test; every
// request is counted.
#ifndef CITECHECK_TESTS_SUPPORT_MEMENTO_SERVER_H_
#define CITECHECK_TESTS_SUPPORT_MEMENTO_SERVER_H_

#include <map>
#include <mutex>
#include <string>

#include "support/test_server.h"

namespace citecheck::testing {

class MementoServer {
 public:
  // How the archive answers for one original URL.
  struct Copy {
    std::string body;              // the memento's HTML
    std::string timestamp = "20190503120000";
    int lookup_429s = 0;           // the TimeGate answers 429 (Retry-After: 1) this many times first
    int memento_delay_ms = 0;      // the memento answers this late
    std::string redirect_to;       // when set, the TimeGate redirects here instead
  };

  MementoServer();
  // Originals without a Copy are answered 404 by the TimeGate.
  void Add(const std::string& original_url, Copy copy);
  void Start() { server_.Start(); }

  std::string TimeGate() const { return server_.Url("/web/"); }
  // The memento URL a reader opens (the Wayback form without id_).
  std::string MementoUrl(const std::string& original_url, const std::string& timestamp = "20190503120000") const {
    return server_.Url("/web/" + timestamp + "/" + original_url);
  }

  int lookups(const std::string& original_url) const;         // TimeGate requests
  int original_bytes(const std::string& original_url) const;  // id_ requests
  int chrome_pages() const;                                    // mementos without id_ (must stay 0)
  std::string accept_datetime(const std::string& original_url) const;  // of the last lookup

 private:
  mutable std::mutex mutex_;
  std::map<std::string, Copy> copies_;
  std::map<std::string, int> lookups_;
  std::map<std::string, int> original_bytes_;
  std::map<std::string, std::string> accept_datetime_;
  int chrome_pages_ = 0;
  TestServer server_;
};

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_MEMENTO_SERVER_H_
