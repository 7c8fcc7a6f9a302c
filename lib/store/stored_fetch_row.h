// Reading a fetch row with its page text back into a StoredFetch: shared by
// resuming a run (history_queries.cc) and the page cache (page_cache.cc).
#ifndef CITECHECK_STORE_STORED_FETCH_ROW_H_
#define CITECHECK_STORE_STORED_FETCH_ROW_H_

#include "store/sql_connection.h"

#include "store/registry_types.h"

namespace citecheck {

// SELECT ... FROM fetches f LEFT JOIN pages p, without a WHERE clause; the
// columns are in the order ReadStoredFetch expects.
extern const char kStoredFetchColumns[];

// The current row of a statement built on kStoredFetchColumns.
StoredFetch ReadStoredFetch(sql::Statement& select);

}  // namespace citecheck

#endif  // CITECHECK_STORE_STORED_FETCH_ROW_H_
