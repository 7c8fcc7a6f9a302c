#include "article/html_published_date.h"

#include <cctype>
#include <string_view>

#include "article/front_matter.h"
#include "article/gumbo_nodes.h"
#include "core/ascii.h"

namespace citecheck {
namespace article {
namespace {

// `list` (white-space separated tokens, as itemprop is) holds `token`.
bool HasToken(const std::string& list, std::string_view token) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && std::isspace(static_cast<unsigned char>(list[i]))) ++i;
    size_t end = i;
    while (end < list.size() && !std::isspace(static_cast<unsigned char>(list[end]))) ++end;
    if (end > i && std::string_view(list).substr(i, end - i) == token) return true;
    i = end;
  }
  return false;
}

bool IsDateMetaName(const std::string& name) {
  return name == "article:published_time" || name == "date" || name == "dc.date" || name == "dc.date.issued" ||
         name == "dcterms.date" || name == "dcterms.issued" || name == "citation_publication_date" ||
         name == "citation_date" || name == "pubdate" || name == "publish-date" || name == "og:published_time";
}

// The date this element states, if it is a date statement.
std::string DateOf(const GumboNode* node) {
  const char* itemprop = Attr(node, "itemprop");
  if (itemprop && HasToken(AsciiLower(itemprop), "datepublished")) {
    for (const char* attr : {"content", "datetime"}) {
      if (const char* value = Attr(node, attr)) return ParseMetadataDate(value);
    }
  }
  if (!IsElement(node, GUMBO_TAG_META)) return "";
  const char* content = Attr(node, "content");
  if (!content) return "";
  for (const char* attr : {"property", "name"}) {
    const char* name = Attr(node, attr);
    if (name && IsDateMetaName(AsciiLower(name))) return ParseMetadataDate(content);
  }
  return "";
}

std::string Find(const GumboNode* node, int depth) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxWalkDepth) return "";
  std::string date = DateOf(node);
  if (!date.empty()) return date;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    date = Find(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    if (!date.empty()) return date;
  }
  return "";
}

}  // namespace

std::string HtmlPublishedDate(const GumboNode* root) { return root ? Find(root, 0) : ""; }

}  // namespace article
}  // namespace citecheck
