// The Store over a SQL database (docs/storage.md "The database"): one set
// of queries on an sql::Connection, SQLite (one file, WAL mode,
// synchronous=NORMAL, busy timeout 10 s) or PostgreSQL (a postgresql://
// URL). Every Save* is one write transaction, or a savepoint inside a
// WriteBatch's. What each method does is documented on Store.
#ifndef CITECHECK_STORE_SQL_STORE_H_
#define CITECHECK_STORE_SQL_STORE_H_

#include <memory>
#include <string>

#include "store/store.h"

namespace citecheck {

class SqlStore final : public Store {
 public:
  // Opens `database`: a postgresql:// (or postgres://) URL, else the SQLite
  // file at that path, created with its parent directories when missing;
  // and migrates its schema forward.
  static std::unique_ptr<SqlStore> Open(const std::string& database);
  static int SchemaVersion();  // the SQLite version this binary migrates to
  ~SqlStore() override;

  std::unique_ptr<Store> OpenAnother() const override;
  int64_t UpsertArticle(const std::string& identity, const std::string& source) override;
  int64_t BeginRun(const std::string& trigger) override;
  void SaveArticle(int64_t run_id, int64_t article_id, const Article& article) override;
  std::string SaveFetch(int64_t run_id, const FetchResult& result, const std::optional<PageText>& page, const std::string& detected_language, const std::string& no_text_reason, const std::string& known_content_hash) override;
  void SaveVerdict(int64_t run_id, int64_t article_id, int quote_index, const Verdict& verdict) override;
  void FinishRun(int64_t run_id, RunState state) override;
  RunRecord LoadRun(int64_t run_id) override;
  std::optional<int64_t> LatestRun() override;
  RunRecord LoadRunArticle(int64_t run_id, int64_t article_id) override;
  RunRecord LoadRunArticleStatuses(int64_t run_id, int64_t article_id) override;
  void SaveMemento(const StoredMemento& memento) override;
  std::optional<StoredMemento> FindMemento(const std::string& url) override;
  void SaveCitationArchive(int64_t run_id, int64_t article_id, int citation_index, const CitationArchive& archive) override;
  int64_t RegisterArticle(const std::string& identity, const std::string& source, const std::string& kind, const std::string& body, const std::string& media_type) override;
  std::vector<ArticleEntry> ListRegistered(int64_t after_id, int limit) override;
  std::vector<RegisteredWithRun> ListRegisteredWithLatestRun(int64_t after_id, int limit) override;
  std::optional<ArticleEntry> FindArticle(int64_t id) override;
  std::optional<ArticleEntry> FindArticleBySource(const std::string& identity_or_source) override;
  bool UnregisterArticle(int64_t id) override;
  std::vector<RunRef> RunsOfArticle(int64_t article_id, int limit, int64_t before_run) override;
  std::vector<LinkHistoryEntry> LinkHistory(int64_t article_id, const std::string& normalized_url, int64_t up_to_run, int limit) override;
  void ScanRunPair(int64_t latest, int64_t previous, const std::vector<int64_t>& article_ids, const std::function<void(ArticleRecord& latest, const ArticleRecord* previous)>& visit) override;
  void SaveRunChanges(int64_t run_id, const std::vector<RunChanges>& rows) override;
  std::vector<int64_t> ReadRunChanges(int64_t run_id, const std::vector<int64_t>& article_ids, const std::function<void(ArticleRecord& article, int problems)>& visit) override;
  std::vector<StoredFetch> CommittedFetches(int64_t run_id) override;
  std::vector<int64_t> ArticlesOfRun(int64_t run_id) override;
  std::optional<int64_t> FindResumableRun(const std::string& trigger) override;
  void ReopenRun(int64_t run_id) override;
  std::optional<RunRef> FindRun(int64_t run_id) override;
  int InterruptRunningRuns(const std::string& trigger) override;
  std::optional<Validators> FindCachedValidators(const std::string& url, int64_t max_age_s) override;
  std::optional<StoredFetch> FindCachedPage(const std::string& url, bool with_text) override;
  std::optional<Verdict> FindCachedVerdict(const std::string& content_hash, const std::string& quote, const std::string& options_key) override;
  void CacheVerdicts(const std::string& content_hash, const std::string& options_key, const std::vector<std::pair<std::string, Verdict>>& quote_verdicts) override;
  Job EnqueueArticleJob(int64_t article_id) override;
  Job EnqueueAllJob() override;
  std::optional<Job> ClaimNextJob(const JobLease& lease) override;
  void SetJobRun(int64_t job_id, int64_t run_id) override;
  bool FinishJob(int64_t job_id, const std::string& owner, JobState state, const std::string& error) override;
  std::optional<Job> GetJob(int64_t job_id) override;
  int RequeueRunningJobs() override;
  int RescueLapsedWork() override;
  int64_t CountJobs(JobState state) override;
  std::optional<std::string> GetDaemonState(const std::string& key) override;
  void SetDaemonState(const std::string& key, const std::string& value) override;
  std::optional<Job> FireSchedule(const std::string& key, const std::string& expected,
                                  const std::string& fired) override;
  void QueueUrlTasks(int64_t run_id, const std::vector<std::string>& urls) override;
  UrlTaskBatch ClaimUrlTasks(int64_t run_id, int limit, const JobLease& lease) override;
  bool FinishUrlTask(int64_t run_id, const std::string& url, const std::string& owner) override;
  std::vector<std::string> TakeFinishedUrlTasks(int64_t run_id, const std::string& owner) override;
  int64_t CountPendingUrlTasks(int64_t run_id) override;
  void ReleaseUrlTasks(int64_t run_id, const std::string& owner) override;
  std::optional<StoredFetch> CommittedFetch(int64_t run_id, const std::string& url) override;
  std::vector<int64_t> HeartbeatWorker(const WorkerRow& worker, int lease_s) override;
  void RemoveWorker(const std::string& id) override;
  std::vector<WorkerRow> ListWorkers() override;
  HostStart TryStartHost(const std::string& host, int per_host, int64_t interval_ms, const JobLease& lease) override;
  void FinishHost(int64_t slot) override;
  void PauseHost(const std::string& host, int64_t pause_ms) override;
  PruneReport Prune(const PruneOptions& options) override;
  PrunedStreak PrunedStreakOf(int64_t article_id, const std::string& normalized_url) override;
  ReviewRow SaveReview(const ReviewRow& row) override;
  std::vector<ReviewRow> CurrentReviews(int64_t article_id) override;
  std::vector<ReviewRow> ReviewHistory(const std::string& key) override;
  std::vector<int64_t> CheckedArticles() override;
  void SaveWebSession(const WebSession& session) override;
  std::optional<WebSession> FindWebSession(const std::string& id_hash) override;
  void DeleteWebSession(const std::string& id_hash) override;
  int DeleteExpiredWebSessions(int64_t now) override;
  std::optional<InstanceMode> LockInstance(std::string* error) override;
  bool Broken() const override;

  struct Impl;

 protected:
  bool BeginBatch() override;
  void CommitBatch() override;
  void RollbackBatch() noexcept override;

 private:
  explicit SqlStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace citecheck

#endif  // CITECHECK_STORE_SQL_STORE_H_
