#include "extract/optional_text.h"

#include <algorithm>

#include "core/ascii.h"

namespace citecheck {
namespace {

// Longest text a link to a note may have and still be a marker: longer link
// text ("see the footnotes") is prose.
constexpr size_t kMaxNoteLinkText = 12;

// Longest bracketed text AddWrittenMarkers looks at.
constexpr size_t kMaxWrittenMarker = 40;

// MediaWiki's inline cleanup templates, as their rendered text reads
// between the brackets ({{citation needed}}, {{when}}, {{who}}, ...).
constexpr std::string_view kMaintenanceTags[] = {
    "citation needed", "clarification needed", "better source needed", "failed verification",
    "verification needed", "full citation needed", "page needed", "year needed",
    "dubious", "dubious – discuss", "dubious - discuss", "discuss", "vague", "specify",
    "according to whom?", "by whom?", "when?", "who?", "which?", "where?", "why?", "how?",
    "original research?", "unreliable source?", "not in citation given", "citation not found",
    "non-primary source needed", "third-party source needed", "update needed", "needs update",
    "disputed", "clarify", "further explanation needed", "examples needed", "quantify",
};

// Whole-line labels of advertisements and share widgets, lower-case, as the
// 100 pages of the corpus write them (README "Page furniture").
constexpr std::string_view kFurnitureLines[] = {
    "advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content",
    "story continues below advertisement", "article continues below advertisement",
    "share", "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit",
    "email", "e-mail", "copy link", "print",
};

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool OneLetter(std::string_view s) {
  return s.size() == 1 && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'));
}

bool LinksToNote(const GumboNode* element) {
  const GumboAttribute* href = gumbo_get_attribute(&element->v.element.attributes, "href");
  if (href == nullptr) return false;
  std::string lower = AsciiLower(href->value);
  return lower.rfind("#cite_note", 0) == 0 || lower.rfind("#fn", 0) == 0 ||
         lower.rfind("#footnote", 0) == 0;
}

// "[note 2]", "[nb 1]", "[lower-alpha 3]": a group name and a number.
bool IsGroupNote(std::string_view inner) {
  size_t space = inner.rfind(' ');
  if (space == std::string_view::npos || space == 0) return false;
  std::string_view group = inner.substr(0, space);
  bool word = std::all_of(group.begin(), group.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
  });
  std::string_view number = inner.substr(space + 1);
  return word && AllDigits(number) && number.size() <= 4;
}

// "4 min read", "12 minute read", "3 mins read".
bool IsReadingTime(std::string_view lower) {
  size_t digits = 0;
  while (digits < lower.size() && lower[digits] >= '0' && lower[digits] <= '9') ++digits;
  if (digits == 0 || digits > 3) return false;
  std::string_view rest = lower.substr(digits);
  for (std::string_view unit : {" min read", " mins read", " minute read", " minutes read", "-minute read"}) {
    if (rest == unit) return true;
  }
  return false;
}

bool IsWrittenMarker(std::string_view inner) {
  if ((AllDigits(inner) && inner.size() <= 4) || OneLetter(inner) || IsGroupNote(inner)) return true;
  std::string lower = AsciiLower(inner);
  for (std::string_view tag : kMaintenanceTags) {
    if (lower == tag) return true;
  }
  return false;
}

}  // namespace

bool IsNoteMarker(const GumboNode* element, std::string_view text, bool after_digit) {
  GumboTag tag = element->v.element.tag;
  if (tag != GUMBO_TAG_SUP && tag != GUMBO_TAG_A) return false;
  if (text.empty()) return false;
  if (text.size() >= 3 && text.front() == '[' && text.back() == ']') {
    std::string_view inner = text.substr(1, text.size() - 2);
    if ((AllDigits(inner) && inner.size() <= 4) || OneLetter(inner)) return true;
  }
  if (!after_digit && ((AllDigits(text) && text.size() <= 3) || OneLetter(text))) return true;
  return tag == GUMBO_TAG_A && text.size() <= kMaxNoteLinkText && LinksToNote(element);
}

std::vector<TextSpan> TakeOptionalMarks(std::string* text) {
  std::string out;
  out.reserve(text->size());
  std::vector<TextSpan> spans;
  uint32_t begin = 0;
  int depth = 0;
  // Removing a marker can leave two blanks side by side, or one at a line's
  // edge: they go, and a span boundary past the end is pulled back.
  auto pop_space = [&] {
    out.pop_back();
    auto size = static_cast<uint32_t>(out.size());
    begin = std::min(begin, size);
    for (auto it = spans.rbegin(); it != spans.rend() && it->end > size; ++it) {
      it->end = size;
      it->begin = std::min(it->begin, size);
    }
  };
  for (char c : *text) {
    if (c == kOptionalBegin) {
      if (depth++ == 0) begin = static_cast<uint32_t>(out.size());
      continue;
    }
    if (c == kOptionalEnd) {
      // Empty spans (a marker around hidden text only) are never kept.
      if (depth > 0 && --depth == 0 && begin < out.size()) {
        spans.push_back({begin, static_cast<uint32_t>(out.size())});
      }
      continue;
    }
    if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) continue;
    if (c == '\n') {
      if (!out.empty() && out.back() == ' ') pop_space();
      if (out.empty() || out.back() == '\n') continue;
    }
    out.push_back(c);
  }
  if (depth > 0) spans.push_back({begin, static_cast<uint32_t>(out.size())});
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) pop_space();
  std::vector<TextSpan> trimmed;
  for (TextSpan span : spans) {
    while (span.begin < span.end && (out[span.begin] == ' ' || out[span.begin] == '\n')) ++span.begin;
    while (span.end > span.begin && (out[span.end - 1] == ' ' || out[span.end - 1] == '\n')) --span.end;
    if (span.begin < span.end) trimmed.push_back(span);
  }
  *text = std::move(out);
  return trimmed;
}

void AddWrittenMarkers(std::string_view text, std::vector<TextSpan>* spans) {
  size_t pos = 0;
  while ((pos = text.find('[', pos)) != std::string_view::npos) {
    size_t close = text.find_first_of("[]\n", pos + 1);
    if (close == std::string_view::npos) break;
    if (text[close] == ']' && close - pos - 1 <= kMaxWrittenMarker &&
        IsWrittenMarker(text.substr(pos + 1, close - pos - 1))) {
      spans->push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(close + 1)});
      pos = close + 1;
    } else {
      pos = close;
    }
  }
}

void AddFurnitureLines(std::string_view text, std::vector<TextSpan>* spans) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    // Lines are collapsed and trimmed already (CollapseLines).
    if (end - pos <= 40) {
      std::string lower = AsciiLower(text.substr(pos, end - pos));
      bool furniture = IsReadingTime(lower);
      for (std::string_view label : kFurnitureLines) furniture = furniture || lower == label;
      if (furniture) spans->push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(end)});
    }
    pos = end + 1;
  }
}

void MergeSpans(std::vector<TextSpan>* spans) {
  std::sort(spans->begin(), spans->end(),
            [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
  std::vector<TextSpan> merged;
  for (const TextSpan& span : *spans) {
    if (!merged.empty() && span.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, span.end);
    } else {
      merged.push_back(span);
    }
  }
  *spans = std::move(merged);
}

}  // namespace citecheck
