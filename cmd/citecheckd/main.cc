// citecheckd: the daemon (docs/api.md). Parses flags, takes the instance
// lock, handles signals (SIGTERM/SIGINT stop, SIGHUP reloads the config) and
// runs lib/daemon. Logs go to stderr, one event per line.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "config/allow_private_flag.h"
#include "config/config.h"
#include "daemon/daemon.h"
#include "daemon/instance.h"
#include "daemon/log.h"
#include "store/store.h"

namespace citecheck {
namespace {

constexpr int kExitUsage = 2;

struct Flags {
  std::string config;
  std::string listen;
  std::string db;
  std::string token_file;
  std::optional<std::string> allow_private;
  int stop_grace_s = 10;
  std::optional<int> max_request_bytes;  // overrides daemon.max_request_bytes
};

// The config file, then the flags. Used at start and on SIGHUP.
bool BuildConfig(const Flags& flags, Config* config, std::string* error) {
  ConfigStatus status = LoadConfig(flags.config, config);
  if (status.ok && flags.allow_private) status = ApplyAllowPrivate(*flags.allow_private, &config->fetch);
  if (!status.ok) {
    *error = status.error;
    return false;
  }
  if (!flags.db.empty()) config->db = flags.db;
  if (config->db.empty()) config->db = DefaultDatabasePath();
  if (!flags.listen.empty()) config->daemon.listen = flags.listen;
  if (!flags.token_file.empty()) config->daemon.token_file = flags.token_file;
  if (flags.max_request_bytes) config->daemon.max_request_bytes = *flags.max_request_bytes;
  return true;
}

// Waits for signals on its own thread (they are blocked everywhere else).
void HandleSignals(const sigset_t& signals, const Flags& flags, Daemon& daemon) {
  while (true) {
    int signal_number = 0;
    if (sigwait(&signals, &signal_number) != 0) continue;
    if (signal_number == SIGHUP) {
      Config config;
      std::string error;
      if (BuildConfig(flags, &config, &error)) {
        daemon.Reload(config);
      } else {
        Log(LogLevel::kError, "daemon.reload_failed", {{"error", error}});
      }
      continue;
    }
    Log(LogLevel::kInfo, "daemon.signal", {{"signal", signal_number == SIGTERM ? "SIGTERM" : "SIGINT"}});
    daemon.RequestStop();
    return;
  }
}

int Main(int argc, char** argv) {
  Flags flags;
  std::vector<std::string> args = ExtractAllowPrivate(argc, argv, &flags.allow_private);
  CLI::App app{"citecheckd: scheduled and on-demand citation checks with an HTTP API"};
  app.set_version_flag("--version", std::string("citecheckd ") + CITECHECK_VERSION);
  app.add_option("--config", flags.config, "config file (JSON)");
  app.add_option("--listen", flags.listen, "HOST:PORT to listen on (default 127.0.0.1:8383; port 0: any free port)");
  app.add_option("--db", flags.db, "SQLite database (default $XDG_DATA_HOME/citecheck/citecheck.db)");
  app.add_option("--token-file", flags.token_file, "file holding the API bearer token");
  app.add_option("--stop-grace", flags.stop_grace_s, "seconds a stop waits for in-flight transfers (default 10)")
      ->check(CLI::Range(0, 3600));
  app.add_option("--max-request-bytes", flags.max_request_bytes,
                 "largest API request body (default daemon.max_request_bytes, 4 MiB)")
      ->check(CLI::Range(1024, 1 << 30));
  app.footer(kAllowPrivateHelp);
  std::vector<const char*> cargs;
  for (const std::string& a : args) cargs.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(cargs.size()), const_cast<char**>(cargs.data()));
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }

  DaemonOptions options;
  std::string error;
  if (!BuildConfig(flags, &options.config, &error)) {
    std::cerr << "citecheckd: " << error << "\n";
    return kExitUsage;
  }
  options.stop_grace_s = flags.stop_grace_s;
  options.max_request_bytes = static_cast<size_t>(options.config.daemon.max_request_bytes);

  InstanceLock lock;
  if (!lock.Acquire(options.config.db, &error)) {
    std::cerr << "citecheckd: " << error << "\n";
    return kExitUsage;
  }
  options.sole = lock.mode() == InstanceMode::kAlone;
  std::string token_path;
  bool generated = false;
  if (!LoadOrCreateToken(options.config.daemon.token_file, options.config.db, &options.token, &token_path,
                         &generated, &error)) {
    std::cerr << "citecheckd: " << error << "\n";
    return kExitUsage;
  }
  Log(LogLevel::kInfo, generated ? "token.generated" : "token.loaded", {{"path", token_path}});

  // Block the signals before any thread starts, so only the signal thread
  // receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  Daemon daemon(options);
  if (!daemon.Start(&error)) {
    std::cerr << "citecheckd: " << error << "\n";
    return kExitUsage;
  }
  std::thread signal_thread([&] { HandleSignals(signals, flags, daemon); });
  const bool clean = daemon.Wait();
  signal_thread.join();
  if (!clean) {
    std::cerr << std::flush;
    _exit(0);  // the worker is still in a transfer; its run is already marked interrupted
  }
  return 0;
}

}  // namespace
}  // namespace citecheck

int main(int argc, char** argv) {
  try {
    return citecheck::Main(argc, argv);
  } catch (const citecheck::StoreError& e) {
    std::cerr << "citecheckd: database error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "citecheckd: internal error: " << e.what() << "\n";
  }
  return 2;
}
