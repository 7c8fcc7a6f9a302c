#include "check/archive_seeker.h"

#include <memory>

#include "archive/memento.h"
#include "check/quote_verdicts.h"
#include "core/url.h"

namespace citecheck {
namespace {

bool Holds(QuoteStatus status) { return status == QuoteStatus::kVerified || status == QuoteStatus::kNearMatch; }

std::string Described(const FetchResult& fetch) {
  std::string text(ToString(fetch.status));
  if (!fetch.error.empty()) text += " (" + fetch.error + ")";
  return text;
}

// The copy's date: the archive's Memento-Datetime, else a Wayback URL's timestamp.
std::string CopyDatetime(const FetchResult& fetch, const std::string& shown_url) {
  if (std::optional<std::string> parsed = ParseMementoDatetime(fetch.memento_datetime)) return *parsed;
  for (const std::string* url : {&fetch.url, &shown_url}) {
    if (std::optional<WaybackUrl> wayback = ParseWaybackUrl(*url)) {
      if (std::optional<std::string> when = WaybackTimestampDatetime(wayback->timestamp)) return *when;
    }
  }
  return "";
}

CitationArchive Failed(const FetchResult& fetch, std::string error) {
  CitationArchive archive;
  archive.http_status = fetch.http_status;
  archive.link_status = fetch.status == LinkStatus::kOk ? LinkStatus::kError : fetch.status;
  archive.error = std::move(error);
  return archive;
}

// A copy that was read: shown as `url`, dated and answered as `memento`.
CitationArchive ReadCopy(const std::string& url, const StoredMemento& memento) {
  CitationArchive archive;
  archive.url = url;
  archive.datetime = memento.datetime;
  archive.http_status = memento.http_status;
  archive.link_status = LinkStatus::kOk;
  return archive;
}

}  // namespace

ArchiveSeeker::ArchiveSeeker(const ArchiveConfig& config, const MatchOptions& match, const QuoteLedger& ledger,
                             Store& store, ArchiveSink sink, std::time_t now)
    : config_(config), match_(match), ledger_(ledger), store_(store), sink_(std::move(sink)), now_(now) {}

void ArchiveSeeker::Start(size_t live_pages) {
  outstanding_ = live_pages;
  for (size_t a = 0; a < ledger_.ArticleCount(); ++a) {
    const std::vector<Citation>& citations = ledger_.article(a).citations;
    for (size_t c = 0; c < citations.size(); ++c) {
      if (IsFetchable(citations[c])) citations_by_url_[citations[c].normalized_url].push_back({a, 0, c});
    }
  }
}

bool ArchiveSeeker::Owns(const std::string& url) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return owned_.count(url) > 0;
}

std::optional<RequestOptions> ArchiveSeeker::RequestFor(const std::string& url) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = accept_datetime_.find(url);
  if (it == accept_datetime_.end()) return std::nullopt;
  // The TimeGate's redirect names the memento; following it would fetch
  // the archive's own page (chrome included) instead of the original bytes.
  RequestOptions options;
  options.headers.push_back("Accept-Datetime: " + it->second);
  options.follow_redirects = false;
  return options;
}

bool ArchiveSeeker::TakeFollowUps(std::vector<std::string>* urls, bool may_wait) {
  if (closed_ || !config_.enabled) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::string& url : queued_) urls->push_back(std::move(url));
  queued_.clear();
  return may_wait && outstanding_ > 0;
}

void ArchiveSeeker::HandBack(std::vector<std::string> urls) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::string& url : urls) queued_.push_back(std::move(url));
}

bool ArchiveSeeker::WantsCopy(const Citation& citation, LinkStatus live,
                              const std::vector<Verdict*>& verdicts) const {
  if (!config_.enabled) return false;
  if (IsLinkProblem(live)) return true;
  if (live != LinkStatus::kOk || config_.when != ArchiveConfig::When::kDeadOrMissing) return false;
  // A quote missing from a live page is looked for in the copy of the day
  // the editor read it: only a citation that names that day (or its copy).
  if (citation.access_date.empty() && citation.archive_url.empty()) return false;
  for (const Verdict* v : verdicts) {
    if (!Holds(v->status)) return true;
  }
  return false;
}

void ArchiveSeeker::OnLivePage(PageDone& done) {
  std::map<std::pair<size_t, size_t>, Need> needs;
  auto cited = citations_by_url_.find(done.fetch.url);
  if (cited != citations_by_url_.end()) {
    for (const QuoteRef& citation : cited->second) {
      std::vector<Verdict*> verdicts;
      for (auto& [ref, verdict] : done.verdicts) {
        if (ref.article == citation.article && ref.citation == citation.citation) verdicts.push_back(&verdict);
      }
      if (WantsCopy(ledger_.CitationOf(citation), done.fetch.status, verdicts)) {
        needs[{citation.article, citation.citation}] = Need{citation, done.fetch.status == LinkStatus::kOk, {}};
      }
    }
  }
  for (auto& [ref, verdict] : done.verdicts) {
    auto need = needs.find({ref.article, ref.citation});
    if (need != needs.end() && !(need->second.live_ok && Holds(verdict.status))) {
      need->second.held.emplace_back(ref, std::move(verdict));
    } else {
      sink_.record(ref, std::move(verdict));
    }
  }
  done.verdicts.clear();
  for (auto& [key, need] : needs) Seek(std::move(need));
  Finished();
}

void ArchiveSeeker::Seek(Need need) {
  const Citation& citation = ledger_.CitationOf(need.citation);
  Target target;
  target.needs.push_back(std::move(need));
  if (!citation.archive_url.empty()) {
    std::string error;
    std::optional<std::string> url = NormalizeUrl(citation.archive_url, &error);
    target.from = "article";
    if (!url) {
      CitationArchive archive;
      archive.error = "archive-url: " + error;
      Resolve(target, std::nullopt, archive);
      return;
    }
    target.shown_url = *url;
    Want(OriginalBytesUrl(*url), std::move(target));
    return;
  }
  target.lookup = true;
  target.from = "lookup";
  const std::string url = config_.timegate + citation.normalized_url;
  if (targets_.count(url) == 0) {
    // Citations of one URL share its lookup, dated by the first one that
    // asks: the day the editor read the page, else the article's own date.
    const std::string& day =
        citation.access_date.empty() ? ledger_.article(target.needs.front().citation.article).date : citation.access_date;
    std::lock_guard<std::mutex> lock(mutex_);
    accept_datetime_[url] = AcceptDatetime(day, now_);
  }
  Want(url, std::move(target));
}

void ArchiveSeeker::Want(const std::string& url, Target target) {
  auto it = targets_.find(url);
  if (it != targets_.end()) {
    for (Need& need : target.needs) it->second.needs.push_back(std::move(need));
    return;
  }
  if (!target.lookup) {
    // A memento never changes: one read in an earlier run is not fetched again.
    if (std::optional<StoredMemento> stored = store_.FindMemento(url)) {
      Resolve(target, stored, ReadCopy(target.shown_url, *stored));
      return;
    }
  }
  targets_.emplace(url, std::move(target));
  ++outstanding_;
  std::lock_guard<std::mutex> lock(mutex_);
  queued_.push_back(url);
  owned_.insert(url);
}

void ArchiveSeeker::OnArchivePage(PageDone& done) {
  auto it = targets_.find(done.fetch.url);
  if (it == targets_.end()) {
    Finished();
    return;
  }
  Target target = std::move(it->second);
  targets_.erase(it);
  if (target.lookup) {
    FromLookup(std::move(target), done.fetch, done.page);
  } else if (done.fetch.status == LinkStatus::kOk && done.page && !done.page->text.empty()) {
    StoredMemento memento;
    memento.url = done.fetch.url;
    memento.datetime = CopyDatetime(done.fetch, target.shown_url);
    memento.http_status = done.fetch.http_status;
    memento.content_type = done.fetch.content_type;
    memento.page = *done.page;
    store_.SaveMemento(memento);
    Resolve(target, memento, ReadCopy(target.shown_url, memento));
  } else {
    CitationArchive archive = Failed(done.fetch, done.fetch.status == LinkStatus::kOk
                                                     ? "archived copy has no text"
                                                     : "archived copy is " + Described(done.fetch));
    archive.url = target.shown_url;
    archive.datetime = CopyDatetime(done.fetch, target.shown_url);
    Resolve(target, std::nullopt, archive);
  }
  Finished();
}

void ArchiveSeeker::FromLookup(Target target, const FetchResult& lookup, const std::optional<PageText>& page) {
  if (lookup.http_status >= 300 && lookup.http_status < 400 && !lookup.location.empty()) {
    target.lookup = false;
    target.shown_url = lookup.location;
    Want(OriginalBytesUrl(lookup.location), std::move(target));
    return;
  }
  if (lookup.status == LinkStatus::kOk && !lookup.memento_datetime.empty() && page && !page->text.empty()) {
    // A TimeGate that answers with the memento itself (RFC 7089 pattern
    // 1.1): read it here; its URL is the TimeGate's, so it is not stored.
    StoredMemento memento;
    memento.url = lookup.final_url;
    memento.datetime = CopyDatetime(lookup, lookup.final_url);
    memento.http_status = lookup.http_status;
    memento.page = *page;
    Resolve(target, memento, ReadCopy(lookup.final_url, memento));
    return;
  }
  if (lookup.http_status == 404) {
    Resolve(target, std::nullopt, Failed(lookup, "no archived copy"));
    return;
  }
  Resolve(target, std::nullopt, Failed(lookup, "archive lookup failed: " + Described(lookup)));
}

void ArchiveSeeker::Resolve(Target& target, const std::optional<StoredMemento>& memento, CitationArchive archive) {
  std::unique_ptr<PageOutcome> copy;
  if (memento) {
    copy = std::make_unique<PageOutcome>();
    copy->link_status = LinkStatus::kOk;
    copy->http_status = memento->http_status;
    copy->page = std::make_shared<PreparedPage>(memento->page.text, memento->page.language,
                                                memento->page.optional_spans);
  }
  for (Need& need : target.needs) {
    CitationArchive mine = archive;
    mine.from = target.from;
    // A copy the article names whose archive tells no date (no
    // Memento-Datetime, not a Wayback URL): the article's archive-date= is
    // the best word on when it was made.
    const std::string& named_day = ledger_.CitationOf(need.citation).archive_date;
    if (mine.datetime.empty() && target.from == "article" && !named_day.empty()) {
      mine.datetime = named_day + "T00:00:00Z";
    }
    mine.suggested = target.from == "lookup" && mine.url.has_value();
    sink_.save_archive(need.citation.article, need.citation.citation, mine);
    for (auto& [ref, live] : need.held) sink_.record(ref, Decide(need, ref, std::move(live), copy.get(), mine));
  }
}

Verdict ArchiveSeeker::Decide(const Need& need, const QuoteRef& ref, Verdict live, const PageOutcome* copy,
                              const CitationArchive& archive) const {
  if (copy == nullptr) return live;  // no copy read: the live verdict stands, never worse
  const Citation& citation = ledger_.CitationOf(ref);
  Verdict archived = VerdictForCitation(ledger_.QuoteText(ref), citation, copy, match_);
  const std::string day = archive.datetime.empty() ? citation.access_date : DatetimeDay(archive.datetime);
  if (Holds(archived.status) && archived.evidence) {
    const bool better = VerdictRank(archived.status) > VerdictRank(live.status) ||
                        (archived.status == live.status && archived.score > live.score);
    if (!better) return live;
    archived.evidence->archived = true;
    archived.evidence->archive_url = archive.url.value_or("");
    archived.evidence->archive_datetime = archive.datetime;
    if (need.live_ok) archived.reason = "the page changed since " + (day.empty() ? "it was cited" : day);
    return archived;
  }
  if (!live.reason.empty()) live.reason += "; not in the archived copy" + (day.empty() ? "" : " of " + day);
  return live;
}

size_t ArchiveSeeker::Flush() {
  CitationArchive interrupted;
  interrupted.error = "not fetched (run interrupted)";
  for (auto& [url, target] : targets_) Resolve(target, std::nullopt, interrupted);
  const size_t unread = targets_.size();
  targets_.clear();
  return unread;
}

void ArchiveSeeker::Finished() {
  if (outstanding_ > 0) --outstanding_;
}

}  // namespace citecheck
