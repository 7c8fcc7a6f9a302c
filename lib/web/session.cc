#include "web/session.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace citecheck {
namespace {

std::string Hex(const unsigned char* bytes, size_t size) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 15]);
  }
  return out;
}

// A cookie secret is 64 hex digits; anything else cannot name a session and
// is not worth a database lookup.
bool WellFormedSecret(const std::string& secret) {
  return secret.size() == 64 && secret.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

std::string RandomToken() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("no random bytes for a session token");
  return Hex(bytes, sizeof bytes);
}

std::string Sha256Hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  return Hex(digest, size);
}

bool SecretsEqual(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

NewSession StartSession(Store& store, const std::string& reviewer, int64_t now) {
  NewSession created;
  created.secret = RandomToken();
  created.session.id_hash = Sha256Hex(created.secret);
  created.session.csrf = RandomToken();
  created.session.reviewer = reviewer;
  created.session.created_at = now;
  created.session.expires_at = now + kSessionSeconds;
  store.DeleteExpiredWebSessions(now);  // keeps the table as small as the live sessions
  store.SaveWebSession(created.session);
  return created;
}

std::optional<WebSession> FindSession(Store& store, const std::string& secret, int64_t now) {
  if (!WellFormedSecret(secret)) return std::nullopt;
  std::optional<WebSession> found = store.FindWebSession(Sha256Hex(secret));
  if (!found) return std::nullopt;
  if (found->expires_at <= now) {
    store.DeleteWebSession(found->id_hash);
    return std::nullopt;
  }
  return found;
}

void EndSession(Store& store, const std::string& secret) {
  if (WellFormedSecret(secret)) store.DeleteWebSession(Sha256Hex(secret));
}

}  // namespace citecheck
