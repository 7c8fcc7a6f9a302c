#include "article/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "article/gumbo_nodes.h"
#include "article/html_published_date.h"
#include "article/markdown_reader.h"
#include "article/mediawiki_html.h"
#include "article/mediawiki_reference_list.h"
#include "article/text_util.h"
#include "core/ascii.h"
#include "core/utf8.h"
#include "html/elements.h"

namespace citecheck {
namespace article {
namespace {

bool IsChrome(GumboTag tag) {
  return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER ||
         tag == GUMBO_TAG_ASIDE;
}

bool IsHeading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

// First element with one of `tags` in document order (breadth is irrelevant).
const GumboNode* FindFirst(const GumboNode* node, std::initializer_list<GumboTag> tags, int depth = 0) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxWalkDepth) return nullptr;
  if (std::find(tags.begin(), tags.end(), node->v.element.tag) != tags.end()) return node;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* found = FindFirst(static_cast<const GumboNode*>(children.data[i]), tags, depth + 1);
    if (found) return found;
  }
  return nullptr;
}

bool SaysReferences(const GumboNode* node) {
  for (const char* name : {"id", "class"}) {
    const char* value = Attr(node, name);
    if (!value) continue;
    std::string v = AsciiLower(value);
    for (const char* word : {"reference", "footnote", "endnote", "bibliography", "citations"}) {
      if (v.find(word) != std::string::npos) return true;
    }
  }
  return false;
}

// Trailing digits of e.g. "cite_note-3", "ref-3", "fn3"; "" when none.
std::string TrailingNumber(std::string_view s) {
  size_t end = s.size();
  size_t start = end;
  while (start > 0 && std::isdigit(static_cast<unsigned char>(s[start - 1]))) --start;
  std::string n(s.substr(start, std::min<size_t>(end - start, 6)));
  size_t nz = n.find_first_not_of('0');
  return n.empty() ? "" : nz == std::string::npos ? "0" : n.substr(nz);
}

// "[3]", "3" -> "3"; anything else -> "".
std::string MarkerNumber(std::string_view text) {
  text = Trim(text);
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (text.empty() || text.size() > 6) return "";
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  }
  return TrailingNumber(text);
}

}  // namespace

class HtmlReader {
 public:
  explicit HtmlReader(std::string_view input) : input_(input) {}

  Document Read() {
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, input_.data(), input_.size());
    if (const GumboNode* h1 = FindFirst(output->root, {GUMBO_TAG_H1})) doc_.title = TextOf(h1);
    doc_.date = HtmlPublishedDate(output->root);
    if (doc_.title.empty()) {
      if (const GumboNode* title = FindFirst(output->root, {GUMBO_TAG_TITLE})) doc_.title = TextOf(title);
    }
    // MediaWiki's rendered HTML: only the parser output is the article.
    mediawiki_ = IsMediaWikiTree(output->root);
    const GumboNode* root = nullptr;
    if (mediawiki_) {
      root = FindParserOutput(output->root);
      labels_ = CollectMarkerLabels(output->root);
    }
    if (!root) root = FindFirst(output->root, {GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN});
    skip_chrome_ = root == nullptr;
    if (!root) root = FindFirst(output->root, {GUMBO_TAG_BODY});
    if (root) Walk(root, 0);
    Flush();
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return std::move(doc_);
  }

 private:
  size_t OffsetOf(const GumboNode* node) const {
    if (node->type == GUMBO_NODE_ELEMENT) return std::min(static_cast<size_t>(node->v.element.start_pos.offset), Size());
    return std::min(static_cast<size_t>(node->v.text.start_pos.offset), Size());
  }
  size_t Size() const { return input_.empty() ? 0 : input_.size() - 1; }

  void Walk(const GumboNode* node, int depth) {
    if (depth > kMaxWalkDepth) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      AppendText(node->v.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    GumboTag tag = node->v.element.tag;
    if (IsHiddenElement(tag) || (skip_chrome_ && IsChrome(tag))) return;
    if (mediawiki_ && MediaWiki(node)) return;
    if (IsHeading(tag)) return Heading(node, depth);
    if ((tag == GUMBO_TAG_OL || tag == GUMBO_TAG_UL) && (in_refs_ || SaysReferences(node))) {
      return ReferenceList(node, depth);
    }
    switch (tag) {
      case GUMBO_TAG_BLOCKQUOTE: return Blockquote(node, depth);
      case GUMBO_TAG_Q: return InlineQuote(node, depth);
      case GUMBO_TAG_A: return Link(node, depth);
      case GUMBO_TAG_BR: block_.AppendAt("\n", OffsetOf(node)); return;
      default: break;
    }
    bool block = IsBlockElement(tag);
    bool code = tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_KBD ||
                tag == GUMBO_TAG_SAMP || tag == GUMBO_TAG_TT;
    if (block) Break(OffsetOf(node));
    opaque_depth_ += code;
    Children(node, depth);
    opaque_depth_ -= code;
    if (block) Break(OffsetOf(node));
  }

  void Children(const GumboNode* node, int depth) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      Walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    }
  }

  // A block element ends the paragraph, except inside a blockquote, which is
  // one quotation however many paragraphs it holds.
  void Break(size_t offset) {
    if (quote_depth_ == 0) return Flush();
    if (!block_.text.empty() && block_.text.back() != '\n') block_.AppendAt("\n", offset);
  }

  void Heading(const GumboNode* node, int depth) {
    Flush();
    Children(node, depth);
    block_.heading = true;
    bool refs = IsReferenceHeading(block_.text);
    Flush();
    in_refs_ = refs;
  }

  void Blockquote(const GumboNode* node, int depth) {
    if (quote_depth_ > 0) {
      Break(OffsetOf(node));
      Children(node, depth);
      return;
    }
    Flush();
    ++quote_depth_;
    AddCiteAnchor(node, 0);
    Children(node, depth);
    --quote_depth_;
    block_.explicit_quotes.push_back({0, block_.text.size(), OffsetOf(node), ""});
    Flush();
  }

  void InlineQuote(const GumboNode* node, int depth) {
    size_t begin = block_.text.size();
    AddCiteAnchor(node, begin);
    Children(node, depth);
    block_.explicit_quotes.push_back({begin, block_.text.size(), OffsetOf(node), ""});
  }

  // A cite attribute is the quotation's source (docs/reading.md "Citations").
  void AddCiteAnchor(const GumboNode* node, size_t offset) {
    const char* cite = Attr(node, "cite");
    if (cite && IsAbsoluteHttpUrl(cite)) {
      block_.anchors.push_back({Anchor::Kind::kLink, offset, cite, OffsetOf(node), ""});
    }
  }

  void Link(const GumboNode* node, int depth) {
    const char* href = Attr(node, "href");
    std::string_view h = href ? Trim(href) : "";
    if (!h.empty() && h[0] == '#') {
      std::string text = TextOf(node);
      std::string number = MarkerNumber(text);
      std::string fragment = AsciiLower(h.substr(1));
      if (number.empty() && CountCodePoints(text) <= 4 &&
          (fragment.find("ref") != std::string::npos || fragment.find("note") != std::string::npos ||
           fragment.find("fn") != std::string::npos || fragment.find("cite") != std::string::npos)) {
        number = TrailingNumber(fragment);
      }
      if (!number.empty()) {
        block_.anchors.push_back({Anchor::Kind::kMarker, block_.text.size(), number, OffsetOf(node), ""});
        return;
      }
    } else if (IsDocumentUrl(h)) {
      block_.anchors.push_back(
          {Anchor::Kind::kLink, block_.text.size(), std::string(h), OffsetOf(node), ""});
    }
    Children(node, depth);
  }

  // MediaWiki's markers, reference lists and chrome (article/mediawiki_html.h);
  // true when `node` was handled.
  bool MediaWiki(const GumboNode* node) {
    switch (ClassifyMediaWikiElement(node)) {
      case MediaWikiRole::kNone: return false;
      case MediaWikiRole::kChrome: return true;
      case MediaWikiRole::kMarker: {
        std::string note_id, label;
        ReadMarker(node, &note_id, &label);
        block_.anchors.push_back({Anchor::Kind::kMarker, block_.text.size(), label, OffsetOf(node), ""});
        return true;
      }
      case MediaWikiRole::kReferenceList:
        Flush();
        ReadMediaWikiReferences(node, labels_, input_.size(), &doc_);
        return true;
    }
    return false;
  }

  void ReferenceList(const GumboNode* list, int depth);
  void AppendText(const GumboText& text);
  void AppendDecoded(std::string_view decoded, const std::vector<size_t>& source);
  void Flush();
  bool TakeEntry(const Block& block);

  std::string_view input_;
  Document doc_;
  Block block_;
  bool skip_chrome_ = false;
  bool mediawiki_ = false;
  std::map<std::string, std::string> labels_;  // MediaWiki note id -> marker label
  bool in_refs_ = false;
  int quote_depth_ = 0;
  int opaque_depth_ = 0;
};

void HtmlReader::ReferenceList(const GumboNode* list, int depth) {
  Flush();
  const char* start_attr = Attr(list, "start");
  long number = start_attr ? std::strtol(start_attr, nullptr, 10) : 1;
  const GumboVector& children = list->v.element.children;
  for (unsigned i = 0; i < children.length && depth < kMaxWalkDepth; ++i) {
    const GumboNode* li = static_cast<const GumboNode*>(children.data[i]);
    if (li->type != GUMBO_NODE_ELEMENT || li->v.element.tag != GUMBO_TAG_LI) continue;
    if (const char* value = Attr(li, "value")) number = std::strtol(value, nullptr, 10);
    ReferenceEntry entry;
    std::string text = TextOf(li);
    std::vector<std::string> keys;
    const char* id = Attr(li, "id");
    if (MatchMarker(text, 0, &keys) > 0 && keys.size() == 1) {
      entry.key = keys[0];
    } else if (id && !TrailingNumber(id).empty()) {
      entry.key = TrailingNumber(id);
    } else {
      entry.key = std::to_string(number);
    }
    ++number;
    entry.source_offset = OffsetOf(li);
    entry.url_source_offset = entry.source_offset;
    // The first link that leaves the page; "#cite_ref" back-links do not.
    std::vector<const GumboNode*> stack = {li};
    while (!stack.empty() && entry.url.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      const char* href = n->v.element.tag == GUMBO_TAG_A ? Attr(n, "href") : nullptr;
      if (href && *Trim(href).data() != '#' && !Trim(href).empty()) {
        entry.url = std::string(Trim(href));
        entry.url_source_offset = OffsetOf(n);
      }
      const GumboVector& kids = n->v.element.children;
      for (unsigned k = kids.length; k > 0 && stack.size() < 4096; --k) {
        stack.push_back(static_cast<const GumboNode*>(kids.data[k - 1]));
      }
    }
    if (entry.url.empty()) {
      size_t offset = 0;
      FindEntryUrl(text, 0, &entry.url, &offset);
    }
    doc_.entries.push_back(std::move(entry));
  }
}

// Maps every byte of the decoded text back to the input; an entity maps to
// where it starts.
void HtmlReader::AppendText(const GumboText& text) {
  std::string_view decoded = text.text;
  std::string_view original(text.original_text.data, text.original_text.length);
  size_t base = text.start_pos.offset;
  if (original.data() >= input_.data() && original.data() <= input_.data() + input_.size()) {
    base = static_cast<size_t>(original.data() - input_.data());
  }
  std::vector<size_t> source(decoded.size(), base);
  size_t j = 0;
  for (size_t i = 0; i < decoded.size();) {
    size_t len = std::min(decoded.size() - i, SequenceLength(static_cast<unsigned char>(decoded[i])));
    // Bounded like the entity it may end: "&&&&..." must not scan to the end from each '&'.
    size_t semi = j < original.size() && original[j] == '&'
                      ? original.substr(0, std::min(original.size(), j + 34)).find(';', j)
                      : std::string_view::npos;
    bool entity = semi != std::string_view::npos && semi - j <= 32 &&
                  (decoded[i] != '&' || original.compare(j, 5, "&amp;") == 0);
    if (j < original.size() && original[j] == '\r' && decoded[i] == '\n') ++j;
    for (size_t k = 0; k < len; ++k) source[i + k] = std::min(base + j + (entity ? 0 : k), Size());
    j = entity ? semi + 1 : j + len;
    i += len;
  }
  AppendDecoded(decoded, source);
}

// Collapses white space as a browser shows it, turns "[1]" into marker
// anchors and keeps URLs opaque.
void HtmlReader::AppendDecoded(std::string_view decoded, const std::vector<size_t>& source) {
  bool opaque = opaque_depth_ > 0;
  size_t next_url = FindUrl(decoded, 0);
  for (size_t i = 0; i < decoded.size();) {
    char c = decoded[i];
    if (!opaque && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
      if (!block_.text.empty() && block_.text.back() != ' ' && block_.text.back() != '\n') {
        block_.AppendAt(" ", source[i]);
      }
      ++i;
      continue;
    }
    std::vector<std::string> keys;
    size_t marker = opaque || c != '[' ? 0 : MatchMarker(decoded, i, &keys);
    if (marker > 0) {
      for (const std::string& key : keys) {
        block_.anchors.push_back({Anchor::Kind::kMarker, block_.text.size(), key, source[i], ""});
      }
      i += marker;
      continue;
    }
    if (i == next_url) {
      size_t end = UrlEnd(decoded, i);
      for (; i < end; ++i) block_.AppendAt(decoded.substr(i, 1), source[i], true);
      next_url = FindUrl(decoded, i);
      continue;
    }
    size_t len = std::min(decoded.size() - i, SequenceLength(static_cast<unsigned char>(c)));
    for (size_t k = 0; k < len; ++k) block_.AppendAt(decoded.substr(i + k, 1), source[i + k], opaque);
    i += len;
  }
}

// A paragraph "[1] ... URL" is a reference entry wherever it stands.
bool HtmlReader::TakeEntry(const Block& block) {
  if (block.anchors.empty() || block.anchors[0].kind != Anchor::Kind::kMarker) return false;
  std::string_view text = block.text;
  size_t first = text.find_first_not_of(" \n");
  if (first != std::string_view::npos && block.anchors[0].offset > first) return false;
  ReferenceEntry entry;
  entry.key = block.anchors[0].key;
  entry.source_offset = block.anchors[0].source_offset;
  for (const Anchor& a : block.anchors) {
    if (a.kind == Anchor::Kind::kLink) {
      entry.url = a.key;
      entry.url_source_offset = a.source_offset;
      break;
    }
  }
  size_t offset = 0;
  if (entry.url.empty() && FindEntryUrl(text, 0, &entry.url, &offset)) {
    entry.url_source_offset = block.source.empty() ? 0 : block.source[offset];
  }
  if (entry.url.empty() && !in_refs_) return false;
  doc_.entries.push_back(std::move(entry));
  return true;
}

void HtmlReader::Flush() {
  Block block = std::move(block_);
  block_ = Block();
  if (block.Empty() || TakeEntry(block) || in_refs_) return;
  doc_.blocks.push_back(std::move(block));
}

Document ReadHtml(std::string_view input) { return HtmlReader(input).Read(); }

}  // namespace article
}  // namespace citecheck
