// What makes one daemon process safe to run: an exclusive lock per database
// and the API token.
#ifndef CITECHECK_DAEMON_INSTANCE_H_
#define CITECHECK_DAEMON_INSTANCE_H_

#include <string>

namespace citecheck {

// Holds an flock on "<db>.lock" for its lifetime, so a second daemon on the
// same database refuses to start. (The CLI does not take it: it shares the
// database through SQLite's own locking.)
class InstanceLock {
 public:
  InstanceLock() = default;
  ~InstanceLock();
  InstanceLock(const InstanceLock&) = delete;
  InstanceLock& operator=(const InstanceLock&) = delete;
  // False with *error naming the lock file when another process holds it.
  bool Acquire(const std::string& db_path, std::string* error);

 private:
  int fd_ = -1;
};

// The bearer token: read from `token_file` when given (must exist and be
// non-empty), else from "citecheckd.token" beside the database, generated
// there (32 random bytes, hex, mode 0600) at first start. *path says which
// file; *generated whether it was just written.
bool LoadOrCreateToken(const std::string& token_file, const std::string& db_path, std::string* token,
                       std::string* path, bool* generated, std::string* error);

// Constant-time comparison (no early exit on the first differing byte).
bool TokensEqual(const std::string& a, const std::string& b);

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_INSTANCE_H_
