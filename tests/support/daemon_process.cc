#include "support/daemon_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace citecheck::testing {
namespace {

pid_t Spawn(const std::string& binary, const std::vector<std::string>& args, const std::vector<std::string>& env,
            const std::string& log_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  std::vector<std::string> argv_storage = {binary};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_storage;
  for (char** e = environ; *e != nullptr; ++e) env_storage.emplace_back(*e);
  env_storage.insert(env_storage.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot run " + binary + ": " + std::strerror(rc));
  return pid;
}

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
  pid_ = Spawn(binary_, args, env, log_path_);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  static const std::regex kListen(R"(daemon\.start listen=[^ ]*:(\d+))");
  while (std::chrono::steady_clock::now() < deadline) {
    std::string log = Log().substr(std::min(from, Log().size()));
    std::smatch m;
    if (std::regex_search(log, m, kListen)) {
      port_ = std::stoi(m[1]);
      return true;
    }
    if (int code = Reap(pid_, false); code != -2) {
      pid_ = -1;
      last_exit_ = code;
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  Kill9();
  return false;
}

void DaemonProcess::Launch(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  pid_ = Spawn(binary_, args, env, log_path_);
}

void DaemonProcess::Signal(int signal_number) {
  if (pid_ > 0) kill(pid_, signal_number);
}

int DaemonProcess::Wait(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return last_exit_;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int code = Reap(pid_, false);
    if (code != -2) {
      pid_ = -1;
      return code;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
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
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::string log = Log();
    if (log.size() > from && log.find(text, from) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
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
