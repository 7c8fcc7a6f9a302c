// citecheck add | list | remove | run: registered articles.
#include <cstdio>
#include <iostream>

#include "cmd/citecheck/commands.h"
#include "cmd/citecheck/progress_bar.h"
#include "registry/registry.h"
#include "report/report.h"
#include "store/store.h"

namespace citecheck {

int RunAddCommand(const CommonFlags& common, const AddFlags& flags) {
  Config config;
  if (!BuildConfig(common, &config)) return kExitUsage;
  if (flags.articles.size() > 1 && !flags.name.empty()) {
    std::cerr << "citecheck: --name names one article; give one ARTICLE with it\n";
    return kExitUsage;
  }
  auto store = Store::Open(config.db);
  return RegisterAndReport(*store, flags.articles, flags.name, [](int64_t id, const std::string& source) {
    std::cout << id << "\t" << source << "\n";
  });
}

int RegisterAndReport(Store& store, const std::vector<std::string>& sources, const std::string& name,
                      const std::function<void(int64_t id, const std::string& source)>& on_registered) {
  int status = 0;
  for (const SourceRegistration& r : RegisterSources(store, sources, name, std::cin)) {
    if (!r.ok) {
      std::cerr << "citecheck: " << r.error << "\n";
      status = kExitUsage;
      continue;
    }
    on_registered(r.article_id, r.source);
  }
  return status;
}

namespace {

std::string LinksCell(const ArticleSummary& s) {
  std::string cell = std::to_string(s.links_ok) + " ok";
  if (s.links_broken > 0) cell += ", " + std::to_string(s.links_broken) + " not ok";
  return cell;
}

std::string QuotesCell(const ArticleSummary& s) {
  std::string cell = std::to_string(s.verified) + " verified";
  if (s.near_match > 0) cell += ", " + std::to_string(s.near_match) + " near_match";
  if (s.not_found > 0) cell += ", " + std::to_string(s.not_found) + " not_found";
  if (s.unverifiable > 0) cell += ", " + std::to_string(s.unverifiable) + " unverifiable";
  if (s.pending > 0) cell += ", " + std::to_string(s.pending) + " pending";
  return cell;
}

}  // namespace

int RunListCommand(const CommonFlags& common, const ListFlags& flags) {
  Config config;
  if (!BuildConfig(common, &config)) return kExitUsage;
  auto store = Store::Open(config.db);
  std::vector<ArticleOverview> list = OverviewRegistered(*store, flags.after, flags.limit);
  if (list.empty()) {
    if (flags.after > 0) {
      std::cout << "No registered articles after ID " << flags.after << ".\n";
    } else {
      std::cout << "No registered articles (citecheck add ARTICLE...).\n";
    }
    return 0;
  }
  std::printf("%-5s %-40s %-21s %-12s %-20s %s\n", "ID", "SOURCE", "LAST RUN", "STATE", "LINKS", "QUOTES");
  for (const ArticleOverview& o : list) {
    std::printf("%-5lld %-40s %-21s %-12s %-20s %s\n", static_cast<long long>(o.article.id),
                o.article.source.c_str(), o.last_run ? o.checked_at.c_str() : "never",
                o.last_run ? std::string(ToString(o.last_run->state)).c_str() : "-", o.last_run ? LinksCell(o.summary).c_str() : "-",
                o.last_run ? QuotesCell(o.summary).c_str() : "-");
  }
  // A full page may have a next one; on stderr, so stdout stays the table.
  if (flags.limit > 0 && list.size() == static_cast<size_t>(flags.limit)) {
    std::cerr << "citecheck: next page: citecheck list --limit " << flags.limit << " --after "
              << list.back().article.id << "\n";
  }
  return 0;
}

int RunRemoveCommand(const CommonFlags& common, const std::string& id) {
  Config config;
  if (!BuildConfig(common, &config)) return kExitUsage;
  auto store = Store::Open(config.db);
  auto article = FindNamedArticle(*store, id);
  if (!article || !store->UnregisterArticle(article->id)) {
    std::cerr << "citecheck: no registered article " << id << " (see citecheck list)\n";
    return kExitUsage;
  }
  std::cout << "removed " << article->id << "\t" << article->source << " (its history is kept)\n";
  return 0;
}

int RunRunCommand(const CommonFlags& common, const RunFlags& flags) {
  Config config;
  if (!BuildConfig(common, &config)) return kExitUsage;
  if (flags.all == !flags.ids.empty()) {
    std::cerr << "citecheck: run needs --all or article IDs (not both)\n";
    return kExitUsage;
  }
  if (!KnownFormat(flags.format)) {
    std::cerr << "citecheck: unknown --format \"" << flags.format << "\" (expected " << kReportFormats << ")\n";
    return kExitUsage;
  }
  auto store = Store::Open(config.db);
  std::vector<ArticleEntry> articles;
  bool usage_error = false;
  if (flags.all) {
    articles = store->ListRegistered();
  } else {
    for (const std::string& id : flags.ids) {
      auto article = FindNamedArticle(*store, id);
      if (!article) {
        std::cerr << "citecheck: no article " << id << " (see citecheck list)\n";
        usage_error = true;
      } else {
        articles.push_back(*article);
      }
    }
  }
  if (articles.empty()) {
    if (!usage_error) std::cerr << "citecheck: warning: no registered articles to check\n";
    return usage_error ? kExitUsage : 0;
  }
  auto fetcher = MakeCurlFetcher(FetcherOptions(config));
  RegisteredRun result;
  {
    ProgressBar bar;
    result = RunRegistered(*store, config, *fetcher, articles, "run", /*resume_run_id=*/-1, nullptr,
                           [&bar](const Progress& p) { bar.Update(p); });
  }
  for (const std::string& error : result.input_errors) std::cerr << "citecheck: " << error << "\n";
  if (result.run.run_id == 0) return kExitUsage;
  if (result.resumed) {
    std::cerr << "citecheck: resumed interrupted run " << result.run.run_id << " (" << result.run.reused_fetches
              << " committed fetches reused)\n";
  }
  for (const Diagnostic& d : result.run.diagnostics) PrintDiagnostic(d);
  RenderRequest report;
  report.run_id = result.run.run_id;
  report.format = flags.format;
  int exit_code = 0;
  if (!WriteStoredReport(*store, report, flags.output, &exit_code)) return kExitUsage;
  if (usage_error || !result.input_errors.empty() || result.run.input_error) return kExitUsage;
  return exit_code;
}

}  // namespace citecheck
