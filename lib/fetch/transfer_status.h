// Maps how a transfer ended (libcurl code, HTTP status, our own refusals) to
// a link status and its detail text (docs/statuses.md "Link statuses"), and
// says whether trying again could help.
#ifndef CITECHECK_FETCH_TRANSFER_STATUS_H_
#define CITECHECK_FETCH_TRANSFER_STATUS_H_

#include <curl/curl.h>

#include <string>

#include "core/status.h"
#include "fetch/fetcher.h"

namespace citecheck {

// What is known when a transfer is over.
struct TransferOutcome {
  CURLcode code = CURLE_OK;
  long http_status = 0;         // last HTTP status seen; 0 when none
  std::string refused_address;  // set when our address policy refused a connection
  bool truncated = false;       // the write callback stopped at the body cap
  bool connected = false;       // a connection was made (tells connect timeouts apart)
  std::string curl_error;       // CURLOPT_ERRORBUFFER text, may be empty
  long os_errno = 0;            // CURLINFO_OS_ERRNO: tells "refused" from other connect failures
  std::string host;             // for messages
};

struct TransferVerdict {
  LinkStatus status = LinkStatus::kError;
  std::string error;  // detail; empty for ok
  bool retryable = false;
};

TransferVerdict ClassifyTransfer(const TransferOutcome& outcome, const FetchOptions& options);

}  // namespace citecheck

#endif  // CITECHECK_FETCH_TRANSFER_STATUS_H_
