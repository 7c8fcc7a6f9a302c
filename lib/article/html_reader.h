// Reads an HTML article into the reader's Document with gumbo-parser.
// Internal to lib/article.
#ifndef CITECHECK_ARTICLE_HTML_READER_H_
#define CITECHECK_ARTICLE_HTML_READER_H_

#include <string_view>

#include "article/document.h"

namespace citecheck {
namespace article {

// The deepest element nesting of `html` by a tag-counting prescan (elements
// whose end tag is optional or void do not count). gumbo 0.10 has no depth
// limit of its own, so callers refuse input above kMaxHtmlDepth before parsing.
int HtmlNestingDepth(std::string_view html);
constexpr int kMaxHtmlDepth = 1000;

// True when `text` looks like HTML (a doctype, <html>, <body>, <p> ...).
bool LooksLikeHtml(std::string_view text);

// `input` is the whole (valid UTF-8) article; offsets in the result index it.
// Scans <article> or <main> when present, else <body> without its nav,
// header, footer and aside. Lists under a References heading (or an <ol>
// whose id or class says references) are reference entries.
Document ReadHtml(std::string_view input);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_HTML_READER_H_
