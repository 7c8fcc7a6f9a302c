#include "core/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace citecheck {
namespace {

// Bytes of plain ASCII from `pos` on, read eight at a time: web pages are
// mostly ASCII, and a byte-by-byte decode of every 100 KB page showed up as
// several per cent of a run.
size_t AsciiRunLength(std::string_view s, size_t pos) {
  const size_t start = pos;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  while (pos + 8 <= s.size()) {
    uint64_t block;
    std::memcpy(&block, s.data() + pos, 8);
    if ((block & kHighBits) != 0) break;
    pos += 8;
  }
  while (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80) ++pos;
  return pos - start;
}

// Length of the valid sequence starting at `pos`, or 0 when invalid
// (overlong forms, surrogates and values past U+10FFFF are invalid).
size_t ValidSequenceLength(std::string_view s, size_t pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = byte(pos);
  if (c < 0x80) return 1;
  size_t len;
  char32_t min;
  char32_t cp;
  if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = c & 0x07; }
  else return 0;
  if (pos + len > s.size()) return 0;
  for (size_t i = 1; i < len; ++i) {
    unsigned char cc = byte(pos + i);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

bool IsValidUtf8(std::string_view text, size_t* bad_offset) {
  size_t pos = 0;
  while (pos < text.size()) {
    pos += AsciiRunLength(text, pos);
    if (pos == text.size()) break;
    size_t len = ValidSequenceLength(text, pos);
    if (len == 0) {
      if (bad_offset) *bad_offset = pos;
      return false;
    }
    pos += len;
  }
  return true;
}

size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t ascii = AsciiRunLength(text, pos);
    count += ascii;
    pos += ascii;
    if (pos == text.size()) break;
    size_t len = ValidSequenceLength(text, pos);
    pos += len == 0 ? 1 : len;
    ++count;
  }
  return count;
}

size_t ByteOffsetOfCodePoint(std::string_view text, size_t cp_index) {
  size_t pos = 0;
  size_t i = 0;
  while (i < cp_index && pos < text.size()) {
    size_t ascii = std::min(AsciiRunLength(text, pos), cp_index - i);
    i += ascii;
    pos += ascii;
    if (i == cp_index || pos == text.size()) break;
    size_t len = ValidSequenceLength(text, pos);
    pos += len == 0 ? 1 : len;
    ++i;
  }
  return pos;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  size_t len = ValidSequenceLength(text, *pos);
  if (len == 0) {
    ++*pos;
    return 0xFFFD;
  }
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[*pos + i]); };
  char32_t cp;
  switch (len) {
    case 1: cp = byte(0); break;
    case 2: cp = ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F); break;
    case 3: cp = ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F); break;
    default:
      cp = ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
           (byte(3) & 0x3F);
  }
  *pos += len;
  return cp;
}

std::string RepairUtf8(std::string_view text) {
  size_t bad = 0;
  if (IsValidUtf8(text, &bad)) return std::string(text);  // the usual case: one copy
  std::string out(text.substr(0, bad));
  out.reserve(text.size() + 16);
  size_t pos = bad;
  while (pos < text.size()) {
    size_t len = ValidSequenceLength(text, pos);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++pos;
    } else {
      out.append(text.substr(pos, len));
      pos += len;
    }
  }
  return out;
}

}  // namespace citecheck
