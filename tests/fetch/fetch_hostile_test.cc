// Hostile servers (issue 4): each one ends within its timeouts with a clear
// status and detail, and memory stays bounded. Raw sockets (support/raw_server.h)
// produce what cpp-httplib cannot.
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>

#include "fetch/fetcher.h"
#include "fetch_test_util.h"
#include "support/raw_server.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

using Clock = std::chrono::steady_clock;
using testing::Delay;
using testing::FastOptions;
using testing::FetchOne;
using testing::RawServer;
using testing::ReadRequestHead;
using testing::SendAll;
using testing::TestServer;

double SecondsSince(Clock::time_point begin) {
  return std::chrono::duration<double>(Clock::now() - begin).count();
}

FetchOptions OneSecondOptions() {
  FetchOptions options = FastOptions();
  options.timeout_s = 1;
  options.connect_timeout_s = 1;
  return options;
}

TEST(FetchHostileTest, SlowDripTimesOut) {
  RawServer server([](int fd, const std::atomic<bool>& stopping) {
    ReadRequestHead(fd);
    SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n");
    while (Delay(stopping, 200) && SendAll(fd, "x")) {
    }
  });
  Clock::time_point begin = Clock::now();
  FetchResult result = FetchOne(OneSecondOptions(), server.Url("/drip"));
  EXPECT_EQ(result.status, LinkStatus::kTimeout);
  EXPECT_EQ(result.error, "timed out after 1 s");
  EXPECT_LT(SecondsSince(begin), 3.0);
}

TEST(FetchHostileTest, NoResponseTimesOut) {
  RawServer server([](int fd, const std::atomic<bool>& stopping) {
    ReadRequestHead(fd);
    Delay(stopping, 60000);
  });
  Clock::time_point begin = Clock::now();
  FetchResult result = FetchOne(OneSecondOptions(), server.Url("/silent"));
  EXPECT_EQ(result.status, LinkStatus::kTimeout);
  EXPECT_EQ(result.error, "timed out after 1 s");
  EXPECT_EQ(result.http_status, 0);
  EXPECT_LT(SecondsSince(begin), 3.0);
}

TEST(FetchHostileTest, RetriesOfASilentServerStayBounded) {
  RawServer server([](int fd, const std::atomic<bool>& stopping) {
    ReadRequestHead(fd);
    Delay(stopping, 60000);
  });
  FetchOptions options = OneSecondOptions();
  options.retries = 2;
  options.retry_after_cap_s = 1;
  Clock::time_point begin = Clock::now();
  FetchResult result = FetchOne(options, server.Url("/silent"));
  EXPECT_EQ(result.status, LinkStatus::kTimeout);
  EXPECT_EQ(server.connections(), 3);
  EXPECT_LT(SecondsSince(begin), 3 * 1 + 2 * 1 + 3.0);  // 3 timeouts, 2 capped waits, slack
}

TEST(FetchHostileTest, EndlessBodyStopsAtCap) {
  RawServer server([](int fd, const std::atomic<bool>& stopping) {
    ReadRequestHead(fd);
    SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
    std::string chunk(64 * 1024, 'a');
    while (!stopping && SendAll(fd, chunk)) {
    }
  });
  FetchOptions options = FastOptions();
  options.max_body_bytes = 1 << 20;
  FetchResult result = FetchOne(options, server.Url("/endless"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_TRUE(result.truncated);
  EXPECT_EQ(result.bytes, 1 << 20);
  EXPECT_EQ(result.body.size(), size_t{1} << 20);
}

TEST(FetchHostileTest, HugeDeclaredLengthStopsAtCap) {
  RawServer server([](int fd, const std::atomic<bool>& stopping) {
    ReadRequestHead(fd);
    SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000000000\r\n\r\n");
    std::string chunk(64 * 1024, 'b');
    while (!stopping && SendAll(fd, chunk)) {
    }
  });
  FetchOptions options = FastOptions();
  options.max_body_bytes = 256 * 1024;
  FetchResult result = FetchOne(options, server.Url("/huge"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_TRUE(result.truncated);
  EXPECT_EQ(result.body.size(), 256u * 1024);
}

TEST(FetchHostileTest, EndlessRedirectChainIsError) {
  TestServer server;
  std::atomic<int> requests{0};
  server.server().Get(R"(/r/(\d+))", [&](const httplib::Request& request, httplib::Response& r) {
    ++requests;
    r.set_redirect("/r/" + std::to_string(std::stoi(request.matches[1]) + 1));
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.max_redirects = 5;
  FetchResult result = FetchOne(options, server.Url("/r/0"));
  EXPECT_EQ(result.status, LinkStatus::kError);
  EXPECT_EQ(result.error, "too many redirects (more than 5)");
  EXPECT_EQ(requests.load(), 6);
}

TEST(FetchHostileTest, WrongContentTypeKeepsNoBody) {
  TestServer server;
  server.server().Get("/page", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("<html><title>Really HTML</title><p>quoted words here</p></html>", "image/png");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/page"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_EQ(result.content_type, "image/png");
  EXPECT_EQ(result.body, "");
  EXPECT_GT(result.bytes, 0);
}

TEST(FetchHostileTest, MissingContentTypeKeepsTheText) {
  RawServer server([](int fd, const std::atomic<bool>&) {
    ReadRequestHead(fd);
    SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n<p>no type given</p>");
  });
  FetchResult result = FetchOne(FastOptions(), server.Url("/untyped"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_EQ(result.content_type, "");
  EXPECT_EQ(result.body, "<p>no type given</p>");
}

TEST(FetchHostileTest, UnknownCharsetStillDecodes) {
  TestServer server;
  server.server().Get("/page", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("<p>caf\xE9 \xFF\xFE r\xC3\xA9sum\xC3\xA9</p>", "text/html; charset=x-no-such-charset");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/page"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_NE(result.body.find("caf"), std::string::npos);
  EXPECT_NE(result.body.find("sum"), std::string::npos);
}

TEST(FetchHostileTest, Http10PeerWithoutContentLengthIsOk) {
  RawServer server([](int fd, const std::atomic<bool>&) {
    ReadRequestHead(fd);
    SendAll(fd, "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nan old server, ");
    SendAll(fd, "body ends at close");
  });
  FetchResult result = FetchOne(FastOptions(), server.Url("/old"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_EQ(result.http_status, 200);
  EXPECT_EQ(result.body, "an old server, body ends at close");
}

TEST(FetchHostileTest, CloseMidBodyIsBroken) {
  RawServer server([](int fd, const std::atomic<bool>&) {
    ReadRequestHead(fd);
    SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nonly ten b");
  });
  FetchResult result = FetchOne(FastOptions(), server.Url("/cut"));
  EXPECT_EQ(result.status, LinkStatus::kBroken);
  EXPECT_EQ(result.error, "connection closed before the end of the body");
}

TEST(FetchHostileTest, ResetMidBodyIsBroken) {
  RawServer server([](int fd, const std::atomic<bool>& stopping) {
    ReadRequestHead(fd);
    SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\npartial");
    Delay(stopping, 100);
    testing::ResetOnClose(fd);
  });
  FetchResult result = FetchOne(FastOptions(), server.Url("/reset"));
  EXPECT_EQ(result.status, LinkStatus::kBroken);
  EXPECT_EQ(result.error, "connection reset");
}

TEST(FetchHostileTest, EmptyReplyIsBroken) {
  RawServer server([](int fd, const std::atomic<bool>&) { ReadRequestHead(fd); });
  FetchResult result = FetchOne(FastOptions(), server.Url("/nothing"));
  EXPECT_EQ(result.status, LinkStatus::kBroken);
  EXPECT_EQ(result.error, "empty reply from server");
}

TEST(FetchHostileTest, NonHttpReplyIsProtocolError) {
  RawServer server([](int fd, const std::atomic<bool>&) {
    ReadRequestHead(fd);
    SendAll(fd, "SSH-2.0-OpenSSH_9.2\r\n\r\n");
  });
  FetchResult result = FetchOne(FastOptions(), server.Url("/ssh"));
  EXPECT_EQ(result.status, LinkStatus::kError) << result.error;
  EXPECT_EQ(result.error, "protocol error: not an HTTP response");
}

TEST(FetchHostileTest, TlsFailureSaysTls) {
  RawServer server([](int fd, const std::atomic<bool>&) {
    char hello[4096];  // a TLS ClientHello, answered in plain HTTP
    pollfd readable{fd, POLLIN, 0};
    if (poll(&readable, 1, 2000) > 0) recv(fd, hello, sizeof(hello), 0);
    SendAll(fd, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
  });
  FetchResult result = FetchOne(FastOptions(), server.Url("/", "https"));
  EXPECT_EQ(result.status, LinkStatus::kError) << result.error;
  EXPECT_EQ(result.error.rfind("TLS: ", 0), 0u) << result.error;
}

TEST(FetchHostileTest, UndecodableGzipSaysUndecodable) {
  RawServer server([](int fd, const std::atomic<bool>&) {
    ReadRequestHead(fd);
    SendAll(fd,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
            "Content-Length: 24\r\n\r\nthis is not gzip at all!");
  });
  FetchResult result = FetchOne(FastOptions(), server.Url("/bad-gzip"));
  EXPECT_EQ(result.status, LinkStatus::kError);
  EXPECT_EQ(result.error.rfind("undecodable body: ", 0), 0u) << result.error;
}

}  // namespace
}  // namespace citecheck
