#include "article/mediawiki_reference_list.h"

#include <algorithm>
#include <vector>

#include "article/cs1_html.h"
#include "article/gumbo_nodes.h"
#include "article/mediawiki_html.h"

namespace citecheck {
namespace article {
namespace {

const GumboNode* Child(const GumboNode* node, unsigned i) {
  return static_cast<const GumboNode*>(node->v.element.children.data[i]);
}

// span.reference-text (Parsoid: mw-reference-text reference-text), else the item.
const GumboNode* ReferenceText(const GumboNode* li) {
  for (unsigned i = 0; i < li->v.element.children.length; ++i) {
    const GumboNode* c = Child(li, i);
    if (HasClass(c, "reference-text")) return c;
  }
  return li;
}

std::string LabelOf(const GumboNode* li, const std::map<std::string, std::string>& labels) {
  const char* id = Attr(li, "id");
  auto it = id ? labels.find(id) : labels.end();
  return it == labels.end() ? "" : it->second;
}

Block QuoteBlock(const RenderedReference& ref, const std::string& label, size_t offset) {
  Block block;
  block.origin = QuoteOrigin::kRef;
  block.AppendAt(ref.quote, offset);
  block.explicit_quotes.push_back({0, block.text.size(), offset, ""});
  block.anchors.push_back({Anchor::Kind::kMarker, block.text.size(), label, offset, ""});
  return block;
}

}  // namespace

void ReadMediaWikiReferences(const GumboNode* list, const std::map<std::string, std::string>& labels,
                             size_t input_size, Document* doc) {
  std::vector<const GumboNode*> items;
  std::string group;
  bool have_group = false;
  for (unsigned i = 0; i < list->v.element.children.length; ++i) {
    const GumboNode* li = Child(list, i);
    if (!IsElement(li, GUMBO_TAG_LI)) continue;
    items.push_back(li);
    std::string label = LabelOf(li, labels);
    if (!label.empty() && !have_group) {
      group = GroupFromLabel(label);
      have_group = true;
    }
  }
  size_t last = input_size == 0 ? 0 : input_size - 1;
  for (size_t k = 0; k < items.size(); ++k) {
    const GumboNode* li = items[k];
    ReferenceEntry entry;
    entry.key = LabelOf(li, labels);
    if (entry.key.empty()) entry.key = (group.empty() ? "" : group + " ") + std::to_string(k + 1);
    entry.group = GroupFromLabel(entry.key);
    if (const char* id = Attr(li, "id")) entry.name = NameFromNoteId(id);
    entry.source_offset = std::min<size_t>(li->v.element.start_pos.offset, last);
    RenderedReference ref = ReadRenderedReference(ReferenceText(li));
    entry.url = ref.url;
    entry.url_source_offset = std::min(ref.url_offset, last);
    entry.no_url = ref.url.empty();
    entry.title = ref.title;
    entry.access_date = ref.access_date;
    entry.url_status = ref.url_status;
    entry.archive_url = ref.archive_url;
    entry.archive_date = ref.archive_date;
    if (ref.has_quote && !ref.quote.empty()) {
      doc->blocks.push_back(QuoteBlock(ref, entry.key, std::min(ref.quote_offset, last)));
    }
    doc->entries.push_back(std::move(entry));
  }
}

}  // namespace article
}  // namespace citecheck
