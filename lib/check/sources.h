// Sources: what a user names as articles (paths, "-" for stdin, http(s)
// URLs) and registered articles with their stored text, turned into the
// ArticleInputs a run reads. The one place that loads articles: `check`,
// `run`, the registry and the daemon's worker all come through here.
#ifndef CITECHECK_CHECK_SOURCES_H_
#define CITECHECK_CHECK_SOURCES_H_

#include <istream>
#include <string>
#include <vector>

#include "article/reader.h"
#include "check/article_input.h"
#include "fetch/fetcher.h"
#include "store/registry_types.h"

namespace citecheck {

// Loads `sources` in the order given: files are read, "-" reads
// `stdin_stream` (named `stdin_name`, or "stdin"), http(s) URLs are fetched
// together through `fetcher` (FetchArticleInputs). Unreadable sources have
// ok=false and an error naming them.
std::vector<ArticleInput> LoadSources(const std::vector<std::string>& sources, std::istream& stdin_stream,
                                      const std::string& stdin_name, Fetcher& fetcher);

// Reads registered articles as they now stand: files re-read, URLs fetched
// through `fetcher`, stored text as stored with its stored media type.
// Inputs keep the registry's identity and source so the runs attach to the
// same article. Unreadable ones have ok=false and an error naming the source.
std::vector<ArticleInput> LoadRegisteredInputs(const std::vector<ArticleEntry>& articles, Fetcher& fetcher);

// Fetches article URLs (http/https sources) through `fetcher`, so the same
// politeness and private-network rules apply to them as to cited pages; an
// article whose link is not ok becomes an input error naming the URL and
// status. A fetched article keeps its Content-Type as media_type.
std::vector<ArticleInput> FetchArticleInputs(const std::vector<std::string>& urls, Fetcher& fetcher);

// `inputs` split into the readable ones (in order) and the errors of the rest.
struct SplitInputs {
  std::vector<ArticleInput> readable;
  std::vector<std::string> errors;
};
SplitInputs SplitReadable(std::vector<ArticleInput> inputs);

// How the article reader must read `input`: HTML for text/html and XHTML,
// Markdown for text/markdown and text/plain, else kAuto (by the source's
// extension, then by sniffing).
ArticleFormat ArticleFormatOf(const ArticleInput& input);

// --input-format: reads every input that has no media type of its own (files,
// stdin) as `format` ("markdown", "html" or "wikitext"). False for any other
// name (inputs unchanged).
bool ForceInputFormat(const std::string& format, std::vector<ArticleInput>* inputs);

}  // namespace citecheck

#endif  // CITECHECK_CHECK_SOURCES_H_
