// The web interface's sessions (migration "web interface sessions"): one row
// per signed-in browser, deleted at sign-out or once expired.
#include "store/store.h"
#include "store/store_impl.h"

namespace citecheck {

void SqlStore::SaveWebSession(const WebSession& session) {
  Guarded(*impl_, "saving a web session", [&] {
    WriteScope transaction(*impl_);
    sql::Statement insert(impl_->db,
                             "INSERT INTO web_sessions (id_hash, csrf, reviewer, created_at, expires_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, session.id_hash);
    insert.bind(2, session.csrf);
    insert.bind(3, session.reviewer);
    insert.bind(4, session.created_at);
    insert.bind(5, session.expires_at);
    insert.exec();
    transaction.Commit();
  });
}

std::optional<WebSession> SqlStore::FindWebSession(const std::string& id_hash) {
  return Guarded(*impl_, "reading a web session", [&]() -> std::optional<WebSession> {
    sql::Statement select(impl_->db,
                             "SELECT csrf, reviewer, created_at, expires_at FROM web_sessions WHERE id_hash = ?1");
    select.bind(1, id_hash);
    if (!select.executeStep()) return std::nullopt;
    WebSession session;
    session.id_hash = id_hash;
    session.csrf = select.getColumn(0).getString();
    session.reviewer = select.getColumn(1).getString();
    session.created_at = select.getColumn(2).getInt64();
    session.expires_at = select.getColumn(3).getInt64();
    return session;
  });
}

void SqlStore::DeleteWebSession(const std::string& id_hash) {
  Guarded(*impl_, "deleting a web session", [&] {
    WriteScope transaction(*impl_);
    sql::Statement remove(impl_->db, "DELETE FROM web_sessions WHERE id_hash = ?1");
    remove.bind(1, id_hash);
    remove.exec();
    transaction.Commit();
  });
}

int SqlStore::DeleteExpiredWebSessions(int64_t now) {
  return Guarded(*impl_, "deleting expired web sessions", [&] {
    WriteScope transaction(*impl_);
    sql::Statement remove(impl_->db, "DELETE FROM web_sessions WHERE expires_at <= ?1");
    remove.bind(1, now);
    const int removed = remove.exec();
    transaction.Commit();
    return removed;
  });
}

}  // namespace citecheck
