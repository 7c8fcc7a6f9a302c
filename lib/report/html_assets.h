// The style sheet and the filter script inlined into every HTML report, so
// the report is one self-contained file that requests nothing.
#ifndef CITECHECK_REPORT_HTML_ASSETS_H_
#define CITECHECK_REPORT_HTML_ASSETS_H_

#include <string_view>

namespace citecheck {

// Screen (phone to wide), and print: entries unfiltered, no buttons.
extern const std::string_view kReportCss;
// Status filters: adds class "js" to <html> (which reveals the filter
// buttons) and toggles class "hidden" on entries. Without it every entry is
// visible. The report's Content-Security-Policy allows exactly this script
// by its SHA-256 hash.
extern const std::string_view kReportScript;

}  // namespace citecheck

#endif  // CITECHECK_REPORT_HTML_ASSETS_H_
