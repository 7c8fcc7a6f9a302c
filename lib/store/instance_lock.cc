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
  if (impl_->db.engine() == sql::Engine::kPostgres) return InstanceMode::kShared;
  if (!LockFile(*impl_, error)) return std::nullopt;
  return InstanceMode::kAlone;
}

}  // namespace citecheck
