// One check run: articles in, everything stored (STYLE.md: check/ wires the
// stages). Fetching, extraction+matching and storing run on separate threads
// so that parsing never stalls the transfer loop:
//
//   fetch loop thread ──FetchResult──► parse workers ──PageDone──► caller's thread ─► Store
#ifndef CITECHECK_CHECK_PIPELINE_H_
#define CITECHECK_CHECK_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "check/article_input.h"
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

// Fetches article URLs (http/https sources) through `fetcher`; an article
// whose link is not ok becomes an input error naming the URL and status.
std::vector<ArticleInput> FetchArticleInputs(const std::vector<std::string>& urls, Fetcher& fetcher);

}  // namespace citecheck

#endif  // CITECHECK_CHECK_PIPELINE_H_
