// Transfer classification (lib/fetch/transfer_status), table-driven: how a
// libcurl code, an HTTP status and our own refusals become a link status, a
// detail text and whether a retry could help.
#include "fetch/transfer_status.h"

#include <gtest/gtest.h>

#include <cerrno>

namespace citecheck {
namespace {

struct Case {
  const char* name;
  TransferOutcome outcome;
  LinkStatus status;
  const char* error;
  bool retryable;
};

TransferOutcome Outcome(CURLcode code, long http_status = 0) {
  TransferOutcome outcome;
  outcome.code = code;
  outcome.http_status = http_status;
  outcome.host = "example.org";
  return outcome;
}

template <typename Edit>
TransferOutcome With(TransferOutcome outcome, Edit edit) {
  edit(outcome);
  return outcome;
}

TEST(TransferStatusTest, Table) {
  FetchOptions options;
  options.connect_timeout_s = 7;
  options.timeout_s = 21;
  options.max_redirects = 4;
  const Case kCases[] = {
      {"200", Outcome(CURLE_OK, 200), LinkStatus::kOk, "", false},
      {"204", Outcome(CURLE_OK, 204), LinkStatus::kOk, "", false},
      {"404", Outcome(CURLE_OK, 404), LinkStatus::kBroken, "HTTP 404", false},
      {"410", Outcome(CURLE_OK, 410), LinkStatus::kBroken, "HTTP 410", false},
      {"429", Outcome(CURLE_OK, 429), LinkStatus::kBroken, "HTTP 429", true},
      {"500", Outcome(CURLE_OK, 500), LinkStatus::kBroken, "HTTP 500", true},
      {"503", Outcome(CURLE_OK, 503), LinkStatus::kBroken, "HTTP 503", true},
      {"302 without Location", Outcome(CURLE_OK, 302), LinkStatus::kError,
       "HTTP 302 without a usable redirect", false},
      {"no response", Outcome(CURLE_OK, 0), LinkStatus::kError, "no HTTP response", false},
      {"truncated at the cap is the page's status",
       With(Outcome(CURLE_WRITE_ERROR, 200), [](TransferOutcome& o) { o.truncated = true; }), LinkStatus::kOk,
       "", false},
      {"refused private address",
       With(Outcome(CURLE_COULDNT_CONNECT), [](TransferOutcome& o) { o.refused_address = "10.0.0.1"; }),
       LinkStatus::kBlocked, "private address 10.0.0.1 refused (use --allow-private)", false},
      {"DNS", Outcome(CURLE_COULDNT_RESOLVE_HOST), LinkStatus::kBroken,
       "DNS: could not resolve host example.org", false},
      {"connection refused",
       With(Outcome(CURLE_COULDNT_CONNECT), [](TransferOutcome& o) { o.os_errno = ECONNREFUSED; }),
       LinkStatus::kBroken, "connection refused", true},
      {"connect failure with errno",
       With(Outcome(CURLE_COULDNT_CONNECT), [](TransferOutcome& o) { o.os_errno = ENETUNREACH; }),
       LinkStatus::kBroken, "could not connect: Network is unreachable", true},
      {"connect timeout", Outcome(CURLE_OPERATION_TIMEDOUT), LinkStatus::kTimeout,
       "connect timed out after 7 s", true},
      {"transfer timeout",
       With(Outcome(CURLE_OPERATION_TIMEDOUT), [](TransferOutcome& o) { o.connected = true; }),
       LinkStatus::kTimeout, "timed out after 21 s", true},
      {"reset", With(Outcome(CURLE_RECV_ERROR), [](TransferOutcome& o) { o.os_errno = ECONNRESET; }),
       LinkStatus::kBroken, "connection reset", true},
      {"recv error",
       With(Outcome(CURLE_RECV_ERROR), [](TransferOutcome& o) { o.curl_error = "Recv failure"; }),
       LinkStatus::kBroken, "connection failed: Recv failure", true},
      {"empty reply", Outcome(CURLE_GOT_NOTHING), LinkStatus::kBroken, "empty reply from server", true},
      {"partial body", Outcome(CURLE_PARTIAL_FILE), LinkStatus::kBroken,
       "connection closed before the end of the body", true},
      {"redirect loop", Outcome(CURLE_TOO_MANY_REDIRECTS), LinkStatus::kError,
       "too many redirects (more than 4)", false},
      {"HTTP/0.9",
       With(Outcome(CURLE_UNSUPPORTED_PROTOCOL),
            [](TransferOutcome& o) { o.curl_error = "Received HTTP/0.9 when not allowed"; }),
       LinkStatus::kError, "protocol error: not an HTTP response", false},
      {"other scheme",
       With(Outcome(CURLE_UNSUPPORTED_PROTOCOL), [](TransferOutcome& o) { o.curl_error = "Protocol \"ftp\""; }),
       LinkStatus::kBlocked, "scheme not allowed: Protocol \"ftp\"", false},
      {"bad encoding",
       With(Outcome(CURLE_BAD_CONTENT_ENCODING), [](TransferOutcome& o) { o.curl_error = "bad gzip"; }),
       LinkStatus::kError, "undecodable body: bad gzip", false},
      {"TLS", With(Outcome(CURLE_PEER_FAILED_VERIFICATION), [](TransferOutcome& o) { o.curl_error = "cert"; }),
       LinkStatus::kError, "TLS: cert", false},
      {"anything else", With(Outcome(CURLE_WEIRD_SERVER_REPLY), [](TransferOutcome& o) { o.curl_error = "odd"; }),
       LinkStatus::kError, "protocol error: odd", false},
      {"write error without truncation",
       With(Outcome(CURLE_WRITE_ERROR, 200), [](TransferOutcome& o) { o.curl_error = "write"; }),
       LinkStatus::kError, "protocol error: write", false},
  };
  for (const Case& c : kCases) {
    TransferVerdict verdict = ClassifyTransfer(c.outcome, options);
    EXPECT_EQ(verdict.status, c.status) << c.name;
    EXPECT_EQ(verdict.error, c.error) << c.name;
    EXPECT_EQ(verdict.retryable, c.retryable) << c.name;
  }
}

TEST(TransferStatusTest, WithoutCurlTextTheCodeIsDescribed) {
  TransferVerdict verdict = ClassifyTransfer(Outcome(CURLE_RECV_ERROR), FetchOptions());
  EXPECT_EQ(verdict.error, std::string("connection failed: ") + curl_easy_strerror(CURLE_RECV_ERROR));
}

}  // namespace
}  // namespace citecheck
