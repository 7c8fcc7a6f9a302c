#include "extract/extractor.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <utility>
#include <vector>

#include "extract/attribute_guard.h"
#include "extract/nesting_guard.h"
#include "extract/text_lines.h"

namespace citecheck {
namespace {

// Elements whose content a reader never sees as text.
bool IsHidden(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_DATALIST: case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

// Elements that start on a line of their own; everything else is inline and
// joins its neighbours without a break ("split<span>ting</span>").
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

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

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "en-US" -> "en": the matcher compares languages, not regional variants.
std::string PrimarySubtag(std::string_view tag) {
  std::string lower = Lower(CollapseSpaces(tag));
  return lower.substr(0, lower.find_first_of("-_"));
}

bool HasRelToken(const char* rel, std::string_view token) {
  std::string lower = Lower(rel);
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
    if (IsHidden(tag)) return;
    if (IsBlock(tag)) raw_.push_back('\n');
    if (tag == GUMBO_TAG_PRE) ++pre_depth_;
    stack_.push_back({node, true});
    PushChildren(node->v.element.children);
  }

  void Close(const GumboNode* node) {
    GumboTag tag = node->v.element.tag;
    if (IsBlock(tag)) raw_.push_back('\n');
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

bool LooksLikeHtml(std::string_view body) {
  std::string head = Lower(std::string(body.substr(0, 2048)));
  for (const char* marker : {"<!doctype html", "<html", "<head", "<body", "<p>", "<div",
                             "<title", "<br", "<meta", "<span", "<a href"}) {
    if (head.find(marker) != std::string::npos) return true;
  }
  return false;
}

std::string MediaType(const std::string& content_type) {
  std::string type = Lower(content_type.substr(0, content_type.find(';')));
  return CollapseSpaces(type);
}

}  // namespace

ExtractResult ExtractHtml(std::string_view html) {
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
  GumboPtr output(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
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
  bool html = type == "text/html" || type == "application/xhtml+xml";
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
