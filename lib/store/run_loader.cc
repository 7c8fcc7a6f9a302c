// Reading a run back for reports: LoadRun and LatestRun, and the run-level
// reads the whole-run scan (run_pair_scan.cc) shares.
#include <optional>

#include "store/codec.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace citecheck {
namespace store_internal {
namespace {

// A citation whose URL has no fetch row: the run stopped before fetching it
// (or is still fetching). Reported as an error so the exit code says the link
// was not shown to be ok.
constexpr const char* kNotFetchedInterrupted = "not fetched (run interrupted)";
constexpr const char* kNotFetchedYet = "not fetched yet (run in progress)";

}  // namespace

void ReadRunRow(SqlStore::Impl& impl, int64_t run_id, RunRecord* run) {
  sql::Statement& select = SqlStore::Impl::Fresh(impl.select_run);
  select.bind(1, run_id);
  if (!select.executeStep()) {
    throw StoreError("loading run " + std::to_string(run_id) + " from " + impl.name + ": no such run");
  }
  run->run_id = run_id;
  run->trigger = select.getColumn(0).getString();
  run->started_at = select.getColumn(1).getString();
  run->finished_at = TextOrEmpty(select.getColumn(2));
  run->state = store_internal::DecodeRunState(select.getColumn(3).getString(), "run " + std::to_string(run_id));
  select.reset();
}

// When the results were checked: the end of the run, else (interrupted or
// still running) its last fetch, else its start.
std::string CheckedAt(SqlStore::Impl& impl, const RunRecord& run) {
  if (!run.finished_at.empty()) return run.finished_at;
  sql::Statement& select = SqlStore::Impl::Fresh(impl.select_last_fetch_time);
  select.bind(1, run.run_id);
  select.executeStep();
  std::string last = TextOrEmpty(select.getColumn(0));
  select.reset();
  return last.empty() ? run.started_at : last;
}

void ResolveLinkWithoutFetch(const RunRecord& run, CitationRecord* record) {
  const Citation& c = record->citation;
  if (c.no_url) {
    record->link_status = LinkStatus::kNoUrl;
  } else if (!c.url_error.empty()) {
    record->link_status = c.url_error_status;
    record->error = c.url_error;
  } else if (c.normalized_url.empty()) {
    record->link_status = LinkStatus::kUnresolved;
  } else {
    record->link_status = LinkStatus::kError;
    record->error = run.state == RunState::kRunning ? kNotFetchedYet : kNotFetchedInterrupted;
  }
}

}  // namespace store_internal

namespace {

using store_internal::CheckedAt;
using store_internal::ReadRunRow;
using store_internal::ResolveLinkWithoutFetch;
using store_internal::TextOrEmpty;

std::vector<CitationRecord> ReadCitations(SqlStore::Impl& impl, const RunRecord& run, int64_t article_id) {
  std::vector<CitationRecord> records;
  sql::Statement& select = SqlStore::Impl::Fresh(impl.select_citations);
  select.bind(1, run.run_id);
  select.bind(2, article_id);
  while (select.executeStep()) {
    CitationRecord record;
    record.citation.id = select.getColumn(0).getString();
    record.citation.url = select.getColumn(1).getString();
    record.citation.normalized_url = select.getColumn(2).getString();
    record.citation.line = select.getColumn(3).getInt();
    record.citation.url_error = select.getColumn(4).getString();
    record.citation.url_error_status =
        ParseLinkStatus(select.getColumn(14).getString()).value_or(LinkStatus::kError);
    record.citation.no_url = select.getColumn(15).getInt() != 0;
    record.citation.name = select.getColumn(16).getString();
    record.citation.group = select.getColumn(17).getString();
    record.citation.ref_title = select.getColumn(18).getString();
    record.citation.access_date = select.getColumn(19).getString();
    record.citation.url_status = select.getColumn(20).getString();
    record.citation.archive_url = select.getColumn(21).getString();
    record.citation.archive_date = select.getColumn(22).getString();
    const bool fetched = select.getColumn(5).getInt() != 0;
    if (!fetched || record.citation.no_url || !record.citation.url_error.empty()) {
      ResolveLinkWithoutFetch(run, &record);
    } else {
      // A status name this binary does not know (written by a newer one)
      // must not pass as ok.
      record.link_status = ParseLinkStatus(select.getColumn(6).getString()).value_or(LinkStatus::kError);
      record.error = select.getColumn(7).getString();
      record.http_status = static_cast<long>(select.getColumn(8).getInt64());
      record.final_url = select.getColumn(9).getString();
      record.content_type = select.getColumn(10).getString();
      record.language = TextOrEmpty(select.getColumn(11));
      record.title = TextOrEmpty(select.getColumn(12));
      record.content_hash = TextOrEmpty(select.getColumn(13));
      record.paywalled = select.getColumn(23).getInt() != 0;
    }
    records.push_back(std::move(record));
  }
  select.reset();
  return records;
}

// Link statuses only (LoadRunArticleStatuses): the citation fields that
// decide a status without a fetch, and the fetch's status.
std::vector<CitationRecord> ReadCitationStatuses(SqlStore::Impl& impl, const RunRecord& run, int64_t article_id) {
  std::vector<CitationRecord> records;
  StatementUse select(impl.select_citation_statuses);
  select->bind(1, run.run_id);
  select->bind(2, article_id);
  while (select->executeStep()) {
    CitationRecord record;
    record.citation.normalized_url = select->getColumn(0).getString();
    record.citation.url_error = select->getColumn(1).getString();
    record.citation.url_error_status =
        ParseLinkStatus(select->getColumn(2).getString()).value_or(LinkStatus::kError);
    record.citation.no_url = select->getColumn(3).getInt() != 0;
    const bool fetched = select->getColumn(4).getInt() != 0;
    if (!fetched || record.citation.no_url || !record.citation.url_error.empty()) {
      ResolveLinkWithoutFetch(run, &record);
    } else {
      record.link_status = ParseLinkStatus(select->getColumn(5).getString()).value_or(LinkStatus::kError);
    }
    records.push_back(std::move(record));
  }
  return records;
}

std::vector<QuoteRecord> ReadQuoteStatuses(SqlStore::Impl& impl, int64_t run_id, int64_t article_id) {
  std::vector<QuoteRecord> records;
  StatementUse select(impl.select_quote_statuses);
  select->bind(1, run_id);
  select->bind(2, article_id);
  while (select->executeStep()) {
    QuoteRecord record;
    if (!select->getColumn(0).isNull()) {
      record.decided = true;
      record.verdict.status =
          ParseQuoteStatus(select->getColumn(0).getString()).value_or(QuoteStatus::kUnverifiable);
    }
    records.push_back(std::move(record));
  }
  return records;
}

std::vector<QuoteRecord> ReadQuotes(SqlStore::Impl& impl, int64_t run_id, int64_t article_id) {
  const std::string what = "quotes of article " + std::to_string(article_id) + " in run " +
                           std::to_string(run_id) + " of " + impl.name;
  std::vector<QuoteRecord> records;
  sql::Statement& select = SqlStore::Impl::Fresh(impl.select_quotes);
  select.bind(1, run_id);
  select.bind(2, article_id);
  while (select.executeStep()) {
    QuoteRecord record;
    record.quote.text = select.getColumn(0).getString();
    record.quote.line = select.getColumn(1).getInt();
    record.quote.column = select.getColumn(2).getInt();
    record.quote.citation_ids = store_internal::DecodeStrings(select.getColumn(3).getString(), what);
    record.quote.skipped = select.getColumn(4).getInt() != 0;
    record.quote.skip_reason = select.getColumn(5).getString();
    record.quote.origin = select.getColumn(10).getString() == "ref" ? QuoteOrigin::kRef : QuoteOrigin::kText;
    if (!select.getColumn(6).isNull()) {
      record.decided = true;
      record.verdict.status =
          ParseQuoteStatus(select.getColumn(6).getString()).value_or(QuoteStatus::kUnverifiable);
      record.verdict.score = select.getColumn(7).getDouble();
      if (!select.getColumn(8).isNull()) {
        record.verdict.evidence = store_internal::DecodeEvidence(select.getColumn(8).getString(), what);
      }
      record.verdict.reason = TextOrEmpty(select.getColumn(9));
    }
    records.push_back(std::move(record));
  }
  select.reset();
  return records;
}

// What LoadRunArticle reads of each article's citations and quotes.
enum class Detail { kFull, kStatuses };

// article_id 0: every article of the run.
RunRecord LoadRunRecord(SqlStore::Impl& impl, int64_t run_id, int64_t article_id, Detail detail) {
  return Guarded(impl, "loading run " + std::to_string(run_id), [&] {
    RunRecord run;
    // One read transaction, so the run is a consistent snapshot even while
    // another connection is still writing it.
    sql::Transaction transaction(impl.db, sql::Transaction::kRead);
    ReadRunRow(impl, run_id, &run);
    const std::string checked_at = CheckedAt(impl, run);
    // One article of a run of thousands (list, GET /v1/articles: once per
    // article) is looked up by key, not by scanning the run's articles.
    StatementUse select(article_id != 0 ? impl.select_run_article : impl.select_run_articles);
    select->bind(1, run_id);
    if (article_id != 0) select->bind(2, article_id);
    while (select->executeStep()) {
      ArticleRecord article;
      article.article_id = select->getColumn(0).getInt64();
      article.source = select->getColumn(1).getString();
      if (!select->getColumn(2).isNull()) article.title = select->getColumn(2).getString();
      article.checked_at = checked_at;
      if (detail == Detail::kFull) {
        article.diagnostics = store_internal::DecodeDiagnostics(
            select->getColumn(3).getString(), "diagnostics of " + article.source + " in " + impl.name);
      }
      run.articles.push_back(std::move(article));
    }
    select->reset();
    for (ArticleRecord& article : run.articles) {
      if (detail == Detail::kFull) {
        article.citations = ReadCitations(impl, run, article.article_id);
        AttachCitationArchives(impl, run_id, article.article_id, &article.citations);
        article.quotes = ReadQuotes(impl, run_id, article.article_id);
      } else {
        article.citations = ReadCitationStatuses(impl, run, article.article_id);
        article.quotes = ReadQuoteStatuses(impl, run_id, article.article_id);
      }
    }
    transaction.commit();
    return run;
  });
}

}  // namespace

RunRecord SqlStore::LoadRun(int64_t run_id) { return LoadRunRecord(*impl_, run_id, 0, Detail::kFull); }

RunRecord SqlStore::LoadRunArticle(int64_t run_id, int64_t article_id) {
  return LoadRunRecord(*impl_, run_id, article_id, Detail::kFull);
}

RunRecord SqlStore::LoadRunArticleStatuses(int64_t run_id, int64_t article_id) {
  return LoadRunRecord(*impl_, run_id, article_id, Detail::kStatuses);
}

std::optional<int64_t> SqlStore::LatestRun() {
  return Guarded(*impl_, "finding the latest run", [&]() -> std::optional<int64_t> {
    sql::Statement& select = Impl::Fresh(impl_->select_latest_run);
    select.executeStep();
    std::optional<int64_t> latest;
    if (!select.getColumn(0).isNull()) latest = select.getColumn(0).getInt64();
    select.reset();
    return latest;
  });
}

}  // namespace citecheck
