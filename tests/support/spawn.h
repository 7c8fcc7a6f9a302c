// Starting a child process for tests, with its standard streams redirected
// to files (files, not pipes: no deadlock however much the child writes).
#ifndef CITECHECK_TESTS_SUPPORT_SPAWN_H_
#define CITECHECK_TESTS_SUPPORT_SPAWN_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace citecheck::testing {

struct ChildStreams {
  std::string stdin_path = "/dev/null";
  std::string stdout_path;
  std::string stderr_path;
  bool append = false;  // append to the output files instead of truncating them
};

// Starts `binary` with `args`; environment: the parent's plus `env`
// ("NAME=value"). Returns its pid; throws when it cannot be started.
pid_t SpawnChild(const std::string& binary, const std::vector<std::string>& args,
                 const std::vector<std::string>& env, const ChildStreams& streams);

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_SPAWN_H_
