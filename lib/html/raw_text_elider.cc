#include "html/raw_text_elider.h"

#include <algorithm>
#include <array>
#include <vector>

#include "core/ascii.h"
#include "html/nesting_guard.h"

namespace citecheck {
namespace {

constexpr size_t kNpos = std::string_view::npos;

// HTML start tags that end svg/math content (the tree builder's "breakout"
// list), and the elements that switch the tokenizer to raw text or change
// the insertion mode: met inside svg/math, the pre-pass gives up.
constexpr std::array<std::string_view, 58> kForeignGiveUp = {
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
    "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
    "sub", "sup", "table", "tt", "u", "ul", "var", "font", "script", "style", "xmp", "iframe",
    "noembed", "noframes", "textarea", "plaintext", "noscript", "select", "frameset", "html",
    "template"};

// Where svg/math hand their content back to HTML parsing.
constexpr std::array<std::string_view, 9> kIntegrationPoints = {
    "foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"};

template <typename List>
bool Contains(const List& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsTagEnd(char c) { return IsSpace(c) || c == '/' || c == '>'; }

struct Tag {
  std::string name;  // ASCII lower-cased, as the tokenizer emits it
  std::string type;  // the first type="" attribute
  bool self_closing = false;
};

class Elider {
 public:
  explicit Elider(std::string_view html) : html_(html) {}

  std::optional<std::string> Run() {
    while (pos_ < html_.size()) {
      size_t lt = html_.find('<', pos_);
      if (lt == kNpos || lt + 1 >= html_.size()) break;
      pos_ = lt + 1;
      char c = html_[pos_];
      bool ok = true;
      if (c == '!') {
        ++pos_;
        MarkupDeclaration();
      } else if (c == '?') {
        SkipPast('>');  // a bogus comment, kept as it is
      } else if (c == '/' && pos_ + 1 < html_.size() && IsAlpha(html_[pos_ + 1])) {
        ++pos_;
        Tag tag;
        if (!ReadTag(&tag)) break;  // EOF inside a tag: the tokenizer drops it
        ok = EndTag(tag);
      } else if (c == '/') {
        if (pos_ + 1 < html_.size() && html_[pos_ + 1] == '>') {
          pos_ += 2;
        } else {
          SkipPast('>');
        }
      } else if (IsAlpha(c)) {
        Tag tag;
        if (!ReadTag(&tag)) break;
        ok = StartTag(tag);
      }
      if (!ok) return std::nullopt;
    }
    if (!elided_) return std::nullopt;
    out_.append(html_.substr(copied_));
    return std::move(out_);
  }

 private:
  // Drops html_[from, to) from the output; everything else is copied.
  void Elide(size_t from, size_t to) {
    if (to <= from) return;
    if (out_.empty()) out_.reserve(html_.size());
    out_.append(html_.substr(copied_, from - copied_));
    copied_ = to;
    elided_ = true;
  }

  void SkipPast(char c) {
    size_t end = html_.find(c, pos_);
    pos_ = end == kNpos ? html_.size() : end + 1;
  }

  // pos_ is just past "<!".
  void MarkupDeclaration() {
    if (html_.compare(pos_, 2, "--") == 0) {
      size_t body = pos_ + 2;
      size_t close = 0;
      pos_ = CommentEnd(body, &close);
      Elide(body, close);
      return;
    }
    if (!foreign_.empty() && html_.compare(pos_, 7, "[CDATA[") == 0) {
      size_t end = html_.find("]]>", pos_ + 7);
      pos_ = end == kNpos ? html_.size() : end + 3;
      return;
    }
    SkipPast('>');  // DOCTYPE or a bogus comment: ends at the first '>'
  }

  // Just past the end of a comment whose body starts at `body`: "<!-->",
  // "<!--->", else the first "-->" or "--!>", else the end of input.
  // *close is where that ending starts: the body before it may go.
  size_t CommentEnd(size_t body, size_t* close) const {
    *close = body;
    if (html_.compare(body, 1, ">") == 0) return body + 1;
    if (html_.compare(body, 2, "->") == 0) return body + 2;
    // One scan for "--" (searching "--!>" on its own would rescan the rest of
    // the page for every comment).
    for (size_t dashes = html_.find("--", body); dashes != kNpos; dashes = html_.find("--", dashes + 1)) {
      if (html_.compare(dashes + 2, 1, ">") == 0 || html_.compare(dashes + 2, 2, "!>") == 0) {
        *close = dashes;
        return dashes + (html_[dashes + 2] == '>' ? 3 : 4);
      }
    }
    return *close = html_.size();
  }

  // Reads a tag whose name starts at pos_ as the tokenizer does (quoted
  // values may hold '>' and "<script"); false when the input ends first.
  bool ReadTag(Tag* tag) {
    while (pos_ < html_.size() && !IsTagEnd(html_[pos_])) tag->name.push_back(AsciiLower(html_[pos_++]));
    bool have_type = false;
    while (pos_ < html_.size()) {
      char c = html_[pos_];
      if (IsSpace(c)) {
        ++pos_;
      } else if (c == '>') {
        ++pos_;
        return true;
      } else if (c == '/') {
        ++pos_;
        if (pos_ < html_.size() && html_[pos_] == '>') {
          tag->self_closing = true;
          ++pos_;
          return true;
        }
      } else {
        size_t name_start = pos_++;  // the first character may be '=' or a quote
        while (pos_ < html_.size() && !IsTagEnd(html_[pos_]) && html_[pos_] != '=') ++pos_;
        std::string name = AsciiLower(html_.substr(name_start, pos_ - name_start));
        while (pos_ < html_.size() && IsSpace(html_[pos_])) ++pos_;
        if (pos_ >= html_.size() || html_[pos_] != '=') continue;
        ++pos_;
        std::string_view value;
        if (!ReadValue(&value)) return false;
        if (name == "type" && !have_type) tag->type = AsciiLower(value);
        if (name == "type") have_type = true;
      }
    }
    return false;
  }

  // An attribute value after '=': quoted, unquoted, or missing (then the
  // '>' that follows ends the tag and is left for the caller).
  bool ReadValue(std::string_view* value) {
    while (pos_ < html_.size() && IsSpace(html_[pos_])) ++pos_;
    if (pos_ >= html_.size()) return false;
    char quote = html_[pos_];
    if (quote == '"' || quote == '\'') {
      size_t end = html_.find(quote, pos_ + 1);
      if (end == kNpos) return false;
      *value = html_.substr(pos_ + 1, end - pos_ - 1);
      pos_ = end + 1;
      return true;
    }
    size_t start = pos_;
    while (pos_ < html_.size() && !IsSpace(html_[pos_]) && html_[pos_] != '>') ++pos_;
    *value = html_.substr(start, pos_ - start);
    return true;
  }

  bool StartTag(const Tag& tag) {
    if (!foreign_.empty()) return ForeignStartTag(tag);
    const std::string& name = tag.name;
    if (name == "svg" || name == "math") {
      if (!tag.self_closing) foreign_.push_back(name);
      return true;
    }
    if (name == "frameset") return false;
    if (name == "select") in_select_ = true;
    if (name == "script") {
      size_t end = ScriptDataEnd(pos_);
      // JSON data blocks (schema.org metadata) stay for whoever reads them.
      if (tag.type.find("json") == std::string::npos) Elide(pos_, end);
      pos_ = end;
      return true;
    }
    bool rcdata = name == "title" || name == "textarea";
    bool rawtext = name == "style" || name == "xmp" || name == "iframe" || name == "noembed" ||
                   name == "noframes";
    if ((rcdata || rawtext || name == "plaintext") && in_select_) return false;  // see the header
    if (name == "plaintext") {
      pos_ = html_.size();
      return true;
    }
    if (rcdata || rawtext) {
      size_t end = EndTagOf(pos_, name);
      if (name == "style") Elide(pos_, end);
      pos_ = end;
    }
    return true;
  }

  bool EndTag(const Tag& tag) {
    if (foreign_.empty()) {
      if (tag.name == "select") in_select_ = false;
      return true;
    }
    // Inside svg/math an end tag closes the nearest open element of its name;
    // one naming none of them would close HTML around them: give up.
    auto open = std::find(foreign_.rbegin(), foreign_.rend(), tag.name);
    if (open == foreign_.rend()) return false;
    foreign_.erase(std::next(open).base(), foreign_.end());
    return true;
  }

  bool ForeignStartTag(const Tag& tag) {
    if (Contains(kForeignGiveUp, tag.name)) return false;
    if (tag.name == "title" && std::any_of(foreign_.begin(), foreign_.end(), [](const std::string& n) {
          return Contains(kIntegrationPoints, n);
        })) {
      return false;  // an HTML <title> (RCDATA) inside an integration point
    }
    if (!tag.self_closing) foreign_.push_back(tag.name);
    return foreign_.size() <= kMaxOpenElements;
  }

  // Whether `name` (lower case) starts at `at`, in any case, followed by
  // whitespace, '/' or '>'.
  bool NameAt(size_t at, std::string_view name) const {
    if (at + name.size() >= html_.size()) return false;
    for (size_t i = 0; i < name.size(); ++i) {
      if (AsciiLower(html_[at + i]) != name[i]) return false;
    }
    return IsTagEnd(html_[at + name.size()]);
  }

  // Whether "</name" (any case) followed by whitespace, '/' or '>' starts at `at`.
  bool EndTagAt(size_t at, std::string_view name) const {
    return at + 1 < html_.size() && html_[at] == '<' && html_[at + 1] == '/' && NameAt(at + 2, name);
  }

  // Start of the end tag that closes RAWTEXT or RCDATA begun at `from`.
  size_t EndTagOf(size_t from, std::string_view name) const {
    for (size_t lt = html_.find("</", from); lt != kNpos; lt = html_.find("</", lt + 1)) {
      if (EndTagAt(lt, name)) return lt;
    }
    return html_.size();
  }

  size_t ScriptDataEnd(size_t from) const;

  std::string_view html_;
  size_t pos_ = 0;
  size_t copied_ = 0;
  bool elided_ = false;
  bool in_select_ = false;
  std::vector<std::string> foreign_;  // open svg/math elements, outermost first
  std::string out_;
};

// Start of the "</script" that ends script data begun at `from`, through the
// escaped ("<!--") and double-escaped ("<!-- <script>") states, in which
// "-->" returns to plain script data and, when double-escaped, "</script"
// only returns to escaped.
size_t Elider::ScriptDataEnd(size_t from) const {
  enum class State { kData, kEscaped, kDoubleEscaped } state = State::kData;
  size_t p = from;
  while (p < html_.size()) {
    if (state == State::kData) {
      p = html_.find('<', p);
      if (p == kNpos) break;
      if (EndTagAt(p, "script")) return p;
      if (html_.compare(p, 4, "<!--") == 0) {
        state = State::kEscaped;
        p += 2;  // its dashes count towards a "-->": "<!-->" is escaped and ended at once
      } else {
        ++p;
      }
      continue;
    }
    p = html_.find_first_of("<-", p);
    if (p == kNpos) break;
    if (html_[p] == '-') {
      if (html_.compare(p, 3, "-->") == 0) {
        state = State::kData;
        p += 3;
      } else {
        ++p;
      }
    } else if (EndTagAt(p, "script")) {
      if (state == State::kEscaped) return p;
      state = State::kEscaped;
      p += 8;
    } else if (state == State::kEscaped && NameAt(p + 1, "script")) {
      state = State::kDoubleEscaped;
      p += 7;
    } else {
      ++p;
    }
  }
  return html_.size();
}

}  // namespace

std::optional<std::string> ElideRawText(std::string_view html) { return Elider(html).Run(); }

}  // namespace citecheck
