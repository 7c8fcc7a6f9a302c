// Waiting for a condition that lives in another process (a child's log, its
// database, its HTTP API), which cannot notify this one. Conditions inside
// the test process wait on a condition variable instead.
#ifndef CITECHECK_TESTS_SUPPORT_POLL_UNTIL_H_
#define CITECHECK_TESTS_SUPPORT_POLL_UNTIL_H_

#include <chrono>
#include <functional>

namespace citecheck::testing {

// Calls `done` every `every` until it returns true (then true) or `timeout`
// has passed (then false). Give a generous timeout: a loaded machine is slow.
bool PollUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout,
               std::chrono::milliseconds every = std::chrono::milliseconds(20));

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_POLL_UNTIL_H_
