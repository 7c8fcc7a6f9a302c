// The HTML report (docs/reports.md "html", `--format html`): one self-contained page
// a reviewer opens in a browser, on a phone or a wide screen, or prints.
//
// Layout, per article: source, title and check time; a summary bar with the
// counts per quote status and the link counts; status filters (an inline
// script; without JavaScript every entry stays visible and the buttons are
// hidden); one entry per quotation in article order (the quote with its
// line:column, a coloured verdict badge, the cited links with their status,
// the page's snippet with the match in <mark class="match"> and, for a
// near_match, the differing words in <mark class="diff"> on both sides, the
// reason); then every link with its status and, for a problem, the reason.
//
// Safety: every string from an article or a page is HTML-escaped
// (report/escape.h), so markup in it renders as text; only http(s) URLs
// become links, each with rel="noopener noreferrer"; a Content-Security-
// Policy meta tag forbids every external request and every script but the
// report's own (allowed by its SHA-256 hash), so even an escaping bug could
// neither load nor run anything.
#ifndef CITECHECK_REPORT_HTML_FORMATTER_H_
#define CITECHECK_REPORT_HTML_FORMATTER_H_

#include <functional>
#include <string>

#include "report/report.h"

namespace citecheck {

class HtmlFormatter : public Formatter {
 public:
  std::unique_ptr<ReportStream> Start(const RunRecord& run) const override;
};

// Markup placed at the end of each quote entry and each link's row, given
// the item's key (the web interface's review form); "" for none.
using ItemControls = std::function<std::string(const std::string& key)>;

// The report's article sections alone (no <html>, <head> or script), with
// `controls` after every item that has a key: the web interface wraps them
// in its own page, so both show the same report.
std::string RenderHtmlArticles(const RunRecord& run, const ItemControls& controls);

// "sha256-..." of the report's filter script, for a CSP that allows it.
std::string ReportScriptHash();

// The Content-Security-Policy the report carries (exposed for tests).
std::string ReportContentSecurityPolicy();

}  // namespace citecheck

#endif  // CITECHECK_REPORT_HTML_FORMATTER_H_
