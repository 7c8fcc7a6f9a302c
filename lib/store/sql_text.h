// SQL text both engines accept, built for statements whose SQLite-only
// spelling (INSERT OR REPLACE) PostgreSQL lacks. Internal to lib/store.
#ifndef CITECHECK_STORE_SQL_TEXT_H_
#define CITECHECK_STORE_SQL_TEXT_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "store/sql_connection.h"

namespace citecheck::store_internal {

// INSERT INTO `table` (columns…) VALUES (?1, …) ON CONFLICT (the first
// `key_columns` columns) DO UPDATE SET every other column = its new value:
// what INSERT OR REPLACE did for a table that no other row refers to.
std::string ReplaceRowSql(std::string_view table, std::initializer_list<std::string_view> columns,
                          size_t key_columns);

// The few functions the engines spell differently, as SQL expressions:
// whether text `column` contains `literal` (a quoted SQL string literal);
// the text of member `key` of the JSON object in text `column` (NULL when
// absent); the size in bytes of text `column`.
std::string ContainsSql(sql::Engine engine, std::string_view column, std::string_view literal);
std::string JsonTextSql(sql::Engine engine, std::string_view column, std::string_view key);
std::string ByteLengthSql(sql::Engine engine, std::string_view column);
// The database's clock, in milliseconds since the epoch, as an integer
// expression: what leases and politeness across workers are measured on.
std::string NowMillisSql(sql::Engine engine);
// The clause that makes a claim's SELECT lock the rows it picks and pass
// over rows another claimer locked: " FOR UPDATE SKIP LOCKED" on
// PostgreSQL; nothing on SQLite, whose write transaction admits one
// claimer at a time anyway. " FOR UPDATE" alone when `skip` is false.
std::string RowLockSql(sql::Engine engine, bool skip = true);

}  // namespace citecheck::store_internal

#endif  // CITECHECK_STORE_SQL_TEXT_H_
