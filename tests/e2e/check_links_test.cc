// End to end: link statuses from a real loopback server, through the binary.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include "e2e/e2e_util.h"
#include "support/gzip.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

const char kPage[] = "<html><body><p>The lighthouse keeper wrote every storm into his logbook.</p></body></html>";
const char kQuote[] = "the lighthouse keeper wrote every storm into his logbook";

// `count` consecutive words of kQuote from word `first`.
std::string QuoteWindow(size_t first, size_t count) {
  std::istringstream words(kQuote);
  std::vector<std::string> all{std::istream_iterator<std::string>(words), {}};
  std::string out;
  for (size_t i = first; i < first + count && i < all.size(); ++i) out += (out.empty() ? "" : " ") + all[i];
  return out;
}

void AddHandlers(httplib::Server& s) {
  s.Get("/ok", [](const httplib::Request&, httplib::Response& r) { r.set_content(kPage, "text/html"); });
  s.Get("/404", [](const httplib::Request&, httplib::Response& r) {
    r.status = 404;
    r.set_content(std::string("<p>Not here. ") + kQuote + "</p>", "text/html");
  });
  s.Get("/500", [](const httplib::Request&, httplib::Response& r) { r.status = 500; });
  s.Get(R"(/hop/(\d))", [](const httplib::Request& q, httplib::Response& r) {
    int n = std::stoi(q.matches[1]);
    r.set_redirect(n < 3 ? "/hop/" + std::to_string(n + 1) : "/ok", 302);
  });
  s.Get("/loop", [](const httplib::Request&, httplib::Response& r) { r.set_redirect("/loop", 302); });
  s.Get("/slow", [](const httplib::Request&, httplib::Response& r) {
    std::this_thread::sleep_for(std::chrono::milliseconds(4000));
    r.set_content(kPage, "text/html");
  });
  s.Get("/gzip", [](const httplib::Request&, httplib::Response& r) {
    r.set_header("Content-Encoding", "gzip");
    r.set_content(Gzip(kPage), "text/html");
  });
  s.Get("/cp1251", [](const httplib::Request&, httplib::Response& r) {
    // "Руководитель службы заявил журналистам о новых планах" in windows-1251.
    const std::string body =
        "<html><body><p>\xD0\xF3\xEA\xEE\xE2\xEE\xE4\xE8\xF2\xE5\xEB\xFC \xF1\xEB\xF3\xE6\xE1\xFB "
        "\xE7\xE0\xFF\xE2\xE8\xEB \xE6\xF3\xF0\xED\xE0\xEB\xE8\xF1\xF2\xE0\xEC \xEE "
        "\xED\xEE\xE2\xFB\xF5 \xEF\xEB\xE0\xED\xE0\xF5.</p></body></html>";
    r.set_content(body, "text/html; charset=windows-1251");
  });
  s.Get("/pdf", [](const httplib::Request&, httplib::Response& r) {
    r.set_content(std::string("%PDF-1.4\n\x00\x01\x02", 12), "application/pdf");
  });
  s.Get("/huge", [](const httplib::Request&, httplib::Response& r) {
    std::string body = "<html><body><p>Start of a very long page.</p><p>";
    body += std::string(300000, 'x');
    body += std::string("</p><p>") + kQuote + "</p></body></html>";
    r.set_content(body, "text/html");
  });
}

TEST(CheckLinksTest, EveryLinkStatusThroughTheBinary) {
  TestServer server;
  AddHandlers(server.server());
  server.Start();
  TempDir dir;
  std::string config = dir.Write("config.json", R"({"fetch": {"retries": 0, "max_body_bytes": 100000,
      "per_host_concurrency": 8, "per_host_interval_ms": 0, "timeout_s": 2}})");
  const std::vector<std::pair<std::string, std::string>> links = {
      {"/ok", "ok"},         {"/404", "broken"}, {"/500", "broken"}, {"/hop/1", "ok"},
      {"/loop", "error"},    {"/slow", "timeout"}, {"/gzip", "ok"},  {"/cp1251", "ok"},
      {"/pdf", "ok"},        {"/huge", "ok"},
  };
  std::string article = "# Links\n\n";
  std::string references = "\n## References\n\n";
  for (size_t i = 0; i < links.size(); ++i) {
    std::string id = std::to_string(i + 1);
    // Distinct quotes: a repeated quote would be checked against every
    // citation of it, and the /ok page would verify them all.
    std::string quote = links[i].first == "/cp1251" ? "Руководитель службы заявил журналистам о новых планах"
                                                    : QuoteWindow(i % 6, 4 + i / 6);
    article += "Source " + id + " says \"" + quote + "\" [" + id + "].\n\n";
    references += "[" + id + "] " + server.Url(links[i].first) + "\n";
  }
  CheckOutput out = CheckArticle(dir, "links.md", article + references,
                                 {"--allow-private", "--config", config});
  ASSERT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
  EXPECT_EQ(out.run.exit_code, 1);
  const auto& quotes = out.report["articles"][0]["quotes"];
  ASSERT_EQ(quotes.size(), links.size());
  for (size_t i = 0; i < links.size(); ++i) {
    auto c = FindCitation(out.report, std::to_string(i + 1));
    EXPECT_EQ(c["link_status"], links[i].second) << links[i].first << "\n" << c.dump(2);
  }
  auto status_of = [&](size_t i) { return quotes[i]["status"].get<std::string>(); };
  EXPECT_EQ(FindCitation(out.report, "2")["http_status"], 404);
  EXPECT_EQ(FindCitation(out.report, "4")["final_url"], server.Url("/ok"));
  EXPECT_EQ(status_of(0), "verified");
  EXPECT_EQ(status_of(1), "unverifiable");  // a 404 page is never evidence, whatever it says
  EXPECT_NE(quotes[1]["reason"].get<std::string>().find("broken"), std::string::npos);
  EXPECT_EQ(status_of(3), "verified");      // through the redirect chain
  EXPECT_EQ(status_of(6), "verified");      // gzip body
  EXPECT_EQ(status_of(7), "verified");      // windows-1251 decoded to Cyrillic
  EXPECT_EQ(status_of(8), "unverifiable");  // a PDF poppler cannot open (check_pdf_test reads real ones)
  EXPECT_EQ(quotes[8]["reason"], "unreadable PDF");
  EXPECT_EQ(status_of(9), "unverifiable");  // the quote lies past the body cap
  EXPECT_NE(quotes[9]["reason"].get<std::string>().find("truncated"), std::string::npos);
}

TEST(CheckLinksTest, PrivateAddressRefusedWithoutAllowPrivate) {
  TestServer server;
  AddHandlers(server.server());
  server.Start();
  TempDir dir;
  std::string article = std::string("It says \"") + kQuote + "\" [1].\n\n[1] " + server.Url("/ok") + "\n";
  CheckOutput refused = CheckArticle(dir, "p.md", article, {});
  ASSERT_FALSE(refused.report.is_null()) << refused.run.err;
  EXPECT_EQ(refused.run.exit_code, 1);
  auto c = FindCitation(refused.report, "1");
  EXPECT_EQ(c["link_status"], "blocked");
  EXPECT_NE(c["error"].get<std::string>().find("private"), std::string::npos) << c.dump();
  CheckOutput only_other = CheckArticle(dir, "p.md", article, {"--allow-private=127.0.0.2/32"});
  EXPECT_EQ(FindCitation(only_other.report, "1")["link_status"], "blocked");
  CheckOutput allowed = CheckArticle(dir, "p.md", article, {"--allow-private=127.0.0.1/32"});
  EXPECT_EQ(allowed.run.exit_code, 0) << allowed.run.err;
  EXPECT_EQ(FindCitation(allowed.report, "1")["link_status"], "ok");
}

// Every byte of a file, for looking for text that must not be in it.
std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A cited URL with user:password is fetched with them (the server asks for
// them), and they appear nowhere: not in the report, the log or the database.
TEST(CheckLinksTest, CredentialsInACitedUrlAreUsedButNeverStored) {
  TestServer server;
  server.server().Get("/members", [](const httplib::Request& q, httplib::Response& r) {
    // "alice:s3cret" in base64.
    if (q.get_header_value("Authorization") != "Basic YWxpY2U6czNjcmV0") {
      r.status = 401;
      r.set_header("WWW-Authenticate", "Basic realm=\"members\"");
      return;
    }
    r.set_content(kPage, "text/html");
  });
  server.Start();
  TempDir dir;
  std::string url = server.Url("/members");
  url.insert(url.find("://") + 3, "alice:s3cret@");
  std::string article = std::string("It says \"") + kQuote + "\" [1].\n\n[1] " + url + "\n";
  CheckOutput out = CheckArticle(dir, "c.md", article, {"--allow-private=127.0.0.1", "--verbose"});
  ASSERT_FALSE(out.report.is_null()) << out.run.err;
  EXPECT_EQ(out.run.exit_code, 0) << out.run.err;
  EXPECT_EQ(FindCitation(out.report, "1")["link_status"], "ok");
  EXPECT_EQ(FindQuote(out.report, "lighthouse")["status"], "verified");
  EXPECT_EQ(FindCitation(out.report, "1")["url"], server.Url("/members"));
  EXPECT_EQ(out.run.out.find("s3cret"), std::string::npos);
  EXPECT_EQ(out.run.err.find("s3cret"), std::string::npos) << out.run.err;
  // The run is over, so the database is checkpointed into its one file.
  const std::string db = FileBytes(dir.File("citecheck.db")) + FileBytes(dir.File("citecheck.db-wal"));
  ASSERT_FALSE(db.empty());
  EXPECT_EQ(db.find("s3cret"), std::string::npos);
  EXPECT_EQ(db.find("alice:"), std::string::npos);
  // A second run finds the first one's page by the same (credential-free) key.
  CheckOutput again = CheckArticle(dir, "c.md", article, {"--allow-private=127.0.0.1"});
  EXPECT_EQ(again.run.exit_code, 0) << again.run.err;
  EXPECT_EQ(FindQuote(again.report, "lighthouse")["status"], "verified");
}

}  // namespace
}  // namespace citecheck::testing
