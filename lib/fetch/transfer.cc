#include "fetch/transfer.h"

#include <sys/socket.h>

#include <algorithm>
#include <ctime>

#include "core/media_type.h"
#include "core/url.h"
#include "fetch/charset.h"
#include "fetch/page_classifier.h"
#include "fetch/retry_policy.h"
#include "fetch/transfer_status.h"

namespace citecheck {
namespace {

// Resolves `location` against `base` the way libcurl itself follows it.
std::optional<std::string> ResolveUrl(const char* base, const std::string& location) {
  std::unique_ptr<CURLU, void (*)(CURLU*)> url(curl_url(), curl_url_cleanup);
  if (!url || curl_url_set(url.get(), CURLUPART_URL, base, 0) != CURLUE_OK ||
      curl_url_set(url.get(), CURLUPART_URL, location.c_str(), 0) != CURLUE_OK) {
    return std::nullopt;
  }
  char* text = nullptr;
  if (curl_url_get(url.get(), CURLUPART_URL, &text, 0) != CURLUE_OK) return std::nullopt;
  std::string resolved(text);
  curl_free(text);
  return resolved;
}

}  // namespace

Transfer::Transfer(FetchJob job, const TransferSettings& settings)
    : job_(std::move(job)), settings_(settings), easy_(curl_easy_init()) {
  setup_code_ = easy_ ? Configure() : CURLE_OUT_OF_MEMORY;
}

bool Transfer::Configured(std::string* error) const {
  if (setup_code_ == CURLE_OK) return true;
  *error = std::string("cannot set up transfer: ") + curl_easy_strerror(setup_code_);
  return false;
}

CURLcode Transfer::Configure() {
  CURL* easy = easy_.get();
  const FetchOptions& options = *settings_.options;
  CURLcode code = CURLE_OK;
  auto check = [&code](CURLcode next) {
    if (code == CURLE_OK) code = next;
  };
  check(curl_easy_setopt(easy, CURLOPT_URL, job_.url.c_str()));
  check(curl_easy_setopt(easy, CURLOPT_PRIVATE, this));
  if (settings_.connections != nullptr) check(curl_easy_setopt(easy, CURLOPT_SHARE, settings_.connections));
  check(curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error_buffer_));
  check(curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L));
  check(curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https"));
  check(curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"));
  check(curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L));
  check(curl_easy_setopt(easy, CURLOPT_MAXREDIRS, static_cast<long>(options.max_redirects)));
  check(curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options.connect_timeout_s)));
  check(curl_easy_setopt(easy, CURLOPT_TIMEOUT, static_cast<long>(options.timeout_s)));
  check(curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, ""));  // all encodings libcurl decodes
  check(curl_easy_setopt(easy, CURLOPT_USERAGENT, settings_.user_agent.c_str()));
  // An explicit "" (no proxy) also keeps libcurl from reading http_proxy etc.
  check(curl_easy_setopt(easy, CURLOPT_PROXY, options.proxy.c_str()));
  check(curl_easy_setopt(easy, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L));
  check(curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Transfer::WriteCallback));
  check(curl_easy_setopt(easy, CURLOPT_WRITEDATA, this));
  check(curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Transfer::HeaderCallback));
  check(curl_easy_setopt(easy, CURLOPT_HEADERDATA, this));
  check(curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &Transfer::OpenSocketCallback));
  check(curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, this));
  check(AddRequestHeaders());
  return code;
}

CURLcode Transfer::AddRequestHeaders() {
  const RunHooks& hooks = *settings_.hooks;
  std::optional<Validators> validators;
  if (hooks.validators) validators = hooks.validators(job_.url);
  std::optional<RequestOptions> request;
  if (hooks.request) request = hooks.request(job_.url);
  if (!validators && !request) return CURLE_OK;
  auto usable = [](const std::string& value) {
    return !value.empty() && value.find_first_of("\r\n") == std::string::npos;
  };
  curl_slist* list = nullptr;
  auto append = [&list](const std::string& line) {
    curl_slist* longer = curl_slist_append(list, line.c_str());
    if (longer) list = longer;
    return longer != nullptr;
  };
  bool ok = true;
  if (validators) {
    Validators sent;
    if (usable(validators->etag)) {
      ok = ok && append("If-None-Match: " + validators->etag);
      sent.etag = validators->etag;
    }
    if (usable(validators->last_modified)) {
      ok = ok && append("If-Modified-Since: " + validators->last_modified);
      sent.last_modified = validators->last_modified;
    }
    if (!sent.etag.empty() || !sent.last_modified.empty()) sent_validators_ = sent;
  }
  if (request) {
    for (const std::string& line : request->headers) {
      if (usable(line)) ok = ok && append(line);
    }
    follow_redirects_ = request->follow_redirects;
  }
  request_headers_.reset(list);
  if (!ok) return CURLE_OUT_OF_MEMORY;
  CURLcode code = CURLE_OK;
  if (!follow_redirects_) code = curl_easy_setopt(easy_.get(), CURLOPT_FOLLOWLOCATION, 0L);
  if (!list || code != CURLE_OK) return code;
  return curl_easy_setopt(easy_.get(), CURLOPT_HTTPHEADER, list);
}

size_t Transfer::WriteCallback(char* data, size_t size, size_t count, void* self) {
  return static_cast<Transfer*>(self)->OnBody(data, size * count);
}

size_t Transfer::HeaderCallback(char* data, size_t size, size_t count, void* self) {
  static_cast<Transfer*>(self)->OnHeaderLine(std::string_view(data, size * count));
  return size * count;
}

curl_socket_t Transfer::OpenSocketCallback(void* self, curlsocktype purpose,
                                           struct curl_sockaddr* address) {
  auto* transfer = static_cast<Transfer*>(self);
  if (purpose == CURLSOCKTYPE_IPCXN && !transfer->AddressAllowed(&address->addr)) {
    return CURL_SOCKET_BAD;  // libcurl tries the host's next address, then fails
  }
  return socket(address->family, address->socktype, address->protocol);
}

bool Transfer::AddressAllowed(const sockaddr* address) {
  // Through a proxy every connection goes to the proxy the user named, not
  // to the cited host; the policy cannot judge the destination there.
  if (!settings_.options->proxy.empty()) return true;
  std::optional<IpAddress> ip = AddressFromSockaddr(address);
  if (ip && settings_.address_policy->Allows(*ip)) return true;
  refused_address_ = ip ? FormatAddress(*ip) : "of unknown family";
  return false;
}

int64_t Transfer::BodyCap() const {
  const FetchOptions& options = *settings_.options;
  return body_kind_ == BodyKind::kPdf || sniffing_ ? options.max_document_bytes : options.max_body_bytes;
}

size_t Transfer::OnBody(const char* data, size_t size) {
  // Bodies of redirects being followed are not the page.
  const ResponseHeaders& headers = headers_.headers();
  if (headers.status >= 300 && headers.status < 400 && headers.location) return size;
  int64_t room = BodyCap() - bytes_;
  size_t take = room <= 0 ? 0 : static_cast<size_t>(std::min<int64_t>(room, size));
  if (body_kind_ != BodyKind::kBinary || sniffing_) body_.append(data, take);
  bytes_ += static_cast<int64_t>(take);
  if (sniffing_ && body_.size() >= 5) take = ResolveSniffed(take);
  // A short count makes libcurl abort with CURLE_WRITE_ERROR: this is what
  // stops a decompression bomb, since libcurl 7.88 only checks Content-Length.
  if (take < size) truncated_ = true;
  return take;
}

// The first bytes of a body without a useful type are in: a PDF keeps the
// document cap, anything else falls back to its type's kind and cap (and
// gives back what it took beyond that cap). Returns the bytes taken.
size_t Transfer::ResolveSniffed(size_t take) {
  sniffing_ = false;
  if (body_.compare(0, 5, "%PDF-") == 0) {
    body_kind_ = BodyKind::kPdf;
    return take;
  }
  if (body_kind_ == BodyKind::kBinary) std::string().swap(body_);
  int64_t excess = bytes_ - BodyCap();
  if (excess <= 0) return take;
  if (body_kind_ == BodyKind::kText) body_.resize(static_cast<size_t>(BodyCap()));
  bytes_ -= excess;
  return take - static_cast<size_t>(excess);
}

void Transfer::OnHeaderLine(std::string_view raw) {
  if (headers_.Feed(raw) != HeaderLine::kEnd) return;
  const ResponseHeaders& headers = headers_.headers();
  std::string type = MediaType(headers.content_type);
  body_kind_ = IsPdfMediaType(type)    ? BodyKind::kPdf
               : IsTextMediaType(type) ? BodyKind::kText
                                       : BodyKind::kBinary;
  sniffing_ = type.empty() || type == "application/octet-stream" || type == "binary/octet-stream";
  // One allocation for the declared length (capped), not a doubling series
  // of copies while the body arrives (issue 17's profile: 4 % of a cold run).
  curl_off_t length = -1;
  if (body_kind_ != BodyKind::kBinary &&
      curl_easy_getinfo(easy_.get(), CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK && length > 0) {
    body_.reserve(static_cast<size_t>(std::min<int64_t>(length, BodyCap())));
  }
  if ((headers.status == 301 || headers.status == 308) && headers.location) {
    NotePermanentRedirect(*headers.location);
  }
}

void Transfer::NotePermanentRedirect(const std::string& location) {
  char* current = nullptr;
  if (curl_easy_getinfo(easy_.get(), CURLINFO_EFFECTIVE_URL, &current) != CURLE_OK || !current) {
    return;
  }
  // The last permanent hop names where the cited URL now lives.
  if (std::optional<std::string> target = ResolveUrl(current, location)) {
    permanent_redirect_ = RedactUrlCredentials(*target);
  }
}

TransferReport Transfer::Complete(CURLcode code) {
  TransferReport report;
  FetchResult& result = report.result;
  const ResponseHeaders& headers = headers_.headers();
  CURL* easy = easy_.get();
  result.url = job_.url;
  char* effective = nullptr;
  curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective);
  result.final_url = RedactUrlCredentials(effective ? effective : job_.url);
  long http_status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &http_status);
  result.http_status = http_status != 0 ? http_status : headers.status;
  curl_off_t total_us = 0;
  curl_off_t connect_us = 0;
  curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &total_us);
  curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connect_us);
  result.elapsed_s = static_cast<double>(total_us) / 1e6;

  long os_errno = 0;
  curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &os_errno);
  TransferOutcome outcome;
  outcome.code = code;
  outcome.http_status = result.http_status;
  outcome.refused_address = refused_address_;
  outcome.truncated = truncated_;
  outcome.connected = connect_us > 0;
  outcome.curl_error = RedactUrlCredentials(error_buffer_);
  outcome.os_errno = os_errno;
  outcome.host = UrlHost(result.final_url);
  TransferVerdict verdict = ClassifyTransfer(outcome, *settings_.options);
  result.status = verdict.status;
  result.error = verdict.error;
  report.retryable = verdict.retryable;

  result.content_type = MediaType(headers.content_type);
  result.content_language = headers.content_language;
  result.etag = headers.etag;
  result.last_modified = headers.last_modified;
  result.memento_datetime = headers.memento_datetime;
  if (!follow_redirects_ && headers.status >= 300 && headers.status < 400 && headers.location) {
    result.location = RedactUrlCredentials(ResolveUrl(result.final_url.c_str(), *headers.location).value_or(""));
  }
  if (body_kind_ == BodyKind::kPdf) {
    result.body = std::move(body_);  // bytes: poppler reads them, no charset applies
  } else if (body_kind_ == BodyKind::kText && IsTextMediaType(result.content_type)) {
    result.body = DecodeBodyToUtf8(std::move(body_), CharsetParameter(headers.content_type));
  }
  std::string().swap(body_);
  result.truncated = truncated_;
  result.bytes = bytes_;
  if (code == CURLE_OK && result.http_status == 304 && sent_validators_) {
    result.status = LinkStatus::kOk;
    result.error.clear();
    result.not_modified = true;
    result.body.clear();
    if (result.etag.empty()) result.etag = sent_validators_->etag;
    if (result.last_modified.empty()) result.last_modified = sent_validators_->last_modified;
    report.retryable = false;
  } else if (code == CURLE_OK || (code == CURLE_WRITE_ERROR && truncated_)) {
    ClassifyPageOf(&report);
  }
  if (permanent_redirect_) {
    result.permanent_redirect = permanent_redirect_;
    if (result.status == LinkStatus::kOk) result.error = "permanent redirect to " + *permanent_redirect_;
  }
  if (!headers.retry_after.empty()) {
    report.retry_after_s = ParseRetryAfter(headers.retry_after, settings_.clock->SystemNow());
  }
  return report;
}

void Transfer::ClassifyPageOf(TransferReport* report) const {
  FetchResult& result = report->result;
  PageSignals page;
  page.url = job_.url;
  page.final_url = result.final_url;
  page.http_status = result.http_status;
  page.content_type = result.content_type;
  page.body = result.body;
  page.server = headers_.headers().server;
  page.cf_mitigated = headers_.headers().cf_mitigated;
  std::optional<PageVerdict> verdict = ClassifyPage(page);
  if (!verdict) return;
  result.status = verdict->status;
  result.error = verdict->error;
  report->retryable = false;  // a challenge or a soft 404 answers the same next time
}

}  // namespace citecheck
