#include "store/sql_text.h"

namespace citecheck::store_internal {

std::string ReplaceRowSql(std::string_view table, std::initializer_list<std::string_view> columns,
                          size_t key_columns) {
  std::string names, values, keys, updates;
  size_t i = 0;
  for (std::string_view column : columns) {
    const std::string name(column);
    const std::string separator = i == 0 ? "" : ", ";
    names += separator + name;
    values += separator + "?" + std::to_string(i + 1);
    if (i < key_columns) {
      keys += (i == 0 ? "" : ", ") + name;
    } else {
      updates += (updates.empty() ? "" : ", ") + name + " = excluded." + name;
    }
    ++i;
  }
  std::string sql = "INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" + values + ") ON CONFLICT (" +
                    keys + ") DO ";
  return sql + (updates.empty() ? "NOTHING" : "UPDATE SET " + updates);
}

std::string ContainsSql(sql::Engine engine, std::string_view column, std::string_view literal) {
  const std::string function = engine == sql::Engine::kPostgres ? "strpos(" : "instr(";
  return function + std::string(column) + ", " + std::string(literal) + ") > 0";
}

std::string JsonTextSql(sql::Engine engine, std::string_view column, std::string_view key) {
  if (engine == sql::Engine::kPostgres) return "(" + std::string(column) + "::json ->> '" + std::string(key) + "')";
  return "json_extract(" + std::string(column) + ", '$." + std::string(key) + "')";
}

std::string ByteLengthSql(sql::Engine engine, std::string_view column) {
  if (engine == sql::Engine::kPostgres) return "octet_length(" + std::string(column) + ")";
  return "length(CAST(" + std::string(column) + " AS BLOB))";
}

std::string NowMillisSql(sql::Engine engine) {
  // clock_timestamp(), not now(): now() stands still for a whole
  // transaction, and a host's interval is measured between transactions.
  if (engine == sql::Engine::kPostgres) return "CAST(floor(extract(epoch FROM clock_timestamp()) * 1000) AS BIGINT)";
  return "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";
}

std::string RowLockSql(sql::Engine engine, bool skip) {
  if (engine != sql::Engine::kPostgres) return "";
  return skip ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
}

}  // namespace citecheck::store_internal
