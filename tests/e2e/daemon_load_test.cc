// Load: 50 concurrent clients submit articles and poll their jobs for a
// bounded time (CITECHECK_LOAD_SECONDS, default 10; bench/daemon_load runs a
// full minute) with no error and no lost job. Prints the request rate.
#include <signal.h>

#include <atomic>
#include <thread>
#include <cstdlib>
#include <mutex>
#include <set>

#include "e2e/daemon_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

constexpr int kClients = 50;

TEST(DaemonLoadTest, ConcurrentSubmissionsAndPollsLoseNothing) {
  TestServer server;
  server.server().Get("/page", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("<p>The ferry leaves the island at seven every morning.</p>", "text/html");
  });
  server.Start();
  DaemonEnv env(R"({"fetch": {"retries": 0, "per_host_interval_ms": 0, "per_host_concurrency": 8}})");
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  const char* seconds_env = std::getenv("CITECHECK_LOAD_SECONDS");
  const int seconds = seconds_env != nullptr ? std::max(1, std::atoi(seconds_env)) : 10;
  const std::string article = "# Ferry\n\nThey said \"the ferry leaves the island at seven\" [1].\n\n"
                              "## References\n\n[1] " + server.Url("/page") + "\n";

  std::atomic<int64_t> requests{0};
  std::atomic<int64_t> errors{0};
  std::mutex mu;
  std::set<int64_t> jobs;
  std::vector<std::string> failures;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      auto client = env.Client();
      // Half the clients keep their connection, half connect per request.
      client.set_keep_alive(c % 2 == 0);
      client.set_tcp_nodelay(true);
      int round = 0;
      auto fail = [&](const std::string& what) {
        ++errors;
        std::lock_guard<std::mutex> lock(mu);
        if (failures.size() < 10) failures.push_back(what);
      };
      while (std::chrono::steady_clock::now() < deadline) {
        // Each client cycles through a few names of its own: new articles
        // and re-posts of queued ones both happen.
        const std::string name = "load-" + std::to_string(c) + "-" + std::to_string(round++ % 3) + ".md";
        auto res = client.Post("/v1/articles?name=" + name, article, "text/markdown");
        ++requests;
        if (!res || res->status != 202) {
          fail("POST " + name + ": " + (res ? std::to_string(res->status) + " " + res->body : "no response: " + httplib::to_string(res.error())));
          continue;
        }
        const int64_t job = Json(res)["job"].get<int64_t>();
        {
          std::lock_guard<std::mutex> lock(mu);
          jobs.insert(job);
        }
        for (int poll = 0; poll < 3; ++poll) {
          auto status = client.Get("/v1/jobs/" + std::to_string(job));
          ++requests;
          if (!status || status->status != 200) {
            fail("GET job " + std::to_string(job) + ": " + (status ? std::to_string(status->status) : "no response: " + httplib::to_string(status.error())));
          }
        }
      }
    });
  }
  for (auto& t : clients) t.join();
  const double rate = static_cast<double>(requests) / seconds;
  std::printf("[ load     ] %d clients, %d s: %lld requests, %.0f requests/s, %zu distinct jobs, %lld errors\n",
              kClients, seconds, static_cast<long long>(requests.load()), rate, jobs.size(),
              static_cast<long long>(errors.load()));
  EXPECT_EQ(errors, 0) << (failures.empty() ? "" : failures.front());
  ASSERT_FALSE(jobs.empty());

  // No lost job: every job handed out reaches done.
  for (int64_t job : jobs) {
    auto state = env.WaitForJob(job, std::chrono::seconds(120));
    ASSERT_EQ(state["state"], "done") << "job " << job << ": " << state.dump();
  }
  auto metrics = env.Client().Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("citecheck_queue_depth 0"), std::string::npos);
  env.daemon().Signal(SIGTERM);
  EXPECT_EQ(env.daemon().Wait(), 0) << env.daemon().Log().substr(0, 2000);
}

}  // namespace
}  // namespace citecheck::testing
