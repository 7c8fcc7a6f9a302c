#include "report/text_formatter.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <vector>

#include "core/utf8.h"
#include "report/archive_suggestion.h"
#include "report/changes_section.h"
#include "report/highlight.h"
#include "report/reference_note.h"
#include "report/review_label.h"
#include "report/summary.h"
#include "report/terminal_text.h"

namespace citecheck {
namespace {

constexpr const char* kIndent = "  ";

Style LinkStyle(LinkStatus status) {
  switch (status) {
    case LinkStatus::kOk: return Style::kGreen;
    case LinkStatus::kTimeout:
    case LinkStatus::kBlocked: return Style::kYellow;
    case LinkStatus::kExcluded:
    case LinkStatus::kNoUrl: return Style::kDim;
    case LinkStatus::kBroken:
    case LinkStatus::kError:
    case LinkStatus::kUnresolved: return Style::kRed;
  }
  return Style::kNone;
}

Style QuoteStyle(const QuoteRecord& quote) {
  if (!quote.decided) return Style::kDim;
  switch (quote.verdict.status) {
    case QuoteStatus::kVerified: return Style::kGreen;
    case QuoteStatus::kNearMatch:
    case QuoteStatus::kUnverifiable: return Style::kYellow;
    case QuoteStatus::kNotFound: return Style::kRed;
    case QuoteStatus::kSkipped:
    case QuoteStatus::kUncited: return Style::kDim;
  }
  return Style::kNone;
}

std::string Safe(std::string_view text) { return SanitizeForTerminal(text); }

std::string Quoted(std::string_view text, size_t max_width) {
  return "“" + ShortenMiddle(Safe(text), max_width) + "”";
}

// Safe(text) shortened to max_width, keeping the first of `words` visible,
// so a long misquote still shows where it differs.
std::string ShortenedKeeping(std::string_view text, size_t max_width, const std::vector<std::string>& words) {
  const std::string safe = Safe(text);
  size_t offset = 0;
  for (const Segment& s : MarkWords(safe, words)) {
    if (s.marked) {
      const size_t begin = CountCodePoints(std::string_view(safe).substr(0, offset));
      return ShortenKeeping(safe, max_width, begin, begin + CountCodePoints(s.text));
    }
    offset += s.text.size();
  }
  return ShortenMiddle(safe, max_width);
}

std::string QuoteText(const QuoteRecord& q) {
  if (q.decided && q.verdict.status == QuoteStatus::kNearMatch && q.verdict.evidence) {
    return "“" + ShortenedKeeping(q.quote.text, TextFormatter::kMaxQuoteWidth,
                                  ArticleDifferenceWords(*q.verdict.evidence)) + "”";
  }
  return Quoted(q.quote.text, TextFormatter::kMaxQuoteWidth);
}

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + Safe(id);
  return "[" + out + "]";
}

std::string Position(int line, int column) {
  if (line <= 0) return "";
  return std::to_string(line) + (column > 0 ? ":" + std::to_string(column) : "");
}

class ArticleWriter {
 public:
  ArticleWriter(const ArticleRecord& article, bool color, std::ostringstream& out)
      : article_(article), mediawiki_(IsMediaWikiArticle(article)), color_(color), out_(out) {}

  void Write() {
    WriteHeader();
    WriteDiagnostics();
    WriteCitationsWithTheirQuotes();
    WriteSummary();
  }

 private:
  std::string Paint(std::string_view text, Style style) const { return Styled(text, style, color_); }

  void WriteHeader() {
    out_ << Paint(Safe(article_.source), Style::kBold) << "\n";
    if (article_.title && !article_.title->empty()) out_ << kIndent << "title: " << Safe(*article_.title) << "\n";
    out_ << kIndent << "checked at " << Safe(article_.checked_at) << "\n";
  }

  // First, because an input problem may explain everything below it.
  void WriteDiagnostics() {
    if (article_.diagnostics.empty()) return;
    out_ << "\n";
    for (const Diagnostic& d : article_.diagnostics) {
      const bool error = d.severity == Diagnostic::Severity::kError;
      std::string where = Safe(d.file);
      if (d.line > 0) where += ":" + Position(d.line, d.column);
      out_ << kIndent << Paint(error ? "error" : "warning", error ? Style::kRed : Style::kYellow)
           << ": " << where << ": " << Safe(d.message) << "\n";
    }
  }

  // Each citation's row, followed by the quotes it supports, so a reader
  // sees a source and what the article claims it says together. A quote sits
  // under the citation its evidence came from, else under its first citation;
  // quotes without any come last.
  void WriteCitationsWithTheirQuotes() {
    out_ << "\n" << kIndent << Paint("Citations", Style::kBold) << "\n";
    if (article_.citations.empty()) out_ << kIndent << kIndent << "none\n";
    MeasureQuotes();
    size_t id_width = 0;
    size_t status_width = 0;
    for (const CitationRecord& c : article_.citations) {
      id_width = std::max(id_width, DisplayWidth(Safe(c.citation.id)) + 2);
      status_width = std::max(status_width, ToString(c.link_status).size());
    }
    std::vector<std::vector<const QuoteRecord*>> by_citation(article_.citations.size());
    std::vector<const QuoteRecord*> homeless;
    for (const QuoteRecord& q : article_.quotes) {
      size_t home = HomeCitation(q);
      if (home < by_citation.size()) by_citation[home].push_back(&q);
      else homeless.push_back(&q);
    }
    for (size_t i = 0; i < article_.citations.size(); ++i) {
      const CitationRecord& c = article_.citations[i];
      std::string http = c.http_status > 0 ? std::to_string(c.http_status) : "-";
      out_ << kIndent << kIndent << PadRight("[" + Safe(c.citation.id) + "]", id_width) << "  "
           << Paint(PadRight(ToString(c.link_status), status_width), LinkStyle(c.link_status)) << "  "
           << std::string(http.size() < 3 ? 3 - http.size() : 0, ' ') << http << "  "
           << CitationDetail(c) << KeyAndReview(c.key, c.review, "  ") << "\n";
      WriteArchive(c);
      for (const QuoteRecord* q : by_citation[i]) WriteQuote(*q);
    }
    if (!homeless.empty()) {
      out_ << "\n" << kIndent << Paint("Quotes without a citation", Style::kBold) << "\n";
      for (const QuoteRecord* q : homeless) WriteQuote(*q);
    }
  }

  // Index of the citation a quote is listed under, or citations.size().
  size_t HomeCitation(const QuoteRecord& q) const {
    std::vector<std::string> candidates;
    if (q.decided && q.verdict.evidence) candidates.push_back(q.verdict.evidence->citation_id);
    candidates.insert(candidates.end(), q.quote.citation_ids.begin(), q.quote.citation_ids.end());
    for (const std::string& id : candidates) {
      for (size_t i = 0; i < article_.citations.size(); ++i) {
        if (article_.citations[i].citation.id == id) return i;
      }
    }
    return article_.citations.size();
  }

  std::string CitationDetail(const CitationRecord& c) const {
    std::string detail = c.citation.url.empty() ? MissingUrlLabel(c.citation) : Safe(c.citation.url);
    const std::string note = ReferenceNote(c.citation, mediawiki_);
    if (!note.empty()) detail += "  " + Safe(note);
    if (c.paywalled) detail += "  (" + PaywallNote(c) + ")";
    if (!c.final_url.empty() && c.final_url != c.citation.normalized_url) {
      detail += " → " + Safe(c.final_url);
    }
    if (!c.error.empty()) detail += " — " + Safe(c.error);
    return detail;
  }

  // The archived copy under its citation: what was found, and the repair
  // to make when it was found by lookup (report/archive_suggestion.h).
  void WriteArchive(const CitationRecord& c) {
    if (!c.archive) return;
    const std::string hang(kQuoteIndent, ' ');
    const CitationArchive& a = *c.archive;
    // " 2019-05-03", or nothing for a copy no one dated.
    const std::string day = a.datetime.empty() ? "" : " " + Safe(a.datetime.substr(0, 10));
    if (std::optional<ArchiveSuggestion> s = SuggestArchive(article_, c, mediawiki_)) {
      out_ << hang << Paint("archived copy", Style::kBold) << day << ": "
           << Paint(Safe(SuggestionLine(*s)), Style::kYellow) << "\n";
    } else if (a.url) {
      out_ << hang << Paint("archived copy", Style::kDim) << day << " " << Safe(*a.url)
           << (a.error.empty() ? "" : " — " + Safe(a.error)) << "\n";
    } else if (!a.error.empty()) {
      out_ << hang << Paint("archived copy: ", Style::kDim) << Safe(a.error) << "\n";
    }
  }

  // Column widths shared by every quote line, so all of them align.
  void MeasureQuotes() {
    for (const QuoteRecord& q : article_.quotes) {
      quote_status_width_ = std::max(quote_status_width_, QuoteStatusName(q).size());
      position_width_ = std::max(position_width_, Position(q.quote.line, q.quote.column).size());
    }
  }

  void WriteQuote(const QuoteRecord& q) {
    const std::string indent = std::string(kQuoteIndent, ' ');
    // Continuation lines start under the quote text.
    const std::string hang(kQuoteIndent + quote_status_width_ + 2 + position_width_ + 2, ' ');
    out_ << indent << Paint(PadRight(QuoteStatusName(q), quote_status_width_), QuoteStyle(q)) << "  "
         << PadRight(Position(q.quote.line, q.quote.column), position_width_) << "  " << QuoteText(q);
    if (!q.quote.citation_ids.empty()) out_ << " " << JoinIds(q.quote.citation_ids);
    const std::string origin = QuoteOriginNote(q.quote);
    if (!origin.empty()) out_ << "  (" << Safe(origin) << ")";
    if (q.decided && q.verdict.status == QuoteStatus::kNearMatch) {
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", q.verdict.score);
      out_ << "  score " << score;
    }
    out_ << "\n";
    WriteQuoteDetails(q, hang);
  }

  // "key q…" and the review beside it (docs/review.md), after `lead`.
  std::string KeyAndReview(const std::string& key, const std::optional<ReviewMark>& review,
                           const std::string& lead) const {
    if (key.empty()) return "";
    std::string out = lead + Paint("key " + Safe(key), Style::kDim);
    if (review) {
      const Style style = review->state == ReviewState::kAccepted ? Style::kGreen
                          : review->state == ReviewState::kRejected ? Style::kRed : Style::kYellow;
      out += "  " + Paint("review: " + Safe(ReviewLabel(review)), style);
    }
    return out;
  }

  void WriteQuoteDetails(const QuoteRecord& q, const std::string& hang) {
    if (!q.key.empty()) out_ << KeyAndReview(q.key, q.review, hang) << "\n";
    if (!q.decided) return;
    const Verdict& v = q.verdict;
    if (v.evidence && v.status == QuoteStatus::kNearMatch && !v.evidence->differences.empty()) {
      std::string pairs;
      for (const auto& [article, page] : v.evidence->differences) {
        if (!pairs.empty()) pairs += ", ";
        pairs += (article.empty() ? "(none)" : Safe(article)) + " → " +
                 (page.empty() ? "(none)" : Safe(page));
      }
      out_ << hang << "article → page: " << pairs << "\n";
    }
    if (v.evidence) {
      std::string on_page = v.evidence->page > 0 ? ", PDF page " + std::to_string(v.evidence->page) : "";
      if (v.evidence->archived) {
        on_page += ", archived copy" + (v.evidence->archive_datetime.empty()
                                            ? std::string()
                                            : " " + Safe(v.evidence->archive_datetime.substr(0, 10)));
      }
      out_ << hang << Paint("evidence [" + Safe(v.evidence->citation_id) + "]" + on_page + ": ", Style::kDim)
           << EvidenceExcerpt(*v.evidence) << "\n";
    }
    if (!v.reason.empty()) out_ << hang << "reason: " << Safe(v.reason) << "\n";
  }

  // The page's matched wording with a little context on each side. The
  // snippet carries 80 code points of context, too much for one line, and
  // shortening it in the middle would cut out the very words that matched.
  std::string EvidenceExcerpt(const Evidence& e) const {
    constexpr size_t kContext = 30;
    size_t at = e.matched.empty() ? std::string::npos : e.snippet.find(e.matched);
    if (at == std::string::npos) return Quoted(e.snippet, TextFormatter::kMaxSnippetWidth);
    std::string_view snippet(e.snippet);
    std::string_view before = snippet.substr(0, at);
    std::string_view after = snippet.substr(at + e.matched.size());
    size_t before_cps = CountCodePoints(before);
    const bool cut_before = before_cps > kContext;
    if (cut_before) before = before.substr(ByteOffsetOfCodePoint(before, before_cps - kContext));
    const bool cut_after = CountCodePoints(after) > kContext;
    if (cut_after) after = after.substr(0, ByteOffsetOfCodePoint(after, kContext));
    std::string matched = ShortenedKeeping(e.matched, TextFormatter::kMaxQuoteWidth, PageDifferenceWords(e));
    return (cut_before ? "…" : "") + SanitizeForTerminal(before) + Paint(matched, Style::kBold) +
           SanitizeForTerminal(after) + (cut_after ? "…" : "");
  }

  void WriteSummary() {
    const ArticleSummary s = Summarize(article_);
    out_ << "\n" << kIndent << "Summary: " << s.citations << " citations, " << s.links_ok << " ok, "
         << Paint(std::to_string(s.links_broken) + " not ok", s.links_broken ? Style::kRed : Style::kNone);
    bool only_broken = s.links_by_status.count("broken") &&
                       s.links_by_status.at("broken") == s.links_broken;
    if (s.links_broken > 0 && !only_broken) {
      std::string by_status;
      for (const auto& [status, count] : s.links_by_status) {
        if (status == "ok" || status == "excluded") continue;
        by_status += (by_status.empty() ? "" : ", ") + std::to_string(count) + " " + status;
      }
      out_ << " (" << by_status << ")";
    }
    auto excluded = s.links_by_status.find("excluded");
    if (excluded != s.links_by_status.end()) out_ << ", " << excluded->second << " excluded";
    out_ << "; " << s.quotes << " quotes: " << s.verified << " verified, " << s.near_match
         << " near_match, " << s.not_found << " not_found, " << s.unverifiable << " unverifiable, "
         << s.skipped << " skipped, " << s.uncited << " uncited";
    if (s.pending > 0) out_ << ", " << s.pending << " pending";
    out_ << "\n";
  }

  static constexpr size_t kQuoteIndent = 8;  // under the citation's row

  const ArticleRecord& article_;
  const bool mediawiki_;  // show each citation's <ref> (report/reference_note.h)
  bool color_;
  size_t quote_status_width_ = 0;
  size_t position_width_ = 0;
  std::ostringstream& out_;
};

// Articles one after the other, a blank line between them; then what
// changed since the previous run, when history is attached.
class TextStream : public ReportStream {
 public:
  explicit TextStream(const ReportOptions& options) : options_(options) {}

  void Add(const ArticleRecord& article, std::string* body) override {
    std::ostringstream out;
    if (added_++ > 0) out << "\n";
    ArticleWriter(article, options_.color, out).Write();
    *body += out.str();
    changes_ += ArticleChangesSectionText(article, options_.color);
  }
  std::string Head() const override { return ""; }
  std::string Tail() const override {
    return (added_ == 0 ? "No articles in this run.\n" : "") + ChangesSectionOf(changes_, options_.color);
  }

 private:
  ReportOptions options_;
  size_t added_ = 0;
  std::string changes_;
};

}  // namespace

std::unique_ptr<ReportStream> TextFormatter::Start(const RunRecord&) const {
  return std::make_unique<TextStream>(options_);
}

}  // namespace citecheck
