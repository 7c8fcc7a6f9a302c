// citecheck check: check articles now (never resumes), or with --queue hand
// them to the daemon's queue.
#include <iostream>

#include "check/pipeline.h"
#include "check/sources.h"
#include "cmd/citecheck/commands.h"
#include "cmd/citecheck/progress_bar.h"
#include "registry/registry.h"
#include "store/store.h"

namespace citecheck {
namespace {

// --queue: register each article and queue a job the daemon will pick up.
int QueueCheck(const Config& config, const CheckFlags& flags) {
  auto store = Store::Open(config.db);
  return RegisterAndReport(*store, flags.articles, flags.name, [&](int64_t article, const std::string& source) {
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
  std::vector<ArticleInput> none;
  if (!flags.input_format.empty() && !ForceInputFormat(flags.input_format, &none)) {
    std::cerr << "citecheck: unknown --input-format \"" << flags.input_format
              << "\" (expected markdown, html or wikitext)\n";
    return kExitUsage;
  }
  if (flags.queue) return QueueCheck(config, flags);
  auto fetcher = MakeCurlFetcher(FetcherOptions(config));
  std::vector<ArticleInput> loaded = LoadSources(flags.articles, std::cin, flags.name, *fetcher);
  if (!flags.input_format.empty()) ForceInputFormat(flags.input_format, &loaded);
  SplitInputs inputs = SplitReadable(std::move(loaded));
  for (const std::string& error : inputs.errors) std::cerr << "citecheck: " << error << "\n";
  const bool input_error = !inputs.errors.empty();
  if (inputs.readable.empty()) return kExitUsage;
  auto store = Store::Open(config.db);
  CheckRun run;
  {
    ProgressBar bar;
    run = RunCheck(inputs.readable, config, *store, *fetcher, "check", [&bar](const Progress& p) { bar.Update(p); });
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
