#include "report/html_formatter.h"

#include <openssl/evp.h>

#include <cstdio>
#include <map>
#include <sstream>

#include "core/utf8.h"
#include "report/changes_section.h"
#include "report/escape.h"
#include "report/highlight.h"
#include "report/html_assets.h"
#include "report/reference_note.h"
#include "report/review_label.h"
#include "report/text_fragment.h"
#include "report/summary.h"

namespace citecheck {
namespace {

// Quote statuses in the order the summary shows them.
constexpr const char* kQuoteStatuses[] = {"verified", "near_match", "not_found", "unverifiable",
                                          "skipped",  "uncited",    "pending"};

std::string E(std::string_view text) { return HtmlEscape(text); }


// A link to an http(s) URL; anything else is shown as text, never as href.
std::string LinkOrText(const std::string& url) {
  if (!IsWebUrl(url)) return "<span class=\"url\">" + E(url) + "</span>";
  return "<a href=\"" + E(url) + "\" rel=\"noopener noreferrer\">" + E(url) + "</a>";
}

std::string Marked(std::string_view text, const std::vector<std::string>& words) {
  std::string out;
  for (const Segment& s : MarkWords(text, words)) {
    out += s.marked ? "<mark class=\"diff\">" + E(s.text) + "</mark>" : E(s.text);
  }
  return out;
}

// The item's key and its review beside the verdict (docs/review.md);
// the web interface finds items by their data-key attribute.
std::string KeyAndReview(const std::string& key, const std::optional<ReviewMark>& review) {
  std::string out;
  if (review) {
    out += "<span class=\"review r-" + std::string(ToString(review->state)) + "\">" + E(ReviewLabel(review)) +
           "</span>";
  }
  if (!key.empty()) out += "<code class=\"key\" title=\"key for citecheck review\">" + E(key) + "</code>";
  return out;
}

std::string DataKey(const std::string& key) { return key.empty() ? "" : " data-key=\"" + E(key) + "\""; }

std::string Score(double score) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", score);
  return text;
}

int CountOf(const ArticleSummary& s, std::string_view status) {
  if (status == "verified") return s.verified;
  if (status == "near_match") return s.near_match;
  if (status == "not_found") return s.not_found;
  if (status == "unverifiable") return s.unverifiable;
  if (status == "skipped") return s.skipped;
  if (status == "uncited") return s.uncited;
  return s.pending;
}

class ArticleWriter {
 public:
  ArticleWriter(const ArticleRecord& article, int index, std::ostringstream& out, const ItemControls* controls)
      : article_(article), mediawiki_(IsMediaWikiArticle(article)), index_(index), out_(out),
        summary_(Summarize(article)), controls_(controls) {
    for (const CitationRecord& c : article_.citations) by_id_[c.citation.id] = &c;
  }

  void Write() {
    out_ << "<section class=\"article\" id=\"article-" << index_ << "\">\n";
    WriteHeader();
    WriteDiagnostics();
    WriteChanges();
    WriteSummary();
    WriteFilters();
    WriteEntries();
    WriteLinks();
    out_ << "</section>\n";
  }

 private:
  void WriteHeader() {
    const bool titled = article_.title && !article_.title->empty();
    out_ << "<h2>" << E(titled ? *article_.title : article_.source) << "</h2>\n";
    if (titled) out_ << "<p class=\"meta source\">" << E(article_.source) << "</p>\n";
    out_ << "<p class=\"meta\">checked at <time datetime=\"" << E(article_.checked_at) << "\">"
         << E(article_.checked_at) << "</time></p>\n";
  }

  void WriteDiagnostics() {
    if (article_.diagnostics.empty()) return;
    out_ << "<ul class=\"diagnostics\">\n";
    for (const Diagnostic& d : article_.diagnostics) {
      const bool error = d.severity == Diagnostic::Severity::kError;
      std::string where = d.file;
      if (d.line > 0) where += ":" + std::to_string(d.line);
      if (d.line > 0 && d.column > 0) where += ":" + std::to_string(d.column);
      out_ << "<li><span class=\"badge " << (error ? "l-error\">error" : "s-near_match\">warning")
           << "</span> " << E(where) << ": " << E(d.message) << "</li>\n";
    }
    out_ << "</ul>\n";
  }

  // What changed since the previous run (ArticleRecord::changes, set when
  // the caller attached history), first, as the issue asks.
  void WriteChanges() {
    if (!article_.changes || article_.changes->previous_run_id == 0) return;
    const ArticleChanges& c = *article_.changes;
    out_ << "<section class=\"changes\"><h3>Since the previous run (" << E(c.previous_checked_at) << ")</h3>\n";
    if (!c.HasChanges()) out_ << "<p class=\"meta\">Nothing changed.</p>\n";
    out_ << "<ul>";
    for (const LinkChange& l : c.links_newly_broken) out_ << LinkChangeItem(l, "newly broken");
    for (const LinkChange& l : c.links_recovered) out_ << LinkChangeItem(l, "recovered");
    for (const QuoteChange& q : c.quotes_no_longer_verified) out_ << QuoteChangeItem(q, "no longer verified");
    for (const QuoteChange& q : c.quotes_newly_verified) out_ << QuoteChangeItem(q, "newly verified");
    for (const QuoteChange& q : c.quotes_moved_to_archive) {
      out_ << "<li>quote at line " << q.line << " “" << E(q.text) << "” only in the archived copy: "
           << E(MovedToArchiveText(q)) << "</li>";
    }
    for (const PageChange& p : c.pages_changed) {
      out_ << "<li>page [" << E(p.citation_id) << "] " << LinkOrText(p.url) << " changed its text</li>";
    }
    for (const StaleReview& r : c.stale_reviews) {
      out_ << "<li class=\"stale-review\">review of " << (r.kind == "quote" ? "the quote at line " : "the link at line ")
           << r.line << " " << (r.kind == "quote" ? "“" + E(r.subject) + "”" : LinkOrText(r.subject)) << " stale: "
           << E(StaleReviewText(r)) << " <code class=\"key\">" << E(r.key) << "</code></li>";
    }
    out_ << "</ul></section>\n";
  }

  static std::string LinkChangeItem(const LinkChange& l, const char* what) {
    return "<li>link [" + E(l.citation_id) + "] " + LinkOrText(l.url) + " " + what + ": " +
           std::string(ToString(l.before)) + " → " + std::string(ToString(l.after)) +
           (l.error.empty() ? "" : " — " + E(l.error)) + "</li>";
  }

  static std::string QuoteChangeItem(const QuoteChange& q, const char* what) {
    return "<li>quote at line " + std::to_string(q.line) + " “" + E(q.text) + "” " + what + ": " +
           std::string(ToString(q.before)) + " → " + std::string(ToString(q.after)) +
           (q.reason.empty() ? "" : " — " + E(q.reason)) + "</li>";
  }

  // "since <date> (N runs)" for a link that is not ok, when history is attached.
  std::string BrokenSince(const CitationRecord& c) const {
    if (!article_.changes) return "";
    for (const BrokenLink& b : article_.changes->broken_links) {
      if (b.citation_id != c.citation.id || b.since.empty()) continue;
      return " · not ok since " + E(b.since) + " (" + std::to_string(b.consecutive_runs) + " runs)";
    }
    return "";
  }

  void WriteSummary() {
    const ArticleSummary& s = summary_;
    out_ << "<div class=\"summary\" aria-label=\"summary\">\n<div class=\"bar\">";
    for (const char* status : kQuoteStatuses) {
      int n = CountOf(s, status);
      if (n == 0 || s.quotes == 0) continue;
      out_ << "<span class=\"s-" << status << "\" style=\"width:" << (100.0 * n / s.quotes)
           << "%\" title=\"" << n << " " << status << "\"></span>";
    }
    out_ << "</div>\n<ul class=\"counts quote-counts\">";
    out_ << "<li>quotes <b data-count=\"quotes\">" << s.quotes << "</b></li>";
    for (const char* status : kQuoteStatuses) {
      if (std::string_view(status) == "pending" && s.pending == 0) continue;
      out_ << "<li><span class=\"badge s-" << status << "\">" << status << "</span> <b data-count=\""
           << status << "\">" << CountOf(s, status) << "</b></li>";
    }
    out_ << "</ul>\n<ul class=\"counts link-counts\">";
    out_ << "<li>links <b data-count=\"citations\">" << s.citations << "</b></li>";
    for (const auto& [status, n] : s.links_by_status) {
      out_ << "<li><span class=\"badge l-" << E(status) << "\">" << E(status) << "</span> <b data-count=\"link-"
           << E(status) << "\">" << n << "</b></li>";
    }
    out_ << "</ul>\n</div>\n";
  }

  void WriteFilters() {
    if (article_.quotes.empty()) return;
    out_ << "<div class=\"filters\" role=\"group\" aria-label=\"filter quotes by status\">"
         << "<button type=\"button\" data-filter=\"all\" aria-pressed=\"true\">all</button>"
         << "<button type=\"button\" data-filter=\"problems\" aria-pressed=\"false\">problems</button>";
    for (const char* status : kQuoteStatuses) {
      if (CountOf(summary_, status) == 0) continue;
      out_ << "<button type=\"button\" data-filter=\"" << status << "\" aria-pressed=\"false\">" << status
           << "</button>";
    }
    out_ << "</div>\n";
  }

  void WriteEntries() {
    out_ << "<h3>Quotations</h3>\n";
    if (article_.quotes.empty()) {
      out_ << "<p class=\"meta\">No quotations.</p>\n";
      return;
    }
    out_ << "<ol class=\"entries\">\n";
    for (size_t i = 0; i < article_.quotes.size(); ++i) WriteEntry(article_.quotes[i], i + 1);
    out_ << "</ol>\n";
  }

  void WriteEntry(const QuoteRecord& q, size_t number) {
    const std::string status(QuoteStatusName(q));
    const bool near = q.decided && q.verdict.status == QuoteStatus::kNearMatch && q.verdict.evidence;
    out_ << "<li class=\"entry st-" << status << (IsQuoteProblem(q) ? " problem" : "")
         << "\" data-status=\"" << status << "\"" << DataKey(q.key) << " id=\"a" << index_ << "-q" << number << "\">\n";
    out_ << "<div class=\"head\"><span class=\"badge s-" << status << "\">" << status << "</span>"
         << "<span class=\"pos\">line " << q.quote.line << ":" << q.quote.column << "</span>";
    if (near) out_ << "<span class=\"score\">score " << Score(q.verdict.score) << "</span>";
    out_ << KeyAndReview(q.key, q.review);
    out_ << "</div>\n<blockquote class=\"quote\">"
         << (near ? Marked(q.quote.text, ArticleDifferenceWords(*q.verdict.evidence)) : E(q.quote.text))
         << "</blockquote>\n";
    const std::string origin = QuoteOriginNote(q.quote);
    if (!origin.empty()) out_ << "<p class=\"meta\">" << E(origin) << "</p>\n";
    WriteCitedLinks(q);
    if (q.decided && q.verdict.evidence) WriteEvidence(*q.verdict.evidence, near);
    if (q.decided && !q.verdict.reason.empty()) {
      // "the page changed since DATE": the live page lost words its archived
      // copy holds, a notice for the editor rather than a detail.
      const bool changed = q.verdict.evidence && q.verdict.evidence->archived;
      out_ << "<p class=\"reason" << (changed ? " notice" : "") << "\">" << E(q.verdict.reason) << "</p>\n";
    }
    out_ << Controls(q.key) << "</li>\n";
  }

  void WriteCitedLinks(const QuoteRecord& q) {
    if (q.quote.citation_ids.empty()) return;
    out_ << "<ul class=\"cites\">";
    for (const std::string& id : q.quote.citation_ids) {
      out_ << "<li>[" << E(id) << "] ";
      auto it = by_id_.find(id);
      if (it == by_id_.end()) {
        out_ << "<span class=\"meta\">not in the reference list</span></li>";
        continue;
      }
      out_ << CitationLine(*it->second) << "</li>";
    }
    out_ << "</ul>\n";
  }

  static std::string CitationLine(const CitationRecord& c) {
    std::string line = "<span class=\"badge l-" + std::string(ToString(c.link_status)) + "\">" +
                       std::string(ToString(c.link_status)) + "</span> ";
    line += c.citation.url.empty() ? "<span class=\"meta\">" + std::string(c.citation.no_url ? "no online source" : "no reference entry") + "</span>"
                                   : LinkOrText(c.citation.url);
    const std::string detail = LinkDetail(c);
    if (!detail.empty()) line += " <span class=\"detail\">" + E(detail) + "</span>";
    return line;
  }

  void WriteEvidence(const Evidence& e, bool near) {
    out_ << "<div class=\"evidence" << (e.archived ? " archived" : "") << "\"><div class=\"meta\">"
         << (e.archived ? ArchivedCopyOf(e) : "page [" + E(e.citation_id) + "]") << " says"
         << (e.page > 0 ? " on PDF page " + std::to_string(e.page) : "")
         << (e.offset > 0 ? " (at character " + std::to_string(e.offset) + ")" : "") << ":</div>"
         << "<p class=\"snippet\">";
    const SnippetParts parts = SplitSnippet(e);
    const std::vector<std::string> page_words = near ? PageDifferenceWords(e) : std::vector<std::string>{};
    // The snippet starts mid-page when the match has more context before it.
    const bool cut = parts.found && e.offset > static_cast<int64_t>(CountCodePoints(parts.before));
    out_ << (cut ? "…" : "") << E(parts.before);
    if (parts.found) {
      out_ << "<mark class=\"match\">" << Marked(parts.matched, page_words) << "</mark>" << E(parts.after);
    }
    out_ << "</p>";
    WriteOpenAtQuote(e);
    if (near && !e.differences.empty()) {
      out_ << "<p class=\"pairs\">article → page: ";
      for (size_t i = 0; i < e.differences.size(); ++i) {
        const auto& [article, page] = e.differences[i];
        out_ << (i ? ", " : "") << "<mark class=\"diff\">" << (article.empty() ? "(none)" : E(article))
             << "</mark> → <mark class=\"diff\">" << (page.empty() ? "(none)" : E(page)) << "</mark>";
      }
      out_ << "</p>";
    }
    out_ << "</div>\n";
  }

  // Evidence found in an archived copy, not on the live page: the copy's
  // date and a link to it, so the reader sees at once that the live page
  // no longer shows these words (or cannot be read at all).
  static std::string ArchivedCopyOf(const Evidence& e) {
    const std::string date = e.archive_datetime.substr(0, 10);
    const std::string label = "the archived copy" + (date.empty() ? "" : " of " + E(date));
    const std::string copy = IsWebUrl(e.archive_url)
                                 ? "<a href=\"" + E(e.archive_url) + "\" rel=\"noopener noreferrer\">" + label + "</a>"
                                 : label;
    return copy + " of page [" + E(e.citation_id) + "]";
  }

  // A link to the cited page (or to the archived copy that holds the
  // words) that opens it scrolled to the matched words (a text fragment,
  // report/text_fragment.h).
  void WriteOpenAtQuote(const Evidence& e) {
    auto it = by_id_.find(e.citation_id);
    if (it == by_id_.end()) return;
    const CitationRecord& c = *it->second;
    const std::string& page = e.archived ? e.archive_url : c.final_url.empty() ? c.citation.url : c.final_url;
    if (!IsWebUrl(page)) return;
    if (e.page > 0) {  // PDF viewers open at a page (RFC 8118 #page=N), not at a text fragment
      const std::string href = page.substr(0, page.find('#')) + "#page=" + std::to_string(e.page);
      out_ << "<p class=\"open-at\"><a href=\"" << E(href) << "\" rel=\"noopener noreferrer\">open the PDF at page "
           << e.page << (e.archived ? " of the archived copy" : "") << "</a></p>";
      return;
    }
    const std::string href = UrlWithTextFragment(page, DirectiveForEvidence(e));
    if (href == page) return;
    out_ << "<p class=\"open-at\"><a href=\"" << E(href) << "\" rel=\"noopener noreferrer\">open the "
         << (e.archived ? "archived copy" : "page") << " at the quote</a></p>";
  }

  void WriteLinks() {
    out_ << "<h3>Links</h3>\n";
    if (article_.citations.empty()) {
      out_ << "<p class=\"meta\">No citations.</p>\n";
      return;
    }
    out_ << "<table class=\"links\"><thead><tr><th>citation</th><th>status</th><th>URL</th>"
            "<th>detail</th></tr></thead><tbody>\n";
    for (const CitationRecord& c : article_.citations) {
      const std::string status(ToString(c.link_status));
      out_ << "<tr class=\"link" << (IsCitationProblem(c) ? " problem" : "") << "\"" << DataKey(c.key) << "><td>["
           << E(c.citation.id) << "]"
           << (mediawiki_ ? " " + E(ReferenceNote(c.citation, true))
                          : (c.citation.line > 0 ? " line " + std::to_string(c.citation.line) : ""))
           << "</td><td><span class=\"badge l-" << status << "\">" << status << "</span>"
           << (c.http_status > 0 ? " " + std::to_string(c.http_status) : "") << "</td><td>"
           << (c.citation.url.empty() ? "<span class=\"meta\">" + std::string(c.citation.no_url ? "no online source" : "no reference entry") + "</span>"
                                      : LinkOrText(c.citation.url));
      if (!c.final_url.empty() && c.final_url != c.citation.normalized_url) {
        out_ << " → " << LinkOrText(c.final_url);
      }
      out_ << "</td><td>" << E(c.error) << (c.title.empty() ? "" : (c.error.empty() ? "" : " · ") + E(c.title))
           << (c.paywalled ? " <span class=\"meta\">" + PaywallNote(c) + "</span>" : "") << BrokenSince(c) << " "
           << KeyAndReview(c.key, c.review) << Controls(c.key) << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n";
  }

  std::string Controls(const std::string& key) const {
    return controls_ && *controls_ && !key.empty() ? (*controls_)(key) : "";
  }

  const ArticleRecord& article_;
  const bool mediawiki_;  // show each citation's <ref> (report/reference_note.h)
  int index_;
  std::ostringstream& out_;
  ArticleSummary summary_;
  std::map<std::string, const CitationRecord*> by_id_;
  const ItemControls* controls_;  // null in the report itself
};

void WriteArticles(const RunRecord& run, std::ostringstream& out, const ItemControls* controls) {
  for (size_t i = 0; i < run.articles.size(); ++i) {
    ArticleWriter(run.articles[i], static_cast<int>(i + 1), out, controls).Write();
  }
  if (run.articles.empty()) out << "<p>No articles in this run.</p>\n";
}

// "citecheck report: TITLE" for one article, else the number of articles.
std::string PageTitle(size_t articles, const std::string& only_title) {
  if (articles != 1) return "citecheck report: " + std::to_string(articles) + " articles";
  return "citecheck report: " + only_title;
}

void WriteHead(const std::string& title, std::ostringstream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"" << ReportContentSecurityPolicy() << "\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << E(title) << "</title>\n<style>" << kReportCss << "</style>\n</head>\n";
}

void WriteRunHeader(const RunRecord& run, std::ostringstream& out) {
  out << "<header>\n<h1>citecheck report</h1>\n<p class=\"meta\">run " << run.run_id << " · "
      << E(run.trigger) << " · " << E(ToString(run.state)) << " · started " << E(run.started_at);
  if (!run.finished_at.empty()) out << " · finished " << E(run.finished_at);
  out << "</p>\n</header>\n";
}

}  // namespace

std::string ReportScriptHash() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(kReportScript.data(), kReportScript.size(), digest, &size, EVP_sha256(), nullptr);
  unsigned char base64[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
  EVP_EncodeBlock(base64, digest, static_cast<int>(size));
  return "sha256-" + std::string(reinterpret_cast<char*>(base64));
}

std::string ReportContentSecurityPolicy() {
  static const std::string policy = "default-src 'none'; style-src 'unsafe-inline'; script-src '" +
                                    ReportScriptHash() + "'; img-src 'none'; base-uri 'none'; form-action 'none'";
  return policy;
}

namespace {

// The page's <head> names the article (or counts them), so it is written
// once every article has been added.
class HtmlStream : public ReportStream {
 public:
  explicit HtmlStream(const RunRecord& run) {
    std::ostringstream header;
    WriteRunHeader(run, header);
    run_header_ = header.str();
  }

  void Add(const ArticleRecord& article, std::string* body) override {
    std::ostringstream out;
    ArticleWriter(article, static_cast<int>(++added_), out, nullptr).Write();
    *body += out.str();
    if (added_ == 1) first_title_ = article.title && !article.title->empty() ? *article.title : article.source;
  }
  std::string Head() const override {
    std::ostringstream out;
    WriteHead(PageTitle(added_, first_title_), out);
    out << "<body>\n<div class=\"page\">\n" << run_header_ << "<main>\n";
    return out.str();
  }
  std::string Tail() const override {
    return std::string(added_ == 0 ? "<p>No articles in this run.</p>\n" : "") + "</main>\n<footer>citecheck " +
           CITECHECK_VERSION + "</footer>\n</div>\n<script>" + std::string(kReportScript) +
           "</script>\n</body>\n</html>\n";
  }

 private:
  std::string run_header_;
  size_t added_ = 0;
  std::string first_title_;
};

}  // namespace

std::unique_ptr<ReportStream> HtmlFormatter::Start(const RunRecord& run) const {
  return std::make_unique<HtmlStream>(run);
}

std::string RenderHtmlArticles(const RunRecord& run, const ItemControls& controls) {
  std::ostringstream out;
  WriteArticles(run, out, &controls);
  return out.str();
}

}  // namespace citecheck
