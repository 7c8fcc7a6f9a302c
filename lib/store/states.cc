#include "store/states.h"

namespace citecheck {

std::string_view ToString(RunState state) {
  switch (state) {
    case RunState::kRunning: return "running";
    case RunState::kDone: return "done";
    case RunState::kInterrupted: return "interrupted";
    case RunState::kFailed: return "failed";
  }
  return "failed";
}

std::string_view ToString(JobState state) {
  switch (state) {
    case JobState::kQueued: return "queued";
    case JobState::kRunning: return "running";
    case JobState::kDone: return "done";
    case JobState::kFailed: return "failed";
  }
  return "failed";
}

std::string_view ToString(ReviewState state) {
  switch (state) {
    case ReviewState::kAccepted: return "accepted";
    case ReviewState::kRejected: return "rejected";
    case ReviewState::kStale: return "stale";
    case ReviewState::kCleared: return "cleared";
  }
  return "cleared";
}

std::optional<RunState> ParseRunState(std::string_view name) {
  for (RunState s : {RunState::kRunning, RunState::kDone, RunState::kInterrupted, RunState::kFailed}) {
    if (ToString(s) == name) return s;
  }
  return std::nullopt;
}

std::optional<JobState> ParseJobState(std::string_view name) {
  for (JobState s : {JobState::kQueued, JobState::kRunning, JobState::kDone, JobState::kFailed}) {
    if (ToString(s) == name) return s;
  }
  return std::nullopt;
}

std::optional<ReviewState> ParseReviewState(std::string_view name) {
  for (ReviewState s : {ReviewState::kAccepted, ReviewState::kRejected, ReviewState::kStale, ReviewState::kCleared}) {
    if (ToString(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace citecheck
