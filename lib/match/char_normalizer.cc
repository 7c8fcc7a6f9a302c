#include "match/char_normalizer.h"

#include <utf8proc.h>

#include "match/normalize.h"  // kWildcardMark, kGapMark

namespace citecheck {
namespace normalize_detail {
namespace {

bool IsZeroWidth(char32_t cp) {
  return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
         cp == 0x180E;
}

bool IsApostrophe(char32_t cp) {
  switch (cp) {
    case U'\'': case U'`': case 0x00B4: case 0x02BC: case 0x02B9: case 0x2018:
    case 0x2019: case 0x201B: case 0x2032: case 0xFF07:
      return true;
    default:
      return false;
  }
}

bool IsQuoteMark(char32_t cp, utf8proc_category_t cat) {
  return cp == U'"' || cp == 0x00AB || cp == 0x00BB || cp == 0x2033 || cp == 0x301D ||
         cp == 0x301E || cp == 0xFF02 || cat == UTF8PROC_CATEGORY_PI ||
         cat == UTF8PROC_CATEGORY_PF;
}

// The minus sign is a math symbol (Sm), not a dash, but reads as one: "−5"
// must equal "-5".
bool IsDash(char32_t cp, utf8proc_category_t cat) {
  return cat == UTF8PROC_CATEGORY_PD || cp == 0x2212 || cp == 0x2043 || cp == 0xFE63 ||
         cp == 0xFF0D;
}

bool IsSpace(char32_t cp, utf8proc_category_t cat) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cat == UTF8PROC_CATEGORY_ZS ||
         cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

// Unifies the characters whose compatibility decomposition would not (or
// would wrongly: U+00B4 decomposes to a space and a combining accent) make
// them equal. Returns 0 for characters to drop.
char32_t UnifyPunctuation(char32_t cp) {
  if (cp < 0x80 && cp != '\'' && cp != '`' && cp != '"' && cp != ' ' && !(cp >= 0x09 && cp <= 0x0D)) {
    return cp;  // the common case, cheap
  }
  if (IsZeroWidth(cp)) return 0;
  if (IsApostrophe(cp)) return U'\'';
  utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  if (IsQuoteMark(cp, cat)) return U'"';
  if (IsDash(cp, cat)) return U'-';
  if (IsSpace(cp, cat)) return U' ';
  return cp;
}

}  // namespace

size_t NormalizeCodePoint(char32_t cp, char32_t parts[kMaxNormalizedParts]) {
  char32_t unified = UnifyPunctuation(cp);
  if (unified == 0) return 0;
  if (unified != cp || cp < 0x80 || cp == kWildcardMark || cp == kGapMark) {
    char32_t lower = unified;
    if (lower >= 'A' && lower <= 'Z') lower += 'a' - 'A';
    parts[0] = lower;
    return 1;
  }
  utf8proc_int32_t buf[kMaxNormalizedParts];
  int boundclass = UTF8PROC_BOUNDCLASS_START;
  utf8proc_ssize_t n = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(cp), buf, static_cast<utf8proc_ssize_t>(kMaxNormalizedParts),
      static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                     UTF8PROC_IGNORE),
      &boundclass);
  if (n < 0 || n > static_cast<utf8proc_ssize_t>(kMaxNormalizedParts)) {
    parts[0] = cp;  // unassigned or too long: keep the character itself
    return 1;
  }
  size_t count = 0;
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    char32_t part = UnifyPunctuation(static_cast<char32_t>(buf[i]));
    if (part != 0) parts[count++] = part;
  }
  return count;
}

}  // namespace normalize_detail
}  // namespace citecheck
