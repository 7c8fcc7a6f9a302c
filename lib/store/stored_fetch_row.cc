#include "store/stored_fetch_row.h"

#include "store/codec.h"

namespace citecheck {

const char kStoredFetchColumns[] =
    "SELECT f.url, f.final_url, f.link_status, f.http_status, f.error, f.content_type, "
    "f.content_language, f.etag, f.last_modified, f.truncated, f.permanent_redirect, f.elapsed_ms, "
    "f.bytes, p.text, f.page_title, f.page_language, f.canonical_url, f.detected_language, "
    "f.no_text_reason, f.content_hash, f.paywalled, p.optional_spans FROM fetches f LEFT JOIN pages p ON p.content_hash = f.content_hash";

StoredFetch ReadStoredFetch(sql::Statement& select) {
  StoredFetch stored;
  FetchResult& r = stored.fetch;
  r.url = select.getColumn(0).getString();
  r.final_url = select.getColumn(1).getString();
  r.status = ParseLinkStatus(select.getColumn(2).getString()).value_or(LinkStatus::kError);
  r.http_status = static_cast<long>(select.getColumn(3).getInt64());
  r.error = select.getColumn(4).getString();
  r.content_type = select.getColumn(5).getString();
  r.content_language = select.getColumn(6).getString();
  r.etag = select.getColumn(7).getString();
  r.last_modified = select.getColumn(8).getString();
  r.truncated = select.getColumn(9).getInt() != 0;
  if (!select.getColumn(10).isNull()) r.permanent_redirect = select.getColumn(10).getString();
  r.elapsed_s = select.getColumn(11).getInt64() / 1000.0;
  r.bytes = select.getColumn(12).getInt64();
  if (!select.getColumn(13).isNull()) {
    PageText page;
    page.text = select.getColumn(13).getString();
    page.title = select.getColumn(14).getString();
    page.language = select.getColumn(15).getString();
    page.canonical_url = select.getColumn(16).getString();
    page.paywalled = select.getColumn(20).getInt() != 0;
    if (!select.getColumn(21).isNull()) {
      page.optional_spans = store_internal::DecodeSpans(select.getColumn(21).getString(), page.text.size());
    }
    stored.page = std::move(page);
  }
  stored.detected_language = select.getColumn(17).getString();
  stored.no_text_reason = select.getColumn(18).getString();
  if (!select.getColumn(19).isNull()) stored.content_hash = select.getColumn(19).getString();
  return stored;
}

}  // namespace citecheck
