// The wikitext preprocessor: splits wikitext into the constructs MediaWiki's
// preprocessor knows (templates {{…}}, wikilinks [[…]], comments, extension
// tags such as <ref> and <nowiki>) and keeps every source offset, so that
// lines and columns point into the file (docs/wikitext.md).
// Internal to lib/article.
//
// One pass, no recursion: the tree lives in a flat arena, so a template
// nested 10,000 deep costs 10,000 nodes and no stack. An opening "{{" or
// "[[" that never closes is literal text (Node::broken), as in MediaWiki.
#ifndef CITECHECK_ARTICLE_WIKITEXT_TREE_H_
#define CITECHECK_ARTICLE_WIKITEXT_TREE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace citecheck {
namespace article {
namespace wiki {

// A problem found while reading, at a byte offset of the input.
struct Issue {
  size_t offset = 0;
  std::string message;
};

struct Node {
  enum class Kind {
    kRoot,      // children: the top-level nodes
    kText,      // [begin, end) literal wikitext, still holding inline markup
    kComment,   // <!-- … --> (to the end when unclosed, as in MediaWiki)
    kTag,       // an extension tag: name, attributes, inner range
    kTemplate,  // {{…}}: children are kPart nodes split at top-level '|'
    kLink,      // [[…]]: children are kPart nodes
    kPart,      // one '|'-separated part; `eq` is the offset of its first top-level '='
  };
  Kind kind = Kind::kText;
  uint32_t begin = 0;  // source range of the whole construct
  uint32_t end = 0;
  std::vector<uint32_t> children;  // indices into Tree::nodes
  // kTag: lower-case name; attributes [attr_begin, attr_end); content
  // [inner_begin, inner_end) (empty when self-closing).
  std::string name;
  uint32_t attr_begin = 0, attr_end = 0;
  uint32_t inner_begin = 0, inner_end = 0;
  bool self_closing = false;
  // kTemplate / kLink: never closed; shown as the literal text it is.
  bool broken = false;
  // kPart: offset of the first '=' outside nested constructs, or npos.
  size_t eq = std::string_view::npos;
};

struct Tree {
  std::vector<Node> nodes;  // nodes[0] is the root
  const Node& root() const { return nodes[0]; }
};

// Parses input[begin, end). Offsets in the result index `input`. Adds an
// Issue for each unclosed "{{", "[[" and extension tag (an unclosed <ref>
// is literal text, as in MediaWiki).
Tree ParseWikitext(std::string_view input, size_t begin, size_t end, std::vector<Issue>* issues);

// A template's or link's name: the first part's text without comments,
// trimmed, "Template:" and "subst:" dropped, spaces and underscores
// collapsed, ASCII lower-cased ("Cite_Web " → "cite web").
std::string NodeName(std::string_view input, const Tree& tree, const Node& node);

// The name of a part before its '=' (trimmed, lower-cased), or "" for a
// positional part.
std::string PartName(std::string_view input, const Node& part);

// Value of the named attribute of a tag's attribute text (quoted with " or ',
// or unquoted up to white space), or nullopt-as-false.
bool TagAttribute(std::string_view attributes, std::string_view name, std::string* value);

}  // namespace wiki
}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_WIKITEXT_TREE_H_
