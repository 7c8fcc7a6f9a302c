#include "support/memento_server.h"

#include <chrono>
#include <thread>

namespace citecheck::testing {
namespace {

// RFC 1123 of a 14-digit timestamp's day and time (the tests use May 2019).
std::string HttpDate(const std::string& ts) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm t{};
  t.tm_year = std::stoi(ts.substr(0, 4)) - 1900;
  t.tm_mon = std::stoi(ts.substr(4, 2)) - 1;
  t.tm_mday = std::stoi(ts.substr(6, 2));
  std::time_t when = timegm(&t);
  gmtime_r(&when, &t);
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return std::string(kDays[t.tm_wday]) + ", " + ts.substr(6, 2) + " " + kMonths[t.tm_mon] + " " + ts.substr(0, 4) +
         " " + ts.substr(8, 2) + ":" + ts.substr(10, 2) + ":" + ts.substr(12, 2) + " GMT";
}

}  // namespace

MementoServer::MementoServer() {
  httplib::Server& s = server_.server();
  // Mementos first: their paths also start with /web/.
  s.Get(R"(/web/(\d{14})(id_)?/(.*))", [this](const httplib::Request& q, httplib::Response& r) {
    const std::string ts = q.matches[1];
    const bool original = q.matches[2].matched;
    const std::string url = q.matches[3];
    Copy copy;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!original) {
        ++chrome_pages_;
        r.set_content("<html><body><div id=wm-toolbar>ARCHIVE TOOLBAR</div></body></html>", "text/html");
        return;
      }
      ++original_bytes_[url];
      auto it = copies_.find(url);
      if (it == copies_.end()) {
        r.status = 404;
        return;
      }
      copy = it->second;
    }
    if (copy.memento_delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(copy.memento_delay_ms));
    r.set_header("Memento-Datetime", HttpDate(ts));
    r.set_header("Link", "<" + url + ">; rel=\"original\", <" + server_.Url("/timemap/link/" + url) +
                             ">; rel=\"timemap\"; type=\"application/link-format\"");
    r.set_content(copy.body, "text/html");
  });
  s.Get(R"(/web/(https?:.*))", [this](const httplib::Request& q, httplib::Response& r) {
    const std::string url = q.matches[1];
    std::lock_guard<std::mutex> lock(mutex_);
    int n = ++lookups_[url];
    accept_datetime_[url] = q.get_header_value("Accept-Datetime");
    r.set_header("Vary", "accept-datetime");
    r.set_header("Link", "<" + url + ">; rel=\"original\", <" + server_.Url("/timemap/link/" + url) +
                             ">; rel=\"timemap\"; type=\"application/link-format\"");
    auto it = copies_.find(url);
    if (it == copies_.end()) {
      r.status = 404;
      return;
    }
    if (n <= it->second.lookup_429s) {
      r.status = 429;
      r.set_header("Retry-After", "1");
      return;
    }
    const std::string target =
        it->second.redirect_to.empty() ? MementoUrl(url, it->second.timestamp) : it->second.redirect_to;
    r.set_redirect(target, 302);
  });
}

void MementoServer::Add(const std::string& original_url, Copy copy) {
  std::lock_guard<std::mutex> lock(mutex_);
  copies_[original_url] = std::move(copy);
}

int MementoServer::lookups(const std::string& original_url) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = lookups_.find(original_url);
  return it == lookups_.end() ? 0 : it->second;
}

int MementoServer::original_bytes(const std::string& original_url) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = original_bytes_.find(original_url);
  return it == original_bytes_.end() ? 0 : it->second;
}

int MementoServer::chrome_pages() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return chrome_pages_;
}

std::string MementoServer::accept_datetime(const std::string& original_url) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = accept_datetime_.find(original_url);
  return it == accept_datetime_.end() ? "" : it->second;
}

}  // namespace citecheck::testing
