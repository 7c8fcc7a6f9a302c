// The metadata block a static site generator puts before a Markdown article
// (Jekyll, Hugo, Eleventy, Pandoc): "---" ... "---" (or "...") with YAML
// "key: value" lines, or "+++" ... "+++" with TOML "key = value" lines. It is
// not article text: its lines are never scanned for quotes, and its title and
// date are the article's (the date dates archive lookups, SPEC "Archived
// copies"). Internal to lib/article.
#ifndef CITECHECK_ARTICLE_FRONT_MATTER_H_
#define CITECHECK_ARTICLE_FRONT_MATTER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace citecheck {
namespace article {

struct FrontMatter {
  size_t end = 0;     // input offset just past the closing line (and its line break)
  std::string title;  // "" when it names none
  std::string date;   // YYYY-MM-DD; "" when it names none or not a date
};

// The front matter opening `input` at offset `start` (after a BOM), or
// nullopt when the input does not open with one or it is never closed (then
// the first line is an ordinary thematic break).
std::optional<FrontMatter> ReadFrontMatter(std::string_view input, size_t start);

// A publication date as metadata writes it: "2019-05-03",
// "2019-05-03T10:00:00+02:00", or a CS1 form ("3 May 2019"); YYYY-MM-DD,
// or "" when it is none of these.
std::string ParseMetadataDate(std::string_view text);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_FRONT_MATTER_H_
