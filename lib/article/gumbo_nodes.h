// Small read-only helpers over gumbo's tree, shared by the HTML article
// reader and its MediaWiki parts. Internal to lib/article.
#ifndef CITECHECK_ARTICLE_GUMBO_NODES_H_
#define CITECHECK_ARTICLE_GUMBO_NODES_H_

#include <gumbo.h>

#include <string>
#include <string_view>

namespace citecheck {
namespace article {

// Below the nesting guard's limit; bounds every recursion over the tree,
// should gumbo nest deeper than the tags counted (reconstructed formatting
// elements).
constexpr int kMaxWalkDepth = 1200;

// The attribute's value, or nullptr (also for non-elements).
const char* Attr(const GumboNode* node, const char* name);

// True when `node` is an element whose class attribute holds the token `name`.
bool HasClass(const GumboNode* node, std::string_view name);

bool IsElement(const GumboNode* node, GumboTag tag);

// Visible text of a subtree (hidden elements skipped), white space collapsed
// into single spaces and trimmed.
std::string TextOf(const GumboNode* node);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_GUMBO_NODES_H_
