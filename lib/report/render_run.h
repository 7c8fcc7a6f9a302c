// "Load a stored run, attach its history, render it in format F": the one
// call behind `citecheck check`, `run` and `report` and the daemon's
// GET /v1/articles/ID/report, so all of them show the same report.
#ifndef CITECHECK_REPORT_RENDER_RUN_H_
#define CITECHECK_REPORT_RENDER_RUN_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "report/report.h"
#include "store/records.h"
#include "store/store.h"

namespace citecheck {

struct RenderRequest {
  int64_t run_id = 0;      // 0: the latest run (of `article_id` when set)
  int64_t article_id = 0;  // 0: every article of the run; else only this one
  std::string format = "text";  // a name of kReportFormats
  ReportOptions options;
  // `report --changes`: only what changed, as "text" or "json"; with neither
  // run_id nor article_id, the latest run of every registered article.
  bool changes_only = false;
};

struct RenderedRun {
  enum class Outcome { kOk, kUnknownFormat, kNoRun };
  Outcome outcome = Outcome::kOk;
  std::string error;  // when not kOk, a message for the user
  RunRecord run;      // the run as rendered, its changes attached
  std::string text;   // the report
  int exit_code = 0;  // ExitCodeFor(run)
};

// Loads the run the request names, attaches what changed since each
// article's previous run, and renders it. Throws StoreError when the
// database fails.
RenderedRun RenderStoredRun(Store& store, const RenderRequest& request);

// RenderStoredRun written to `out`. A whole run is read, given its changes
// and reviews, and rendered one article at a time, so a nightly run of
// 10,000 articles never sits in memory whole: the articles' part waits in a
// temporary file until the head, which may count them, is known. The same
// bytes as RenderStoredRun. `text` and `run` of the result stay empty.
// Throws StoreError when the database fails; a failed write sets
// `out`'s failbit.
RenderedRun StreamStoredRun(Store& store, const RenderRequest& request, std::ostream& out);

// The HTTP Content-Type of a report format.
const char* ReportContentType(const std::string& format);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_RENDER_RUN_H_
