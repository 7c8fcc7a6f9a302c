// Store::ScanRunPair: two runs read article by article for `report
// --changes` over every article. A query per article (ten thousand
// articles, 30 citations each) costs seconds; a run's rows read in key order
// and its fetches read once cost its size.
#include <algorithm>
#include <unordered_map>

#include "store/store.h"
#include "store/sql_text.h"
#include "store/store_impl.h"

namespace citecheck {
namespace {

using store_internal::TextOrEmpty;

// Up to this many articles, a run's fetches are read for their URLs only.
constexpr size_t kFewArticles = 64;

// Into `to`'s own buffer: getString() would build a new string each time.
void Assign(std::string& to, const sql::Column& column) {
  const std::string_view text = column.getView();
  to.assign(text.data(), text.size());
}

struct FetchStatus {
  LinkStatus status = LinkStatus::kError;
  std::string error;
  long http_status = 0;
  std::string final_url;
  std::string content_hash;
};

// A statement over rows whose first column is an article id, ascending.
class ArticleStream {
 public:
  // `sql` selects run ?1's rows of articles ?2 to ?3: a check of one
  // article reads its own rows, not a nightly run's.
  ArticleStream(sql::Connection& db, const std::string& sql, int64_t run_id, int64_t first, int64_t last)
      : select_(db, sql) {
    select_.bind(1, run_id);
    select_.bind(2, first);
    select_.bind(3, last);
    Step();
  }
  // Skips the rows of articles before `article_id`; true when the current
  // row is of `article_id`.
  bool At(int64_t article_id) {
    while (has_row_ && article() < article_id) Step();
    return has_row_ && article() == article_id;
  }
  sql::Statement& row() { return select_; }
  void Step() { has_row_ = select_.executeStep(); }

 private:
  int64_t article() { return select_.getColumn(0).getInt64(); }
  sql::Statement select_;
  bool has_row_ = false;
};

// One run's articles in ascending id order, each with what a diff reads.
class RunCursor {
 public:
  // Articles `first` to `last` (ids) of run `run_id`; `few`: only a few
  // of the run's articles are wanted.
  RunCursor(SqlStore::Impl& impl, int64_t run_id, int64_t first, int64_t last, bool few)
      : articles_(impl.db, "SELECT article_id, source, title FROM run_articles "
                  "WHERE run_id = ?1 AND article_id BETWEEN ?2 AND ?3 ORDER BY article_id",
                  run_id, first, last),
        citations_(impl.db,
                   "SELECT article_id, cite_id, url, normalized_url, line, url_error, url_error_status, no_url "
                   "FROM citations WHERE run_id = ?1 AND article_id BETWEEN ?2 AND ?3 ORDER BY article_id, position",
                   run_id, first, last),
        quotes_(impl.db,
                // The archived copy's date of evidence found only there (a
                // change of its own, quotes_moved_to_archive), without
                // decoding the evidence of every quote: its key is written
                // unescaped only as a key (codec.cc EncodeEvidence).
                "SELECT article_id, text, line, col, skipped, status, reason, "
                "CASE WHEN " + store_internal::ContainsSql(impl.db.engine(), "evidence", "'\"archived\":true'") +
                    " THEN " + store_internal::JsonTextSql(impl.db.engine(), "evidence", "archive_datetime") +
                    " END FROM quotes "
                "WHERE run_id = ?1 AND article_id BETWEEN ?2 AND ?3 ORDER BY article_id, idx",
                run_id, first, last) {
    store_internal::ReadRunRow(impl, run_id, &run_);
    checked_at_ = store_internal::CheckedAt(impl, run_);
    // A few articles (a check of one) read their own URLs' fetches; many
    // read the run's in one pass, cheaper than the semi-join over their
    // citations (0.4 s more at 10,000 articles).
    sql::Statement fetches(impl.db, std::string("SELECT url, link_status, error, http_status, final_url, "
                                                   "content_hash FROM fetches WHERE run_id = ?1") +
                                           (few ? " AND url IN (SELECT normalized_url FROM citations "
                                                  "WHERE run_id = ?1 AND article_id BETWEEN ?2 AND ?3)"
                                                : ""));
    fetches.bind(1, run_id);
    if (few) {
      fetches.bind(2, first);
      fetches.bind(3, last);
    }
    while (fetches.executeStep()) {
      FetchStatus& f = fetches_[fetches.getColumn(0).getString()];
      // A status name this binary does not know must not pass as ok.
      f.status = ParseLinkStatus(fetches.getColumn(1).getString()).value_or(LinkStatus::kError);
      f.error = fetches.getColumn(2).getString();
      f.http_status = static_cast<long>(fetches.getColumn(3).getInt64());
      f.final_url = fetches.getColumn(4).getString();
      f.content_hash = TextOrEmpty(fetches.getColumn(5));
    }
  }

  // The article's record in this run; false when the run does not include
  // it. Ids must ascend from call to call. The record's vectors and strings
  // are overwritten in place, so that reading article after article into
  // one record reuses its memory instead of allocating 600,000 records.
  bool Read(int64_t article_id, ArticleRecord* article) {
    if (!articles_.At(article_id)) return false;
    article->article_id = article_id;
    Assign(article->source, articles_.row().getColumn(1));
    article->title.reset();
    if (!articles_.row().getColumn(2).isNull()) article->title = articles_.row().getColumn(2).getString();
    article->checked_at = checked_at_;
    size_t n = 0;
    for (; citations_.At(article_id); citations_.Step(), ++n) {
      if (n == article->citations.size()) article->citations.emplace_back();
      ReadCitation(citations_.row(), &article->citations[n]);
    }
    article->citations.resize(n);
    n = 0;
    for (; quotes_.At(article_id); quotes_.Step(), ++n) {
      if (n == article->quotes.size()) article->quotes.emplace_back();
      ReadQuote(quotes_.row(), &article->quotes[n]);
    }
    article->quotes.resize(n);
    return true;
  }

 private:
  void ReadCitation(sql::Statement& row, CitationRecord* record) {
    Citation& c = record->citation;
    Assign(c.id, row.getColumn(1));
    Assign(c.url, row.getColumn(2));
    Assign(c.normalized_url, row.getColumn(3));
    c.line = row.getColumn(4).getInt();
    Assign(c.url_error, row.getColumn(5));
    c.url_error_status = ParseLinkStatus(row.getColumn(6).getString()).value_or(LinkStatus::kError);
    c.no_url = row.getColumn(7).getInt() != 0;
    record->error.clear();
    record->http_status = 0;
    record->final_url.clear();
    record->content_hash.clear();
    record->archive.reset();
    auto fetch = c.no_url || !c.url_error.empty() ? fetches_.end() : fetches_.find(c.normalized_url);
    if (fetch == fetches_.end()) {
      store_internal::ResolveLinkWithoutFetch(run_, record);
    } else {
      record->link_status = fetch->second.status;
      record->error = fetch->second.error;
      record->http_status = fetch->second.http_status;
      record->final_url = fetch->second.final_url;
      record->content_hash = fetch->second.content_hash;
    }
  }

  static void ReadQuote(sql::Statement& row, QuoteRecord* record) {
    Assign(record->quote.text, row.getColumn(1));
    record->quote.line = row.getColumn(2).getInt();
    record->quote.column = row.getColumn(3).getInt();
    record->quote.skipped = row.getColumn(4).getInt() != 0;
    record->decided = !row.getColumn(5).isNull();
    record->verdict.status = record->decided
                                 ? ParseQuoteStatus(row.getColumn(5).getString()).value_or(QuoteStatus::kUnverifiable)
                                 : QuoteStatus::kNotFound;
    Assign(record->verdict.reason, row.getColumn(6));  // NULL reads as ""
    record->verdict.evidence.reset();
    if (!row.getColumn(7).isNull()) {
      record->verdict.evidence.emplace();
      record->verdict.evidence->archived = true;
      record->verdict.evidence->archive_datetime = row.getColumn(7).getString();
    }
  }

  RunRecord run_;
  std::string checked_at_;
  std::unordered_map<std::string, FetchStatus> fetches_;
  ArticleStream articles_;
  ArticleStream citations_;
  ArticleStream quotes_;
};

}  // namespace

void SqlStore::ScanRunPair(int64_t latest, int64_t previous, const std::vector<int64_t>& article_ids,
                        const std::function<void(ArticleRecord& latest, const ArticleRecord* previous)>& visit) {
  Guarded(*impl_, "reading runs " + std::to_string(latest) + " and " + std::to_string(previous), [&] {
    if (article_ids.empty()) return;
    // One read snapshot for both runs, as LoadRun takes for one.
    sql::Transaction transaction(impl_->db, sql::Transaction::kRead);
    const int64_t first = article_ids.front();
    const int64_t last = article_ids.back();
    const bool few = article_ids.size() <= kFewArticles;
    RunCursor current(*impl_, latest, first, last, few);
    std::optional<RunCursor> before;
    if (previous > 0) before.emplace(*impl_, previous, first, last, few);
    ArticleRecord now;
    ArticleRecord then;
    for (int64_t id : article_ids) {
      if (!current.Read(id, &now)) continue;
      // The archived copy decides whether a link that is not ok fails the
      // run (an article's own working copy repairs it): read for those only.
      if (std::any_of(now.citations.begin(), now.citations.end(),
                      [](const CitationRecord& c) { return IsLinkProblem(c.link_status); })) {
        AttachCitationArchives(*impl_, latest, id, &now.citations);
      }
      const bool had = before && before->Read(id, &then);
      visit(now, had ? &then : nullptr);
    }
    transaction.commit();
  });
}

}  // namespace citecheck
