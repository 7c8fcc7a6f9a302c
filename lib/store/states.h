// The lifecycle states of a run and of a daemon job, as stored in the
// database and shown in reports and the API. Their names live here only:
// everything else uses the enums.
#ifndef CITECHECK_STORE_STATES_H_
#define CITECHECK_STORE_STATES_H_

#include <optional>
#include <string_view>

namespace citecheck {

// A run is running until it is finished as done, interrupted (stopped, or
// found running after its process died) or failed.
enum class RunState { kRunning, kDone, kInterrupted, kFailed };

// A job is queued, claimed (running), then done or failed; a job stopped by
// shutdown is queued again so that its run resumes.
enum class JobState { kQueued, kRunning, kDone, kFailed };

// A reviewer's decision on a quote or citation (docs/review.md). History
// rows store accepted, rejected or cleared (a decision withdrawn); the
// review shown on an item of a run is accepted, rejected or stale (accepted
// on a quote text or page text that has changed since).
enum class ReviewState { kAccepted, kRejected, kStale, kCleared };

std::string_view ToString(RunState state);
std::string_view ToString(JobState state);
std::string_view ToString(ReviewState state);

// The state named `name` exactly as ToString spells it; nullopt otherwise.
std::optional<RunState> ParseRunState(std::string_view name);
std::optional<JobState> ParseJobState(std::string_view name);
std::optional<ReviewState> ParseReviewState(std::string_view name);

}  // namespace citecheck

#endif  // CITECHECK_STORE_STATES_H_
