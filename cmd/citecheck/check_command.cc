// citecheck check: check articles now (never resumes), or with --queue hand
// them to the daemon's queue.
#include <iostream>

#include "check/article_input.h"
#include "check/pipeline.h"
#include "cmd/citecheck/commands.h"
#include "cmd/citecheck/progress_bar.h"
#include "history/changes.h"
#include "registry/registry.h"
#include "report/report.h"
#include "store/store.h"

namespace citecheck {
namespace {

// --queue: register each article and queue a job the daemon will pick up.
int QueueCheck(const Config& config, const CheckFlags& flags) {
  auto store = Store::Open(config.db);
  return RegisterSources(*store, flags.articles, flags.name, [&](int64_t article, const std::string& source) {
    Job job = store->EnqueueArticleJob(article);
    std::cout << "queued job " << job.id << " for article " << article << " (" << source << ")\n";
  });
}

}  // namespace

int RunCheckCommand(const CommonFlags& common, const CheckFlags& flags) {
  Config config;
  if (!BuildConfig(common, &config)) return kExitUsage;
  if (!KnownFormat(flags.format)) {
    std::cerr << "citecheck: unknown --format \"" << flags.format << "\" (expected " << kReportFormats << ")\n";
    return kExitUsage;
  }
  if (flags.queue) return QueueCheck(config, flags);
  auto fetcher = MakeCurlFetcher(config.fetch);
  bool input_error = false;
  std::vector<ArticleInput> inputs;
  std::vector<std::string> urls;
  for (const std::string& source : flags.articles) {
    if (IsUrlSource(source)) {
      urls.push_back(source);
      continue;
    }
    inputs.push_back(LoadArticleInput(source, std::cin, flags.name));
  }
  for (ArticleInput& input : FetchArticleInputs(urls, *fetcher)) inputs.push_back(std::move(input));
  std::vector<ArticleInput> readable;
  for (ArticleInput& input : inputs) {
    if (input.ok) {
      readable.push_back(std::move(input));
    } else {
      std::cerr << "citecheck: " << input.error << "\n";
      input_error = true;
    }
  }
  if (readable.empty()) return kExitUsage;
  auto store = Store::Open(config.db);
  CheckRun run;
  {
    ProgressBar bar;
    run = RunCheck(readable, config, *store, *fetcher, "check", [&bar](const Progress& p) { bar.Update(p); });
  }
  for (const Diagnostic& d : run.diagnostics) PrintDiagnostic(d);
  RenderRequest report;
  report.run_id = run.run_id;
  report.format = flags.format;
  int exit_code = 0;
  if (!WriteStoredReport(*store, report, flags.output, &exit_code)) return kExitUsage;
  if (input_error || run.input_error) return kExitUsage;
  return exit_code;
}

}  // namespace citecheck
