#include "history/changes.h"

#include <algorithm>
#include <map>

namespace citecheck {
namespace {

// Deep history is not needed to tell an outage from rot.
constexpr int kMaxStreakRuns = 1000;

bool LinkOk(LinkStatus status) { return !IsLinkProblem(status); }

std::string LinkKey(const CitationRecord& c) {
  return c.citation.normalized_url.empty() ? "#" + c.citation.id : c.citation.normalized_url;
}

// A link whose URL the run never fetched (interrupted) says nothing.
bool LinkKnown(const CitationRecord& c) {
  return !(c.link_status == LinkStatus::kError && c.http_status == 0 && c.final_url.empty() &&
           c.error.rfind("not fetched", 0) == 0);
}

LinkChange MakeLinkChange(const CitationRecord& before, const CitationRecord& after) {
  LinkChange change;
  change.citation_id = after.citation.id;
  change.url = after.citation.url;
  change.before = before.link_status;
  change.after = after.link_status;
  change.error = after.error;
  return change;
}

QuoteChange MakeQuoteChange(const QuoteRecord& before, const QuoteRecord& after) {
  QuoteChange change;
  change.text = after.quote.text;
  change.line = after.quote.line;
  change.before = before.verdict.status;
  change.after = after.verdict.status;
  change.reason = after.verdict.reason;
  return change;
}

void DiffLinks(const ArticleRecord& previous, const ArticleRecord& current, ArticleChanges* changes) {
  std::map<std::string, const CitationRecord*> before;
  for (const CitationRecord& c : previous.citations) {
    if (LinkKnown(c)) before.emplace(LinkKey(c), &c);
  }
  std::map<std::string, bool> seen;
  for (const CitationRecord& c : current.citations) {
    const std::string key = LinkKey(c);
    if (!LinkKnown(c) || seen[key]) continue;
    seen[key] = true;
    auto it = before.find(key);
    if (it == before.end()) continue;
    const CitationRecord& old = *it->second;
    if (LinkOk(old.link_status) && !LinkOk(c.link_status)) {
      changes->links_newly_broken.push_back(MakeLinkChange(old, c));
    } else if (!LinkOk(old.link_status) && LinkOk(c.link_status)) {
      changes->links_recovered.push_back(MakeLinkChange(old, c));
    } else if (old.link_status == LinkStatus::kOk && c.link_status == LinkStatus::kOk &&
               !old.content_hash.empty() && !c.content_hash.empty() && old.content_hash != c.content_hash) {
      changes->pages_changed.push_back({c.citation.id, c.citation.url});
    }
  }
}

// Verified or a near match, on the live page or in an archived copy of it
// (Store::ScanRunPair reads only the archived flag and date of evidence).
bool Held(const QuoteRecord& q) {
  return q.verdict.status == QuoteStatus::kVerified || q.verdict.status == QuoteStatus::kNearMatch;
}
bool InCopy(const QuoteRecord& q) { return q.verdict.evidence && q.verdict.evidence->archived; }
bool HeldLive(const QuoteRecord& q) { return Held(q) && !InCopy(q); }
bool HeldInCopy(const QuoteRecord& q) { return Held(q) && InCopy(q); }

void DiffQuotes(const ArticleRecord& previous, const ArticleRecord& current, ArticleChanges* changes) {
  std::map<std::string, const QuoteRecord*> before;
  for (const QuoteRecord& q : previous.quotes) {
    if (q.decided) before.emplace(q.quote.text, &q);
  }
  for (const QuoteRecord& q : current.quotes) {
    if (!q.decided) continue;
    auto it = before.find(q.quote.text);
    if (it == before.end()) continue;
    const bool was = it->second->verdict.status == QuoteStatus::kVerified;
    const bool is = q.verdict.status == QuoteStatus::kVerified;
    if (was && !is) changes->quotes_no_longer_verified.push_back(MakeQuoteChange(*it->second, q));
    if (!was && is) changes->quotes_newly_verified.push_back(MakeQuoteChange(*it->second, q));
    // The same verdict, now found only in a copy (a change of verdict is
    // told by the two lists above instead).
    if (HeldLive(*it->second) && HeldInCopy(q) && it->second->verdict.status == q.verdict.status) {
      QuoteChange moved = MakeQuoteChange(*it->second, q);
      moved.archive_datetime = q.verdict.evidence->archive_datetime;
      changes->quotes_moved_to_archive.push_back(std::move(moved));
    }
    before.erase(it);  // a repeated quote is compared once
  }
}

// Runs in a row, newest first from `run_id`, with the link not ok.
BrokenLink Streak(Store& store, int64_t article_id, int64_t run_id, const CitationRecord& c) {
  BrokenLink link;
  link.citation_id = c.citation.id;
  link.url = c.citation.url;
  link.status = c.link_status;
  link.consecutive_runs = 0;
  if (c.citation.normalized_url.empty()) {  // unresolved or malformed: no history by URL
    link.consecutive_runs = 1;
    return link;
  }
  // Runs a prune deleted live on as a summary (docs/storage.md "Retention"),
  // which stands for every run up to through_run_id: a run after it reads
  // the stored runs down to there, then the summary.
  const PrunedStreak pruned = store.PrunedStreakOf(article_id, c.citation.normalized_url);
  const bool after_prune = run_id > pruned.through_run_id;
  bool ended = false;
  for (const LinkHistoryEntry& entry :
       store.LinkHistory(article_id, c.citation.normalized_url, run_id, kMaxStreakRuns)) {
    if (after_prune && entry.run_id <= pruned.through_run_id) break;
    if (!entry.fetched) continue;
    if (LinkOk(entry.status)) {
      ended = true;
      break;
    }
    ++link.consecutive_runs;
    link.since = entry.started_at;
  }
  if (!ended && after_prune && pruned.broken_runs > 0) {
    link.consecutive_runs += pruned.broken_runs;
    link.since = pruned.since;
  }
  if (link.consecutive_runs == 0) link.consecutive_runs = 1;
  return link;
}

}  // namespace

ArticleChanges DiffArticles(const ArticleRecord* previous, const ArticleRecord& current) {
  ArticleChanges changes;
  if (previous == nullptr) return changes;
  DiffLinks(*previous, current, &changes);
  DiffQuotes(*previous, current, &changes);
  return changes;
}

void AttachChanges(Store& store, RunRecord* run) {
  // Changes stored when the run ended (report/latest_changes.h) are read
  // in one pass; only the articles without them are diffed here.
  std::vector<int64_t> ids;
  for (const ArticleRecord& article : run->articles) ids.push_back(article.article_id);
  std::sort(ids.begin(), ids.end());
  std::map<int64_t, ArticleChanges> stored;
  if (run->run_id > 0 && !ids.empty()) store.ReadRunChanges(run->run_id, ids, [&](ArticleRecord& article, int) {
    stored.emplace(article.article_id, std::move(*article.changes));
  });
  for (ArticleRecord& article : run->articles) {
    auto it = stored.find(article.article_id);
    if (it != stored.end()) {
      article.changes = std::move(it->second);
      continue;
    }
    std::vector<RunRef> older = store.RunsOfArticle(article.article_id, 1, run->run_id);
    ArticleChanges changes;
    if (!older.empty()) {
      RunRecord previous = store.LoadRunArticle(older.front().run_id, article.article_id);
      if (!previous.articles.empty()) {
        changes = DiffArticles(&previous.articles.front(), article);
        changes.previous_run_id = older.front().run_id;
        changes.previous_checked_at = previous.articles.front().checked_at;
      }
    }
    changes.broken_links = BrokenLinks(store, article, run->run_id);
    article.changes = std::move(changes);
  }
}

std::vector<BrokenLink> BrokenLinks(Store& store, const ArticleRecord& article, int64_t run_id) {
  std::vector<BrokenLink> links;
  std::map<std::string, bool> seen;
  for (const CitationRecord& c : article.citations) {
    if (LinkOk(c.link_status) || !LinkKnown(c) || seen[LinkKey(c)]) continue;
    seen[LinkKey(c)] = true;
    BrokenLink link = Streak(store, article.article_id, run_id, c);
    if (link.since.empty()) link.since = article.checked_at;
    links.push_back(std::move(link));
  }
  return links;
}

}  // namespace citecheck
