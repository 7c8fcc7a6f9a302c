#include "check/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <variant>

#include "article/reader.h"
#include "check/archive_seeker.h"
#include "check/host_batches.h"
#include "check/page_done.h"
#include "check/page_reuse.h"
#include "check/quote_ledger.h"
#include "check/resume.h"
#include "check/stage_threads.h"
#include "check/work_queue.h"
#include "core/url.h"
#include "report/latest_changes.h"

namespace citecheck {
namespace {

// A TimeGate's answer or a memento's bytes, fetched for the archive seeker.
struct ArchiveFetch {
  FetchResult fetch;
};

// A fetch another worker committed for this run (a shared run).
struct PeerFetch {
  StoredFetch stored;
};

// What a parse worker is handed: a page just fetched, one a resumed run
// committed before, one another worker fetched, or an archive request's result.
using PageWork = std::variant<FetchResult, StoredFetch, PeerFetch, ArchiveFetch>;

// The most URLs a shared run's worker claims at once, in batches.
constexpr size_t kMaxClaimBatches = 4;

// How long a shared run's worker waits before looking again for the fetches
// other workers still hold, once no task is left to claim.
constexpr auto kPeerPollInterval = std::chrono::milliseconds(100);

bool HasError(const Article& article) {
  return std::any_of(article.diagnostics.begin(), article.diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::kError; });
}

class Run {
 public:
  Run(const Config& config, Store& store, Fetcher& fetcher, const std::string& trigger,
      const std::function<void(const Progress&)>& on_progress, const RunControl& control)
      : config_(config),
        store_(store),
        fetcher_(fetcher),
        trigger_(trigger),
        on_progress_(on_progress),
        control_(control),
        reuse_(config.fetch.cache_max_age_s, config.match, config.fetch.max_body_bytes),
        archive_(config.archive, config.match, ledger_, store, ArchiveSinkOf(), std::time(nullptr)) {}

  CheckRun Execute(const std::vector<ArticleInput>& inputs) {
    const bool resuming = control_.resume_run_id != 0;
    if (resuming) {
      result_.run_id = control_.resume_run_id;
      store_.ReopenRun(result_.run_id);
    } else {
      result_.run_id = store_.BeginRun(trigger_);
    }
    if (control_.on_run_started) control_.on_run_started(result_.run_id);
    for (const ArticleInput& input : inputs) ReadAndSave(input);
    urls_ = ledger_.Urls();
    std::vector<StoredFetch> committed;
    if (resuming) committed = TakeCommittedFetches(store_, result_.run_id, &urls_);
    result_.reused_fetches = static_cast<int>(committed.size());
    reuse_.Load(store_, urls_);
    archive_.Start(urls_.size() + committed.size());
    if (Shared()) {
      ShareUrls();
    } else {
      batches_ = HostRoundBatches(urls_, BatchSize());
    }
    FetchMatchAndSave(std::move(committed));
    // A stop that left archived copies unread (handed back by the last
    // batch, or never asked for) interrupts the run too: a resume reads them.
    const bool all_fetched = fetched_batches_ == batches_.size() && (!Shared() || shared_done_);
    result_.interrupted = (StopRequested() && (!all_fetched || archive_unread_)) || shared_incomplete_;
    // Claims a stop or a failure left unfetched go to the next claimer.
    if (Shared()) store_.ReleaseUrlTasks(result_.run_id, control_.share.owner);
    store_.FinishRun(result_.run_id, result_.interrupted ? RunState::kInterrupted : RunState::kDone);
    // Once, here, rather than by every report that shows them.
    StoreChangesOfRun(store_, result_.run_id);
    return result_;
  }

 private:
  bool StopRequested() const { return control_.stop != nullptr && control_.stop->load(); }
  bool Shared() const { return !control_.share.owner.empty() && control_.stop != nullptr; }

  // The URLs go to the database as tasks, in rounds over the hosts; a URL
  // with credentials stays with this worker (batches_), which fetches it
  // first, so that the database never holds them.
  void ShareUrls() {
    std::vector<std::string> shared;
    std::vector<std::string> local;
    for (std::vector<std::string>& batch : HostRoundBatches(urls_, BatchSize())) {
      // Whole rounds over the hosts, but never so many that one claim takes
      // a run over thousands of hosts (a round of thousands) from the others.
      if (claim_size_ == 0) claim_size_ = static_cast<int>(std::min(batch.size(), kMaxClaimBatches * BatchSize()));
      for (std::string& url : batch) (RedactUrlCredentials(url) == url ? shared : local).push_back(std::move(url));
    }
    if (!local.empty()) batches_ = HostRoundBatches(local, BatchSize());
    // Tasks this worker held in an earlier claim of the run are free again.
    store_.ReleaseUrlTasks(result_.run_id, control_.share.owner);
    store_.QueueUrlTasks(result_.run_id, shared);
    shared_.insert(shared.begin(), shared.end());
    std::lock_guard<std::mutex> lock(awaited_mu_);
    awaited_ = shared_;
  }

  // The fewest URLs handed to the fetcher at once (batches are whole rounds
  // over the hosts: check/host_batches.h). Without a way to stop, one batch:
  // a batch boundary waits for the batch's slowest transfer.
  size_t BatchSize() const {
    if (control_.stop == nullptr) return std::max<size_t>(urls_.size(), 1);
    if (control_.batch_size > 0) return static_cast<size_t>(control_.batch_size);
    return DefaultBatchSize(config_.fetch);
  }

  // Reads one article and saves it with the quotes decided without a page,
  // so that even a run interrupted before any fetch shows them.
  void ReadAndSave(const ArticleInput& input) {
    ArticleOptions options;
    options.min_quote_words = config_.min_quote_words;
    options.format = ArticleFormatOf(input);  // a stored or served media type decides
    Article article = ReadArticle(input.bytes, input.source, options);
    article.source = input.source;
    for (const Diagnostic& d : article.diagnostics) result_.diagnostics.push_back(d);
    Store::WriteBatch batch(store_);
    const int64_t article_id = store_.UpsertArticle(input.identity, input.source);
    store_.SaveArticle(result_.run_id, article_id, article);
    if (HasError(article)) {
      result_.input_error = true;  // stored with its diagnostics, not checked
    } else {
      std::vector<DecidedQuote> decided;
      ledger_.AddArticle(std::move(article), &decided);
      article_ids_.push_back(article_id);
      for (const DecidedQuote& d : decided) SaveDecided(d);
    }
    batch.Commit();
  }

  // The archive seeker's outcomes, on the saving thread.
  ArchiveSink ArchiveSinkOf() {
    ArchiveSink sink;
    sink.save_archive = [this](size_t article, size_t citation, const CitationArchive& archive) {
      store_.SaveCitationArchive(result_.run_id, article_ids_[article], static_cast<int>(citation), archive);
    };
    sink.record = [this](const QuoteRef& ref, Verdict verdict) {
      if (std::optional<DecidedQuote> decided = ledger_.Record(ref, std::move(verdict))) SaveDecided(*decided);
    };
    return sink;
  }

  void SaveDecided(const DecidedQuote& decided) {
    store_.SaveVerdict(result_.run_id, article_ids_[decided.article], static_cast<int>(decided.quote),
                       decided.verdict);
  }

  // fetch thread ─PageWork─► parse workers ─PageDone─► this thread (the store)
  void FetchMatchAndSave(std::vector<StoredFetch> committed) {
    WorkQueue<PageWork> fetched;
    WorkQueue<PageDone> parsed;
    RunFailure failure;
    for (StoredFetch& stored : committed) fetched.Push(std::move(stored));
    RunHooks hooks;
    hooks.validators = [this](const std::string& url) { return reuse_.ConditionalValidators(url); };
    // Fetched bodies wait for a parser in memory; when parsing lags behind
    // the network, new transfers wait instead (running ones go on).
    hooks.may_start = [&fetched] { return fetched.Size() < kMaxWaitingBodies; };
    // A run whose results cannot be stored stops fetching at once.
    hooks.abandon = [&failure] { return failure.failed(); };
    // Archived copies are fetched by the same loop as the live pages.
    hooks.request = [this](const std::string& url) { return archive_.RequestFor(url); };
    hooks.follow_ups = [this, &failure](std::vector<std::string>* more) {
      if (StopRequested() || failure.failed()) archive_.Close();
      return archive_.TakeFollowUps(more, last_batch_);
    };
    // A batch's live URLs done, the archive requests it has not started go
    // to the next batch: live hosts never wait for the one archive host.
    hooks.hand_back = [this](std::vector<std::string> urls) { archive_.HandBack(std::move(urls)); };
    fetcher_.SetRunHooks(std::move(hooks));
    std::thread fetch_thread([&] { FetchThread(fetched, failure); });
    unsigned worker_count = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> workers = StartWorkers(worker_count, fetched, parsed, failure, [this] {
      // Each worker reads stored pages through a connection of its own.
      return [this, reader = std::unique_ptr<Store>()](PageWork work) mutable { return Parse(std::move(work), reader); };
    });
    RunGuarded(failure, [&] { SaveLoop(parsed, failure); });
    while (parsed.Pop()) {
    }  // after a failure: let the workers finish
    fetch_thread.join();
    for (std::thread& w : workers) w.join();
    fetcher_.SetRunHooks({});  // they refer to this frame
    failure.RethrowIfFailed();
    // Copies not read (a stop): their quotes keep the live page's verdicts.
    Store::WriteBatch batch(store_);
    archive_unread_ = archive_.Flush() > 0;
    batch.Commit();
  }

  void FetchThread(WorkQueue<PageWork>& fetched, RunFailure& failure) {
    RunGuarded(failure, [&] {
      auto fetch = [&](const std::vector<std::string>& urls) {
        fetcher_.FetchAll(urls, [&](FetchResult r) {
          if (archive_.Owns(r.url)) {
            fetched.Push(ArchiveFetch{std::move(r)});
          } else {
            fetched.Push(std::move(r));
          }
        });
      };
      for (size_t i = 0; i < batches_.size(); ++i) {
        if (StopRequested() || failure.failed()) break;
        last_batch_ = !Shared() && i + 1 == batches_.size();
        fetch(batches_[i]);
        ++fetched_batches_;
      }
      if (Shared() && fetched_batches_ == batches_.size()) FetchShared(fetched, failure, fetch);
    });
    fetched.Close();
  }

  // A shared run's fetching: batches claimed from the run's tasks, beside
  // the other workers, until no task is left; then a last batch for the
  // archived copies still wanted. Meanwhile a thread of its own reads back
  // the fetches the others commit, so that the fetching never waits for
  // those reads. Each thread claims and reads through a connection of its own.
  template <typename Fetch>
  void FetchShared(WorkQueue<PageWork>& fetched, RunFailure& failure, const Fetch& fetch) {
    std::atomic<bool> claiming_over{false};
    std::thread reader([&] {
      RunGuarded(failure, [&] {
        std::unique_ptr<Store> reads = store_.OpenAnother();
        while (!claiming_over && !failure.failed()) {
          TakePeerFetches(*reads, fetched);
          std::this_thread::sleep_for(kPeerPollInterval);
        }
        TakePeerFetches(*reads, fetched);  // what came before every task was done
      });
    });
    RunGuarded(failure, [&] { ClaimAndFetch(failure, fetch); });
    claiming_over = true;
    reader.join();
    if (!shared_done_ || failure.failed()) return;
    {
      std::lock_guard<std::mutex> lock(awaited_mu_);
      // Every task is done, so each URL was saved here or read back; one
      // that was not (its fetch row gone) is left for a resume.
      shared_incomplete_ = !awaited_.empty();
    }
    last_batch_ = true;
    fetch({});
  }

  // Sets shared_done_ once the run has no task left that is not done.
  template <typename Fetch>
  void ClaimAndFetch(RunFailure& failure, const Fetch& fetch) {
    std::unique_ptr<Store> claims = store_.OpenAnother();
    const int64_t run = result_.run_id;
    for (;;) {
      if (StopRequested() || failure.failed()) return;
      UrlTaskBatch batch = claims->ClaimUrlTasks(run, claim_size_, control_.share);
      if (!batch.urls.empty()) {
        fetch(batch.urls);
        continue;
      }
      if (claims->CountPendingUrlTasks(run) == 0) break;
      // Others hold the rest: the archive requests queued meanwhile start
      // (an empty batch runs only follow-ups), then look again.
      const auto next = std::chrono::steady_clock::now() + kPeerPollInterval;
      fetch({});
      std::this_thread::sleep_until(next);
    }
    shared_done_ = true;
  }

  // The fetches other workers committed since the last look, for URLs this
  // run still awaits, to the parse workers.
  void TakePeerFetches(Store& claims, WorkQueue<PageWork>& fetched) {
    for (const std::string& url : claims.TakeFinishedUrlTasks(result_.run_id, control_.share.owner)) {
      {
        std::lock_guard<std::mutex> lock(awaited_mu_);
        if (awaited_.erase(url) == 0) continue;  // saved here, or read back before
      }
      if (std::optional<StoredFetch> stored = claims.CommittedFetch(result_.run_id, url)) {
        fetched.Push(PeerFetch{std::move(*stored)});
      } else {
        std::lock_guard<std::mutex> lock(awaited_mu_);
        awaited_.insert(url);
      }
    }
  }

  // On a worker: the page's verdicts, from a fresh extraction, the stored
  // copy of an unchanged page, or a resumed run's committed fetch.
  PageDone Parse(PageWork work, std::unique_ptr<Store>& reader) {
    PageDone done;
    if (auto* stored = std::get_if<StoredFetch>(&work)) {
      done = FromStored(std::move(*stored), config_.fetch.max_body_bytes);
    } else if (auto* peer = std::get_if<PeerFetch>(&work)) {
      done = FromStored(std::move(peer->stored), config_.fetch.max_body_bytes);
      done.by_peer = true;
    } else if (auto* copy = std::get_if<ArchiveFetch>(&work)) {
      const int64_t cap = BodyCapOf(copy->fetch, config_.fetch);  // before the move
      done = ParsePage(std::move(copy->fetch), cap);
      done.archive = true;
      return done;  // its quotes are matched by the seeker, which holds them
    } else {
      FetchResult& fetch = std::get<FetchResult>(work);
      if (reuse_.IsUnchanged(&fetch)) {
        if (!reader) reader = store_.OpenAnother();
        return reuse_.Reuse(std::move(fetch), *reader, ledger_);
      }
      // The cap the body was fetched under, named if a quote is not found in a cut body.
      const int64_t cap = BodyCapOf(fetch, config_.fetch);  // before the move
      done = ParsePage(std::move(fetch), cap);
    }
    MatchCitingQuotes(&done, ledger_, config_.match);
    return done;
  }

  // The store is used from this thread only. Pages that finished while the
  // last batch was written go into one transaction: a commit per page would
  // bound a warm run (all 304s) by commits, not by the network. Progress is
  // reported once the batch is committed: a page counted as done is in the
  // database.
  void SaveLoop(WorkQueue<PageDone>& parsed, RunFailure& failure) {
    Progress progress;
    progress.total = static_cast<int>(urls_.size());
    while (std::optional<PageDone> done = parsed.Pop()) {
      std::vector<LinkStatus> saved;  // fetched in this run (not resumed): progress
      std::exception_ptr error;
      {
        Store::WriteBatch batch(store_);
        for (size_t pages = 1; done; ++pages) {
          try {
            if (done->archive) {
              archive_.OnArchivePage(*done);
              done = pages < kMaxPagesPerCommit ? parsed.TryPop() : std::nullopt;
              continue;
            }
            if (!SavePage(*done)) {
              done = pages < kMaxPagesPerCommit ? parsed.TryPop() : std::nullopt;
              continue;
            }
          } catch (...) {
            error = std::current_exception();  // the pages before it are still committed
            break;
          }
          if (!done->stored || done->by_peer) saved.push_back(done->fetch.status);
          done = pages < kMaxPagesPerCommit ? parsed.TryPop() : std::nullopt;
        }
        batch.Commit();
      }
      for (LinkStatus status : saved) {
        ++progress.done;
        if (IsLinkProblem(status)) ++progress.failed;
        if (on_progress_) on_progress_(progress);
      }
      if (error) std::rethrow_exception(error);
      if (failure.failed()) return;  // another stage failed: the run is over
    }
  }

  // False when the page is not this worker's to save: another worker took
  // its task over and commits its own fetch, which decides the quotes.
  bool SavePage(PageDone& done) {
    if (!done.stored && !TakeOwnTask(done.fetch.url)) return false;
    if (done.text_unchanged && !done.known_content_hash.empty()) ++result_.unchanged_pages;
    if (!done.stored) {
      std::string hash = store_.SaveFetch(result_.run_id, done.fetch, done.page, done.detected_language,
                                          done.outcome.no_text_reason, done.known_content_hash);
      // Verdicts decided on a text serve the next run over the same text.
      if (done.outcome.page && !hash.empty() && !done.verdicts_from_cache && !done.verdicts.empty()) {
        std::vector<std::pair<std::string, Verdict>> by_quote;
        for (const auto& [ref, verdict] : done.verdicts) by_quote.emplace_back(ledger_.QuoteText(ref), verdict);
        store_.CacheVerdicts(hash, reuse_.verdict_key(), by_quote);
      }
    }
    archive_.OnLivePage(done);  // records the verdicts, or holds them for a copy
    return true;
  }

  // Before saving a page this worker fetched: in a shared run, its task
  // ends here, in the page's transaction, if this worker still holds it.
  bool TakeOwnTask(const std::string& url) {
    if (!Shared() || shared_.count(url) == 0) return true;
    if (!store_.FinishUrlTask(result_.run_id, url, control_.share.owner)) return false;
    std::lock_guard<std::mutex> lock(awaited_mu_);
    awaited_.erase(url);
    return true;
  }

  const Config& config_;
  Store& store_;
  Fetcher& fetcher_;
  std::string trigger_;
  std::function<void(const Progress&)> on_progress_;
  RunControl control_;
  CheckRun result_;
  QuoteLedger ledger_;                // read by the workers once fetching starts
  std::vector<int64_t> article_ids_;  // store ids, by ledger article index
  std::vector<std::string> urls_;     // to fetch, sorted
  std::vector<std::vector<std::string>> batches_;  // urls_, as handed to the fetcher
  PageReuse reuse_;                   // read-only once fetching starts
  std::atomic<size_t> fetched_batches_{0};
  ArchiveSeeker archive_;             // after ledger_, which it reads
  std::atomic<bool> last_batch_{false};
  bool archive_unread_ = false;  // the run ended with archived copies not read
  // A shared run (RunControl::share): its URLs queued as tasks (immutable
  // once fetching starts), those not yet saved here or read back (guarded:
  // the saving and the fetch thread), and how many one claim asks for.
  std::unordered_set<std::string> shared_;
  std::mutex awaited_mu_;
  std::unordered_set<std::string> awaited_;
  int claim_size_ = 0;
  std::atomic<bool> shared_done_{false};       // every task done
  std::atomic<bool> shared_incomplete_{false};  // ... yet some URL neither saved nor read back
};

}  // namespace

CheckRun RunCheck(const std::vector<ArticleInput>& inputs, const Config& config, Store& store,
                  Fetcher& fetcher, const std::string& trigger,
                  const std::function<void(const Progress&)>& on_progress) {
  return RunCheck(inputs, config, store, fetcher, trigger, on_progress, RunControl{});
}

CheckRun RunCheck(const std::vector<ArticleInput>& inputs, const Config& config, Store& store,
                  Fetcher& fetcher, const std::string& trigger,
                  const std::function<void(const Progress&)>& on_progress, const RunControl& control) {
  Run run(config, store, fetcher, trigger, on_progress, control);
  return run.Execute(inputs);
}

}  // namespace citecheck
