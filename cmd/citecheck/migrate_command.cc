// citecheck migrate --to URL: the move from one SQLite file to PostgreSQL
// (docs/storage.md "Moving to PostgreSQL").
#include <iostream>

#include "cmd/citecheck/commands.h"
#include "core/url.h"
#include "store/copy_database.h"

namespace citecheck {

int RunMigrateCommand(const CommonFlags& common, const MigrateFlags& flags) {
  Config config;
  if (!BuildConfig(common, &config)) return kExitUsage;
  if (flags.to == config.db) {
    std::cerr << "citecheck: error: --to names the database being copied (" << RedactUrlCredentials(flags.to)
              << ")\n";
    return kExitUsage;
  }
  std::cerr << "copying " << RedactUrlCredentials(config.db) << " to " << RedactUrlCredentials(flags.to) << "\n";
  int64_t total = 0;
  CopyDatabase(config.db, flags.to, [&](const std::string& table, int64_t rows) {
    std::cout << table << ": " << rows << " rows\n";
    total += rows;
  });
  std::cout << "copied " << total << " rows; point `db` at " << RedactUrlCredentials(flags.to) << "\n";
  return 0;
}

}  // namespace citecheck
