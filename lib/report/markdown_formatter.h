// The Markdown report (`--format markdown`), fit for a pull-request comment
// (GitHub-flavoured Markdown): per article a heading, one summary line, a
// table of the problems only (quotes not_found / near_match, links that are
// not ok), then a collapsed <details> with everything else. Text from an
// article or a page is escaped with MarkdownEscape (no HTML, no table
// breaking, no @mentions); only http(s) URLs become links.
#ifndef CITECHECK_REPORT_MARKDOWN_FORMATTER_H_
#define CITECHECK_REPORT_MARKDOWN_FORMATTER_H_

#include "report/report.h"

namespace citecheck {

class MarkdownFormatter : public Formatter {
 public:
  std::unique_ptr<ReportStream> Start(const RunRecord& run) const override;

  // Longest quote shown in a table cell, in code points (middle shortened).
  static constexpr size_t kMaxQuoteWidth = 120;
};

}  // namespace citecheck

#endif  // CITECHECK_REPORT_MARKDOWN_FORMATTER_H_
