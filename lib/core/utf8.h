// UTF-8 helpers every stage needs: validation with a position, code point
// counting for columns and offsets, and repair of invalid bytes.
#ifndef CITECHECK_CORE_UTF8_H_
#define CITECHECK_CORE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace citecheck {

// True when `text` is valid UTF-8. Otherwise *bad_offset (when given) is the
// byte offset of the first invalid sequence.
bool IsValidUtf8(std::string_view text, size_t* bad_offset = nullptr);

// Number of code points in valid UTF-8 (each invalid byte counts as one).
size_t CountCodePoints(std::string_view text);

// Byte offset of the code point with index `cp_index` (clamped to the size).
size_t ByteOffsetOfCodePoint(std::string_view text, size_t cp_index);

// Copy of `text` with every invalid byte sequence replaced by U+FFFD.
std::string RepairUtf8(std::string_view text);

// Appends the UTF-8 encoding of code point `cp` to *out.
void AppendUtf8(char32_t cp, std::string* out);

// Decodes one code point at byte offset `*pos` and advances it. Invalid
// bytes decode as U+FFFD and advance by one.
char32_t DecodeUtf8(std::string_view text, size_t* pos);

}  // namespace citecheck

#endif  // CITECHECK_CORE_UTF8_H_
