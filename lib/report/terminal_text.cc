#include "report/terminal_text.h"

#include <algorithm>

#include "core/utf8.h"

namespace citecheck {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool IsLineBreakOrTab(char32_t cp) {
  return cp == '\t' || cp == '\n' || cp == '\v' || cp == '\f' || cp == '\r' || cp == 0x85 ||
         cp == 0x2028 || cp == 0x2029;
}

bool IsUnsafe(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return true;      // C0 (ESC among them), DEL
  if (cp >= 0x80 && cp <= 0x9F) return true;     // C1, e.g. CSI U+009B
  if (cp >= 0x202A && cp <= 0x202E) return true;  // bidi embeddings and overrides
  if (cp >= 0x2066 && cp <= 0x2069) return true;  // bidi isolates
  return false;
}

const char* StyleCode(Style style) {
  switch (style) {
    case Style::kGreen: return "\x1b[32m";
    case Style::kYellow: return "\x1b[33m";
    case Style::kRed: return "\x1b[31m";
    case Style::kDim: return "\x1b[2m";
    case Style::kBold: return "\x1b[1m";
    case Style::kNone: return "";
  }
  return "";
}

}  // namespace

std::string SanitizeForTerminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = DecodeUtf8(text, &pos);  // invalid bytes decode as U+FFFD
    if (IsLineBreakOrTab(cp)) {
      out.push_back(' ');
    } else if (IsUnsafe(cp)) {
      AppendUtf8(kReplacement, &out);
    } else {
      AppendUtf8(cp, &out);
    }
  }
  return out;
}

size_t DisplayWidth(std::string_view text) { return CountCodePoints(text); }

std::string ShortenMiddle(std::string_view text, size_t max_width) {
  const size_t width = DisplayWidth(text);
  if (width <= max_width) return std::string(text);
  if (max_width == 0) return "";
  const size_t keep = max_width - 1;  // one column for the ellipsis
  const size_t head = (keep + 1) / 2;
  const size_t tail = keep - head;
  std::string out(text.substr(0, ByteOffsetOfCodePoint(text, head)));
  out += "…";
  out += text.substr(ByteOffsetOfCodePoint(text, width - tail));
  return out;
}

std::string ShortenKeeping(std::string_view text, size_t max_width, size_t keep_begin, size_t keep_end) {
  const size_t width = DisplayWidth(text);
  const size_t budget = max_width < 7 ? 0 : max_width - 2;  // two ellipses
  const size_t head = budget / 4;
  const size_t tail = budget / 4;
  const size_t visible_head = max_width > 0 ? max_width / 2 : 0;
  const bool kept_by_middle_cut =
      keep_end <= visible_head || keep_begin >= width - std::min(width, max_width - 1 - visible_head);
  if (width <= max_width || budget == 0 || keep_begin >= keep_end || kept_by_middle_cut) {
    return ShortenMiddle(text, max_width);
  }
  const size_t middle = budget - head - tail;
  const size_t keep = std::min(keep_end - keep_begin, middle);
  size_t start = keep_begin > (middle - keep) / 2 ? keep_begin - (middle - keep) / 2 : 0;
  start = std::max(start, head);
  start = std::min(start, width - tail - middle);
  auto piece = [&](size_t from, size_t to) {
    return std::string(text.substr(ByteOffsetOfCodePoint(text, from),
                                   ByteOffsetOfCodePoint(text, to) - ByteOffsetOfCodePoint(text, from)));
  };
  std::string out = piece(0, head);
  out += start > head ? "…" : "";
  out += piece(start, start + middle);
  out += start + middle < width - tail ? "…" : "";
  out += piece(width - tail, width);
  return out;
}

std::string PadRight(std::string_view text, size_t width) {
  std::string out(text);
  for (size_t w = DisplayWidth(text); w < width; ++w) out.push_back(' ');
  return out;
}

std::string Styled(std::string_view text, Style style, bool enabled) {
  if (!enabled || style == Style::kNone) return std::string(text);
  return StyleCode(style) + std::string(text) + "\x1b[0m";
}

}  // namespace citecheck
