#include "fetch/page_classifier.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <set>
#include <vector>

#include "core/ascii.h"

namespace citecheck {
namespace {

// Challenge pages put their markers near the top; no need to scan megabytes.
constexpr size_t kScanBytes = 256 * 1024;

// Whether `text` at `pos` starts with `lower_needle`, ignoring ASCII case.
bool StartsWithNoCase(std::string_view text, size_t pos, std::string_view lower_needle) {
  if (pos + lower_needle.size() > text.size()) return false;
  for (size_t k = 0; k < lower_needle.size(); ++k) {
    if (AsciiLower(text[pos + k]) != lower_needle[k]) return false;
  }
  return true;
}

// The first `lower_needle` in `text` from `pos` on, ignoring ASCII case, or
// npos. Its first character must not be a letter: it is found with a plain
// (memchr) search, so a page is scanned without a lower-cased copy of it.
size_t FindNoCase(std::string_view text, std::string_view lower_needle, size_t pos) {
  for (size_t at = text.find(lower_needle[0], pos); at != std::string_view::npos;
       at = text.find(lower_needle[0], at + 1)) {
    if (StartsWithNoCase(text, at, lower_needle)) return at;
  }
  return std::string_view::npos;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Lower-case ASCII words; every other byte (punctuation, UTF-8 of curly
// apostrophes and dashes) separates, so "doesn’t" gives "doesn", "t".
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (IsAsciiAlnum(c)) {
      word += AsciiLower(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// " page not found " style, for phrase search on word boundaries.
std::string Joined(const std::vector<std::string>& words) {
  std::string joined = " ";
  for (const std::string& word : words) joined += word + " ";
  return joined;
}

bool HasPhrase(const std::string& joined, std::string_view phrase) {
  return Contains(joined, " " + std::string(phrase) + " ");
}

// Phrases that say "not found" on their own ...
constexpr std::string_view kNotFoundMarkers[] = {
    "not found",      "404",           "doesn t exist",    "does not exist", "no longer exists",
    "cannot be found", "can t be found", "couldn t be found", "could not be found",
};
// ... and the words a title may add around them and still be only that.
const std::set<std::string>& NotFoundVocabulary() {
  static const std::set<std::string> words = {
      "error", "http", "oops", "sorry", "whoops", "uh", "oh", "page", "file", "document",
      "resource", "url", "content", "404", "the", "requested", "this", "that", "it", "is",
      "was", "has", "been", "could", "couldn", "can", "cannot", "t", "not", "be", "found",
      "does", "doesn", "exist", "exists", "no", "longer", "we", "find", "here", "you", "are",
      "looking", "for", "re", "s", "1"};
  return words;
}

bool TitleSegmentIsNotFound(const std::vector<std::string>& words) {
  if (words.empty()) return false;
  // "Blog - Page 404" is page 404 of a paginated list, not an error page.
  if (words.size() == 2 && words[0] == "page" &&
      std::all_of(words[1].begin(), words[1].end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  const std::set<std::string>& vocabulary = NotFoundVocabulary();
  for (const std::string& word : words) {
    if (vocabulary.count(word) == 0) return false;
  }
  std::string joined = Joined(words);
  for (std::string_view marker : kNotFoundMarkers) {
    if (HasPhrase(joined, marker)) return true;
  }
  return false;
}

// Title segments are separated by the usual "Page | Site" punctuation.
std::vector<std::string> TitleSegments(const std::string& title) {
  std::string text = title;
  for (std::string_view separator : {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "\xE2\x80\xA2", " - "}) {
    for (size_t at = text.find(separator); at != std::string::npos; at = text.find(separator, at)) {
      text.replace(at, separator.size(), "|");
    }
  }
  std::vector<std::string> segments;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '|' || text[i] == ':') {
      segments.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return segments;
}

// Visible words of a page, up to `limit` + 1 (enough to know it is not short):
// tags, comments, scripts and styles skipped, entities treated as spaces.
std::vector<std::string> VisibleWords(std::string_view html, size_t limit) {
  std::string text;
  const std::string_view page = html.substr(0, kScanBytes);
  size_t i = 0;
  auto skip_to = [&](std::string_view end) {
    size_t at = FindNoCase(page, end, i);
    i = at == std::string_view::npos ? page.size() : at + end.size();
  };
  while (i < page.size() && text.size() < limit * 16) {
    if (StartsWithNoCase(page, i, "<!--")) {
      skip_to("-->");
    } else if (StartsWithNoCase(page, i, "<script")) {
      skip_to("</script>");
    } else if (StartsWithNoCase(page, i, "<style")) {
      skip_to("</style>");
    } else if (StartsWithNoCase(page, i, "<title")) {
      skip_to("</title>");  // judged on its own
    } else if (page[i] == '<') {
      skip_to(">");
      text += ' ';
    } else if (page[i] == '&') {
      size_t semicolon = page.find(';', i);
      i = (semicolon == std::string_view::npos || semicolon - i > 10) ? i + 1 : semicolon + 1;
      text += ' ';
    } else {
      text += AsciiLower(page[i++]);
    }
  }
  std::vector<std::string> words = Words(text);
  if (words.size() > limit + 1) words.resize(limit + 1);
  return words;
}

std::optional<std::string> ShortPageNotFound(std::string_view body) {
  std::vector<std::string> words = VisibleWords(body, kShortPageWords);
  if (words.empty() || words.size() > static_cast<size_t>(kShortPageWords)) return std::nullopt;
  std::string joined = Joined(words);
  for (std::string_view phrase : {"page not found", "404 not found", "error 404", "404 error",
                                  "http 404", "404 page", "file not found"}) {
    if (HasPhrase(joined, phrase)) return std::string(phrase);
  }
  // Weaker wording counts only beside a word that says it is about the page.
  if (!HasPhrase(joined, "page") && !HasPhrase(joined, "404") && !HasPhrase(joined, "url")) {
    return std::nullopt;
  }
  for (std::string_view marker : kNotFoundMarkers) {
    if (marker != "404" && HasPhrase(joined, marker)) return std::string(marker);
  }
  return std::nullopt;
}

struct UrlParts {
  std::string host;
  std::string path;
  std::string query;
};

std::optional<UrlParts> SplitUrl(const std::string& url) {
  std::unique_ptr<CURLU, void (*)(CURLU*)> handle(curl_url(), curl_url_cleanup);
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return std::nullopt;
  }
  auto part = [&](CURLUPart which) {
    char* text = nullptr;
    if (curl_url_get(handle.get(), which, &text, 0) != CURLUE_OK || !text) return std::string();
    std::string value(text);
    curl_free(text);
    return value;
  };
  return UrlParts{AsciiLower(part(CURLUPART_HOST)), part(CURLUPART_PATH), part(CURLUPART_QUERY)};
}

std::string WithoutWww(const std::string& host) {
  return host.rfind("www.", 0) == 0 ? host.substr(4) : host;
}

// "/a/b/index.html" -> {"a", "b", "index.html"}
std::vector<std::string> PathSegments(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = 0;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      if (i > start) segments.push_back(AsciiLower(path.substr(start, i - start)));
      start = i + 1;
    }
  }
  return segments;
}

// A path that names something below the root, not the home page itself.
bool IsDeepPath(const std::string& path) {
  std::vector<std::string> segments = PathSegments(path);
  if (segments.empty()) return false;
  if (segments.size() == 1) {
    const std::string& only = segments[0];
    for (std::string_view home : {"index.", "default.", "home"}) {
      if (only.rfind(home, 0) == 0) return false;
    }
  }
  return true;
}

std::optional<std::string> RedirectedToRoot(const PageSignals& page) {
  std::optional<UrlParts> from = SplitUrl(page.url);
  std::optional<UrlParts> to = SplitUrl(page.final_url);
  if (!from || !to || WithoutWww(from->host) != WithoutWww(to->host)) return std::nullopt;
  if (!IsDeepPath(from->path) || !PathSegments(to->path).empty() || !to->query.empty()) {
    return std::nullopt;
  }
  return "redirected to the site root " + page.final_url;
}

bool IsLoginSegment(const std::string& segment) {
  for (std::string_view name : {"login", "signin", "sign-in", "sign_in", "log-in", "logon", "sso"}) {
    if (segment == name || (segment.rfind(name, 0) == 0 && segment[name.size()] == '.')) return true;
  }
  return false;
}

}  // namespace

std::string HtmlTitle(std::string_view html) {
  const std::string_view page = html.substr(0, kScanBytes);
  size_t open = FindNoCase(page, "<title", 0);
  if (open == std::string_view::npos) return "";
  size_t start = page.find('>', open);
  if (start == std::string_view::npos) return "";
  ++start;
  size_t end = FindNoCase(page, "</title", start);
  if (end == std::string_view::npos || end - start > 1000) return "";
  std::string title;
  for (size_t i = start; i < end; ++i) {
    char c = html[i];
    if (c == '&') {
      size_t semicolon = html.find(';', i);
      if (semicolon != std::string_view::npos && semicolon < end && semicolon - i <= 10) i = semicolon;
      c = ' ';
    }
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && (title.empty() || title.back() == ' ')) continue;
    title += c;
  }
  while (!title.empty() && title.back() == ' ') title.pop_back();
  return title;
}

std::optional<std::string> SoftNotFoundReason(const PageSignals& page) {
  if (page.http_status < 200 || page.http_status > 299) return std::nullopt;
  if (std::optional<std::string> root = RedirectedToRoot(page)) return root;
  bool html = page.content_type.empty() || page.content_type == "text/html" ||
              page.content_type == "application/xhtml+xml";
  if (!html || page.body.empty()) return std::nullopt;
  std::string title = HtmlTitle(page.body);
  for (const std::string& segment : TitleSegments(title)) {
    if (TitleSegmentIsNotFound(Words(segment))) return "the title says \"" + title + "\"";
  }
  if (std::optional<std::string> phrase = ShortPageNotFound(page.body)) {
    return "a short page that says \"" + *phrase + "\"";
  }
  return std::nullopt;
}

std::optional<std::string> BotBlockReason(const PageSignals& page) {
  long status = page.http_status;
  if (status != 403 && status != 429 && status != 503) return std::nullopt;
  std::string body = AsciiLower(page.body.substr(0, kScanBytes));
  std::string server = AsciiLower(page.server);
  std::string title = AsciiLower(HtmlTitle(page.body));
  if (AsciiLower(page.cf_mitigated) == "challenge" || Contains(body, "cf-chl") || Contains(body, "cf_chl") ||
      Contains(body, "/cdn-cgi/challenge-platform") || title == "just a moment..." ||
      Contains(title, "attention required! | cloudflare")) {
    return std::string("bot challenge (Cloudflare)");
  }
  if (Contains(server, "cloudflare") && Contains(body, "error code: 1020")) {
    return std::string("bot block (Cloudflare firewall, error 1020)");
  }
  if (Contains(server, "ddos-guard") || Contains(body, "ddos-guard")) {
    return std::string("bot challenge (DDoS-Guard)");
  }
  if (Contains(server, "akamaighost") ||
      (Contains(body, "access denied") && Contains(body, "reference #"))) {
    return std::string("bot block (Akamai)");
  }
  if (Contains(body, "captcha")) return std::string("bot challenge (CAPTCHA)");
  if (Contains(title, "access denied") || (body.size() < 4096 && Contains(body, "access denied"))) {
    return "access denied (bot block, HTTP " + std::to_string(status) + ")";
  }
  return std::nullopt;
}

std::optional<std::string> LoginWallReason(const PageSignals& page) {
  if (page.http_status == 401) return std::string("login required (HTTP 401)");
  if (page.http_status < 200 || page.http_status > 299) return std::nullopt;
  std::optional<UrlParts> from = SplitUrl(page.url);
  std::optional<UrlParts> to = SplitUrl(page.final_url);
  if (!from || !to || from->path == to->path) return std::nullopt;
  std::vector<std::string> asked = PathSegments(from->path);
  if (std::any_of(asked.begin(), asked.end(), IsLoginSegment)) return std::nullopt;  // cited a login page
  for (const std::string& segment : PathSegments(to->path)) {
    if (IsLoginSegment(segment)) {
      return "login wall: redirected to " + page.final_url.substr(0, page.final_url.find('?'));
    }
  }
  return std::nullopt;
}

std::optional<PageVerdict> ClassifyPage(const PageSignals& page) {
  if (std::optional<std::string> reason = LoginWallReason(page)) {
    return PageVerdict{LinkStatus::kBlocked, *reason};
  }
  if (std::optional<std::string> reason = BotBlockReason(page)) {
    return PageVerdict{LinkStatus::kBlocked, *reason};
  }
  if (std::optional<std::string> reason = SoftNotFoundReason(page)) {
    return PageVerdict{LinkStatus::kBroken, "soft 404: " + *reason};
  }
  return std::nullopt;
}

}  // namespace citecheck
