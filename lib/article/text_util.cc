#include "article/text_util.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>

#include "core/ascii.h"
#include "core/utf8.h"

namespace citecheck {
namespace article {
namespace {

constexpr std::string_view kReferenceHeadings[] = {
    "references", "reference", "sources",  "notes",      "bibliography",
    "citations",  "works cited", "footnotes", "endnotes", "reference list",
};

bool IsApostropheOrHyphen(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010 || cp == 0x2011;
}

}  // namespace

size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

char32_t CodePointAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  return DecodeUtf8(s, &pos);
}

char32_t CodePointBefore(std::string_view s, size_t pos, size_t* start) {
  if (pos == 0 || pos > s.size()) return 0;
  size_t p = pos - 1;
  // Step back over continuation bytes, at most three.
  while (p > 0 && pos - p < 4 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  if (start) *start = p;
  return DecodeUtf8(s, &p);
}

bool IsSpace(char32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return true;
  if (cp < 0x80) return false;
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
         cat == UTF8PROC_CATEGORY_ZP || cp == 0x85;
}

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
}

bool IsPunct(char32_t cp) {
  if (cp < 0x80) return std::ispunct(static_cast<int>(cp)) != 0;
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_SO;
}

bool IsOpeningPunct(char32_t cp) {
  if (cp == '(' || cp == '[' || cp == '{' || cp == '-') return true;
  if (cp < 0x80) return false;
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_PS || cat == UTF8PROC_CATEGORY_PI ||
         cat == UTF8PROC_CATEGORY_PD || cp == 0x201E || cp == 0xAB || cp == 0xBB;
}

bool IsLowercase(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = DecodeUtf8(text, &pos);
    if (IsWordChar(cp)) {
      if (!in_word) ++words;
      in_word = true;
    } else if (!(in_word && IsApostropheOrHyphen(cp) && IsWordChar(CodePointAt(text, pos)))) {
      in_word = false;
    }
  }
  return words;
}

size_t FindUrl(std::string_view s, size_t from) {
  while (from < s.size()) {
    size_t p = s.find("://", from);
    if (p == std::string_view::npos) return p;
    for (size_t len : {size_t{5}, size_t{4}}) {  // "https", "http"
      if (p < len) continue;
      size_t start = p - len;
      if (AsciiLower(s.substr(start, len)) != (len == 5 ? "https" : "http")) continue;
      if (start > 0 && IsWordChar(CodePointBefore(s, start))) continue;
      return start;
    }
    from = p + 3;
  }
  return std::string_view::npos;
}

size_t UrlEnd(std::string_view s, size_t start) {
  size_t end = start;
  while (end < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[end]);
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '`' || c == 0x7f) break;
    if (c >= 0x80 && IsSpace(CodePointAt(s, end))) break;
    end += SequenceLength(c);
  }
  end = std::min(end, s.size());
  // Trailing punctuation belongs to the prose around the URL. The brackets
  // are counted once and kept current as the end moves back (counting them
  // again for each character made a URL ending in ")))..." quadratic).
  std::string_view url = s.substr(start, end - start);
  std::ptrdiff_t open_paren = std::count(url.begin(), url.end(), '(');
  std::ptrdiff_t close_paren = std::count(url.begin(), url.end(), ')');
  std::ptrdiff_t open_square = std::count(url.begin(), url.end(), '[');
  std::ptrdiff_t close_square = std::count(url.begin(), url.end(), ']');
  while (end > start) {
    char c = s[end - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
        c == '*' || c == '_') {
      --end;
    } else if (c == ')' && open_paren < close_paren) {
      --close_paren;
      --end;
    } else if (c == ']' && open_square < close_square) {
      --close_square;
      --end;
    } else {
      break;
    }
  }
  return end;
}

bool IsAbsoluteHttpUrl(std::string_view url) {
  std::string head = AsciiLower(url.substr(0, 8));
  return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

namespace {

// The scheme at `pos` ("ftp" in "ftp://x"), lower-case, or "" (RFC 3986:
// a letter, then letters, digits, '+', '-', '.', then ':').
std::string SchemeAt(std::string_view s, size_t pos) {
  if (pos >= s.size() || !std::isalpha(static_cast<unsigned char>(s[pos]))) return "";
  size_t end = pos;
  while (end < s.size() && end - pos <= 32 &&
         (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '+' || s[end] == '-' ||
          s[end] == '.')) {
    ++end;
  }
  if (end >= s.size() || s[end] != ':') return "";
  return AsciiLower(s.substr(pos, end - pos));
}

constexpr std::string_view kSchemesWithoutSlashes[] = {
    "javascript", "data", "mailto", "vbscript", "file", "tel", "news", "urn",
};

bool IsSchemeChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

}  // namespace

bool IsDocumentUrl(std::string_view url) {
  if (IsAbsoluteHttpUrl(url)) return true;
  std::string scheme = SchemeAt(url, 0);
  return !scheme.empty() && url.compare(scheme.size() + 1, 2, "//") == 0;
}

size_t FindOtherSchemeUrl(std::string_view s, size_t from) {
  for (size_t i = from; i < s.size(); ++i) {
    if (i > 0 && IsSchemeChar(s[i - 1])) continue;  // only where a word starts
    std::string scheme = SchemeAt(s, i);
    if (scheme.empty() || scheme == "http" || scheme == "https") continue;
    size_t rest = i + scheme.size() + 1;
    bool slashes = s.compare(rest, 2, "//") == 0;
    bool known = std::find(std::begin(kSchemesWithoutSlashes), std::end(kSchemesWithoutSlashes), scheme) !=
                 std::end(kSchemesWithoutSlashes);
    if ((slashes || known) && rest < s.size() && !IsSpace(CodePointAt(s, rest))) return i;
  }
  return std::string_view::npos;
}

bool IsReferenceHeading(std::string_view line) {
  std::string_view s = Trim(line);
  while (!s.empty() && (s.front() == '#' || s.front() == '*' || s.front() == '_')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '#' || s.back() == '*' || s.back() == '_')) s.remove_suffix(1);
  s = Trim(s);
  if (!s.empty() && s.back() == ':') s.remove_suffix(1);
  s = Trim(s);
  if (s.size() > 20) return false;
  std::string lower = AsciiLower(s);
  for (std::string_view name : kReferenceHeadings) {
    if (lower == name) return true;
  }
  return false;
}

size_t MatchMarker(std::string_view s, size_t pos, std::vector<std::string>* keys) {
  if (pos >= s.size() || s[pos] != '[') return 0;
  // Bounded: a line of '[' without ']' must not be scanned to its end from each.
  size_t close = s.substr(0, std::min(s.size(), pos + 66)).find(']', pos);
  if (close == std::string_view::npos || close - pos > 64) return 0;
  std::string_view inner = s.substr(pos + 1, close - pos - 1);
  std::vector<std::string> found;
  if (!inner.empty() && inner[0] == '^') {
    if (inner.size() < 2) return 0;
    for (char c : inner) {
      if (std::isspace(static_cast<unsigned char>(c)) || c == '[') return 0;
    }
    found.emplace_back(inner);
  } else {
    size_t from = 0;
    while (from <= inner.size()) {
      size_t sep = inner.find_first_of(",;", from);
      if (sep == std::string_view::npos) sep = inner.size();
      std::string_view part = inner.substr(from, sep - from);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      if (part.empty() || part.size() > 6) return 0;
      for (char c : part) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
      }
      // "[01]" and "[1]" are one citation.
      size_t nz = part.find_first_not_of('0');
      found.emplace_back(nz == std::string_view::npos ? "0" : part.substr(nz));
      from = sep + 1;
    }
  }
  if (found.empty()) return 0;
  if (keys) *keys = std::move(found);
  return close - pos + 1;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty()) {
    size_t start = 0;
    char32_t cp = CodePointBefore(s, s.size(), &start);
    if (!IsSpace(cp)) break;
    s = s.substr(0, start);
  }
  while (!s.empty()) {
    char32_t cp = CodePointAt(s, 0);
    if (!IsSpace(cp)) break;
    s.remove_prefix(std::min(s.size(), SequenceLength(static_cast<unsigned char>(s[0]))));
  }
  return s;
}

bool IsBlank(std::string_view s) { return Trim(s).empty(); }

namespace {

bool IsLeadByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  size_t code_points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) block_code_points_.push_back(code_points);
    if (text[i] == '\n') starts_.push_back(i + 1);
    code_points += IsLeadByte(text[i]);
  }
}

size_t LineIndex::CodePointsBefore(size_t offset) const {
  size_t block = offset / kBlock;
  if (block >= block_code_points_.size()) block = block_code_points_.size() - 1;
  size_t count = block_code_points_[block];
  for (size_t i = block * kBlock; i < offset; ++i) count += IsLeadByte(text_[i]);
  return count;
}

int LineIndex::Line(size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

int LineIndex::Column(size_t offset) const {
  offset = std::min(offset, text_.size());
  size_t start = starts_[Line(offset) - 1];
  // A byte order mark is not a column of its own.
  if (start == 0 && text_.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3) start = 3;
  if (offset <= start || block_code_points_.empty()) return 1;
  return static_cast<int>(CodePointsBefore(offset) - CodePointsBefore(start)) + 1;
}

}  // namespace article
}  // namespace citecheck
