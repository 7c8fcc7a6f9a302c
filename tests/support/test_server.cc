#include "support/test_server.h"

#include <chrono>
#include <stdexcept>

namespace citecheck::testing {

TestServer::TestServer(const std::string& host) : host_(host) {
  // httplib's default pool has 8 threads and an idle keep-alive connection
  // holds one, so a test with a slow handler and a few parallel transfers
  // could starve; tests are small, so be generous.
  server_.new_task_queue = [] { return new httplib::ThreadPool(64); };
  port_ = server_.bind_to_any_port(host_);
  if (port_ <= 0) throw std::runtime_error("test server: cannot bind " + host_);
}

TestServer::~TestServer() { Stop(); }

void TestServer::ServeDirectory(const std::string& dir) {
  if (!server_.set_mount_point("/", dir)) throw std::runtime_error("test server: no dir " + dir);
}

void TestServer::Start() {
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // httplib 0.11 has no wait_until_ready(); the socket is already bound and
  // listening, so connections queue until the loop runs. Wait briefly anyway
  // so that is_running() is true for tests that check it.
  for (int i = 0; i < 200 && !server_.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void TestServer::Stop() {
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

std::string TestServer::Url(const std::string& path) const {
  return "http://" + host_ + ":" + std::to_string(port_) + path;
}

}  // namespace citecheck::testing
