// What makes one daemon process safe to run: an exclusive lock per database
// and the API token.
#ifndef CITECHECK_DAEMON_INSTANCE_H_
#define CITECHECK_DAEMON_INSTANCE_H_

#include <memory>
#include <string>

#include "store/store.h"

namespace citecheck {

// Holds the database's instance lock (Store::LockInstance) for its
// lifetime, on a connection of its own, so a second daemon on the same
// SQLite database refuses to start (on PostgreSQL, daemons share it).
class InstanceLock {
 public:
  InstanceLock();
  ~InstanceLock();
  InstanceLock(const InstanceLock&) = delete;
  InstanceLock& operator=(const InstanceLock&) = delete;
  // False with *error naming the lock when another process holds it (or
  // the database cannot be opened).
  bool Acquire(const std::string& db, std::string* error);
  // After Acquire: whether other daemons may share the database.
  InstanceMode mode() const { return mode_; }

 private:
  std::unique_ptr<Store> store_;
  InstanceMode mode_ = InstanceMode::kAlone;
};

// The bearer token: read from `token_file` when given (must exist and be
// non-empty), else from "citecheckd.token" beside the database (for a
// PostgreSQL URL: in the local data directory, LocalStateDirectory), generated
// there (32 random bytes, hex, mode 0600) at first start. *path says which
// file; *generated whether it was just written.
bool LoadOrCreateToken(const std::string& token_file, const std::string& db_path, std::string* token,
                       std::string* path, bool* generated, std::string* error);

// Constant-time comparison (no early exit on the first differing byte).
bool TokensEqual(const std::string& a, const std::string& b);

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_INSTANCE_H_
