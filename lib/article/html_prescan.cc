// The checks made on HTML before gumbo sees it (declared in html_reader.h).
#include <algorithm>
#include <cctype>
#include <string>

#include "article/html_reader.h"
#include "article/text_util.h"

namespace citecheck {
namespace article {
namespace {

// Elements that never hold children or whose end tag the parser supplies, so
// counting their start tags would overstate the depth.
constexpr std::string_view kNotCounted[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "!doctype",
};

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool Counted(const std::string& name) {
  return std::find(std::begin(kNotCounted), std::end(kNotCounted), name) == std::end(kNotCounted);
}

// Where "</name" (any case) next starts at or after `pos`, or npos. Looks at
// each byte once: copying and lower-casing the rest of the input for every
// <script> made the prescan quadratic.
size_t FindEndTag(std::string_view html, size_t pos, const std::string& name) {
  while ((pos = html.find("</", pos)) != std::string_view::npos) {
    size_t i = 0;
    while (i < name.size() && pos + 2 + i < html.size() &&
           std::tolower(static_cast<unsigned char>(html[pos + 2 + i])) == name[i]) {
      ++i;
    }
    if (i == name.size()) return pos;
    pos += 2;
  }
  return std::string_view::npos;
}

}  // namespace

int HtmlNestingDepth(std::string_view html) {
  int depth = 0, deepest = 0;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.compare(pos, 4, "<!--") == 0) {
      size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    size_t name_start = pos + (closing ? 2 : 1);
    size_t name_end = name_start;
    while (name_end < html.size() && (std::isalnum(static_cast<unsigned char>(html[name_end])) ||
                                      html[name_end] == '!' || html[name_end] == '-')) {
      ++name_end;
    }
    if (name_end == name_start) {
      ++pos;
      continue;
    }
    std::string name = Lower(html.substr(name_start, name_end - name_start));
    size_t gt = html.find('>', name_end);
    if (gt == std::string_view::npos) break;
    bool self_closing = html[gt - 1] == '/';
    if (Counted(name) && !self_closing) {
      depth = closing ? std::max(0, depth - 1) : depth + 1;
      deepest = std::max(deepest, depth);
    }
    pos = gt + 1;
    if (!closing && (name == "script" || name == "style")) {
      pos = FindEndTag(html, pos, name);
      if (pos == std::string_view::npos) break;
    }
  }
  return deepest;
}

bool LooksLikeHtml(std::string_view text) {
  std::string head = Lower(Trim(text.substr(text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0, 8192)));
  for (std::string_view start : {"<!doctype html", "<html", "<?xml"}) {
    if (head.rfind(start, 0) == 0) return true;
  }
  if (head.find("<body") != std::string::npos) return true;
  if (head.empty() || head[0] != '<') return false;
  for (std::string_view tag : {"<p>", "<p ", "<div", "<article", "<h1", "<main", "<section"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

}  // namespace article
}  // namespace citecheck
