// Paywalled pages (docs/matching.md "Paywalled pages"): schema.org
// structured data saying the page's text is not free to read.
#ifndef CITECHECK_EXTRACT_PAYWALL_H_
#define CITECHECK_EXTRACT_PAYWALL_H_

#include <gumbo.h>

#include <string>
#include <string_view>

namespace citecheck {

// The property name as schema.org spells it; a page without it anywhere in
// its source is never paywalled, so ExtractHtml looks for it first.
inline constexpr std::string_view kAccessibleForFree = "isAccessibleForFree";

// Whether a JSON-LD body says "isAccessibleForFree": false anywhere (the
// page, a @graph node, a hasPart element), as a boolean or as the strings
// "false" / "False" / "https://schema.org/False". A lenient scan rather
// than a JSON parse: malformed JSON-LD still states the property, and the
// scan is linear whatever the nesting.
bool JsonLdSaysNotFree(std::string_view json);

// Whether a microdata value ("False", "false", "http://schema.org/False")
// means not free.
bool MicrodataValueNotFree(std::string_view value);

// Whether an element carries the microdata itemprop isAccessibleForFree
// with a value that means not free: <meta content>, <link href>, or its
// own text (read through `text_of`, only when needed).
bool ElementSaysNotFree(const GumboNode* element, std::string (*text_of)(const GumboNode*));

}  // namespace citecheck

#endif  // CITECHECK_EXTRACT_PAYWALL_H_
