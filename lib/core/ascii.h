// ASCII case folding, for names that are ASCII by definition (HTML tags,
// media types, charsets, URL schemes and hosts, language tags). Bytes
// outside A-Z, UTF-8 included, pass through unchanged, whatever the locale.
#ifndef CITECHECK_CORE_ASCII_H_
#define CITECHECK_CORE_ASCII_H_

#include <string>
#include <string_view>

namespace citecheck {

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `text` with A-Z lower-cased.
std::string AsciiLower(std::string_view text);

}  // namespace citecheck

#endif  // CITECHECK_CORE_ASCII_H_
