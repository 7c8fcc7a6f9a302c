#include "report/reference_note.h"

#include "core/ascii.h"

namespace citecheck {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool HasReferenceFields(const Citation& c) {
  return c.no_url || !c.name.empty() || !c.group.empty() || !c.ref_title.empty() || !c.access_date.empty() ||
         !c.url_status.empty() || !c.archive_url.empty();
}

}  // namespace

bool IsMediaWikiArticle(const ArticleRecord& article) {
  const std::string lower = AsciiLower(article.source);
  for (const char* ext : {".wiki", ".wikitext", ".mediawiki"}) {
    if (EndsWith(lower, ext)) return true;
  }
  for (const CitationRecord& c : article.citations) {
    if (HasReferenceFields(c.citation)) return true;
  }
  return false;
}

std::string ReferenceNote(const Citation& c, bool mediawiki) {
  if (!mediawiki && !HasReferenceFields(c)) return "";
  std::string note = "<ref";
  if (!c.name.empty()) note += " name=\"" + c.name + "\"";
  if (!c.group.empty()) note += " group=\"" + c.group + "\"";
  note += ">";
  if (c.line > 0) note += " line " + std::to_string(c.line);
  return note;
}

std::string MissingUrlLabel(const Citation& c) {
  return c.no_url ? "(no online source)" : "(no reference entry)";
}

std::string QuoteOriginNote(const Quote& q) {
  if (q.origin != QuoteOrigin::kRef || q.citation_ids.empty()) return "";
  return "from quote= of [" + q.citation_ids[0] + "]";
}

std::string PaywallNote(const CitationRecord& citation) {
  return citation.paywalled ? "paywalled page" : "";
}

}  // namespace citecheck
