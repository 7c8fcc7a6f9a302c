// Shared pieces of the citecheckd end-to-end tests: a temp directory with a
// token file and config, the daemon on a free loopback port, an API client.
#ifndef CITECHECK_TESTS_E2E_DAEMON_UTIL_H_
#define CITECHECK_TESTS_E2E_DAEMON_UTIL_H_

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/daemon_process.h"
#include "support/poll_until.h"
#include "support/temp_dir.h"

namespace citecheck::testing {

constexpr const char* kToken = "test-token-0123456789";

class DaemonEnv {
 public:
  // `config` is the JSON config file's text.
  explicit DaemonEnv(const std::string& config = R"({"fetch": {"retries": 0, "per_host_interval_ms": 0,
      "per_host_concurrency": 8, "timeout_s": 5}})")
      : daemon_(dir_.File("daemon.log")) {
    dir_.Write("token", std::string(kToken) + "\n");
    dir_.Write("config.json", config);
  }

  std::vector<std::string> Args(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> args = {"--db",     db(),         "--listen", "127.0.0.1:0", "--token-file",
                                     dir_.File("token"), "--config", dir_.File("config.json"), "--allow-private"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }

  bool Start(const std::vector<std::string>& extra = {}, const std::vector<std::string>& env = {}) {
    return daemon_.Start(Args(extra), env);
  }

  httplib::Client Client(bool with_token = true) const {
    httplib::Client client("127.0.0.1", daemon_.port());
    client.set_read_timeout(30, 0);
    if (with_token) client.set_bearer_token_auth(kToken);
    return client;
  }

  // Polls GET /v1/jobs/{id} until done or failed; the last job JSON.
  nlohmann::json WaitForJob(int64_t id, std::chrono::seconds timeout = std::chrono::seconds(60)) const {
    auto client = Client();
    nlohmann::json job;
    PollUntil(
        [&] {
          auto res = client.Get("/v1/jobs/" + std::to_string(id));
          if (!res || res->status != 200) return false;
          job = nlohmann::json::parse(res->body);
          return job["state"] == "done" || job["state"] == "failed";
        },
        timeout, std::chrono::milliseconds(50));
    return job;
  }

  const TempDir& dir() const { return dir_; }
  std::string db() const { return db_.empty() ? dir_.File("citecheck.db") : db_; }
  // Another database than the file in dir() (a PostgreSQL URL).
  void set_db(const std::string& db) { db_ = db; }
  DaemonProcess& daemon() { return daemon_; }

 private:
  TempDir dir_;
  std::string db_;
  DaemonProcess daemon_;
};

inline nlohmann::json Json(const httplib::Result& res) {
  if (!res) return nullptr;
  return nlohmann::json::parse(res->body, nullptr, false);
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_E2E_DAEMON_UTIL_H_
