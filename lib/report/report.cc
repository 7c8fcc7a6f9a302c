#include "report/report.h"

#include "report/html_formatter.h"
#include "report/json_formatter.h"
#include "report/junit_formatter.h"
#include "report/markdown_formatter.h"
#include "report/summary.h"
#include "report/text_formatter.h"

namespace citecheck {

std::unique_ptr<Formatter> MakeFormatter(const std::string& format, const ReportOptions& options) {
  if (format == "json") return std::make_unique<JsonFormatter>();
  if (format == "text") return std::make_unique<TextFormatter>(options);
  if (format == "markdown") return std::make_unique<MarkdownFormatter>();
  if (format == "html") return std::make_unique<HtmlFormatter>();
  if (format == "junit") return std::make_unique<JunitFormatter>();
  return nullptr;
}

std::string Formatter::Render(const RunRecord& run) const {
  std::unique_ptr<ReportStream> stream = Start(run);
  std::string body;
  for (const ArticleRecord& article : run.articles) stream->Add(article, &body);
  return stream->Head() + body + stream->Tail();
}

bool KnownFormat(const std::string& format) { return MakeFormatter(format, {}) != nullptr; }

int ExitCodeFor(const RunRecord& run) {
  for (const ArticleRecord& article : run.articles) {
    for (const CitationRecord& c : article.citations) {
      if (IsCitationProblem(c)) return 1;
    }
    for (const QuoteRecord& q : article.quotes) {
      if (IsQuoteProblem(q)) return 1;
    }
  }
  return 0;
}

}  // namespace citecheck
