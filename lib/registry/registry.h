// Registered articles (docs/storage.md "Registered articles": add, list,
// remove, run): turning what a user names into a registry entry, finding it
// again, and running entries (read through check/sources.h; resuming an
// interrupted run of the same articles).
#ifndef CITECHECK_REGISTRY_REGISTRY_H_
#define CITECHECK_REGISTRY_REGISTRY_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "check/article_input.h"
#include "check/sources.h"
#include "check/pipeline.h"
#include "config/config.h"
#include "fetch/fetcher.h"
#include "report/summary.h"
#include "store/store.h"

namespace citecheck {

// What `add` (and `check --queue`) registers for one ARTICLE argument.
struct Registration {
  bool ok = false;
  std::string error;  // "notes.md: no such file"
  std::string identity;
  std::string source;
  std::string kind;  // kArticleKind*
  std::string body;  // kind text
  std::string media_type;
};

// Why a URL with user:password cannot be registered, or "" when it has
// none. Shared by `citecheck add` and the daemon's API.
std::string CredentialsRefusal(const std::string& url);

// A file (must exist; identity is its real path), an http(s) URL (identity
// its normalized form; not fetched now), or "-" (stdin, read now and stored;
// `name` is required and is the identity).
Registration ResolveRegistration(const std::string& source, const std::string& name, std::istream& stdin_stream);

// An http(s) URL, normalized (its identity), not fetched now; refused when
// malformed or carrying credentials. `add` and POST /v1/articles.
Registration UrlRegistration(const std::string& url);

// Text posted to the daemon: stored as kind text under `name`.
// A name for posted text that came without one (POST /v1/articles without
// ?name=, the web interface's form): the same text gets the same name, so
// posting it again reuses the article.
std::string NameForPostedText(const std::string& body);
Registration TextRegistration(const std::string& name, const std::string& body, const std::string& media_type);

// The article a user names by ID, or by source: as given, its real path, or
// its normalized URL (`remove`, `run`, `report`).
std::optional<ArticleEntry> FindNamedArticle(Store& store, const std::string& arg);

// Registers it; returns the article id.
int64_t Register(Store& store, const Registration& registration);

// Registers each of `sources` (`name` for stdin, read from `stdin_stream`),
// in order: `add` and `check --queue`. An unreadable source has ok=false and
// an error naming it.
struct SourceRegistration {
  bool ok = false;
  std::string error;
  int64_t article_id = 0;
  std::string source;  // as registered
};
std::vector<SourceRegistration> RegisterSources(Store& store, const std::vector<std::string>& sources,
                                                const std::string& name, std::istream& stdin_stream);

struct RegisteredRun {
  CheckRun run;
  bool resumed = false;
  std::vector<std::string> input_errors;  // articles that could not be read
};

// Checks `articles` as one run with `trigger`. `resume_run_id` > 0 resumes
// that run; < 0 looks for an interrupted run of `trigger` whose articles are
// all among `articles` and resumes it; 0 always begins a new run. With no
// readable article, run.run_id stays 0. `share`: RunControl::share.
RegisteredRun RunRegistered(Store& store, const Config& config, Fetcher& fetcher,
                            const std::vector<ArticleEntry>& articles, const std::string& trigger,
                            int64_t resume_run_id, const std::atomic<bool>* stop,
                            const std::function<void(const Progress&)>& on_progress = nullptr,
                            const std::function<void(int64_t)>& on_run_started = nullptr,
                            const JobLease& share = JobLease{});

// One line of `list` / GET /v1/articles: an article and its latest run.
struct ArticleOverview {
  ArticleEntry article;
  std::optional<RunRef> last_run;
  std::string checked_at;  // of the last run, empty when none
  ArticleSummary summary;  // of the last run; zero when none
};
// A page of them by id (Store::ListRegistered: after `after_id`, at most
// `limit`, 0 for all): one query for the page and the latest runs, then one
// statuses-only read per article.
std::vector<ArticleOverview> OverviewRegistered(Store& store, int64_t after_id = 0, int limit = 0);

}  // namespace citecheck

#endif  // CITECHECK_REGISTRY_REGISTRY_H_
