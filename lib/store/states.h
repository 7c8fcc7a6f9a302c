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

std::string_view ToString(RunState state);
std::string_view ToString(JobState state);

// The state named `name` exactly as ToString spells it; nullopt otherwise.
std::optional<RunState> ParseRunState(std::string_view name);
std::optional<JobState> ParseJobState(std::string_view name);

}  // namespace citecheck

#endif  // CITECHECK_STORE_STATES_H_
