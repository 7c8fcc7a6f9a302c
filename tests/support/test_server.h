// A real HTTP server on 127.0.0.1 for tests (cpp-httplib), on a free port,
// running on its own thread for the lifetime of the object.
#ifndef CITECHECK_TESTS_SUPPORT_TEST_SERVER_H_
#define CITECHECK_TESTS_SUPPORT_TEST_SERVER_H_

#include <httplib.h>

#include <string>
#include <thread>

namespace citecheck::testing {

class TestServer {
 public:
  // Binds `host` (default 127.0.0.1) on a free port. Register handlers with
  // server() before calling Start().
  explicit TestServer(const std::string& host = "127.0.0.1");
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  httplib::Server& server() { return server_; }
  // Serves every file of `dir` at "/<name>" with a content type by extension.
  void ServeDirectory(const std::string& dir);
  void Start();
  void Stop();

  int port() const { return port_; }
  // "http://127.0.0.1:PORT" + path
  std::string Url(const std::string& path) const;

 private:
  httplib::Server server_;
  std::string host_;
  int port_ = 0;
  int listen_socket_ = -1;  // owned by server_
  std::thread thread_;
};

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_TEST_SERVER_H_
