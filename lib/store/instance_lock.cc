// The daemon's instance lock (Store::LockInstance): one citecheckd per
// SQLite database; any number on a PostgreSQL one. (The CLI does not take
// it: it shares the database through the engine's own locking.)
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "store/store_impl.h"

namespace citecheck {
namespace {

// The advisory lock id a single daemon on PostgreSQL took exclusively
// before scale-out; distinct from the migration lock's.
constexpr const char* kWorkersLock = "SELECT CAST(pg_try_advisory_lock_shared(7305432110202) AS INTEGER)";

bool LockFile(SqlStore::Impl& impl, std::string* error) {
  const std::string path = impl.path + ".lock";
  std::error_code ec;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot open lock file " + path + ": " + std::strerror(errno);
    return false;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    *error = errno == EWOULDBLOCK ? "another citecheckd is already running on " + impl.path + " (" + path + " is locked)"
                                  : "cannot lock " + path + ": " + std::strerror(errno);
    close(fd);
    return false;
  }
  // The holder's pid, for an operator looking for it.
  const std::string pid = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) == 0) {
    const ssize_t ignored = write(fd, pid.data(), pid.size());
    (void)ignored;
  }
  impl.instance_lock_fd = fd;
  return true;
}

}  // namespace

SqlStore::Impl::~Impl() {
  if (instance_lock_fd >= 0) close(instance_lock_fd);  // releases the flock
}

std::optional<InstanceMode> SqlStore::LockInstance(std::string* error) {
  if (impl_->db.engine() == sql::Engine::kPostgres) {
    return Guarded(*impl_, "taking the workers' shared lock", [&]() -> std::optional<InstanceMode> {
      // Daemons from before scale-out took this advisory lock exclusively
      // and requeue every running job when they start: held shared by
      // every worker (session-level, until the connection closes), it keeps
      // either kind from starting beside the other.
      if (impl_->db.QueryInt64(kWorkersLock) == 1) return InstanceMode::kShared;
      *error = "a citecheckd from before scale-out is running on " + impl_->name +
               " (it holds the database's advisory lock 7305432110202); stop it first: workers of two versions "
               "cannot share a database (docs/scale-out.md \"Known limits\")";
      return std::nullopt;
    });
  }
  if (!LockFile(*impl_, error)) return std::nullopt;
  return InstanceMode::kAlone;
}

}  // namespace citecheck
