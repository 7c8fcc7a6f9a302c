// The JUnit XML report (`--format junit`), so CI systems show problems
// natively: one <testsuite> per article, one <testcase> per link and per
// quote. A link that is not ok or excluded, and a quote that is not_found or
// near_match, is a <failure> (exactly what makes `check` exit 1); excluded
// links and skipped, uncited, unverifiable and pending quotes are <skipped>
// with the reason; everything else passes. Every string is XML-escaped with
// characters XML 1.0 forbids replaced, so the document is always
// well-formed.
#ifndef CITECHECK_REPORT_JUNIT_FORMATTER_H_
#define CITECHECK_REPORT_JUNIT_FORMATTER_H_

#include "report/report.h"

namespace citecheck {

class JunitFormatter : public Formatter {
 public:
  std::unique_ptr<ReportStream> Start(const RunRecord& run) const override;

  // Longest quote used in a test case name, in code points.
  static constexpr size_t kMaxNameWidth = 80;
};

}  // namespace citecheck

#endif  // CITECHECK_REPORT_JUNIT_FORMATTER_H_
