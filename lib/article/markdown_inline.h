// Markdown inline syntax of one line: code spans, markers, links, autolinks,
// bare URLs, inline HTML tags, escapes. Internal to lib/article.
#ifndef CITECHECK_ARTICLE_MARKDOWN_INLINE_H_
#define CITECHECK_ARTICLE_MARKDOWN_INLINE_H_

#include <cstddef>
#include <string_view>

#include "article/document.h"

namespace citecheck {
namespace article {

// Appends the visible text of input[begin, end) to *block. Markers ("[1]",
// "[^note]") become anchors and leave the text; links keep their text and
// become anchors when their URL is absolute http(s); code, URLs and tags are
// opaque, so they never hold quotation marks.
void AppendMarkdownInline(std::string_view input, size_t begin, size_t end, Block* block);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_MARKDOWN_INLINE_H_
