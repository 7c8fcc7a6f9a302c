#include "article/cs1_html.h"

#include <string_view>
#include <vector>

#include "article/cs1_date.h"
#include "article/gumbo_nodes.h"
#include "article/text_util.h"

namespace citecheck {
namespace article {
namespace {

struct Link {
  const GumboNode* node;
  std::string href;
  std::string text;
};

const GumboNode* Child(const GumboNode* node, unsigned i) {
  return static_cast<const GumboNode*>(node->v.element.children.data[i]);
}

size_t OffsetOf(const GumboNode* node) { return node->v.element.start_pos.offset; }

// CS1 marks its links class="external"; a saved page may also have made
// wikilinks absolute, but those carry a title attribute, external links none.
bool IsExternalLink(const GumboNode* a, std::string_view href) {
  if (href.empty() || href[0] == '#') return false;
  if (HasClass(a, "external")) return true;
  return IsAbsoluteHttpUrl(href) && Attr(a, "title") == nullptr;
}

// A link's text without the script-title CS1 puts beside a romanized title
// (<bdi lang="ru">), so the title is the title= as written.
std::string LinkText(const GumboNode* a) {
  std::string out;
  for (unsigned i = 0; i < a->v.element.children.length; ++i) {
    const GumboNode* c = Child(a, i);
    if (IsElement(c, GUMBO_TAG_BDI) && Attr(c, "lang")) continue;
    out += ' ';
    out += TextOf(c);
  }
  std::string collapsed;
  for (char ch : out) {
    bool space = ch == ' ' || ch == '\n' || ch == '\t';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed.push_back(space ? ' ' : ch);
  }
  return std::string(Trim(collapsed));
}

class ReferenceWalker {
 public:
  void Walk(const GumboNode* node, int depth) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxWalkDepth) return;
    if (HasClass(node, "mw-cite-backlink")) return;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_Q && !quote) {
      quote = node;
      return;  // links inside the quotation are the quoted text's, not the source
    }
    if (tag == GUMBO_TAG_I && !first_italic) first_italic = node;
    if (tag == GUMBO_TAG_SPAN && HasClass(node, "reference-accessdate") && !accessdate) accessdate = node;
    if (tag == GUMBO_TAG_A) {
      const char* href = Attr(node, "href");
      std::string_view h = href ? Trim(href) : "";
      if (IsExternalLink(node, h)) links.push_back({node, std::string(h), LinkText(node)});
    }
    for (unsigned i = 0; i < node->v.element.children.length; ++i) Walk(Child(node, i), depth + 1);
  }

  std::vector<Link> links;
  const GumboNode* quote = nullptr;
  const GumboNode* first_italic = nullptr;
  const GumboNode* accessdate = nullptr;
};

// The date after the last `phrase` in `text`, or "".
std::string DateAfter(std::string_view text, std::string_view phrase) {
  size_t at = text.rfind(phrase);
  return at == std::string_view::npos ? "" : ParseCs1Date(text.substr(at + phrase.size()));
}

std::string StripTitleQuotes(std::string_view title) {
  title = Trim(title);
  for (std::string_view mark : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "'"}) {
    if (title.size() >= mark.size() && title.compare(0, mark.size(), mark) == 0) title.remove_prefix(mark.size());
    if (title.size() >= mark.size() && title.compare(title.size() - mark.size(), mark.size(), mark) == 0) {
      title.remove_suffix(mark.size());
    }
  }
  return std::string(Trim(title));
}

// An element (not the translation) marked with lang inside or right after
// the <q>: CS1's script-quote beside its romanization.
const GumboNode* ScriptText(const GumboNode* q) {
  std::vector<const GumboNode*> stack = {q};
  while (!stack.empty() && stack.size() < 4096) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n != q && n->type == GUMBO_NODE_ELEMENT && Attr(n, "lang") && *Attr(n, "lang")) return n;
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    for (unsigned i = n->v.element.children.length; i > 0; --i) stack.push_back(Child(n, i - 1));
  }
  const GumboNode* parent = q->parent;
  if (!parent || parent->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboVector& siblings = parent->v.element.children;
  for (unsigned i = q->index_within_parent + 1; i < siblings.length; ++i) {
    const GumboNode* s = static_cast<const GumboNode*>(siblings.data[i]);
    if (s->type == GUMBO_NODE_WHITESPACE) continue;
    if (s->type == GUMBO_NODE_ELEMENT && Attr(s, "lang") && *Attr(s, "lang")) return s;
    break;
  }
  return nullptr;
}

// The quotation's text; a bracketed translation at its end is dropped.
std::string QuoteText(const GumboNode* q) {
  if (const GumboNode* script = ScriptText(q)) return TextOf(script);
  std::string text = TextOf(q);
  std::string_view t = Trim(text);
  if (!t.empty() && t.back() == ']') {
    size_t open = t.rfind('[');
    if (open != std::string_view::npos && open > 0) t = Trim(t.substr(0, open));
  }
  return std::string(t);
}

}  // namespace

RenderedReference ReadRenderedReference(const GumboNode* reference) {
  RenderedReference out;
  ReferenceWalker walker;
  walker.Walk(reference, 0);
  const Link* archived = nullptr;
  const Link* original = nullptr;
  std::vector<const Link*> others;
  for (const Link& link : walker.links) {
    if (link.text == "Archived" && !archived) {
      archived = &link;
    } else if (link.text == "the original" && !original) {
      original = &link;
    } else {
      others.push_back(&link);
    }
  }
  const Link* title = others.empty() ? nullptr : others.front();
  if (original) {
    // url-status=dead: the title links to the copy, "the original" to the URL.
    out.url = original->href;
    out.url_offset = OffsetOf(original->node);
    out.url_status = "dead";
    if (title) out.archive_url = title->href;
  } else if (title) {
    out.url = title->href;
    out.url_offset = OffsetOf(title->node);
  }
  if (archived && !original) {
    out.archive_url = archived->href;
    out.url_status = "live";
  }
  if (title) {
    out.title = StripTitleQuotes(title->text);
  } else if (walker.first_italic) {
    out.title = StripTitleQuotes(TextOf(walker.first_italic));
  }
  std::string text = TextOf(reference);
  if (!out.archive_url.empty()) out.archive_date = DateAfter(text, "from the original on");
  out.access_date = DateAfter(walker.accessdate ? TextOf(walker.accessdate) : text, "Retrieved");
  if (walker.quote) {
    out.has_quote = true;
    out.quote = QuoteText(walker.quote);
    out.quote_offset = OffsetOf(walker.quote);
  }
  return out;
}

}  // namespace article
}  // namespace citecheck
