#include "web/forms_pages.h"

#include "report/escape.h"
#include "web/page.h"

namespace citecheck {
namespace {

std::string ErrorNotice(const std::string& error) {
  return error.empty() ? "" : "<p class=\"notice error\" role=\"alert\">" + HtmlEscape(error) + "</p>\n";
}

}  // namespace

std::string SignInPage(const std::string& csrf, const std::string& error) {
  const std::string body =
      "<h1>Sign in to citecheck</h1>\n" + ErrorNotice(error) +
      "<form method=\"post\" action=\"/sign-in\">" + CsrfField(csrf) +
      "<label for=\"token\">API token</label><input type=\"password\" id=\"token\" name=\"token\" "
      "autocomplete=\"current-password\" required autofocus>"
      "<label for=\"name\">your name (recorded with your reviews)</label><input type=\"text\" id=\"name\" "
      "name=\"name\" maxlength=\"200\" autocomplete=\"name\">"
      "<p><button type=\"submit\">sign in</button></p></form>\n"
      "<p class=\"meta\">The token is the daemon's bearer token (citecheckd.token beside the database).</p>\n";
  return WebPage("sign in", body, nullptr);
}

std::string AddArticlePage(const WebSession& session, const std::string& error) {
  const std::string body =
      "<h1>Add an article</h1>\n" + ErrorNotice(error) +
      "<form method=\"post\" action=\"/add\">" + CsrfField(session.csrf) +
      "<h2>Published at a URL</h2><label for=\"url\">URL</label>"
      "<input type=\"url\" id=\"url\" name=\"url\" placeholder=\"https://\">"
      "<h2>Or its text</h2><label for=\"name\">name</label><input type=\"text\" id=\"name\" name=\"name\" "
      "placeholder=\"storms.md\"><label for=\"type\">format</label><select id=\"type\" name=\"type\">"
      "<option value=\"text/markdown\">Markdown</option><option value=\"text/html\">HTML</option>"
      "<option value=\"text/plain\">plain text</option></select>"
      "<label for=\"text\">text</label><textarea id=\"text\" name=\"text\"></textarea>"
      "<p><button type=\"submit\">add and check</button></p></form>\n";
  return WebPage("add an article", body, &session);
}

}  // namespace citecheck
