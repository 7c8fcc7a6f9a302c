#include "article/mediawiki_html.h"

#include <cctype>
#include <vector>

#include "article/gumbo_nodes.h"
#include "article/text_util.h"

namespace citecheck {
namespace article {
namespace {

constexpr std::string_view kNotePrefix = "cite_note-";

// Classes of rendered templates and skin parts that wikitext reading drops
// too (templates, tables, files), so both forms of an article give the same
// prose (docs/reading.md "MediaWiki's rendered HTML").
constexpr std::string_view kChromeClasses[] = {
    "mw-editsection", "navbox",        "vertical-navbox", "infobox",      "sidebar",
    "metadata",       "ambox",         "hatnote",         "noprint",      "toc",
    "mw-jump-link",   "catlinks",      "printfooter",     "thumb",        "gallery",
    "mw-empty-elt",   "shortdescription", "templatequotecite", "mw-indicators", "navigation-not-searchable",
};

const GumboNode* Child(const GumboNode* node, unsigned i) {
  return static_cast<const GumboNode*>(node->v.element.children.data[i]);
}

template <typename Visit>
void ForEachElement(const GumboNode* node, int depth, const Visit& visit) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxWalkDepth) return;
  if (!visit(node)) return;
  for (unsigned i = 0; i < node->v.element.children.length; ++i) ForEachElement(Child(node, i), depth + 1, visit);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

const GumboNode* FindParserOutput(const GumboNode* root) {
  const GumboNode* found = nullptr;
  ForEachElement(root, 0, [&](const GumboNode* n) {
    if (found) return false;
    if (HasClass(n, "mw-parser-output")) found = n;
    return found == nullptr;
  });
  return found;
}

bool IsMediaWikiTree(const GumboNode* root) {
  bool found = false;
  ForEachElement(root, 0, [&](const GumboNode* n) {
    if (found) return false;
    found = HasClass(n, "mw-parser-output") || (IsElement(n, GUMBO_TAG_OL) && HasClass(n, "references"));
    return !found;
  });
  return found;
}

MediaWikiRole ClassifyMediaWikiElement(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return MediaWikiRole::kNone;
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_OL && HasClass(node, "references")) return MediaWikiRole::kReferenceList;
  std::string id, label;
  if (tag == GUMBO_TAG_SUP && HasClass(node, "reference") && ReadMarker(node, &id, &label)) {
    return MediaWikiRole::kMarker;
  }
  if (tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_FIGURE) return MediaWikiRole::kChrome;
  const char* id_attr = Attr(node, "id");
  if (id_attr && (std::string_view(id_attr) == "toc" || std::string_view(id_attr) == "siteSub")) {
    return MediaWikiRole::kChrome;
  }
  for (std::string_view cls : kChromeClasses) {
    if (HasClass(node, cls)) return MediaWikiRole::kChrome;
  }
  return MediaWikiRole::kNone;
}

bool ReadMarker(const GumboNode* sup, std::string* note_id, std::string* label) {
  for (unsigned i = 0; i < sup->v.element.children.length; ++i) {
    const GumboNode* a = Child(sup, i);
    const char* href = IsElement(a, GUMBO_TAG_A) ? Attr(a, "href") : nullptr;
    if (!href) continue;
    std::string_view h = href;
    size_t hash = h.find('#');  // "#cite_note-1", Parsoid's "./Page#cite_note-1"
    if (hash == std::string_view::npos) continue;
    std::string fragment = PercentDecode(h.substr(hash + 1));
    if (fragment.rfind(kNotePrefix, 0) != 0) continue;
    std::string text = TextOf(a);
    std::string_view t = Trim(text);
    if (t.size() >= 2 && t.front() == '[' && t.back() == ']') t = Trim(t.substr(1, t.size() - 2));
    if (t.empty() || t.size() > 64) continue;
    *note_id = fragment;
    *label = std::string(t);
    return true;
  }
  return false;
}

std::map<std::string, std::string> CollectMarkerLabels(const GumboNode* root) {
  std::map<std::string, std::string> labels;
  ForEachElement(root, 0, [&](const GumboNode* n) {
    std::string id, label;
    if (IsElement(n, GUMBO_TAG_SUP) && HasClass(n, "reference") && ReadMarker(n, &id, &label)) {
      labels.emplace(id, label);
      return false;
    }
    return true;
  });
  return labels;
}

std::string NameFromNoteId(std::string_view note_id) {
  if (note_id.rfind(kNotePrefix, 0) != 0) return "";
  std::string_view rest = note_id.substr(kNotePrefix.size());
  size_t dash = rest.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return "";
  for (char c : rest.substr(dash + 1)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  }
  std::string name = PercentDecode(rest.substr(0, dash));
  for (char& c : name) {
    if (c == '_') c = ' ';
  }
  return name;
}

std::string GroupFromLabel(std::string_view label) {
  size_t space = label.rfind(' ');
  return space == std::string_view::npos ? "" : std::string(Trim(label.substr(0, space)));
}

}  // namespace article
}  // namespace citecheck
