#include "support/run_binary.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

#include "support/spawn.h"
#include "support/temp_dir.h"

namespace citecheck::testing {

RunOutput RunBinary(const std::string& binary, const std::vector<std::string>& args,
                    const std::string& stdin_text, const std::vector<std::string>& env) {
  // Files rather than pipes: no deadlock however much the child writes.
  TempDir io;
  std::string in_path = io.Write("stdin", stdin_text);
  std::string out_path = io.File("stdout");
  std::string err_path = io.File("stderr");

  pid_t pid = SpawnChild(binary, args, env, {in_path, out_path, err_path, /*append=*/false});
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  RunOutput output;
  output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  output.out = ReadFile(out_path);
  output.err = ReadFile(err_path);
  return output;
}

RunOutput RunCitecheck(const std::vector<std::string>& args, const std::string& stdin_text,
                       const std::vector<std::string>& env) {
  return RunBinary(CITECHECK_BINARY, args, stdin_text, env);
}

}  // namespace citecheck::testing
