// Renderer, part 1: the text between constructs. Line structure (headings,
// list items, tables, paragraphs) and inline markup ('' ''', [url label],
// HTML tags, entities, bare URLs). docs/wikitext.md "Prose".
#include <algorithm>
#include <cstring>

#include "article/text_util.h"
#include "article/wikitext_render.h"
#include "core/ascii.h"
#include "core/utf8.h"

namespace citecheck {
namespace article {
namespace wiki {
namespace {

// Searches for a closing ']' or '>' look this far at most.
constexpr size_t kMaxLookahead = 2048;

bool StartsWithAsciiCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[pos + i]) != prefix[i]) return false;
  }
  return true;
}

// Length of the URL scheme prefix at pos ("https://", "//"), or 0.
size_t SchemeLength(std::string_view s, size_t pos) {
  for (std::string_view scheme : {"https://", "http://", "ftp://", "//"}) {
    if (StartsWithAsciiCase(s, pos, scheme)) return scheme.size();
  }
  return 0;
}

struct Entity {
  const char* name;
  const char* text;
};
constexpr Entity kEntities[] = {
    {"nbsp", "\xC2\xA0"}, {"amp", "&"},          {"quot", "\""},          {"lt", "<"},
    {"gt", ">"},          {"ndash", "\xE2\x80\x93"}, {"mdash", "\xE2\x80\x94"}, {"hellip", "\xE2\x80\xA6"},
    {"lsquo", "\xE2\x80\x98"}, {"rsquo", "\xE2\x80\x99"}, {"ldquo", "\xE2\x80\x9C"},
    {"rdquo", "\xE2\x80\x9D"}, {"laquo", "\xC2\xAB"}, {"raquo", "\xC2\xBB"}, {"apos", "'"},
    {"thinsp", "\xE2\x80\x89"}, {"minus", "\xE2\x88\x92"},
};

// Decodes the entity at s[pos] ('&'); returns its length, 0 when none.
size_t DecodeEntity(std::string_view s, size_t pos, size_t end, std::string* out) {
  size_t semi = s.substr(pos, std::min<size_t>(12, end - pos)).find(';');
  if (semi == std::string_view::npos || semi < 2) return 0;
  std::string_view body = s.substr(pos + 1, semi - 1);
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    char32_t cp = 0;
    for (char c : digits) {
      int v = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                                             : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (v < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      if (cp > 0x10FFFF) return 0;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    AppendUtf8(cp, out);
    return semi + 1;
  }
  for (const Entity& e : kEntities) {
    if (body == e.name) {
      out->append(e.text);
      return semi + 1;
    }
  }
  return 0;
}

bool IsSpecial(char c) {
  return c == '\'' || c == '[' || c == ']' || c == '<' || c == '&' || c == '\n' || c == 'h' || c == 'H' ||
         c == '_' || c == '/' || c == 'f';
}

// Tags whose markup is dropped and content kept.
constexpr std::string_view kInlineTags[] = {
    "span", "small", "big",  "sup", "sub", "b",     "i",    "u",      "s",   "del", "ins",
    "strike", "em",  "strong", "center", "font", "abbr", "cite", "tt", "kbd", "var", "samp",
    "mark", "bdi",   "dfn",  "ruby", "rt",  "rp",   "time", "data", "noinclude", "onlyinclude",
    "caption", "table", "tr", "td", "th", "ul", "ol", "li", "dl", "dt", "dd", "wbr", "section",
};

}  // namespace

void Renderer::Text(size_t begin, size_t end, Mode mode) {
  if (mode == Mode::kSkip) return;
  size_t i = begin;
  while (i < end) {
    if (mode == Mode::kProse && line_start_) {
      line_start_ = false;
      i = LineStart(i, end);
      continue;
    }
    if (in_[i] == '\n') {
      if (mode == Mode::kInline) {
        cur_.AppendAt(" ", i);
      } else if (table_depth_ == 0) {
        if (line_is_block_) Flush();
        else if (!cur_.text.empty()) cur_.Append("\n", i);
      }
      line_start_ = mode == Mode::kProse;
      ++i;
      continue;
    }
    if (mode == Mode::kProse && table_depth_ > 0) {
      size_t nl = in_.find('\n', i);
      i = nl == std::string_view::npos || nl > end ? end : nl;
      continue;
    }
    i = Inline(i, end);
  }
}

// At the start of a line of the article: what kind of line it is.
size_t Renderer::LineStart(size_t pos, size_t end) {
  size_t le = in_.find('\n', pos);
  if (le == std::string_view::npos) le = in_.size();
  std::string_view line = in_.substr(pos, le - pos);
  size_t lead = 0;
  while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
  std::string_view t = line.substr(lead);
  const size_t line_end = std::min(le, end);
  if (table_depth_ > 0) {
    if (t.rfind("{|", 0) == 0) ++table_depth_;
    if (t.rfind("|}", 0) == 0) --table_depth_;
    return table_depth_ > 0 ? line_end : std::min(end, pos + lead + 2);
  }
  if (t.rfind("{|", 0) == 0) {
    Flush();
    table_depth_ = 1;
    return line_end;
  }
  if (IsBlank(line)) {
    if (!quote_open_) Flush();
    return line_end;
  }
  if (line[0] == '=') {
    std::string_view r = Trim(line);
    if (r.size() >= 5 && r.substr(r.size() - 3) == "-->") {
      size_t c = r.rfind("<!--");
      if (c != std::string_view::npos) r = Trim(r.substr(0, c));
    }
    size_t n = 0;
    while (n < r.size() && r[n] == '=') ++n;
    if (r.size() > 2 && r.back() == '=' && n < r.size()) {
      Flush();
      cur_.heading = true;
      line_is_block_ = true;
      return std::min(end, pos + n);
    }
  }
  if (line[0] == '*' || line[0] == '#' || line[0] == ':' || line[0] == ';') {
    Flush();
    size_t k = 0;
    while (k < line.size() && std::strchr("*#:; \t", line[k]) != nullptr) ++k;
    line_is_block_ = true;
    return std::min(end, pos + k);
  }
  if (line.rfind("----", 0) == 0) {
    Flush();
    size_t k = 0;
    while (k < line.size() && line[k] == '-') ++k;
    return std::min(end, pos + k);
  }
  return pos;
}

// One piece of inline text at pos: markup, or a run of plain bytes.
size_t Renderer::Inline(size_t pos, size_t end) {
  const char c = in_[pos];
  if (c == '\'' && pos + 1 < end && in_[pos + 1] == '\'') {
    size_t j = pos;
    while (j < end && in_[j] == '\'') ++j;
    size_t n = j - pos;
    // ''''' is bold italic; four are an apostrophe and bold; more than five
    // show the extra ones.
    if (n == 4) cur_.Append("'", pos);
    if (n > 5) cur_.Append(in_.substr(pos, n - 5), pos);
    return j;
  }
  if (c == '[') {
    size_t r = ExternalLink(pos, end);
    if (r != pos) return r;
  }
  if (c == ']' && in_ext_link_) {
    in_ext_link_ = false;
    return pos + 1;
  }
  if (c == '<') {
    size_t r = HtmlTag(pos, end);
    if (r != pos) return r;
  }
  if (c == '&') {
    std::string decoded;
    size_t n = DecodeEntity(in_, pos, end, &decoded);
    if (n > 0) {
      cur_.AppendAt(decoded, pos);
      return pos + n;
    }
  }
  if ((c == 'h' || c == 'H' || c == 'f' || c == '/') && SchemeLength(in_, pos) > 2 &&
      (pos == 0 || !IsWordChar(CodePointBefore(in_, pos)))) {
    size_t e = std::min(end, UrlEnd(in_.substr(0, end), pos));
    if (e > pos + SchemeLength(in_, pos)) {
      cur_.Append(in_.substr(pos, e - pos), pos, /*is_opaque=*/true);
      return e;
    }
  }
  if (c == '_' && pos + 4 < end && in_[pos + 1] == '_') {
    size_t j = pos + 2;
    while (j < end && in_[j] >= 'A' && in_[j] <= 'Z') ++j;
    if (j > pos + 2 && j + 1 < end && in_[j] == '_' && in_[j + 1] == '_') return j + 2;  // __TOC__
  }
  size_t j = pos + 1;
  while (j < end && !IsSpecial(in_[j])) ++j;
  cur_.Append(in_.substr(pos, j - pos), pos);
  return j;
}

// [url label] → label; [url] → nothing. Returns pos when it is not one.
size_t Renderer::ExternalLink(size_t pos, size_t end) {
  const size_t scheme = SchemeLength(in_, pos + 1);
  if (scheme == 0) return pos;
  size_t u = pos + 1 + scheme;
  while (u < end && in_[u] != ' ' && in_[u] != ']' && in_[u] != '<' && in_[u] != '\n' && in_[u] != '\t') ++u;
  if (u >= end || u == pos + 1 + scheme) return pos;
  if (in_[u] == ']') return u + 1;
  // The label must close on this line, as in MediaWiki; else '[' is text.
  const size_t limit = std::min(in_.size(), u + kMaxLookahead);
  size_t close = u;
  while (close < limit && in_[close] != ']' && in_[close] != '\n') ++close;
  if (close >= limit || in_[close] != ']') return pos;
  in_ext_link_ = true;
  return in_[u] == ' ' || in_[u] == '\t' ? u + 1 : u;
}

size_t Renderer::HtmlTag(size_t pos, size_t end) {
  size_t j = pos + 1;
  const bool closing = j < end && in_[j] == '/';
  if (closing) ++j;
  size_t name_start = j;
  while (j < end && ((in_[j] >= 'a' && in_[j] <= 'z') || (in_[j] >= 'A' && in_[j] <= 'Z'))) ++j;
  if (j == name_start || j >= end) return pos;
  std::string name = AsciiLower(in_.substr(name_start, j - name_start));
  const size_t limit = std::min(end, pos + kMaxLookahead);
  size_t gt = j;
  while (gt < limit && in_[gt] != '>' && in_[gt] != '<') ++gt;
  if (gt >= limit || in_[gt] != '>') return pos;
  if (in_[j] != '>' && in_[j] != ' ' && in_[j] != '/' && in_[j] != '\t' && in_[j] != '\n') return pos;
  const size_t after = gt + 1;
  if (name == "br" || name == "hr" || name == "p" || name == "div") {
    cur_.AppendAt(" ", pos);
    return after;
  }
  if (name == "blockquote") {
    if (closing) {
      CloseQuote();
      Flush();
    } else {
      Flush();
      OpenQuote(after);
    }
    return after;
  }
  if (name == "q") {
    if (closing) CloseQuote();
    else OpenQuote(after);
    return after;
  }
  if (std::find(std::begin(kInlineTags), std::end(kInlineTags), name) != std::end(kInlineTags)) return after;
  return pos;
}

}  // namespace wiki
}  // namespace article
}  // namespace citecheck
