// The threads of one run hand work along queues (fetch -> parse -> save). An
// exception that leaves a std::thread ends the process (std::terminate), so
// every stage runs guarded: the first exception of any stage is kept in a
// RunFailure, the other stages see it and wind down, and the run rethrows it
// once every thread is joined.
#ifndef CITECHECK_CHECK_STAGE_THREADS_H_
#define CITECHECK_CHECK_STAGE_THREADS_H_

#include <atomic>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "check/work_queue.h"

namespace citecheck {

// Fetched bodies allowed to wait for a parser: bounds memory when the
// network outruns parsing (at ~100 KB a page, a few MB).
constexpr size_t kMaxWaitingBodies = 64;

// Results written in one transaction at most: enough to amortize the commit,
// few enough that a crash loses little and other writers wait little.
constexpr size_t kMaxPagesPerCommit = 256;

// Thread-safe.
class RunFailure {
 public:
  // Keeps the first exception; later ones are consequences of it.
  void Record(std::exception_ptr error) {
    std::lock_guard<std::mutex> lock(mu_);
    if (!first_) first_ = std::move(error);
    failed_ = true;
  }
  bool failed() const { return failed_.load(); }
  void RethrowIfFailed() {
    std::lock_guard<std::mutex> lock(mu_);
    if (first_) std::rethrow_exception(first_);
  }

 private:
  std::mutex mu_;
  std::exception_ptr first_;
  std::atomic<bool> failed_{false};
};

// Runs `body`, recording what it throws instead of letting it escape.
template <typename Body>
void RunGuarded(RunFailure& failure, Body&& body) noexcept {
  try {
    body();
  } catch (...) {
    failure.Record(std::current_exception());
  }
}

// Starts `count` threads; each makes its own worker with `make_work()` (state
// of its own, such as a database connection), pops from `in`, pushes
// `work(item)` to `out`, and the last one to end closes `out`. After a failure (theirs or
// another stage's) they drain `in` without working, so its producer never
// waits on them. The caller joins the threads.
template <typename In, typename Out, typename MakeWork>
std::vector<std::thread> StartWorkers(unsigned count, WorkQueue<In>& in, WorkQueue<Out>& out,
                                      RunFailure& failure, MakeWork make_work) {
  auto running = std::make_shared<std::atomic<unsigned>>(count);
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < count; ++i) {
    threads.emplace_back([&in, &out, &failure, make_work, running] {
      RunGuarded(failure, [&] {
        auto work = make_work();
        while (std::optional<In> item = in.Pop()) {
          if (!failure.failed()) out.Push(work(std::move(*item)));
        }
      });
      if (failure.failed()) {
        while (in.Pop()) {
        }
      }
      if (--*running == 0) out.Close();
    });
  }
  return threads;
}

}  // namespace citecheck

#endif  // CITECHECK_CHECK_STAGE_THREADS_H_
