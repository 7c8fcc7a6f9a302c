#include "report/junit_formatter.h"

#include <cstdio>
#include <sstream>

#include "report/changes_section.h"
#include "report/escape.h"
#include "report/reference_note.h"
#include "report/review_label.h"
#include "report/summary.h"
#include "report/terminal_text.h"

namespace citecheck {
namespace {

std::string X(std::string_view text) { return XmlEscape(text); }

enum class Outcome { kPass, kFailure, kSkipped };

struct TestCase {
  std::string classname;
  std::string name;
  Outcome outcome = Outcome::kPass;
  std::string type;     // failure type: the status
  std::string message;  // one line
  std::string body;     // details
  std::string key;      // the item's stable key (docs/review.md)
  std::string review;   // ReviewLabel, "" without a review
};

// The key and review of an item, and the review beside the verdict in the
// message a CI system shows.
void AddReview(const std::string& key, const std::optional<ReviewMark>& review, TestCase* t) {
  t->key = key;
  t->review = ReviewLabel(review);
  if (!t->review.empty() && t->outcome != Outcome::kPass) t->message += " [review: " + t->review + "]";
}

TestCase LinkCase(const ArticleRecord& a, const CitationRecord& c) {
  TestCase t;
  t.classname = a.source + ".links";
  t.name = "[" + c.citation.id + "] " + (c.citation.url.empty() ? MissingUrlLabel(c.citation) : c.citation.url);
  const std::string note = ReferenceNote(c.citation, IsMediaWikiArticle(a));
  if (!note.empty()) t.name += " " + note;
  if (c.paywalled) t.name += " (" + PaywallNote(c) + ")";
  const std::string status(ToString(c.link_status));
  const std::string detail = LinkDetail(c);
  if (IsCitationProblem(c)) {
    t.outcome = Outcome::kFailure;
    t.type = status;
    t.message = "link " + status + (detail.empty() ? "" : " (" + detail + ")");
    if (c.review && c.review->state == ReviewState::kRejected) t.message = "rejected by a reviewer: " + t.message;
    t.body = "citation [" + c.citation.id + "]" +
             (c.citation.line > 0 ? " at line " + std::to_string(c.citation.line) : "") + "\nurl: " +
             c.citation.url + (c.final_url.empty() ? "" : "\nfinal url: " + c.final_url) + "\nstatus: " + status +
             (detail.empty() ? "" : "\ndetail: " + detail);
  } else if (c.link_status == LinkStatus::kExcluded) {
    t.outcome = Outcome::kSkipped;
    t.message = "excluded by the configuration";
  } else if (IsLinkProblem(c.link_status)) {  // accepted
    t.outcome = Outcome::kSkipped;
    t.message = "link " + status;
  }
  AddReview(c.key, c.review, &t);
  return t;
}

std::string Score(double score) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", score);
  return text;
}

std::string QuoteBody(const QuoteRecord& q) {
  std::string body = "line " + std::to_string(q.quote.line) + ":" + std::to_string(q.quote.column) +
                     "\nquote: " + q.quote.text;
  const std::string origin = QuoteOriginNote(q.quote);
  if (!origin.empty()) body += "\n" + origin;
  const Verdict& v = q.verdict;
  if (v.evidence) {
    body += "\npage [" + v.evidence->citation_id + "]: " + v.evidence->snippet;
    for (const auto& [article, page] : v.evidence->differences) {
      body += "\narticle \"" + article + "\" -> page \"" + page + "\"";
    }
  }
  if (!v.reason.empty()) body += "\nreason: " + v.reason;
  return body;
}

TestCase QuoteCase(const ArticleRecord& a, const QuoteRecord& q) {
  TestCase t;
  t.classname = a.source + ".quotes";
  t.name = "line " + std::to_string(q.quote.line) + ":" + std::to_string(q.quote.column) + " “" +
           ShortenMiddle(SanitizeForTerminal(q.quote.text), JunitFormatter::kMaxNameWidth) + "”";
  const std::string status(QuoteStatusName(q));
  if (IsQuoteProblem(q)) {
    t.outcome = Outcome::kFailure;
    t.type = status;
    t.message = status == "near_match" ? "probable misquote (near_match, score " + Score(q.verdict.score) + ")"
                                       : "quote not found in the cited page(s)";
    if (q.review && q.review->state == ReviewState::kRejected) t.message = "rejected by a reviewer (" + status + ")";
    t.body = QuoteBody(q);
  } else if (!q.decided || q.verdict.status != QuoteStatus::kVerified) {
    t.outcome = Outcome::kSkipped;
    t.message = status + (q.decided && !q.verdict.reason.empty() ? ": " + q.verdict.reason : "");
  }
  AddReview(q.key, q.review, &t);
  return t;
}

void WriteCase(const TestCase& t, std::ostringstream& out) {
  out << "    <testcase classname=\"" << X(t.classname) << "\" name=\"" << X(t.name) << "\" time=\"0\"";
  if (t.outcome == Outcome::kPass && t.key.empty()) {
    out << "/>\n";
    return;
  }
  out << ">\n";
  if (!t.key.empty()) {
    out << "      <properties><property name=\"key\" value=\"" << X(t.key) << "\"/>";
    if (!t.review.empty()) out << "<property name=\"review\" value=\"" << X(SanitizeForTerminal(t.review)) << "\"/>";
    out << "</properties>\n";
  }
  switch (t.outcome) {
    case Outcome::kPass: break;
    case Outcome::kSkipped: out << "      <skipped message=\"" << X(SanitizeForTerminal(t.message)) << "\"/>\n"; break;
    case Outcome::kFailure:
      out << "      <failure type=\"" << X(t.type) << "\" message=\"" << X(SanitizeForTerminal(t.message))
          << "\">" << X(t.body) << "</failure>\n";
      break;
  }
  out << "    </testcase>\n";
}

struct Counts {
  int tests = 0, failures = 0, skipped = 0;
  void Add(const TestCase& t) {
    ++tests;
    failures += t.outcome == Outcome::kFailure;
    skipped += t.outcome == Outcome::kSkipped;
  }
};

std::string CountAttributes(const Counts& c) {
  return "tests=\"" + std::to_string(c.tests) + "\" failures=\"" + std::to_string(c.failures) +
         "\" errors=\"0\" skipped=\"" + std::to_string(c.skipped) + "\"";
}

// What changed since the previous run goes in the suite's <system-out>
// (where CI systems show a suite's log): the text report's lines, plain.
std::string ChangesOutput(const ArticleRecord& a) {
  if (!a.changes || a.changes->previous_run_id == 0) return "";
  std::string lines = ChangesText(*a.changes, /*color=*/false);
  if (lines.empty()) lines = "    Nothing changed.\n";
  return "    <system-out>" +
         X("Since the previous run (" + SanitizeForTerminal(a.changes->previous_checked_at) + "):\n" + lines) +
         "</system-out>\n";
}

// One <testsuite> per article; the totals of every article go on the
// <testsuites> element that opens the document.
class JunitStream : public ReportStream {
 public:
  void Add(const ArticleRecord& a, std::string* body) override {
    std::ostringstream suites;
    std::vector<TestCase> cases;
    for (const CitationRecord& c : a.citations) cases.push_back(LinkCase(a, c));
    for (const QuoteRecord& q : a.quotes) cases.push_back(QuoteCase(a, q));
    Counts counts;
    for (const TestCase& t : cases) counts.Add(t);
    total_.tests += counts.tests;
    total_.failures += counts.failures;
    total_.skipped += counts.skipped;
    suites << "  <testsuite name=\"" << X(a.source) << "\" " << CountAttributes(counts) << " timestamp=\""
           << X(a.checked_at) << "\">\n";
    for (const TestCase& t : cases) WriteCase(t, suites);
    suites << ChangesOutput(a);
    suites << "  </testsuite>\n";
    *body += suites.str();
  }
  std::string Head() const override {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"citecheck\" " + CountAttributes(total_) +
           ">\n";
  }
  std::string Tail() const override { return "</testsuites>\n"; }

 private:
  Counts total_;
};

}  // namespace

std::unique_ptr<ReportStream> JunitFormatter::Start(const RunRecord&) const {
  return std::make_unique<JunitStream>();
}

}  // namespace citecheck
