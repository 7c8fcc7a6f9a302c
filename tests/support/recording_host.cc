#include "support/recording_host.h"

#include <algorithm>

namespace citecheck::testing {

using Clock = std::chrono::steady_clock;

RecordingHost::RecordingHost(const std::string& address) : server_(address) {
  server_.server().new_task_queue = [] { return new httplib::ThreadPool(16); };
  server_.server().Get(R"(/p/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
    const Clock::time_point now = Clock::now();
    const int page = std::stoi(req.matches[1].str());
    {
      std::lock_guard<std::mutex> lock(mu_);
      starts_.push_back(Arrival{now, ports_.insert(req.remote_port).second, page});
      max_in_flight_ = std::max(max_in_flight_, ++in_flight_);
    }
    res.set_content("<p>" + Sentence(page) + "</p>", "text/html");
    std::lock_guard<std::mutex> lock(mu_);
    --in_flight_;
  });
  server_.Start();
}

std::string RecordingHost::Url(int page) const { return server_.Url("/p/" + std::to_string(page)); }

std::string RecordingHost::Sentence(int page) { return "Page " + std::to_string(page) + " of the archive."; }

std::vector<Arrival> RecordingHost::Starts() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<Arrival> sorted = starts_;
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

int RecordingHost::max_in_flight() {
  std::lock_guard<std::mutex> lock(mu_);
  return max_in_flight_;
}

std::string FirstIntervalBreak(const std::vector<Arrival>& starts, int interval_ms, int jitter_ms, size_t window) {
  for (size_t i = 1; i < starts.size(); ++i) {
    for (size_t k = 1; k <= std::min(i, window); ++k) {
      if (starts[i - k].new_connection) continue;
      const auto span =
          std::chrono::duration_cast<std::chrono::milliseconds>(starts[i].at - starts[i - k].at).count();
      if (span < static_cast<int64_t>(k) * interval_ms - jitter_ms) {
        return "requests " + std::to_string(i - k) + " to " + std::to_string(i) + " of " +
               std::to_string(starts.size()) + " span " + std::to_string(span) + " ms, under " + std::to_string(k) +
               " x " + std::to_string(interval_ms) + " - " + std::to_string(jitter_ms) + " ms";
      }
    }
  }
  return "";
}

}  // namespace citecheck::testing
