// The fuzz targets' bodies, shared by the libFuzzer binaries (fuzz/*_fuzzer.cc)
// and the regression test that replays fuzz/regressions/<target>/ under the
// normal suite (tests/fuzz_regressions/). Each takes arbitrary bytes, must
// not crash, leak or trip a sanitizer, and checks the stage's own promises
// (valid UTF-8 out, evidence inside the page text) with Check().
#ifndef CITECHECK_FUZZ_TARGETS_H_
#define CITECHECK_FUZZ_TARGETS_H_

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "archive/memento.h"
#include "article/reader.h"
#include "core/utf8.h"
#include "extract/extractor.h"
#include "extract/pdf_lines.h"
#include "extract/pdf_reader.h"
#include "fetch/charset.h"
#include "fetch/response_headers.h"
#include "fetch/retry_policy.h"
#include "match/matcher.h"
#include "match/normalize.h"
#include "web/cookies.h"

namespace citecheck::fuzz {

inline void Check(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", what);
  std::abort();
}

// First byte picks the format; the rest is the article.
inline void ArticleTarget(std::string_view data) {
  if (data.empty()) return;
  static const ArticleFormat kFormats[] = {ArticleFormat::kAuto, ArticleFormat::kMarkdown,
                                           ArticleFormat::kHtml};
  ArticleOptions options;
  options.format = kFormats[static_cast<unsigned char>(data[0]) % 3];
  Article article = ReadArticle(data.substr(1), "fuzz-article", options);
  (void)article;
}

// The bytes as a wikitext article: positions stay inside the input, ids
// are unique, template quotes cite exactly their own reference.
inline void WikitextTarget(std::string_view data) {
  ArticleOptions options;
  options.format = ArticleFormat::kWikitext;
  Article article = ReadArticle(data, "fuzz.wiki", options);
  const int lines = 1 + static_cast<int>(std::count(data.begin(), data.end(), '\n'));
  for (const Quote& q : article.quotes) {
    Check(q.line >= 1 && q.line <= lines, "quote line inside the article");
    Check(IsValidUtf8(q.text), "quote text is valid UTF-8");
    if (q.origin == QuoteOrigin::kRef) Check(q.citation_ids.size() == 1, "template quote cites its reference");
  }
  for (size_t i = 0; i < article.citations.size(); ++i) {
    for (size_t j = i + 1; j < article.citations.size() && j < i + 8; ++j) {
      Check(article.citations[i].id != article.citations[j].id, "citation ids are unique");
    }
  }
}

// "QUOTE\0PAGE": the quote is matched against the page.
inline void MatchTarget(std::string_view data) {
  size_t split = data.find('\0');
  if (split == std::string_view::npos) return;
  std::string_view quote = data.substr(0, split);
  PreparedPage page(std::string(data.substr(split + 1)));
  MatchOptions options;
  Verdict verdict = MatchQuote(quote, page, options);
  (void)NormalizeForMatch(quote);
  if (verdict.evidence) {
    const Evidence& e = *verdict.evidence;
    Check(page.text().find(e.snippet) != std::string::npos, "snippet is page text");
    Check(e.snippet.find(e.matched) != std::string::npos, "match inside the snippet");
    Check(e.offset >= 0 && static_cast<size_t>(e.offset) <= CountCodePoints(page.text()),
          "offset inside the page");
  }
  Check(verdict.score >= 0 && verdict.score <= 1, "score in [0, 1]");
}

// Optional spans are what PageText promises: sorted, disjoint, not empty,
// inside the text.
inline void CheckSpans(const PageText& page) {
  uint32_t previous_end = 0;
  for (const TextSpan& span : page.optional_spans) {
    Check(span.begin < span.end && span.end <= page.text.size(), "optional span inside the text");
    Check(span.begin >= previous_end, "optional spans sorted and disjoint");
    previous_end = span.end;
  }
}

inline void ExtractTarget(std::string_view data) {
  ExtractResult html = ExtractHtml(data);
  CheckSpans(html.page);
  // A body starting with "%PDF-" goes to the PDF reader's child process
  // whatever its type; the pdf target fuzzes that reader in this process.
  if (data.substr(0, 5) == "%PDF-") return;
  ExtractResult plain = ExtractBody(data, "text/plain");
  CheckSpans(plain.page);
}

// poppler's text extraction and the page text made from it, in this process
// (libFuzzer's own time and memory limits stand in for the child's): text
// only for a document with pages, valid UTF-8, one page mark per page.
inline void PdfTarget(std::string_view data) {
  PdfRead read = ReadPdf(data);
  if (read.kind != PdfRead::Kind::kText) return;
  Check(read.pages > 0, "text comes from pages");
  Check(IsValidUtf8(read.text), "PDF text is valid UTF-8");
  Check(std::count(read.text.begin(), read.text.end(), kPdfPageEnd) == read.pages, "one mark per page");
  Check(PdfPageAt(read.text, static_cast<int64_t>(CountCodePoints(read.text))) == read.pages + 1,
        "past the last mark is past the last page");
}

// The raw-text elider's promise (html/raw_text_elider.h): the elided parse
// extracts exactly what the full parse does.
inline void ElideTarget(std::string_view data) {
  ExtractResult full = ExtractHtml(data, Elision::kOff);
  ExtractResult elided = ExtractHtml(data, Elision::kOn);
  Check(elided.ok == full.ok && elided.error == full.error, "same outcome elided and full");
  Check(elided.page.text == full.page.text, "same visible text elided and full");
  Check(elided.page.title == full.page.title, "same title elided and full");
  Check(elided.page.language == full.page.language, "same language elided and full");
  Check(elided.page.canonical_url == full.page.canonical_url, "same canonical URL elided and full");
  Check(elided.page.optional_spans == full.page.optional_spans, "same optional spans elided and full");
  Check(elided.page.paywalled == full.page.paywalled, "same paywall elided and full");
}

// First byte picks the HTTP charset; the rest is the body.
inline void CharsetTarget(std::string_view data) {
  if (data.empty()) return;
  static const char* const kCharsets[] = {"",          "utf-8",     "windows-1251", "iso-8859-1",
                                          "utf-16le",  "utf-16be",  "shift_jis",    "gb18030",
                                          "koi8-r",    "utf-32",    "x-unknown",    "euc-jp"};
  std::string_view charset = kCharsets[static_cast<unsigned char>(data[0]) % 12];
  std::string_view body = data.substr(1);
  std::string decoded = DecodeToUtf8(body, charset);
  Check(IsValidUtf8(decoded), "decoded body is valid UTF-8");
  (void)MetaCharset(body);
  (void)CharsetParameter(body);
  (void)MediaType(body);
}

// The bytes as the lines of a response's headers (split after each LF, as
// libcurl's header callback delivers them).
inline void HeadersTarget(std::string_view data) {
  ResponseHeaderParser parser;
  while (!data.empty()) {
    size_t end = data.find('\n');
    size_t length = end == std::string_view::npos ? data.size() : end + 1;
    parser.Feed(data.substr(0, length));
    data.remove_prefix(length);
  }
  const ResponseHeaders& headers = parser.headers();
  Check(headers.status >= 0 && headers.status <= 999, "status has at most three digits");
  (void)ParseRetryAfter(headers.retry_after, 0);
  (void)MediaType(headers.content_type);
}

// The bytes as a request's Cookie header (the web interface's session and
// sign-in cookies come from it): a value found is a part of the header.
inline void CookieTarget(std::string_view data) {
  httplib::Request req;
  req.headers.emplace("Cookie", std::string(data));
  for (const char* name : {kSessionCookie, kSignInCookie}) {
    const std::string value = CookieValue(req, name);
    Check(value.empty() || data.find(value) != std::string_view::npos, "a cookie value comes from the header");
  }
}

// The bytes as an archive's answer: a memento URL (a TimeGate's Location or
// an article's archive-url=) and a Memento-Datetime value. A rewritten URL
// is a Wayback URL again, with the same timestamp and original.
inline void MementoTarget(std::string_view data) {
  const std::string url = OriginalBytesUrl(data);
  if (std::optional<WaybackUrl> wayback = ParseWaybackUrl(data)) {
    std::optional<WaybackUrl> again = ParseWaybackUrl(url);
    Check(again.has_value(), "the id_ form of a Wayback URL is one");
    Check(again->timestamp == wayback->timestamp && again->original == wayback->original,
          "rewriting keeps the timestamp and the original");
    (void)WaybackTimestampDatetime(wayback->timestamp);
  } else {
    Check(url == data, "other URLs are kept as they are");
  }
  std::optional<std::string> when = ParseMementoDatetime(data);
  Check(!when || when->size() >= 20, "a datetime is ISO 8601");
  (void)AcceptDatetime(data, 0);
}

}  // namespace citecheck::fuzz

#endif  // CITECHECK_FUZZ_TARGETS_H_
