// Loading an article's bytes from a file or stdin, with the input errors of
// docs/reading.md "Diagnostics" (missing file, directory, unreadable) as messages naming the file.
// check/sources.h loads every kind of source (files, stdin, URLs, registered
// articles) with it.
#ifndef CITECHECK_CHECK_ARTICLE_INPUT_H_
#define CITECHECK_CHECK_ARTICLE_INPUT_H_

#include <cstdint>
#include <istream>
#include <string>

namespace citecheck {

struct ArticleInput {
  bool ok = false;
  std::string error;     // when !ok: "notes.md: no such file"
  std::string source;    // as given
  std::string identity;  // real path for files, the name for stdin
  std::string bytes;
  // What the bytes are, when known ("text/html"): the stored media type of
  // posted text, the Content-Type of a fetched article; "" for files and
  // stdin (read by extension, then sniffing). See ArticleFormatOf.
  std::string media_type;
};

// Articles larger than this are refused: an article is text a person wrote.
constexpr int64_t kMaxArticleBytes = 16 * 1024 * 1024;

// Reads `source`: a path, or "-" for `stdin` (identity `stdin_name`, or
// "stdin" when empty).
ArticleInput LoadArticleInput(const std::string& source, std::istream& stdin_stream,
                              const std::string& stdin_name);

// True for http:// and https:// sources (fetched rather than read).
bool IsUrlSource(const std::string& source);

}  // namespace citecheck

#endif  // CITECHECK_CHECK_ARTICLE_INPUT_H_
