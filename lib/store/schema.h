// The database schema and its forward migrations (docs/storage.md "The database": schema
// versioned with PRAGMA user_version). Internal to lib/store; tests use it to
// exercise the migration mechanism with their own steps.
#ifndef CITECHECK_STORE_SCHEMA_H_
#define CITECHECK_STORE_SCHEMA_H_

#include <string>
#include <vector>

#include "store/sql_connection.h"

namespace SQLite {
class Database;
}

namespace citecheck::store_internal {

// One forward step. Step i (0-based) of a list takes the schema from version
// i to version i + 1. Steps are append-only: a released step is never edited,
// a change to the schema is a new step at the end.
struct Migration {
  std::string description;  // for error messages: "initial schema"
  std::string sql;          // one or more statements, run in one transaction
};

// SQLite's migrations, in order; their count is SqlStore::SchemaVersion().
const std::vector<Migration>& Migrations();

// Brings the database forward to migrations.size(), each step in its own
// BEGIN IMMEDIATE transaction that also bumps user_version, so a failed step
// leaves the database at the previous version and concurrent openers never
// apply a step twice. Throws StoreError (naming `path`) when the database is
// newer than `migrations`, is not a citecheck database, or a step fails.
void Migrate(sql::Connection& db, const std::string& path, const std::vector<Migration>& migrations);

// PRAGMA user_version of `db`.
int UserVersion(sql::Connection& db);
// The same on a SQLiteCpp database (the migration tests build their own).
void Migrate(SQLite::Database& db, const std::string& path, const std::vector<Migration>& migrations);
int UserVersion(SQLite::Database& db);

// PostgreSQL (postgres_schema.cc): its own list of steps, the version kept
// in table citecheck_schema, each step in one transaction under an advisory
// lock. Throws StoreError like Migrate.
const std::vector<Migration>& PostgresMigrations();
void MigratePostgres(sql::Connection& db, const std::vector<Migration>& migrations);
int PostgresSchemaVersion(sql::Connection& db);  // 0 for a database without citecheck_schema

}  // namespace citecheck::store_internal

#endif  // CITECHECK_STORE_SCHEMA_H_
