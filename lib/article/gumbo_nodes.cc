#include "article/gumbo_nodes.h"

#include <cctype>

#include "article/text_util.h"
#include "html/elements.h"

namespace citecheck {
namespace article {
namespace {

void CollectText(const GumboNode* node, int depth, std::string* out) {
  if (depth > kMaxWalkDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    for (const char* p = node->v.text.text; *p; ++p) {
      bool space = std::isspace(static_cast<unsigned char>(*p)) != 0;
      if (space && (out->empty() || out->back() == ' ')) continue;
      out->push_back(space ? ' ' : *p);
    }
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT || IsHiddenElement(node->v.element.tag)) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    CollectText(static_cast<const GumboNode*>(children.data[i]), depth + 1, out);
  }
}

}  // namespace

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool HasClass(const GumboNode* node, std::string_view name) {
  const char* value = Attr(node, "class");
  if (!value || name.empty()) return false;
  std::string_view v = value;
  for (size_t i = v.find(name); i != std::string_view::npos; i = v.find(name, i + 1)) {
    bool starts = i == 0 || std::isspace(static_cast<unsigned char>(v[i - 1]));
    size_t end = i + name.size();
    bool ends = end == v.size() || std::isspace(static_cast<unsigned char>(v[end]));
    if (starts && ends) return true;
  }
  return false;
}

bool IsElement(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

std::string TextOf(const GumboNode* node) {
  std::string out;
  CollectText(node, 0, &out);
  return std::string(Trim(out));
}

}  // namespace article
}  // namespace citecheck
