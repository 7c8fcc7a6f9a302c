// `citecheck migrate --to URL` (docs/storage.md "Moving to PostgreSQL"):
// copies a whole database, history included, into an empty one, typically
// a SQLite file into PostgreSQL.
#ifndef CITECHECK_STORE_COPY_DATABASE_H_
#define CITECHECK_STORE_COPY_DATABASE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace citecheck {

struct CopyReport {
  std::vector<std::pair<std::string, int64_t>> rows;  // per table, in copy order
};

// Opens both databases (migrating each to the current schema), refuses a
// target that holds any article, run or job (StoreError), then copies every
// table, row by row with its ids, in one transaction on the target, so an
// interrupted copy leaves the target empty; the target's id sequences then
// continue after the copied ids. `progress` gets each table as it is done.
CopyReport CopyDatabase(const std::string& from, const std::string& to,
                        const std::function<void(const std::string& table, int64_t rows)>& progress = {});

}  // namespace citecheck

#endif  // CITECHECK_STORE_COPY_DATABASE_H_
