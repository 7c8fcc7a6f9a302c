#include "daemon/metrics.h"

#include <set>
#include <sstream>

#include "report/summary.h"

namespace citecheck {
namespace {

void Counter(std::ostringstream& out, const std::string& name, const std::string& help, const std::string& label,
             const std::map<std::string, int64_t>& values) {
  out << "# HELP " << name << " " << help << "\n# TYPE " << name << " counter\n";
  for (const auto& [key, count] : values) out << name << "{" << label << "=\"" << key << "\"} " << count << "\n";
}

}  // namespace

void Metrics::RecordRun(const RunRecord& run, double seconds, int unchanged_pages) {
  std::lock_guard<std::mutex> lock(mu_);
  ++runs_[std::string(ToString(run.state))];
  run_seconds_sum_ += seconds;
  ++run_seconds_count_;
  unchanged_pages_ += unchanged_pages;
  // A run fetches each distinct URL once, however many articles cite it.
  std::set<std::string> urls;
  for (const ArticleRecord& article : run.articles) {
    for (const CitationRecord& c : article.citations) {
      if (c.citation.normalized_url.empty() || urls.insert(c.citation.normalized_url).second) {
        ++fetches_[std::string(ToString(c.link_status))];
      }
    }
    for (const QuoteRecord& q : article.quotes) ++quotes_[std::string(QuoteStatusName(q))];
  }
}

void Metrics::RecordJob(JobState state) {
  std::lock_guard<std::mutex> lock(mu_);
  ++jobs_[std::string(ToString(state))];
}

void Metrics::RecordRequest(int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[status];
  request_seconds_sum_ += seconds;
  ++request_seconds_count_;
}

std::string Metrics::Render(int64_t jobs_queued, int64_t jobs_running) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::ostringstream out;
  Counter(out, "citecheck_runs_total", "Runs finished by the daemon, by final state.", "state", runs_);
  Counter(out, "citecheck_fetches_total", "Citation links checked, by link status.", "status", fetches_);
  Counter(out, "citecheck_quotes_total", "Quotes checked, by verdict.", "verdict", quotes_);
  Counter(out, "citecheck_jobs_total", "Jobs finished, by state (queued: stopped by shutdown).", "state", jobs_);
  out << "# HELP citecheck_http_requests_total API requests, by status code.\n"
      << "# TYPE citecheck_http_requests_total counter\n";
  for (const auto& [code, count] : requests_) {
    out << "citecheck_http_requests_total{code=\"" << code << "\"} " << count << "\n";
  }
  out << "# HELP citecheck_queue_depth Jobs waiting in the queue.\n# TYPE citecheck_queue_depth gauge\n"
      << "citecheck_queue_depth " << jobs_queued << "\n"
      << "# HELP citecheck_jobs_running Jobs being run.\n# TYPE citecheck_jobs_running gauge\n"
      << "citecheck_jobs_running " << jobs_running << "\n"
      << "# HELP citecheck_pages_unchanged_total Fetched pages whose stored text was reused (a 304, or the "
         "same body again) instead of extracted.\n# TYPE citecheck_pages_unchanged_total counter\n"
      << "citecheck_pages_unchanged_total " << unchanged_pages_ << "\n"
      << "# HELP citecheck_run_duration_seconds Duration of runs.\n# TYPE citecheck_run_duration_seconds summary\n"
      << "citecheck_run_duration_seconds_sum " << run_seconds_sum_ << "\n"
      << "citecheck_run_duration_seconds_count " << run_seconds_count_ << "\n"
      << "# HELP citecheck_http_request_duration_seconds Duration of API requests.\n"
      << "# TYPE citecheck_http_request_duration_seconds summary\n"
      << "citecheck_http_request_duration_seconds_sum " << request_seconds_sum_ << "\n"
      << "citecheck_http_request_duration_seconds_count " << request_seconds_count_ << "\n";
  return out.str();
}

std::string RenderReviewGauge(int64_t accepted, int64_t rejected, int64_t stale) {
  std::ostringstream out;
  out << "# HELP citecheck_reviews Reviews in force, by state (stale: accepted, but the quote or page changed since).\n"
      << "# TYPE citecheck_reviews gauge\n"
      << "citecheck_reviews{state=\"accepted\"} " << accepted << "\n"
      << "citecheck_reviews{state=\"rejected\"} " << rejected << "\n"
      << "citecheck_reviews{state=\"stale\"} " << stale << "\n";
  return out.str();
}

}  // namespace citecheck
