#include "check/pipeline.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "article/reader.h"
#include "check/page_done.h"
#include "check/quote_verdicts.h"
#include "check/work_queue.h"
#include "core/url.h"

namespace citecheck {
namespace {

// The verdicts still missing for one quote, by citation index.
struct PendingQuote {
  std::map<size_t, std::optional<Verdict>> by_citation;
  size_t missing = 0;
};

// Fetched bodies allowed to wait for a parser: bounds memory when the
// network outruns parsing (at ~100 KB a page, a few MB).
constexpr size_t kMaxWaitingBodies = 64;

// Results written in one transaction at most: enough to amortize the commit,
// few enough that a crash loses little and other writers wait little.
constexpr size_t kMaxPagesPerCommit = 256;

struct ArticleState {
  int64_t article_id = 0;
  Article article;
  bool checkable = false;
};

bool HasError(const Article& article) {
  return std::any_of(article.diagnostics.begin(), article.diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::kError; });
}

const Citation* FindCitation(const Article& article, const std::string& id, size_t* index) {
  for (size_t i = 0; i < article.citations.size(); ++i) {
    if (article.citations[i].id == id) {
      *index = i;
      return &article.citations[i];
    }
  }
  return nullptr;
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
        control_(control) {}

  CheckRun Execute(const std::vector<ArticleInput>& inputs) {
    if (control_.resume_run_id != 0) {
      result_.run_id = control_.resume_run_id;
      store_.ReopenRun(result_.run_id);
    } else {
      result_.run_id = store_.BeginRun(trigger_);
    }
    if (control_.on_run_started) control_.on_run_started(result_.run_id);
    for (const ArticleInput& input : inputs) ReadAndSave(input);
    IndexQuotes();
    DecideQuotesWithoutPages();
    if (control_.resume_run_id != 0) ReuseCommittedFetches();
    FetchAndMatch();
    result_.interrupted = StopRequested() && fetched_batches_ < batch_count_;
    store_.FinishRun(result_.run_id, result_.interrupted ? "interrupted" : "done");
    return result_;
  }

 private:
  bool StopRequested() const { return control_.stop != nullptr && control_.stop->load(); }

  // The URLs this run already committed are decided from the stored text
  // and taken off the list to fetch.
  void ReuseCommittedFetches() {
    std::vector<StoredFetch> committed = store_.CommittedFetches(result_.run_id);
    // The store keeps URLs without credentials; a cited URL with them is
    // found by its stored form, unless two cited URLs share that form.
    std::map<std::string, std::vector<std::string>> by_stored_form;
    for (const std::string& url : urls_) {
      std::string stored_form = RedactUrlCredentials(url);
      if (stored_form != url) by_stored_form[stored_form].push_back(url);
    }
    std::set<std::string> reused;
    Store::WriteBatch batch(store_);
    for (StoredFetch& stored : committed) {
      if (!std::binary_search(urls_.begin(), urls_.end(), stored.fetch.url)) {
        auto cited = by_stored_form.find(stored.fetch.url);
        if (cited == by_stored_form.end() || cited->second.size() != 1) continue;
        stored.fetch.url = cited->second.front();
      }
      PageDone done = FromStored(std::move(stored), config_.fetch.max_body_bytes);
      MatchQuotesOf(&done);
      SavePage(done);
      reused.insert(done.fetch.url);
    }
    batch.Commit();
    result_.reused_fetches = static_cast<int>(reused.size());
    urls_.erase(std::remove_if(urls_.begin(), urls_.end(),
                               [&](const std::string& url) { return reused.count(url) > 0; }),
                urls_.end());
  }

  void ReadAndSave(const ArticleInput& input) {
    ArticleOptions options;
    options.min_quote_words = config_.min_quote_words;
    ArticleState read;
    read.article = ReadArticle(input.bytes, input.source, options);
    read.article.source = input.source;
    read.checkable = !HasError(read.article);
    if (!read.checkable) result_.input_error = true;
    for (const Diagnostic& d : read.article.diagnostics) result_.diagnostics.push_back(d);
    read.article_id = store_.UpsertArticle(input.identity, input.source);
    store_.SaveArticle(result_.run_id, read.article_id, read.article);
    articles_.push_back(std::move(read));
  }

  // Builds url -> quotes citing it, and the pending citations of each quote.
  void IndexQuotes() {
    for (size_t a = 0; a < articles_.size(); ++a) {
      const Article& article = articles_[a].article;
      if (!articles_[a].checkable) continue;
      for (const Citation& c : article.citations) {
        if (!c.normalized_url.empty() && c.url_error.empty()) urls_.push_back(c.normalized_url);
      }
      for (size_t q = 0; q < article.quotes.size(); ++q) {
        const Quote& quote = article.quotes[q];
        if (quote.skipped || quote.citation_ids.empty()) continue;
        PendingQuote& pending = pending_[{a, q}];
        for (const std::string& id : quote.citation_ids) {
          size_t index = 0;
          const Citation* c = FindCitation(article, id, &index);
          if (c == nullptr) continue;
          pending.by_citation[index] = std::nullopt;
          if (!c->normalized_url.empty() && c->url_error.empty()) {
            by_url_[c->normalized_url].push_back({a, q, index});
          }
        }
        pending.missing = pending.by_citation.size();
      }
    }
    std::sort(urls_.begin(), urls_.end());
    urls_.erase(std::unique(urls_.begin(), urls_.end()), urls_.end());
  }

  // Skipped and uncited quotes, and citations that cannot be fetched, are
  // decided before any network traffic.
  void DecideQuotesWithoutPages() {
    Store::WriteBatch batch(store_);
    for (size_t a = 0; a < articles_.size(); ++a) {
      if (!articles_[a].checkable) continue;
      const Article& article = articles_[a].article;
      for (size_t q = 0; q < article.quotes.size(); ++q) {
        const Quote& quote = article.quotes[q];
        if (quote.skipped) {
          Verdict v;
          v.status = QuoteStatus::kSkipped;
          v.reason = quote.skip_reason;
          store_.SaveVerdict(result_.run_id, articles_[a].article_id, static_cast<int>(q), v);
          continue;
        }
        auto it = pending_.find({a, q});
        if (it == pending_.end() || it->second.by_citation.empty()) {
          Verdict v;
          v.status = QuoteStatus::kUncited;
          store_.SaveVerdict(result_.run_id, articles_[a].article_id, static_cast<int>(q), v);
          pending_.erase({a, q});
          continue;
        }
        for (auto& [index, verdict] : it->second.by_citation) {
          const Citation& c = article.citations[index];
          if (c.normalized_url.empty() || !c.url_error.empty()) {
            verdict = VerdictForCitation(quote.text, c, nullptr, config_.match);
            --it->second.missing;
          }
        }
        MaybeFinish(a, q);
      }
    }
    batch.Commit();
  }

  void MaybeFinish(size_t a, size_t q) {
    auto it = pending_.find({a, q});
    if (it == pending_.end() || it->second.missing != 0) return;
    std::vector<Verdict> verdicts;
    for (auto& [index, verdict] : it->second.by_citation) verdicts.push_back(*verdict);
    store_.SaveVerdict(result_.run_id, articles_[a].article_id, static_cast<int>(q),
                       CombineVerdicts(verdicts));
    pending_.erase(it);
  }

  void FetchAndMatch() {
    WorkQueue<FetchResult> fetched;
    WorkQueue<PageDone> parsed;
    const int64_t cap = config_.fetch.max_body_bytes;
    size_t batch = control_.batch_size > 0 ? static_cast<size_t>(control_.batch_size)
                                            : std::max<size_t>(64, 4 * static_cast<size_t>(config_.fetch.concurrency));
    if (control_.stop == nullptr) batch = std::max<size_t>(urls_.size(), 1);  // nothing to stop for
    batch_count_ = (urls_.size() + batch - 1) / batch;
    LoadValidators();
    // Fetched bodies wait for a parser in memory; when parsing lags behind
    // the network, new transfers wait instead (running ones go on).
    fetcher_.SetRunHooks(
        [this](const std::string& url) -> std::optional<Validators> {
          auto it = validators_.find(url);
          if (it == validators_.end() || (it->second.etag.empty() && it->second.last_modified.empty())) {
            return std::nullopt;
          }
          return Validators{it->second.etag, it->second.last_modified};
        },
        [&fetched] { return fetched.Size() < kMaxWaitingBodies; });
    std::thread fetch_thread([&] {
      for (size_t start = 0; start < urls_.size() && !StopRequested(); start += batch) {
        std::vector<std::string> chunk(urls_.begin() + start,
                                       urls_.begin() + std::min(urls_.size(), start + batch));
        fetcher_.FetchAll(chunk, [&](FetchResult r) { fetched.Push(std::move(r)); });
        ++fetched_batches_;
      }
      fetched.Close();
    });
    unsigned worker_count = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> workers;
    std::atomic<unsigned> running{worker_count};
    for (unsigned i = 0; i < worker_count; ++i) {
      workers.emplace_back([&] {
        while (auto r = fetched.Pop()) {
          PageDone done;
          if (r->not_modified || SameBodyAsStored(&*r)) {
            // Its text is in the store, which only the saving thread reads.
            done.text_unchanged = true;
            r->body.clear();
            r->body.shrink_to_fit();
            done.fetch = std::move(*r);
          } else {
            done = ParsePage(std::move(*r), cap);
            MatchQuotesOf(&done);
          }
          parsed.Push(std::move(done));
        }
        if (--running == 0) parsed.Close();
      });
    }
    // The store is used from this thread only. A store failure stops saving
    // but the queues are still drained so the threads can be joined.
    std::exception_ptr failure;
    Progress progress;
    progress.total = static_cast<int>(urls_.size());
    while (auto first = parsed.Pop()) {
      if (failure) continue;
      // Pages that finished while the last batch was written go into one
      // transaction: a commit per page would bound a warm run (all 304s) by
      // commits, not by the network. A page alone is committed at once.
      // Progress is reported once the batch is committed: a page counted as
      // done is in the database.
      std::vector<bool> failed_links;
      try {
        Store::WriteBatch batch(store_);
        std::optional<PageDone> done = std::move(first);
        while (done) {
          try {
            SavePage(*done);
          } catch (...) {
            failure = std::current_exception();  // the pages before it are still committed
            break;
          }
          failed_links.push_back(done->fetch.status != LinkStatus::kOk &&
                                 done->fetch.status != LinkStatus::kExcluded);
          done = failed_links.size() < kMaxPagesPerCommit ? parsed.TryPop() : std::nullopt;
        }
        batch.Commit();
      } catch (...) {
        if (!failure) failure = std::current_exception();
        continue;
      }
      for (bool failed : failed_links) {
        ++progress.done;
        if (failed) ++progress.failed;
        if (on_progress_) on_progress_(progress);
      }
    }
    fetch_thread.join();
    for (auto& w : workers) w.join();
    fetcher_.SetRunHooks(nullptr, nullptr);  // they refer to this frame
    if (failure) std::rethrow_exception(failure);
  }

  // On a worker: hashes an ok body and says whether it is the body the
  // stored text came from (servers without ETag / Last-Modified answer 200
  // every time). A truncated body is never taken for the whole page.
  bool SameBodyAsStored(FetchResult* r) const {
    if (r->status != LinkStatus::kOk || r->body.empty()) return false;
    r->body_hash = ContentHash(r->body);
    auto it = validators_.find(r->url);
    return !r->truncated && it != validators_.end() && it->second.body_hash == r->body_hash;
  }

  // Validators of the stored copies young enough to be revalidated rather
  // than fetched in full (fetch.cache_max_age_s; 0 turns this off).
  void LoadValidators() {
    validators_.clear();
    if (config_.fetch.cache_max_age_s <= 0) return;
    for (const std::string& url : urls_) {
      if (auto v = store_.FindCachedValidators(url, config_.fetch.cache_max_age_s)) validators_[url] = *v;
    }
  }

  // An unchanged page whose quotes were all decided on the same stored text
  // before: the verdicts are reused and the text is not even read. False
  // when any is missing (a new or changed quote), so the text must be
  // matched again.
  bool ReuseCachedVerdicts(PageDone* done) {
    std::optional<StoredFetch> cached = store_.FindCachedPage(done->fetch.url, /*with_text=*/false);
    if (!cached || !cached->page || cached->content_hash.empty()) return false;
    std::vector<std::pair<QuoteRef, Verdict>> verdicts;
    auto refs = by_url_.find(done->fetch.url);
    if (refs != by_url_.end()) {
      for (const QuoteRef& ref : refs->second) {
        const Article& article = articles_[ref.article].article;
        std::optional<Verdict> v =
            store_.FindCachedVerdict(cached->content_hash, article.quotes[ref.quote].text, options_key_);
        if (!v) return false;
        if (v->evidence) v->evidence->citation_id = article.citations[ref.citation].id;
        verdicts.emplace_back(ref, std::move(*v));
      }
    }
    done->verdicts = std::move(verdicts);
    done->verdicts_from_cache = true;
    done->known_content_hash = cached->content_hash;
    if (done->fetch.content_type.empty()) done->fetch.content_type = cached->fetch.content_type;
    done->fetch.truncated = cached->fetch.truncated;
    done->detected_language = cached->detected_language;
    done->page = std::move(cached->page);
    return true;
  }

  // A 304 or an unchanged body: the stored text stands for the page,
  // without extracting again.
  void ReuseCachedPage(PageDone* done) {
    std::optional<StoredFetch> cached = store_.FindCachedPage(done->fetch.url);
    done->outcome.link_status = done->fetch.status;
    done->outcome.http_status = done->fetch.http_status;
    done->outcome.max_body_bytes = config_.fetch.max_body_bytes;
    if (!cached || !cached->page) {
      done->outcome.no_text_reason = done->fetch.http_status == 304
                                         ? "304 Not Modified, but no stored copy of the page"
                                         : "the body is unchanged, but no stored copy of the page";
      return;
    }
    if (done->fetch.content_type.empty()) done->fetch.content_type = cached->fetch.content_type;
    done->fetch.truncated = cached->fetch.truncated;
    done->outcome.truncated = cached->fetch.truncated;
    auto prepared = std::make_shared<PreparedPage>(cached->page->text, cached->page->language);
    done->outcome.page = prepared;
    done->prepared = prepared;
    done->detected_language = cached->detected_language;
    done->known_content_hash = cached->content_hash;
    done->page = std::move(cached->page);
    MatchQuotesOf(done);
  }

  // On a worker: the verdict of every quote citing this page. Reads only
  // immutable state (articles_, by_url_), so no lock is needed.
  void MatchQuotesOf(PageDone* done) {
    auto it = by_url_.find(done->fetch.url);
    if (it == by_url_.end()) return;
    for (const QuoteRef& ref : it->second) {
      const Article& article = articles_[ref.article].article;
      Verdict v = VerdictForCitation(article.quotes[ref.quote].text, article.citations[ref.citation],
                                     &done->outcome, config_.match);
      done->verdicts.emplace_back(ref, std::move(v));
    }
  }

  void SavePage(PageDone& done) {
    if (done.text_unchanged) {
      if (!ReuseCachedVerdicts(&done)) ReuseCachedPage(&done);
      if (!done.known_content_hash.empty()) ++result_.unchanged_pages;
      // A 304 has no body: the hash of the one it stands for carries over.
      auto it = validators_.find(done.fetch.url);
      if (done.fetch.body_hash.empty() && it != validators_.end()) done.fetch.body_hash = it->second.body_hash;
    }
    if (!done.stored) {
      std::string hash = store_.SaveFetch(result_.run_id, done.fetch, done.page, done.detected_language,
                                          done.outcome.no_text_reason, done.known_content_hash);
      // Verdicts decided on a text serve the next run over the same text.
      if (done.outcome.page && !hash.empty() && !done.verdicts_from_cache && !done.verdicts.empty()) {
        std::vector<std::pair<std::string, Verdict>> by_quote;
        for (const auto& [ref, verdict] : done.verdicts) {
          by_quote.emplace_back(articles_[ref.article].article.quotes[ref.quote].text, verdict);
        }
        store_.CacheVerdicts(hash, options_key_, by_quote);
      }
    }
    for (const auto& [ref, verdict] : done.verdicts) {
      auto it = pending_.find({ref.article, ref.quote});
      if (it == pending_.end()) continue;
      auto slot = it->second.by_citation.find(ref.citation);
      // Two citations of one quote may share a URL; each slot is filled once.
      if (slot == it->second.by_citation.end() || slot->second) continue;
      slot->second = verdict;
      --it->second.missing;
      MaybeFinish(ref.article, ref.quote);
    }
  }

  const Config& config_;
  Store& store_;
  Fetcher& fetcher_;
  std::string trigger_;
  std::function<void(const Progress&)> on_progress_;
  RunControl control_;
  size_t batch_count_ = 0;
  std::atomic<size_t> fetched_batches_{0};
  CheckRun result_;
  std::vector<ArticleState> articles_;
  std::vector<std::string> urls_;
  std::map<std::string, std::vector<QuoteRef>> by_url_;
  std::map<std::string, CachedValidators> validators_;  // read-only once fetching starts
  // What cached verdicts depend on besides the page text and the quote.
  const std::string options_key_ = "near_threshold=" + std::to_string(config_.match.near_threshold);
  std::map<std::pair<size_t, size_t>, PendingQuote> pending_;
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
