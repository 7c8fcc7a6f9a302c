// The HTTP API of docs/api.md "Endpoints" on cpp-httplib: bearer-token auth on every
// endpoint but /healthz, JSON errors {"error": ...} with the fitting status
// (400, 401, 404, 413, 415, 503), and a request size limit.
#ifndef CITECHECK_DAEMON_API_H_
#define CITECHECK_DAEMON_API_H_

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "daemon/metrics.h"
#include "daemon/shared_state.h"

namespace citecheck {

struct ApiContext {
  StorePool* stores = nullptr;
  Metrics* metrics = nullptr;
  std::string token;
  size_t max_request_bytes = 0;
  const std::atomic<bool>* stopping = nullptr;  // new work is refused with 503 once set
  std::function<void()> on_queued;              // wakes the worker
};

// Registers every route and handler on `server`. The routes refer to the
// returned object: keep it alive as long as the server runs.
std::shared_ptr<void> InstallApi(httplib::Server& server, const ApiContext& context);

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_API_H_
