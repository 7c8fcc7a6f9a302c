#include "fetch/transfer_status.h"

#include <cerrno>
#include <cstring>

#include "fetch/retry_policy.h"

namespace citecheck {
namespace {

std::string Detail(const TransferOutcome& outcome) {
  return outcome.curl_error.empty() ? curl_easy_strerror(outcome.code) : outcome.curl_error;
}

bool IsTlsError(CURLcode code) {
  switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
      return true;
    default:
      return false;
  }
}

TransferVerdict FromHttpStatus(long http_status) {
  if (http_status >= 200 && http_status <= 299) return {LinkStatus::kOk, "", false};
  std::string text = "HTTP " + std::to_string(http_status);
  if (http_status >= 400 && http_status <= 599) {
    return {LinkStatus::kBroken, text, IsRetryableHttpStatus(http_status)};
  }
  if (http_status == 0) return {LinkStatus::kError, "no HTTP response", false};
  // A 3xx here had no usable Location; a 1xx should never end a transfer.
  return {LinkStatus::kError, text + " without a usable redirect", false};
}

}  // namespace

TransferVerdict ClassifyTransfer(const TransferOutcome& outcome, const FetchOptions& options) {
  CURLcode code = outcome.code;
  // A refusal of ours makes libcurl report a connect failure; say why instead.
  if (code != CURLE_OK && !outcome.refused_address.empty()) {
    return {LinkStatus::kBlocked,
            "private address " + outcome.refused_address + " refused (use --allow-private)", false};
  }
  if (code == CURLE_OK || (code == CURLE_WRITE_ERROR && outcome.truncated)) {
    return FromHttpStatus(outcome.http_status);
  }
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
      return {LinkStatus::kBroken, "DNS: could not resolve host " + outcome.host, false};
    case CURLE_COULDNT_RESOLVE_PROXY:
      return {LinkStatus::kError, "could not resolve proxy: " + Detail(outcome), false};
    case CURLE_COULDNT_CONNECT:
      if (outcome.os_errno == ECONNREFUSED) return {LinkStatus::kBroken, "connection refused", true};
      if (outcome.os_errno != 0) {
        return {LinkStatus::kBroken, "could not connect: " + std::string(std::strerror(outcome.os_errno)),
                true};
      }
      return {LinkStatus::kBroken, "could not connect: " + Detail(outcome), true};
    case CURLE_OPERATION_TIMEDOUT:
      if (!outcome.connected) {
        return {LinkStatus::kTimeout,
                "connect timed out after " + std::to_string(options.connect_timeout_s) + " s", true};
      }
      return {LinkStatus::kTimeout, "timed out after " + std::to_string(options.timeout_s) + " s",
              true};
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
      if (outcome.os_errno == ECONNRESET) return {LinkStatus::kBroken, "connection reset", true};
      return {LinkStatus::kBroken, "connection failed: " + Detail(outcome), true};
    case CURLE_GOT_NOTHING:
      return {LinkStatus::kBroken, "empty reply from server", true};
    case CURLE_PARTIAL_FILE:
      return {LinkStatus::kBroken, "connection closed before the end of the body", true};
    case CURLE_TOO_MANY_REDIRECTS:
      return {LinkStatus::kError,
              "too many redirects (more than " + std::to_string(options.max_redirects) + ")", false};
    case CURLE_FILESIZE_EXCEEDED:
      return {LinkStatus::kError, "too large: " + Detail(outcome), false};
    case CURLE_UNSUPPORTED_PROTOCOL:
      // libcurl reports a reply that is not HTTP at all (HTTP/0.9) with the
      // same code as a scheme it may not use.
      if (outcome.curl_error.find("HTTP/0.9") != std::string::npos) {
        return {LinkStatus::kError, "protocol error: not an HTTP response", false};
      }
      return {LinkStatus::kBlocked, "scheme not allowed: " + Detail(outcome), false};
    case CURLE_BAD_CONTENT_ENCODING:
      return {LinkStatus::kError, "undecodable body: " + Detail(outcome), false};
    case CURLE_URL_MALFORMAT:
      return {LinkStatus::kError, "malformed URL: " + Detail(outcome), false};
    default:
      break;
  }
  if (IsTlsError(code)) return {LinkStatus::kError, "TLS: " + Detail(outcome), false};
  return {LinkStatus::kError, "protocol error: " + Detail(outcome), false};
}

}  // namespace citecheck
