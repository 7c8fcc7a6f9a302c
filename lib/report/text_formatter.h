// The human-readable report (docs/reports.md "text", `--format text`): per article a
// header, its diagnostics, an aligned citations table, the quotes with their
// verdicts, and a summary line. Every string that came from an article or a
// page goes through SanitizeForTerminal, so it cannot inject escape sequences.
#ifndef CITECHECK_REPORT_TEXT_FORMATTER_H_
#define CITECHECK_REPORT_TEXT_FORMATTER_H_

#include "report/report.h"

namespace citecheck {

class TextFormatter : public Formatter {
 public:
  explicit TextFormatter(const ReportOptions& options) : options_(options) {}
  std::unique_ptr<ReportStream> Start(const RunRecord& run) const override;

  // Longest quote and evidence snippet shown, in code points; longer ones
  // are shortened in the middle.
  static constexpr size_t kMaxQuoteWidth = 100;
  static constexpr size_t kMaxSnippetWidth = 120;

 private:
  ReportOptions options_;
};

}  // namespace citecheck

#endif  // CITECHECK_REPORT_TEXT_FORMATTER_H_
