#include "html/nesting_guard.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "core/ascii.h"

namespace citecheck {
namespace {

// Elements that never hold others open: void elements, and those whose end
// tag the parser supplies itself when the next sibling starts.
constexpr std::array<std::string_view, 35> kNonNesting = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
    "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound",
    "frame", "isindex", "p", "li", "dt", "dd", "option", "optgroup", "tr",
    "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp", "colgroup"};

// Elements whose content is raw text: a '<' inside them is not a tag.
constexpr std::array<std::string_view, 6> kRawText = {
    "script", "style", "textarea", "title", "xmp", "plaintext"};

template <typename List>
bool Contains(const List& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

std::string LowerTagName(std::string_view html, size_t* pos) {
  std::string name;
  while (*pos < html.size()) {
    unsigned char c = static_cast<unsigned char>(html[*pos]);
    if (!std::isalnum(c) && c != '-' && c != ':' && c != '_') break;
    name.push_back(AsciiLower(static_cast<char>(c)));
    ++*pos;
  }
  return name;
}

// Position just past the '>' that ends the tag starting at `pos`, honouring
// quoted attribute values; *self_closing tells whether it ended with "/>".
size_t SkipTag(std::string_view html, size_t pos, bool* self_closing) {
  char quote = 0;
  for (; pos < html.size(); ++pos) {
    char c = html[pos];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      *self_closing = pos > 0 && html[pos - 1] == '/';
      return pos + 1;
    }
  }
  return html.size();
}

// Position just past the end tag "</name" of a raw text element.
size_t SkipRawText(std::string_view html, size_t pos, const std::string& name) {
  std::string needle = "</" + name;
  while (pos < html.size()) {
    size_t lt = html.find("</", pos);
    if (lt == std::string_view::npos) return html.size();
    bool match = lt + needle.size() <= html.size();
    for (size_t i = 2; match && i < needle.size(); ++i) {
      match = AsciiLower(html[lt + i]) == needle[i];
    }
    if (match) return lt;
    pos = lt + 2;
  }
  return html.size();
}

}  // namespace

size_t MaxOpenElements(std::string_view html, size_t limit) {
  size_t depth = 0;
  size_t max_depth = 0;
  size_t pos = 0;
  while (pos < html.size() && max_depth <= limit) {
    size_t lt = html.find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
    pos = lt + 1;
    if (html.compare(pos, 3, "!--") == 0) {
      size_t end = html.find("-->", pos + 3);
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    bool closing = html[pos] == '/';
    if (closing) ++pos;
    if (pos >= html.size() || !std::isalpha(static_cast<unsigned char>(html[pos]))) continue;
    std::string name = LowerTagName(html, &pos);
    bool self_closing = false;
    pos = SkipTag(html, pos, &self_closing);
    if (Contains(kNonNesting, name)) continue;
    bool raw_text = Contains(kRawText, name);
    if (closing) {
      if (raw_text) continue;  // its start tag was not counted either
      if (depth > 0) --depth;
      continue;
    }
    if (raw_text) {
      pos = SkipRawText(html, pos, name);
      continue;
    }
    if (self_closing) continue;
    max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

}  // namespace citecheck
