#include "report/review_label.h"

namespace citecheck {
namespace {

std::string DateOf(const std::string& at) { return at.substr(0, 10); }

}  // namespace

std::string ReviewLabel(const std::optional<ReviewMark>& review) {
  if (!review) return "";
  if (review->state == ReviewState::kStale) {
    return "stale: accepted on " + DateOf(review->at) + " by " + review->by + ", changed since";
  }
  std::string label = std::string(ToString(review->state)) + " by " + review->by + " on " + DateOf(review->at);
  if (!review->note.empty()) label += ": " + review->note;
  return label;
}

std::string StaleReviewText(const StaleReview& stale) {
  return "accepted on " + DateOf(stale.at) + " by " + stale.by + ", " + stale.reason;
}

nlohmann::ordered_json ReviewJson(const std::optional<ReviewMark>& review) {
  if (!review) return nullptr;
  return {{"state", ToString(review->state)},
          {"note", review->note.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(review->note)},
          {"by", review->by},
          {"at", review->at}};
}

}  // namespace citecheck
