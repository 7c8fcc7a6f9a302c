#include "store/schema.h"

#include "store/sql_connection.h"
#include "store/sqlite_connection.h"

#include "store/store.h"

namespace citecheck::store_internal {
namespace {

// Migration 1: the whole initial schema. Per-run tables are keyed by run_id
// so history accumulates; `articles` is the registry later migrations extend
// (scheduling, job queue) without touching what is stored per run.
constexpr const char* kInitialSchema = R"sql(
CREATE TABLE articles (
  id          INTEGER PRIMARY KEY,
  identity    TEXT NOT NULL UNIQUE,  -- real path, normalized URL, or --name
  source      TEXT NOT NULL,         -- as first given
  created_at  TEXT NOT NULL
);

CREATE TABLE runs (
  id           INTEGER PRIMARY KEY,
  trigger      TEXT NOT NULL,        -- check, run, daemon, ...
  started_at   TEXT NOT NULL,
  finished_at  TEXT,                 -- NULL while running
  state        TEXT NOT NULL         -- running, done, interrupted, failed
);

-- An article as read in one run.
CREATE TABLE run_articles (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,     -- order of saving within the run
  source       TEXT NOT NULL,        -- as given in this run
  title        TEXT,
  diagnostics  TEXT NOT NULL DEFAULT '[]',  -- JSON array
  saved_at     TEXT NOT NULL,
  PRIMARY KEY (run_id, article_id)
) WITHOUT ROWID;
CREATE INDEX run_articles_by_article ON run_articles(article_id, run_id);

CREATE TABLE citations (
  run_id          INTEGER NOT NULL,
  article_id      INTEGER NOT NULL,
  position        INTEGER NOT NULL,
  cite_id         TEXT NOT NULL,
  url             TEXT NOT NULL,     -- '' when unresolved
  normalized_url  TEXT NOT NULL,     -- '' when unresolved or malformed
  line            INTEGER NOT NULL,
  url_error       TEXT NOT NULL,     -- '' unless the URL is unusable
  PRIMARY KEY (run_id, article_id, position),
  FOREIGN KEY (run_id, article_id) REFERENCES run_articles(run_id, article_id)
    ON DELETE CASCADE
) WITHOUT ROWID;

-- Extracted page texts, once per distinct text: a 304 or an unchanged page
-- reuses the row.
CREATE TABLE pages (
  content_hash  TEXT PRIMARY KEY,    -- SHA-256 hex of text
  text          TEXT NOT NULL,
  stored_at     TEXT NOT NULL
) WITHOUT ROWID;

-- One fetch result per distinct normalized URL per run.
CREATE TABLE fetches (
  run_id              INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  url                 TEXT NOT NULL,
  final_url           TEXT NOT NULL,
  link_status         TEXT NOT NULL,
  http_status         INTEGER NOT NULL,
  error               TEXT NOT NULL,
  content_type        TEXT NOT NULL,
  content_language    TEXT NOT NULL,
  etag                TEXT NOT NULL,
  last_modified       TEXT NOT NULL,
  truncated           INTEGER NOT NULL,
  permanent_redirect  TEXT,
  elapsed_ms          INTEGER NOT NULL,
  bytes               INTEGER NOT NULL,
  fetched_at          TEXT NOT NULL,
  -- What extraction found; the text itself lives in pages. Title and
  -- language belong to the fetch: equal texts may come with other markup.
  content_hash        TEXT REFERENCES pages(content_hash),
  page_title          TEXT NOT NULL DEFAULT '',
  page_language       TEXT NOT NULL DEFAULT '',
  canonical_url       TEXT NOT NULL DEFAULT '',
  detected_language   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, url)
) WITHOUT ROWID;
CREATE INDEX fetches_by_content ON fetches(content_hash);

CREATE TABLE quotes (
  run_id        INTEGER NOT NULL,
  article_id    INTEGER NOT NULL,
  idx           INTEGER NOT NULL,    -- 0-based, article order
  text          TEXT NOT NULL,
  line          INTEGER NOT NULL,
  col           INTEGER NOT NULL,
  citation_ids  TEXT NOT NULL,       -- JSON array of citation ids
  skipped       INTEGER NOT NULL,
  skip_reason   TEXT NOT NULL,
  status        TEXT,                -- NULL until a verdict is stored
  score         REAL,
  evidence      TEXT,                -- JSON object, NULL when none
  reason        TEXT,
  decided_at    TEXT,
  PRIMARY KEY (run_id, article_id, idx),
  FOREIGN KEY (run_id, article_id) REFERENCES run_articles(run_id, article_id)
    ON DELETE CASCADE
) WITHOUT ROWID;
)sql";

// Migration 2: registered articles (scheduled checks), the daemon's job queue,
// what a resumed run needs (the owner of a running run, why a page had no
// text), and small daemon state (the last scheduled run).
constexpr const char* kRegistryAndJobs = R"sql(
ALTER TABLE articles ADD COLUMN registered INTEGER NOT NULL DEFAULT 0;  -- 1: checked by run --all
ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'file';    -- file, url, text
ALTER TABLE articles ADD COLUMN body TEXT;                            -- the article, for kind text
ALTER TABLE articles ADD COLUMN media_type TEXT NOT NULL DEFAULT '';  -- of body, when known

-- The process that runs a run: a 'running' run whose process is gone was
-- interrupted by a crash and may be resumed.
ALTER TABLE runs ADD COLUMN pid INTEGER NOT NULL DEFAULT 0;

-- Why an ok page had no text ("no text: application/pdf"), so a resumed run
-- decides its quotes as the first attempt would have.
ALTER TABLE fetches ADD COLUMN no_text_reason TEXT NOT NULL DEFAULT '';

CREATE INDEX citations_by_url ON citations(article_id, normalized_url, run_id);

CREATE TABLE jobs (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,          -- article (one article) or all (every registered one)
  article_id   INTEGER REFERENCES articles(id) ON DELETE CASCADE,
  state        TEXT NOT NULL,          -- queued, running, done, failed
  run_id       INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  error        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  started_at   TEXT,
  finished_at  TEXT
);
CREATE INDEX jobs_by_state ON jobs(state, id);
CREATE INDEX jobs_by_article ON jobs(article_id, state);

CREATE TABLE daemon_state (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Migration 3: the page cache looks up a URL's newest fetches across runs.
constexpr const char* kPageCacheIndex = R"sql(
CREATE INDEX fetches_by_url ON fetches(url, fetched_at);

-- Per-citation verdicts by page text: an unchanged page (a 304) reuses them
-- instead of being matched again. options: the match settings they depend on.
CREATE TABLE verdict_cache (
  content_hash  TEXT NOT NULL,
  quote         TEXT NOT NULL,
  options       TEXT NOT NULL,
  status        TEXT NOT NULL,
  score         REAL NOT NULL,
  evidence      TEXT,
  reason        TEXT NOT NULL,
  PRIMARY KEY (content_hash, quote, options)
) WITHOUT ROWID;
)sql";

// Migration 4: pages becomes a rowid table. In a WITHOUT ROWID table each
// row lives in the key's b-tree, and SQLite reads a row's whole payload,
// overflow pages included, to compare keys during a lookup: every probe of a
// 100 KB page text read about 100 KB. A rowid table keeps the text out of
// the key's index. The text goes last so that reading stored_at never walks
// its overflow chain.
constexpr const char* kPagesByRowid = R"sql(
CREATE TABLE pages_by_rowid (
  content_hash  TEXT NOT NULL UNIQUE,  -- SHA-256 hex of text
  stored_at     TEXT NOT NULL,
  text          TEXT NOT NULL
);
INSERT INTO pages_by_rowid (content_hash, stored_at, text) SELECT content_hash, stored_at, text FROM pages;
DROP TABLE pages;
ALTER TABLE pages_by_rowid RENAME TO pages;
)sql";

// Migration 5: a 200 whose body is the one the stored text came from reuses
// that text, as a 304 does (for servers without ETag / Last-Modified); a
// fetch that reused a text, either way, does not restart the maximum age.
constexpr const char* kBodyHashes = R"sql(
ALTER TABLE fetches ADD COLUMN body_hash TEXT NOT NULL DEFAULT '';   -- SHA-256 hex of the body
ALTER TABLE fetches ADD COLUMN text_reused INTEGER NOT NULL DEFAULT 0;  -- 1: text not extracted again
UPDATE fetches SET text_reused = 1 WHERE http_status = 304;
)sql";

// Migration 6: a citation whose URL is refused before any request (a scheme
// other than http/https) has link status blocked; a malformed one error.
constexpr const char* kUrlErrorStatus = R"sql(
ALTER TABLE citations ADD COLUMN url_error_status TEXT NOT NULL DEFAULT 'error';  -- link status of url_error
)sql";

// Migration 7: retention (docs/storage.md "Retention"). What a prune keeps
// of the runs it deletes, so that "broken since" reads the same afterwards:
// per article the newest run pruned, and per link not ok at that run its
// streak. jobs_by_run: deleting a run looks up the jobs that point at it.
constexpr const char* kRetention = R"sql(
CREATE TABLE pruned_marks (
  article_id      INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  through_run_id  INTEGER NOT NULL   -- the article's newest pruned run
);
CREATE TABLE pruned_streaks (
  article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  normalized_url  TEXT NOT NULL,
  broken_runs     INTEGER NOT NULL,  -- runs in a row not ok, up to through_run_id
  since           TEXT NOT NULL,     -- started_at of the first of them
  PRIMARY KEY (article_id, normalized_url)
) WITHOUT ROWID;
CREATE INDEX jobs_by_run ON jobs(run_id);
)sql";

// Migration 8: what a MediaWiki reference says about itself (docs/wikitext.md):
// a reference with no online source (no_url), its name and group, the
// citation template's fields; and where a quote was found (text or ref).
constexpr const char* kReferenceFields = R"sql(
ALTER TABLE citations ADD COLUMN no_url INTEGER NOT NULL DEFAULT 0;     -- 1: link status no_url, never fetched
ALTER TABLE citations ADD COLUMN ref_name TEXT NOT NULL DEFAULT '';     -- <ref name=…>
ALTER TABLE citations ADD COLUMN ref_group TEXT NOT NULL DEFAULT '';    -- <ref group=…>
ALTER TABLE citations ADD COLUMN ref_title TEXT NOT NULL DEFAULT '';    -- title=
ALTER TABLE citations ADD COLUMN access_date TEXT NOT NULL DEFAULT '';  -- YYYY-MM-DD
ALTER TABLE citations ADD COLUMN url_status TEXT NOT NULL DEFAULT '';   -- url-status= as written
ALTER TABLE citations ADD COLUMN archive_url TEXT NOT NULL DEFAULT '';  -- archive-url=
ALTER TABLE citations ADD COLUMN archive_date TEXT NOT NULL DEFAULT ''; -- YYYY-MM-DD
ALTER TABLE quotes ADD COLUMN origin TEXT NOT NULL DEFAULT 'text';      -- text | ref
)sql";

// Migration 9: reviewers' decisions (docs/review.md). Every decision is a
// row, so the history stays; an item's current review is the newest row of
// its key (state cleared: none). content_hash and quote_text are what the
// decision was made on: when either differs in a later run, the review is
// stale.
constexpr const char* kReviews = R"sql(
CREATE TABLE reviews (
  id            INTEGER PRIMARY KEY,
  key           TEXT NOT NULL,       -- stable key of the quote or citation (lib/review/keys.h)
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL,       -- quote or citation
  state         TEXT NOT NULL,       -- accepted, rejected, cleared
  note          TEXT NOT NULL,
  reviewer      TEXT NOT NULL,
  at            TEXT NOT NULL,       -- ISO 8601 UTC
  content_hash  TEXT NOT NULL,       -- page text hash(es) the decision was made on
  quote_text    TEXT NOT NULL,       -- the quote as written then; '' for a citation
  run_id        INTEGER              -- the run whose report was reviewed, when known
);
CREATE INDEX reviews_by_key ON reviews(key, id);
CREATE INDEX reviews_by_article ON reviews(article_id, key, id);
)sql";

// Migration 10: reads that must not grow with the history (issue 17 item
// 3). When a run is unfinished, the time its results were checked at is its
// newest fetch (run_loader.cc CheckedAt): with only the (run_id, url) key
// that was a scan of the run's fetches for every article `list` shows.
// A summary (list, GET /v1/articles) reads quote statuses from an index.
constexpr const char* kReadIndexes = R"sql(
CREATE INDEX fetches_by_run_time ON fetches(run_id, fetched_at);
-- A summary counts quote verdicts; the quote rows carry text and evidence
-- (half the database at 300,000 quotes), this index only the status.
CREATE INDEX quotes_by_status ON quotes(run_id, article_id, status);
)sql";

// Migration 11: the web interface's server-side sessions (docs/web.md).
constexpr const char* kWebSessions = R"sql(
CREATE TABLE web_sessions (
  id_hash     TEXT PRIMARY KEY,    -- hex SHA-256 of the session cookie's secret
  csrf        TEXT NOT NULL,
  reviewer    TEXT NOT NULL,
  created_at  INTEGER NOT NULL,    -- Unix seconds
  expires_at  INTEGER NOT NULL
);
CREATE INDEX web_sessions_by_expiry ON web_sessions(expires_at);
)sql";

// Migration 12 (issue 13): a page's optional spans (note markers a quote
// may leave out) are kept with its text, and whether it is paywalled with
// the fetch, beside its title, so that a report reads it without the text.
// The spans go after the text: reading them is reading the page anyway.
constexpr const char* kOptionalTextAndPaywall = R"sql(
ALTER TABLE pages ADD COLUMN optional_spans TEXT NOT NULL DEFAULT '';  -- "begin-end,..." byte spans of text
ALTER TABLE fetches ADD COLUMN paywalled INTEGER NOT NULL DEFAULT 0;    -- 1: isAccessibleForFree false
)sql";

// Migration 13 (issue 15): archived copies. A memento is immutable, so its
// text is stored once by URL and never fetched again; it keeps its own text
// (not a `pages` row) because no fetch refers to it and pruning removes
// unreferenced pages. Each citation's archive outcome is kept per run, with
// the citation it belongs to.
constexpr const char* kArchivedCopies = R"sql(
CREATE TABLE mementos (
  url             TEXT PRIMARY KEY,      -- the URL the copy's bytes were fetched from
  datetime        TEXT NOT NULL,         -- Memento-Datetime, ISO 8601 UTC; '' when unknown
  http_status     INTEGER NOT NULL,
  content_type    TEXT NOT NULL,
  language        TEXT NOT NULL,
  text            TEXT NOT NULL,         -- the extracted visible text
  optional_spans  TEXT NOT NULL,         -- as pages.optional_spans
  stored_at       TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE citation_archives (
  run_id       INTEGER NOT NULL,
  article_id   INTEGER NOT NULL,
  position     INTEGER NOT NULL,
  url          TEXT,                     -- the copy; NULL when none was found
  datetime     TEXT NOT NULL,            -- ISO 8601 UTC; '' when unknown
  source       TEXT NOT NULL,            -- article | lookup
  suggested    INTEGER NOT NULL,         -- 1: found by lookup, not given by the article
  http_status  INTEGER NOT NULL,
  link_status  TEXT NOT NULL,            -- of the copy
  error        TEXT NOT NULL,
  PRIMARY KEY (run_id, article_id, position),
  FOREIGN KEY (run_id, article_id, position) REFERENCES citations(run_id, article_id, position)
    ON DELETE CASCADE
) WITHOUT ROWID;
)sql";

// Migration 14 (issue 17): each article's changes since its previous run,
// worked out once when the run ends, so that `report --changes` and a run's
// report read them instead of both runs (docs/storage.md "Changes between
// runs"). A row belongs to its run's article row and goes with it.
constexpr const char* kStoredChanges = R"sql(
CREATE TABLE article_changes (
  run_id           INTEGER NOT NULL,
  article_id       INTEGER NOT NULL,
  version          INTEGER NOT NULL,  -- of the encoding and of the rules; another version is ignored
  previous_run_id  INTEGER NOT NULL,  -- 0: the article's first run
  previous_checked_at TEXT NOT NULL,  -- '' for none; kept, as the previous run may be pruned
  changes          TEXT NOT NULL,     -- JSON, store/codec.cc EncodeChanges
  problems         INTEGER NOT NULL,  -- citations and quotes that fail the run, before reviews
  PRIMARY KEY (run_id, article_id),
  FOREIGN KEY (run_id, article_id) REFERENCES run_articles(run_id, article_id) ON DELETE CASCADE
) WITHOUT ROWID;
)sql";

// Migration 15 (issue 18, docs/scale-out.md): the work of several daemons on
// one database. A running job carries its worker's lease (times are
// milliseconds since the epoch on the database's clock, so that workers on
// machines whose clocks differ agree); workers heartbeat; each host's
// politeness is a row holding its next allowed start, and each request in
// flight holds a leased slot row, so the limits hold across workers.
constexpr const char* kWorkerLeases = R"sql(
ALTER TABLE jobs ADD COLUMN lease_owner TEXT;
ALTER TABLE jobs ADD COLUMN lease_until INTEGER;
CREATE TABLE workers (
  id            TEXT PRIMARY KEY,
  machine       TEXT NOT NULL,
  pid           INTEGER NOT NULL,
  listen        TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  heartbeat_ms  INTEGER NOT NULL,
  lease_until   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE host_politeness (
  host           TEXT PRIMARY KEY,
  next_start_ms  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE host_slots (
  id           INTEGER PRIMARY KEY,
  host         TEXT NOT NULL,
  owner        TEXT NOT NULL,
  lease_until  INTEGER NOT NULL
);
CREATE INDEX host_slots_by_host ON host_slots(host, lease_until);
CREATE INDEX host_slots_by_owner ON host_slots(owner);
)sql";

// Migration 16 (issue 18, docs/scale-out.md "Shared runs"): a run's URLs
// as tasks that every worker on the database may claim, so that one run is
// fetched by all of them. `position` is the run's own order (rounds over the
// hosts); a task is leased like a job (owner, lease_until on the database's
// clock), `done_by` names the worker that committed its fetch, and
// `collected` that the run's own worker has read that fetch.
constexpr const char* kUrlTasks = R"sql(
CREATE TABLE url_tasks (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  url          TEXT NOT NULL,
  position     INTEGER NOT NULL,
  owner        TEXT,
  lease_until  INTEGER,
  done         INTEGER NOT NULL DEFAULT 0,
  done_by      TEXT,
  collected    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, url)
) WITHOUT ROWID;
CREATE INDEX url_tasks_to_claim ON url_tasks(run_id, done, position);
CREATE INDEX url_tasks_by_owner ON url_tasks(owner);
)sql";

bool HasForeignTables(sql::Connection& db) {
  return db.QueryInt64("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") > 0;
}

void ApplyStep(sql::Connection& db, const std::string& path, const Migration& step, int version) {
  try {
    sql::Transaction transaction(db, sql::Transaction::kWrite);
    // Another process may have applied it while this one waited for the lock.
    const int current = UserVersion(db);
    if (current >= version) return;
    // Version 0 with tables of its own is some other application's database:
    // migrating it would mix our tables into theirs. Checked under the lock,
    // so a concurrent opener's fresh schema is not mistaken for one.
    if (current == 0 && HasForeignTables(db)) {
      throw StoreError(path + " is not a citecheck database: it has tables but no citecheck schema version");
    }
    db.exec(step.sql);
    sql::Statement violations(db, "PRAGMA foreign_key_check");
    if (violations.executeStep()) {
      throw StoreError("migrating " + path + " to schema version " + std::to_string(version) + " (" +
                       step.description + "): a row of " + violations.getColumn(0).getString() +
                       " refers to a missing row of " + violations.getColumn(2).getString());
    }
    // PRAGMA takes no bound parameters; the value is our own integer.
    db.exec("PRAGMA user_version = " + std::to_string(version));
    transaction.commit();
  } catch (const sql::Error& e) {
    throw StoreError("migrating " + path + " to schema version " + std::to_string(version) + " (" +
                     step.description + "): " + e.what());
  }
}

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {"initial schema", kInitialSchema},
      {"registered articles, job queue, resumable runs", kRegistryAndJobs},
      {"page cache: lookup by URL, verdicts by page text", kPageCacheIndex},
      {"page texts out of the key's b-tree", kPagesByRowid},
      {"body hashes: an unchanged body reuses the stored text", kBodyHashes},
      {"link status of an unusable citation URL (blocked scheme)", kUrlErrorStatus},
      {"retention: pruned runs' streaks, jobs by run", kRetention},
      {"MediaWiki reference fields (no_url, name, group, template fields) and quote origin", kReferenceFields},
      {"reviewers' decisions on quotes and citations", kReviews},
      {"indexes for list, report --changes and GET /v1/articles at scale", kReadIndexes},
      {"web interface sessions", kWebSessions},
      {"optional text of pages (note markers) and paywalled pages", kOptionalTextAndPaywall},
      {"archived copies: mementos, each citation's archive outcome", kArchivedCopies},
      {"each article's changes since its previous run, stored when the run ends", kStoredChanges},
      {"workers, job leases, politeness shared by workers", kWorkerLeases},
      {"a run's URLs as tasks shared by workers", kUrlTasks},
  };
  return kMigrations;
}

int UserVersion(sql::Connection& db) { return static_cast<int>(db.QueryInt64("PRAGMA user_version")); }

void Migrate(sql::Connection& db, const std::string& path, const std::vector<Migration>& migrations) {
  const int target = static_cast<int>(migrations.size());
  const int current = UserVersion(db);
  if (current > target) {
    throw StoreError(path + " has schema version " + std::to_string(current) +
                     ", newer than this citecheck supports (" + std::to_string(target) +
                     "); upgrade citecheck or use another --db");
  }
  for (int version = current + 1; version <= target; ++version) {
    ApplyStep(db, path, migrations[version - 1], version);
  }
}

void Migrate(SQLite::Database& db, const std::string& path, const std::vector<Migration>& migrations) {
  sql::SqliteConnection connection(db, path);
  Migrate(connection, path, migrations);
}

int UserVersion(SQLite::Database& db) {
  sql::SqliteConnection connection(db, "");
  return UserVersion(connection);
}

}  // namespace citecheck::store_internal
