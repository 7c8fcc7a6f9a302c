// Storage of runs, citations, fetch results, page texts and verdicts
// (docs/storage.md "The database"): the interface every caller uses, with
// SQLite (the embedded default) or PostgreSQL (several workers sharing one
// database) behind it (store/sql_store.h); nothing above lib/store knows
// which backend it has.
#ifndef CITECHECK_STORE_STORE_H_
#define CITECHECK_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "store/archive_types.h"
#include "store/prune_types.h"
#include "store/records.h"
#include "store/registry_types.h"
#include "store/worker_types.h"

namespace citecheck {

// Every database failure leaves the store as a StoreError naming what was
// being done and the database (STYLE.md: third-party exceptions are turned
// into the project's own at the stage boundary).
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct WebSession {
  std::string id_hash;     // hex SHA-256 of the cookie's secret
  std::string csrf;        // the token every form of this session carries
  std::string reviewer;    // the name reviews are recorded by
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

// One connection. Not thread-safe: use one Store per thread (OpenAnother).
// Every Save* call commits its own transaction, so each result is durable as
// soon as it returns, unless a WriteBatch groups it with others.
class Store {
 public:
  // Groups the writes made while it lives into one transaction: a run that
  // stores hundreds of results a second would otherwise pay a commit for
  // each. Every write inside stays atomic on its own (a failing one leaves
  // nothing behind and the batch goes on); Commit() makes them durable
  // together; a batch destroyed without Commit() rolls them all back. A
  // batch opened inside another joins it.
  class WriteBatch {
   public:
    explicit WriteBatch(Store& store);
    ~WriteBatch();
    WriteBatch(const WriteBatch&) = delete;
    WriteBatch& operator=(const WriteBatch&) = delete;
    void Commit();

   private:
    Store& store_;
    bool owner_ = false;  // false when joined to an enclosing batch
  };

  // Opens `db`, a SQLite file path (created with its parent directories if
  // missing) or a postgresql:// URL, and migrates its schema forward to the
  // current version. Throws StoreError (e.g. a file that is not a database,
  // a server that cannot be reached, or a schema newer than this binary).
  static std::unique_ptr<Store> Open(const std::string& db);
  // Another connection to the same database, for another thread. Safe to
  // call from any thread. Throws StoreError like Open.
  virtual std::unique_ptr<Store> OpenAnother() const = 0;


  // Registers (or finds) an article by identity: real path for files,
  // normalized URL for URLs, name for stdin. Returns its id.
  virtual int64_t UpsertArticle(const std::string& identity, const std::string& source) = 0;

  virtual int64_t BeginRun(const std::string& trigger) = 0;
  // Records the article as read for this run: title, diagnostics, citations
  // and its quotes, each undecided until SaveVerdict (the check pipeline
  // decides skipped and uncited quotes too: check/quote_ledger.h). Saving
  // the same article again in the same run replaces its citations and quotes
  // (verdicts included) and keeps its position in the run.
  virtual void SaveArticle(int64_t run_id, int64_t article_id, const Article& article) = 0;
  // One fetch result per distinct URL per run. The page text, when given, is
  // stored once by content hash (SHA-256 of the text) and linked to the fetch.
  // `no_text_reason` says why an ok page has no text (kept for resumed runs).
  // `known_content_hash`: the page's text is already stored under this hash
  // (a 304, or the same body again), so `page` carries only its metadata,
  // and the fetch is marked as one that reused a text. Returns the content
  // hash, "" without a page.
  virtual std::string SaveFetch(int64_t run_id, const FetchResult& result, const std::optional<PageText>& page,
                        const std::string& detected_language, const std::string& no_text_reason = "",
                        const std::string& known_content_hash = "") = 0;
  // The verdict of quote number `quote_index` (0-based, article order).
  // Throws StoreError when the article has no such quote in this run.
  virtual void SaveVerdict(int64_t run_id, int64_t article_id, int quote_index, const Verdict& verdict) = 0;
  // A run done drops its URL tasks (QueueUrlTasks).
  virtual void FinishRun(int64_t run_id, RunState state) = 0;

  // Everything stored about a run, articles in the order they were saved,
  // read in one snapshot. Citation records combine the citation with the
  // fetch result of its normalized URL; without one: a url_error gives link
  // status error with that text, an empty normalized URL gives unresolved,
  // and a URL with no fetch row yet gives error "not fetched (run
  // interrupted)" ("not fetched yet (run in progress)" while the run's state
  // is running). language is the page's declared language (<html lang>),
  // else Content-Language, else the detected one. checked_at is the run's
  // finished_at, else its latest fetch time, else started_at. Throws
  // StoreError for an unknown run.
  virtual RunRecord LoadRun(int64_t run_id) = 0;
  // The id of the most recently begun run, if any.
  virtual std::optional<int64_t> LatestRun() = 0;
  // LoadRun restricted to one article (empty articles when the run does not
  // include it).
  virtual RunRecord LoadRunArticle(int64_t run_id, int64_t article_id) = 0;
  // LoadRunArticle with only what a summary counts (report/summary.h): each
  // citation's link status and each quote's verdict status, nothing else
  // (no texts, URLs, evidence). `list` and GET /v1/articles call it once per
  // article, so it reads two small key ranges and decodes no JSON.
  virtual RunRecord LoadRunArticleStatuses(int64_t run_id, int64_t article_id) = 0;

  // --- Archived copies (archives.cc) ---
  // Stores a memento's text by URL; one already stored is kept (mementos
  // are immutable).
  virtual void SaveMemento(const StoredMemento& memento) = 0;
  virtual std::optional<StoredMemento> FindMemento(const std::string& url) = 0;
  // The archive outcome of the article's citation number `citation_index`
  // (0-based, article order) in the run; replaces an earlier one.
  virtual void SaveCitationArchive(int64_t run_id, int64_t article_id, int citation_index,
                           const CitationArchive& archive) = 0;

  // --- Registered articles (registry.cc) ---
  // Registers an article for scheduled checks, or refreshes it (kind, body,
  // media type; registered again after a removal). Returns its id.
  virtual int64_t RegisterArticle(const std::string& identity, const std::string& source, const std::string& kind,
                          const std::string& body = "", const std::string& media_type = "") = 0;
  // By id; with `limit` > 0 at most that many, with `after_id` > 0 only ids
  // above it (a page of a list: the next page starts after its last id).
  virtual std::vector<ArticleEntry> ListRegistered(int64_t after_id = 0, int limit = 0) = 0;
  // ListRegistered's page, each article with its newest run, in one query
  // (no query per article).
  virtual std::vector<RegisteredWithRun> ListRegisteredWithLatestRun(int64_t after_id, int limit) = 0;
  virtual std::optional<ArticleEntry> FindArticle(int64_t id) = 0;
  // By identity, else by source as first given.
  virtual std::optional<ArticleEntry> FindArticleBySource(const std::string& identity_or_source) = 0;
  // Stops checking it on schedule; its history stays. False when unknown or
  // not registered.
  virtual bool UnregisterArticle(int64_t id) = 0;

  // --- History (history_queries.cc) ---
  // Runs that include the article, newest first, at most `limit`;
  // `before_run` > 0 keeps only runs older than it.
  virtual std::vector<RunRef> RunsOfArticle(int64_t article_id, int limit, int64_t before_run = 0) = 0;
  // The link status of `normalized_url` in the article's runs up to and
  // including `up_to_run`, newest first, at most `limit`.
  virtual std::vector<LinkHistoryEntry> LinkHistory(int64_t article_id, const std::string& normalized_url,
                                            int64_t up_to_run, int limit) = 0;

  // `report --changes` over every article: for each of `article_ids`
  // (ascending) that run `latest` includes, its record in `latest` and, when
  // run `previous` (0: none) includes it too, in `previous`, one article at a
  // time (run_pair_scan.cc). A record holds what a diff and the exit code
  // read: citation ids, URLs, lines and link statuses as LoadRun resolves
  // them (with errors, HTTP status, final URL, content hash; in `latest`, the
  // archived copy of each link that is not ok); quote texts,
  // positions and verdict statuses with reasons, and of evidence found only in
  // an archived copy, that copy's date. Not read: the rest of the evidence,
  // scores, diagnostics, reference fields, the quotes' citation ids, page
  // titles.
  virtual void ScanRunPair(int64_t latest, int64_t previous, const std::vector<int64_t>& article_ids,
                   const std::function<void(ArticleRecord& latest, const ArticleRecord* previous)>& visit) = 0;

  // Changes worked out when a run ended (stored_changes.cc): per article of
  // the run, its changes since `previous_run_id` (broken links included,
  // stale reviews never: they are read with the reviews) and how many of
  // its citations and quotes fail the run before reviews. Replaces the
  // run's earlier rows for those articles.
  struct RunChanges {
    int64_t article_id = 0;
    int64_t previous_run_id = 0;
    ArticleChanges changes;
    int problems = 0;
  };
  virtual void SaveRunChanges(int64_t run_id, const std::vector<RunChanges>& rows) = 0;
  // For each of `article_ids` (ascending) with changes stored for run
  // `run_id`: `visit` gets the article's record (source, title, checked_at;
  // no citations or quotes) with its changes (previous_run_id and
  // previous_checked_at set), and its problem count. Returns the ids with
  // none stored (the run has not ended, or ended before changes were
  // stored), in order.
  virtual std::vector<int64_t> ReadRunChanges(int64_t run_id, const std::vector<int64_t>& article_ids,
                                      const std::function<void(ArticleRecord& article, int problems)>& visit) = 0;

  // --- Resuming (history_queries.cc) ---
  // Every fetch committed in the run, with its page text.
  virtual std::vector<StoredFetch> CommittedFetches(int64_t run_id) = 0;
  // Article ids the run saved, in order.
  virtual std::vector<int64_t> ArticlesOfRun(int64_t run_id) = 0;
  // The newest run with `trigger` that was interrupted: state interrupted, or
  // state running while its process is gone (a crash).
  virtual std::optional<int64_t> FindResumableRun(const std::string& trigger) = 0;
  // Marks the run running again, owned by this process.
  virtual void ReopenRun(int64_t run_id) = 0;
  // state/trigger of a run; nullopt when unknown.
  virtual std::optional<RunRef> FindRun(int64_t run_id) = 0;
  // Marks every running run with `trigger` interrupted (the daemon at start,
  // holding its lock, knows they are dead). Returns how many.
  virtual int InterruptRunningRuns(const std::string& trigger) = 0;

  // --- Page cache between runs (page_cache.cc) ---
  // Validators (ETag / Last-Modified) and body hash of the newest ok fetch
  // of `url` with a stored text, for a conditional request; nullopt when
  // there is none or the last fetch whose text was extracted (not reused
  // after a 304 or an unchanged body) is older than `max_age_s`.
  virtual std::optional<Validators> FindCachedValidators(const std::string& url, int64_t max_age_s) = 0;
  // The newest ok fetch of `url` with its stored text: what a 304 reuses.
  // Without `with_text`, page.text stays empty (title, language, hash only).
  virtual std::optional<StoredFetch> FindCachedPage(const std::string& url, bool with_text = true) = 0;
  // Verdicts decided on a page text, by content hash, quote text and the
  // match settings (`options_key`): an unchanged page need not be matched
  // again. The evidence's citation id is left for the caller.
  virtual std::optional<Verdict> FindCachedVerdict(const std::string& content_hash, const std::string& quote,
                                           const std::string& options_key) = 0;
  virtual void CacheVerdicts(const std::string& content_hash, const std::string& options_key,
                     const std::vector<std::pair<std::string, Verdict>>& quote_verdicts) = 0;

  // --- Job queue (jobs.cc) ---
  // Queues a check of one article, or returns the job already queued for it.
  virtual Job EnqueueArticleJob(int64_t article_id) = 0;
  // Queues a check of every registered article (reuses a queued one).
  virtual Job EnqueueAllJob() = 0;
  // The oldest queued job, now marked running and leased to `lease.owner`
  // for `lease.seconds`; nullopt when none. Two claimers never get one job.
  virtual std::optional<Job> ClaimNextJob(const JobLease& lease) = 0;
  virtual void SetJobRun(int64_t job_id, int64_t run_id) = 0;
  // state done or failed (or queued again, for a job stopped by shutdown),
  // written only while `owner` holds the job's lease: false, and nothing
  // written, when it lapsed and another worker took the job over.
  virtual bool FinishJob(int64_t job_id, const std::string& owner, JobState state, const std::string& error) = 0;
  virtual std::optional<Job> GetJob(int64_t job_id) = 0;
  // Every running job goes back to queued (at the start of a daemon that is
  // alone on its database: whatever runs is a dead daemon's). Returns how many.
  virtual int RequeueRunningJobs() = 0;
  // The rescuer, for daemons sharing a database: running jobs whose lease
  // lapsed go back to queued (their runs interrupted, to be resumed), and
  // the rows and host slots of workers whose lease lapsed go. Returns how
  // many jobs.
  virtual int RescueLapsedWork() = 0;
  virtual int64_t CountJobs(JobState state) = 0;
  // Small persistent daemon settings (last scheduled run).
  virtual std::optional<std::string> GetDaemonState(const std::string& key) = 0;
  virtual void SetDaemonState(const std::string& key, const std::string& value) = 0;
  // The schedule's firing, once across all workers: when daemon state
  // `key` still holds `expected`, sets it to `fired` and queues a job of
  // every article (reusing a queued one), in one transaction; nullopt, and
  // nothing changed, when another worker fired first.
  virtual std::optional<Job> FireSchedule(const std::string& key, const std::string& expected,
                                          const std::string& fired) = 0;

  // --- Workers (workers.cc; docs/scale-out.md) ---
  // Registers `worker` or renews it: its heartbeat and lease (lease_s from
  // now), and the lease of each running job and URL task it holds. Returns the ids of
  // the running jobs it still holds, so that a worker whose job was taken
  // over learns it.
  virtual std::vector<int64_t> HeartbeatWorker(const WorkerRow& worker, int lease_s) = 0;
  // A worker leaving: its row and its host slots go at once, and its URL
  // tasks go back to the queue (its jobs are requeued by the caller,
  // through FinishJob).
  virtual void RemoveWorker(const std::string& id) = 0;
  // The live workers (lease not lapsed), by id.
  virtual std::vector<WorkerRow> ListWorkers() = 0;

  // --- A run's URLs shared by workers (url_tasks.cc; docs/scale-out.md "Shared runs") ---
  // Queues `urls` (in the order given) as tasks of run `run_id` that any
  // worker may claim. Tasks of the run not done and not under a live lease
  // are replaced; leased and done ones stay (a resumed run).
  virtual void QueueUrlTasks(int64_t run_id, const std::vector<std::string>& urls) = 0;
  // Up to `limit` tasks of run `run_id`, or of the oldest running run that
  // has some when `run_id` is 0, in their order: queued ones and those whose
  // lease lapsed, now leased to `lease.owner`. A connection's claims go on
  // after the last task it claimed of the run, and come back to the start
  // (lapsed or handed-back tasks) only when none is left there. Two
  // claimers never get one task. Empty when there is none.
  virtual UrlTaskBatch ClaimUrlTasks(int64_t run_id, int limit, const JobLease& lease) = 0;
  // Marks the task of `url` done by `owner`, when it is not done yet and
  // `owner` leased it last: in the caller's WriteBatch, beside the fetch it
  // stands for. False, and nothing written, otherwise (another worker took
  // it over, or did it).
  virtual bool FinishUrlTask(int64_t run_id, const std::string& url, const std::string& owner) = 0;
  // The run's tasks other workers than `owner` finished and nobody took
  // yet, now marked taken: the URLs whose committed fetches to read.
  virtual std::vector<std::string> TakeFinishedUrlTasks(int64_t run_id, const std::string& owner) = 0;
  // How many of the run's tasks are not done.
  virtual int64_t CountPendingUrlTasks(int64_t run_id) = 0;
  // The tasks of the run `owner` holds and has not finished go back to the queue.
  virtual void ReleaseUrlTasks(int64_t run_id, const std::string& owner) = 0;
  // The committed fetch of `url` in the run, with its page text.
  virtual std::optional<StoredFetch> CommittedFetch(int64_t run_id, const std::string& url) = 0;

  // --- Politeness across workers (host_gate.cc; docs/scale-out.md "Politeness") ---
  // Starts a request to `host` for `lease.owner` when fewer than
  // `per_host` slots of live leases are held and its next allowed start
  // (the previous start + interval_ms, or a pause) has come, on the
  // database's clock; the slot must be given back with FinishHost, and
  // lapses lease.seconds after its start otherwise (heartbeats do not
  // renew it: a transfer is shorter than a lease).
  virtual HostStart TryStartHost(const std::string& host, int per_host, int64_t interval_ms,
                                 const JobLease& lease) = 0;
  virtual void FinishHost(int64_t slot) = 0;
  // No request to `host` starts within `pause_ms` from now (a later pause
  // only extends).
  virtual void PauseHost(const std::string& host, int64_t pause_ms) = 0;

  // --- Retention (prune.cc, docs/storage.md "Retention") ---
  // Deletes what lies beyond the newest `keep_runs` runs of each article
  // (their citations, quotes, and whole runs no kept article needs: fetches
  // and finished jobs), then page texts and cached verdicts no fetch
  // references, then reclaims the space (incremental vacuum). Runs running,
  // interrupted or owned by a queued job are never pruned. Each "broken
  // since" streak is summarized before its runs go (PrunedStreakOf). Works
  // in short transactions: other writers get the lock between them, and a
  // prune stopped at any point leaves a consistent database that the next
  // prune finishes. A dry run only counts.
  virtual PruneReport Prune(const PruneOptions& options) = 0;
  // The summary of `normalized_url`'s streak in the article's pruned runs.
  virtual PrunedStreak PrunedStreakOf(int64_t article_id, const std::string& normalized_url) = 0;
  // --- Reviews (reviews.cc; docs/review.md) ---
  // Callers record decisions through lib/review RecordReview, which finds
  // the item and what it was decided on; these are its storage.
  // Appends a decision (state accepted, rejected or cleared; `at` empty:
  // now) and returns it as stored, id and `at` set. Earlier decisions stay.
  virtual ReviewRow SaveReview(const ReviewRow& row) = 0;
  // The decision in force for every key of the article (article_id 0: of
  // every article): the newest row of each key, cleared ones left out. By key.
  virtual std::vector<ReviewRow> CurrentReviews(int64_t article_id) = 0;
  // Every decision on `key`, oldest first.
  virtual std::vector<ReviewRow> ReviewHistory(const std::string& key) = 0;
  // Every article with at least one run, by id: where a key may be found.
  virtual std::vector<int64_t> CheckedArticles() = 0;
  // --- Web interface sessions (web_sessions.cc; docs/web.md) ---
  // Stored by the SHA-256 of the cookie's secret, so the database alone
  // signs nobody in. Times are Unix seconds.
  virtual void SaveWebSession(const WebSession& session) = 0;
  // The session whose secret hashes to `id_hash`, expired or not.
  virtual std::optional<WebSession> FindWebSession(const std::string& id_hash) = 0;
  // Sign-out; and removal of sessions expired before `now`.
  virtual void DeleteWebSession(const std::string& id_hash) = 0;
  virtual int DeleteExpiredWebSessions(int64_t now) = 0;

  // --- The daemon's instance lock (instance_lock.cc; docs/api.md "Lifecycle") ---
  // How a daemon holds its database: alone (SQLite: an flock on
  // "<db>.lock", held until this Store is destroyed; nullopt, with *error
  // naming the holder's lock, when another process holds it), or shared
  // with other daemons (PostgreSQL: an advisory lock held shared, which
  // only keeps out a daemon from before scale-out; leases and heartbeats
  // coordinate the workers, docs/scale-out.md).
  virtual std::optional<InstanceMode> LockInstance(std::string* error) = 0;

  // Whether the store's connection is gone for good (PostgreSQL: the server
  // closed it); every call on it fails, so a holder that keeps stores
  // (a pool) drops it and opens another. Never true on SQLite.
  virtual bool Broken() const = 0;

  virtual ~Store() = default;

 protected:
  Store() = default;
  // WriteBatch's transaction: BeginBatch returns false when a batch is open
  // already (the new one joins it); RollbackBatch never throws.
  virtual bool BeginBatch() = 0;
  virtual void CommitBatch() = 0;
  virtual void RollbackBatch() noexcept = 0;
};

// SHA-256 of `bytes` in hex: how page texts and fetched bodies are keyed.
std::string ContentHash(std::string_view bytes);

// $XDG_DATA_HOME/citecheck/citecheck.db, else ~/.local/share/citecheck/citecheck.db
// (a relative XDG_DATA_HOME is ignored, as the XDG spec asks).
std::string DefaultDatabasePath();

// Where files that go with database `db` live on this machine (the
// daemon's token): the SQLite file's directory ("" for the current one),
// or for a server URL the directory of DefaultDatabasePath().
std::string LocalStateDirectory(const std::string& db);

}  // namespace citecheck

#endif  // CITECHECK_STORE_STORE_H_
