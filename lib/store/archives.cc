// Archived copies (migration "archived copies"): mementos stored once by URL,
// and each citation's archive outcome per run.
#include "core/url.h"
#include "store/codec.h"
#include "store/store.h"
#include "store/sql_text.h"
#include "store/store_impl.h"

namespace citecheck {

void SqlStore::SaveMemento(const StoredMemento& memento) {
  Guarded(*impl_, "saving archived copy " + RedactUrlCredentials(memento.url), [&] {
    WriteScope transaction(*impl_);
    // A memento never changes: the first copy stored stays.
    sql::Statement& insert = Impl::Fresh(impl_->Cached(
        "INSERT INTO mementos (url, datetime, http_status, content_type, language, text, "
        "optional_spans, stored_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING"));
    insert.bind(1, RedactUrlCredentials(memento.url));
    insert.bind(2, memento.datetime);
    insert.bind(3, static_cast<int64_t>(memento.http_status));
    insert.bind(4, memento.content_type);
    insert.bind(5, memento.page.language);
    insert.bind(6, memento.page.text);
    insert.bind(7, store_internal::EncodeSpans(memento.page.optional_spans));
    insert.bind(8, store_internal::UtcNow());
    insert.exec();
    transaction.Commit();
  });
}

std::optional<StoredMemento> SqlStore::FindMemento(const std::string& url) {
  return Guarded(*impl_, "reading archived copy " + RedactUrlCredentials(url), [&]() -> std::optional<StoredMemento> {
    StatementUse select(impl_->Cached(
        "SELECT datetime, http_status, content_type, language, text, optional_spans FROM mementos WHERE url = ?1"));
    select->bind(1, url);
    if (!select->executeStep()) return std::nullopt;
    StoredMemento memento;
    memento.url = url;
    memento.datetime = select->getColumn(0).getString();
    memento.http_status = static_cast<long>(select->getColumn(1).getInt64());
    memento.content_type = select->getColumn(2).getString();
    memento.page.language = select->getColumn(3).getString();
    memento.page.text = select->getColumn(4).getString();
    memento.page.optional_spans =
        store_internal::DecodeSpans(select->getColumn(5).getString(), memento.page.text.size());
    return memento;
  });
}

void SqlStore::SaveCitationArchive(int64_t run_id, int64_t article_id, int citation_index,
                                const CitationArchive& archive) {
  Guarded(*impl_, "saving the archived copy of citation " + std::to_string(citation_index + 1), [&] {
    WriteScope transaction(*impl_);
    sql::Statement& insert = Impl::Fresh(impl_->Cached(store_internal::ReplaceRowSql(
        "citation_archives",
        {"run_id", "article_id", "position", "url", "datetime", "source", "suggested", "http_status", "link_status",
         "error"},
        3)));
    insert.bind(1, run_id);
    insert.bind(2, article_id);
    insert.bind(3, citation_index);
    if (archive.url) insert.bind(4, RedactUrlCredentials(*archive.url));  // else NULL
    insert.bind(5, archive.datetime);
    insert.bind(6, archive.from);
    insert.bind(7, archive.suggested ? 1 : 0);
    insert.bind(8, static_cast<int64_t>(archive.http_status));
    insert.bind(9, std::string(ToString(archive.link_status)));
    insert.bind(10, archive.error);
    insert.exec();
    transaction.Commit();
  });
}

void AttachCitationArchives(SqlStore::Impl& impl, int64_t run_id, int64_t article_id,
                            std::vector<CitationRecord>* citations) {
  StatementUse select(impl.Cached(
      "SELECT position, url, datetime, source, suggested, http_status, link_status, error "
      "FROM citation_archives WHERE run_id = ?1 AND article_id = ?2"));
  select->bind(1, run_id);
  select->bind(2, article_id);
  while (select->executeStep()) {
    const int64_t position = select->getColumn(0).getInt64();
    if (position < 0 || position >= static_cast<int64_t>(citations->size())) continue;
    CitationArchive archive;
    if (!select->getColumn(1).isNull()) archive.url = select->getColumn(1).getString();
    archive.datetime = select->getColumn(2).getString();
    archive.from = select->getColumn(3).getString();
    archive.suggested = select->getColumn(4).getInt() != 0;
    archive.http_status = static_cast<long>(select->getColumn(5).getInt64());
    archive.link_status = ParseLinkStatus(select->getColumn(6).getString()).value_or(LinkStatus::kError);
    archive.error = select->getColumn(7).getString();
    (*citations)[static_cast<size_t>(position)].archive = std::move(archive);
  }
}

}  // namespace citecheck
