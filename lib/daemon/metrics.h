// Counters the daemon exposes at GET /metrics (Prometheus text format 0.0.4):
// runs, fetches by status, pages whose stored text was reused, quotes by
// verdict, jobs, HTTP requests, and durations. Thread-safe.
#ifndef CITECHECK_DAEMON_METRICS_H_
#define CITECHECK_DAEMON_METRICS_H_

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "store/records.h"

namespace citecheck {

class Metrics {
 public:
  // Counts a finished run of the daemon: its state, the link status of each
  // distinct URL it fetched, every quote's verdict, its duration, and the
  // pages whose stored text stood in for extraction.
  void RecordRun(const RunRecord& run, double seconds, int unchanged_pages);
  void RecordJob(JobState state);
  void RecordRequest(int status, double seconds);
  // The exposition text; queue gauges are read by the caller from the store.
  std::string Render(int64_t jobs_queued, int64_t jobs_running) const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, int64_t> runs_;
  std::map<std::string, int64_t> fetches_;
  std::map<std::string, int64_t> quotes_;
  std::map<std::string, int64_t> jobs_;
  std::map<int, int64_t> requests_;
  double run_seconds_sum_ = 0;
  int64_t run_seconds_count_ = 0;
  int64_t unchanged_pages_ = 0;
  double request_seconds_sum_ = 0;
  int64_t request_seconds_count_ = 0;
};

// The citecheck_reviews gauge: reviews in force by state (accepted,
// rejected, stale), every state shown, 0 when none.
std::string RenderReviewGauge(int64_t accepted, int64_t rejected, int64_t stale);

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_METRICS_H_
