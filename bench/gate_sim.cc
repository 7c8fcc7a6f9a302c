// The cost of politeness shared through the database (docs/scale-out.md
// "Politeness"), without the network: WORKERS threads, each with its own
// store connection as each daemon has, start and finish TASKS fake requests
// spread over HOSTS hosts (per host 2 at once, no interval, no transfer
// time), so the figure is the gate's own cycle: one TryStartHost and one
// FinishHost per URL. The baseline, measured in the same run, is a daemon
// alone on its database, which asks only its in-memory HostTable.
//   gate_sim DB [WORKERS=3] [TASKS=100000] [HOSTS=10000]
// DB: a SQLite path or a postgresql:// URL (an empty database).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "fetch/host_table.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace citecheck;

constexpr int kPerHost = 2;

std::string HostName(int h) { return "host-" + std::to_string(h) + ".example"; }

// Runs `cycle(worker, host)` for every task, handing workers tasks host by
// host in turn, as the fetcher's batches spread URLs over hosts; a refused
// start is retried on the next host. Returns the seconds taken.
template <typename Cycle>
double RunTasks(int workers, int tasks, int hosts, Cycle cycle) {
  std::atomic<int> next{0};
  std::vector<std::thread> threads;
  const Clock::time_point begin = Clock::now();
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      for (int task = next++; task < tasks; task = next++) {
        int host = task % hosts;
        while (!cycle(w, host)) host = (host + 1) % hosts;
      }
    });
  }
  for (auto& t : threads) t.join();
  return std::chrono::duration<double>(Clock::now() - begin).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gate_sim DB [WORKERS=3] [TASKS=100000] [HOSTS=10000]\n");
    return 2;
  }
  const std::string db = argv[1];
  const int workers = argc > 2 ? std::atoi(argv[2]) : 3;
  const int tasks = argc > 3 ? std::atoi(argv[3]) : 100000;
  const int hosts = argc > 4 ? std::atoi(argv[4]) : 10000;
  if (workers < 1 || tasks < 1 || hosts < 1) {
    std::fprintf(stderr, "gate_sim: WORKERS, TASKS and HOSTS must be positive\n");
    return 2;
  }
  std::vector<std::string> names;
  for (int h = 0; h < hosts; ++h) names.push_back(HostName(h));

  // Baseline: one daemon's own table, shared by its threads.
  HostTable local;
  const double alone = RunTasks(workers, tasks, hosts, [&](int, int host) {
    if (!local.TryStart(names[host], kPerHost, std::chrono::milliseconds(0), SteadyClock::now())) return false;
    local.Finished(names[host]);
    return true;
  });

  std::vector<std::unique_ptr<Store>> stores;
  try {
    for (int w = 0; w < workers; ++w) stores.push_back(Store::Open(db));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gate_sim: %s\n", e.what());
    return 1;
  }
  std::atomic<long> refused{0};
  const double shared = RunTasks(workers, tasks, hosts, [&](int w, int host) {
    const JobLease lease{"sim-" + std::to_string(w), 60};
    const HostStart start = stores[w]->TryStartHost(names[host], kPerHost, 0, lease);
    if (!start.started) {
      ++refused;
      return false;
    }
    stores[w]->FinishHost(start.slot);
    return true;
  });
  std::printf("[ gate ] %d workers, %d URLs over %d hosts on %s\n", workers, tasks, hosts,
              db.rfind("postgres", 0) == 0 ? "PostgreSQL" : "SQLite");
  std::printf("[ gate ] alone (in-memory table): %.0f starts/s, %.2f us a URL\n", tasks / alone, alone * 1e6 / tasks);
  std::printf("[ gate ] shared (database):       %.0f starts/s, %.1f us a URL, %ld refused starts retried\n",
              tasks / shared, shared * 1e6 / tasks, refused.load());
  std::printf("[ gate ] shared / alone: %.1fx the time a URL\n", shared / alone);
  return 0;
}
