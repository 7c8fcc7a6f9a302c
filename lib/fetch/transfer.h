// One HTTP request in flight: its libcurl easy handle (owned, RAII) and what
// the callbacks learn while it runs. The easy handle carries a pointer to its
// Transfer in CURLOPT_PRIVATE, so the fetch loop finds it again when
// curl_multi_info_read reports it done. Used by the fetch loop thread only.
#ifndef CITECHECK_FETCH_TRANSFER_H_
#define CITECHECK_FETCH_TRANSFER_H_

#include <curl/curl.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/types.h"
#include "fetch/fetcher.h"
#include "fetch/host_scheduler.h"
#include "fetch/private_address.h"
#include "fetch/response_headers.h"

namespace citecheck {

// Settings every transfer of a run shares; outlive the transfers.
struct TransferSettings {
  const FetchOptions* options = nullptr;
  const RunHooks* hooks = nullptr;  // never null once a loop runs
  const AddressPolicy* address_policy = nullptr;
  std::string user_agent;
  Clock* clock = nullptr;  // for HTTP dates (Retry-After) and the loop's timing
  CURLSH* connections = nullptr;  // CURLOPT_SHARE: pooled connections (HostTable)
};

// The finished transfer: its result, and whether and when to try again.
struct TransferReport {
  FetchResult result;
  bool retryable = false;
  std::optional<int64_t> retry_after_s;  // the server's Retry-After, parsed
};

class Transfer {
 public:
  Transfer(FetchJob job, const TransferSettings& settings);
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  // False when the handle could not be created or configured; *error says why.
  bool Configured(std::string* error) const;
  CURL* easy() const { return easy_.get(); }
  const FetchJob& job() const { return job_; }

  // Call once, after curl_multi_info_read reported the transfer done with `code`.
  TransferReport Complete(CURLcode code);

 private:
  struct EasyCleanup {
    void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
  };
  struct SlistFree {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
  };

  CURLcode Configure();
  // If-None-Match / If-Modified-Since from RunHooks::validators, and the
  // headers and redirect rule of RunHooks::request.
  CURLcode AddRequestHeaders();
  size_t OnBody(const char* data, size_t size);
  void OnHeaderLine(std::string_view line);
  void NotePermanentRedirect(const std::string& location);
  // Soft 404s, bot challenges and login walls (fetch/page_classifier.h).
  void ClassifyPageOf(TransferReport* report) const;
  bool AddressAllowed(const sockaddr* address);

  static size_t WriteCallback(char* data, size_t size, size_t count, void* self);
  static size_t HeaderCallback(char* data, size_t size, size_t count, void* self);
  static curl_socket_t OpenSocketCallback(void* self, curlsocktype purpose,
                                          struct curl_sockaddr* address);

  FetchJob job_;
  const TransferSettings& settings_;
  // Declared before easy_ so it outlives the handle that points to it.
  std::unique_ptr<curl_slist, SlistFree> request_headers_;
  std::optional<Validators> sent_validators_;
  bool follow_redirects_ = true;
  std::unique_ptr<CURL, EasyCleanup> easy_;
  CURLcode setup_code_ = CURLE_OK;
  char error_buffer_[CURL_ERROR_SIZE] = {};

  // Values of the response being received; reset at each status line, so
  // after redirects they describe the final response.
  ResponseHeaderParser headers_;
  // What the body is, from its media type: text is decoded to UTF-8, a PDF
  // kept as bytes (its own cap, fetch.max_document_bytes), anything else only
  // counted. A body without a type or served as application/octet-stream is
  // sniffed: its first bytes tell whether it is a PDF ("%PDF-").
  enum class BodyKind { kText, kPdf, kBinary };
  int64_t BodyCap() const;
  size_t ResolveSniffed(size_t take);
  std::string body_;
  BodyKind body_kind_ = BodyKind::kText;
  bool sniffing_ = false;
  int64_t bytes_ = 0;       // decoded body bytes received, up to the cap
  bool truncated_ = false;
  std::string refused_address_;
  std::optional<std::string> permanent_redirect_;
};

}  // namespace citecheck

#endif  // CITECHECK_FETCH_TRANSFER_H_
