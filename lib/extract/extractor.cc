#include "extract/extractor.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/media_type.h"
#include "extract/pdf_extractor.h"
#include "extract/text_lines.h"
#include "html/attribute_guard.h"
#include "html/elements.h"
#include "html/nesting_guard.h"
#include "html/raw_text_elider.h"

namespace citecheck {
namespace {

struct GumboDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};
using GumboPtr = std::unique_ptr<GumboOutput, GumboDeleter>;

const char* Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? attr->value : nullptr;
}

// "en-US" -> "en": the matcher compares languages, not regional variants.
std::string PrimarySubtag(std::string_view tag) {
  std::string lower = AsciiLower(CollapseSpaces(tag));
  return lower.substr(0, lower.find_first_of("-_"));
}

bool HasRelToken(const char* rel, std::string_view token) {
  std::string lower = AsciiLower(rel);
  size_t pos = 0;
  while (pos < lower.size()) {
    size_t end = lower.find_first_of(" \t\n\r\f", pos);
    if (end == std::string::npos) end = lower.size();
    if (std::string_view(lower).substr(pos, end - pos) == token) return true;
    pos = end + 1;
  }
  return false;
}

// All text under `root`, newlines in the source treated as spaces.
std::string InlineText(const GumboNode* root) {
  std::string out;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      out += node->v.text.text;
    } else if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(children.data[i]));
      }
    }
  }
  return CollapseSpaces(out);
}

// One pass over the tree with an explicit stack (deep pages must not exhaust
// the call stack): visible text into *raw, and the metadata into *page.
class TextWalker {
 public:
  explicit TextWalker(PageText* page) : page_(page) {}

  std::string Walk(const GumboNode* root) {
    stack_.push_back({root, false});
    while (!stack_.empty()) {
      Item item = stack_.back();
      stack_.pop_back();
      if (item.closing) {
        Close(item.node);
      } else {
        Visit(item.node);
      }
    }
    return std::move(raw_);
  }

 private:
  struct Item {
    const GumboNode* node;
    bool closing;
  };

  void Visit(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        AppendText(node->v.text.text);
        return;
      case GUMBO_NODE_DOCUMENT:
        PushChildren(node->v.document.children);
        return;
      case GUMBO_NODE_ELEMENT:
        VisitElement(node);
        return;
      default:  // comments; template contents are never shown
        return;
    }
  }

  void VisitElement(const GumboNode* node) {
    GumboTag tag = node->v.element.tag;
    NoteMetadata(node);
    if (tag == GUMBO_TAG_HEAD) NoteHeadMetadata(node->v.element.children);
    if (IsHiddenElement(tag)) return;
    if (IsBlockElement(tag)) raw_.push_back('\n');
    if (tag == GUMBO_TAG_PRE) ++pre_depth_;
    stack_.push_back({node, true});
    PushChildren(node->v.element.children);
  }

  void Close(const GumboNode* node) {
    GumboTag tag = node->v.element.tag;
    if (IsBlockElement(tag)) raw_.push_back('\n');
    if (tag == GUMBO_TAG_PRE) --pre_depth_;
  }

  void PushChildren(const GumboVector& children) {
    for (unsigned i = children.length; i-- > 0;) {
      stack_.push_back({static_cast<const GumboNode*>(children.data[i]), false});
    }
  }

  // Source newlines are layout, not breaks, except inside <pre>.
  void AppendText(const char* text) {
    size_t start = raw_.size();
    raw_ += text;
    if (pre_depth_ > 0) return;
    std::replace(raw_.begin() + static_cast<std::ptrdiff_t>(start), raw_.end(), '\n', ' ');
  }

  // <head> holds no visible text, but its <title> and <link> matter.
  void NoteHeadMetadata(const GumboVector& children) {
    for (unsigned i = 0; i < children.length; ++i) {
      auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_ELEMENT) NoteMetadata(child);
    }
  }

  void NoteMetadata(const GumboNode* node) {
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_HTML) {
      if (const char* lang = Attribute(node, "lang")) page_->language = PrimarySubtag(lang);
    } else if (tag == GUMBO_TAG_TITLE && page_->title.empty()) {
      page_->title = InlineText(node);
    } else if (tag == GUMBO_TAG_H1 && first_h1_.empty()) {
      first_h1_ = InlineText(node);
    } else if (tag == GUMBO_TAG_LINK && page_->canonical_url.empty()) {
      const char* rel = Attribute(node, "rel");
      const char* href = Attribute(node, "href");
      if (rel && href && HasRelToken(rel, "canonical")) page_->canonical_url = CollapseSpaces(href);
    }
  }

 public:
  const std::string& first_h1() const { return first_h1_; }

 private:
  PageText* page_;
  std::vector<Item> stack_;
  std::string raw_;
  std::string first_h1_;
  int pre_depth_ = 0;
};

}  // namespace

ExtractResult ExtractHtml(std::string_view html, Elision elision) {
  ExtractResult result;
  if (MaxOpenElements(html) > kMaxOpenElements) {
    result.error = "too deeply nested";
    return result;
  }
  if (MaxAttributesPerElement(html) > kMaxAttributesPerElement) {
    result.error = "too many attributes on one element (more than " +
                   std::to_string(kMaxAttributesPerElement) + ")";
    return result;
  }
  // Script and style bodies never reach gumbo (html/raw_text_elider.h).
  std::optional<std::string> elided = elision == Elision::kOn ? ElideRawText(html) : std::nullopt;
  std::string_view parsed = elided ? std::string_view(*elided) : html;
  GumboPtr output(gumbo_parse_with_options(&kGumboDefaultOptions, parsed.data(), parsed.size()));
  if (!output) {
    result.error = "HTML parser failed";
    return result;
  }
  TextWalker walker(&result.page);
  result.page.text = CollapseLines(walker.Walk(output->document));
  if (result.page.title.empty()) result.page.title = walker.first_h1();
  result.ok = true;
  return result;
}

ExtractResult ExtractBody(std::string_view body, const std::string& content_type) {
  std::string type = MediaType(content_type);
  if (IsPdfBody(type, body)) return ExtractPdf(body);
  bool html = IsHtmlMediaType(type);
  bool plain = type == "text/plain";
  if (type.empty()) {
    html = LooksLikeHtml(body);
    plain = !html;
  }
  if (html) return ExtractHtml(body);
  ExtractResult result;
  if (!plain) {
    result.error = "no text: " + type;
    return result;
  }
  result.page.text = CollapseLines(body);
  result.ok = true;
  return result;
}

}  // namespace citecheck
