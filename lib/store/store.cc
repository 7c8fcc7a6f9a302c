// What every backend shares: opening one by the `db` setting, the
// WriteBatch over a backend's transaction, the content hash and the default
// database path.
#include "store/store.h"

#include <cstdlib>
#include <filesystem>

#include "store/codec.h"
#include "store/sql_connection.h"
#include "store/sql_store.h"

namespace citecheck {

std::unique_ptr<Store> Store::Open(const std::string& db) {
  return SqlStore::Open(db);
}

Store::WriteBatch::WriteBatch(Store& store) : store_(store) { owner_ = store_.BeginBatch(); }

Store::WriteBatch::~WriteBatch() {
  if (owner_) store_.RollbackBatch();
}

void Store::WriteBatch::Commit() {
  if (!owner_) return;
  store_.CommitBatch();
  owner_ = false;
}

std::string ContentHash(std::string_view bytes) { return store_internal::Sha256Hex(bytes); }

std::string LocalStateDirectory(const std::string& db) {
  const std::string file = sql::IsPostgresUrl(db) ? DefaultDatabasePath() : db;
  return std::filesystem::path(file).parent_path().string();
}

std::string DefaultDatabasePath() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (xdg != nullptr && xdg[0] == '/') return std::string(xdg) + "/citecheck/citecheck.db";
  const char* home = std::getenv("HOME");
  std::string base = home != nullptr && home[0] != '\0' ? home : ".";
  return base + "/.local/share/citecheck/citecheck.db";
}

}  // namespace citecheck
