// citecheck review: records a reviewer's decision on a quote or citation,
// or lists the decisions in force (docs/review.md).
#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cmd/citecheck/commands.h"
#include "registry/registry.h"
#include "review/review.h"
#include "store/store.h"

namespace citecheck {
namespace {

// --by, else $USER, else $LOGNAME, else the user's name in the password
// database (docs/review.md "Recording a decision").
std::string Reviewer(const std::string& by) {
  if (!by.empty()) return by;
  for (const char* name : {"USER", "LOGNAME"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return value;
  }
  const passwd* entry = getpwuid(getuid());
  return entry != nullptr && entry->pw_name != nullptr ? entry->pw_name : "";
}

int ListCommand(Store& store, const std::string& article) {
  int64_t article_id = 0;
  if (!article.empty()) {
    auto entry = FindNamedArticle(store, article);
    if (!entry) {
      std::cerr << "citecheck: no article " << article << " (see citecheck list)\n";
      return kExitUsage;
    }
    article_id = entry->id;
  }
  std::vector<ReviewListing> list = ListReviews(store, article_id);
  if (list.empty()) {
    std::cout << "No reviews" << (article.empty() ? "" : " for " + article) << ".\n";
    return 0;
  }
  std::printf("%-14s %-9s %-8s %-20s %-16s %-30s %s\n", "KEY", "KIND", "STATE", "AT", "BY", "ARTICLE", "NOTE / ITEM");
  for (const ReviewListing& l : list) {
    std::string what = l.row.note;
    if (!l.subject.empty()) what += (what.empty() ? "" : " — ") + l.subject;
    if (l.subject.empty()) what += (what.empty() ? "" : " — ") + std::string("(no longer in the latest run)");
    std::printf("%-14s %-9s %-8s %-20s %-16s %-30s %s\n", l.row.key.c_str(), l.row.kind.c_str(),
                std::string(ToString(l.effective)).c_str(), l.row.at.c_str(), l.row.by.c_str(),
                l.article_source.c_str(), what.c_str());
  }
  return 0;
}

}  // namespace

int RunReviewCommand(const CommonFlags& common, const ReviewFlags& flags) {
  const int decisions = flags.accept + flags.reject + flags.clear;
  if (flags.list) {
    if (decisions > 0 || !flags.note.empty()) {
      std::cerr << "citecheck: review --list takes no decision; give KEY with --accept, --reject or --clear\n";
      return kExitUsage;
    }
  } else if (flags.key.empty() || decisions != 1) {
    std::cerr << "citecheck: review needs KEY and exactly one of --accept, --reject, --clear (or --list)\n";
    return kExitUsage;
  }
  Config config;
  if (!BuildConfig(common, &config)) return kExitUsage;
  auto store = Store::Open(config.db);
  if (flags.list) return ListCommand(*store, flags.key);
  ReviewRequest request;
  request.key = flags.key;
  request.state = flags.accept ? ReviewState::kAccepted : flags.reject ? ReviewState::kRejected : ReviewState::kCleared;
  request.note = flags.note;
  request.by = Reviewer(flags.by);
  ReviewOutcome outcome = RecordReview(*store, request);
  if (outcome.status != ReviewOutcome::Status::kRecorded) {
    std::cerr << "citecheck: " << outcome.error << "\n";
    return kExitUsage;
  }
  std::cout << ToString(outcome.row.state) << " " << outcome.row.key << " (" << outcome.row.kind
            << (outcome.subject.empty() ? "" : ": " + outcome.subject) << ") by " << outcome.row.by << " at "
            << outcome.row.at << "\n";
  return 0;
}

}  // namespace citecheck
