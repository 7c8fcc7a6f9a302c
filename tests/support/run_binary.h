// Runs a built binary (the real citecheck) as a child process and captures
// its exit code, stdout and stderr, for end-to-end tests.
#ifndef CITECHECK_TESTS_SUPPORT_RUN_BINARY_H_
#define CITECHECK_TESTS_SUPPORT_RUN_BINARY_H_

#include <string>
#include <vector>

namespace citecheck::testing {

struct RunOutput {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs `binary` with `args`; `stdin_text` is fed to its standard input.
// Environment: the parent's, plus `env` entries ("NAME=value").
RunOutput RunBinary(const std::string& binary, const std::vector<std::string>& args,
                    const std::string& stdin_text = "", const std::vector<std::string>& env = {});

// RunBinary on the citecheck built with the tests.
RunOutput RunCitecheck(const std::vector<std::string>& args, const std::string& stdin_text = "",
                       const std::vector<std::string>& env = {});

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_RUN_BINARY_H_
