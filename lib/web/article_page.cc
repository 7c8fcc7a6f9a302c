#include "web/article_page.h"

#include "report/escape.h"
#include "report/html_formatter.h"
#include "report/render_run.h"
#include "review/review.h"
#include "web/page.h"

namespace citecheck {
namespace {

// The form after an item: posts the key, the note and the chosen state
// to /articles/ID/review (a plain form: no script needed).
std::string ReviewForm(int64_t article_id, const std::string& csrf, const std::string& key) {
  const std::string k = HtmlEscape(key);
  return "<form class=\"review-form\" method=\"post\" action=\"/articles/" + std::to_string(article_id) +
         "/review\" aria-label=\"review " + k + "\">" + CsrfField(csrf) +
         "<input type=\"hidden\" name=\"key\" value=\"" + k + "\"><label for=\"note-" + k + "\">note</label>" +
         "<input type=\"text\" id=\"note-" + k + "\" name=\"note\" maxlength=\"" +
         std::to_string(kMaxReviewNoteBytes) + "\">" +
         "<button type=\"submit\" name=\"state\" value=\"accepted\">accept</button>"
         "<button type=\"submit\" name=\"state\" value=\"rejected\">reject</button>"
         "<button type=\"submit\" name=\"state\" value=\"cleared\">clear</button></form>";
}

}  // namespace

std::string ArticlePage(Store& store, const ArticleEntry& article, const std::string& notice, bool error,
                        const WebSession& session) {
  std::string body;
  if (!notice.empty()) {
    body += "<p class=\"notice" + std::string(error ? " error\" role=\"alert\"" : "\" role=\"status\"") + ">" +
            HtmlEscape(notice) + "</p>\n";
  }
  body += "<form method=\"post\" action=\"/articles/" + std::to_string(article.id) + "/check\">" +
          CsrfField(session.csrf) + "<button type=\"submit\">check this article now</button></form>\n";
  RenderRequest request;  // loads the run as every report does; the HTML comes from RenderHtmlArticles
  request.article_id = article.id;
  request.format = "json";
  request.changes_only = true;
  RenderedRun rendered = RenderStoredRun(store, request);
  std::string title = article.source;
  if (rendered.outcome != RenderedRun::Outcome::kOk) {
    body += "<h1>" + HtmlEscape(article.source) + "</h1>\n<p class=\"meta\">" + HtmlEscape(rendered.error) + "</p>\n";
  } else {
    const ArticleRecord* a = rendered.run.articles.empty() ? nullptr : &rendered.run.articles.front();
    if (a && a->title && !a->title->empty()) title = *a->title;
    body += "<p class=\"meta\">run " + std::to_string(rendered.run.run_id) + " · exit code " +
            std::to_string(rendered.exit_code) + " <span data-exit-code=\"" + std::to_string(rendered.exit_code) +
            "\"></span></p>\n";
    body += RenderHtmlArticles(rendered.run, [&](const std::string& key) {
      return ReviewForm(article.id, session.csrf, key);
    });
  }
  return WebPage(title, body, &session);
}

}  // namespace citecheck
