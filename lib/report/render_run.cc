#include "report/render_run.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

#include <unistd.h>

#include "history/changes.h"
#include "report/changes_section.h"
#include "report/latest_changes.h"
#include "review/review.h"
#include "store/registry_types.h"

namespace citecheck {
namespace {

RenderedRun Failure(RenderedRun::Outcome outcome, std::string error) {
  RenderedRun result;
  result.outcome = outcome;
  result.error = std::move(error);
  return result;
}

// The id of the run to render, or 0 (with `error` set) when there is none.
int64_t SelectRun(Store& store, const RenderRequest& request, std::string* error) {
  if (request.run_id > 0) return request.run_id;
  if (request.article_id == 0) {
    std::optional<int64_t> latest = store.LatestRun();
    if (!latest) *error = "no runs stored yet";
    return latest.value_or(0);
  }
  std::vector<RunRef> runs = store.RunsOfArticle(request.article_id, 1);
  if (runs.empty()) *error = "article " + std::to_string(request.article_id) + " has not been checked yet";
  return runs.empty() ? 0 : runs.front().run_id;
}

// An anonymous temporary file in $TMPDIR (else /tmp), gone when closed:
// std::tmpfile ignores TMPDIR.
std::FILE* TemporaryFile() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/citecheck-report-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) return nullptr;
  unlink(path.c_str());
  std::FILE* file = fdopen(fd, "w+b");
  if (file == nullptr) close(fd);
  return file;
}

}  // namespace

RenderedRun RenderStoredRun(Store& store, const RenderRequest& request) {
  std::unique_ptr<Formatter> formatter;
  if (request.changes_only) {
    if (request.format != "text" && request.format != "json") {
      return Failure(RenderedRun::Outcome::kUnknownFormat, "report --changes renders text or json");
    }
  } else {
    formatter = MakeFormatter(request.format, request.options);
    if (!formatter) {
      return Failure(RenderedRun::Outcome::kUnknownFormat, "unknown format \"" + request.format + "\" (expected " +
                                                               kReportFormats + ")");
    }
  }
  RenderedRun result;
  if (request.changes_only && request.run_id == 0 && request.article_id == 0) {
    LatestChanges latest = LatestWithChanges(store);  // reviews applied
    result.run = std::move(latest.run);
    result.text = RenderChangesOnly(result.run, request.format, request.options.color);
    result.exit_code = latest.exit_code;
    return result;
  }
  const int64_t run_id = SelectRun(store, request, &result.error);
  if (run_id == 0) return Failure(RenderedRun::Outcome::kNoRun, result.error);
  result.run = request.article_id > 0 ? store.LoadRunArticle(run_id, request.article_id) : store.LoadRun(run_id);
  AttachChanges(store, &result.run);
  ApplyReviews(store, &result.run);  // keys and reviews, in every format and the exit code
  result.text = formatter ? formatter->Render(result.run)
                          : RenderChangesOnly(result.run, request.format, request.options.color);
  result.exit_code = ExitCodeFor(result.run);
  return result;
}

RenderedRun StreamStoredRun(Store& store, const RenderRequest& request, std::ostream& out) {
  if (request.changes_only || request.article_id > 0) {  // one article, or the small changes-only report
    RenderedRun result = RenderStoredRun(store, request);
    if (result.outcome == RenderedRun::Outcome::kOk) out << result.text;
    result.text.clear();
    return result;
  }
  std::unique_ptr<Formatter> formatter = MakeFormatter(request.format, request.options);
  if (!formatter) return RenderStoredRun(store, request);  // its error for the unknown format
  RenderedRun result;
  const int64_t run_id = SelectRun(store, request, &result.error);
  if (run_id == 0) return Failure(RenderedRun::Outcome::kNoRun, result.error);
  const std::vector<int64_t> ids = store.ArticlesOfRun(run_id);
  // The run's own fields; an unknown run throws LoadRun's error.
  const std::optional<RunRef> ref = store.FindRun(run_id);
  if (!ref) {
    store.LoadRun(run_id);  // throws for a run that does not exist
    return Failure(RenderedRun::Outcome::kNoRun, "no run " + std::to_string(run_id));
  }
  RunRecord header;
  header.run_id = ref->run_id;
  header.trigger = ref->trigger;
  header.started_at = ref->started_at;
  header.finished_at = ref->finished_at;
  header.state = ref->state;
  std::unique_ptr<ReportStream> stream = formatter->Start(header);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> body_file(TemporaryFile(), &std::fclose);
  if (!body_file) throw StoreError("cannot create a temporary file for the report: " + std::string(std::strerror(errno)));
  std::string body;
  for (int64_t id : ids) {
    RunRecord one = store.LoadRunArticle(run_id, id);
    if (one.articles.empty()) continue;
    AttachChanges(store, &one);
    ApplyReviews(store, &one);
    result.exit_code = std::max(result.exit_code, ExitCodeFor(one));
    body.clear();
    stream->Add(one.articles.front(), &body);
    if (std::fwrite(body.data(), 1, body.size(), body_file.get()) != body.size()) {
      throw StoreError("cannot write the report's temporary file: " + std::string(std::strerror(errno)));
    }
  }
  if (std::fflush(body_file.get()) != 0) {
    throw StoreError("cannot write the report's temporary file: " + std::string(std::strerror(errno)));
  }
  out << stream->Head();
  std::rewind(body_file.get());
  char buffer[1 << 16];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, body_file.get())) > 0) out.write(buffer, static_cast<std::streamsize>(n));
  if (std::ferror(body_file.get())) {
    throw StoreError("cannot read the report's temporary file back: " + std::string(std::strerror(errno)));
  }
  out << stream->Tail();
  return result;
}

const char* ReportContentType(const std::string& format) {
  if (format == "json") return "application/json";
  if (format == "html") return "text/html; charset=utf-8";
  if (format == "markdown") return "text/markdown; charset=utf-8";
  if (format == "junit") return "application/xml";
  return "text/plain; charset=utf-8";
}

}  // namespace citecheck
