#include "registry/registry.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <filesystem>
#include <set>

#include "core/url.h"

namespace citecheck {
namespace {

Registration Failed(const std::string& error) {
  Registration r;
  r.error = error;
  return r;
}

}  // namespace

std::string CredentialsRefusal(const std::string& url) {
  if (RedactUrlCredentials(url) == url) return "";
  return RedactUrlCredentials(url) +
         ": the URL carries a user name or password; credentials are never stored, so a registered "
         "article could not be fetched with them later (citecheck check fetches it once)";
}

Registration UrlRegistration(const std::string& url) {
  std::string error;
  auto normalized = NormalizeUrl(url, &error);
  if (!normalized) return Failed(RedactUrlCredentials(url) + ": " + error);
  if (std::string refusal = CredentialsRefusal(url); !refusal.empty()) return Failed(refusal);
  Registration r;
  r.ok = true;
  r.identity = *normalized;
  r.source = url;
  r.kind = kArticleKindUrl;
  return r;
}

Registration ResolveRegistration(const std::string& source, const std::string& name, std::istream& stdin_stream) {
  Registration r;
  if (IsUrlSource(source)) {
    return UrlRegistration(source);
  } else if (source == "-") {
    if (name.empty()) return Failed("-: --name is required for an article read from stdin");
    ArticleInput input = LoadArticleInput(source, stdin_stream, name);
    if (!input.ok) return Failed(input.error);
    return TextRegistration(name, input.bytes, "");
  } else {
    // Read now only to report a missing or unreadable file at once.
    ArticleInput input = LoadArticleInput(source, stdin_stream, name);
    if (!input.ok) return Failed(input.error);
    r.identity = input.identity;
    r.source = name.empty() ? source : name;
    r.kind = kArticleKindFile;
  }
  r.ok = true;
  return r;
}

std::string NameForPostedText(const std::string& body) {
  char hex[20];
  std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string>{}(body));
  return std::string("posted-") + hex;
}

Registration TextRegistration(const std::string& name, const std::string& body, const std::string& media_type) {
  Registration r;
  r.ok = true;
  r.identity = name;
  r.source = name;
  r.kind = kArticleKindText;
  r.body = body;
  r.media_type = media_type;
  return r;
}

int64_t Register(Store& store, const Registration& r) {
  return store.RegisterArticle(r.identity, r.source, r.kind, r.body, r.media_type);
}

std::vector<SourceRegistration> RegisterSources(Store& store, const std::vector<std::string>& sources,
                                                const std::string& name, std::istream& stdin_stream) {
  std::vector<SourceRegistration> results;
  for (const std::string& source : sources) {
    SourceRegistration result;
    Registration r = ResolveRegistration(source, name, stdin_stream);
    result.ok = r.ok;
    result.error = r.error;
    result.source = r.source;
    if (r.ok) result.article_id = Register(store, r);
    results.push_back(std::move(result));
  }
  return results;
}

namespace {

// An interrupted run of `trigger` whose articles are all among `ids`.
int64_t FindRunToResume(Store& store, const std::string& trigger, const std::vector<int64_t>& ids) {
  auto candidate = store.FindResumableRun(trigger);
  if (!candidate) return 0;
  std::set<int64_t> wanted(ids.begin(), ids.end());
  for (int64_t id : store.ArticlesOfRun(*candidate)) {
    if (wanted.count(id) == 0) return 0;
  }
  return *candidate;
}

}  // namespace

std::optional<ArticleEntry> FindNamedArticle(Store& store, const std::string& arg) {
  // An ID has at most 18 digits (int64); a longer number can only be a source.
  if (!arg.empty() && arg.size() <= 18 && arg.find_first_not_of("0123456789") == std::string::npos) {
    if (auto found = store.FindArticle(std::stoll(arg))) return found;
  }
  if (auto found = store.FindArticleBySource(arg)) return found;
  std::error_code ec;
  auto real = std::filesystem::canonical(arg, ec);
  if (!ec) {
    if (auto found = store.FindArticleBySource(real.string())) return found;
  }
  std::string error;
  if (auto url = NormalizeUrl(arg, &error)) return store.FindArticleBySource(*url);
  return std::nullopt;
}

RegisteredRun RunRegistered(Store& store, const Config& config, Fetcher& fetcher,
                            const std::vector<ArticleEntry>& articles, const std::string& trigger,
                            int64_t resume_run_id, const std::atomic<bool>* stop,
                            const std::function<void(const Progress&)>& on_progress,
                            const std::function<void(int64_t)>& on_run_started, const JobLease& share) {
  RegisteredRun result;
  SplitInputs inputs = SplitReadable(LoadRegisteredInputs(articles, fetcher));
  result.input_errors = std::move(inputs.errors);
  if (inputs.readable.empty()) return result;
  std::vector<int64_t> ids;
  for (const ArticleEntry& a : articles) ids.push_back(a.id);
  RunControl control;
  control.stop = stop;
  control.on_run_started = on_run_started;
  control.share = share;
  control.resume_run_id = resume_run_id < 0 ? FindRunToResume(store, trigger, ids) : resume_run_id;
  if (control.resume_run_id > 0) {
    auto run = store.FindRun(control.resume_run_id);
    if (!run || run->state == RunState::kDone) control.resume_run_id = 0;  // nothing left to resume
  }
  result.resumed = control.resume_run_id > 0;
  result.run = RunCheck(inputs.readable, config, store, fetcher, trigger, on_progress, control);
  return result;
}

std::vector<ArticleOverview> OverviewRegistered(Store& store, int64_t after_id, int limit) {
  std::vector<ArticleOverview> list;
  for (RegisteredWithRun& row : store.ListRegisteredWithLatestRun(after_id, limit)) {
    ArticleOverview overview;
    overview.article = std::move(row.article);
    overview.last_run = std::move(row.latest_run);
    if (overview.last_run) {
      // Statuses only: a summary needs no texts, URLs or evidence.
      RunRecord record = store.LoadRunArticleStatuses(overview.last_run->run_id, overview.article.id);
      if (!record.articles.empty()) {
        overview.checked_at = record.articles.front().checked_at;
        overview.summary = Summarize(record.articles.front());
      }
    }
    list.push_back(std::move(overview));
  }
  return list;
}

}  // namespace citecheck
