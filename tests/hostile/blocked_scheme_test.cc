// Regression (issue 12): a cited URL of a scheme other than http/https keeps
// its URL, has link status blocked ("scheme ftp not allowed") and is never
// requested. The real citecheck binary against a loopback port that counts
// every connection made to it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "e2e/e2e_util.h"

namespace citecheck::testing {
namespace {

// Accepts (and closes) every TCP connection to a loopback port, counting them.
class ConnectionCounter {
 public:
  ConnectionCounter() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    listen(fd_, 64);
    socklen_t len = sizeof addr;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] {
      while (!stop_) {
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, 20) <= 0) continue;  // wakes to see stop_
        int client = accept(fd_, nullptr, nullptr);
        if (client >= 0) {
          ++count_;
          close(client);
        }
      }
    });
  }
  ~ConnectionCounter() {
    stop_ = true;
    thread_.join();
    close(fd_);
  }
  int port() const { return port_; }
  int count() const { return count_; }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> count_{0};
  std::thread thread_;
};

class BlockedSchemeTest : public ::testing::Test {
 protected:
  std::string Host() const { return "127.0.0.1:" + std::to_string(counter_.port()); }
  CheckOutput Check(const std::string& name, const std::string& article) {
    return CheckArticle(dir_, name, article, {"--allow-private", "--timeout", "5"});
  }
  TempDir dir_;
  ConnectionCounter counter_;
};

void ExpectBlocked(const nlohmann::json& report, const std::string& id, const std::string& url,
                   const std::string& scheme) {
  nlohmann::json c = FindCitation(report, id);
  ASSERT_FALSE(c.is_null()) << id << "\n" << report.dump(2);
  EXPECT_EQ(c["url"], url) << c.dump();
  EXPECT_EQ(c["link_status"], "blocked") << c.dump();
  EXPECT_EQ(c["error"], "scheme " + scheme + " not allowed") << c.dump();
}

TEST_F(BlockedSchemeTest, ReferenceEntriesOfOtherSchemesAreBlockedAndNeverRequested) {
  const std::string ftp = "ftp://" + Host() + "/pub/notes.txt";
  const std::string gopher = "gopher://" + Host() + "/1/notes";
  const std::string article =
      "# Lighthouse\n\n"
      "The archive says \"every storm was logged in the keeper's book\" [1].\n\n"
      "A mirror says \"the keeper logged the storms in ink\" [2].\n\n"
      "A file says \"the book was kept in the lamp room\" [3].\n\n"
      "A script says \"the lamp was lit at dusk every day\" [4].\n\n"
      "## References\n\n"
      "1. The archive. " + ftp + "\n"
      "2. The mirror. " + gopher + "\n"
      "3. A local file. file:///etc/passwd\n"
      "4. A script. javascript:fetch('http://" + Host() + "/x')\n";
  CheckOutput out = Check("notes.md", article);
  ASSERT_FALSE(out.report.is_null()) << out.run.err;
  ExpectBlocked(out.report, "1", ftp, "ftp");
  ExpectBlocked(out.report, "2", gopher, "gopher");
  ExpectBlocked(out.report, "3", "file:///etc/passwd", "file");
  ExpectBlocked(out.report, "4", "javascript:fetch('http://" + Host() + "/x')", "javascript");
  nlohmann::json quote = FindQuote(out.report, "every storm was logged");
  ASSERT_FALSE(quote.is_null()) << out.report.dump(2);
  EXPECT_EQ(quote["status"], "unverifiable");
  EXPECT_EQ(quote["reason"], "link [1] is blocked (scheme ftp not allowed)") << quote.dump();
  EXPECT_EQ(counter_.count(), 0);
}

// Inline links: one naming a document ("scheme://") is a citation, blocked;
// a scheme-only link (javascript:, mailto:) in running text is no citation.
TEST_F(BlockedSchemeTest, InlineLinksInMarkdown) {
  const std::string ftp = "ftp://" + Host() + "/pub/log.txt";
  const std::string article =
      "# Log\n\n"
      "The [log](" + ftp + ") says \"the storm of 1871 broke the lamp glass\".\n\n"
      "Write to [the keeper](mailto:keeper@example.org) or [run this](javascript:alert(1)).\n";
  CheckOutput out = Check("log.md", article);
  ASSERT_FALSE(out.report.is_null()) << out.run.err;
  const nlohmann::json& citations = out.report["articles"][0]["citations"];
  ASSERT_EQ(citations.size(), 1u) << citations.dump(2);
  ExpectBlocked(out.report, "link-1", ftp, "ftp");
  nlohmann::json quote = FindQuote(out.report, "storm of 1871");
  EXPECT_EQ(quote["reason"], "link [link-1] is blocked (scheme ftp not allowed)") << quote.dump();
  EXPECT_EQ(counter_.count(), 0);
}

TEST_F(BlockedSchemeTest, LinksInHtmlArticles) {
  const std::string ftp = "ftp://" + Host() + "/pub/log.txt";
  const std::string gopher = "gopher://" + Host() + "/0/log";
  const std::string article =
      "<html><body><article><h1>Log</h1>"
      "<p>The <a href=\"" + ftp + "\">log</a> says \"the storm of 1871 broke the lamp glass\".</p>"
      "<p>Mail <a href=\"mailto:keeper@example.org\">the keeper</a> or "
      "<a href=\"javascript:alert(1)\">run this</a>.</p>"
      "<p>The keeper wrote \"every storm went into the book\" [1].</p>"
      "<h2>References</h2><ol><li><a href=\"" + gopher + "\">The book</a></li></ol>"
      "</article></body></html>";
  CheckOutput out = Check("log.html", article);
  ASSERT_FALSE(out.report.is_null()) << out.run.err;
  const nlohmann::json& citations = out.report["articles"][0]["citations"];
  ASSERT_EQ(citations.size(), 2u) << citations.dump(2);
  ExpectBlocked(out.report, "link-1", ftp, "ftp");
  ExpectBlocked(out.report, "1", gopher, "gopher");
  EXPECT_EQ(FindQuote(out.report, "every storm")["reason"], "link [1] is blocked (scheme gopher not allowed)");
  EXPECT_EQ(counter_.count(), 0);
}

}  // namespace
}  // namespace citecheck::testing
