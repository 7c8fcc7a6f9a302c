// The stable JSON report (docs/report-json.md, schema "citecheck.report/1").
// Fields beyond the first version of the schema: per article "diagnostics"; per citation "line";
// per quote "evidence.length", "evidence.matched" and "evidence.differences"
// ([{"article": word, "page": word}]); summary "pending" (quotes without a
// verdict yet, whose status is "pending"); top-level "run" (id, trigger,
// started_at, finished_at, state).
#ifndef CITECHECK_REPORT_JSON_FORMATTER_H_
#define CITECHECK_REPORT_JSON_FORMATTER_H_

#include "report/report.h"

namespace citecheck {

class JsonFormatter : public Formatter {
 public:
  // Pretty-printed with a 2-space indent and a final newline. Never throws on
  // invalid UTF-8 in stored strings: such bytes become U+FFFD.
  std::unique_ptr<ReportStream> Start(const RunRecord& run) const override;
};

}  // namespace citecheck

#endif  // CITECHECK_REPORT_JSON_FORMATTER_H_
