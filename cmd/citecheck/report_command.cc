// citecheck report: renders stored results without fetching, with what
// changed since each article's previous run (--changes: only that).
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cmd/citecheck/commands.h"
#include "history/changes.h"
#include "report/changes_section.h"
#include "report/report.h"
#include "store/store.h"

namespace citecheck {

namespace {

// The run to report: the article's latest run, or the latest run of all.
std::optional<RunRecord> SelectRun(Store& store, const std::string& article_arg) {
  if (article_arg.empty()) {
    auto latest = store.LatestRun();
    if (!latest) {
      std::cerr << "citecheck: no runs stored yet\n";
      return std::nullopt;
    }
    return store.LoadRun(*latest);
  }
  auto article = FindArticleArgument(store, article_arg);
  if (!article) {
    std::cerr << "citecheck: no article " << article_arg << " (see citecheck list)\n";
    return std::nullopt;
  }
  std::vector<RunRef> runs = store.RunsOfArticle(article->id, 1);
  if (runs.empty()) {
    std::cerr << "citecheck: article " << article_arg << " has not been checked yet\n";
    return std::nullopt;
  }
  return store.LoadRunArticle(runs.front().run_id, article->id);
}

}  // namespace

int RunReportCommand(const CommonFlags& common, const ReportFlags& flags) {
  Config config;
  if (!BuildConfig(common, &config)) return kExitUsage;
  auto store = Store::Open(config.db);
  if (flags.changes) {
    if (flags.format != "text" && flags.format != "json") {
      std::cerr << "citecheck: report --changes renders text or json\n";
      return kExitUsage;
    }
    RunRecord record;
    if (flags.article.empty()) {
      record = LatestWithChanges(*store);
    } else {
      auto run = SelectRun(*store, flags.article);
      if (!run) return kExitUsage;
      record = std::move(*run);
      AttachChanges(*store, &record);
    }
    const bool color = flags.output.empty() && isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
    int status = WriteOutput(RenderChangesOnly(record, flags.format, color), flags.output);
    return status != 0 ? status : ExitCodeFor(record);
  }
  if (!KnownFormat(flags.format)) {
    std::cerr << "citecheck: unknown --format \"" << flags.format << "\" (expected " << kReportFormats << ")\n";
    return kExitUsage;
  }
  auto run = SelectRun(*store, flags.article);
  if (!run) return kExitUsage;
  AttachChanges(*store, &*run);
  int status = WriteReport(*run, flags.format, flags.output);
  return status != 0 ? status : ExitCodeFor(*run);
}

}  // namespace citecheck
