#include "extract/paywall.h"

#include <string>

#include "core/ascii.h"

namespace citecheck {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t SkipBlanks(std::string_view s, size_t pos) {
  while (pos < s.size() && IsBlank(s[pos])) ++pos;
  return pos;
}

bool HasToken(std::string_view list, std::string_view token) {
  size_t pos = 0;
  while (pos < list.size()) {
    while (pos < list.size() && IsBlank(list[pos])) ++pos;
    size_t end = pos;
    while (end < list.size() && !IsBlank(list[end])) ++end;
    std::string_view word = list.substr(pos, end - pos);
    // itemprop may also name the property by its full URL.
    if (word == token || (word.size() > token.size() && word.substr(word.size() - token.size()) == token &&
                          word[word.size() - token.size() - 1] == '/')) {
      return true;
    }
    pos = end;
  }
  return false;
}

}  // namespace

bool MicrodataValueNotFree(std::string_view value) {
  std::string lower = AsciiLower(value);
  size_t begin = SkipBlanks(lower, 0);
  size_t end = lower.size();
  while (end > begin && IsBlank(lower[end - 1])) --end;
  std::string_view v = std::string_view(lower).substr(begin, end - begin);
  return v == "false" || v == "http://schema.org/false" || v == "https://schema.org/false" ||
         v == "schema:false";
}

bool JsonLdSaysNotFree(std::string_view json) {
  const std::string key = "\"" + std::string(kAccessibleForFree) + "\"";
  size_t pos = 0;
  while ((pos = json.find(key, pos)) != std::string_view::npos) {
    pos += key.size();
    size_t at = SkipBlanks(json, pos);
    if (at >= json.size() || json[at] != ':') continue;
    at = SkipBlanks(json, at + 1);
    if (json.compare(at, 5, "false") == 0) return true;
    if (at < json.size() && json[at] == '"') {
      size_t close = json.find('"', at + 1);
      if (close != std::string_view::npos && MicrodataValueNotFree(json.substr(at + 1, close - at - 1))) {
        return true;
      }
    }
  }
  return false;
}

bool ElementSaysNotFree(const GumboNode* element, std::string (*text_of)(const GumboNode*)) {
  const GumboVector* attributes = &element->v.element.attributes;
  const GumboAttribute* itemprop = gumbo_get_attribute(attributes, "itemprop");
  if (itemprop == nullptr || !HasToken(itemprop->value, kAccessibleForFree)) return false;
  if (const GumboAttribute* content = gumbo_get_attribute(attributes, "content")) {
    return MicrodataValueNotFree(content->value);
  }
  if (const GumboAttribute* href = gumbo_get_attribute(attributes, "href")) {
    return MicrodataValueNotFree(href->value);
  }
  return MicrodataValueNotFree(text_of(element));
}

}  // namespace citecheck
