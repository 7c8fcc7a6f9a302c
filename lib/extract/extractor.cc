#include "extract/extractor.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/media_type.h"
#include "extract/optional_text.h"
#include "extract/paywall.h"
#include "extract/pdf_extractor.h"
#include "extract/text_lines.h"
#include "extract/visibility.h"
#include "html/attribute_guard.h"
#include "html/elements.h"
#include "html/nesting_guard.h"
#include "html/raw_text_elider.h"

namespace citecheck {
namespace {

// Longest text of an element that may be a note marker.
constexpr size_t kMaxMarkerText = 16;

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

// The raw text under `root`, or nullopt once more than `max_nodes` nodes
// or `max_bytes` bytes were read. With `visible_only`, what the walker
// skips (scripts, hidden elements) is skipped here too: a script's body is
// not there at all when the page is elided.
std::optional<std::string> RawText(const GumboNode* root, size_t max_nodes, size_t max_bytes,
                                   bool visible_only = false) {
  std::string out;
  std::vector<const GumboNode*> stack{root};
  for (size_t visited = 0; !stack.empty(); ++visited) {
    if (visited > max_nodes || out.size() > max_bytes) return std::nullopt;
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      out += node->v.text.text;
    } else if (node->type == GUMBO_NODE_ELEMENT) {
      if (visible_only && (IsHiddenElement(node->v.element.tag) || IsInvisibleElement(node))) continue;
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(children.data[i]));
      }
    }
  }
  return out;
}

// All text under `root`, newlines in the source treated as spaces (a
// microdata value: hidden or not, it is what the page declares).
std::string InlineText(const GumboNode* root) {
  return CollapseSpaces(*RawText(root, SIZE_MAX, SIZE_MAX));
}

// The visible text of a title or heading. A heading's <script> or <style>
// body is no part of its title, and the raw-text elider removes those bodies,
// so counting them would make the title depend on whether the document was
// elided (fuzz/regressions/elide/heading_script).
std::string VisibleInlineText(const GumboNode* root) {
  return CollapseSpaces(*RawText(root, SIZE_MAX, SIZE_MAX, /*visible_only=*/true));
}

// The visible text of an element when it is at most `limit` bytes, "" otherwise;
// it reads at most `limit` nodes. Enough to tell a note marker, at a cost
// that does not grow with the element's size (markers nest in hostile pages).
std::string ShortInlineText(const GumboNode* root, size_t limit) {
  std::optional<std::string> raw = RawText(root, limit, 4 * limit, /*visible_only=*/true);
  if (!raw) return "";
  std::string text = CollapseSpaces(*raw);
  return text.size() <= limit ? text : "";
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
        Close(item);
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
    bool marker = false;  // a note marker: its text is optional
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
    if (IsHiddenElement(tag) || IsInvisibleElement(node)) return;
    if (IsBlockElement(tag)) raw_.push_back('\n');
    if (tag == GUMBO_TAG_PRE) ++pre_depth_;
    bool marker = marker_depth_ == 0 && (tag == GUMBO_TAG_SUP || tag == GUMBO_TAG_A) &&
                  IsNoteMarker(node, ShortInlineText(node, kMaxMarkerText), AfterDigit());
    if (marker) {
      ++marker_depth_;
      raw_.push_back(kOptionalBegin);
    }
    stack_.push_back({node, true, marker});
    PushChildren(node->v.element.children);
  }

  void Close(const Item& item) {
    GumboTag tag = item.node->v.element.tag;
    if (item.marker) {
      --marker_depth_;
      raw_.push_back(kOptionalEnd);
    }
    if (IsBlockElement(tag)) raw_.push_back('\n');
    if (tag == GUMBO_TAG_PRE) --pre_depth_;
  }

  // Whether the text so far ends in a digit ("10" before <sup>6</sup>).
  // Looks past at most kMaxMarkerText marker characters: markers around
  // nothing but hidden text can pile up, and each lookup must stay short.
  bool AfterDigit() const {
    size_t skipped = 0;
    for (size_t i = raw_.size(); i-- > 0 && skipped <= kMaxMarkerText;) {
      char c = raw_[i];
      if (c == kOptionalBegin || c == kOptionalEnd) {
        ++skipped;
        continue;
      }
      return c >= '0' && c <= '9';
    }
    return false;
  }

  void PushChildren(const GumboVector& children) {
    for (unsigned i = children.length; i-- > 0;) {
      stack_.push_back({static_cast<const GumboNode*>(children.data[i]), false});
    }
  }

  // Source newlines are layout, not breaks, except inside <pre>.
  // The marker characters never come from the page itself.
  void AppendText(const char* text) {
    size_t start = raw_.size();
    raw_ += text;
    auto first = raw_.begin() + static_cast<std::ptrdiff_t>(start);
    raw_.erase(std::remove_if(first, raw_.end(),
                              [](char c) { return c == kOptionalBegin || c == kOptionalEnd; }),
               raw_.end());
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
    NotePaywall(node);
    if (tag == GUMBO_TAG_HTML) {
      if (const char* lang = Attribute(node, "lang")) page_->language = PrimarySubtag(lang);
    } else if (tag == GUMBO_TAG_TITLE && page_->title.empty()) {
      page_->title = VisibleInlineText(node);
    } else if (tag == GUMBO_TAG_H1 && first_h1_.empty()) {
      first_h1_ = VisibleInlineText(node);
    } else if (tag == GUMBO_TAG_LINK && page_->canonical_url.empty()) {
      const char* rel = Attribute(node, "rel");
      const char* href = Attribute(node, "href");
      if (rel && href && HasRelToken(rel, "canonical")) page_->canonical_url = CollapseSpaces(href);
    }
  }

  // JSON-LD bodies reach here only from a full parse: ExtractHtml does not
  // elide pages that mention the property.
  void NotePaywall(const GumboNode* node) {
    if (page_->paywalled) return;
    if (node->v.element.tag == GUMBO_TAG_SCRIPT) {
      const char* type = Attribute(node, "type");
      if (type == nullptr || AsciiLower(type).find("ld+json") == std::string::npos) return;
      const GumboVector& children = node->v.element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_TEXT && JsonLdSaysNotFree(child->v.text.text)) page_->paywalled = true;
      }
      return;
    }
    if (Attribute(node, "itemprop") && ElementSaysNotFree(node, &InlineText)) page_->paywalled = true;
  }

 public:
  const std::string& first_h1() const { return first_h1_; }

 private:
  PageText* page_;
  std::vector<Item> stack_;
  std::string raw_;
  std::string first_h1_;
  int pre_depth_ = 0;
  int marker_depth_ = 0;
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
  // Script and style bodies never reach gumbo (html/raw_text_elider.h),
  // except on a page that may carry paywall markup in JSON-LD.
  bool may_be_paywalled = html.find(kAccessibleForFree) != std::string_view::npos;
  std::optional<std::string> elided =
      elision == Elision::kOn && !may_be_paywalled ? ElideRawText(html) : std::nullopt;
  std::string_view parsed = elided ? std::string_view(*elided) : html;
  GumboPtr output(gumbo_parse_with_options(&kGumboDefaultOptions, parsed.data(), parsed.size()));
  if (!output) {
    result.error = "HTML parser failed";
    return result;
  }
  TextWalker walker(&result.page);
  result.page.text = CollapseLines(walker.Walk(output->document));
  result.page.optional_spans = TakeOptionalMarks(&result.page.text);
  AddWrittenMarkers(result.page.text, &result.page.optional_spans);
  AddFurnitureLines(result.page.text, &result.page.optional_spans);
  MergeSpans(&result.page.optional_spans);
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
  AddWrittenMarkers(result.page.text, &result.page.optional_spans);
  MergeSpans(&result.page.optional_spans);
  result.ok = true;
  return result;
}

}  // namespace citecheck
