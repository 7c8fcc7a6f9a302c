#include "support/daemon_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "support/poll_until.h"
#include "support/spawn.h"

namespace citecheck::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Exit code, -1 for a signal, -2 while still running.
int Reap(pid_t pid, bool block) {
  int status = 0;
  pid_t r;
  do {
    r = waitpid(pid, &status, block ? 0 : WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r == 0) return -2;
  if (r < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

DaemonProcess::~DaemonProcess() {
  if (pid_ > 0) Kill9();
}

bool DaemonProcess::Start(const std::vector<std::string>& args, const std::vector<std::string>& env,
                          std::chrono::milliseconds timeout) {
  const size_t from = Log().size();
  pid_ = SpawnChild(binary_, args, env, {"/dev/null", log_path_, log_path_, /*append=*/true});
  static const std::regex kListen(R"(daemon\.start listen=[^ ]*:(\d+))");
  bool exited = false;
  const bool listening = PollUntil(
      [&] {
        std::string log = Log().substr(std::min(from, Log().size()));
        std::smatch m;
        if (std::regex_search(log, m, kListen)) {
          port_ = std::stoi(m[1]);
          return true;
        }
        if (int code = Reap(pid_, false); code != -2) {
          pid_ = -1;
          last_exit_ = code;
          exited = true;
        }
        return exited;
      },
      timeout);
  if (listening && !exited) return true;
  if (!exited) Kill9();
  return false;
}

void DaemonProcess::Launch(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  pid_ = SpawnChild(binary_, args, env, {"/dev/null", log_path_, log_path_, /*append=*/true});
}

void DaemonProcess::Signal(int signal_number) {
  if (pid_ > 0) kill(pid_, signal_number);
}

int DaemonProcess::Wait(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return last_exit_;
  int code = -2;
  if (PollUntil([&] { return (code = Reap(pid_, false)) != -2; }, timeout)) {
    pid_ = -1;
    return code;
  }
  Kill9();
  return -1;
}

void DaemonProcess::Kill9() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  Reap(pid_, true);
  pid_ = -1;
}

std::string DaemonProcess::Log() const { return ReadAll(log_path_); }

bool DaemonProcess::WaitForLog(const std::string& text, std::chrono::milliseconds timeout, size_t from) const {
  return PollUntil(
      [&] {
        std::string log = Log();
        return log.size() > from && log.find(text, from) != std::string::npos;
      },
      timeout);
}

DaemonRun RunDaemonToExit(const std::vector<std::string>& args, std::chrono::milliseconds timeout) {
  char path[] = "/tmp/citecheckd-run-XXXXXX";
  int fd = mkstemp(path);
  if (fd >= 0) close(fd);
  DaemonRun run;
  {
    DaemonProcess process(path);
    process.Start(args, {}, timeout);  // a refused start exits before daemon.start
    run.exit_code = process.Wait(timeout);
    run.err = process.Log();
  }
  unlink(path);
  return run;
}

}  // namespace citecheck::testing
