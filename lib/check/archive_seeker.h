// Archived copies in a check run (SPEC "Archived copies"; docs/fetching.md
// "Archived copies"): which citations want one, the TimeGate lookups and
// memento fetches they become, and the verdicts of the quotes held until the
// copy is read. The fetch thread asks it which requests to add to the running
// loop (RunHooks::follow_ups and ::request), so archive traffic overlaps the
// live fetches; everything else runs on the pipeline's saving thread.
#ifndef CITECHECK_CHECK_ARCHIVE_SEEKER_H_
#define CITECHECK_CHECK_ARCHIVE_SEEKER_H_

#include <atomic>
#include <ctime>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "check/page_done.h"
#include "check/quote_ledger.h"
#include "config/config.h"
#include "core/types.h"
#include "fetch/fetcher.h"
#include "store/store.h"

namespace citecheck {

// Where the seeker's outcomes go (the pipeline's store and ledger).
struct ArchiveSink {
  std::function<void(size_t article, size_t citation, const CitationArchive&)> save_archive;
  std::function<void(const QuoteRef&, Verdict)> record;
};

class ArchiveSeeker {
 public:
  // `store` is used from the saving thread only. `now` dates lookups of
  // citations without an access date.
  ArchiveSeeker(const ArchiveConfig& config, const MatchOptions& match, const QuoteLedger& ledger,
                Store& store, ArchiveSink sink, std::time_t now);

  // Once every article is in the ledger, before fetching: `live_pages` is
  // how many live pages the run will hand to OnLivePage.
  void Start(size_t live_pages);

  // --- Fetch thread ---
  // True for a URL the seeker asked for (its result goes to OnArchivePage).
  bool Owns(const std::string& url) const;
  std::optional<RequestOptions> RequestFor(const std::string& url) const;
  // RunHooks::follow_ups: hands over the requests queued since the last call.
  // `may_wait`: the caller's last batch, which may wait for more; otherwise
  // it returns false (the next batch's loop takes the rest).
  bool TakeFollowUps(std::vector<std::string>* urls, bool may_wait);
  // RunHooks::hand_back: requests a batch took but did not start, for the
  // next batch's TakeFollowUps (they stay outstanding).
  void HandBack(std::vector<std::string> urls);
  // Stop waiting for more (a stop was requested, or the run failed).
  void Close() { closed_ = true; }

  // --- Saving thread ---
  // A live page was matched: its verdicts that wait for a copy are held,
  // the rest go to the sink.
  void OnLivePage(PageDone& done);
  // The result of a request Owns() names, extracted by a parse worker.
  void OnArchivePage(PageDone& done);
  // The run ends before some copies were read: their held verdicts go to
  // the sink as the live page decided them. Returns how many were not read.
  size_t Flush();

 private:
  struct Need {
    QuoteRef citation;  // quote unused: the article's citation this copy is for
    bool live_ok = false;
    std::vector<std::pair<QuoteRef, Verdict>> held;
  };
  // One request: a TimeGate lookup, or a memento's bytes.
  struct Target {
    bool lookup = false;
    std::string shown_url;  // the copy as a reader opens it (memento targets)
    std::string from;       // "article" | "lookup"
    std::vector<Need> needs;
  };

  bool WantsCopy(const Citation& citation, LinkStatus live, const std::vector<Verdict*>& verdicts) const;
  void Seek(Need need);
  void Want(const std::string& url, Target target);
  void Enqueue(const std::string& url, const std::string& accept_datetime);
  void FromLookup(Target target, const FetchResult& lookup, const std::optional<PageText>& page);
  void Resolve(Target& target, const std::optional<StoredMemento>& memento, CitationArchive archive);
  Verdict Decide(const Need& need, const QuoteRef& ref, Verdict live, const PageOutcome* copy,
                 const CitationArchive& archive) const;
  void Finished();

  const ArchiveConfig& config_;
  const MatchOptions& match_;
  const QuoteLedger& ledger_;
  Store& store_;
  ArchiveSink sink_;
  std::time_t now_;
  // Citations by normalized URL: every citation a live page decides.
  std::map<std::string, std::vector<QuoteRef>> citations_by_url_;
  std::map<std::string, Target> targets_;  // requests in flight, by URL

  mutable std::mutex mutex_;  // guards the three below (fetch thread and saving thread)
  std::vector<std::string> queued_;
  std::set<std::string> owned_;
  std::map<std::string, std::string> accept_datetime_;  // lookups by URL
  std::atomic<size_t> outstanding_{0};  // live pages not yet seen + requests not yet answered
  std::atomic<bool> closed_{false};
};

}  // namespace citecheck

#endif  // CITECHECK_CHECK_ARCHIVE_SEEKER_H_
