// Rendering a stored run (docs/reports.md). Every format implements one small
// interface, as lychee's formatters do.
#ifndef CITECHECK_REPORT_REPORT_H_
#define CITECHECK_REPORT_REPORT_H_

#include <memory>
#include <string>

#include "store/records.h"

namespace citecheck {

struct ReportOptions {
  bool color = false;  // ANSI colours (text only); the caller decides (TTY and no NO_COLOR)
};

// One report built an article at a time, so a run of 10,000 articles is
// never held whole (report/render_run.h StreamStoredRun). Add() every
// article in the run's order, each appending its part of the report to
// `body`; then Head() and Tail(), which may depend on every article added
// (counts, a closing section), go before and after the body.
class ReportStream {
 public:
  virtual ~ReportStream() = default;
  virtual void Add(const ArticleRecord& article, std::string* body) = 0;
  virtual std::string Head() const = 0;
  virtual std::string Tail() const = 0;
};

class Formatter {
 public:
  virtual ~Formatter() = default;
  // A stream for the run `run` (its own fields; its articles are not read).
  virtual std::unique_ptr<ReportStream> Start(const RunRecord& run) const = 0;
  // The whole report of a run held in memory: the same bytes as streaming it.
  std::string Render(const RunRecord& run) const;
};

// The format names MakeFormatter knows, for help and error messages.
inline constexpr const char* kReportFormats = "text, json, markdown, html or junit";

// A name of kReportFormats; nullptr for an unknown format name. A quote without a
// stored verdict (decided=false, an interrupted run) is shown with status
// "pending" and counted in the summary's "quotes" and "pending" only.
std::unique_ptr<Formatter> MakeFormatter(const std::string& format, const ReportOptions& options);
// Whether `format` is a name of kReportFormats.
bool KnownFormat(const std::string& format);

// Exit code for a run (docs/exit-codes.md): 0 when every citation is ok or excluded and no
// quote is not_found or near_match, reviews applied (IsQuoteProblem, IsCitationProblem), else 1. (Input errors, 2, are the caller's.)
int ExitCodeFor(const RunRecord& run);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_REPORT_H_
