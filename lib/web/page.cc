#include "web/page.h"

#include "report/escape.h"
#include "report/html_assets.h"
#include "report/html_formatter.h"
#include "web/web_css.h"

namespace citecheck {

std::string WebContentSecurityPolicy() {
  static const std::string policy = "default-src 'none'; style-src 'unsafe-inline'; script-src '" +
                                    ReportScriptHash() +
                                    "'; img-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  return policy;
}

std::string CsrfField(const std::string& csrf) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + HtmlEscape(csrf) + "\">";
}

std::string WebPage(const std::string& title, const std::string& body, const WebSession* session) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    HtmlEscape(title) + " · citecheck</title>\n<style>" + std::string(kReportCss) +
                    std::string(kWebCss) + "</style>\n</head>\n<body>\n";
  out += "<a class=\"skip\" href=\"#main\">skip to content</a>\n";
  if (session) {
    out += "<nav class=\"top\" aria-label=\"main\"><a href=\"/\">articles</a><a href=\"/add\">add an article</a>"
           "<form method=\"post\" action=\"/check-now\">" + CsrfField(session->csrf) +
           "<button type=\"submit\">check all now</button></form>"
           "<form method=\"post\" action=\"/sign-out\">" + CsrfField(session->csrf) +
           "<button type=\"submit\">sign out</button></form>"
           "<span class=\"who\">signed in as " + HtmlEscape(session->reviewer) + "</span></nav>\n";
  }
  out += "<div class=\"page\"><main id=\"main\" tabindex=\"-1\">\n" + body + "</main>\n<footer>citecheck " +
         std::string(CITECHECK_VERSION) + "</footer>\n</div>\n<script>" + std::string(kReportScript) +
         "</script>\n</body>\n</html>\n";
  return out;
}

void SendHtml(httplib::Response& res, int status, const std::string& html) {
  res.status = status;
  res.set_header("Content-Security-Policy", WebContentSecurityPolicy());
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
  res.set_content(html, "text/html; charset=utf-8");
}

void SeeOther(httplib::Response& res, const std::string& location) {
  res.status = 303;
  res.set_header("Location", location);
  res.set_header("Cache-Control", "no-store");
  res.set_content("", "text/plain");
}

}  // namespace citecheck
