#include "review/review.h"

#include <map>
#include <optional>

#include "core/utf8.h"
#include "review/keys.h"

namespace citecheck {
namespace {

// An item of an article's latest run that a key names.
struct FoundItem {
  int64_t article_id = 0;
  int64_t run_id = 0;
  std::string kind;
  std::string content_hash;
  std::string quote_text;
  std::string subject;
};

std::string IdentityOf(Store& store, int64_t article_id) {
  std::optional<ArticleEntry> entry = store.FindArticle(article_id);
  return entry ? entry->identity : std::to_string(article_id);
}

std::optional<ArticleRecord> LatestArticle(Store& store, int64_t article_id, int64_t* run_id) {
  std::vector<RunRef> runs = store.RunsOfArticle(article_id, 1);
  if (runs.empty()) return std::nullopt;
  RunRecord run = store.LoadRunArticle(runs.front().run_id, article_id);
  if (run.articles.empty()) return std::nullopt;
  *run_id = runs.front().run_id;
  return std::move(run.articles.front());
}

std::optional<FoundItem> FindInArticle(const ArticleRecord& article, const std::string& identity,
                                       const std::string& key) {
  FoundItem item;
  item.article_id = article.article_id;
  for (const QuoteRecord& q : article.quotes) {
    if (QuoteKey(identity, q.quote, article.citations) != key) continue;
    item.kind = kReviewKindQuote;
    item.content_hash = QuotePageHashes(q.quote, article.citations);
    item.quote_text = q.quote.text;
    item.subject = q.quote.text;
    return item;
  }
  for (const CitationRecord& c : article.citations) {
    if (CitationKey(identity, c.citation) != key) continue;
    item.kind = kReviewKindCitation;
    item.content_hash = c.content_hash;
    item.subject = c.citation.url.empty() ? "[" + c.citation.id + "]" : c.citation.url;
    return item;
  }
  return std::nullopt;
}

std::optional<FoundItem> FindItem(Store& store, const std::string& key, int64_t article_id) {
  std::vector<int64_t> articles;
  if (article_id > 0) {
    articles.push_back(article_id);
  } else {
    // A key decided on before names its article: look there first, so that
    // a second decision reads one article, not every checked one in turn.
    const std::vector<ReviewRow> earlier = store.ReviewHistory(key);
    const int64_t known = earlier.empty() ? 0 : earlier.back().article_id;
    if (known > 0) articles.push_back(known);
    for (int64_t id : store.CheckedArticles()) {
      if (id != known) articles.push_back(id);
    }
  }
  for (int64_t id : articles) {
    int64_t run_id = 0;
    std::optional<ArticleRecord> article = LatestArticle(store, id, &run_id);
    if (!article) continue;
    std::optional<FoundItem> item = FindInArticle(*article, IdentityOf(store, id), key);
    if (!item) continue;
    item->run_id = run_id;
    return item;
  }
  return std::nullopt;
}

ReviewOutcome Invalid(std::string error) {
  ReviewOutcome outcome;
  outcome.status = ReviewOutcome::Status::kInvalid;
  outcome.error = std::move(error);
  return outcome;
}

std::optional<std::string> CheckRequest(const ReviewRequest& r) {
  if (r.state == ReviewState::kStale) return "a review is accepted, rejected or cleared, never recorded stale";
  if (r.by.empty()) return "a review needs the reviewer's name (--by)";
  if (r.by.size() > kMaxReviewerBytes) return "reviewer name longer than " + std::to_string(kMaxReviewerBytes) + " bytes";
  if (r.note.size() > kMaxReviewNoteBytes) return "note longer than " + std::to_string(kMaxReviewNoteBytes) + " bytes";
  if (!IsValidUtf8(r.note) || !IsValidUtf8(r.by)) return "note and reviewer name must be valid UTF-8";
  return std::nullopt;
}

// A cleared decision on a key that no latest run holds any more: the key of
// a quote edited out of its article.
std::optional<ReviewRow> ReviewInForce(Store& store, const std::string& key) {
  std::vector<ReviewRow> history = store.ReviewHistory(key);
  if (history.empty() || history.back().state == ReviewState::kCleared) return std::nullopt;
  return history.back();
}

// The key as typed, for an error message: printable ASCII (else '?'), at
// most 40 characters, so any input gives a valid, short message.
std::string ShownText(const std::string& text) {
  std::string shown;
  for (char c : text.substr(0, 40)) shown.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  return text.size() <= 40 ? shown : shown + "...";
}

// The review in force on an item as of now, given what it is decided on now.
std::optional<ReviewMark> Evaluate(const ReviewRow* row, const std::string& content_hash, const std::string& quote_text,
                                   std::string* stale_reason) {
  if (row == nullptr) return std::nullopt;
  ReviewMark mark{row->state, row->note, row->by, row->at};
  if (row->state != ReviewState::kAccepted) return mark;
  if (row->quote_text != quote_text) {
    *stale_reason = "the quote has changed since";
  } else if (row->content_hash != content_hash) {
    *stale_reason = "the page has changed since";
  } else {
    return mark;
  }
  mark.state = ReviewState::kStale;
  return mark;
}

void ApplyToArticle(Store& store, ArticleRecord* article) {
  const std::string identity = IdentityOf(store, article->article_id);
  std::map<std::string, ReviewRow> reviews;
  for (ReviewRow& row : store.CurrentReviews(article->article_id)) reviews.emplace(row.key, std::move(row));
  auto row_of = [&](const std::string& key) -> const ReviewRow* {
    auto it = reviews.find(key);
    return it == reviews.end() ? nullptr : &it->second;
  };
  std::vector<StaleReview> stale;
  for (QuoteRecord& q : article->quotes) {
    q.key = QuoteKey(identity, q.quote, article->citations);
    std::string reason;
    q.review = Evaluate(row_of(q.key), QuotePageHashes(q.quote, article->citations), q.quote.text, &reason);
    if (q.review && q.review->state == ReviewState::kStale) {
      stale.push_back({q.key, kReviewKindQuote, q.quote.text, q.quote.line, q.review->by, q.review->at, reason});
    }
  }
  for (CitationRecord& c : article->citations) {
    c.key = CitationKey(identity, c.citation);
    std::string reason;
    c.review = Evaluate(row_of(c.key), c.content_hash, "", &reason);
    if (c.review && c.review->state == ReviewState::kStale) {
      stale.push_back({c.key, kReviewKindCitation, c.citation.url, c.citation.line, c.review->by, c.review->at,
                       reason});
    }
  }
  if (stale.empty()) return;
  if (!article->changes) article->changes.emplace();
  for (StaleReview& s : stale) article->changes->stale_reviews.push_back(std::move(s));
}

}  // namespace

ReviewOutcome RecordReview(Store& store, const ReviewRequest& request) {
  if (std::optional<std::string> error = CheckRequest(request)) return Invalid(*error);
  std::optional<FoundItem> item = FindItem(store, request.key, request.article_id);
  ReviewRow row;
  row.key = request.key;
  row.state = request.state;
  row.note = request.note;
  row.by = request.by;
  ReviewOutcome outcome;
  if (item) {
    row.article_id = item->article_id;
    row.kind = item->kind;
    row.content_hash = item->content_hash;
    row.quote_text = item->quote_text;
    row.run_id = item->run_id;
    outcome.subject = item->subject;
  } else if (std::optional<ReviewRow> in_force = ReviewInForce(store, request.key);
             in_force && request.state == ReviewState::kCleared) {
    row.article_id = in_force->article_id;
    row.kind = in_force->kind;
    outcome.subject = in_force->kind == kReviewKindQuote ? in_force->quote_text : "";
  } else {
    outcome.status = ReviewOutcome::Status::kUnknownKey;
    outcome.error = "no quote or citation has key " + ShownText(request.key) +
                    (request.article_id > 0 ? " in article " + std::to_string(request.article_id) : "") +
                    " (keys are shown in every report)";
    return outcome;
  }
  outcome.row = store.SaveReview(row);
  return outcome;
}

void ApplyReviews(Store& store, RunRecord* run) {
  for (ArticleRecord& article : run->articles) ApplyToArticle(store, &article);
}

std::vector<ReviewListing> ListReviews(Store& store, int64_t article_id) {
  std::map<int64_t, std::vector<ReviewRow>> by_article;
  for (ReviewRow& row : store.CurrentReviews(article_id)) by_article[row.article_id].push_back(std::move(row));
  std::vector<ReviewListing> list;
  for (auto& [id, rows] : by_article) {
    std::optional<ArticleEntry> entry = store.FindArticle(id);
    int64_t run_id = 0;
    std::optional<ArticleRecord> article = LatestArticle(store, id, &run_id);
    std::map<std::string, std::pair<ReviewState, std::string>> now;  // key -> (effective, subject)
    if (article) {
      ApplyToArticle(store, &*article);
      for (const QuoteRecord& q : article->quotes) {
        if (q.review) now[q.key] = {q.review->state, q.quote.text};
      }
      for (const CitationRecord& c : article->citations) {
        if (c.review) now[c.key] = {c.review->state, c.citation.url};
      }
    }
    for (ReviewRow& row : rows) {
      ReviewListing listing;
      listing.article_source = entry ? entry->source : std::to_string(id);
      auto it = now.find(row.key);
      listing.effective = it != now.end() ? it->second.first : row.state;
      listing.subject = it != now.end() ? it->second.second : "";
      listing.row = std::move(row);
      list.push_back(std::move(listing));
    }
  }
  return list;
}

bool ProblemUnderReview(bool verdict_problem, const std::optional<ReviewMark>& review) {
  if (!review) return verdict_problem;
  switch (review->state) {
    case ReviewState::kAccepted: return false;
    case ReviewState::kRejected: return true;
    default: return verdict_problem;
  }
}

}  // namespace citecheck
