// The daemon's worker: takes jobs from the SQLite queue one at a time (so
// never two jobs of one article at once) and runs each as one run. A job
// whose run was interrupted (shutdown, crash) resumes that run. A job still
// running after daemon.job_timeout_s is stopped at its next batch of URLs and
// fails ("job exceeded daemon.job_timeout_s (N s)"); the next job follows.
// Every job's fetcher shares the worker's HostTable, so each host's interval,
// concurrency and Retry-After pause hold across jobs (docs/fetching.md).
// Jobs are claimed under the Membership's lease: a job whose lease another
// worker took over stops like a timed-out one, and its end is not written.
#ifndef CITECHECK_DAEMON_WORKER_H_
#define CITECHECK_DAEMON_WORKER_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>

#include "daemon/membership.h"
#include "daemon/metrics.h"
#include "daemon/shared_state.h"
#include "fetch/host_table.h"

namespace citecheck {

class Worker {
 public:
  // `stop` ends the loop and interrupts the run in progress at its next
  // batch of URLs.
  // `membership` must outlive the worker; it is only asked for the lease.
  // `gate`: the politeness shared with the other workers on the database
  // (null for a daemon alone on it). With a gate, runs are shared: each
  // run's URLs are queued for every worker, and an idle worker fetches
  // those of the others' runs (docs/scale-out.md "Shared runs").
  Worker(SharedConfig& config, Metrics& metrics, const std::atomic<bool>& stop, const Membership& membership,
         std::shared_ptr<HostGate> gate)
      : config_(config), metrics_(metrics), stop_(stop), membership_(membership), share_runs_(gate != nullptr),
        hosts_(std::make_shared<HostTable>(std::move(gate))) {}

  // Loops until stop; call on its own thread. Store failures are logged and
  // retried after a pause.
  void Run();
  // A job was queued: look now rather than at the next poll.
  void Wake();

  // The job and run in progress (0 when idle), for a shutdown that cannot
  // wait any longer, and the claim, for the heartbeat.
  int64_t current_job() const { return current_claim().job; }
  int64_t current_run() const { return current_run_; }
  CurrentClaim current_claim() const {
    std::lock_guard<std::mutex> lock(claim_mu_);
    return claim_;
  }

 private:
  void Execute(Store& store, const Job& job);
  // Fetches one batch of another worker's shared run; false when none had
  // URLs to claim.
  bool Help(Store& store);
  void WaitForWork();
  // After the job the schedule queued, when it is done: store.keep_runs.
  void PruneAfterSchedule(Store& store, const Job& job, JobState state, int keep_runs);
  // FinishJob under this worker's lease (the job is no longer current
  // first, so that no heartbeat takes its end for a loss); logs a lease
  // taken over.
  bool Finish(Store& store, int64_t job, JobState state, const std::string& error);
  // The claim of `job` becomes current; its serial.
  uint64_t BeginClaim(int64_t job);

  SharedConfig& config_;
  Metrics& metrics_;
  const std::atomic<bool>& stop_;
  const Membership& membership_;
  const bool share_runs_;
  // The politeness state of every host this daemon fetched from.
  std::shared_ptr<HostTable> hosts_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool woken_ = false;
  mutable std::mutex claim_mu_;
  CurrentClaim claim_;
  std::atomic<int64_t> current_run_{0};
};

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_WORKER_H_
