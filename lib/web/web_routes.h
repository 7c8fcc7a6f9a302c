// The reviewer's web interface on citecheckd's HTTP server (docs/web.md):
// sign-in with the API token, server-side sessions, CSRF tokens on every
// form, the articles and article pages, reviews, adding articles and
// checks. Every path but /v1/* and /metrics (the bearer-token API),
// /healthz and /sign-in needs a session: without one, a page answers 303
// to /sign-in and a form post records nothing.
#ifndef CITECHECK_WEB_WEB_ROUTES_H_
#define CITECHECK_WEB_WEB_ROUTES_H_

#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "daemon/shared_state.h"

namespace citecheck {

struct WebContext {
  StorePool* stores = nullptr;
  std::string token;                            // the API's bearer token signs in
  const std::atomic<bool>* stopping = nullptr;  // new work is refused once set
  std::function<void()> on_queued;              // wakes the worker
  std::function<int64_t()> now;                 // Unix seconds; default: the system clock
};

// Registers the pages after the API's routes (a catch-all comes last). The
// routes refer to the returned object: keep it alive while the server runs.
std::shared_ptr<void> InstallWeb(httplib::Server& server, const WebContext& context);

}  // namespace citecheck

#endif  // CITECHECK_WEB_WEB_ROUTES_H_
