#include "report/terminal_text.h"

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
