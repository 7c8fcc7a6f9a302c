// citecheck report: renders stored results without fetching, with what
// changed since each article's previous run (--changes: only that).
#include <iostream>

#include "cmd/citecheck/commands.h"
#include "registry/registry.h"
#include "report/render_run.h"
#include "store/store.h"

namespace citecheck {

int RunReportCommand(const CommonFlags& common, const ReportFlags& flags) {
  Config config;
  if (!BuildConfig(common, &config)) return kExitUsage;
  auto store = Store::Open(config.db);
  RenderRequest request;
  request.format = flags.format;
  request.changes_only = flags.changes;
  if (!flags.article.empty()) {
    auto article = FindNamedArticle(*store, flags.article);
    if (!article) {
      std::cerr << "citecheck: no article " << flags.article << " (see citecheck list)\n";
      return kExitUsage;
    }
    request.article_id = article->id;
  }
  int exit_code = 0;
  if (!WriteStoredReport(*store, request, flags.output, &exit_code)) return kExitUsage;
  return exit_code;
}

}  // namespace citecheck
