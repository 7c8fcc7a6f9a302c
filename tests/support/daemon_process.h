// Runs the real citecheckd as a child process for end-to-end tests: on a
// free loopback port (--listen 127.0.0.1:0, the port read from its log),
// stderr captured to a file, stopped with a signal or killed with SIGKILL.
#ifndef CITECHECK_TESTS_SUPPORT_DAEMON_PROCESS_H_
#define CITECHECK_TESTS_SUPPORT_DAEMON_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace citecheck::testing {

class DaemonProcess {
 public:
  // `log_path` receives its stdout and stderr (appended across restarts).
  // `binary` defaults to the citecheckd built with the tests.
  explicit DaemonProcess(std::string log_path, std::string binary = CITECHECKD_BINARY)
      : log_path_(std::move(log_path)), binary_(std::move(binary)) {}
  ~DaemonProcess();  // SIGKILLs a daemon still running
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  // Starts citecheckd with `args` (add --listen 127.0.0.1:0) and waits until
  // it logs daemon.start; returns false (and the log says why) when it exits
  // or does not start within `timeout`.
  bool Start(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
             std::chrono::milliseconds timeout = std::chrono::seconds(20));
  // Starts the binary without waiting for anything (e.g. citecheck run).
  void Launch(const std::vector<std::string>& args, const std::vector<std::string>& env = {});
  int port() const { return port_; }
  pid_t pid() const { return pid_; }

  void Signal(int signal_number);
  // Waits for it to exit; its exit code, -1 when killed by a signal or on
  // timeout (it is SIGKILLed then).
  int Wait(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  void Kill9();

  std::string Log() const;
  // Waits until the log contains `text` after offset `from` (bytes).
  bool WaitForLog(const std::string& text, std::chrono::milliseconds timeout, size_t from = 0) const;

 private:
  std::string log_path_;
  std::string binary_;
  pid_t pid_ = -1;
  int port_ = 0;
  int last_exit_ = -1;  // exit code of a daemon that exited during Start
};

// Runs citecheckd to completion (for refusals: a second daemon, bad flags).
struct DaemonRun {
  int exit_code = -1;
  std::string err;
};
DaemonRun RunDaemonToExit(const std::vector<std::string>& args, std::chrono::milliseconds timeout);

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_DAEMON_PROCESS_H_
