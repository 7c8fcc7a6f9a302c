#include "extract/visibility.h"

#include <string>

#include "core/ascii.h"

namespace citecheck {
namespace {

// Classes that hide an element from sighted readers while screen readers
// still announce it: the names SPEC lists, the frameworks' other spellings
// (Drupal, WordPress, GOV.UK, Bootstrap 5, Tailwind), and MediaWiki's edit
// links ("[edit]" beside each heading).
constexpr std::string_view kHidingClasses[] = {
    "sr-only",          "visually-hidden",   "visuallyhidden", "screen-reader-text",
    "screen-reader-only", "element-invisible", "u-hiddenvisually", "govuk-visually-hidden",
    "a11y-hidden",      "mw-editsection",    "editsection",
};

std::string_view Trim(std::string_view s) {
  const char* blanks = " \t\n\r\f";
  size_t begin = s.find_first_not_of(blanks);
  if (begin == std::string_view::npos) return {};
  size_t end = s.find_last_not_of(blanks);
  return s.substr(begin, end - begin + 1);
}

const char* Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? attr->value : nullptr;
}

}  // namespace

bool StyleHides(std::string_view style) {
  std::string lower = AsciiLower(style);
  std::string_view rest(lower);
  while (!rest.empty()) {
    size_t semi = rest.find(';');
    std::string_view declaration = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    size_t colon = declaration.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view property = Trim(declaration.substr(0, colon));
    std::string_view value = declaration.substr(colon + 1);
    size_t bang = value.find('!');  // "none !important"
    value = Trim(value.substr(0, bang));
    if (property == "display" && value == "none") return true;
    if (property == "visibility" && (value == "hidden" || value == "collapse")) return true;
  }
  return false;
}

bool ClassHides(std::string_view classes) {
  std::string lower = AsciiLower(classes);
  std::string_view rest(lower);
  while (!rest.empty()) {
    size_t start = rest.find_first_not_of(" \t\n\r\f");
    if (start == std::string_view::npos) break;
    rest = rest.substr(start);
    size_t end = rest.find_first_of(" \t\n\r\f");
    std::string_view token = rest.substr(0, end);
    for (std::string_view hiding : kHidingClasses) {
      if (token == hiding) return true;
    }
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  }
  return false;
}

bool IsInvisibleElement(const GumboNode* element) {
  if (const char* hidden = Attribute(element, "hidden")) {
    if (AsciiLower(Trim(hidden)) != "until-found") return true;
  }
  if (const char* style = Attribute(element, "style"); style && StyleHides(style)) return true;
  const char* classes = Attribute(element, "class");
  return classes && ClassHides(classes);
}

}  // namespace citecheck
