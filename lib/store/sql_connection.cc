#include "store/sql_connection.h"

namespace citecheck::sql {

int64_t Connection::QueryInt64(const std::string& sql) {
  Statement statement(*this, sql);
  if (!statement.executeStep()) throw Error("no row from: " + sql);
  return statement.getColumn(0).getInt64();
}

Transaction::Transaction(Connection& connection, Mode mode) : connection_(connection) {
  if (mode == kWrite) {
    connection_.BeginWrite();
  } else {
    connection_.BeginRead();
  }
}

Transaction::~Transaction() {
  if (open_) connection_.tryExec("ROLLBACK");
}

void Transaction::commit() {
  connection_.exec("COMMIT");
  open_ = false;
}

}  // namespace citecheck::sql
