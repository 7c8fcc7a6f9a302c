#include "report/markdown_formatter.h"

#include <cstdio>
#include <sstream>

#include "report/archive_suggestion.h"
#include "report/changes_section.h"
#include "report/escape.h"
#include "report/reference_note.h"
#include "report/review_label.h"
#include "report/summary.h"
#include "report/terminal_text.h"

namespace citecheck {
namespace {

std::string Md(std::string_view text) { return MarkdownEscape(text); }

// Characters that would end or break a Markdown link destination.
std::string EncodeDestination(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  static constexpr std::string_view kEncoded = "()<>|\"'`\\ []";
  std::string out;
  for (unsigned char c : url) {
    if (kEncoded.find(static_cast<char>(c)) != std::string_view::npos) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string Link(const std::string& url, const char* missing = "(no reference entry)") {
  if (url.empty()) return missing;
  if (!IsWebUrl(url)) return Md(url);
  return "[" + Md(url) + "](" + EncodeDestination(url) + ")";
}

std::string QuoteCell(const QuoteRecord& q) {
  std::string cell = "“" + Md(ShortenMiddle(q.quote.text, MarkdownFormatter::kMaxQuoteWidth)) + "”";
  if (!q.quote.citation_ids.empty()) {
    std::string ids;
    for (const std::string& id : q.quote.citation_ids) ids += (ids.empty() ? "" : ", ") + Md(id);
    cell += " \\[" + ids + "\\]";
  }
  const std::string origin = QuoteOriginNote(q.quote);
  if (!origin.empty()) cell += " (" + Md(origin) + ")";
  return cell;
}

std::string QuoteDetail(const QuoteRecord& q) {
  if (!q.decided) return "";
  const Verdict& v = q.verdict;
  std::string detail;
  if (v.status == QuoteStatus::kNearMatch && v.evidence) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", v.score);
    detail = std::string("score ") + score;
    for (const auto& [article, page] : v.evidence->differences) {
      detail += "; article **" + (article.empty() ? "(none)" : Md(article)) + "** → page **" +
                (page.empty() ? "(none)" : Md(page)) + "**";
    }
  } else if (v.evidence) {
    const std::string on_page = v.evidence->page > 0 ? " (PDF page " + std::to_string(v.evidence->page) + ")" : "";
    detail = "page \\[" + Md(v.evidence->citation_id) + "\\]" + on_page + ": “" + Md(v.evidence->matched) + "”";
  }
  if (!v.reason.empty()) detail += (detail.empty() ? "" : "; ") + Md(v.reason);
  return detail;
}

// The verdict with the review's state beside it ("near_match, accepted").
std::string StatusCell(std::string_view status, const std::optional<ReviewMark>& review) {
  std::string cell(status);
  if (review) cell += ", " + std::string(ToString(review->state));
  return cell;
}

// The key and the review, appended to the detail cell (docs/review.md).
std::string KeyAndReview(std::string detail, const std::string& key, const std::optional<ReviewMark>& review) {
  if (!key.empty()) detail += (detail.empty() ? "" : " · ") + std::string("key `") + key + "`";
  if (review) detail += " · review: " + Md(ReviewLabel(review));
  return detail;
}

std::string QuoteRow(const QuoteRecord& q) {
  return "| " + StatusCell(QuoteStatusName(q), q.review) + " | line " + std::to_string(q.quote.line) + ":" +
         std::to_string(q.quote.column) + " | " + QuoteCell(q) + " | " + KeyAndReview(QuoteDetail(q), q.key, q.review) +
         " |\n";
}

// The archived copy in a link's detail: the repair to make when it was
// found by lookup (report/archive_suggestion.h), else the copy or its error.
std::string ArchiveNote(const ArticleRecord& a, const CitationRecord& c, bool mediawiki) {
  if (!c.archive) return "";
  if (std::optional<ArchiveSuggestion> s = SuggestArchive(a, c, mediawiki)) {
    return "<br>archived copy: " + Md(SuggestionLine(*s));
  }
  if (c.archive->url) return "<br>archived copy: " + Md(*c.archive->url);
  return c.archive->error.empty() ? "" : "<br>archived copy: " + Md(c.archive->error);
}

std::string LinkRow(const ArticleRecord& a, const CitationRecord& c, bool mediawiki) {
  std::string detail = Md(LinkDetail(c));
  const std::string note = ReferenceNote(c.citation, mediawiki);
  if (!note.empty()) detail += (detail.empty() ? "" : "; ") + Md(note);
  if (c.paywalled) detail += (detail.empty() ? "" : "; ") + PaywallNote(c);
  detail += ArchiveNote(a, c, mediawiki);
  detail = KeyAndReview(detail, c.key, c.review);
  return "| " + StatusCell(ToString(c.link_status), c.review) + " | \\[" + Md(c.citation.id) + "\\] | " +
         Link(c.citation.url, c.citation.no_url ? "(no online source)" : "(no reference entry)") + " | " + detail +
         " |\n";
}

constexpr const char* kTableHead = "| status | where | what | detail |\n|---|---|---|---|\n";

std::string SummaryLine(const ArticleSummary& s, int problems) {
  std::ostringstream line;
  if (problems > 0) {
    line << "❌ **" << problems << (problems == 1 ? " problem" : " problems") << "**";
  } else {
    line << "✅ **no problems**";
  }
  line << " · " << s.citations << " links: " << s.links_ok << " ok, " << s.links_broken << " not ok · "
       << s.quotes << " quotes: " << s.verified << " verified, " << s.near_match << " near_match, "
       << s.not_found << " not_found, " << s.unverifiable << " unverifiable, " << s.skipped << " skipped, "
       << s.uncited << " uncited";
  if (s.pending > 0) line << ", " << s.pending << " pending";
  return line.str();
}

void WriteDiagnostics(const ArticleRecord& a, std::ostringstream& out) {
  for (const Diagnostic& d : a.diagnostics) {
    const bool error = d.severity == Diagnostic::Severity::kError;
    out << "> **" << (error ? "error" : "warning") << "** " << Md(d.file)
        << (d.line > 0 ? ":" + std::to_string(d.line) : "") << ": " << Md(d.message) << "\n\n";
  }
}

std::string LinkChangeItem(const LinkChange& l, const char* what) {
  return "- " + std::string(what) + ": \\[" + Md(l.citation_id) + "\\] " + Link(l.url) + " (" +
         std::string(ToString(l.before)) + " → " + std::string(ToString(l.after)) +
         (l.error.empty() ? "" : ": " + Md(l.error)) + ")\n";
}

std::string QuoteChangeItem(const QuoteChange& q, const char* what, bool now) {
  const std::string state(ToString(now ? q.after : q.before));
  return "- " + std::string(what) + ": line " + std::to_string(q.line) + " “" +
         Md(ShortenMiddle(q.text, MarkdownFormatter::kMaxQuoteWidth)) + "” (" + (now ? "now " : "was ") + state +
         (now && !q.reason.empty() ? ": " + Md(q.reason) : "") + ")\n";
}

// What changed since the previous run (ArticleRecord::changes, set when the
// caller attached history), as the text and HTML reports show it.
void WriteChanges(const ArticleRecord& a, std::ostringstream& out) {
  if (!a.changes || a.changes->previous_run_id == 0) return;
  const ArticleChanges& c = *a.changes;
  out << "**Since the previous run** (" << Md(c.previous_checked_at) << ")\n\n";
  if (!c.HasChanges() && c.broken_links.empty()) {
    out << "Nothing changed.\n\n";
    return;
  }
  for (const LinkChange& l : c.links_newly_broken) out << LinkChangeItem(l, "newly broken");
  for (const LinkChange& l : c.links_recovered) out << LinkChangeItem(l, "recovered");
  for (const QuoteChange& q : c.quotes_no_longer_verified) out << QuoteChangeItem(q, "no longer verified", true);
  for (const QuoteChange& q : c.quotes_newly_verified) out << QuoteChangeItem(q, "newly verified", false);
  for (const QuoteChange& q : c.quotes_moved_to_archive) {
    out << "- only in the archived copy: line " << q.line << " “"
        << Md(ShortenMiddle(q.text, MarkdownFormatter::kMaxQuoteWidth)) << "” (" << Md(MovedToArchiveText(q)) << ")\n";
  }
  for (const PageChange& p : c.pages_changed) {
    out << "- page text changed: \\[" << Md(p.citation_id) << "\\] " << Link(p.url) << "\n";
  }
  for (const StaleReview& r : c.stale_reviews) {
    out << "- review stale: `" << r.key << "` line " << r.line << " "
        << (r.kind == "quote" ? "“" + Md(ShortenMiddle(r.subject, MarkdownFormatter::kMaxQuoteWidth)) + "”" : Link(r.subject))
        << " (" << Md(StaleReviewText(r)) << ")\n";
  }
  for (const BrokenLink& b : c.broken_links) {
    out << "- " << ToString(b.status) << ": \\[" << Md(b.citation_id) << "\\] " << Link(b.url) << " since "
        << Md(b.since) << ", " << b.consecutive_runs << " consecutive run" << (b.consecutive_runs == 1 ? "" : "s")
        << "\n";
  }
  out << "\n";
}

void WriteArticle(const ArticleRecord& a, std::ostringstream& out) {
  const bool titled = a.title && !a.title->empty();
  out << "### citecheck: " << Md(titled ? *a.title : a.source) << "\n\n";
  out << (titled ? Md(a.source) + " · " : "") << "checked at " << Md(a.checked_at) << "\n\n";
  std::string problems, others;
  int problem_count = 0;
  int other_count = 0;
  for (const QuoteRecord& q : a.quotes) {
    const bool problem = IsQuoteProblem(q);
    (problem ? problems : others) += QuoteRow(q);
    ++(problem ? problem_count : other_count);
  }
  const bool mediawiki = IsMediaWikiArticle(a);
  for (const CitationRecord& c : a.citations) {
    const bool problem = IsCitationProblem(c);
    (problem ? problems : others) += LinkRow(a, c, mediawiki);
    ++(problem ? problem_count : other_count);
  }
  out << SummaryLine(Summarize(a), problem_count) << "\n\n";
  WriteDiagnostics(a, out);
  WriteChanges(a, out);
  if (!problems.empty()) out << kTableHead << problems << "\n";
  if (!others.empty()) {
    out << "<details><summary>Everything else (" << other_count << ")</summary>\n\n"
        << kTableHead << others << "\n</details>\n\n";
  }
}

class MarkdownStream : public ReportStream {
 public:
  void Add(const ArticleRecord& article, std::string* body) override {
    std::ostringstream out;
    WriteArticle(article, out);
    *body += out.str();
    ++added_;
  }
  std::string Head() const override { return ""; }
  std::string Tail() const override { return added_ == 0 ? "citecheck: no articles in this run.\n" : ""; }

 private:
  size_t added_ = 0;
};

}  // namespace

std::unique_ptr<ReportStream> MarkdownFormatter::Start(const RunRecord&) const {
  return std::make_unique<MarkdownStream>();
}

}  // namespace citecheck
