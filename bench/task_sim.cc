// The cost of sharing a run's URLs through the database (docs/scale-out.md
// "Shared runs"), without the network: one run's TASKS URLs over HOSTS
// hosts are queued as tasks, and WORKERS threads, each with its own store
// connection as each daemon has, claim them in batches of 64 and finish each
// one in the batch's transaction, as a worker commits its fetches. A fake
// fetcher stands for the network: each URL's latency is drawn from a
// log-normal distribution (median 250 ms, sigma 1, as measured for news
// pages, with a long tail), and a worker keeps fetch.concurrency (16) of them
// in flight, so the figure to compare is how many URLs a second the queue
// serves against how many the workers, paced by the network, ask for. The baseline, measured
// in the same run, is the same work on one SQLite file by one worker: the
// single daemon.
//   task_sim DB [WORKERS=3] [TASKS=100000] [HOSTS=10000] [BASELINE_SQLITE_PATH]
// DB: a SQLite path or a postgresql:// URL (an empty database).
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace citecheck;

constexpr int kClaim = 64;
constexpr int kConcurrency = 16;

struct Measured {
  double queue_s = 0;
  double claim_s = 0;  // claiming and finishing every task
  long batches = 0;
};

// Queues the run, then lets `workers` threads claim and finish all of it.
Measured Simulate(const std::string& db, int workers, const std::vector<std::string>& urls) {
  Measured m;
  std::unique_ptr<Store> store = Store::Open(db);
  const int64_t run = store->BeginRun("daemon");
  Clock::time_point begin = Clock::now();
  store->QueueUrlTasks(run, urls);
  m.queue_s = std::chrono::duration<double>(Clock::now() - begin).count();
  std::vector<std::unique_ptr<Store>> stores;
  for (int w = 0; w < workers; ++w) stores.push_back(Store::Open(db));
  std::atomic<long> batches{0};
  std::vector<std::thread> threads;
  begin = Clock::now();
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      Store& s = *stores[w];
      const JobLease lease{"sim-" + std::to_string(w), 60};
      for (;;) {
        const UrlTaskBatch batch = s.ClaimUrlTasks(run, kClaim, lease);
        if (batch.urls.empty()) return;
        Store::WriteBatch write(s);
        for (const std::string& url : batch.urls) s.FinishUrlTask(run, url, lease.owner);
        write.Commit();
        ++batches;
      }
    });
  }
  for (auto& t : threads) t.join();
  m.claim_s = std::chrono::duration<double>(Clock::now() - begin).count();
  m.batches = batches.load();
  if (store->CountPendingUrlTasks(run) != 0) {
    std::fprintf(stderr, "task_sim: tasks left undone\n");
    std::exit(1);
  }
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: task_sim DB [WORKERS=3] [TASKS=100000] [HOSTS=10000] [BASELINE_SQLITE_PATH]\n");
    return 2;
  }
  const std::string db = argv[1];
  const int workers = argc > 2 ? std::atoi(argv[2]) : 3;
  const int tasks = argc > 3 ? std::atoi(argv[3]) : 100000;
  const int hosts = argc > 4 ? std::atoi(argv[4]) : 10000;
  const std::string baseline = argc > 5 ? argv[5] : "";
  if (workers < 1 || tasks < 1 || hosts < 1) {
    std::fprintf(stderr, "task_sim: WORKERS, TASKS and HOSTS must be positive\n");
    return 2;
  }
  // In rounds over the hosts, as a run queues them.
  std::vector<std::string> urls;
  for (int i = 0; i < tasks; ++i) {
    urls.push_back("https://host-" + std::to_string(i % hosts) + ".example/page/" + std::to_string(i / hosts));
  }
  // The fake fetcher: what a URL costs a worker on the network.
  std::mt19937_64 random(7305432110202);
  std::lognormal_distribution<double> latency_s(std::log(0.25), 1.0);
  double total_latency_s = 0;
  for (int i = 0; i < tasks; ++i) total_latency_s += latency_s(random);
  const double fetch_s_per_url = total_latency_s / tasks / kConcurrency;  // per worker, with 16 in flight

  try {
    const Measured shared = Simulate(db, workers, urls);
    const double us_per_url = shared.claim_s * 1e6 / tasks;
    std::printf("[ tasks ] %d workers, %d URLs over %d hosts on %s\n", workers, tasks, hosts,
                db.rfind("postgres", 0) == 0 ? "PostgreSQL" : "SQLite");
    std::printf("[ tasks ] queued in %.1f s (%.0f URLs/s)\n", shared.queue_s, tasks / shared.queue_s);
    std::printf("[ tasks ] claimed and finished: %.0f URLs/s, %.0f claim+finish cycles/s of %d URLs, "
                "%.1f us a URL\n",
                tasks / shared.claim_s, shared.batches / shared.claim_s, kClaim, us_per_url);
    // What the workers ask of the queue when the network sets their pace.
    const double demand = workers / fetch_s_per_url;
    std::printf("[ tasks ] fake fetcher: %.1f ms a URL per worker (16 in flight, mean latency %.0f ms), so %d "
                "workers need %.0f URLs/s: %.1f%% of what the queue serves\n",
                fetch_s_per_url * 1e3, total_latency_s / tasks * 1e3, workers, demand,
                100.0 * demand * shared.claim_s / tasks);
    if (!baseline.empty()) {
      const Measured alone = Simulate(baseline, 1, urls);
      std::printf("[ tasks ] baseline, one worker on SQLite: %.0f URLs/s; %s / baseline: %.2fx the URLs a second\n",
                  tasks / alone.claim_s, db.rfind("postgres", 0) == 0 ? "PostgreSQL" : "SQLite",
                  alone.claim_s / shared.claim_s);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "task_sim: %s\n", e.what());
    return 1;
  }
  return 0;
}
