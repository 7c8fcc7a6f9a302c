#include "daemon/api.h"

#include "core/utc_time.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <nlohmann/json.hpp>

#include "core/media_type.h"
#include "core/url.h"
#include "core/utc_time.h"
#include "core/utf8.h"
#include "daemon/instance.h"
#include "daemon/log.h"
#include "registry/registry.h"
#include "report/render_run.h"
#include "report/report.h"
#include "report/summary_json.h"
#include "review/review.h"

namespace citecheck {
namespace {

using json = nlohmann::ordered_json;

void JsonReply(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n", "application/json");
}

void Error(httplib::Response& res, int status, const std::string& message) {
  JsonReply(res, status, {{"error", message}});
}

std::string DefaultErrorMessage(int status) {
  switch (status) {
    case 400: return "bad request";
    case 401: return "missing or wrong bearer token";
    case 404: return "no such endpoint";
    case 405: return "method not allowed";
    case 413: return "request body too large";
    case 415: return "unsupported media type";
    case 503: return "service unavailable";
    default: return "HTTP " + std::to_string(status);
  }
}

json JobJson(const Job& job) {
  return {{"id", job.id},
          {"kind", job.kind},
          {"article", job.article_id > 0 ? json(job.article_id) : json(nullptr)},
          {"state", ToString(job.state)},
          {"run", job.run_id > 0 ? json(job.run_id) : json(nullptr)},
          {"error", job.error.empty() ? json(nullptr) : json(job.error)},
          {"created_at", job.created_at},
          {"started_at", job.started_at.empty() ? json(nullptr) : json(job.started_at)},
          {"finished_at", job.finished_at.empty() ? json(nullptr) : json(job.finished_at)},
          {"worker", job.worker.empty() ? json(nullptr) : json(job.worker)}};
}

// GET /v1/articles pages (docs/api.md): the default and largest page.
constexpr int64_t kArticlesDefaultLimit = 100;
constexpr int64_t kArticlesMaxLimit = 1000;

json OverviewJson(const ArticleOverview& o) {
  json j = {{"id", o.article.id},
            {"source", o.article.source},
            {"kind", o.article.kind},
            {"created_at", o.article.created_at},
            {"last_run", nullptr}};
  if (o.last_run) {
    j["last_run"] = {{"id", o.last_run->run_id}, {"state", ToString(o.last_run->state)}, {"checked_at", o.checked_at}};
    j["summary"] = SummaryJson(o.summary);
  }
  return j;
}

// A job or article id in a path: decimal digits naming a number from 1 to
// INT64_MAX. Anything else ("1e5", "-1", "0x10", twenty digits) names no
// job or article: nullopt, answered 404 like an id not in the store.
std::optional<int64_t> ParseId(const std::string& text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const int digit = c - '0';
    if (value > (INT64_MAX - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  if (value == 0) return std::nullopt;
  return value;
}

// The id as written, for an error message: printable ASCII (anything else
// as '?', so the JSON error is valid UTF-8), at most 40 characters.
std::string ShownId(const std::string& text) {
  std::string shown;
  for (char c : text.substr(0, 40)) shown.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  return text.size() <= 40 ? shown : shown + "...";
}

// Reviews in force by their state now (ListReviews: stale ones judged
// against each article's latest run).
// One live worker as GET /v1/workers shows it (docs/api.md); its times are
// the database's clock.
json WorkerJson(const WorkerRow& w) {
  return {{"id", w.id},
          {"machine", w.machine},
          {"pid", w.pid},
          {"listen", w.listen},
          {"started_at", w.started_at},
          {"heartbeat_at", UtcIso8601(static_cast<std::time_t>(w.heartbeat_ms / 1000))},
          {"lease_until", UtcIso8601(static_cast<std::time_t>(w.lease_until_ms / 1000))}};
}

std::string ReviewGauge(Store& store) {
  int64_t counts[3] = {0, 0, 0};
  for (const ReviewListing& l : ListReviews(store, 0)) {
    if (l.effective == ReviewState::kAccepted) ++counts[0];
    if (l.effective == ReviewState::kRejected) ++counts[1];
    if (l.effective == ReviewState::kStale) ++counts[2];
  }
  return RenderReviewGauge(counts[0], counts[1], counts[2]);
}

class Api {
 public:
  explicit Api(const ApiContext& context) : c_(context) {}

  void Install(httplib::Server& s) {
    s.set_payload_max_length(c_.max_request_bytes);
    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      req_start_ = std::chrono::steady_clock::now();
      // The web interface's pages (lib/web) have their own sessions; the
      // API and /metrics need the bearer token.
      const bool api = req.path.rfind("/v1/", 0) == 0 || req.path == "/metrics";
      if (!api || Authorized(req)) return httplib::Server::HandlerResponse::Unhandled;
      res.set_header("WWW-Authenticate", "Bearer");
      Error(res, 401, DefaultErrorMessage(401));
      return httplib::Server::HandlerResponse::Handled;
    });
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (res.body.empty()) Error(res, res.status, DefaultErrorMessage(res.status));
    });
    s.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "unknown error";
      try {
        std::rethrow_exception(ep);
      } catch (const StoreError& e) {
        Log(LogLevel::kError, "api.store_error", {{"path", req.path}, {"error", e.what()}});
        Error(res, 503, std::string("database unavailable: ") + e.what());
        return;
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      Log(LogLevel::kError, "api.error", {{"path", req.path}, {"error", what}});
      Error(res, 500, "internal error: " + what);
    });
    s.set_logger([this](const httplib::Request&, const httplib::Response& res) {
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - req_start_).count();
      c_.metrics->RecordRequest(res.status, seconds < 3600 ? seconds : 0);
    });
    s.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
      if (c_.stopping->load()) return Error(res, 503, "shutting down");
      JsonReply(res, 200, {{"status", "ok"}});
    });
    s.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
      auto store = c_.stores->Acquire();
      std::string text = c_.metrics->Render(store->CountJobs(JobState::kQueued), store->CountJobs(JobState::kRunning));
      text += ReviewGauge(*store);
      text += "# HELP citecheck_workers_live Daemons whose heartbeat lease has not lapsed, on this database.\n"
              "# TYPE citecheck_workers_live gauge\ncitecheck_workers_live " +
              std::to_string(store->ListWorkers().size()) + "\n";
      res.set_content(text, "text/plain; version=0.0.4");
    });
    s.Get("/v1/workers", [this](const httplib::Request&, httplib::Response& res) {
      auto store = c_.stores->Acquire();
      json workers = json::array();
      for (const WorkerRow& w : store->ListWorkers()) workers.push_back(WorkerJson(w));
      JsonReply(res, 200, {{"workers", workers}});
    });
    s.Post("/v1/articles", [this](const httplib::Request& req, httplib::Response& res) { PostArticle(req, res); });
    s.Get("/v1/articles", [this](const httplib::Request& req, httplib::Response& res) { GetArticles(req, res); });
    s.Get(R"(/v1/articles/([^/]+)/report)",
          [this](const httplib::Request& req, httplib::Response& res) { GetReport(req, res); });
    s.Get(R"(/v1/jobs/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
      const std::optional<int64_t> id = ParseId(req.matches[1]);
      if (!id) return Error(res, 404, "no job " + ShownId(req.matches[1]));
      auto store = c_.stores->Acquire();
      auto job = store->GetJob(*id);
      if (!job) return Error(res, 404, "no job " + req.matches[1].str());
      JsonReply(res, 200, JobJson(*job));
    });
    s.Post("/v1/reviews", [this](const httplib::Request& req, httplib::Response& res) { PostReview(req, res); });
    s.Post("/v1/runs", [this](const httplib::Request&, httplib::Response& res) {
      if (c_.stopping->load()) return Error(res, 503, "shutting down: not taking new work");
      auto store = c_.stores->Acquire();
      Job job = store->EnqueueAllJob();
      if (c_.on_queued) c_.on_queued();
      JsonReply(res, 202, {{"job", job.id}, {"state", ToString(job.state)}});
    });
  }

 private:
  bool Authorized(const httplib::Request& req) const {
    const std::string header = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) return false;
    return TokensEqual(header.substr(prefix.size()), c_.token);
  }

  // The registration a POST asks for, or an error already written to `res`.
  std::optional<Registration> ParseArticle(const httplib::Request& req, httplib::Response& res) {
    const std::string type = MediaType(req.get_header_value("Content-Type"));
    if (type == "application/json") {
      json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
      if (body.is_discarded() || !body.is_object()) {
        Error(res, 400, "malformed JSON body: expected {\"url\": \"https://...\"}");
        return std::nullopt;
      }
      if (!body.contains("url") || !body["url"].is_string()) {
        Error(res, 400, "JSON body needs a string \"url\"");
        return std::nullopt;
      }
      const std::string url = body["url"].get<std::string>();
      if (!IsUrlSource(url)) {
        Error(res, 400, "\"url\" is not an http(s) URL: " + RedactUrlCredentials(url));
        return std::nullopt;
      }
      Registration r = UrlRegistration(url);
      if (!r.ok) {
        Error(res, 400, r.error);
        return std::nullopt;
      }
      return r;
    }
    if (type != "text/markdown" && type != "text/plain" && type != "text/html") {
      Error(res, 415, "Content-Type must be text/markdown, text/plain, text/html or application/json" +
                          (type.empty() ? std::string() : " (got " + type + ")"));
      return std::nullopt;
    }
    if (req.body.empty()) {
      Error(res, 400, "empty article body");
      return std::nullopt;
    }
    size_t bad = 0;
    if (!IsValidUtf8(req.body, &bad)) {
      Error(res, 400, "article is not valid UTF-8 (byte " + std::to_string(bad) + ")");
      return std::nullopt;
    }
    std::string name = req.get_param_value("name");
    if (name.empty()) name = NameForPostedText(req.body);
    return TextRegistration(name, req.body, type);
  }

  void PostArticle(const httplib::Request& req, httplib::Response& res) {
    if (c_.stopping->load()) return Error(res, 503, "shutting down: not taking new work");
    std::optional<Registration> r = ParseArticle(req, res);
    if (!r) return;
    auto store = c_.stores->Acquire();
    const int64_t article = Register(*store, *r);
    Job job = store->EnqueueArticleJob(article);
    if (c_.on_queued) c_.on_queued();
    JsonReply(res, 202, {{"job", job.id}, {"article", article}, {"state", ToString(job.state)}});
  }

  // ?limit=N&after=ID: docs/api.md "GET /v1/articles". A page, so that the
  // answer's cost does not grow with the registry.
  void GetArticles(const httplib::Request& req, httplib::Response& res) {
    int64_t limit = kArticlesDefaultLimit;
    int64_t after = 0;
    if (req.has_param("limit")) {
      std::optional<int64_t> n = ParseId(req.get_param_value("limit"));
      if (!n || *n > kArticlesMaxLimit) {
        return Error(res, 400, "limit must be a whole number from 1 to " + std::to_string(kArticlesMaxLimit) +
                                   " (got " + ShownId(req.get_param_value("limit")) + ")");
      }
      limit = *n;
    }
    if (req.has_param("after")) {
      const std::string text = req.get_param_value("after");
      std::optional<int64_t> n = text == "0" ? std::optional<int64_t>(0) : ParseId(text);
      if (!n) return Error(res, 400, "after must be an article id (got " + ShownId(text) + ")");
      after = *n;
    }
    auto store = c_.stores->Acquire();
    json list = json::array();
    std::vector<ArticleOverview> page = OverviewRegistered(*store, after, static_cast<int>(limit));
    for (const ArticleOverview& o : page) list.push_back(OverviewJson(o));
    // A full page may have more after it; a short one is the last.
    const bool full = page.size() == static_cast<size_t>(limit);
    JsonReply(res, 200, {{"articles", list}, {"next_after", full ? json(page.back().article.id) : json(nullptr)}});
  }

  // {"key", "state": "accepted"|"rejected"|"cleared", "note"?, "by"?,
  // "article"?}: docs/api.md "POST /v1/reviews".
  void PostReview(const httplib::Request& req, httplib::Response& res) {
    if (MediaType(req.get_header_value("Content-Type")) != "application/json") {
      return Error(res, 415, "Content-Type must be application/json");
    }
    json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object()) return Error(res, 400, "malformed JSON body: expected an object");
    auto text = [&](const char* field) -> std::optional<std::string> {
      if (!body.contains(field) || body[field].is_null()) return std::string();
      if (!body[field].is_string()) return std::nullopt;
      return body[field].get<std::string>();
    };
    std::optional<std::string> key = text("key"), state = text("state"), note = text("note"), by = text("by");
    if (!key || key->empty()) return Error(res, 400, "JSON body needs a string \"key\"");
    if (!state || !note || !by) return Error(res, 400, "\"state\", \"note\" and \"by\" must be strings");
    std::optional<ReviewState> parsed = ParseReviewState(*state);
    if (!parsed || *parsed == ReviewState::kStale) {
      return Error(res, 400, "\"state\" must be \"accepted\", \"rejected\" or \"cleared\"");
    }
    ReviewRequest request;
    request.key = *key;
    request.state = *parsed;
    request.note = *note;
    request.by = by->empty() ? "api" : *by;
    if (body.contains("article") && !body["article"].is_null()) {
      if (!body["article"].is_number_integer() || body["article"].get<int64_t>() <= 0) {
        return Error(res, 400, "\"article\" must be an article id");
      }
      request.article_id = body["article"].get<int64_t>();
    }
    auto store = c_.stores->Acquire();
    ReviewOutcome outcome = RecordReview(*store, request);
    if (outcome.status == ReviewOutcome::Status::kUnknownKey) return Error(res, 404, outcome.error);
    if (outcome.status == ReviewOutcome::Status::kInvalid) return Error(res, 400, outcome.error);
    const ReviewRow& r = outcome.row;
    JsonReply(res, 201, {{"id", r.id},
                         {"key", r.key},
                         {"article", r.article_id},
                         {"kind", r.kind},
                         {"state", ToString(r.state)},
                         {"note", r.note.empty() ? json(nullptr) : json(r.note)},
                         {"by", r.by},
                         {"at", r.at}});
  }

  void GetReport(const httplib::Request& req, httplib::Response& res) {
    RenderRequest request;
    request.format = req.has_param("format") ? req.get_param_value("format") : "json";
    if (!KnownFormat(request.format)) {
      return Error(res, 400, "unknown format \"" + request.format + "\" (expected " + kReportFormats + ")");
    }
    const std::optional<int64_t> parsed = ParseId(req.matches[1]);
    if (!parsed) return Error(res, 404, "no article " + ShownId(req.matches[1]));
    request.article_id = *parsed;
    auto store = c_.stores->Acquire();
    if (!store->FindArticle(request.article_id)) return Error(res, 404, "no article " + req.matches[1].str());
    RenderedRun report = RenderStoredRun(*store, request);  // as `citecheck report` renders it
    if (report.outcome != RenderedRun::Outcome::kOk) return Error(res, 404, report.error);
    res.status = 200;
    res.set_content(report.text, ReportContentType(request.format));
  }

  ApiContext c_;
  static thread_local std::chrono::steady_clock::time_point req_start_;
};

thread_local std::chrono::steady_clock::time_point Api::req_start_;

}  // namespace

std::shared_ptr<void> InstallApi(httplib::Server& server, const ApiContext& context) {
  auto api = std::make_shared<Api>(context);
  api->Install(server);
  return api;
}

}  // namespace citecheck
