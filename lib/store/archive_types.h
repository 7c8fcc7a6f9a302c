// Archived copies as the store keeps them (SPEC "Archived copies";
// migration "archived copies").
#ifndef CITECHECK_STORE_ARCHIVE_TYPES_H_
#define CITECHECK_STORE_ARCHIVE_TYPES_H_

#include <optional>
#include <string>

#include "core/status.h"
#include "core/types.h"

namespace citecheck {

// A fetched memento's text: immutable, stored once by URL.
struct StoredMemento {
  std::string url;       // the URL its bytes came from (a Wayback id_ URL)
  std::string datetime;  // ISO 8601 UTC; empty when the archive did not say
  long http_status = 0;
  std::string content_type;
  PageText page;  // text, language, optional spans
};

// What a run found for one citation's archived copy (JSON "archive").
struct CitationArchive {
  std::optional<std::string> url;  // nullopt: no copy ("no archived copy", or the lookup failed)
  std::string datetime;            // ISO 8601 UTC; empty when unknown
  std::string from;                // "article" or "lookup"
  bool suggested = false;          // found by lookup: the report suggests adding it
  long http_status = 0;            // of the copy (or of the lookup when there is none)
  LinkStatus link_status = LinkStatus::kError;
  std::string error;               // empty when the copy was read
};

}  // namespace citecheck

#endif  // CITECHECK_STORE_ARCHIVE_TYPES_H_
