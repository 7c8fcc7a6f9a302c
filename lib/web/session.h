// Web interface sessions (docs/web.md "Sign-in and sessions"): a random secret in the
// browser's cookie, its SHA-256 in the store beside the session's CSRF token,
// so sessions survive a restart, end at sign-out and expire after 12 hours.
#ifndef CITECHECK_WEB_SESSION_H_
#define CITECHECK_WEB_SESSION_H_

#include <cstdint>
#include <optional>
#include <string>

#include "store/store.h"

namespace citecheck {

inline constexpr int64_t kSessionSeconds = 12 * 3600;

// 32 bytes from the system's CSPRNG, as 64 hex digits. Throws
// std::runtime_error when no random bytes can be had.
std::string RandomToken();

// Hex SHA-256 of `text`.
std::string Sha256Hex(const std::string& text);

// Constant-time comparison of two secrets.
bool SecretsEqual(const std::string& a, const std::string& b);

struct NewSession {
  std::string secret;  // goes into the cookie, never into the store
  WebSession session;
};

// Starts a session for `reviewer` at `now` (Unix seconds).
NewSession StartSession(Store& store, const std::string& reviewer, int64_t now);

// The live session of a cookie secret; nullopt when unknown (tampered,
// signed out) or expired (then also deleted).
std::optional<WebSession> FindSession(Store& store, const std::string& secret, int64_t now);

// Sign-out: the session's row is deleted.
void EndSession(Store& store, const std::string& secret);

}  // namespace citecheck

#endif  // CITECHECK_WEB_SESSION_H_
