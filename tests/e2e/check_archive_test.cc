// End to end: archived copies (SPEC "Archived copies") through the real
// binary, against a loopback live server and a loopback Memento archive
// (TimeGate + mementos, tests/support/memento_server.h).
#include <gtest/gtest.h>

#include <atomic>

#include "e2e/e2e_util.h"
#include "support/memento_server.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

const char kQuote[] = "the lighthouse keeper wrote every storm into his logbook";
const char kCopy[] =
    "<html><body><p>In 1901 the lighthouse keeper wrote every storm into his logbook.</p></body></html>";
const char kChanged[] = "<html><body><p>This page was rewritten and says something else now.</p></body></html>";

MementoServer::Copy CopyOf(const char* body) {
  MementoServer::Copy copy;
  copy.body = body;
  return copy;
}

class CheckArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    live_.server().Get("/changed", [](const httplib::Request&, httplib::Response& r) {
      r.set_content(kChanged, "text/html");
    });
    live_.server().Get("/ok", [](const httplib::Request&, httplib::Response& r) {
      r.set_content(kCopy, "text/html");
    });
    live_.server().Get("/flip", [this](const httplib::Request&, httplib::Response& r) {
      if (flipped_) {
        r.status = 404;
      } else {
        r.set_content(kCopy, "text/html");
      }
    });
    // Every other path is gone.
    live_.server().Get(R"(/gone/.*)", [](const httplib::Request&, httplib::Response& r) { r.status = 404; });
    live_.Start();
  }

  void StartArchive() { archive_.Start(); }

  std::string Config(const std::string& extra_archive = "", const std::string& extra_fetch = "") {
    return dir_.Write("config.json", "{\"archive\": {\"timegate\": \"" + archive_.TimeGate() + "\"" +
                                         // The suite turns archives off by default (CITECHECK_NO_ARCHIVE).
                                         (extra_archive.find("enabled") == std::string::npos ? ", \"enabled\": true" : "") +
                                         extra_archive +
                                         "}, \"fetch\": {\"retries\": 1, \"retry_after_cap_s\": 2, "
                                         "\"hosts\": {\"127.0.0.1\": {\"per_host_concurrency\": 8, "
                                         "\"per_host_interval_ms\": 0}}" +
                                         extra_fetch + "}}");
  }

  // A wikitext article citing `url` for kQuote (the template's quote=).
  static std::string Article(const std::string& url, const std::string& fields = "|access-date=2019-05-03") {
    return "The keeper was careful.<ref>{{cite web |url=" + url + " |title=Logbook " + fields + " |quote=" +
           kQuote + "}}</ref>\n\n== References ==\n{{reflist}}\n";
  }

  CheckOutput Check(const std::string& article, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"--allow-private=127.0.0.1/32", "--config", config_.empty() ? Config() : config_};
    args.insert(args.end(), extra.begin(), extra.end());
    CheckOutput out = CheckArticle(dir_, "a.wiki", article, args);
    EXPECT_FALSE(out.report.is_null()) << out.run.out << out.run.err;
    return out;
  }

  TempDir dir_;
  TestServer live_;
  MementoServer archive_;
  std::string config_;
  std::atomic<bool> flipped_{false};
};

// `citecheck check` of the article as a text or Markdown report.
RunOutput Report(const TempDir& dir, const std::string& name, const std::string& config, const std::string& format) {
  return RunCitecheck({"check", dir.File(name), "--format", format, "--db", dir.File("citecheck.db"),
                       "--allow-private=127.0.0.1/32", "--config", config});
}

TEST_F(CheckArchiveTest, TextReportSuggestsTheCopyAndSaysWhyTheLinkIsDead) {
  const std::string url = live_.Url("/gone/h");
  archive_.Add(url, CopyOf(kCopy));
  StartArchive();
  dir_.Write("a.wiki", Article(url));
  RunOutput out = Report(dir_, "a.wiki", Config(), "text");
  EXPECT_EQ(out.exit_code, 1) << out.err;
  const std::string add = "add |archive-url=" + archive_.MementoUrl(url) +
                          " |archive-date=2019-05-03 |url-status=dead (dead: not ok in this run; no earlier run; "
                          "the copy holds 1 of its 1 quote)";
  EXPECT_NE(out.out.find(add), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("archived copy 2019-05-03"), std::string::npos) << out.out;
}

TEST_F(CheckArchiveTest, OneBadNightIsNotDeadYet) {
  const std::string url = live_.Url("/flip");
  archive_.Add(url, CopyOf(kCopy));
  StartArchive();
  dir_.Write("a.wiki", Article(url));
  const std::string config = Config();
  ASSERT_EQ(Report(dir_, "a.wiki", config, "text").exit_code, 0);  // live and verified
  flipped_ = true;
  RunOutput first = Report(dir_, "a.wiki", config, "text");
  EXPECT_NE(first.out.find("|url-status=live (not dead yet: not ok in this run only (ok in the previous one)"),
            std::string::npos)
      << first.out;
  RunOutput second = Report(dir_, "a.wiki", config, "text");
  EXPECT_NE(second.out.find("|url-status=dead (dead: not ok in this run and the previous one"), std::string::npos)
      << second.out;
  EXPECT_EQ(archive_.original_bytes(url), 1);  // the copy was read once, then reused
}

TEST_F(CheckArchiveTest, MarkdownArticleGetsTheCopysUrl) {
  const std::string url = live_.Url("/gone/i");
  archive_.Add(url, CopyOf(kCopy));
  StartArchive();
  dir_.Write("a.md", std::string("# Keeper\n\nHe wrote \"") + kQuote + "\" [1].\n\n## References\n\n[1] " + url + "\n");
  RunOutput out = Report(dir_, "a.md", Config(), "markdown");
  EXPECT_EQ(out.exit_code, 1) << out.err;
  // Markdown escapes the URL's punctuation; the unescaped prefix is enough.
  EXPECT_NE(out.out.find("archived copy: add "), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("dead: not ok in this run; no earlier run; the copy holds 1 of its 1 quote"),
            std::string::npos)
      << out.out;
  EXPECT_EQ(out.out.find("archive-url="), std::string::npos);
  // A Markdown citation has no access date: the lookup asks for the newest copy.
  EXPECT_FALSE(archive_.accept_datetime(url).empty());
}

// Without an access date, the lookup asks for the copy of the day the
// article says it was published (its front matter), not the newest one.
TEST_F(CheckArchiveTest, ArticlesOwnDateDatesTheLookupOfACitationWithoutAccessDate) {
  const std::string url = live_.Url("/gone/dated");
  archive_.Add(url, CopyOf(kCopy));
  StartArchive();
  dir_.Write("a.md", std::string("---\ntitle: \"Keeper\"\ndate: 2018-02-03T09:30:00+01:00\n---\n\nHe wrote \"") +
                         kQuote + "\" [1].\n\n## References\n\n[1] " + url + "\n");
  RunOutput out = Report(dir_, "a.md", Config(), "json");
  EXPECT_EQ(out.exit_code, 1) << out.err;
  EXPECT_EQ(archive_.accept_datetime(url), "Sat, 03 Feb 2018 12:00:00 GMT");
  const nlohmann::json report = nlohmann::json::parse(out.out);
  EXPECT_EQ(report["articles"][0]["title"], "Keeper");  // the front matter's, not read as text
  EXPECT_EQ(report["articles"][0]["quotes"].size(), 1u);
}

// The HTML report names the copy that holds the quote, with its date and a
// link to it, and opens the copy (not the dead page) at the quote.
TEST_F(CheckArchiveTest, HtmlReportShowsArchivedEvidenceWithTheCopysDateAndLink) {
  const std::string url = live_.Url("/gone/html");
  archive_.Add(url, CopyOf(kCopy));
  StartArchive();
  dir_.Write("a.wiki", Article(url));
  RunOutput out = Report(dir_, "a.wiki", Config(), "html");
  EXPECT_EQ(out.exit_code, 1) << out.err;
  const std::string memento = archive_.MementoUrl(url);
  EXPECT_NE(out.out.find("<a href=\"" + memento + "\" rel=\"noopener noreferrer\">the archived copy of 2019-05-03</a> of "
                         "page [1] says"),
            std::string::npos)
      << out.out;
  EXPECT_NE(out.out.find("<a href=\"" + memento + "#:~:text="), std::string::npos) << out.out;
  EXPECT_EQ(out.out.find("href=\"" + url + "#:~:text="), std::string::npos) << out.out;  // not the dead page
}

// A copy the article names on a plain web server (no Memento-Datetime, not
// a Wayback URL) is dated by the article's archive-date=.
TEST_F(CheckArchiveTest, ArticlesCopyWithoutMementoHeadersIsDatedByItsArchiveDate) {
  const std::string url = live_.Url("/gone/plain");
  StartArchive();
  const CheckOutput out = Check(Article(url, "|access-date=2019-05-03 |archive-url=" + live_.Url("/ok") +
                                                 " |archive-date=2018-04-01 |url-status=dead"));
  const nlohmann::json& citation = out.report["articles"][0]["citations"][0];
  EXPECT_EQ(citation["archive"]["from"], "article");
  EXPECT_EQ(citation["archive"]["datetime"], "2018-04-01T00:00:00Z") << citation.dump(1);
  const nlohmann::json& evidence = out.report["articles"][0]["quotes"][0]["evidence"];
  EXPECT_EQ(evidence["archived"], true);
  EXPECT_EQ(evidence["archive_datetime"], "2018-04-01T00:00:00Z");
  EXPECT_EQ(archive_.lookups(url), 0);
}

TEST_F(CheckArchiveTest, ArticlesOwnArchiveUrlRepairsTheDeadLinkWithoutALookup) {
  const std::string url = live_.Url("/gone/a");
  archive_.Add(url, CopyOf(kCopy));
  StartArchive();
  const std::string memento = archive_.MementoUrl(url);
  CheckOutput out = Check(Article(url, "|access-date=2019-05-03 |archive-url=" + memento +
                                           " |archive-date=2019-05-03 |url-status=dead"));
  auto quote = FindQuote(out.report, "lighthouse keeper");
  EXPECT_EQ(quote["status"], "verified") << quote.dump(2);
  EXPECT_EQ(quote["evidence"]["archived"], true);
  EXPECT_EQ(quote["evidence"]["archive_url"], memento);
  EXPECT_TRUE(quote["reason"].is_null());
  auto citation = FindCitation(out.report, "1");
  EXPECT_EQ(citation["link_status"], "broken");
  const auto& archive = citation["archive"];
  EXPECT_EQ(archive["url"], memento) << archive.dump(2);
  EXPECT_EQ(archive["from"], "article");
  EXPECT_EQ(archive["suggested"], false);
  EXPECT_EQ(archive["datetime"], "2019-05-03T12:00:00Z");
  EXPECT_EQ(archive["link_status"], "ok");
  EXPECT_EQ(archive["http_status"], 200);
  EXPECT_TRUE(archive["error"].is_null());
  // The article's working copy repairs the citation: the run passes.
  EXPECT_EQ(out.run.exit_code, 0) << out.run.err;
  EXPECT_EQ(archive_.lookups(url), 0);
  EXPECT_EQ(archive_.original_bytes(url), 1);  // the id_ form, never the chrome
  EXPECT_EQ(archive_.chrome_pages(), 0);

  // A memento is immutable: the next run reads the stored copy.
  CheckOutput again = Check(Article(url, "|access-date=2019-05-03 |archive-url=" + memento));
  EXPECT_EQ(FindQuote(again.report, "lighthouse keeper")["status"], "verified");
  EXPECT_EQ(FindCitation(again.report, "1")["archive"]["datetime"], "2019-05-03T12:00:00Z");
  EXPECT_EQ(archive_.original_bytes(url), 1);
}

TEST_F(CheckArchiveTest, TimeGateLookupAtTheAccessDateIsASuggestion) {
  const std::string url = live_.Url("/gone/b");
  archive_.Add(url, CopyOf(kCopy));
  StartArchive();
  CheckOutput out = Check(Article(url));
  auto quote = FindQuote(out.report, "lighthouse keeper");
  EXPECT_EQ(quote["status"], "verified") << quote.dump(2);
  EXPECT_EQ(quote["evidence"]["archived"], true);
  EXPECT_EQ(quote["evidence"]["archive_url"], archive_.MementoUrl(url));
  const auto archive = FindCitation(out.report, "1")["archive"];
  EXPECT_EQ(archive["from"], "lookup") << archive.dump(2);
  EXPECT_EQ(archive["suggested"], true);
  EXPECT_EQ(archive["url"], archive_.MementoUrl(url));
  EXPECT_EQ(archive["datetime"], "2019-05-03T12:00:00Z");
  EXPECT_EQ(archive_.accept_datetime(url), "Fri, 03 May 2019 12:00:00 GMT");
  // A copy found by lookup does not repair the citation.
  EXPECT_EQ(out.run.exit_code, 1);
  EXPECT_EQ(archive_.lookups(url), 1);
  EXPECT_EQ(archive_.original_bytes(url), 1);
  EXPECT_EQ(archive_.chrome_pages(), 0);

  // The lookup is asked again (the TimeGate may know newer copies); the
  // memento it names was stored and is not fetched again.
  CheckOutput again = Check(Article(url));
  EXPECT_EQ(FindQuote(again.report, "lighthouse keeper")["status"], "verified");
  EXPECT_EQ(archive_.lookups(url), 2);
  EXPECT_EQ(archive_.original_bytes(url), 1);
}

TEST_F(CheckArchiveTest, NoArchivedCopy) {
  const std::string url = live_.Url("/gone/c");
  StartArchive();  // no copy: the TimeGate answers 404
  CheckOutput out = Check(Article(url));
  auto quote = FindQuote(out.report, "lighthouse keeper");
  EXPECT_EQ(quote["status"], "unverifiable");
  EXPECT_EQ(quote["reason"].get<std::string>().rfind("link [1] is broken", 0), 0u) << quote.dump(2);
  const auto archive = FindCitation(out.report, "1")["archive"];
  EXPECT_TRUE(archive["url"].is_null()) << archive.dump(2);
  EXPECT_EQ(archive["error"], "no archived copy");
  EXPECT_EQ(archive["http_status"], 404);
  EXPECT_EQ(archive["suggested"], false);
  EXPECT_EQ(out.run.exit_code, 1);
  EXPECT_EQ(archive_.lookups(url), 1);
}

TEST_F(CheckArchiveTest, PageChangedSinceTheAccessDate) {
  const std::string url = live_.Url("/changed");
  archive_.Add(url, CopyOf(kCopy));
  StartArchive();
  CheckOutput out = Check(Article(url));
  auto quote = FindQuote(out.report, "lighthouse keeper");
  EXPECT_EQ(quote["status"], "verified") << quote.dump(2);
  EXPECT_EQ(quote["reason"], "the page changed since 2019-05-03");
  EXPECT_EQ(quote["evidence"]["archived"], true);
  auto citation = FindCitation(out.report, "1");
  EXPECT_EQ(citation["link_status"], "ok");
  EXPECT_EQ(citation["archive"]["from"], "lookup");
  EXPECT_EQ(out.run.exit_code, 0);
}

TEST_F(CheckArchiveTest, DeadOnlyDoesNotLookForMissingQuotes) {
  const std::string url = live_.Url("/changed");
  archive_.Add(url, CopyOf(kCopy));
  StartArchive();
  config_ = Config(", \"when\": \"dead\"");
  CheckOutput out = Check(Article(url));
  EXPECT_EQ(FindQuote(out.report, "lighthouse keeper")["status"], "not_found");
  EXPECT_TRUE(FindCitation(out.report, "1")["archive"].is_null());
  EXPECT_EQ(archive_.lookups(url), 0);
}

TEST_F(CheckArchiveTest, VerifiedLivePageSeeksNoCopy) {
  const std::string url = live_.Url("/ok");
  archive_.Add(url, CopyOf(kCopy));
  StartArchive();
  CheckOutput out = Check(Article(url));
  auto quote = FindQuote(out.report, "lighthouse keeper");
  EXPECT_EQ(quote["status"], "verified");
  EXPECT_EQ(quote["evidence"]["archived"], false);
  EXPECT_TRUE(FindCitation(out.report, "1")["archive"].is_null());
  EXPECT_EQ(archive_.lookups(url), 0);
  EXPECT_EQ(out.run.exit_code, 0);
}

TEST_F(CheckArchiveTest, DisabledSeeksNothing) {
  const std::string url = live_.Url("/gone/d");
  archive_.Add(url, CopyOf(kCopy));
  StartArchive();
  config_ = Config(", \"enabled\": false");
  CheckOutput out = Check(Article(url));
  EXPECT_EQ(FindQuote(out.report, "lighthouse keeper")["status"], "unverifiable");
  EXPECT_TRUE(FindCitation(out.report, "1")["archive"].is_null());
  EXPECT_EQ(archive_.lookups(url), 0);
}

TEST_F(CheckArchiveTest, ArchiveAnswering429IsAskedAgainAfterRetryAfter) {
  const std::string url = live_.Url("/gone/e");
  MementoServer::Copy copy = CopyOf(kCopy);
  copy.lookup_429s = 1;
  archive_.Add(url, copy);
  StartArchive();
  CheckOutput out = Check(Article(url));
  EXPECT_EQ(FindQuote(out.report, "lighthouse keeper")["status"], "verified") << out.run.out;
  EXPECT_EQ(archive_.lookups(url), 2);
  EXPECT_EQ(FindCitation(out.report, "1")["archive"]["link_status"], "ok");
}

TEST_F(CheckArchiveTest, ArchiveThatHangsLeavesTheLiveVerdict) {
  const std::string url = live_.Url("/gone/f");
  MementoServer::Copy copy = CopyOf(kCopy);
  copy.memento_delay_ms = 3000;
  archive_.Add(url, copy);
  StartArchive();
  config_ = Config("", ", \"timeout_s\": 1");
  CheckOutput out = Check(Article(url));
  auto quote = FindQuote(out.report, "lighthouse keeper");
  EXPECT_EQ(quote["status"], "unverifiable");
  EXPECT_EQ(quote["reason"].get<std::string>().rfind("link [1] is broken", 0), 0u) << quote.dump(2);
  const auto archive = FindCitation(out.report, "1")["archive"];
  EXPECT_EQ(archive["link_status"], "timeout") << archive.dump(2);
  EXPECT_NE(archive["error"].get<std::string>().find("timeout"), std::string::npos);
  EXPECT_EQ(FindCitation(out.report, "1")["link_status"], "broken");
  EXPECT_EQ(out.run.exit_code, 1);
}

TEST_F(CheckArchiveTest, ArchiveRedirectingToAPrivateAddressIsRefused) {
  TestServer other("127.0.0.2");  // reachable, but not on the allow list
  int hits = 0;
  other.server().Get(R"(/.*)", [&hits, kCopyBody = std::string(kCopy)](const httplib::Request&, httplib::Response& r) {
    ++hits;
    r.set_content(kCopyBody, "text/html");
  });
  other.Start();
  const std::string url = live_.Url("/gone/g");
  MementoServer::Copy copy = CopyOf(kCopy);
  copy.redirect_to = other.Url("/web/20190503120000/" + url);
  archive_.Add(url, copy);
  StartArchive();
  CheckOutput out = Check(Article(url));
  EXPECT_EQ(FindQuote(out.report, "lighthouse keeper")["status"], "unverifiable");
  const auto archive = FindCitation(out.report, "1")["archive"];
  EXPECT_EQ(archive["link_status"], "blocked") << archive.dump(2);
  EXPECT_EQ(hits, 0);
  EXPECT_EQ(out.run.exit_code, 1);
}

}  // namespace
}  // namespace citecheck::testing
