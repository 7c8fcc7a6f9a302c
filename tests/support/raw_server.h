// A TCP server on a loopback address with raw POSIX sockets, for behaviours
// cpp-httplib cannot produce: bodies that trickle, peers that never answer,
// HTTP/1.0 replies without Content-Length, connections closed or reset
// mid-body, non-HTTP replies. Each connection runs `handler` on its own
// thread; the socket is closed when the handler returns. Handlers that wait
// must watch `stopping` (set by the destructor) so that the test ends.
#ifndef CITECHECK_TESTS_SUPPORT_RAW_SERVER_H_
#define CITECHECK_TESTS_SUPPORT_RAW_SERVER_H_

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace citecheck::testing {

class RawServer {
 public:
  using Handler = std::function<void(int fd, const std::atomic<bool>& stopping)>;

  // Listens on `host` (a loopback address) on a free port; throws when it
  // cannot.
  explicit RawServer(Handler handler, const std::string& host = "127.0.0.1");
  // Sets `stopping` and joins every connection's thread.
  ~RawServer();

  RawServer(const RawServer&) = delete;
  RawServer& operator=(const RawServer&) = delete;

  std::string Url(const std::string& path, const std::string& scheme = "http") const {
    return scheme + "://" + host_ + ":" + std::to_string(port_) + path;
  }
  int connections() const { return accepted_; }

 private:
  void AcceptLoop();

  Handler handler_;
  std::string host_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> accepted_{0};
  std::thread accept_thread_;
  std::mutex mutex_;
  std::vector<std::thread> connections_;
};

// Reads until the end of the request head (or EOF, or a 2 s silence).
std::string ReadRequestHead(int fd);

// False once the peer is gone (MSG_NOSIGNAL: no SIGPIPE for the test).
bool SendAll(int fd, std::string_view data);

// Delays `ms` (a server that must be slow: the scenario, not a wait for
// something), returning early with false when the server is stopping.
bool Delay(const std::atomic<bool>& stopping, int ms);

// Makes close() send a TCP RST instead of a FIN.
void ResetOnClose(int fd);

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_RAW_SERVER_H_
