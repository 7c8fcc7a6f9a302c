#include "report/text_fragment.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"

namespace citecheck {
namespace {

constexpr size_t kContextWords = 3;
// A match longer than this many words links with start and end (a range),
// keeping the URL short; a shorter one is given whole.
constexpr size_t kRangeWords = 10;
constexpr size_t kRangeEdgeWords = 4;

bool IsExplicitChar(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!$'()*+./:;=?@_~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t begin = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    if (i > begin) words.emplace_back(text.substr(begin, i - begin));
  }
  return words;
}

std::string Join(const std::vector<std::string>& words, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

// The line of `text` that `at` is on, before (or after) it.
std::string_view LineBefore(std::string_view text, size_t at) {
  std::string_view before = text.substr(0, at);
  size_t newline = before.rfind('\n');
  return newline == std::string_view::npos ? before : before.substr(newline + 1);
}

std::string_view LineAfter(std::string_view text, size_t from) {
  std::string_view after = text.substr(from);
  return after.substr(0, after.find('\n'));
}

// Context words: whole words only, so a snippet cut mid-word at its edge
// gives no partial word (dropped when the line reaches the snippet's edge).
std::string PrefixWords(std::string_view line, bool line_is_cut) {
  std::vector<std::string> words = Words(line);
  if (line_is_cut && !words.empty() && !line.empty() && !IsSpace(line.front())) words.erase(words.begin());
  // The match starts inside a word: no prefix could stand before it.
  if (!line.empty() && IsAsciiAlnum(line.back())) return "";
  const size_t begin = words.size() > kContextWords ? words.size() - kContextWords : 0;
  return Join(words, begin, words.size());
}

std::string SuffixWords(std::string_view line, bool line_is_cut) {
  std::vector<std::string> words = Words(line);
  if (line_is_cut && !words.empty() && !line.empty() && !IsSpace(line.back())) words.pop_back();
  if (!line.empty() && IsAsciiAlnum(line.front())) return "";
  return Join(words, 0, std::min(words.size(), kContextWords));
}

}  // namespace

std::string EncodeTextDirectiveTerm(std::string_view term) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : term) {
    if (IsExplicitChar(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string TextDirectiveString(const TextDirective& d) {
  if (d.start.empty()) return "";
  std::string out = "text=";
  if (!d.prefix.empty()) out += EncodeTextDirectiveTerm(d.prefix) + "-,";
  out += EncodeTextDirectiveTerm(d.start);
  if (!d.end.empty()) out += "," + EncodeTextDirectiveTerm(d.end);
  if (!d.suffix.empty()) out += ",-" + EncodeTextDirectiveTerm(d.suffix);
  return out;
}

TextDirective DirectiveForEvidence(const Evidence& e) {
  TextDirective d;
  std::vector<std::string> matched = Words(e.matched);
  if (matched.empty()) return d;
  if (matched.size() > kRangeWords) {
    d.start = Join(matched, 0, kRangeEdgeWords);
    d.end = Join(matched, matched.size() - kRangeEdgeWords, matched.size());
  } else {
    d.start = Join(matched, 0, matched.size());
  }
  const size_t at = e.snippet.find(e.matched);
  if (at == std::string::npos) return d;
  std::string_view snippet(e.snippet);
  std::string_view before = LineBefore(snippet, at);
  std::string_view after = LineAfter(snippet, at + e.matched.size());
  // The snippet is cut from the page text: its first and last lines may
  // begin or end mid-word, unless they are the page's own start or end.
  const bool cut_before = e.offset > static_cast<int64_t>(CountCodePoints(snippet.substr(0, at)));
  d.prefix = PrefixWords(before, before.size() == at && cut_before);
  d.suffix = SuffixWords(after, at + e.matched.size() + after.size() == snippet.size());
  return d;
}

std::string UrlWithTextFragment(const std::string& url, const TextDirective& directive) {
  const std::string text = TextDirectiveString(directive);
  if (text.empty()) return url;
  return url.substr(0, url.find('#')) + "#:~:" + text;
}

}  // namespace citecheck
