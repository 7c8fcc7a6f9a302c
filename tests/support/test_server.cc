#include "support/test_server.h"

#include <sys/socket.h>

#include <stdexcept>

namespace citecheck::testing {

TestServer::TestServer(const std::string& host) : host_(host) {
  // httplib's default pool has 8 threads and an idle keep-alive connection
  // holds one, so a test with a slow handler and a few parallel transfers
  // could starve; tests are small, so be generous.
  server_.new_task_queue = [] { return new httplib::ThreadPool(64); };
  server_.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket_ = sock;
  });
  port_ = server_.bind_to_any_port(host_);
  if (port_ <= 0) throw std::runtime_error("test server: cannot bind " + host_);
}

TestServer::~TestServer() { Stop(); }

void TestServer::ServeDirectory(const std::string& dir) {
  if (!server_.set_mount_point("/", dir)) throw std::runtime_error("test server: no dir " + dir);
}

void TestServer::Start() {
  // The socket is already bound and listening: connections queue until the
  // accept loop runs, so there is nothing to wait for here.
  thread_ = std::thread([this] { server_.listen_after_bind(); });
}

void TestServer::Stop() {
  // httplib's stop() does nothing before its accept loop has begun; shutting
  // the listening socket down ends that loop whenever it begins (its accept
  // fails), so a server stopped at once never hangs the join.
  if (listen_socket_ >= 0) shutdown(listen_socket_, SHUT_RDWR);
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

std::string TestServer::Url(const std::string& path) const {
  return "http://" + host_ + ":" + std::to_string(port_) + path;
}

}  // namespace citecheck::testing
