#include "check/sources.h"

#include <sstream>

#include "core/media_type.h"

namespace citecheck {

std::vector<ArticleInput> LoadSources(const std::vector<std::string>& sources, std::istream& stdin_stream,
                                      const std::string& stdin_name, Fetcher& fetcher) {
  std::vector<ArticleInput> inputs(sources.size());
  std::vector<std::string> urls;
  std::vector<size_t> url_slots;
  for (size_t i = 0; i < sources.size(); ++i) {
    if (IsUrlSource(sources[i])) {
      urls.push_back(sources[i]);
      url_slots.push_back(i);
    } else {
      inputs[i] = LoadArticleInput(sources[i], stdin_stream, stdin_name);
    }
  }
  std::vector<ArticleInput> fetched = FetchArticleInputs(urls, fetcher);
  for (size_t k = 0; k < url_slots.size(); ++k) inputs[url_slots[k]] = std::move(fetched[k]);
  return inputs;
}

std::vector<ArticleInput> LoadRegisteredInputs(const std::vector<ArticleEntry>& articles, Fetcher& fetcher) {
  std::vector<ArticleInput> inputs(articles.size());
  std::vector<std::string> urls;
  std::vector<size_t> url_slots;
  for (size_t i = 0; i < articles.size(); ++i) {
    const ArticleEntry& a = articles[i];
    if (a.kind == kArticleKindUrl) {
      urls.push_back(a.identity);
      url_slots.push_back(i);
    } else if (a.kind == kArticleKindText) {
      inputs[i].ok = true;
      inputs[i].bytes = a.body;
      inputs[i].media_type = a.media_type;
    } else {
      std::istringstream no_stdin;
      inputs[i] = LoadArticleInput(a.identity, no_stdin, "");
    }
  }
  std::vector<ArticleInput> fetched = FetchArticleInputs(urls, fetcher);
  for (size_t k = 0; k < url_slots.size(); ++k) inputs[url_slots[k]] = std::move(fetched[k]);
  for (size_t i = 0; i < articles.size(); ++i) {
    // The registry's names, so the run attaches to the registered article.
    inputs[i].identity = articles[i].identity;
    inputs[i].source = articles[i].source;
    if (!inputs[i].ok && inputs[i].error.empty()) inputs[i].error = articles[i].source + ": cannot read";
  }
  return inputs;
}

SplitInputs SplitReadable(std::vector<ArticleInput> inputs) {
  SplitInputs split;
  for (ArticleInput& input : inputs) {
    if (input.ok) {
      split.readable.push_back(std::move(input));
    } else {
      split.errors.push_back(std::move(input.error));
    }
  }
  return split;
}

ArticleFormat ArticleFormatOf(const ArticleInput& input) {
  if (IsHtmlMediaType(input.media_type)) return ArticleFormat::kHtml;
  const std::string type = MediaType(input.media_type);
  if (type == "text/markdown" || type == "text/plain") return ArticleFormat::kMarkdown;
  if (type == "text/x-wiki") return ArticleFormat::kWikitext;  // MediaWiki's action=raw
  return ArticleFormat::kAuto;
}

bool ForceInputFormat(const std::string& format, std::vector<ArticleInput>* inputs) {
  std::string media_type;
  if (format == "markdown") media_type = "text/markdown";
  else if (format == "html") media_type = "text/html";
  else if (format == "wikitext") media_type = "text/x-wiki";
  else return false;
  for (ArticleInput& input : *inputs) {
    if (input.ok && input.media_type.empty()) input.media_type = media_type;
  }
  return true;
}

}  // namespace citecheck
