#include "report/summary_json.h"

namespace citecheck {

nlohmann::ordered_json SummaryJson(const ArticleSummary& s) {
  return {{"citations", s.citations},       {"links_ok", s.links_ok},
          {"links_broken", s.links_broken}, {"links_by_status", s.links_by_status},
          {"quotes", s.quotes},             {"verified", s.verified},
          {"near_match", s.near_match},     {"not_found", s.not_found},
          {"unverifiable", s.unverifiable}, {"skipped", s.skipped},
          {"uncited", s.uncited},           {"pending", s.pending}};
}

}  // namespace citecheck
