#include "article/cs1_date.h"

#include <cstdio>

#include "core/ascii.h"

namespace citecheck {
namespace article {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads 1..max_digits digits at *i.
int Number(std::string_view s, size_t* i, size_t max_digits) {
  size_t start = *i;
  int value = 0;
  while (*i < s.size() && IsDigit(s[*i]) && *i - start < max_digits) value = value * 10 + (s[(*i)++] - '0');
  if (*i == start || (*i < s.size() && IsDigit(s[*i]))) return -1;
  return value;
}

// "May", "may", "Sep", "Sept", "September" -> 5 / 9; 0 when not a month.
int Month(std::string_view s, size_t* i) {
  static const char* const kNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                       "july",    "august",   "september", "october", "november", "december"};
  size_t start = *i;
  while (*i < s.size() && IsAlpha(s[*i]) && *i - start < 10) ++*i;
  std::string word = AsciiLower(s.substr(start, *i - start));
  if (*i < s.size() && s[*i] == '.') ++*i;  // "Sept." is not CS1, but harmless
  for (int m = 0; m < 12; ++m) {
    std::string_view name = kNames[m];
    if (word == name || (word.size() == 3 && name.compare(0, 3, word) == 0) || (m == 8 && word == "sept")) {
      return m + 1;
    }
  }
  return 0;
}

bool Valid(int year, int month, int day) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month != 2 || day <= 28 || leap;
}

void SkipSpaces(std::string_view s, size_t* i) {
  // ASCII white space and the NBSP CS1's "nowrap" spans sometimes hold.
  while (*i < s.size()) {
    if (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n') {
      ++*i;
    } else if (s.compare(*i, 2, "\xC2\xA0") == 0) {
      *i += 2;
    } else {
      break;
    }
  }
}

}  // namespace

std::string ParseCs1Date(std::string_view text, size_t* consumed) {
  size_t i = 0;
  SkipSpaces(text, &i);
  int year = -1, month = 0, day = -1;
  if (i < text.size() && IsDigit(text[i])) {
    size_t j = i;
    int first = Number(text, &j, 4);
    if (j - i == 4 && j < text.size() && text[j] == '-') {  // 2019-05-03
      ++j;
      month = Number(text, &j, 2);
      if (j < text.size() && text[j] == '-') {
        ++j;
        day = Number(text, &j, 2);
      }
      year = first;
    } else if (first >= 1 && j - i <= 2) {  // 3 May 2019
      day = first;
      SkipSpaces(text, &j);
      month = Month(text, &j);
      SkipSpaces(text, &j);
      year = Number(text, &j, 4);
    }
    i = j;
  } else if (i < text.size() && IsAlpha(text[i])) {  // May 3, 2019
    month = Month(text, &i);
    SkipSpaces(text, &i);
    day = Number(text, &i, 2);
    if (i < text.size() && text[i] == ',') ++i;
    SkipSpaces(text, &i);
    year = Number(text, &i, 4);
  }
  if (!Valid(year, month, day)) return "";
  if (consumed) *consumed = i;
  // Valid() bounds the fields, but GCC cannot see it: room for any int.
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
  return out;
}

}  // namespace article
}  // namespace citecheck
