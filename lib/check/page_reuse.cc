#include "check/page_reuse.h"

#include <memory>
#include <utility>

namespace citecheck {

PageReuse::PageReuse(int64_t max_age_s, const MatchOptions& match, int64_t max_body_bytes)
    : max_age_s_(max_age_s), match_(match), max_body_bytes_(max_body_bytes), verdict_key_(VerdictKey(match)) {}

std::string PageReuse::VerdictKey(const MatchOptions& match) {
  return "matcher=" + std::to_string(kMatcherVersion) + ";near_threshold=" + std::to_string(match.near_threshold);
}

void PageReuse::Load(Store& store, const std::vector<std::string>& urls) {
  validators_.clear();
  if (max_age_s_ <= 0) return;
  for (const std::string& url : urls) {
    if (std::optional<Validators> v = store.FindCachedValidators(url, max_age_s_)) validators_[url] = *v;
  }
}

std::optional<Validators> PageReuse::ConditionalValidators(const std::string& url) const {
  auto it = validators_.find(url);
  if (it == validators_.end() || (it->second.etag.empty() && it->second.last_modified.empty())) {
    return std::nullopt;
  }
  return it->second;
}

bool PageReuse::IsUnchanged(FetchResult* fetch) const {
  if (fetch->not_modified) return true;
  if (fetch->status != LinkStatus::kOk || fetch->body.empty()) return false;
  fetch->body_hash = ContentHash(fetch->body);
  auto it = validators_.find(fetch->url);
  return !fetch->truncated && it != validators_.end() && it->second.body_hash == fetch->body_hash;
}

PageDone PageReuse::Reuse(FetchResult fetch, Store& reader, const QuoteLedger& ledger) const {
  PageDone done = Unchanged(std::move(fetch));
  if (!ReuseVerdicts(&done, reader, ledger)) {
    ReuseText(&done, reader);
    MatchCitingQuotes(&done, ledger, match_);
  }
  return done;
}

PageDone PageReuse::StoredCopy(FetchResult fetch, Store& reader) const {
  PageDone done = Unchanged(std::move(fetch));
  ReuseText(&done, reader);
  return done;
}

PageDone PageReuse::Unchanged(FetchResult fetch) const {
  PageDone done;
  done.text_unchanged = true;
  fetch.body.clear();  // the stored text stands for it
  fetch.body.shrink_to_fit();
  // A 304 has no body: the hash of the one it stands for carries over.
  auto it = validators_.find(fetch.url);
  if (fetch.body_hash.empty() && it != validators_.end()) fetch.body_hash = it->second.body_hash;
  done.fetch = std::move(fetch);
  return done;
}

// Every quote citing the page was decided on the same stored text before:
// the verdicts are reused and the text is not even read. False when any is
// missing (a new or changed quote, other settings, another matcher version).
bool PageReuse::ReuseVerdicts(PageDone* done, Store& reader, const QuoteLedger& ledger) const {
  std::optional<StoredFetch> cached = reader.FindCachedPage(done->fetch.url, /*with_text=*/false);
  if (!cached || !cached->page || cached->content_hash.empty()) return false;
  std::vector<std::pair<QuoteRef, Verdict>> verdicts;
  for (const QuoteRef& ref : ledger.Citing(done->fetch.url)) {
    std::optional<Verdict> v = reader.FindCachedVerdict(cached->content_hash, ledger.QuoteText(ref), verdict_key_);
    if (!v) return false;
    if (v->evidence) v->evidence->citation_id = ledger.CitationOf(ref).id;
    verdicts.emplace_back(ref, std::move(*v));
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

// The stored text stands for the page, without extracting again.
void PageReuse::ReuseText(PageDone* done, Store& reader) const {
  std::optional<StoredFetch> cached = reader.FindCachedPage(done->fetch.url);
  done->outcome.link_status = done->fetch.status;
  done->outcome.http_status = done->fetch.http_status;
  done->outcome.max_body_bytes = max_body_bytes_;
  if (!cached || !cached->page) {
    done->outcome.no_text_reason = done->fetch.http_status == 304
                                       ? "304 Not Modified, but no stored copy of the page"
                                       : "the body is unchanged, but no stored copy of the page";
    return;
  }
  if (done->fetch.content_type.empty()) done->fetch.content_type = cached->fetch.content_type;
  done->fetch.truncated = cached->fetch.truncated;
  done->outcome.truncated = cached->fetch.truncated;
  done->outcome.page = std::make_shared<PreparedPage>(cached->page->text, cached->page->language,
                                                      cached->page->optional_spans);
  done->outcome.paywalled = cached->page->paywalled;
  done->detected_language = cached->detected_language;
  done->known_content_hash = cached->content_hash;
  done->page = std::move(cached->page);
}

}  // namespace citecheck
