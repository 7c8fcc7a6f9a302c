// A fixed run saved through a real SQLite store and loaded back with
// LoadRun, for the golden-file and browser tests: every quote and link
// status, a near_match with differing words, and hostile article and page
// text (<script>, onerror=, javascript: URLs, broken markup, table pipes,
// control characters). Times are normalized so renderings are stable.
// Header-only; tests/report only.
#ifndef CITECHECK_TESTS_REPORT_STORED_FIXTURE_H_
#define CITECHECK_TESTS_REPORT_STORED_FIXTURE_H_

#include <string>

#include "review/keys.h"
#include "review/review.h"
#include "store/records.h"
#include "store/store.h"

namespace citecheck::testing {

inline constexpr const char* kFixtureTime = "2026-11-26T03:00:00Z";
inline constexpr const char* kScriptPayload = "<script>document.title='pwned'</script>";
inline constexpr const char* kImgPayload =
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";

inline Citation FixtureCitation(const std::string& id, const std::string& url, int line) {
  return Citation{id, url, url, line, ""};
}

inline FetchResult FixtureFetch(const std::string& url, LinkStatus status, long http, const std::string& error) {
  FetchResult f;
  f.url = url;
  f.final_url = url;
  f.status = status;
  f.http_status = http;
  f.error = error;
  f.content_type = http == 200 ? "text/html" : "";
  return f;
}

inline Article FixtureArticle() {
  Article a;
  a.source = "articles/harbour.md";
  a.title = "Harbour library <b>reopens</b> & more";
  a.diagnostics = {{Diagnostic::Severity::kWarning, "articles/harbour.md", 21, 1,
                    "reference [9] is never cited"}};
  a.citations = {FixtureCitation("1", "https://herald.example/reopening", 17),
                 FixtureCitation("2", "https://council.example/report", 18),
                 FixtureCitation("3", "https://blog.example/facade?a=1&b=<2>", 19),
                 FixtureCitation("4", "https://mayor.example/press", 20),
                 FixtureCitation("5", "http://10.0.0.7/intranet", 21),
                 FixtureCitation("6", "https://slow.example/", 22),
                 FixtureCitation("7", "https://ads.example/", 23),
                 FixtureCitation("8", "javascript:alert(1)", 24),
                 Citation{"9", "", "", 0, ""}};
  a.citations[7].normalized_url = "";
  a.citations[7].url_error = "not an http(s) URL: javascript:alert(1)";
  a.quotes = {
      {"a library is the only building in town where nobody asks you to buy anything", 4, 61, {"1"}, false, ""},
      {"stripped of everything that made it beautiful", 7, 80, {"3"}, false, ""},
      {"the council approved it unanimously last year", 8, 12, {"2"}, false, ""},
      {"opening hours will be extended on weekends", 11, 25, {"4"}, false, ""},
      {"fishbowl", 9, 48, {"3"}, true, "fewer than 4 words"},
      {"it smells like new books and old rain", 13, 24, {}, false, ""},
      {std::string("he wrote ") + kScriptPayload + " and " + kImgPayload + " | pipes | and\nnew <lines", 15, 3,
       {"1"}, false, ""},
  };
  return a;
}

// Page of citation [1]: carries the payloads, so a verified quote's snippet
// is hostile too.
inline std::string FixtureHeraldText() {
  return std::string("Librarian Mara Quint spoke to a crowd. “A library is the only building in town where "
                     "nobody asks you to buy anything,” she said. Then he wrote ") +
         kScriptPayload + " and " + kImgPayload + " | pipes | and new <lines, unclosed <a href=\"javascript:x";
}

// Saves the fixture run into the database at `db_path` and loads it back.
inline RunRecord StoredFixtureRun(const std::string& db_path) {
  auto store = Store::Open(db_path);
  const Article article = FixtureArticle();
  int64_t article_id = store->UpsertArticle("/abs/articles/harbour.md", article.source);
  int64_t run_id = store->BeginRun("check");
  store->SaveArticle(run_id, article_id, article);

  const std::string herald = FixtureHeraldText();
  store->SaveFetch(run_id, FixtureFetch("https://herald.example/reopening", LinkStatus::kOk, 200, ""),
                   PageText{herald, "Herald <script>x</script>", "en", ""}, "en");
  // The council's page is paywalled (docs/reports.md "Paywalled pages").
  PageText council{"The council met twice.", "Council report", "en", ""};
  council.paywalled = true;
  store->SaveFetch(run_id, FixtureFetch("https://council.example/report", LinkStatus::kOk, 200, ""), council, "en");
  store->SaveFetch(run_id, FixtureFetch("https://blog.example/facade?a=1&b=<2>", LinkStatus::kOk, 200, ""),
                   PageText{"The façade has been stripped of almost everything that made it beautiful.",
                            "A historian's blog", "en", ""},
                   "en");
  store->SaveFetch(run_id, FixtureFetch("https://mayor.example/press", LinkStatus::kBroken, 404, "HTTP 404"),
                   std::nullopt, "");
  store->SaveFetch(run_id,
                   FixtureFetch("http://10.0.0.7/intranet", LinkStatus::kBlocked, 0,
                                "private address 10.0.0.7 refused (use --allow-private)"),
                   std::nullopt, "");
  store->SaveFetch(run_id, FixtureFetch("https://slow.example/", LinkStatus::kTimeout, 0, "timed out after 30 s"),
                   std::nullopt, "");
  store->SaveFetch(run_id, FixtureFetch("https://ads.example/", LinkStatus::kExcluded, 0, "excluded by fetch.exclude"),
                   std::nullopt, "");

  Verdict verified{QuoteStatus::kVerified, 1.0,
                   Evidence{"1", "Librarian Mara Quint spoke to a crowd. “A library is the only building in town "
                                 "where nobody asks you to buy anything,” she said.",
                            40, 78, "A library is the only building in town where nobody asks you to buy anything",
                            {}},
                   ""};
  Verdict near{QuoteStatus::kNearMatch, 6.0 / 7.0,
               Evidence{"3", "The façade has been stripped of almost everything that made it beautiful.", 20, 53,
                        "stripped of almost everything that made it beautiful", {{"", "almost"}},
                        2},  // as if citation [3] were a PDF: its evidence names the page
               ""};
  Verdict not_found{QuoteStatus::kNotFound, 0, std::nullopt, ""};
  Verdict unverifiable{QuoteStatus::kUnverifiable, 0, std::nullopt, "link [4] is broken (HTTP 404)"};
  const std::string payload_match = std::string(kScriptPayload) + " and " + kImgPayload;
  Verdict hostile{QuoteStatus::kNearMatch, 0.8,
                  Evidence{"1", "Then he wrote " + payload_match + " | pipes | and new <lines, unclosed",
                           140, 120, "he wrote " + payload_match + " | pipes | and new <lines",
                           {{"onerror", "<onerror>"}}},
                  ""};
  store->SaveVerdict(run_id, article_id, 0, verified);
  store->SaveVerdict(run_id, article_id, 1, near);
  store->SaveVerdict(run_id, article_id, 2, not_found);
  store->SaveVerdict(run_id, article_id, 3, unverifiable);
  store->SaveVerdict(run_id, article_id, 6, hostile);
  // What the check pipeline decides without a page (check/quote_ledger.h).
  Verdict skipped;
  skipped.status = QuoteStatus::kSkipped;
  skipped.reason = "fewer than 4 words";
  store->SaveVerdict(run_id, article_id, 4, skipped);
  Verdict uncited;
  uncited.status = QuoteStatus::kUncited;
  store->SaveVerdict(run_id, article_id, 5, uncited);
  store->FinishRun(run_id, RunState::kDone);

  // A reviewer accepted the near match (docs/review.md), with a note that
  // must be escaped like any other text.
  RunRecord reviewed = store->LoadRun(run_id);
  const ArticleRecord& stored = reviewed.articles.front();
  ReviewRow accept;
  accept.key = QuoteKey("/abs/articles/harbour.md", stored.quotes[1].quote, stored.citations);
  accept.article_id = article_id;
  accept.kind = kReviewKindQuote;
  accept.state = ReviewState::kAccepted;
  accept.note = "the <b>blog</b> trims it";
  accept.by = "reviewer";
  accept.at = kFixtureTime;
  accept.content_hash = QuotePageHashes(stored.quotes[1].quote, stored.citations);
  accept.quote_text = stored.quotes[1].quote.text;
  store->SaveReview(accept);

  RunRecord run = store->LoadRun(run_id);
  ApplyReviews(*store, &run);
  run.started_at = kFixtureTime;
  run.finished_at = kFixtureTime;
  for (ArticleRecord& a : run.articles) a.checked_at = kFixtureTime;
  return run;
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_REPORT_STORED_FIXTURE_H_
