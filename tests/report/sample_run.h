// A stored run as LoadRun returns it, covering every status, for the report
// tests. Header-only; tests/report only.
#ifndef CITECHECK_TESTS_REPORT_SAMPLE_RUN_H_
#define CITECHECK_TESTS_REPORT_SAMPLE_RUN_H_

#include <string>

#include "store/records.h"

namespace citecheck::testing {

inline CitationRecord MakeCitation(const std::string& id, const std::string& url, LinkStatus status,
                                   long http, const std::string& error = "") {
  CitationRecord c;
  c.citation.id = id;
  c.citation.url = url;
  c.citation.normalized_url = url;
  c.citation.line = 30;
  c.link_status = status;
  c.http_status = http;
  c.error = error;
  if (http > 0) {
    c.final_url = url;
    c.content_type = "text/html";
    c.language = "en";
    c.title = "Page " + id;
  }
  return c;
}

inline QuoteRecord MakeQuote(const std::string& text, QuoteStatus status, double score = 0,
                             const std::string& reason = "") {
  QuoteRecord q;
  q.quote.text = text;
  q.quote.line = 14;
  q.quote.column = 73;
  q.quote.citation_ids = {"1"};
  q.decided = true;
  q.verdict.status = status;
  q.verdict.score = score;
  q.verdict.reason = reason;
  return q;
}

inline RunRecord SampleRun() {
  ArticleRecord a;
  a.article_id = 1;
  a.source = "articles/seed.md";
  a.title = "The seed article";
  a.checked_at = "2026-11-26T03:00:00Z";
  a.diagnostics = {{Diagnostic::Severity::kWarning, "articles/seed.md", 12, 4, "reference [9] is never cited"}};
  a.citations = {
      MakeCitation("1", "https://example.org/a", LinkStatus::kOk, 200),
      MakeCitation("2", "https://example.org/b", LinkStatus::kBroken, 404, "HTTP 404 Not Found"),
      MakeCitation("3", "https://example.org/c", LinkStatus::kOk, 200),
      MakeCitation("10", "https://slow.example.org/", LinkStatus::kTimeout, 0, "timed out after 30 s"),
      MakeCitation("11", "https://skip.example.org/", LinkStatus::kExcluded, 0),
      MakeCitation("12", "", LinkStatus::kUnresolved, 0),
  };
  a.citations[5].citation.normalized_url = "";
  a.citations[5].citation.line = 0;

  QuoteRecord verified = MakeQuote("the quick brown fox jumps", QuoteStatus::kVerified, 1.0);
  verified.verdict.evidence = Evidence{"1", "…see: the quick brown fox jumps over…", 1234, 25,
                                       "the quick brown fox jumps", {}};
  QuoteRecord near = MakeQuote("a slightly misquoted line of text", QuoteStatus::kNearMatch, 0.8333);
  near.quote.citation_ids = {"3", "1"};
  near.verdict.evidence = Evidence{"3", "a slightly mis-quoted line of texts", 77, 35,
                                   "a slightly mis-quoted line of texts",
                                   {{"misquoted", "mis-quoted"}, {"text", "texts"}}};
  QuoteRecord missing = MakeQuote("words that are nowhere on the page", QuoteStatus::kNotFound);
  QuoteRecord unverifiable =
      MakeQuote("cited to a dead page entirely", QuoteStatus::kUnverifiable, 0, "link broken: HTTP 404");
  unverifiable.quote.citation_ids = {"2"};
  QuoteRecord skipped = MakeQuote("scare", QuoteStatus::kSkipped, 0, "fewer than 4 words");
  QuoteRecord uncited = MakeQuote("nobody cited this one at all", QuoteStatus::kUncited);
  uncited.quote.citation_ids = {};
  QuoteRecord pending = MakeQuote("still waiting on its verdict", QuoteStatus::kNotFound);
  pending.decided = false;
  a.quotes = {verified, near, missing, unverifiable, skipped, uncited, pending};

  ArticleRecord empty;
  empty.article_id = 2;
  empty.source = "https://news.example/story";
  empty.checked_at = "2026-11-26T03:00:00Z";

  RunRecord run;
  run.run_id = 7;
  run.trigger = "check";
  run.started_at = "2026-11-26T02:59:00Z";
  run.finished_at = "2026-11-26T03:00:00Z";
  run.state = RunState::kDone;
  run.articles = {a, empty};
  return run;
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_REPORT_SAMPLE_RUN_H_
