// Value types that flow between the pipeline stages (STYLE.md: shared value
// types live in one place). Plain structs; every string is UTF-8.
#ifndef CITECHECK_CORE_TYPES_H_
#define CITECHECK_CORE_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace citecheck {

// A problem found while reading an input, with its 1-based position.
// Severity kError makes `check` exit 2 (after still checking what it could).
struct Diagnostic {
  enum class Severity { kWarning, kError };
  Severity severity = Severity::kWarning;
  std::string file;  // as given on the command line
  int line = 0;      // 1-based; 0 when the problem is not tied to a line
  int column = 0;    // 1-based, in code points
  std::string message;
};

// One citation of the article: a numbered marker with its reference entry, a
// footnote, or an inline link. Markers without a reference entry have no URL.
struct Citation {
  std::string id;   // "1" for [1], "^note" for [^note], "link-3" for the 3rd inline link
  std::string url;  // as written in the article; empty when unresolved
  std::string normalized_url;  // identity (core/url.h); empty when unresolved or malformed
  int line = 0;                // line of the reference entry or link; 0 if none
  // Set when the entry is present but its URL cannot be used: the citation
  // is never fetched and has link status url_error_status with this text.
  std::string url_error;
  // kError for a malformed URL, kBlocked for a scheme other than http/https
  // ("scheme ftp not allowed").
  LinkStatus url_error_status = LinkStatus::kError;
  // Set by readers of MediaWiki articles (docs/statuses.md `no_url`); empty
  // for other formats. A reference with no online source sets no_url: its
  // link status is LinkStatus::kNoUrl and it never fails the run.
  bool no_url = false;
  std::string name{};        // <ref name="x">, empty when unnamed
  std::string group{};       // <ref group="note">, empty for the default group
  std::string ref_title{};   // the citation template's title=
  std::string access_date{}; // YYYY-MM-DD, from access-date= / "Retrieved DATE"
  std::string url_status{};  // url-status= as written (live, dead, unfit, usurped, deviated)
  std::string archive_url{}; // archive-url=
  std::string archive_date{};// archive-date=, YYYY-MM-DD
};

// Where a quotation was found: in the article's prose, or in a citation
// template's quote= (attributed to that reference alone).
enum class QuoteOrigin { kText, kRef };

// One quotation in the article, as written (delimiters stripped, inner quotes kept).
struct Quote {
  std::string text;
  int line = 0;    // 1-based line of the opening quotation mark
  int column = 0;  // 1-based column of the opening mark, in code points
  std::vector<std::string> citation_ids;  // docs/reading.md "Attribution"
  // Set when the reader already decided not to check it: fewer than
  // min_quote_words words, or no closing quotation mark.
  bool skipped = false;
  std::string skip_reason;
  QuoteOrigin origin = QuoteOrigin::kText;
};

struct Article {
  std::string source;  // path or URL as given, or the --name for stdin
  std::optional<std::string> title;
  // YYYY-MM-DD the article says it was published (Markdown front matter,
  // HTML metadata); "" when it says none. Dates archive lookups for
  // citations without an access date (SPEC "Archived copies").
  std::string date;
  std::vector<Citation> citations;  // in order of first appearance, unique ids
  std::vector<Quote> quotes;        // in article order, outermost quotes only
  std::vector<Diagnostic> diagnostics;
};

// What the fetcher learned about one distinct URL.
struct FetchResult {
  std::string url;        // normalized URL that was requested
  std::string final_url;  // after redirects
  LinkStatus status = LinkStatus::kError;
  std::string error;       // detail for anything but ok; notes (e.g. permanent redirect) for ok
  long http_status = 0;    // last HTTP status seen, 0 when none
  std::string content_type;      // media type without parameters, lower-case
  std::string content_language;  // Content-Language header, if any
  std::string body;        // decoded to UTF-8 (invalid bytes replaced)
  bool truncated = false;  // body cut at fetch.max_body_bytes
  std::string etag;
  std::string last_modified;
  std::optional<std::string> permanent_redirect;  // new URL when a 301/308 was on the way
  double elapsed_s = 0;
  int64_t bytes = 0;  // decoded body bytes received
  // A conditional request (Fetcher::SetRunHooks) was answered 304 Not
  // Modified: status ok, body empty, the stored copy is current. etag and
  // last_modified are the 304's, else the validators that were sent.
  bool not_modified = false;
  // Archived copies (RFC 7089): the final response's Memento-Datetime, as
  // sent; and, for a request made without following redirects
  // (RunHooks::request), the redirect's resolved Location.
  std::string memento_datetime;
  std::string location;
  // SHA-256 (hex) of `body`, set by the check pipeline before the body is
  // dropped: a later run that receives the same body reuses the stored text.
  std::string body_hash;
};

// What identifies a stored copy of a page when its URL is fetched again: the
// validators of a conditional request (from an earlier FetchResult's etag and
// last_modified), and the hash of the body the stored text came from, for
// servers that send no validators (the same body again means the same text).
struct Validators {
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
  std::string body_hash;      // SHA-256 (hex) of that body; never sent
};

// Bytes [begin, end) of a page's text.
struct TextSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const TextSpan& o) const { return begin == o.begin && end == o.end; }
};

// The visible text of a page and what else extraction keeps.
struct PageText {
  std::string text;  // visible text, blocks separated by '\n', whitespace collapsed
  std::string title;
  std::string language;  // from <html lang> or Content-Language, lower-case; may be empty
  std::string canonical_url;
  // Note markers and maintenance tags ("[4]", "[citation needed]"): shown as
  // part of the text, skippable when matching (docs/matching.md "Optional
  // text"). Sorted, disjoint, never empty spans.
  std::vector<TextSpan> optional_spans{};
  // The page's structured data says its text is not free (schema.org
  // isAccessibleForFree false): only part of it may be public.
  bool paywalled = false;
};

// Evidence for a verified or near-matched quote.
struct Evidence {
  std::string citation_id;
  std::string snippet;   // page text around the match, 80 code points of context each side
  int64_t offset = 0;    // code points into the stored page text where the match starts
  int64_t length = 0;    // code points of the matched part
  std::string matched;   // the page's own wording of the match
  // For near_match: pairs of differing words, article word beside page word.
  // An empty side means the word was added or removed.
  std::vector<std::pair<std::string, std::string>> differences;
  int page = 0;  // 1-based page of a PDF where the match starts; 0 for other pages
  // Found in an archived copy of the cited page (SPEC "Archived copies"),
  // not on the live page: the copy's URL and its Memento-Datetime (ISO 8601).
  bool archived = false;
  std::string archive_url{};
  std::string archive_datetime{};
};

struct Verdict {
  QuoteStatus status = QuoteStatus::kNotFound;
  double score = 0;  // 1.0 verified; 1 - distance/words for near_match; 0 otherwise
  std::optional<Evidence> evidence;
  std::string reason;  // why unverifiable / skipped; empty otherwise
};

}  // namespace citecheck

#endif  // CITECHECK_CORE_TYPES_H_
