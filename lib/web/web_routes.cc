#include "web/web_routes.h"

#include <chrono>

#include "check/article_input.h"
#include "core/url.h"
#include "core/utf8.h"
#include "registry/registry.h"
#include "report/escape.h"
#include "review/review.h"
#include "web/article_page.h"
#include "web/articles_page.h"
#include "web/cookies.h"
#include "web/forms_pages.h"
#include "web/page.h"
#include "web/session.h"
#include "web/sign_in_limiter.h"

namespace citecheck {
namespace {

using httplib::Request;
using httplib::Response;

int64_t SystemNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The fields of a posted form (application/x-www-form-urlencoded).
class Form {
 public:
  explicit Form(const Request& req) { httplib::detail::parse_query_text(req.body, params_); }
  std::string Get(const std::string& name) const {
    auto it = params_.find(name);
    return it == params_.end() ? "" : it->second;
  }

 private:
  httplib::Params params_;
};

void MessagePage(Response& res, int status, const std::string& title, const std::string& text,
                 const WebSession* session) {
  SendHtml(res, status, WebPage(title, "<h1>" + HtmlEscape(title) + "</h1>\n<p class=\"notice error\" role=\"alert\">" +
                                           HtmlEscape(text) + "</p>\n<p><a href=\"/\">back to the articles</a></p>\n",
                                session));
}

class Web {
 public:
  explicit Web(const WebContext& context) : c_(context) {
    if (!c_.now) c_.now = SystemNow;
  }

  void Install(httplib::Server& s) {
    s.Get("/sign-in", [this](const Request& req, Response& res) { GetSignIn(req, res); });
    s.Post("/sign-in", [this](const Request& req, Response& res) { PostSignIn(req, res); });
    s.Post("/sign-out", [this](const Request& req, Response& res) {
      Signed(req, res, /*form=*/true, [&](const WebSession&) {
        EndSession(*c_.stores->Acquire(), CookieValue(req, kSessionCookie));
        SetCookie(req, res, kSessionCookie, "", 0);
        SeeOther(res, "/sign-in");
      });
    });
    s.Get("/", [this](const Request& req, Response& res) {
      Signed(req, res, false, [&](const WebSession& session) {
        const std::string filter = req.get_param_value("filter");
        const std::string notice = req.has_param("queued") ? "Checks queued: the counts change when they finish." : "";
        const ArticlesPaging paging = ParseArticlesPaging(req.get_param_value("after"), req.get_param_value("limit"));
        SendHtml(res, 200, ArticlesPage(LoadArticleRows(*c_.stores->Acquire(), paging), paging,
                                        filter == "problems" || filter == "stale" ? filter : "", notice, session));
      });
    });
    s.Get(R"(/articles/(\d{1,18}))", [this](const Request& req, Response& res) {
      Signed(req, res, false, [&](const WebSession& session) {
        std::string notice;
        if (req.has_param("reviewed")) notice = "Review recorded: " + req.get_param_value("reviewed") + ".";
        if (req.has_param("queued")) notice = "Check queued: reload the page when it has finished.";
        ShowArticle(req, res, session, 200, notice, false);
      });
    });
    s.Post(R"(/articles/(\d{1,18})/review)", [this](const Request& req, Response& res) {
      Signed(req, res, true, [&](const WebSession& session) { PostReview(req, res, session); });
    });
    s.Post(R"(/articles/(\d{1,18})/check)", [this](const Request& req, Response& res) {
      Signed(req, res, true, [&](const WebSession& session) {
        if (Stopping(res, session)) return;
        auto store = c_.stores->Acquire();
        const int64_t id = std::stoll(req.matches[1]);
        if (!store->FindArticle(id)) return MessagePage(res, 404, "no such article", "No article " + std::to_string(id) + ".", &session);
        store->EnqueueArticleJob(id);
        if (c_.on_queued) c_.on_queued();
        SeeOther(res, "/articles/" + std::to_string(id) + "?queued=1");
      });
    });
    s.Post("/check-now", [this](const Request& req, Response& res) {
      Signed(req, res, true, [&](const WebSession& session) {
        if (Stopping(res, session)) return;
        c_.stores->Acquire()->EnqueueAllJob();
        if (c_.on_queued) c_.on_queued();
        SeeOther(res, "/?queued=all");
      });
    });
    s.Get("/add", [this](const Request& req, Response& res) {
      Signed(req, res, false, [&](const WebSession& session) { SendHtml(res, 200, AddArticlePage(session, "")); });
    });
    s.Post("/add", [this](const Request& req, Response& res) {
      Signed(req, res, true, [&](const WebSession& session) { PostAdd(req, res, session); });
    });
    // Anything else: the sign-in for a stranger, "not found" for a reviewer;
    // an unknown /v1/ path stays the API's JSON 404.
    auto rest = [this](const Request& req, Response& res) {
      if (req.path.rfind("/v1/", 0) == 0) {
        res.status = 404;
        return;
      }
      Signed(req, res, false, [&](const WebSession& session) {
        MessagePage(res, 404, "not found", "There is no page " + req.path + ".", &session);
      });
    };
    s.Get(".*", rest);
    s.Post(".*", rest);
  }

 private:
  // Runs `body` with the request's session; without one (no cookie, a
  // tampered or expired one, signed out), answers 303 to /sign-in and drops
  // the cookie. For a form, also checks its CSRF token: 403 without it.
  template <typename Body>
  void Signed(const Request& req, Response& res, bool form, Body&& body) {
    const std::string secret = CookieValue(req, kSessionCookie);
    std::optional<WebSession> session;
    if (!secret.empty()) session = FindSession(*c_.stores->Acquire(), secret, c_.now());
    if (!session) {
      if (!secret.empty()) SetCookie(req, res, kSessionCookie, "", 0);
      return SeeOther(res, "/sign-in");
    }
    if (form && !SecretsEqual(Form(req).Get("csrf"), session->csrf)) {
      return MessagePage(res, 403, "form refused",
                         "The form's CSRF token is missing or wrong: reload the page and try again.", &*session);
    }
    body(*session);
  }

  bool Stopping(Response& res, const WebSession& session) {
    if (!c_.stopping || !c_.stopping->load()) return false;
    MessagePage(res, 503, "shutting down", "The daemon is shutting down and takes no new work.", &session);
    return true;
  }

  void GetSignIn(const Request& req, Response& res) {
    const std::string secret = CookieValue(req, kSessionCookie);
    if (!secret.empty() && FindSession(*c_.stores->Acquire(), secret, c_.now())) return SeeOther(res, "/");
    ShowSignIn(req, res, 200, "");
  }

  // A fresh sign-in form token in its cookie and the form (double submit:
  // a page on another site can neither read the cookie nor set it).
  void ShowSignIn(const Request& req, Response& res, int status, const std::string& error) {
    const std::string csrf = RandomToken();
    SetCookie(req, res, kSignInCookie, csrf, 3600);
    SendHtml(res, status, SignInPage(csrf, error));
  }

  void PostSignIn(const Request& req, Response& res) {
    const int64_t now = c_.now();
    const int64_t wait = limiter_.RetryAfter(req.remote_addr, now);
    if (wait > 0) {
      res.set_header("Retry-After", std::to_string(wait));
      return ShowSignIn(req, res, 429,
                        "Too many failed sign-ins from this address: try again in " + std::to_string(wait) + " s.");
    }
    const Form form(req);
    if (!SecretsEqual(form.Get("csrf"), CookieValue(req, kSignInCookie))) {
      return ShowSignIn(req, res, 403, "The sign-in form had expired: please sign in again.");
    }
    if (!SecretsEqual(form.Get("token"), c_.token)) {
      limiter_.RecordFailure(req.remote_addr, now);
      return ShowSignIn(req, res, 401, "Wrong token.");
    }
    std::string name = form.Get("name");
    if (name.empty() || name.size() > kMaxReviewerBytes || !IsValidUtf8(name)) name = "web";
    NewSession created = StartSession(*c_.stores->Acquire(), name, now);
    SetCookie(req, res, kSignInCookie, "", 0);
    SetCookie(req, res, kSessionCookie, created.secret, kSessionSeconds);
    SeeOther(res, "/");
  }

  void ShowArticle(const Request& req, Response& res, const WebSession& session, int status,
                   const std::string& notice, bool error) {
    auto store = c_.stores->Acquire();
    const int64_t id = std::stoll(req.matches[1]);
    std::optional<ArticleEntry> article = store->FindArticle(id);
    if (!article) return MessagePage(res, 404, "no such article", "No article " + std::to_string(id) + ".", &session);
    SendHtml(res, status, ArticlePage(*store, *article, notice, error, session));
  }

  // Through lib/review RecordReview, as `citecheck review` and POST /v1/reviews.
  void PostReview(const Request& req, Response& res, const WebSession& session) {
    const Form form(req);
    std::optional<ReviewState> state = ParseReviewState(form.Get("state"));
    ReviewRequest request;
    request.key = form.Get("key");
    request.note = form.Get("note");
    request.by = session.reviewer;
    request.article_id = std::stoll(req.matches[1]);
    if (!state || *state == ReviewState::kStale) {
      return ShowArticle(req, res, session, 400, "Choose accept, reject or clear.", true);
    }
    request.state = *state;
    ReviewOutcome outcome = RecordReview(*c_.stores->Acquire(), request);
    if (outcome.status == ReviewOutcome::Status::kUnknownKey) return ShowArticle(req, res, session, 404, outcome.error, true);
    if (outcome.status == ReviewOutcome::Status::kInvalid) return ShowArticle(req, res, session, 400, outcome.error, true);
    SeeOther(res, "/articles/" + req.matches[1].str() + "?reviewed=" + std::string(ToString(*state)));
  }

  void PostAdd(const Request& req, Response& res, const WebSession& session) {
    if (Stopping(res, session)) return;
    const Form form(req);
    const std::string url = form.Get("url"), text = form.Get("text"), type = form.Get("type");
    Registration r;
    if (!url.empty()) {
      if (!IsUrlSource(url)) return SendHtml(res, 400, AddArticlePage(session, "Not an http(s) URL: " + RedactUrlCredentials(url)));
      r = UrlRegistration(url);
    } else {
      if (text.empty()) return SendHtml(res, 400, AddArticlePage(session, "Give a URL or the article's text."));
      if (!IsValidUtf8(text)) return SendHtml(res, 400, AddArticlePage(session, "The text is not valid UTF-8."));
      if (type != "text/markdown" && type != "text/html" && type != "text/plain") {
        return SendHtml(res, 400, AddArticlePage(session, "Choose Markdown, HTML or plain text."));
      }
      const std::string name = form.Get("name");
      r = TextRegistration(name.empty() ? NameForPostedText(text) : name, text, type);
    }
    if (!r.ok) return SendHtml(res, 400, AddArticlePage(session, r.error));
    auto store = c_.stores->Acquire();
    const int64_t article = Register(*store, r);
    store->EnqueueArticleJob(article);
    if (c_.on_queued) c_.on_queued();
    SeeOther(res, "/articles/" + std::to_string(article) + "?queued=1");
  }

  WebContext c_;
  SignInLimiter limiter_;
};

}  // namespace

std::shared_ptr<void> InstallWeb(httplib::Server& server, const WebContext& context) {
  auto web = std::make_shared<Web>(context);
  web->Install(server);
  return web;
}

}  // namespace citecheck
