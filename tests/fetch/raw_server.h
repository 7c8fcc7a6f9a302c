// A TCP server on a loopback address with raw POSIX sockets, for behaviours
// cpp-httplib cannot produce: bodies that trickle, peers that never answer,
// HTTP/1.0 replies without Content-Length, connections closed or reset
// mid-body, non-HTTP replies. Each connection runs `handler` on its own
// thread; the socket is closed when the handler returns. Handlers that wait
// must watch `stopping` (set by the destructor) so that the test ends.
// Header-only: tests/fetch builds its *_test.cc files only.
#ifndef CITECHECK_TESTS_FETCH_RAW_SERVER_H_
#define CITECHECK_TESTS_FETCH_RAW_SERVER_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace citecheck::testing {

class RawServer {
 public:
  using Handler = std::function<void(int fd, const std::atomic<bool>& stopping)>;

  explicit RawServer(Handler handler, const std::string& host = "127.0.0.1")
      : handler_(std::move(handler)), host_(host) {
    listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    inet_pton(AF_INET, host.c_str(), &address.sin_addr);
    socklen_t length = sizeof(address);
    if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        listen(listen_fd_, 16) != 0 ||
        getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      close(listen_fd_);
      throw std::runtime_error("raw server: cannot listen on " + host);
    }
    port_ = ntohs(address.sin_port);
    accept_thread_ = std::thread([this] { AcceptLoop(); });
  }

  ~RawServer() {
    stopping_ = true;
    accept_thread_.join();
    close(listen_fd_);
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::thread& thread : connections_) thread.join();
  }

  RawServer(const RawServer&) = delete;
  RawServer& operator=(const RawServer&) = delete;

  std::string Url(const std::string& path, const std::string& scheme = "http") const {
    return scheme + "://" + host_ + ":" + std::to_string(port_) + path;
  }
  int connections() const { return accepted_; }

 private:
  void AcceptLoop() {
    while (!stopping_) {
      pollfd listening{listen_fd_, POLLIN, 0};
      if (poll(&listening, 1, 50) <= 0) continue;
      int fd = accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) continue;
      ++accepted_;
      std::lock_guard<std::mutex> lock(mutex_);
      connections_.emplace_back([this, fd] {
        handler_(fd, stopping_);
        close(fd);
      });
    }
  }

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
inline std::string ReadRequestHead(int fd) {
  std::string head;
  char buffer[4096];
  while (head.find("\r\n\r\n") == std::string::npos) {
    pollfd readable{fd, POLLIN, 0};
    if (poll(&readable, 1, 2000) <= 0) break;
    ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
    if (n <= 0) break;
    head.append(buffer, static_cast<size_t>(n));
  }
  return head;
}

// False once the peer is gone (MSG_NOSIGNAL: no SIGPIPE for the test).
inline bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Sleeps `ms` in small steps; false when the server is stopping.
inline bool Wait(const std::atomic<bool>& stopping, int ms) {
  for (int waited = 0; waited < ms; waited += 10) {
    if (stopping) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return !stopping;
}

// Makes close() send a TCP RST instead of a FIN.
inline void ResetOnClose(int fd) {
  linger abort_close{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort_close, sizeof(abort_close));
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_FETCH_RAW_SERVER_H_
