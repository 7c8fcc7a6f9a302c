// The JSON "summary" object of an article (docs/reports.md "Summary counts"), built in one
// place for the JSON report and the daemon's article list so they agree.
#ifndef CITECHECK_REPORT_SUMMARY_JSON_H_
#define CITECHECK_REPORT_SUMMARY_JSON_H_

#include <nlohmann/json.hpp>

#include "report/summary.h"

namespace citecheck {

// {"citations", "links_ok", "links_broken", "links_by_status", "quotes",
// "verified", "near_match", "not_found", "unverifiable", "skipped",
// "uncited", "pending"}, in that order.
nlohmann::ordered_json SummaryJson(const ArticleSummary& summary);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_SUMMARY_JSON_H_
