// One check run: articles in, everything stored (STYLE.md: check/ wires the
// stages). Fetching, extraction+matching and storing run on separate threads
// so that parsing never stalls the transfer loop:
//
//   fetch loop thread ──FetchResult──► parse workers ──PageDone──► caller's thread ─► Store
#ifndef CITECHECK_CHECK_PIPELINE_H_
#define CITECHECK_CHECK_PIPELINE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "check/article_input.h"
#include "check/sources.h"  // FetchArticleInputs, ArticleFormatOf
#include "config/config.h"
#include "core/types.h"
#include "fetch/fetcher.h"
#include "store/store.h"

namespace citecheck {

struct Progress {
  int done = 0;    // distinct URLs finished
  int total = 0;   // distinct URLs to fetch
  int failed = 0;  // finished with a link status other than ok/excluded
};

struct CheckRun {
  int64_t run_id = 0;
  bool interrupted = false;  // stopped by RunControl::stop; the run is stored as interrupted
  int reused_fetches = 0;    // committed fetches a resumed run used instead of fetching
  // Pages whose stored text stood in for extraction: a 304, or a body that
  // hashes the same as the one the stored text came from.
  int unchanged_pages = 0;
  // Every diagnostic of every article (warnings and errors), in order.
  std::vector<Diagnostic> diagnostics;
  bool input_error = false;  // some article had an error diagnostic (exit 2)
};

// Reads, fetches, extracts, matches and stores `inputs` (already loaded) as
// one run with `trigger`. Each fetch result and verdict is committed as it
// completes. Articles with an error diagnostic (invalid UTF-8, empty, ...)
// are stored with it and not checked. `on_progress` (optional) is called on
// the caller's thread. Throws StoreError when the database fails.
CheckRun RunCheck(const std::vector<ArticleInput>& inputs, const Config& config, Store& store,
                  Fetcher& fetcher, const std::string& trigger,
                  const std::function<void(const Progress&)>& on_progress = nullptr);

// How a run is driven beyond its inputs: resuming and stopping.
struct RunControl {
  // Resume this run (an interrupted run or a crashed one) instead of
  // beginning a new one: the articles are read and saved again, URLs whose
  // fetch the run already committed are not fetched again (their stored
  // text decides the quotes), the rest are fetched. `check` never resumes.
  int64_t resume_run_id = 0;
  // When set and it becomes true, no further batch of URLs is started; the
  // transfers of the current batch finish, their results are committed, and
  // the run is stored as interrupted.
  const std::atomic<bool>* stop = nullptr;
  // URLs handed to the fetcher at once (0: 4 x fetch.concurrency, at least
  // 64). Bounds how long a stop waits for in-flight transfers.
  int batch_size = 0;
  // Called on the caller's thread with the run's id as soon as it is begun
  // (or reopened), before any fetch: lets a job queue remember which run to
  // resume after a crash.
  std::function<void(int64_t)> on_run_started;
  // Share the run's URLs with the other workers on the database
  // (docs/scale-out.md "Shared runs"): they are queued as tasks that any
  // worker may claim, and this run claims them too, under this lease; the
  // quotes are decided here, the fetches others committed read back. An
  // empty owner: the run fetches every URL itself. Needs `stop`.
  JobLease share;
};

CheckRun RunCheck(const std::vector<ArticleInput>& inputs, const Config& config, Store& store,
                  Fetcher& fetcher, const std::string& trigger,
                  const std::function<void(const Progress&)>& on_progress, const RunControl& control);

}  // namespace citecheck

#endif  // CITECHECK_CHECK_PIPELINE_H_
